"""SPARQL queries for ``kg serve``: answering one query on an Oxigraph dataset.

:func:`answer` turns one SPARQL query into an HTTP reply (status, media type, body) and
never raises: Oxigraph parses the query (a syntax error is a 400 with Oxigraph's one-line
message), SPARQL Update and federated ``SERVICE`` clauses are refused (403), the query
runs on the dataset — its default graph, or the graphs the request names with
``default-graph-uri`` / ``named-graph-uri`` — a result past the row limit is refused
(422), and the result is written in the format the client negotiated (``Accept``, or the
``format`` parameter many SPARQL clients send):

* SELECT and ASK: SPARQL Results JSON (the default), XML, CSV and TSV;
* CONSTRUCT and DESCRIBE: Turtle (the default), JSON-LD, N-Triples, RDF/XML, N3.

:class:`kg.web.queries.Queries` runs :func:`answer` in the worker processes (the time limit).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pyoxigraph as ox

from .results import ask_body, graph_body, select_body

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
    #: ``default-graph-uri`` and ``named-graph-uri`` of the SPARQL Protocol (both ``None``:
    #: the dataset as served, or as the query's FROM and FROM NAMED say).
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    #: The base IRI of relative IRIs in the query (the endpoint's URL).
    base_iri: str | None = None


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


#: Strings, IRIs and comments of a query: blanked before looking for the SERVICE keyword.
_LEXICAL = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
)
#: The keyword itself: not a variable (``?service``), a prefixed name or a blank node label.
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a (syntactically valid) query has a ``SERVICE`` clause: a federated call that
    Oxigraph would make over HTTP from this server."""
    return bool(_SERVICE.search(_LEXICAL.sub(" ", query)))


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _first_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return (message or type(error).__name__)[:300]


def _too_large(max_rows: int, what: str) -> Reply:
    return Reply.error(
        422,
        f"the result has more than {max_rows} {what}, the limit of this server (kg serve --max-rows); "
        "add a LIMIT or narrow the query",
    )


#: Names clients give the default graph itself (rdflib's SPARQLStore sends its own with every query).
DEFAULT_GRAPH_NAMES = frozenset({"urn:x-rdflib:default", "urn:x-arq:DefaultGraph"})


def _graph(iri: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if iri in DEFAULT_GRAPH_NAMES else ox.NamedNode(iri)


def query_dataset(request: QueryRequest) -> dict[str, list[ox.NamedNode | ox.DefaultGraph] | list[ox.NamedNode]]:
    """The ``default_graph`` / ``named_graphs`` arguments of Oxigraph's query for a request.

    As the Protocol says, the graphs a request names replace the query's FROM and FROM
    NAMED, and named graphs given without default graphs leave the default graph empty
    (and the other way round). A default graph named as the default graph itself
    (:data:`DEFAULT_GRAPH_NAMES`) and nothing else leaves the dataset as served.
    """
    default, named = request.default_graphs, request.named_graphs
    if default is None and named is None:
        return {}
    if not named and default and set(default) <= DEFAULT_GRAPH_NAMES:
        return {}
    return {
        "default_graph": [_graph(iri) for iri in default or ()],
        "named_graphs": [ox.NamedNode(iri) for iri in named or ()],
    }


def answer(store: ox.Store, request: QueryRequest, max_rows: int) -> Reply:
    """Run one SPARQL query on ``store`` and write its result; every failure is a reply too."""
    try:
        return _answer(store, request, max_rows)
    except MemoryError:
        return Reply.error(503, "the query ran out of the memory a query may use (kg serve --worker-memory)")
    except Exception as error:  # a bug or an Oxigraph failure must not kill the worker
        log.exception("query failed")
        return Reply.error(500, f"the query failed: {_first_line(error)}")


def _form(result: object) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "AskQuery"
    return "SelectQuery" if isinstance(result, ox.QuerySolutions) else "ConstructQuery"


def _answer(store: ox.Store, request: QueryRequest, max_rows: int) -> Reply:
    text = request.query
    try:
        dataset = query_dataset(request)
    except ValueError as error:
        return Reply.error(400, f"not a graph IRI: {_first_line(error)}")
    if uses_service(text):  # before Oxigraph runs it: an ASK is answered at once
        return Reply.error(403, "federated queries (SERVICE) are not allowed on this endpoint")
    try:
        result = store.query(text, base_iri=request.base_iri, **dataset)  # type: ignore[arg-type]
    except SyntaxError as error:
        if _is_update(text):
            return Reply.error(403, "this endpoint is read-only: SPARQL Update is not allowed")
        return Reply.error(400, f"invalid SPARQL query: {_first_line(error)}")
    except (OSError, ValueError) as error:
        return Reply.error(400, f"the query failed: {_first_line(error)}")
    form = _form(result)
    chosen = negotiate(form, request.accept, request.format)
    if chosen is None:
        offered = ", ".join(dict(GRAPH_TYPES if form in _GRAPH_FORMS else RESULT_TYPES))
        return Reply.error(406, f"cannot answer this query in {request.accept!r}; available: {offered}")
    media_type, writer = chosen
    try:
        if isinstance(result, ox.QueryBoolean):
            return Reply(200, media_type, ask_body(bool(result), writer))
        if isinstance(result, ox.QuerySolutions):
            body = select_body(result, writer, max_rows)
            return _too_large(max_rows, "rows") if body is None else Reply(200, media_type, body)
        body = graph_body(result, writer, max_rows)
        return _too_large(max_rows, "triples") if body is None else Reply(200, media_type, body)
    except MemoryError:
        raise  # the worker's memory cap, answered by :func:`answer`
    except (OSError, ValueError, TypeError) as error:
        return Reply.error(400, f"the query failed: {_first_line(error)}")


__all__ = [
    "DEFAULT_GRAPH_NAMES",
    "Limits",
    "QueryRequest",
    "Reply",
    "accepted_types",
    "answer",
    "negotiate",
    "query_dataset",
    "uses_service",
]
