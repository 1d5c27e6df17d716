"""Commands that read a graph file or store: ``export``, ``query``, ``viz``, ``stats``, ``validate``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from kg import api
from kg.errors import KGError

from .common import console, err, fail


class TableFormat(StrEnum):
    """Output formats of ``kg query``."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


GraphArg = Annotated[Path, typer.Argument(help="A graph written by kg build.")]


def export(
    graph_file: Annotated[Path, typer.Argument(help="A graph written by kg build, or a store folder (--store).")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: turtle, nt, jsonld (with a .context.jsonld file), trig or nquads (named graphs "
            "kept), gexf or graphml (directed actor network, one edge per event; Gephi), csv (readable event "
            "table), gdelt (GDELT 2.0 rows, 61 tab-separated columns), actors (actors CSV), neo4j (a folder of "
            "import CSVs and load.cypher: give -o FOLDER), facts (ANNOTATION.md).",
        ),
    ] = "turtle",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; default: standard output.")
    ] = None,
) -> None:
    """Export a graph or store for other tools: RDF, Gephi, Neo4j, GDELT, tables, or the facts."""
    try:
        outcome = api.export(graph_file, fmt, output)
    except KGError as error:
        fail(str(error))
    if isinstance(outcome, bytes):
        sys.stdout.buffer.write(outcome)
    elif isinstance(outcome, str):
        sys.stdout.write(outcome)
    else:
        for path in outcome:
            err.print(f"wrote {path}")


def query(
    graph_file: GraphArg,
    sparql: Annotated[str, typer.Argument(help="A .rq file, the name of a shipped query, or SPARQL text.")],
    fmt: Annotated[
        TableFormat,
        typer.Option(
            "--format", "-f", help="table (prefixed names, long cells cut), or csv, tsv, json (SPARQL results)."
        ),
    ] = TableFormat.table,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the csv/tsv/json results to this file.")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=0, help="At most this many rows (events, for a paged listing query)."),
    ] = None,
    offset: Annotated[
        int, typer.Option("--offset", min=0, help="Skip this many rows (events, for a paged listing query).")
    ] = 0,
    every: Annotated[
        bool, typer.Option("--all", help="Every event of a paged listing query (who_called_whom …), not one page.")
    ] = False,
) -> None:
    """Run a SPARQL query on a graph file or store (in Oxigraph)."""
    if output is not None and fmt == TableFormat.table:
        fail("-o writes csv, tsv or json: add --format csv|tsv|json", 2)
    try:
        answer = api.query(graph_file, sparql, limit=limit, offset=offset, every=every)
        _note_page(answer.next_page)
        if output is not None:
            answer.save(fmt.value, output)
            err.print(f"wrote {output}", highlight=False)
            return
        if fmt != TableFormat.table or answer.kind != "SELECT":
            sys.stdout.write(answer.text(fmt.value))
            return
        rows = list(answer.cells())
    except KGError as error:
        fail(str(error))
    _print_table(answer, rows)


def _note_page(following: Any) -> None:
    """Say on stderr that a paged listing query has more events, and how to get them."""
    if following is not None:
        err.print(
            f"one page of {following.size} events: --offset {following.offset} for the next, --all for every one",
            highlight=False,
        )


def _print_table(answer: Any, rows: list[list[str]]) -> None:
    """A table as wide as the terminal: one line a row, columns cut with an ellipsis."""
    columns = len(answer.names)
    # No padding: one blank (the box's vertical line) between two columns.
    widths = answer.widths(rows, max(columns, console.width - (columns - 1)))
    table = Table(box=box.SIMPLE_HEAD, padding=0, show_edge=False)
    for name, width in zip(answer.names, widths, strict=True):
        table.add_column(name, width=width, no_wrap=True, overflow="ellipsis")
    for cells in rows:
        table.add_row(*map(Text, cells))
    console.print(table, highlight=False, markup=False)
    err.print(f"{len(rows)} rows")


def viz(
    graph_file: GraphArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    top: Annotated[int, typer.Option("--top", help="Draw at most this many actors (by degree).")] = 150,
) -> None:
    """Draw the actor network as a self-contained HTML page (works offline)."""
    try:
        shown = api.viz(graph_file, output, top=top)
    except KGError as error:
        fail(str(error))
    err.print(f"wrote {output} ({shown} actors)")


def stats(
    graph_file: GraphArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
    top: Annotated[int, typer.Option("--top", help="How many actors/pairs to list.")] = 10,
) -> None:
    """Counts and a network analysis of a graph."""
    try:
        summary = api.stats(graph_file, top=top)
    except KGError as error:
        fail(str(error))
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


def validate(graph_file: Annotated[Path, typer.Argument(help="A graph file.")]) -> None:
    """Check a graph against the SHACL shapes; exit 1 on violations."""
    try:
        report = api.validate(graph_file)
    except KGError as error:
        fail(str(error))
    if report.conforms:
        console.print(f"{graph_file}: conforms to the shapes")
        return
    for violation in report.violations:
        console.print(
            f"[red]{violation.severity}[/] {violation.focus} {violation.path or ''}: {violation.message}",
            highlight=False,
            soft_wrap=True,
        )
    fail(f"{graph_file}: {len(report.violations)} violations")


def register(app: typer.Typer) -> None:
    """Add the graph-reading commands to the ``kg`` app."""
    for command in (export, query, viz, stats, validate):
        app.command()(command)
