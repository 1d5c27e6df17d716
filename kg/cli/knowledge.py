"""``kg actors`` (search and check the gazetteer), ``kg eval`` (score against annotated articles), ``kg audit``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from kg import api
from kg.errors import KGError

from .common import console, fail, parse_date, warn


def actors(
    search: Annotated[str | None, typer.Argument(help="Text to look for in names and spellings.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Person, State or Organization.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Check the knowledge files; exit 1 on problems.")] = False,
    on_date: Annotated[str | None, typer.Option("--date", help="Show only offices held on this date.")] = None,
    knowledge: Annotated[list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder.")] = None,
) -> None:
    """List, search and check the gazetteer of actors and their offices."""
    try:
        data = api.knowledge(knowledge or [])
    except KGError as error:
        fail(str(error))
    if check:
        problems = api.check_knowledge(data)
        for problem in problems:
            console.print(f"[yellow]{problem.kind}[/] {problem.message}", highlight=False, soft_wrap=True)
        console.print(f"{len(data.actors)} actors checked, {len(problems)} problems")
        if problems:
            raise typer.Exit(1)
        return
    day = parse_date(on_date)
    found = api.search_actors(data, search or "", kind)
    title = f"{len(found)} actors (the key names one in kg explain and in queries: id:KEY)"
    table = Table(title=title)
    # The key is what the next command needs: never cut or wrapped.
    table.add_column("key", no_wrap=True, min_width=max((len(r.key) for r in found), default=3))
    for name in ("English", "Arabic", "offices"):
        table.add_column(name)
    for record in found:
        offices = "; ".join(
            f"{o.role} {o.seat or ''}{f' to {o.to}' if o.to else ''} {o.start or '?'}–{o.end or 'now'}"
            for o in record.offices_on(day)
        )
        if day is not None and record.offices and not offices:
            continue
        table.add_row(record.key, record.en, "، ".join(record.ar[:3]), offices)
    console.print(table)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold <article>.json files (ANNOTATION.md).")],
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Folder of the articles; default: corpus/<name> beside eval/.")
    ] = None,
    actors: Annotated[Path | None, typer.Option("--actors", help="Gold actors.json; default: beside gold/.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="List every miss and extra with its sentence.")] = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures as JSON here.")] = None,
    knowledge: Annotated[list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder.")] = None,
    split: Annotated[
        str | None, typer.Option("--split", help="Score only this split of splits.json (e.g. pool-train, pool-test).")
    ] = None,
    splits: Annotated[
        Path | None, typer.Option("--splits", help="The splits file; default: eval/splits.json beside gold/.")
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print only the figures as a row of the README's quality table.")
    ] = False,
) -> None:
    """Build the graph of the gold's articles and score its facts against the gold."""
    try:
        result, report = api.evaluate(gold_dir, corpus, actors, knowledge or [], json_out, split, splits)
    except KGError as error:
        fail(str(error))
    for problem in report.problems:
        warn(problem)
    if markdown:
        typer.echo(result.markdown_row(split or gold_dir.name))
        return
    title = f"{gold_dir}{f' ({split})' if split else ''}: {result.articles} articles"
    table = Table("measure", "P", "R", "F1", "tp", "fp", "fn", title=title)
    for name in api.measures():
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


def audit(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt).")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the report as JSON here.")] = None,
    examples: Annotated[int, typer.Option("--examples", min=0, help="Example sentences per phenomenon.")] = 3,
    knowledge: Annotated[list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder.")] = None,
) -> None:
    """Recall audit without gold: call and goal sentences with an actor that gave no fact, by phenomenon."""
    try:
        report, problems = api.audit(paths, knowledge or [], examples, json_out)
    except KGError as error:
        fail(str(error))
    for problem in problems:
        warn(problem)
    table = Table("phenomenon", "silent calls", "silent goals", "what it means", title=f"{report.articles} articles")
    for name, meaning in report.phenomena.items():
        table.add_row(name, str(report.silent_calls[name]), str(report.silent_goals[name]), meaning)
    console.print(table)
    console.print(
        f"silent call sentences: {sum(report.silent_calls.values())} of {report.call_sentences}; "
        f"silent goal sentences: {sum(report.silent_goals.values())} of {report.goal_sentences}"
    )
    for name, kept in report.examples.items():
        for line in kept:
            console.print(f"[dim]{name:<14}[/] {line}", highlight=False, soft_wrap=True)


def _explain(result: Any) -> None:
    for measure in ("called", "urged_topic", "offeredMediation", "thanked", "warned"):
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


def register(app: typer.Typer) -> None:
    """Add ``kg actors``, ``kg eval`` and ``kg audit`` to the ``kg`` app."""
    app.command()(actors)
    app.command(name="eval")(evaluate)
    app.command(name="audit")(audit)
