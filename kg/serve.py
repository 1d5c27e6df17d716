"""``kg serve``: a read-only SPARQL endpoint, a query editor and the network page, for a dataset.

The dataset is a store folder (``kg build --store``), opened in place, or a graph file of
any format ``kg build`` writes, bulk-loaded into a temporary Oxigraph folder
(:mod:`kg.web.served`). Named graphs are kept; the default graph is their union, each
triple once.

Routes (no cross-origin reads unless ``--cors ORIGIN`` names the pages, a YASGUI elsewhere,
that may query the endpoint):

* ``/sparql`` — the SPARQL 1.1 Protocol (:mod:`kg.web.protocol`): ``GET ?query=``,
  ``POST`` as a form (``query=``) or as ``application/sparql-query``, with
  ``default-graph-uri`` / ``named-graph-uri``; ``GET`` without a query gives the service
  description. Results as SPARQL JSON, XML, CSV or TSV, graphs as Turtle, JSON-LD,
  N-Triples, RDF/XML or N3, by the ``Accept`` header (:mod:`kg.web.sparql`). SPARQL
  Update (``update=``, ``application/sparql-update``, or an update sent as a query) is
  refused with 403, and so are ``SERVICE`` clauses;
* ``/query`` — a query editor: YASGUI (``kg/web/static/yasgui``, shipped, MIT) pointed at
  ``/sparql``, started by a script file;
* ``/`` — the network page (``kg/web/static``): actors coloured by type, relations drawn
  in their own styles, a legend, filters by relation, goal, actor and date range, the most
  active actors first with a control to show more; a click on an edge or an actor lists
  its events with their evidence sentences and sources. The page loads vis-network from
  this server (the copy inside the installed pyvis package), never from a CDN, and puts
  all text from articles into the page as text, never as markup; on both pages a
  Content-Security-Policy forbids inline scripts as a second line of defence;
* ``/api/meta``, ``/api/network``, ``/api/events`` — the JSON the page is built from (see
  :mod:`kg.web.network`), read from the dataset in the background once the endpoint
  answers (503 with ``Retry-After`` until then: :mod:`kg.web.background`).

Why not ``oxigraph serve``: it has no time limit that stops a query, no result-size limit,
no refusal of ``SERVICE``, no network page; and its ``--union-default-graph`` repeats a
triple once per named graph holding it. So the protocol layer here is a thin Starlette
app (:mod:`kg.web.app`) served by uvicorn, and Oxigraph does the querying and writing.

Processes: ``--workers`` worker processes (:mod:`kg.web.worker`) share the listening socket
(the kernel hands each new connection to one of them); each opens the Oxigraph folder
read-only (a fraction of a second; the data read is shared through the page cache) and
answers SPARQL queries itself, one at a time, with no hop to another thread or process
(:mod:`kg.web.queries`): while one works, the others take the new connections. A
supervisor (this process, :mod:`kg.web.supervisor`) starts them, reads the network page's
data once and answers the workers' requests for its JSON, and replaces a worker that ends.

Time limit: Oxigraph cannot stop a running query, but lets go of the interpreter while it
works; so a worker's watchdog thread sees a query run past ``--timeout`` seconds, writes a
503 onto its connection and ends the worker — the query is really stopped, not abandoned —
and the supervisor starts another, while the other workers go on answering (the supervisor
also kills a worker whose query still runs a few seconds past the limit). Size limit: a
SELECT with more than ``--max-rows`` rows (or a CONSTRUCT/DESCRIBE with more triples) is
refused with 422 rather than truncated, so a client never mistakes a partial result for a
whole one. Memory: a worker may grow by ``--worker-memory`` megabytes; a query past that
ends its worker (its connection closes without an answer) and the supervisor starts
another. Busy: a connection waits in the listening socket's queue until a worker is free.
Every 503 says ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KGError
from .web.background import NetworkData
from .web.served import ServedData, prepare
from .web.sparql import Limits
from .web.supervisor import Supervisor, WorkerOptions

#: Seconds after the start the network page's data is read, unless a query was answered sooner.
PAGE_DATA_DELAY = 1.0


@dataclass(frozen=True)
class ServeOptions:
    """How ``kg serve`` runs."""

    host: str = "127.0.0.1"
    port: int = 7878
    limits: Limits = field(default_factory=Limits)
    workers: int = 2
    verbose: bool = False
    #: Origins whose pages may read the endpoint (CORS); none by default.
    cors: tuple[str, ...] = ()


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port); a clear error if taken."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as error:
        raise KGError(f"cannot listen on {host}: {error.strerror}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise KGError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    sock.set_inheritable(False)
    return sock


def url_of(sock: socket.socket) -> str:
    """The http URL of a listening socket."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(source: Path, options: ServeOptions, on_ready: Callable[[str], None] | None = None) -> None:
    """Serve a graph file or a store folder until SIGINT or SIGTERM (see the module doc).

    Errors in the data or the address raise :class:`~kg.errors.KGError` before anything
    is served; ``on_ready`` gets the server's URL once queries can be answered.
    """
    served = prepare(Path(source))
    try:
        _serve(served, options, on_ready)
    finally:
        served.cleanup()


def _serve(served: ServedData, options: ServeOptions, on_ready: Callable[[str], None] | None) -> None:
    sock = listen(options.host, options.port)
    url = url_of(sock)
    network = NetworkData()
    settings = WorkerOptions(options.limits, cors=options.cors, verbose=options.verbose)
    supervisor = Supervisor(served.folder, sock, settings, options.workers, network)
    supervisor.launch()  # the workers open the dataset while this process gets ready

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        try:
            await supervisor.start()
            if on_ready is not None:
                on_ready(url)
            # Only now, and after the first answer (or a second): the thread holds this
            # process's interpreter while it works, which would slow the start down.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(supervisor.answered.wait(), PAGE_DATA_DELAY)
            network.read_in_background(served.open)
            await stop.wait()
        finally:
            await supervisor.close()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)

    with sock:
        try:
            asyncio.run(run())
        finally:
            supervisor.abandon()


__all__ = ["ServeOptions", "listen", "serve", "url_of"]
