"""The network page's data, read in the background while the SPARQL endpoint already answers.

Reading every event of a big dataset into a :class:`~kg.web.network.NetworkIndex` takes
seconds (a few SPARQL queries in Oxigraph, then the records assembled in Python); the
endpoint need not wait for it. :class:`NetworkData` starts the reading in a daemon thread and, until it is done,
tells the page's JSON routes to answer 503 with ``Retry-After`` (the page waits and asks
again).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import FilterError
from .sparql import Reply

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

    from .network import NetworkIndex

log = logging.getLogger("kg.serve")

JSON = "application/json"
#: The answer of the page's JSON routes while the data is read (with ``Retry-After: 2``).
NOT_READY = "the network page's data is still being read; the SPARQL endpoint already answers"


class NetworkData:
    """A :class:`NetworkIndex` that may not be ready yet (or may have failed)."""

    def __init__(self, index: NetworkIndex | None = None) -> None:
        """Ready at once with ``index``, or empty until :meth:`read_in_background` fills it."""
        self.index = index
        self.problem: str | None = None
        self._meta: bytes | None = None
        self._lock = threading.Lock()

    def read_in_background(self, graph: Callable[[], Graph | ox.Store]) -> threading.Thread:
        """Build the index from ``graph()`` in a daemon thread (the process may end before it does)."""

        def read() -> None:
            try:
                from .network import NetworkIndex

                index = NetworkIndex(graph())
            except Exception as error:  # the page says so; the endpoint goes on
                log.exception("cannot read the network page's data")
                self.problem = f"cannot read the network page's data: {' '.join(str(error).split())[:300]}"
                return
            self.index = index

        thread = threading.Thread(target=read, name="kg-network-index", daemon=True)
        thread.start()
        return thread

    def meta(self) -> bytes | None:
        """The page's ``/api/meta`` JSON, made once (``None`` while not ready)."""
        index = self.index
        if index is None:
            return None
        with self._lock:
            if self._meta is None:
                self._meta = json.dumps(index.meta(), ensure_ascii=False).encode("utf-8")
            return self._meta


def _json(content: object) -> bytes:
    """JSON as Starlette's ``JSONResponse`` writes it."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _last(params: Mapping[str, Sequence[str]], name: str, default: str = "") -> str:
    """A parameter's last value (as Starlette's ``query_params.get`` gives it)."""
    values = params.get(name)
    return values[-1] if values else default


def _edge_of(params: Mapping[str, Sequence[str]]) -> tuple[str, str, str, bool] | None:
    source, target, kind = (_last(params, name) for name in ("source", "target", "kind"))
    if not (source and target and kind):
        return None
    return source, target, kind, _last(params, "directed", "1") not in {"0", "false", ""}


def page_reply(data: NetworkData, route: str, params: Mapping[str, Sequence[str]]) -> Reply:
    """The answer of the page's JSON route ``route`` (``meta``, ``network``, ``events``) for query
    parameters ``params``: 503 while the data is read, 500 if that failed, 400 for bad filters."""
    if data.problem is not None:
        return Reply.error(500, data.problem)
    index, meta = data.index, data.meta()
    if index is None or meta is None:
        return Reply.error(503, NOT_READY)
    if route == "meta":
        return Reply(200, JSON, meta)
    from .filters import Filters

    try:
        filters = Filters.from_params(params)
    except FilterError as error:
        return Reply.error(400, str(error))
    if route == "network":
        return Reply(200, JSON, _json(index.view(filters)))
    node, edge = _last(params, "node"), _edge_of(params)
    if not node and edge is None:
        return Reply.error(400, "give node=IRI, or source, target and kind of an edge")
    return Reply(200, JSON, _json(index.events(filters, node=node or None, edge=edge)))


class LocalPage:
    """The page's JSON answered in this process, from :class:`NetworkData`."""

    def __init__(self, data: NetworkData) -> None:
        """Answer from ``data``."""
        self.data = data

    async def reply(self, route: str, params: dict[str, list[str]]) -> Reply:
        """See :func:`page_reply`."""
        return page_reply(self.data, route, params)


__all__ = ["NOT_READY", "LocalPage", "NetworkData", "page_reply"]
