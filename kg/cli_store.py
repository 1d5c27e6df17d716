"""``kg remove`` and ``kg explain``: retract articles from a store, trace facts to their sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import KGError


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``kg`` app."""
    err = Console(stderr=True)

    def fail(message: str) -> None:
        err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)

    @app.command()
    def remove(
        articles: Annotated[list[str], typer.Argument(help="Identifiers of the articles (file stems) to retract.")],
        store: Annotated[Path, typer.Option("--store", help="The store folder (made by kg build --store).")],
    ) -> None:
        """Retract articles from a store; the events they reported are recomputed from the other sources."""
        from .build import remove_articles

        try:
            removed, missing = remove_articles(articles, store)
        except KGError as error:
            fail(str(error))
            return
        for identifier in removed:
            err.print(f"removed {identifier}", highlight=False)
        if missing:
            fail(f"not in {store}: {', '.join(missing)}")

    @app.command()
    def explain(
        target: Annotated[
            str, typer.Argument(help="An event or actor: its IRI, id:…, a key (person/vladimir-putin), or a name.")
        ],
        graph_file: Annotated[
            Path, typer.Option("--graph", "-g", help="A graph file or store folder.")
        ] = Path("graph.ttl"),
    ) -> None:
        """Print each fact about an event or actor with the sentences and articles it came from."""
        from .explain import explain as explain_text
        from .store import load_graph

        try:
            text = explain_text(load_graph(graph_file), target)
        except KGError as error:
            fail(str(error))
            return
        sys.stdout.write(text)
