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
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

    from .network import NetworkIndex

log = logging.getLogger("kg.serve")


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


__all__ = ["NetworkData"]
