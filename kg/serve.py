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
app served by uvicorn, and Oxigraph does the querying and writing.

Time limit: Oxigraph cannot stop a running query, so queries run in worker processes
(``--workers``, :mod:`kg.web.pool`), each opening the Oxigraph folder read-only (a
fraction of a second; the data read is shared through the page cache): a query past
``--timeout`` seconds gets a 503 and its process is killed — really stopped, not
abandoned — and replaced, while the other workers go on answering. Size limit: a SELECT
with more than ``--max-rows`` rows (or a CONSTRUCT/DESCRIBE with more triples) is refused
with 422 rather than truncated, so a client never mistakes a partial result for a whole
one. Busy: a query waits for a free worker at most ``--timeout`` seconds, and only
``4 × --workers`` queries wait at once; the others get 503 at once. Every 503 says
``Retry-After``.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import math
import signal
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .errors import FilterError, KGError
from .web.background import NetworkData
from .web.filters import Filters
from .web.pool import QueryPool
from .web.protocol import MAX_QUERY_LENGTH, query_from, service_description, wants_description
from .web.served import ServedData, prepare
from .web.sparql import Limits, Reply

if TYPE_CHECKING:
    from .web.network import NetworkIndex

#: Seconds uvicorn waits for open connections when stopping.
SHUTDOWN_GRACE = 3
#: Seconds after the start the network page's data is read, unless a query was answered sooner.
PAGE_DATA_DELAY = 1.0

_STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/query": ("query.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/app.css": ("app.css", "text/css; charset=utf-8"),
    "/static/query.js": ("query.js", "text/javascript; charset=utf-8"),
    "/static/query.css": ("query.css", "text/css; charset=utf-8"),
    "/static/yasgui/yasgui.min.js": ("yasgui/yasgui.min.js", "text/javascript; charset=utf-8"),
    "/static/yasgui/yasgui.min.css": ("yasgui/yasgui.min.css", "text/css; charset=utf-8"),
    "/static/yasgui/LICENSE": ("yasgui/LICENSE", "text/plain; charset=utf-8"),
}
_PAGES = {"/", "/query"}
_VIS = ("templates", "lib", "vis-9.1.2")
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)


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


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The pages' own files, YASGUI (shipped here) and vis-network (from the installed pyvis), read once."""
    web = resources.files("kg.web") / "static"
    files = {route: (web.joinpath(*name.split("/")).read_bytes(), media) for route, (name, media) in _STATIC.items()}
    vis = _package_folder("pyvis").joinpath(*_VIS)
    files["/static/vis-network.min.js"] = ((vis / "vis-network.min.js").read_bytes(), "text/javascript")
    files["/static/vis-network.css"] = ((vis / "vis-network.css").read_bytes(), "text/css; charset=utf-8")
    return files


def _package_folder(name: str) -> Path:
    """The folder of an installed package, found without importing it (pyvis imports networkx,
    Jinja and IPython: a third of a second of the start)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise KGError(f"the {name} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _reply(reply: Reply) -> Response:
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type)


def _error(status: int, message: str) -> Response:
    return _reply(Reply.error(status, message))


def _edge_of(params: Any) -> tuple[str, str, str, bool] | None:
    source, target, kind = params.get("source"), params.get("target"), params.get("kind")
    if not (source and target and kind):
        return None
    return source, target, kind, params.get("directed", "1") not in {"0", "false", ""}


def _params(request: Request) -> dict[str, list[str]]:
    return {key: request.query_params.getlist(key) for key in request.query_params}


def _not_ready(data: NetworkData) -> Response | None:
    """The answer of the page's JSON routes while the index is read (503) or after it failed (500)."""
    if data.problem is not None:
        return _error(500, data.problem)
    if data.index is None:
        answer = _error(503, "the network page's data is still being read; the SPARQL endpoint already answers")
        answer.headers["Retry-After"] = "2"
        return answer
    return None


def _api_routes(data: NetworkData) -> list[Route]:
    """The routes of the network page's JSON (:class:`~kg.web.network.NetworkIndex`)."""

    def api_meta(request: Request) -> Response:
        meta = data.meta()
        if meta is None:
            return _not_ready(data) or _error(503, "the network page's data is not ready")
        return Response(meta, media_type="application/json")

    def api_network(request: Request) -> Response:
        waiting = _not_ready(data)
        if waiting is not None:
            return waiting
        try:
            filters = Filters.from_params(_params(request))
        except FilterError as error:
            return _error(400, str(error))
        assert data.index is not None
        return JSONResponse(data.index.view(filters))

    def api_events(request: Request) -> Response:
        waiting = _not_ready(data)
        if waiting is not None:
            return waiting
        try:
            filters = Filters.from_params(_params(request))
        except FilterError as error:
            return _error(400, str(error))
        node, edge = request.query_params.get("node"), _edge_of(request.query_params)
        if not node and edge is None:
            return _error(400, "give node=IRI, or source, target and kind of an edge")
        assert data.index is not None
        return JSONResponse(data.index.events(filters, node=node, edge=edge))

    return [Route("/api/meta", api_meta), Route("/api/network", api_network), Route("/api/events", api_events)]


def create_app(index: NetworkIndex | NetworkData, pool: QueryPool, cors: tuple[str, ...] = ()) -> Starlette:
    """The web application: SPARQL endpoint, network page and its JSON (see the module doc).

    ``index``: the network page's data, or a :class:`NetworkData` still being read.
    ``cors``: the origins allowed to read it from other pages (none: same origin only).

    ``pool`` must be started (and later closed) in the event loop that serves the app.
    """
    files = _static_files()
    data = index if isinstance(index, NetworkData) else NetworkData(index)

    async def sparql(request: Request) -> Response:
        if wants_description(request):
            return _reply(service_description(str(request.url).split("?", 1)[0], request.headers.get("accept", "")))
        received = await query_from(request)
        if isinstance(received, Reply):
            return _reply(received)
        answer = _reply(await pool.run(received))
        if answer.status_code == 503:
            answer.headers["Retry-After"] = str(max(1, math.ceil(pool.limits.timeout)))
        return answer

    def static(request: Request) -> Response:
        body, media = files[request.url.path]
        headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
        if request.url.path in _PAGES:
            headers["Content-Security-Policy"] = _PAGE_POLICY
            headers["Referrer-Policy"] = "no-referrer"
        return Response(body, media_type=media, headers=headers)

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        *_api_routes(data),
        *(Route(path, static) for path in files),
    ]
    return Starlette(routes=routes, middleware=_cors(cors))


def _cors(origins: tuple[str, ...]) -> list[Middleware]:
    """CORS for ``origins`` only (none: no cross-origin reads)."""
    if not origins:
        return []
    methods = ["GET", "POST", "OPTIONS"]
    return [
        Middleware(CORSMiddleware, allow_origins=list(origins), allow_methods=methods, allow_headers=["*"], max_age=600)
    ]


class _Server(uvicorn.Server):
    """uvicorn's server, except that SIGINT/SIGTERM stop it with exit status 0, and call
    ``on_exit`` at once (uvicorn re-raises the signal after its graceful shutdown, which
    would end the process as killed by it)."""

    def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None]) -> None:
        super().__init__(config)
        self.on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Stop serving; and let running queries end now rather than at the grace timeout."""
        super().handle_exit(sig, frame)
        self.on_exit()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


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
    pool = QueryPool(served.folder, options.limits, size=options.workers)
    pool.launch()  # the workers open the dataset while the server gets ready
    network = NetworkData()
    try:
        app = create_app(network, pool, options.cors)
    except BaseException:
        pool.abandon()
        raise
    config = uvicorn.Config(
        app,
        log_level="info" if options.verbose else "warning",
        access_log=options.verbose,
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        lifespan="off",
    )
    runner = asyncio.Runner()
    loop = runner.get_loop()
    closing: list[asyncio.Task[None]] = []

    def stop_queries() -> None:  # in the signal handler: hand over to the event loop
        loop.call_soon_threadsafe(lambda: closing.append(loop.create_task(pool.close())))

    server = _Server(config, on_exit=stop_queries)

    async def announce() -> None:
        while not server.started:
            await asyncio.sleep(0.02)
        if on_ready is not None:
            on_ready(url)
        # Only now, and after the first answer (or a second): the thread holds the interpreter
        # while it works, which would slow the start and the first queries down.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pool.answered.wait(), PAGE_DATA_DELAY)
        network.read_in_background(served.open)

    async def run() -> None:
        await pool.start()
        announcing = asyncio.create_task(announce())
        try:
            await server.serve(sockets=[sock])
        finally:
            announcing.cancel()
            await asyncio.gather(*closing)
            await pool.close()

    with sock, runner:
        runner.run(run())


__all__ = ["MAX_QUERY_LENGTH", "ServeOptions", "create_app", "listen", "serve", "url_of"]
