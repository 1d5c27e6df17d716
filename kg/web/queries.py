"""SPARQL queries answered in a worker process of ``kg serve``, one at a time, within the time limit.

A worker answers each query on its own event loop's thread: handing it to another thread
or process costs more CPU than a small query itself (0.15–0.2 ms against 0.05 on a
2-core machine), and the worker is one of several that share the listening socket, so
while it works its siblings take the new connections. Oxigraph cannot stop a query once
it runs, but it lets go of Python's interpreter lock while it works, so a watchdog thread
(:class:`Watchdog`) sees a query that runs past ``--timeout``: it writes the 503 straight
onto that query's connection (found by its two addresses, which every ASGI request
carries) and ends the worker, the query with it; the supervisor starts another
(:mod:`kg.web.supervisor`), and kills a worker whose query still runs a little past the
limit, should the watchdog not have run. The worker and its supervisor share a small
clock (:data:`CLOCK`: when the running query started, 0 when idle; and 1 once the
watchdog ended the worker): nothing crosses between them per query.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from .sparql import TEXT, Limits, QueryRequest, Reply, answer

#: The clock a worker shares with its supervisor: the running query's start (``time.monotonic``,
#: 0 when idle); 1 once the watchdog ended the worker; 1 once the supervisor is stopping the
#: worker (a query running then is stopped and told so).
CLOCK = struct.Struct("ddd")
#: Seconds between two looks of the watchdog.
WATCH_EVERY = 0.1


@dataclass(frozen=True)
class Peer:
    """Who asked: the connection's two addresses (ASGI's ``client`` and ``server``) and the page's origin."""

    client: tuple[str, int] | None = None
    server: tuple[str, int] | None = None
    origin: str | None = None


class Queries:
    """Answers queries on a dataset, one at a time (see the module doc).

    No query is answered before :meth:`start` gives it the dataset (503 meanwhile).
    """

    def __init__(self, limits: Limits, clock: bytearray | memoryview | None = None) -> None:
        """Answer within ``limits``; ``clock``: a writable buffer of :data:`CLOCK`'s size (shared
        with the supervisor)."""
        self.limits = limits
        self.clock = clock if clock is not None else bytearray(CLOCK.size)
        self.store: ox.Store | None = None
        #: Who asked the query running now.
        self.peer = Peer()
        #: Set once a query has been answered (whatever the answer).
        self.answered = asyncio.Event()
        self._closed = False

    def start(self, store: ox.Store) -> None:
        """Answer queries on ``store`` from now on."""
        self.store = store

    def close(self) -> None:
        """Answer no more queries."""
        self._closed = True

    def started(self) -> float:
        """When the running query started (``time.monotonic``); 0 when none runs."""
        return float(CLOCK.unpack_from(self.clock)[0])

    def stopping(self) -> float:
        """1 once the supervisor is stopping this worker, else 0."""
        return float(CLOCK.unpack_from(self.clock)[2])

    async def run(self, request: QueryRequest, peer: Peer | None = None) -> Reply:
        """Answer a query (:func:`kg.web.sparql.answer`); the :class:`Watchdog` keeps the time limit."""
        if self._closed:
            return Reply.error(503, "the server is shutting down")
        if self.store is None:
            return Reply.error(503, "the dataset is not open yet; try again")
        self.peer = peer or Peer()
        CLOCK.pack_into(self.clock, 0, time.monotonic(), 0.0, self.stopping())
        try:
            reply = answer(self.store, request, self.limits.max_rows)
        finally:
            CLOCK.pack_into(self.clock, 0, 0.0, 0.0, self.stopping())
        self.answered.set()
        return reply


def timeout_message(limit: float) -> str:
    """What a client is told when its query runs past the limit."""
    return f"the query ran past the time limit of {limit:g} s and was stopped (kg serve --timeout)"


def _raw_503(message: str, limit: float, origin: str | None) -> bytes:
    """The whole HTTP response of a query stopped by the watchdog."""
    body = (message + "\n").encode("utf-8")
    head = [
        "HTTP/1.1 503 Service Unavailable",
        f"content-type: {TEXT}",
        f"content-length: {len(body)}",
        f"retry-after: {max(1, math.ceil(limit))}",
        "connection: close",
    ]
    if origin:
        head += [f"access-control-allow-origin: {origin}", "vary: Origin"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def _connection(peer: Peer) -> socket.socket | None:
    """This process's socket of ``peer``'s connection (Linux: among the descriptors in /proc/self/fd)."""
    if peer.client is None or peer.server is None:
        return None
    try:
        descriptors = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return None
    for descriptor in descriptors:
        try:
            candidate = socket.socket(fileno=os.dup(descriptor))
        except OSError:
            continue
        try:
            if tuple(candidate.getpeername()[:2]) == tuple(peer.client) and tuple(candidate.getsockname()[:2]) == tuple(
                peer.server
            ):
                return candidate
        except (OSError, TypeError):
            pass
        candidate.close()
    return None


class Watchdog(threading.Thread):
    """Ends this worker process when its query runs past the limit, after telling the client."""

    def __init__(self, queries: Queries, allowed_origins: tuple[str, ...] = (), end: Callable[[int], None] = os._exit):
        """Watch ``queries``; a 503 names an origin of ``allowed_origins`` (CORS) if the request came from one."""
        super().__init__(name="kg-watchdog", daemon=True)
        self.queries = queries
        self.allowed_origins = allowed_origins
        self.end = end

    def run(self) -> None:
        """Look every :data:`WATCH_EVERY` seconds; past the limit (or once the supervisor stops the
        worker), answer the query's client and end the process."""
        limit = self.queries.limits.timeout
        while True:
            time.sleep(WATCH_EVERY)
            started = self.queries.started()
            if started and self.queries.stopping():
                message = "the server is shutting down; the query was stopped"
                break
            if started and time.monotonic() - started > limit:
                message = timeout_message(limit)
                break
        peer = self.queries.peer
        origin = peer.origin if peer.origin in self.allowed_origins else None
        connection = _connection(peer)
        if connection is not None:
            with contextlib.suppress(OSError), connection:
                connection.settimeout(1)
                connection.sendall(_raw_503(message, limit, origin))
                connection.shutdown(socket.SHUT_WR)
        CLOCK.pack_into(self.queries.clock, 0, started, 1.0, self.queries.stopping())
        self.end(0)


__all__ = ["CLOCK", "Peer", "Queries", "Watchdog", "timeout_message"]
