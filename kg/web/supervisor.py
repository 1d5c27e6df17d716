"""The supervisor of ``kg serve``'s worker processes (:mod:`kg.web.worker`).

Each worker accepts connections on the listening socket it inherits and answers them
itself; the supervisor answers none. It starts the workers (each opening the Oxigraph
folder read-only while the others do), reads the network page's data once and answers
the workers' requests for the page's JSON over their channels, replaces a worker that
ended (its watchdog ends it after a query ran past the time limit; a query past its
memory cap ends it too), and kills a worker whose query still runs :data:`GRACE` seconds past the time
limit, as read from the worker's clock (:data:`kg.web.queries.CLOCK`, shared through a
memory-mapped file: nothing crosses between the processes per query).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mmap
import pickle
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KGError
from .background import NetworkData, page_reply
from .channel import Channel
from .queries import CLOCK
from .sparql import Limits
from .worker import SHUTDOWN_GRACE, Settings

log = logging.getLogger("kg.serve")

#: Seconds past ``--timeout`` after which a worker still running a query is killed.
GRACE = 2.0
#: Seconds between two looks at the workers' clocks.
POLL = 0.25


@dataclass(frozen=True)
class WorkerOptions:
    """What each worker is told."""

    limits: Limits
    cors: tuple[str, ...] = ()
    verbose: bool = False


@dataclass(eq=False)
class _Launched:
    process: subprocess.Popen[bytes]
    ours: socket.socket
    clock: mmap.mmap


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    channel: Channel
    clock: mmap.mmap

    def running_since(self) -> float | None:
        """When the query this worker runs started (``time.monotonic``), if one runs."""
        started = float(CLOCK.unpack_from(self.clock)[0])
        return started or None

    def stopping(self) -> None:
        """Tell its watchdog to stop the query it runs, if any (its event loop is busy with it)."""
        started, ended, _ = CLOCK.unpack_from(self.clock)
        CLOCK.pack_into(self.clock, 0, started, ended, 1.0)

    @property
    def timed_out(self) -> bool:
        """Whether its watchdog ended it (a query ran past the time limit)."""
        return bool(CLOCK.unpack_from(self.clock)[1])

    async def stop(self, *, kill: bool) -> None:
        """End the process: at once (SIGKILL), or wait for it to end, killing it past the grace."""
        if kill:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        deadline = time.monotonic() + SHUTDOWN_GRACE + 2
        while self.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(1)
        with contextlib.suppress(OSError, RuntimeError):
            self.channel.close()


class Supervisor:
    """``size`` worker processes serving on ``listening`` (see the module doc).

    :meth:`launch` starts them outside any event loop; :meth:`start` waits until each is
    ready (or raises :class:`~kg.errors.KGError`); :meth:`close` stops them.
    """

    def __init__(self, folder: Path, listening: socket.socket, options: WorkerOptions, size: int, page: NetworkData):
        """Prepare (nothing starts yet)."""
        if size < 1:
            raise ValueError("kg serve needs at least one worker")
        self.folder, self.listening, self.options, self.size, self.page = Path(folder), listening, options, size, page
        self._launched: list[_Launched] = []
        self._workers: set[_Worker] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        #: Set once a worker has answered a query.
        self.answered = asyncio.Event()

    def _launch(self) -> _Launched:
        """Start a worker process (it opens the dataset, then serves); it, our end of its channel, its clock."""
        ours, theirs = socket.socketpair()
        limits = self.options.limits
        with tempfile.TemporaryFile() as clock_file:
            clock_file.truncate(CLOCK.size)
            clock = mmap.mmap(clock_file.fileno(), CLOCK.size)
            settings = Settings(
                str(self.folder), self.listening.fileno(), theirs.fileno(), clock_file.fileno(),
                limits.timeout, limits.max_rows, limits.worker_memory_mb, self.options.cors, self.options.verbose,
            )  # fmt: skip
            # A fresh interpreter that imports only the worker (not the CLI, not rdflib).
            command = [sys.executable, "-m", "kg.web.worker", settings.to_json()]
            try:
                process = subprocess.Popen(
                    command, pass_fds=(self.listening.fileno(), theirs.fileno(), clock_file.fileno()),
                    stdin=subprocess.DEVNULL,
                )  # fmt: skip
            except BaseException:
                ours.close()
                clock.close()
                raise
            finally:
                theirs.close()
        return _Launched(process, ours, clock)

    def launch(self) -> None:
        """Start the worker processes now, outside any event loop (:meth:`start` waits for them)."""
        while len(self._launched) < self.size:
            self._launched.append(self._launch())

    async def _spawn(self, launched: _Launched | None = None) -> _Worker:
        """A worker serving: the one ``launched`` already, or a new one."""
        launched = launched or self._launch()
        worker = _Worker(launched.process, await Channel.open(launched.ours), launched.clock)
        try:
            status = await worker.channel.receive()
        except (asyncio.IncompleteReadError, ConnectionError):
            await worker.stop(kill=True)
            raise KGError(f"{self.folder}: a worker process died while opening the dataset") from None
        if status != ("ready",):
            await worker.stop(kill=True)
            problem = status[1] if isinstance(status, tuple) and len(status) > 1 else status
            raise KGError(str(problem))
        return worker

    async def start(self) -> None:
        """Wait until every worker serves; the first problem of one as a :class:`~kg.errors.KGError`."""
        launched: list[_Launched | None] = [*self._launched]
        self._launched = []
        launched += [None] * (self.size - len(launched))
        workers = await asyncio.gather(*(self._spawn(each) for each in launched), return_exceptions=True)
        failures = [w for w in workers if isinstance(w, BaseException)]
        if failures:
            await asyncio.gather(*(w.stop(kill=True) for w in workers if isinstance(w, _Worker)))
            raise failures[0]
        for worker in workers:
            assert isinstance(worker, _Worker)
            self._adopt(worker)
        self._run(self._police())

    def _run(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _adopt(self, worker: _Worker) -> None:
        self._workers.add(worker)
        self._run(self._watch(worker))

    async def _watch(self, worker: _Worker) -> None:
        """Answer a worker's messages until it ends; then start another in its place."""
        try:
            while True:
                message = await worker.channel.receive()
                if not isinstance(message, tuple) or not message:
                    continue
                if message[0] == "page":
                    await worker.channel.send(page_reply(self.page, message[1], message[2]))
                elif message[0] == "answered":
                    self.answered.set()
        except (asyncio.IncompleteReadError, ConnectionError, pickle.UnpicklingError):
            pass
        self._workers.discard(worker)
        if self._closed:
            return
        await worker.stop(kill=False)
        code = worker.process.returncode
        if not worker.timed_out and code != -signal.SIGKILL:
            how = f"killed by {signal.Signals(-code).name}" if code is not None and code < 0 else f"status {code}"
            log.warning("a worker process ended (%s; a query past --worker-memory ends its worker); restarting it", how)
        self._replace()

    def _replace(self) -> None:
        """Start a worker in the background to take the place of one that ended."""

        async def replace() -> None:
            try:
                worker = await self._spawn()
            except Exception as error:
                log.error("could not start a worker process: %s", error)
                return
            if self._closed:
                await worker.stop(kill=True)
            else:
                self._adopt(worker)

        self._run(replace())

    async def _police(self) -> None:
        """Kill a worker whose query runs :data:`GRACE` seconds past the time limit (its channel then ends)."""
        most = self.options.limits.timeout + GRACE
        while not self._closed:
            await asyncio.sleep(POLL)
            now = time.monotonic()
            for worker in list(self._workers):
                started = worker.running_since()
                if started is not None and now - started > most and worker.process.poll() is None:
                    log.warning(
                        "a query ran %.0f s in worker %d, past --timeout: killed", now - started, worker.process.pid
                    )
                    worker.process.kill()

    def abandon(self) -> None:
        """Kill the workers :meth:`launch` started and :meth:`start` did not take over (if any)."""
        for launched in self._launched:
            launched.process.kill()
            launched.process.wait()
            launched.ours.close()
        self._launched = []

    async def close(self) -> None:
        """Stop every worker (SIGTERM: each finishes its requests within a few seconds) and wait for them."""
        self._closed = True
        self.abandon()
        workers = list(self._workers)
        for worker in workers:
            worker.stopping()
            with contextlib.suppress(ProcessLookupError):
                worker.process.terminate()
        await asyncio.gather(*(worker.stop(kill=False) for worker in workers), return_exceptions=True)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


__all__ = ["GRACE", "Supervisor", "WorkerOptions"]
