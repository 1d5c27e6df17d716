"""The facts export: the graph's events as the JSON Lines of the annotation guideline.

The rows come from ``kg/data/facts.rq`` run on the graph, so what is scored is what
the graph holds, not what the extractor remembered. ``kg export --format facts`` runs it
in Oxigraph on the store or file itself (:func:`facts_jsonl` of an Oxigraph store): read
as plain strings, not converted to rdflib terms, its rows cost a quarter less. They are per article even when
several articles report one event: each row is one article's ``kg:EventReport`` (its
actors, initiator, date and sentence); ``event`` names the merged event and ``report``
the report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.query import ResultRow

from .query import run_query
from .rdf import KG, RELATION_OF_CLASS
from .relations import BY_NAME
from .resources import facts_query_path


def _actor(iri: Any, en: Any, ar: Any, same: Any) -> dict[str, str]:
    actor: dict[str, str] = {"iri": str(iri)}
    if en is not None:
        actor["en"] = str(en)
    if ar is not None:
        actor["ar"] = str(ar)
    if same is not None and "wikidata.org" in str(same):
        actor["wikidata"] = str(same).rsplit("/", 1)[-1]
    return actor


#: Labels and Wikidata links of the parties of mediation offers (the ``parties`` field).
_PARTIES = """PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?party ?en ?ar ?same WHERE {
  ?report kg:mediationParty ?party .
  OPTIONAL { ?party rdfs:label ?en FILTER (LANG(?en) = "en") }
  OPTIONAL { ?party rdfs:label ?ar FILTER (LANG(?ar) = "ar") }
  OPTIONAL { ?party owl:sameAs ?same }
}"""


def _rows(graph: Graph | ox.Store, query: str) -> Iterator[dict[str, str]]:
    """The solutions of ``query`` as the lexical values of their bound variables."""
    if isinstance(graph, ox.Store):
        result = graph.query(query)
        assert isinstance(result, ox.QuerySolutions)
        names = [variable.value for variable in result.variables]
        for solution in result:
            yield {name: term.value for name, term in zip(names, solution, strict=True) if term is not None}
        return
    for row in run_query(graph, query):
        yield {name: str(value) for name, value in row.asdict().items()} if isinstance(row, ResultRow) else {}


def _parties(graph: Graph | ox.Store) -> dict[str, dict[str, str]]:
    """Each mediation party (by IRI) as a facts-format actor."""
    found: dict[str, dict[str, str]] = {}
    for r in _rows(graph, _PARTIES):
        found.setdefault(r["party"], _actor(r["party"], r.get("en"), r.get("ar"), r.get("same")))
    return found


def iter_facts(graph: Graph | ox.Store) -> Iterator[dict[str, Any]]:
    """One dict per article and event, in the system-facts format of ANNOTATION.md (an rdflib
    graph's or an Oxigraph store's default graph)."""
    query = facts_query_path().read_text(encoding="utf-8")
    parties = _parties(graph)
    for r in _rows(graph, query):
        relation = RELATION_OF_CLASS[URIRef(r["type"])]
        fact: dict[str, Any] = {
            "article": str(r["articleId"]),
            "rel": relation,
            "a": _actor(r["a"], r.get("aEn"), r.get("aAr"), r.get("aSame")),
        }
        fields = BY_NAME[relation].fact_fields
        if "b" in fields and r.get("b") is not None:
            fact["b"] = _actor(r["b"], r.get("bEn"), r.get("bAr"), r.get("bSame"))
        if "initiator" in fields:
            initiator = r.get("initiator")
            fact["initiator"] = (
                "a" if initiator == r["a"] else "b" if initiator is not None and initiator == r.get("b") else None
            )
            fact["date"] = str(r["date"]) if r.get("date") is not None else None
        if "topic" in fields:
            fact["topic"] = str(r["topic"]).removeprefix(str(KG)) if r.get("topic") is not None else None
        if "parties" in fields:
            fact["parties"] = [parties[iri] for iri in sorted(str(r.get("parties") or "").split())]
        if "object" in fields:
            fact["object"] = str(r["object"]) if r.get("object") is not None else None
        fact["evidence"] = str(r["evidence"]) if r.get("evidence") is not None else None
        fact["event"] = str(r["event"]) if r.get("event") is not None else None
        fact["report"] = str(r["report"])
        yield fact


def facts_jsonl(graph: Graph | ox.Store) -> str:
    """All facts of a graph as JSON Lines text."""
    return "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in iter_facts(graph))
