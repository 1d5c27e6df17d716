"""The ``kg serve`` command (the web stack is loaded only when it runs).

``kg.cli`` calls :func:`register`; ``python -m kg.cli.serve GRAPH`` runs the command alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg import api
from kg.errors import KGError


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to a Typer application."""

    @app.command()
    def serve(
        graph_file: Annotated[Path, typer.Argument(help="A store folder or a graph file written by kg build.")],
        host: Annotated[
            str, typer.Option("--host", help="Address to listen on; anything but loopback exposes the graph.")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 7878,
        timeout: Annotated[
            float, typer.Option("--timeout", help="Seconds a SPARQL query may run before it is stopped.")
        ] = 30.0,
        max_rows: Annotated[
            int, typer.Option("--max-rows", help="Most rows (or triples) a query may return; more is refused.")
        ] = 10_000,
        workers: Annotated[
            int, typer.Option("--workers", help="Worker processes (each opens the dataset read-only, answers queries).")
        ] = 2,
        verbose: Annotated[bool, typer.Option("--verbose", help="Log every request.")] = False,
        worker_memory: Annotated[
            int,
            typer.Option("--worker-memory", help="Megabytes a worker may grow by while answering queries (0: no cap)."),
        ] = 4096,
        cors: Annotated[
            list[str] | None,
            typer.Option("--cors", help="An origin whose pages may query the endpoint (repeatable); default none."),
        ] = None,
    ) -> None:
        """Serve a dataset: a read-only SPARQL endpoint (/sparql), a query editor (/query), the network page (/)."""
        problems = []
        if timeout <= 0:
            problems.append("--timeout must be positive")
        if max_rows < 1:
            problems.append("--max-rows must be at least 1")
        if workers < 1:
            problems.append("--workers must be at least 1")
        if worker_memory < 0:
            problems.append("--worker-memory must be 0 (no cap) or more")
        if not 0 <= port <= 65535:
            problems.append("--port must be between 0 and 65535")
        if problems:
            typer.echo(f"error: {'; '.join(problems)}", err=True)
            raise typer.Exit(2)

        def ready(url: str) -> None:
            typer.echo(f"serving {graph_file} at {url} — SPARQL endpoint {url}sparql; Ctrl-C stops", err=True)
            sys.stderr.flush()

        try:
            api.serve(
                graph_file, host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers,
                verbose=verbose, cors=cors or [], on_ready=ready, worker_memory_mb=worker_memory or None,
            )  # fmt: skip
        except KGError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1) from None
        typer.echo("stopped", err=True)


def main() -> None:
    """Run ``serve`` as a command of its own."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    register(app)
    app()


if __name__ == "__main__":
    main()
