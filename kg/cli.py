"""The ``kg`` command: a thin Typer layer over the library API."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .cli_scale import register as register_scale
from .cli_serve import register as register_serve
from .cli_store import register as register_store
from .cli_train import register as register_train
from .errors import KGError

app = typer.Typer(
    name="kg",
    help="Turn Arabic news into a knowledge graph of diplomacy: build, query, export, visualise.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"--date must be YYYY-MM-DD, not {value!r}", 2)
    return None


class RDFFormat(StrEnum):
    """Formats of ``kg export``."""

    turtle = "turtle"
    nt = "nt"
    jsonld = "jsonld"
    facts = "facts"


class TableFormat(StrEnum):
    """Output formats of ``kg query``."""

    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def build(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Article files or folders (.txt); default: the sample corpus.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Graph file to write, in the format of its suffix: .ttl, .nt, .jsonld, or .trig/.nq with "
            "the named graphs; default graph.ttl (with --store: none).",
        ),
    ] = None,
    knowledge: Annotated[
        list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder (actors, lexicon).")
    ] = None,
    on_date: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for articles that state none.")
    ] = None,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Check the graph against the SHACL shapes.")
    ] = True,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Add the articles to the on-disk graph store in this folder (created if new) instead of "
            "rebuilding: unchanged articles are skipped, changed ones replaced.",
        ),
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option("--model", help="A model trained by kg train: proposes people the gazetteer lacks."),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="Extract in this many processes (the graph is the same whatever the number)."
        ),
    ] = 1,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local, or dask: a Dask job writing a folder of N-Quads shards (-o DIR; inputs may also be "
            "globs, .jsonl and .parquet files of articles).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="With --engine dask: the scheduler (tcp://host:8786); default: a local one."),
    ] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="With --engine dask: articles per task.")
    ] = 200,
) -> None:
    """Build the knowledge graph of a corpus: a graph file, or additions to a store (--store)."""
    if engine != "local" or scheduler is not None:
        from .cli_scale import dask_build

        dask_build(paths, output, knowledge, on_date, validate, store, model, jobs, engine, scheduler, partition_size)
        return
    from .build import build_store, count_article_files, update_store
    from .formats import for_output, save_build
    from .persist import GraphStore
    from .resources import sample_corpus_dir
    from .validate import validate_graph

    try:
        if output is not None:
            for_output(output)  # an unknown suffix fails here, before any extraction
        sources = list(paths or []) or [sample_corpus_dir()]
        total = count_article_files(sources)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        memory = None
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("extracting", total=total)
            if store is not None:
                report = update_store(
                    sources,
                    store,
                    knowledge_dirs=knowledge or [],
                    model_dir=model,
                    jobs=jobs,
                    default_date=_parse_date(on_date),
                    on_article=lambda _: progress.advance(task),
                    validate=validate,
                )
            else:
                memory, report = build_store(
                    sources,
                    knowledge_dirs=knowledge or [],
                    model_dir=model,
                    jobs=jobs,
                    default_date=_parse_date(on_date),
                    on_article=lambda _: progress.advance(task),
                )
        for problem in report.problems:
            err.print(f"[yellow]warning:[/] {problem} — skipped", highlight=False, soft_wrap=True)
        if report.articles == 0 and not report.unchanged:
            _fail("no readable articles in " + ", ".join(map(str, sources)))
        target = output if output is not None or store is not None else Path("graph.ttl")
        # The union is for validation and Turtle only (save_build makes it when needed):
        # TriG and N-Quads are written from the named graphs.
        graph = memory.union() if memory is not None and validate else None
        if graph is not None and validate:
            outcome = validate_graph(graph)
            if not outcome.conforms:
                for violation in outcome.violations[:20]:
                    err.print(f"[red]shape violation:[/] {violation.focus} {violation.path or ''}: {violation.message}")
                _fail(f"the graph does not conform to the SHACL shapes; {target} was not written")
        if target is not None:
            if memory is not None:
                save_build(memory, target, graph)
            else:
                with GraphStore.open(store or Path(), read_only=True) as opened:
                    save_build(opened, target)
    except KGError as error:
        _fail(str(error))
    where = f"{store} (store)" if store is not None else str(target)
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


@app.command()
def export(
    graph_file: Annotated[Path, typer.Argument(help="A graph written by kg build, or a store folder (--store).")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: turtle, nt, jsonld (with a .context.jsonld file), trig or nquads (named graphs "
            "kept), graphml or gexf (actor network), csv (GDELT-like event table), facts (ANNOTATION.md).",
        ),
    ] = "turtle",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; default: standard output.")
    ] = None,
) -> None:
    """Export a graph or store for other tools: RDF, the actor network, an event table, or the facts."""
    from .formats import check_format, export_to, render

    try:
        name = check_format(fmt)
        if output is None:
            content = render(graph_file, name)
            if isinstance(content, bytes):
                sys.stdout.buffer.write(content)
            else:
                sys.stdout.write(content)
        else:
            for path in export_to(graph_file, name, output):
                err.print(f"wrote {path}")
    except KGError as error:
        _fail(str(error))


@app.command()
def query(
    graph_file: Annotated[Path, typer.Argument(help="A graph written by kg build.")],
    sparql: Annotated[str, typer.Argument(help="A .rq file, the name of a shipped query, or SPARQL text.")],
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
) -> None:
    """Run a SPARQL query on a graph."""
    from .query import read_query, result_rows, result_to_csv, result_to_json, run_query
    from .store import load_graph

    try:
        graph = load_graph(graph_file)
        result = run_query(graph, read_query(sparql))
    except KGError as error:
        _fail(str(error))
        return
    if fmt == TableFormat.csv:
        sys.stdout.write(result_to_csv(result))
    elif fmt == TableFormat.json:
        sys.stdout.write(result_to_json(result) + "\n")
    elif result.type == "ASK":
        console.print(str(bool(result.askAnswer)).lower())
    elif result.type in {"CONSTRUCT", "DESCRIBE"}:
        assert result.graph is not None
        sys.stdout.write(result.graph.serialize(format="turtle"))
    else:
        names, rows = result_rows(result)
        table = Table(*names)
        for row in rows:
            table.add_row(*["" if v is None else _short(v, graph) for v in row])
        console.print(table)
        err.print(f"{len(rows)} rows")


def _short(value: Any, graph: Any) -> str:
    try:
        return (
            str(value.n3(graph.namespace_manager))
            if hasattr(value, "n3") and not hasattr(value, "language")
            else str(value)
        )
    except Exception:
        return str(value)


@app.command()
def viz(
    graph_file: Annotated[Path, typer.Argument(help="A graph written by kg build.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    top: Annotated[int, typer.Option("--top", help="Draw at most this many actors (by degree).")] = 150,
) -> None:
    """Draw the actor network as a self-contained HTML page (works offline)."""
    from .store import load_graph
    from .viz import write_network_html

    try:
        graph = load_graph(graph_file)
        shown = write_network_html(graph, output, top=top)
    except KGError as error:
        _fail(str(error))
        return
    err.print(f"wrote {output} ({shown} actors)")


@app.command()
def stats(
    graph_file: Annotated[Path, typer.Argument(help="A graph written by kg build.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
    top: Annotated[int, typer.Option("--top", help="How many actors/pairs to list.")] = 10,
) -> None:
    """Counts and a network analysis of a graph."""
    from .analyse import graph_statistics
    from .store import load_graph

    try:
        summary = graph_statistics(load_graph(graph_file), top=top)
    except KGError as error:
        _fail(str(error))
        return
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        return
    counts = Table("what", "count", title="Counts")
    for key, value in summary["counts"].items():
        counts.add_row(key, str(value))
    console.print(counts)
    for title, key, columns in (
        ("Most connected actors", "most_connected", ("actor", "degree")),
        ("Who calls whom most", "calls_per_pair", ("pair", "calls")),
        ("Who urges most", "top_urgers", ("actor", "appeals")),
    ):
        table = Table(*columns, title=title)
        for item in summary[key]:
            table.add_row(str(item["label"]), str(item["count"]))
        console.print(table)


@app.command()
def validate(graph_file: Annotated[Path, typer.Argument(help="A graph file.")]) -> None:
    """Check a graph against the SHACL shapes; exit 1 on violations."""
    from .store import load_graph
    from .validate import validate_graph

    try:
        report = validate_graph(load_graph(graph_file))
    except KGError as error:
        _fail(str(error))
        return
    if report.conforms:
        console.print(f"{graph_file}: conforms to the shapes")
        return
    for violation in report.violations:
        console.print(
            f"[red]{violation.severity}[/] {violation.focus} {violation.path or ''}: {violation.message}",
            highlight=False,
            soft_wrap=True,
        )
    _fail(f"{graph_file}: {len(report.violations)} violations")


@app.command()
def actors(
    search: Annotated[
        str | None, typer.Argument(help="Text to look for in names and spellings.")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Person, State or Organization.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Check the knowledge files; exit 1 on problems.")] = False,
    on_date: Annotated[str | None, typer.Option("--date", help="Show only offices held on this date.")] = None,
    knowledge: Annotated[list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder.")] = None,
) -> None:
    """List, search and check the gazetteer of actors and their offices."""
    from .gazetteer import check_knowledge, search_actors
    from .knowledge import load_knowledge

    try:
        data = load_knowledge(knowledge or [])
    except KGError as error:
        _fail(str(error))
        return
    if check:
        problems = list(check_knowledge(data))
        for problem in problems:
            console.print(f"[yellow]{problem.kind}[/] {problem.message}", highlight=False, soft_wrap=True)
        console.print(f"{len(data.actors)} actors checked, {len(problems)} problems")
        if problems:
            raise typer.Exit(1)
        return
    day = _parse_date(on_date)
    found = search_actors(data, search or "", kind)
    table = Table("key", "English", "Arabic", "offices", title=f"{len(found)} actors")
    for record in found:
        offices = "; ".join(
            f"{o.role} {o.seat or ''} {o.start or '?'}–{o.end or 'now'}" for o in record.offices_on(day)
        )
        if day is not None and record.offices and not offices:
            continue
        table.add_row(record.key, record.en, "، ".join(record.ar[:3]), offices)
    console.print(table)


@app.command(name="eval")
def evaluate_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold <article>.json files (ANNOTATION.md).")],
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Folder of the articles; default: corpus/<name> beside eval/.")
    ] = None,
    actors: Annotated[Path | None, typer.Option("--actors", help="Gold actors.json; default: beside gold/.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="List every miss and extra with its sentence.")] = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures as JSON here.")] = None,
    knowledge: Annotated[list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder.")] = None,
) -> None:
    """Build the graph of the gold's articles and score its facts against the gold."""
    from .atomic import write_text_atomic
    from .build import build as build_graph
    from .evaluate import MEASURES, default_actors_file, default_corpus_dir, evaluate, load_actors, load_gold
    from .facts import iter_facts

    try:
        gold = load_gold(gold_dir)
        corpus_dir = corpus or default_corpus_dir(gold_dir)
        files = [corpus_dir / f"{doc['article']}.txt" for doc in gold]
        graph, report = build_graph(files, knowledge_dirs=knowledge or [])
        for problem in report.problems:
            err.print(f"[yellow]warning:[/] {problem}", highlight=False, soft_wrap=True)
        facts = list(iter_facts(graph))
        result = evaluate(facts, gold, load_actors(actors or default_actors_file(gold_dir)))
        if json_out is not None:
            write_text_atomic(json_out, json.dumps(result.as_dict(), indent=1))
    except KGError as error:
        _fail(str(error))
        return
    table = Table("measure", "P", "R", "F1", "tp", "fp", "fn", title=f"{gold_dir}: {result.articles} articles")
    for name in MEASURES:
        s = result.scores[name]
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn))
    console.print(table)
    console.print(
        f"direction: {result.initiator_right}/{result.pair_found} right where the gold names an initiator "
        f"({result.gold_directed} such calls in the gold)"
    )
    if explain:
        _explain(result)
    console.print(f"core F1 {result.scores['core'].f1:.3f} over {result.articles} articles")


def _explain(result: Any) -> None:
    for measure in ("called", "urged_topic", "offeredMediation", "thanked"):
        misses, extras = result.misses_and_extras(measure)
        for key in misses:
            console.print(f"[red]MISS [/] {measure:<17} {_show_key(key)}", highlight=False, soft_wrap=True)
        for key in extras:
            sentence = result.evidence.get((measure, key), "")
            console.print(
                f"[yellow]EXTRA[/] {measure:<17} {_show_key(key)}\n      « {sentence} »",
                highlight=False,
                soft_wrap=True,
            )


def _show_key(key: tuple[Any, ...]) -> str:
    return " | ".join("+".join(sorted(map(str, x))) if isinstance(x, frozenset) else str(x) for x in key)


register_scale(app)
register_serve(app)
register_store(app)
register_train(app)


def main() -> None:
    """Entry point of the ``kg`` script."""
    app()


if __name__ == "__main__":
    main()
