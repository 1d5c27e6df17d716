"""Writing the results of ``kg serve``'s queries: SPARQL results and graphs, by Oxigraph's writers.

A result is written by Oxigraph straight from the query's iterator, with no Python object
per row or term (issue 15). The row limit is kept by writing a line-per-row format first, TSV for
SELECT results and N-Triples for graphs (both escape line breaks inside terms), into a
buffer that stops the writer as soon as it holds more lines than the limit allows: a
result past the limit is refused whole, and never read further than the limit. The lines
are then rewritten in the negotiated format (SPARQL JSON, XML or CSV; Turtle, JSON-LD,
RDF/XML or N3) by Oxigraph's parsers and writers, which keep every term as it was (blank
node labels included).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pyoxigraph as ox

from ..errors import ResultTooLarge

#: Prefixes of Turtle and N3 results: those :func:`kg.rdf.bind_prefixes` binds (a test
#: checks they agree), written out so that a query worker need not import rdflib.
PREFIXES = {
    "kg": "https://w3id.org/arabic-diplomacy-kg/ontology#",
    "id": "https://w3id.org/arabic-diplomacy-kg/id/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "wd": "http://www.wikidata.org/entity/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}


class _LineBuffer(io.BytesIO):
    """A buffer for Oxigraph's writers that stops them once it would hold more than ``most`` lines."""

    def __init__(self, most: int) -> None:
        super().__init__()
        self.lines = 0
        self.most = most

    def write(self, data: bytes) -> int:  # type: ignore[override]
        """Keep ``data``; stop the writer once the lines written pass the limit."""
        self.lines += data.count(b"\n")
        if self.lines > self.most:
            raise ResultTooLarge
        return super().write(data)


def _capped(write: Callable[[_LineBuffer], object], most: int) -> bytes | None:
    """What ``write`` writes, one line a row; ``None`` once it passes ``most`` lines (stopped there)."""
    buffer = _LineBuffer(most)
    try:
        write(buffer)
    except ResultTooLarge:
        return None
    return buffer.getvalue()


def select_body(solutions: ox.QuerySolutions, writer: str, max_rows: int) -> bytes | None:
    """A SELECT result in ``writer``'s format (``json``, ``xml``, ``csv``, ``tsv``); ``None``
    if it has more than ``max_rows`` rows (its reading stops within a few kilobytes past the limit)."""
    # The TSV header is a line too.
    tsv = _capped(lambda buffer: solutions.serialize(buffer, ox.QueryResultsFormat.TSV), max_rows + 1)
    if tsv is None or writer == "tsv":
        return tsv
    written = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(format=_RESULT_FORMATS[writer])
    assert written is not None
    return written


def ask_body(answer: bool, writer: str) -> bytes:
    """An ASK result in ``writer``'s format."""
    value = "true" if answer else "false"
    if writer == "csv":
        return f"_askResult\r\n{value}\r\n".encode()
    if writer == "tsv":
        return f"?_askResult\n{value}\n".encode()
    data = json.dumps({"head": {}, "boolean": answer}).encode()
    if writer == "json":
        return data
    written = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=_RESULT_FORMATS[writer])
    assert written is not None
    return written


def graph_body(triples: ox.QueryTriples, writer: str, max_rows: int) -> bytes | None:
    """A CONSTRUCT or DESCRIBE result in ``writer``'s format (``turtle``, ``json-ld``, ``nt``,
    ``xml``, ``n3``); ``None`` if it has more than ``max_rows`` triples."""
    lines = _capped(lambda buffer: triples.serialize(buffer, ox.RdfFormat.N_TRIPLES), max_rows)
    if lines is None or writer == "nt":
        return lines
    prefixes = PREFIXES if writer in {"turtle", "n3"} else None
    parsed = ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)
    written = ox.serialize(parsed, format=_GRAPH_FORMATS[writer], prefixes=prefixes)
    assert written is not None
    return written


__all__ = ["PREFIXES", "ask_body", "graph_body", "select_body"]
