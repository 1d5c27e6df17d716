"""Writing the results of ``kg serve``'s queries: SPARQL results and graphs, from Oxigraph terms.

A result is read (up to the row limit) before it is written, so that a result past the
limit is refused whole. SELECT results are written as SPARQL Results JSON here, and in
the other formats by Oxigraph's own writers, which read that JSON back; graphs are
written by Oxigraph with the project's prefixes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
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


def json_term(term: Any) -> dict[str, Any]:
    """One RDF term as SPARQL Results JSON writes it."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        written: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            written["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            written["datatype"] = term.datatype.value
        return written
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {name: json_term(part) for name, part in parts.items()}}
    raise TypeError(f"not an RDF term: {term!r}")


def select_body(variables: Sequence[str], rows: Sequence[ox.QuerySolution], writer: str) -> bytes:
    """A SELECT result in ``writer``'s format (``json``, ``xml``, ``csv``, ``tsv``)."""
    bindings = []
    for row in rows:
        bound = {}
        for name in variables:
            value = row[name]
            if value is not None:
                bound[name] = json_term(value)
        bindings.append(bound)
    body = json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, ensure_ascii=False)
    data = body.encode("utf-8")
    if writer == "json":
        return data
    solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    written = solutions.serialize(format=_RESULT_FORMATS[writer])
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


def graph_body(triples: Sequence[ox.Triple], writer: str) -> bytes:
    """A CONSTRUCT or DESCRIBE result in ``writer``'s format (``turtle``, ``json-ld``, ``nt``, ``xml``, ``n3``)."""
    fmt = _GRAPH_FORMATS[writer]
    prefixes = PREFIXES if writer in {"turtle", "n3"} else None
    written = ox.serialize(triples, format=fmt, prefixes=prefixes)
    assert written is not None
    return written


__all__ = ["PREFIXES", "ask_body", "graph_body", "json_term", "select_body"]
