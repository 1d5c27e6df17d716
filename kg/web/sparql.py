"""SPARQL queries for ``kg serve``: answering one query, and the worker processes that do it.

:func:`answer` turns one SPARQL query into an HTTP reply (status, media type, body) and
never raises: it parses the query, refuses SPARQL Update and federated ``SERVICE``
clauses, runs the query on an rdflib graph, refuses a result past the row limit, and
writes the result in the format the client negotiated (``Accept``, or the ``format``
parameter many SPARQL clients send):

* SELECT and ASK: SPARQL Results JSON (the default), XML, CSV and TSV;
* CONSTRUCT and DESCRIBE: Turtle (the default), JSON-LD, N-Triples, RDF/XML, N3.

:class:`QueryPool` runs :func:`answer` in worker processes, each holding its own copy of
the graph. rdflib's SPARQL engine cannot be interrupted from inside, so a query past the
time limit is stopped by killing its process; a new worker is started in its place and
the server goes on answering other queries meanwhile. Each worker answers one query at a
time; a query waits for a free worker at most as long as the time limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import multiprocessing
import pickle
import signal
import socket
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Literal, Variable

from ..errors import KGError
from ..rdf import bind_prefixes

log = logging.getLogger("kg.serve")

TEXT = "text/plain; charset=utf-8"

#: Media types of SELECT and ASK results → writer, the first being the default.
RESULT_TYPES: tuple[tuple[str, str], ...] = (
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
)
#: Media types of CONSTRUCT and DESCRIBE results → rdflib format, the first being the default.
GRAPH_TYPES: tuple[tuple[str, str], ...] = (
    ("text/turtle", "turtle"),
    ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"),
    ("text/n3", "n3"),
    ("application/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/x-json+ld", "json-ld"),
    ("application/json", "json-ld"),
    ("application/xml", "xml"),
    ("text/plain", "nt"),
)
#: The media type answered for each writer (whatever alias the client asked with).
_CANONICAL = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
_GRAPH_CANONICAL = {
    "turtle": "text/turtle; charset=utf-8",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "xml": "application/rdf+xml",
    "n3": "text/n3; charset=utf-8",
}
#: Values of the non-standard ``format``/``output`` parameter (SPARQLWrapper, Virtuoso, Fuseki).
_FORMAT_PARAMETER = {
    "json": ("json", "json-ld"),
    "xml": ("xml", "xml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "n3"),
    "nt": (None, "nt"),
    "ntriples": (None, "nt"),
    "n-triples": (None, "nt"),
    "json-ld": (None, "json-ld"),
    "jsonld": (None, "json-ld"),
    "rdf": (None, "xml"),
    "rdf+xml": (None, "xml"),
    "rdfxml": (None, "xml"),
}
_GRAPH_FORMS = {"ConstructQuery", "DescribeQuery"}


@dataclass(frozen=True)
class Limits:
    """What one query may cost."""

    #: Seconds a query may run (and wait for a free worker).
    timeout: float = 30.0
    #: Most rows of a SELECT result, or triples of a CONSTRUCT/DESCRIBE result.
    max_rows: int = 10_000


@dataclass(frozen=True)
class QueryRequest:
    """A query as received: the text, the ``Accept`` header, the ``format`` parameter."""

    query: str
    accept: str = ""
    format: str = ""


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type, body."""

    status: int
    media_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        """A plain-text error reply (one line)."""
        return cls(status, TEXT, (message.rstrip() + "\n").encode("utf-8"))


def accepted_types(header: str) -> list[str]:
    """The media types of an ``Accept`` header, most wanted first (``q=0`` ones dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for field_ in fields[1:]:
            if field_.lower().startswith("q="):
                try:
                    quality = float(field_[2:])
                except ValueError:
                    quality = 1.0
        if quality > 0:
            ranked.append((-quality, position, media))
    return [media for _, _, media in sorted(ranked)]


def negotiate(form: str, accept: str, fmt: str = "") -> tuple[str, str] | None:
    """``(media type, writer)`` for a query form (``SelectQuery``…), or ``None`` if nothing fits.

    A known ``format`` parameter wins over the ``Accept`` header; no header means the default.
    """
    graph_form = form in _GRAPH_FORMS
    table = GRAPH_TYPES if graph_form else RESULT_TYPES
    canonical = _GRAPH_CANONICAL if graph_form else _CANONICAL
    chosen = _FORMAT_PARAMETER.get(fmt.strip().lower())
    if chosen is not None and chosen[1 if graph_form else 0] is not None:
        writer = chosen[1 if graph_form else 0]
        assert writer is not None
        return canonical[writer], writer
    wanted = accepted_types(accept) if accept.strip() else ["*/*"]
    for media in wanted:
        if media == "*/*":
            return canonical[table[0][1]], table[0][1]
        for candidate, writer in table:
            if candidate == media or (media.endswith("/*") and candidate.startswith(media[:-1])):
                return canonical[writer], writer
    return None


def _walk(node: Any) -> Iterator[Any]:
    """Every node of a parsed query's algebra."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _first_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return (message or type(error).__name__)[:300]


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv_term(term: Identifier | None) -> str:
    """A term as SPARQL TSV writes it: Turtle syntax on one line, tabs and newlines escaped."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_TSV_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return str(term.n3())


def _csv_tsv_ask(answer: bool, writer: str) -> bytes:
    value = "true" if answer else "false"
    if writer == "csv":
        return f"_askResult\r\n{value}\r\n".encode()
    return f"?_askResult\n{value}\n".encode()


def _select_body(variables: list[Variable], rows: Sequence[tuple[Identifier | None, ...]], writer: str) -> bytes:
    if writer == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines.extend("\t".join(_tsv_term(value) for value in row) for row in rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    limited = Result("SELECT")
    limited.vars = variables
    limited.bindings = [
        {var: value for var, value in zip(variables, row, strict=True) if value is not None} for row in rows
    ]
    body = limited.serialize(format=writer, encoding="utf-8")
    assert body is not None
    return body


def _too_large(max_rows: int, what: str) -> Reply:
    return Reply.error(
        422,
        f"the result has more than {max_rows} {what}, the limit of this server (kg serve --max-rows); "
        "add a LIMIT or narrow the query",
    )


def answer(graph: Graph, request: QueryRequest, max_rows: int) -> Reply:
    """Run one SPARQL query on ``graph`` and write its result; every failure is a reply too."""
    try:
        return _answer(graph, request, max_rows)
    except Exception as error:  # a bug or an rdflib failure must not kill the worker
        log.exception("query failed")
        return Reply.error(500, f"the query failed: {_first_line(error)}")


def _answer(graph: Graph, request: QueryRequest, max_rows: int) -> Reply:
    text = request.query
    try:
        prepared = prepareQuery(text, initNs=dict(graph.namespaces()))
    except Exception as error:
        if _is_update(text):
            return Reply.error(403, "this endpoint is read-only: SPARQL Update is not allowed")
        return Reply.error(400, f"invalid SPARQL query: {_first_line(error)}")
    form = str(prepared.algebra.name)
    if any(isinstance(part, CompValue) and part.name == "ServiceGraphPattern" for part in _walk(prepared.algebra)):
        return Reply.error(403, "federated queries (SERVICE) are not allowed on this endpoint")
    chosen = negotiate(form, request.accept, request.format)
    if chosen is None:
        offered = ", ".join(dict(GRAPH_TYPES if form in _GRAPH_FORMS else RESULT_TYPES))
        return Reply.error(406, f"cannot answer this query in {request.accept!r}; available: {offered}")
    media_type, writer = chosen
    try:
        result = graph.query(prepared)
        if form == "AskQuery":
            if writer in {"csv", "tsv"}:
                return Reply(200, media_type, _csv_tsv_ask(bool(result.askAnswer), writer))
            body = result.serialize(format=writer, encoding="utf-8")
            assert body is not None
            return Reply(200, media_type, body)
        if form in _GRAPH_FORMS:
            assert result.graph is not None
            if len(result.graph) > max_rows:
                return _too_large(max_rows, "triples")
            output = bind_prefixes(Graph())
            for triple in result.graph:
                output.add(triple)
            return Reply(200, media_type, output.serialize(format=writer, encoding="utf-8"))
        variables = [Variable(v) for v in (result.vars or [])]
        rows = [tuple(row) for row in islice(result, max_rows + 1) if isinstance(row, ResultRow)]
    except Exception as error:
        return Reply.error(400, f"the query failed: {_first_line(error)}")
    if len(rows) > max_rows:
        return _too_large(max_rows, "rows")
    return Reply(200, media_type, _select_body(variables, rows, writer))


# ---------------------------------------------------------------- worker processes

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


def _worker_main(source: str, channel: socket.socket, max_rows: int) -> None:
    """A worker process: load the graph, then answer queries until the channel closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    from ..store import load_graph

    with channel, channel.makefile("rwb") as stream:
        try:
            graph = load_graph(Path(source))
        except KGError as error:
            _send(stream, ("error", str(error)))
            return
        _send(stream, ("ready", len(graph)))
        while True:
            request = _receive(stream)
            if not isinstance(request, QueryRequest):
                return
            _send(stream, answer(graph, request, max_rows))


@dataclass(eq=False)
class _Worker:
    process: Any  # multiprocessing's SpawnProcess
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
            if not self.process.is_alive():
                break
            await asyncio.sleep(0.05)
        else:
            self.process.kill()
            await asyncio.sleep(0.05)
        self.process.join(0.1)


class QueryPool:
    """Worker processes that answer SPARQL queries on their own copy of a graph file.

    Start it with :meth:`start` and stop it with :meth:`close` inside one event loop.
    """

    def __init__(self, source: Path, limits: Limits, size: int = 2) -> None:
        """Prepare ``size`` workers for the graph file ``source`` (nothing starts yet)."""
        if size < 1:
            raise ValueError("a query pool needs at least one worker")
        self.source = Path(source)
        self.limits = limits
        self.size = size
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._busy: set[_Worker] = set()
        self._spawning: set[asyncio.Task[None]] = set()
        self._closed = False

    async def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        context = multiprocessing.get_context("spawn")
        process = context.Process(
            target=_worker_main,
            args=(str(self.source), theirs, self.limits.max_rows),
            name="kg-sparql-worker",
            daemon=True,
        )
        try:
            process.start()
        finally:
            theirs.close()
        reader, writer = await asyncio.open_connection(sock=ours)
        worker = _Worker(process, reader, writer)
        try:
            status = await worker.receive()
        except (asyncio.IncompleteReadError, ConnectionError):
            await worker.stop(kill=True)
            raise KGError(f"{self.source}: a query worker died while loading the graph") from None
        if not (isinstance(status, tuple) and status[0] == "ready"):
            await worker.stop(kill=True)
            problem = status[1] if isinstance(status, tuple) and len(status) > 1 else status
            raise KGError(str(problem))
        return worker

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the graph."""
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)), return_exceptions=True)
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

    async def run(self, request: QueryRequest) -> Reply:
        """Answer a query in a worker, within the time limit."""
        limit = self.limits.timeout
        if self._closed:
            return Reply.error(503, "the server is shutting down")
        try:
            worker = await asyncio.wait_for(self._idle.get(), limit)
        except TimeoutError:
            return Reply.error(503, f"all {self.size} query workers stayed busy for {limit:g} s; try again later")
        self._busy.add(worker)
        healthy = False
        try:
            await worker.send(request)
            reply = await asyncio.wait_for(worker.receive(), limit)
            healthy = True
            return reply if isinstance(reply, Reply) else Reply.error(500, "a query worker answered nonsense")
        except TimeoutError:
            return Reply.error(
                503, f"the query ran past the time limit of {limit:g} s and was stopped (kg serve --timeout)"
            )
        except (asyncio.IncompleteReadError, ConnectionError, pickle.UnpicklingError):
            if self._closed:
                return Reply.error(503, "the server is shutting down; the query was stopped")
            return Reply.error(500, "the query worker died while answering (out of memory?); it has been replaced")
        finally:
            self._busy.discard(worker)
            if healthy and not self._closed:
                self._idle.put_nowait(worker)
            else:
                await worker.stop(kill=True)
                if not self._closed:
                    self._replace()

    async def close(self) -> None:
        """Stop every worker (busy ones are killed) and wait for them to end."""
        self._closed = True
        for task in list(self._spawning):
            task.cancel()
        stopping = [w.stop(kill=True) for w in self._busy]
        while not self._idle.empty():
            stopping.append(self._idle.get_nowait().stop(kill=False))
        await asyncio.gather(*stopping, return_exceptions=True)
        await asyncio.gather(*self._spawning, return_exceptions=True)


__all__ = ["Limits", "QueryPool", "QueryRequest", "Reply", "accepted_types", "answer", "negotiate"]
