"""The web application of ``kg serve`` (see :mod:`kg.serve` for its routes), as each worker process serves it.

SPARQL queries are answered in the worker itself (:class:`kg.web.queries.Queries`); the
network page's JSON comes from a :class:`PageSource`: the supervisor, over the worker's
channel, or :class:`kg.web.background.LocalPage` in tests.
"""

from __future__ import annotations

import importlib.util
import math
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import KGError
from .background import LocalPage, NetworkData
from .protocol import query_from, service_description, wants_description
from .queries import Peer, Queries
from .sparql import Reply

if TYPE_CHECKING:
    from .network import NetworkIndex

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
#: Seconds the page is told to wait (``Retry-After``) while its data is read.
PAGE_RETRY_AFTER = 2


class PageSource(Protocol):
    """Where the network page's JSON comes from."""

    async def reply(self, route: str, params: dict[str, list[str]]) -> Reply:
        """The answer of ``/api/ROUTE`` for these query parameters (:func:`kg.web.background.page_reply`)."""
        ...


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


def _page_routes(page: PageSource) -> list[Route]:
    """The routes of the network page's JSON."""

    async def api(request: Request) -> Response:
        params = {key: request.query_params.getlist(key) for key in request.query_params}
        answer = _reply(await page.reply(request.url.path.rsplit("/", 1)[1], params))
        if answer.status_code == 503:
            answer.headers["Retry-After"] = str(PAGE_RETRY_AFTER)
        return answer

    return [Route(f"/api/{name}", api) for name in ("meta", "network", "events")]


def create_app(
    page: PageSource | NetworkIndex | NetworkData, queries: Queries, cors: tuple[str, ...] = ()
) -> Starlette:
    """The web application: SPARQL endpoint, network page and its JSON (see :mod:`kg.serve`).

    ``page``: where the page's JSON comes from (a :class:`NetworkIndex` or a
    :class:`NetworkData` still being read: answered here). ``queries``: what answers SPARQL
    queries. ``cors``: the origins allowed to read it from other pages (none: same origin only).
    """
    files = _static_files()
    source: PageSource
    if isinstance(page, NetworkData):
        source = LocalPage(page)
    elif hasattr(page, "reply"):
        source = page
    else:
        source = LocalPage(NetworkData(page))

    async def sparql(request: Request) -> Response:
        if wants_description(request):
            return _reply(service_description(str(request.url).split("?", 1)[0], request.headers.get("accept", "")))
        received = await query_from(request)
        if isinstance(received, Reply):
            return _reply(received)
        client, server = request.scope.get("client"), request.scope.get("server")
        peer = Peer(client and tuple(client), server and tuple(server), request.headers.get("origin"))
        answer = _reply(await queries.run(received, peer))
        if answer.status_code == 503:
            answer.headers["Retry-After"] = str(max(1, math.ceil(queries.limits.timeout)))
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
        *_page_routes(source),
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


__all__ = ["PAGE_RETRY_AFTER", "PageSource", "create_app"]
