"""``kg push``: bulk-load shards, graph files or a store into a SPARQL server (Graph Store Protocol)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg import api
from kg.errors import KGError

from .common import console, fail, progress

UNION_HELP = (
    "Also put every triple in the default graph (the union, each triple once), so queries without GRAPH "
    "work as written; --no-union-default for a server whose default graph is the union."
)


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
        union_default: Annotated[bool, typer.Option("--union-default/--no-union-default", help=UNION_HELP)] = True,
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Quads per request.")] = 20_000,
        retries: Annotated[
            int, typer.Option("--retries", min=0, help="Tries again this often on connection errors and 5xx.")
        ] = 5,
        timeout: Annotated[
            float, typer.Option("--timeout", min=0.001, help="Seconds each request may take before it is retried.")
        ] = 60.0,
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
        try:
            with progress("quads") as bar:
                task = bar.add_task("pushing", total=None)
                report = api.push(
                    sources, endpoint, headers=header or [], user=user, password=password, batch_size=batch_size,
                    per_graph=per_graph, union_default=union_default, retries=retries, timeout=timeout,
                    on_batch=lambda batch: bar.advance(task, len(batch.quads)),
                )  # fmt: skip
        except KGError as error:
            fail(str(error))
        again = f", {report.retries} retried" if report.retries else ""
        console.print(
            f"pushed {report.quads} quads in {len(report.graphs)} named graphs from {report.files} files "
            f"to {endpoint} ({report.batches} requests{again})",
            highlight=False,
            soft_wrap=True,
        )
