"""``kg serve``'s result writing (:mod:`kg.web.results`), in process: Oxigraph writes every
format, the row limit counts rows (not the line breaks inside terms), terms are kept."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.web.sparql import QueryRequest, Reply, answer

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
#: Objects whose text could pass for line or field breaks, quotes or JSON punctuation.
TRICKY: tuple[ox.NamedNode | ox.BlankNode | ox.Literal, ...] = (
    ox.Literal("سطر أول\nسطر ثان", language="ar"),
    ox.Literal('tab\there "quoted" },{"x": 1}\r\n'),
    ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("2024-05-01", datatype=ox.NamedNode(XSD + "date")),
    ox.BlankNode("b1"),
    ox.NamedNode(EX + "o"),
)
ROWS = len(TRICKY)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    data = ox.Store()
    for number, obj in enumerate(TRICKY):
        data.add(ox.Quad(ox.NamedNode(f"{EX}s{number}"), ox.NamedNode(EX + "p"), obj))
    return data


def ask(store: ox.Store, query: str, accept: str, max_rows: int = ROWS) -> Reply:
    return answer(store, QueryRequest(query, accept), max_rows)


SELECT = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s"


def test_json_results_keep_every_term(store: ox.Store) -> None:
    reply = ask(store, SELECT, "application/sparql-results+json")
    assert reply.status == 200 and reply.media_type == "application/sparql-results+json"
    result = json.loads(reply.body)
    assert result["head"]["vars"] == ["s", "o", "unbound"]
    objects = [row["o"] for row in result["results"]["bindings"]]
    assert objects[0] == {"type": "literal", "value": "سطر أول\nسطر ثان", "xml:lang": "ar"}
    assert objects[1] == {"type": "literal", "value": 'tab\there "quoted" },{"x": 1}\r\n'}
    assert objects[2] == {"type": "literal", "value": "7", "datatype": XSD + "integer"}
    assert objects[4] == {"type": "bnode", "value": "b1"}
    assert objects[5] == {"type": "uri", "value": EX + "o"}
    assert all("unbound" not in row for row in result["results"]["bindings"])


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/csv", ox.QueryResultsFormat.CSV),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_each_format_is_oxigraphs_own(store: ox.Store, accept: str, fmt: ox.QueryResultsFormat) -> None:
    reply = ask(store, SELECT, accept)
    assert reply.status == 200
    solutions = store.query(SELECT)
    assert isinstance(solutions, ox.QuerySolutions)
    assert reply.body == solutions.serialize(format=fmt)


def test_the_row_limit_counts_rows_not_line_breaks(store: ox.Store) -> None:
    for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values"):
        assert ask(store, SELECT, accept, max_rows=ROWS).status == 200
        refused = ask(store, SELECT, accept, max_rows=ROWS - 1)
        assert refused.status == 422 and f"more than {ROWS - 1} rows" in refused.body.decode()


def test_graph_results_keep_their_triples_and_limit(store: ox.Store) -> None:
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    expected = set(store.query(construct))  # type: ignore[arg-type]
    for accept, fmt in (("application/n-triples", ox.RdfFormat.N_TRIPLES), ("text/turtle", ox.RdfFormat.TURTLE)):
        reply = ask(store, construct, accept)
        assert reply.status == 200
        assert {quad.triple for quad in ox.parse(reply.body, format=fmt)} == expected
    refused = ask(store, construct, "text/turtle", max_rows=ROWS - 1)
    assert refused.status == 422 and f"more than {ROWS - 1} triples" in refused.body.decode()


def test_a_large_result_is_refused_and_a_page_of_it_served() -> None:
    data = ox.Store()
    data.bulk_extend(
        ox.Quad(ox.NamedNode(f"{EX}s{n}"), ox.NamedNode(EX + "p"), ox.Literal("x\n" * 50)) for n in range(20_000)
    )
    reply = answer(data, QueryRequest("SELECT * WHERE { ?s ?p ?o }"), 100)
    assert reply.status == 422
    assert answer(data, QueryRequest("SELECT * WHERE { ?s ?p ?o } LIMIT 100"), 100).status == 200
