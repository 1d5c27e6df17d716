"""A worker process of ``kg serve``, run as ``python -m kg.web.worker SETTINGS`` (JSON, see :class:`Settings`).

It opens the Oxigraph folder read-only, then serves the whole web application
(:func:`kg.web.app.create_app`) on the listening socket it inherits from its supervisor,
beside its sibling workers: the kernel gives each new connection to one of them. It
answers SPARQL queries itself, one at a time (:class:`kg.web.queries.Queries`: no hop
to another thread or process), and asks the supervisor, over its channel (:mod:`kg.web.channel`), for
the network page's JSON, which only the supervisor reads. It tells the supervisor when it
is ready and when it answered its first query. Its watchdog ends it after a query ran past
the time limit (:class:`kg.web.queries.Watchdog`); otherwise it ends when told to (SIGTERM;
Ctrl-C is left to the supervisor) or when its supervisor is gone. It imports neither the
CLI nor rdflib, so that it starts in a fraction of a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import mmap
import os
import signal
import socket
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from types import FrameType

import pyoxigraph as ox
import uvicorn

from .app import create_app
from .channel import Channel, frame
from .queries import CLOCK, Queries, Watchdog
from .sparql import Limits, Reply

#: Seconds a worker waits for its open connections when it stops.
SHUTDOWN_GRACE = 3


@dataclass(frozen=True)
class Settings:
    """What a worker is told on its command line."""

    folder: str
    listening: int
    channel: int
    clock: int
    timeout: float
    max_rows: int
    memory_mb: int | None
    cors: tuple[str, ...] = ()
    verbose: bool = False

    def to_json(self) -> str:
        """The settings as one command-line argument."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """The settings from :meth:`to_json`."""
        values = json.loads(text)
        values["cors"] = tuple(values["cors"])
        return cls(**values)


class SupervisorPage:
    """The page's JSON, asked of the supervisor over the channel (it answers each worker in order)."""

    def __init__(self, channel: Channel) -> None:
        """Ask over ``channel`` (:meth:`listen` must run meanwhile)."""
        self.channel = channel
        self._waiting: deque[asyncio.Future[Reply]] = deque()

    async def reply(self, route: str, params: dict[str, list[str]]) -> Reply:
        """The supervisor's answer of ``/api/ROUTE``."""
        answer: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self._waiting.append(answer)
        await self.channel.send(("page", route, params))
        return await answer

    async def listen(self) -> None:
        """Hand the supervisor's answers to those waiting, until the channel closes."""
        try:
            while True:
                message = await self.channel.receive()
                if self._waiting and isinstance(message, Reply):
                    self._waiting.popleft().set_result(message)
        except (asyncio.IncompleteReadError, ConnectionError):
            gone = Reply.error(503, "the server is shutting down")
            while self._waiting:
                self._waiting.popleft().set_result(gone)


def _cap_memory(extra_mb: int | None) -> None:
    """Let this process's data grow by at most ``extra_mb`` megabytes from now on (Linux RLIMIT_DATA).

    A query past the cap ends the worker (Oxigraph aborts when it cannot allocate), not the
    machine by its OOM killer; the supervisor starts another.
    """
    if extra_mb is None:
        return
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            used_kb = next(int(line.split()[1]) for line in status if line.startswith("VmData:"))
    except (OSError, StopIteration, ValueError):
        return  # no /proc: no cap rather than a wrong one
    limit = used_kb * 1024 + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _open(settings: Settings) -> ox.Store | str:
    """The dataset, read-only, or the one-line problem opening it."""
    try:
        return ox.Store.read_only(settings.folder)
    except Exception as error:  # pyoxigraph raises OSError or other types: each is one line to the supervisor
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "corrupt" in first.lower():
            return f"{settings.folder}: the store is damaged ({first}); rebuild it or restore a copy"
        return f"{settings.folder}: cannot open the dataset ({first})"


async def _serve(settings: Settings, store: ox.Store, clock: mmap.mmap) -> None:
    channel = await Channel.open(socket.socket(fileno=settings.channel))
    page = SupervisorPage(channel)
    sends: set[asyncio.Task[None]] = set()

    def tell(message: tuple[str, ...]) -> None:
        task = asyncio.get_running_loop().create_task(channel.send(message))
        sends.add(task)
        task.add_done_callback(sends.discard)

    queries = Queries(Limits(settings.timeout, settings.max_rows, settings.memory_mb), memoryview(clock))
    queries.start(store)
    Watchdog(queries, settings.cors).start()
    config = uvicorn.Config(
        create_app(page, queries, settings.cors),
        log_level="info" if settings.verbose else "warning",
        access_log=settings.verbose,
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        lifespan="off",
    )
    server = _Server(config)
    _cap_memory(settings.memory_mb)

    async def announce() -> None:
        await queries.answered.wait()
        tell(("answered",))

    async def listen() -> None:
        await page.listen()
        server.should_exit = True  # the supervisor is gone

    loop = asyncio.get_running_loop()
    watching = [loop.create_task(announce()), loop.create_task(listen())]
    # Before the first request can ask the supervisor for the page (its first message must be this).
    await channel.send(("ready",))
    try:
        await server.serve(sockets=[socket.socket(fileno=settings.listening)])
    finally:
        for task in watching:
            task.cancel()
        queries.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.gather(*sends), 1)


class _Server(uvicorn.Server):
    """uvicorn's server, stopped by SIGTERM only (the supervisor sends it; Ctrl-C, which
    reaches the whole process group, is the supervisor's to handle)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        previous = signal.signal(signal.SIGTERM, self.handle_exit)
        try:
            yield
        finally:
            signal.signal(signal.SIGTERM, previous)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Stop serving (open connections get :data:`SHUTDOWN_GRACE` seconds)."""
        self.should_exit = True


def main(argv: list[str]) -> None:
    """Run a worker from its command line (see the module doc); ends the process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    settings = Settings.from_json(argv[0])
    store = _open(settings)
    if isinstance(store, str):
        with socket.socket(fileno=settings.channel) as channel:
            channel.sendall(frame(("error", store)))
        return
    clock = mmap.mmap(settings.clock, CLOCK.size)
    os.close(settings.clock)
    asyncio.run(_serve(settings, store, clock))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # at once: no thread of this process has anything left to do


if __name__ == "__main__":
    main(sys.argv[1:])
