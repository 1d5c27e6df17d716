"""The ``kg`` command: a thin Typer layer over :mod:`kg.api`, one module per command group.

* :mod:`kg.cli.build` — ``kg build`` (graph file, ``--store``, ``--engine dask``)
* :mod:`kg.cli.graph` — ``export``, ``query``, ``viz``, ``stats``, ``validate``
* :mod:`kg.cli.store` — ``remove``, ``explain``
* :mod:`kg.cli.knowledge` — ``actors``, ``eval``
* :mod:`kg.cli.serve`, :mod:`kg.cli.push`, :mod:`kg.cli.train` — ``serve``; ``push``; ``train`` and ``silver``

Shared: :mod:`kg.cli.common` (``fail()``, dates, progress bars). The CLI imports nothing
of the package but :mod:`kg.api` and :mod:`kg.errors` (``tests/test_architecture.py``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from . import build, graph, knowledge, push, serve, store, train

app = typer.Typer(
    name="kg",
    help="Turn Arabic news into a knowledge graph of diplomacy: build, query, export, visualise.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version as package_version  # 40 ms: only for --version

        typer.echo(f"kg {package_version('arabic-diplomacy-kg')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn Arabic news into a knowledge graph of diplomacy: build, query, export, visualise."""


# The order of ``kg --help``.
build.register(app)
graph.register(app)
knowledge.register(app)
push.register(app)
serve.register(app)
store.register(app)
train.register(app)


def main() -> None:
    """Entry point of the ``kg`` script."""
    app()


__all__ = ["app", "main"]
