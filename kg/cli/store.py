"""``kg remove`` and ``kg explain``: retract articles from a store, trace facts to their sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg import api
from kg.errors import KGError

from .common import err, fail


def remove(
    articles: Annotated[list[str], typer.Argument(help="Identifiers of the articles (file stems) to retract.")],
    store: Annotated[Path, typer.Option("--store", help="The store folder (made by kg build --store).")],
) -> None:
    """Retract articles from a store; the events they reported are recomputed from the other sources."""
    try:
        removed, missing = api.remove(articles, store)
    except KGError as error:
        fail(str(error))
    for identifier in removed:
        err.print(f"removed {identifier}", highlight=False)
    if missing:
        fail(f"not in {store}: {', '.join(missing)}")


def explain(
    target: Annotated[
        str, typer.Argument(help="An event or actor: its IRI, id:…, a key (person/vladimir-putin), or a name.")
    ],
    graph_file: Annotated[Path, typer.Option("--graph", "-g", help="A graph file or store folder.")] = Path(
        "graph.ttl"
    ),
) -> None:
    """Print each fact about an event or actor with the sentences and articles it came from."""
    try:
        text = api.explain(target, graph_file)
    except KGError as error:
        fail(str(error))
    sys.stdout.write(text)


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``kg`` app."""
    for command in (remove, explain):
        app.command()(command)
