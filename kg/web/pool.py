"""The query worker processes of ``kg serve``: each opens the served Oxigraph folder
read-only and answers queries (:func:`kg.web.sparql.answer`) within the limits.

Oxigraph cannot stop a query from outside once it runs (one step of it, an ORDER BY or a
GROUP BY, may take all the time there is), so a query past the time limit is stopped by
ending its worker process, which is replaced: opening the folder takes a fraction of a
second, and the data read is shared through the page cache rather than copied per worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import pickle
import signal
import socket
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import KGError
from .sparql import Limits, QueryRequest, Reply

log = logging.getLogger("kg.serve")

_HEADER = struct.Struct(">Q")


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter

    async def send(self, message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.write(_HEADER.pack(len(data)) + data)
        await self.writer.drain()

    async def receive(self) -> object:
        (size,) = _HEADER.unpack(await self.reader.readexactly(_HEADER.size))
        return pickle.loads(await self.reader.readexactly(size))

    async def stop(self, *, kill: bool) -> None:
        """End the process: politely (close its channel) or at once (SIGKILL)."""
        if kill:
            self.process.kill()
        with contextlib.suppress(OSError):
            self.writer.close()
        for _ in range(50):
            if self.process.poll() is not None:
                break
            await asyncio.sleep(0.05)
        else:
            self.process.kill()
            await asyncio.sleep(0.05)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(0.1)

    @property
    def aborted(self) -> bool:
        """Whether the process ended by SIGABRT (what Rust does when an allocation fails)."""
        return self.process.returncode == -signal.SIGABRT


class QueryPool:
    """Worker processes that answer SPARQL queries on an Oxigraph folder, each opening it read-only.

    Start it with :meth:`start` and stop it with :meth:`close` inside one event loop.
    """

    def __init__(self, source: Path, limits: Limits, size: int = 2) -> None:
        """Prepare ``size`` workers for the Oxigraph folder ``source`` (nothing starts yet)."""
        if size < 1:
            raise ValueError("a query pool needs at least one worker")
        self.source = Path(source)
        self.limits = limits
        self.size = size
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._busy: set[_Worker] = set()
        self._spawning: set[asyncio.Task[None]] = set()
        self._closed = False
        self._launched: list[tuple[subprocess.Popen[bytes], socket.socket] | None] = []
        #: Set once a query has been answered (whatever the answer).
        self.answered = asyncio.Event()
        #: Queries waiting for a worker; past :attr:`max_waiting` a query is turned away at once.
        self._waiting = 0
        self.max_waiting = 4 * size

    def _launch(self) -> tuple[subprocess.Popen[bytes], socket.socket]:
        """Start a worker process; it and our end of its channel (it opens the dataset meanwhile)."""
        ours, theirs = socket.socketpair()
        memory = self.limits.worker_memory_mb
        # A fresh interpreter that imports only the worker (not the CLI, not rdflib): it starts in
        # a fraction of a second, and shares nothing with the server but the socket.
        command = [sys.executable, "-m", "kg.web.worker", str(self.source), str(theirs.fileno())]
        command += [str(self.limits.max_rows), str(memory if memory is not None else 0)]
        try:
            process = subprocess.Popen(command, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        return process, ours

    async def _spawn(self, launched: tuple[subprocess.Popen[bytes], socket.socket] | None = None) -> _Worker:
        """A worker ready to answer: the one ``launched`` already (by :meth:`launch`), or a new one."""
        process, ours = launched or self._launch()
        reader, writer = await asyncio.open_connection(sock=ours)
        worker = _Worker(process, reader, writer)
        try:
            status = await worker.receive()
        except (asyncio.IncompleteReadError, ConnectionError):
            await worker.stop(kill=True)
            raise KGError(f"{self.source}: a query worker died while opening the dataset") from None
        if not (isinstance(status, tuple) and status[0] == "ready"):
            await worker.stop(kill=True)
            problem = status[1] if isinstance(status, tuple) and len(status) > 1 else status
            raise KGError(str(problem))
        return worker

    def launch(self) -> None:
        """Start the worker processes now, outside any event loop (:meth:`start` waits for them):
        they open the dataset while the server gets ready."""
        while len(self._launched) < self.size:
            self._launched.append(self._launch())

    async def start(self) -> None:
        """Start every worker (those :meth:`launch` started already) and wait until each has opened the dataset."""
        launched, self._launched = self._launched, []
        launched += [None] * (self.size - len(launched))
        workers = await asyncio.gather(*(self._spawn(each) for each in launched), return_exceptions=True)
        failures = [w for w in workers if isinstance(w, BaseException)]
        for worker in workers:
            if isinstance(worker, _Worker):
                if failures:
                    await worker.stop(kill=True)
                else:
                    self._idle.put_nowait(worker)
        if failures:
            raise failures[0]

    def _replace(self) -> None:
        """Start a worker in the background to take the place of a killed one."""

        async def replace() -> None:
            try:
                worker = await self._spawn()
            except Exception as error:
                log.error("could not start a query worker: %s", error)
                return
            if self._closed:
                await worker.stop(kill=True)
            else:
                self._idle.put_nowait(worker)

        task = asyncio.get_running_loop().create_task(replace())
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)

    async def _free_worker(self, limit: float) -> _Worker | None:
        """An idle worker, waiting at most ``limit`` seconds for one (``None`` past that)."""
        if not self._idle.empty():
            return self._idle.get_nowait()
        self._waiting += 1
        try:
            async with asyncio.timeout(limit):
                return await self._idle.get()
        except TimeoutError:
            return None
        finally:
            self._waiting -= 1

    async def run(self, request: QueryRequest) -> Reply:
        """Answer a query in a worker, within the time limit."""
        limit = self.limits.timeout
        if self._closed:
            return Reply.error(503, "the server is shutting down")
        if self._idle.empty() and self._waiting >= self.max_waiting:
            return Reply.error(
                503, f"all {self.size} query workers are busy and {self._waiting} queries wait; try later"
            )
        worker = await self._free_worker(limit)
        if worker is None:
            return Reply.error(503, f"all {self.size} query workers stayed busy for {limit:g} s; try again later")
        self._busy.add(worker)
        healthy = False
        try:
            async with asyncio.timeout(limit):  # no task per query, unlike wait_for (a tenth of the cost per request)
                await worker.send(request)
                reply = await worker.receive()
            healthy = True
            self.answered.set()
            return reply if isinstance(reply, Reply) else Reply.error(500, "a query worker answered nonsense")
        except TimeoutError:
            return Reply.error(
                503, f"the query ran past the time limit of {limit:g} s and was stopped (kg serve --timeout)"
            )
        except (asyncio.IncompleteReadError, ConnectionError, pickle.UnpicklingError):
            if self._closed:
                return Reply.error(503, "the server is shutting down; the query was stopped")
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(1)
            if worker.aborted and self.limits.worker_memory_mb is not None:
                return Reply.error(503, "the query ran out of the memory a query may use (kg serve --worker-memory)")
            return Reply.error(500, "the query worker died while answering; it has been replaced")
        finally:
            self._busy.discard(worker)
            if healthy and not self._closed:
                self._idle.put_nowait(worker)
            else:
                await worker.stop(kill=True)
                if not self._closed:
                    self._replace()

    def abandon(self) -> None:
        """Kill the workers :meth:`launch` started and :meth:`start` did not take over (if any)."""
        for launched in self._launched:
            if launched is not None:
                launched[0].kill()
                launched[0].wait()
                launched[1].close()
        self._launched = []

    async def close(self) -> None:
        """Stop every worker (busy ones are killed) and wait for them to end."""
        self._closed = True
        self.abandon()
        for task in list(self._spawning):
            task.cancel()
        stopping = [w.stop(kill=True) for w in self._busy]
        while not self._idle.empty():
            stopping.append(self._idle.get_nowait().stop(kill=False))
        await asyncio.gather(*stopping, return_exceptions=True)
        await asyncio.gather(*self._spawning, return_exceptions=True)


__all__ = ["QueryPool"]
