"""The SPARQL 1.1 Protocol side of ``kg serve``: reading a request, and the service description.

:func:`query_from` reads the query of a ``GET`` or ``POST`` (a form, or
``application/sparql-query`` in UTF-8), the ``default-graph-uri`` and ``named-graph-uri``
that choose its dataset, and the ``format`` parameter; an update, a second query, a
request in another media type or character set gets the client error it deserves.
:func:`service_description` answers ``GET /sparql`` without a query: an ``sd:Service``
saying what the endpoint does, in Turtle, RDF/XML, N-Triples or JSON-LD.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import Request

from .sparql import GRAPH_TYPES, QueryRequest, Reply, negotiate

#: Longest query text accepted (characters).
MAX_QUERY_LENGTH = 1_000_000
_DATASET = ("default-graph-uri", "named-graph-uri")
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")
_GRAPH_FORMATS = ("Turtle", "JSON-LD", "N-Triples", "RDF_XML", "N3")
_SD_WRITERS = {
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}


def _charset_problem(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in {"utf-8", "utf8"}:
            return f"send the query in UTF-8, not {value.strip()}"
    return None


def _dataset_of(values: dict[str, list[str]]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    default, named = (tuple(v for v in values.get(name, []) if v) for name in _DATASET)
    if not default and not named:
        return None, None
    return default, named


async def query_from(request: Request) -> QueryRequest | Reply:
    """The query of a SPARQL Protocol request, or the error reply it deserves."""
    params = request.query_params
    fmt = params.get("format") or params.get("output") or ""
    query: list[str] = params.getlist("query")
    update: list[str] = params.getlist("update")
    dataset = {name: params.getlist(name) for name in _DATASET}
    if request.method == "POST":
        length = int(request.headers.get("content-length") or 0)
        if length > 4 * MAX_QUERY_LENGTH:
            return Reply.error(413, f"the request is longer than {MAX_QUERY_LENGTH} characters")
        content_type = request.headers.get("content-type", "")
        media = content_type.split(";")[0].strip().lower()
        if media in {"application/sparql-update", "application/sparql-query", "application/x-www-form-urlencoded"}:
            problem = _charset_problem(content_type)
            if problem:
                return Reply.error(415, problem)
            try:
                body = (await request.body()).decode("utf-8")
            except UnicodeDecodeError:
                return Reply.error(400, "the request body is not valid UTF-8")
        if media == "application/sparql-update":
            update.append(body)
        elif media == "application/sparql-query":
            query.append(body)
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            query += form.get("query", [])
            update += form.get("update", [])
            for name in _DATASET:
                dataset[name] += form.get(name, [])
            fmt = fmt or (form.get("format") or form.get("output") or [""])[0]
        elif not (query or update):
            return Reply.error(
                415, "send the query as application/sparql-query or as a form (application/x-www-form-urlencoded)"
            )
    if update:
        return Reply.error(403, "this endpoint is read-only: SPARQL Update is not allowed")
    if not query:
        return Reply.error(400, "no query: send a SPARQL query as ?query=… or POST it (SPARQL 1.1 Protocol)")
    if len(query) > 1:
        return Reply.error(400, "give one query only")
    if len(query[0]) > MAX_QUERY_LENGTH:
        return Reply.error(413, f"the query is longer than {MAX_QUERY_LENGTH} characters")
    default_graphs, named_graphs = _dataset_of(dataset)
    return QueryRequest(
        query=query[0],
        accept=request.headers.get("accept", ""),
        format=fmt,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        base_iri=str(request.url).split("?", 1)[0],
    )


def wants_description(request: Request) -> bool:
    """Whether a request asks for the service description (a GET with no query or update)."""
    params = request.query_params
    return request.method == "GET" and "query" not in params and "update" not in params


def service_description(endpoint: str, accept: str) -> Reply:
    """The endpoint's ``sd:Service`` in the format ``accept`` asks for (Turtle by default)."""
    chosen = negotiate("ConstructQuery", accept)
    if chosen is None:
        return Reply.error(406, f"the service description is available as {', '.join(dict(GRAPH_TYPES))}")
    media_type, writer = chosen
    sd = ox.NamedNode(_SD + "Service")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service, dataset, graph = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("default")

    def term(name: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + name)

    try:
        located = [ox.Triple(service, term("endpoint"), ox.NamedNode(endpoint))]
    except ValueError:  # a Host header that makes no IRI: the description without its address
        located = []
    triples = [
        ox.Triple(service, rdf_type, sd),
        *located,
        ox.Triple(service, term("supportedLanguage"), term("SPARQL11Query")),
        ox.Triple(service, term("feature"), term("UnionDefaultGraph")),
        ox.Triple(service, term("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, term("Dataset")),
        ox.Triple(dataset, term("defaultGraph"), graph),
        ox.Triple(graph, rdf_type, term("Graph")),
    ]
    triples += [
        ox.Triple(service, term("resultFormat"), ox.NamedNode(_FORMATS + name))
        for name in _RESULT_FORMATS + _GRAPH_FORMATS
    ]
    prefixes = {"sd": _SD, "formats": _FORMATS} if writer in {"turtle", "n3"} else None
    body = ox.serialize(triples, format=_SD_WRITERS[writer], prefixes=prefixes)
    assert body is not None
    return Reply(200, media_type, body)


__all__ = ["MAX_QUERY_LENGTH", "query_from", "service_description", "wants_description"]
