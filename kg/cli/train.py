"""The ``kg train`` and ``kg silver`` commands (training code is loaded only when they run).

``kg.cli`` calls :func:`register`. Training itself lives in :mod:`kg.train`, behind :mod:`kg.api`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg import api
from kg.errors import KGError

from .common import fail, parse_date, warn


def train(
    gold_dirs: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD_DIR",
            help="Folders of annotated articles (<article>.json: gold, or silver from kg silver).",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the trained model to.")],
    transformer: Annotated[
        Path | None,
        typer.Option("--transformer", help="Local Hugging Face model folder (AraBERT, CAMeLBERT, XLM-R …)."),
    ] = None,
    epochs: Annotated[int, typer.Option("--epochs", help="Passes over the training data.")] = 10,
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", help="Stop after this many updates (default: no limit).")
    ] = None,
    corpus: Annotated[
        list[Path] | None,
        typer.Option("--corpus", help="Folder of the articles' .txt files, for gold files without text."),
    ] = None,
    actors: Annotated[
        Path | None, typer.Option("--actors", help="Gold actors.json; default: beside eval/gold/<name>.")
    ] = None,
    knowledge: Annotated[
        list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder for the rule labels.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", help="Do not print spaCy's training table.")] = False,
) -> None:
    """Train a statistical model (actor NER, relation sentences) to use with kg build --model."""
    import io

    try:
        report = api.train(
            gold_dirs,
            out,
            transformer=transformer,
            epochs=epochs,
            max_steps=max_steps,
            corpus_dirs=corpus or [],
            actors_file=actors,
            knowledge_dirs=knowledge or [],
            seed=seed,
            log=io.StringIO() if quiet else None,
        )
    except KGError as error:
        fail(str(error))
    table = Table(title=f"{report.model_dir}: trained with {report.config}", show_header=False)
    table.add_row("articles", str(report.stats.articles))
    table.add_row("training / dev sentences", f"{report.train_docs} / {report.dev_docs}")
    for label, count in sorted(report.stats.entities.items()):
        table.add_row(f"entities: {label}", str(count))
    for relation, count in sorted(report.stats.relations.items()):
        table.add_row(f"sentences: {relation}", str(count))
    for name in ("ents_f", "ents_p", "ents_r", "cats_macro_f", "cats_score"):
        if name in report.scores:
            table.add_row(f"dev {name}", f"{report.scores[name]:.3f}")
    Console().print(table)


def silver(
    paths: Annotated[list[Path], typer.Argument(metavar="CORPUS", help="Article files or folders (.txt) to label.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write <article>.json labels to.")],
    knowledge: Annotated[
        list[Path] | None, typer.Option("--knowledge", help="Extra knowledge folder (actors, lexicon).")
    ] = None,
    on_date: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for articles that state none.")
    ] = None,
) -> None:
    """Label unannotated articles with the rules (silver data for kg train)."""
    day = parse_date(on_date)
    try:
        report = api.silver(paths, out, knowledge_dirs=knowledge or [], default_date=day)
    except KGError as error:
        fail(str(error))
    for problem in report.problems:
        warn(f"{problem} — skipped")
    if report.articles == 0:
        fail("no readable articles in " + ", ".join(map(str, paths)))
    table = Table(title=f"{out}: {report.articles} articles labelled", show_header=False)
    for relation, count in sorted(report.facts.items()):
        table.add_row(f"facts: {relation}", str(count))
    for label, count in sorted(report.entities.items()):
        table.add_row(f"entities: {label}", str(count))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the ``train`` and ``silver`` commands to a Typer application."""
    app.command()(train)
    app.command()(silver)
