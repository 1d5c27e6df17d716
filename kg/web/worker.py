"""A query worker of ``kg serve``, run as ``python -m kg.web.worker FOLDER FD MAX_ROWS MEMORY_MB``.

It opens the Oxigraph folder read-only and answers the queries that come over the socket
``FD`` (pickled :class:`~kg.web.sparql.QueryRequest` in, :class:`~kg.web.sparql.Reply`
out, each framed by its length) until the socket closes. It imports no more than it
needs (not the CLI, not rdflib), so that a worker starts in a fraction of a second — the
server starts a new one whenever a query runs past the time limit and its worker is
ended (:class:`kg.web.pool.QueryPool`).
"""

from __future__ import annotations

import io
import pickle
import signal
import socket
import struct
import sys

import pyoxigraph as ox

from .sparql import QueryRequest, answer

_HEADER = struct.Struct(">Q")


_HEADER = struct.Struct(">Q")


def _send(stream: io.BufferedIOBase, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: io.BufferedIOBase) -> object | None:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    message: object = pickle.loads(data)
    return message


def _cap_memory(extra_mb: int | None) -> None:
    """Let this process's data grow by at most ``extra_mb`` megabytes from now on (Linux RLIMIT_DATA).

    A query past the cap meets MemoryError (answered as a 503), not the machine's OOM killer.
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


def _worker_main(folder: str, channel: socket.socket, max_rows: int, memory_mb: int | None = None) -> None:
    """A worker process: open the Oxigraph folder, then answer queries until the channel closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us

    with channel, channel.makefile("rwb") as stream:
        try:
            store = ox.Store.read_only(folder)
        except Exception as error:  # pyoxigraph raises OSError or other types: each is one line to the server
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            if "corrupt" in first.lower():
                problem = f"the store is damaged ({first}); rebuild it or restore a copy"
            else:
                problem = f"cannot open the dataset ({first})"
            _send(stream, ("error", f"{folder}: {problem}"))
            return
        _cap_memory(memory_mb)
        _send(stream, ("ready", 0))
        while True:
            request = _receive(stream)
            if not isinstance(request, QueryRequest):
                return
            _send(stream, answer(store, request, max_rows))


def main(argv: list[str]) -> None:
    """Run a worker from its command line (see the module doc)."""
    folder, descriptor, max_rows, memory_mb = argv
    channel = socket.socket(fileno=int(descriptor))
    _worker_main(folder, channel, int(max_rows), int(memory_mb) or None)


if __name__ == "__main__":
    main(sys.argv[1:])
