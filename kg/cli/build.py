"""``kg build``: a corpus into a graph file, a store (``--store``), or N-Quads shards (``--engine dask``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from kg import api
from kg.errors import KGError

from .common import console, err, fail, parse_date, phases, progress, warn

ENGINES = ("local", "dask")

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders (.txt), or .jsonl/.parquet tables; default: the sample corpus."),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help="Graph file to write, in the format of its suffix: .ttl, .nt, .jsonld, or .trig/.nq with "
        "the named graphs; default graph.ttl (with --store: none).",
    ),
]
KnowledgeOpt = Annotated[
    list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder (actors, lexicon).")
]
DateOpt = Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for articles that state none.")]
ValidateOpt = Annotated[
    bool, typer.Option("--validate/--no-validate", help="Check the graph against the SHACL shapes.")
]
StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Add the articles to the on-disk graph store in this folder (created if new) instead of "
        "rebuilding: unchanged articles are skipped, changed ones replaced.",
    ),
]
ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="A model trained by kg train: proposes people the gazetteer lacks.")
]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=1, help="Extract in this many processes (the graph is the same whatever the number)."
    ),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        help="local, or dask: a Dask job writing a folder of N-Quads shards (-o DIR; inputs may also be "
        "globs, .jsonl and .parquet files of articles).",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="With --engine dask: the scheduler (tcp://host:8786); default: a local one."),
]
PartitionOpt = Annotated[int, typer.Option("--partition-size", min=1, help="With --engine dask: articles per task.")]


def build(
    paths: PathsArg = None,
    output: OutputOpt = None,
    knowledge: KnowledgeOpt = None,
    on_date: DateOpt = None,
    validate: ValidateOpt = True,
    store: StoreOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    partition_size: PartitionOpt = 200,
) -> None:
    """Build the knowledge graph of a corpus: a graph file, or additions to a store (--store)."""
    if engine != "local" or scheduler is not None:
        folder = _check_dask_options(engine, output, store, jobs, scheduler)
        _dask_build(paths, folder, knowledge, on_date, validate, model, jobs, scheduler, partition_size)
        return
    day = parse_date(on_date)
    options: dict[str, Any] = {"knowledge_dirs": knowledge or [], "model_dir": model, "jobs": jobs}
    options.update(default_date=day, validate=validate, on_extracted=_warn_problems)
    try:
        if output is not None:
            api.check_output(output)  # an unknown suffix fails here, before any extraction
        with progress() as bar:
            task = bar.add_task("extracting", total=api.count_articles(api.sources(paths)))
            options.update(on_article=lambda _: bar.advance(task), on_phase=phases(bar))
            if store is not None:
                report = api.update_store(paths, store, output, **options)
            else:
                output = output or Path("graph.ttl")
                report = api.build(paths, output, on_violations=_show_violations, **options)
    except KGError as error:
        fail(str(error))
    where = f"{store} (store)" if store is not None else str(output)
    table = Table(title=f"{where}: {report.triples} triples", show_header=False)
    table.add_row("articles", str(report.articles))
    if store is not None:
        for name, ids in (("added", report.added), ("replaced", report.replaced), ("unchanged", report.unchanged)):
            table.add_row(f"articles {name}", str(len(ids)))
    for name, count in report.count_rows():
        table.add_row(name, count)
    if report.problems:
        table.add_row("skipped files", str(len(report.problems)))
    console.print(table)
    if report.fallback_dated:
        warn(
            f"--date {day} dated {len(report.fallback_dated)} article(s) that give no date of their own "
            f"(their events' kg:dateSource is 'fallback'): {', '.join(report.fallback_dated)}"
        )


def _warn_problems(report: Any) -> None:
    for line in getattr(report, "warnings", []):
        warn(line)
    for problem in report.problems:
        warn(f"{problem} — skipped")


def _show_violations(violations: list[Any]) -> None:
    for violation in violations[:20]:
        err.print(f"[red]shape violation:[/] {violation.focus} {violation.path or ''}: {violation.message}")


def _check_dask_options(engine: str, output: Path | None, store: Path | None, jobs: int, scheduler: str | None) -> Path:
    """The shard folder, or a one-line usage error for options a Dask build does not take."""
    if engine not in ENGINES:
        fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}", 2)
    if engine != "dask":
        fail("--scheduler needs --engine dask", 2)
    if store is not None:
        fail("--engine dask writes N-Quads shards, not a store: drop --store (load the shards with kg push)", 2)
    if scheduler is not None and jobs > 1:
        fail("--jobs sets the local cluster's workers; with --scheduler the cluster has its own", 2)
    if output is None:
        fail("--engine dask writes a folder of N-Quads shards: give it with -o DIR", 2)
    if output.suffix.lower() in api.graph_suffixes():
        fail(f"-o {output}: --engine dask writes a folder of shards, not one graph file", 2)
    return output


def _dask_build(
    paths: list[Path] | None,
    folder: Path,
    knowledge: list[Path] | None,
    on_date: str | None,
    validate: bool,
    model: Path | None,
    jobs: int,
    scheduler: str | None,
    partition_size: int,
) -> None:
    """``kg build --engine dask``: the options of ``kg build``, checked, run as a Dask job."""
    day = parse_date(on_date)
    try:
        with progress() as bar:
            task = bar.add_task("partitions", total=None)
            outcome = api.build_distributed(
                paths, folder, scheduler=scheduler, workers=jobs if jobs > 1 else None,
                knowledge_dirs=knowledge or [], model_dir=model, default_date=day,
                partition_size=partition_size, validate=validate,
                on_partition=lambda done, total: bar.update(task, completed=done, total=total),
            )  # fmt: skip
    except KGError as error:
        fail(str(error))
    report = outcome.report
    _warn_problems(report)
    table = Table(title=f"{folder}: {len(outcome.shards)} shards, {outcome.quads} quads", show_header=False)
    table.add_row("articles", str(report.articles))
    table.add_row("partitions", str(outcome.partitions))
    for name, count in report.count_rows():
        table.add_row(name, count)
    if report.problems:
        table.add_row("skipped", str(len(report.problems)))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``kg build`` to the ``kg`` app."""
    app.command()(build)
