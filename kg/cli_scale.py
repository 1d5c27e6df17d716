"""Beyond one machine: ``kg build --engine dask`` (a Dask job) and ``kg push`` (load a SPARQL server)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import KGError
from .formats import GRAPH_SUFFIXES as GRAPH_FORMATS

ENGINES = ("local", "dask")
#: Suffixes of single graph files; ``-o`` of a Dask build is a folder, not one of these.
GRAPH_SUFFIXES = {*GRAPH_FORMATS, ".rdf", ".xml"}

err = Console(stderr=True)
console = Console()


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _check_dask_options(engine: str, output: Path | None, store: Path | None, jobs: int, scheduler: str | None) -> Path:
    """The shard folder, or a one-line usage error for options a Dask build does not take."""
    if engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}", 2)
    if engine != "dask":
        _fail("--scheduler needs --engine dask", 2)
    if store is not None:
        _fail("--engine dask writes N-Quads shards, not a store: drop --store (load the shards with kg push)", 2)
    if scheduler is not None and jobs > 1:
        _fail("--jobs sets the local cluster's workers; with --scheduler the cluster has its own", 2)
    if output is None:
        _fail("--engine dask writes a folder of N-Quads shards: give it with -o DIR", 2)
    assert output is not None
    if output.suffix.lower() in GRAPH_SUFFIXES:
        _fail(f"-o {output}: --engine dask writes a folder of shards, not one graph file", 2)
    return output


def dask_build(
    paths: list[Path] | None,
    output: Path | None,
    knowledge: list[Path] | None,
    on_date: str | None,
    validate: bool,
    store: Path | None,
    model: Path | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
    partition_size: int,
) -> None:
    """``kg build --engine dask``: the options of ``kg build``, checked, run as a Dask job."""
    from .distributed import build_distributed, require_dask

    folder = _check_dask_options(engine, output, store, jobs, scheduler)
    day = None
    if on_date is not None:
        try:
            day = date.fromisoformat(on_date)
        except ValueError:
            _fail(f"--date must be YYYY-MM-DD, not {on_date!r}", 2)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        require_dask()
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("partitions", total=None)
            outcome = build_distributed(
                list(paths or []),
                folder,
                scheduler=scheduler,
                workers=jobs if jobs > 1 else None,
                knowledge_dirs=knowledge or [],
                model_dir=model,
                default_date=day,
                partition_size=partition_size,
                validate=validate,
                on_partition=lambda done, total: progress.update(task, completed=done, total=total),
            )
    except KGError as error:
        _fail(str(error))
        return
    report = outcome.report
    for problem in report.problems:
        err.print(f"[yellow]warning:[/] {escape(problem)} — skipped", highlight=False, soft_wrap=True)
    table = Table(title=f"{folder}: {len(outcome.shards)} shards, {outcome.quads} quads", show_header=False)
    table.add_row("articles", str(report.articles))
    table.add_row("partitions", str(outcome.partitions))
    for name, count in report.count_rows():
        table.add_row(name, count)
    if report.problems:
        table.add_row("skipped", str(len(report.problems)))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``kg push`` to the ``kg`` app."""

    @app.command()
    def push(
        sources: Annotated[
            list[Path],
            typer.Argument(help="Folders of .nq/.trig shards, graph files (.nq, .trig, .ttl, .nt), or store folders."),
        ],
        endpoint: Annotated[
            str,
            typer.Option(
                "--endpoint", help="The server's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store)."
            ),
        ],
        per_graph: Annotated[
            bool,
            typer.Option(
                "--per-graph",
                help="POST each named graph to ?graph=IRI as N-Triples (plain GSP) instead of N-Quads to the dataset.",
            ),
        ] = False,
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Quads per request.")] = 20_000,
        retries: Annotated[
            int, typer.Option("--retries", min=0, help="Tries again this often on connection errors and 5xx.")
        ] = 5,
        user: Annotated[str | None, typer.Option("--user", help="User for HTTP basic authentication.")] = None,
        password: Annotated[
            str | None,
            typer.Option("--password", envvar="KG_PUSH_PASSWORD", help="Its password (or $KG_PUSH_PASSWORD)."),
        ] = None,
        header: Annotated[
            list[str] | None, typer.Option("--header", "-H", help="Extra HTTP header, 'Name: value' (repeatable).")
        ] = None,
    ) -> None:
        """Bulk-load shards, graph files or a store into a SPARQL server, named graphs kept."""
        from .push import basic_auth, parse_header
        from .push import push as push_quads

        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} quads"),
            TimeElapsedColumn(),
        )
        try:
            headers = dict(parse_header(h) for h in header or [])
            if user is not None:
                headers.update(basic_auth(user, password or ""))
            with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
                task = progress.add_task("pushing", total=None)
                report = push_quads(
                    sources,
                    endpoint,
                    batch_size=batch_size,
                    per_graph=per_graph,
                    headers=headers,
                    retries=retries,
                    on_batch=lambda batch: progress.advance(task, len(batch.quads)),
                )
        except KGError as error:
            _fail(str(error))
            return
        again = f", {report.retries} retried" if report.retries else ""
        console.print(
            f"pushed {report.quads} quads in {len(report.graphs)} named graphs from {report.files} files "
            f"to {endpoint} ({report.batches} requests{again})",
            highlight=False,
            soft_wrap=True,
        )
