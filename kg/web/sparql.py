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

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Literal, Variable

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
    #: Megabytes a worker may grow by beyond its loaded graph while answering (``None``: no cap);
    #: a runaway ORDER BY grows by tens of megabytes a second and would take the machine down.
    worker_memory_mb: int | None = 4096


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
    except MemoryError:
        return Reply.error(503, "the query ran out of the memory a query may use (kg serve --worker-memory)")
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
    except MemoryError:
        raise  # the worker's memory cap, answered by :func:`answer`
    except Exception as error:
        return Reply.error(400, f"the query failed: {_first_line(error)}")
    if len(rows) > max_rows:
        return _too_large(max_rows, "rows")
    return Reply(200, media_type, _select_body(variables, rows, writer))


__all__ = ["Limits", "QueryRequest", "Reply", "accepted_types", "answer", "negotiate"]
