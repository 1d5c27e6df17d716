"""Exports for the tools analysts already use.

* JSON-LD compacted with the project's context (:func:`jsonld_text`, :func:`jsonld_context`),
  which :mod:`kg.formats` also writes beside the output file as ``<name>.context.jsonld``
  (the other RDF formats and the registry of all formats: :mod:`kg.formats`).
* The actor network for Gephi: GraphML and GEXF (:func:`actor_graph`).
* A CSV event table shaped like GDELT's: one row per merged event with its date,
  actors, CAMEO code, source count and source URLs/ids (:func:`event_rows`).
* The facts JSON Lines of the annotation guideline (:mod:`kg.facts`).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, XSD
from rdflib.query import ResultRow

from .analyse import simple_network
from .query import csv_cell
from .rdf import ID, KG, SCHEMA, WD, bind_prefixes
from .relations import BY_EVENT_CLASS, RELATIONS
from .reports import source_of

#: Columns of the GDELT-like CSV event table.
CSV_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "EventType",
    "Topic",
    "InitiatorDisputed",
    "Confidence",
    "NumSources",
    "NumArticles",
    "SOURCEURL",
    "SourceURLs",
    "SourceIds",
)


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of the project's vocabulary (prefixes and short property names)."""
    terms: dict[str, Any] = {
        "kg": str(KG),
        "id": str(ID),
        "schema": str(SCHEMA),
        "prov": str(PROV),
        "dcterms": str(DCTERMS),
        "rdfs": str(RDFS),
        "owl": str(OWL),
        "skos": str(SKOS),
        "xsd": str(XSD),
        "wd": str(WD),
    }
    return {"@context": terms}


# ---------------------------------------------------------------- the actor network


def actor_graph(graph: Graph) -> nx.Graph:
    """The weighted actor network with plain attributes (GraphML/GEXF can hold them).

    Nodes are actor IRIs with ``label``, ``label_en``, ``label_ar`` and ``kind``; an edge
    links two actors that share events, with ``weight`` (events) and one count per
    relation (``called``, ``thanked`` …).
    """
    network = simple_network(graph)
    plain = nx.Graph()
    for node, data in network.nodes(data=True):
        plain.add_node(node, **{k: str(v) for k, v in data.items() if v is not None and k != "solo_events"})
    for a, b, data in network.edges(data=True):
        attributes: dict[str, Any] = {"weight": int(data.get("weight", 1))}
        for relation, count in sorted(data.get("relations", {}).items()):
            attributes[relation] = int(count)
        plain.add_edge(a, b, **attributes)
    return plain


# ---------------------------------------------------------------- the GDELT-like table

_EVENTS = """
PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?event ?type ?p ?o WHERE {
  VALUES ?type { %s }
  ?event a ?type .
  VALUES ?p { kg:participant kg:initiator kg:agent kg:addressee kg:mediationParty kg:topic dcterms:date kg:cameoCode
              kg:initiatorDisputed kg:confidence prov:wasDerivedFrom }
  ?event ?p ?o .
}
"""

_EVENTS = _EVENTS % " ".join(f"kg:{r.event_class}" for r in RELATIONS)

_ARTICLES = """
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>
SELECT ?article ?id ?url ?outlet ?published ?reference WHERE {
  ?article a schema:NewsArticle .
  OPTIONAL { ?article schema:identifier ?id }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:publisher ?publisher OPTIONAL { ?publisher schema:name ?outletName } }
  BIND (COALESCE(?outletName, ?publisher) AS ?outlet)
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article kg:referenceDate ?reference }
}
"""

_LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?thing ?label WHERE { ?thing rdfs:label ?label }
"""


@dataclass
class _Source:
    identifier: str
    url: str
    outlet: str
    day: str


def _rows(graph: Graph, query: str) -> Iterator[tuple[Any, ...]]:
    for row in graph.query(query):
        if isinstance(row, ResultRow):
            yield tuple(row)


def _actor_code(iri: str) -> str:
    return iri.removeprefix(str(ID))


def _sources(graph: Graph) -> dict[str, _Source]:
    """The articles of a graph, by IRI: identifier, URL, outlet (for independence) and date."""
    sources: dict[str, _Source] = {}
    for article, identifier, url, outlet, published, reference in _rows(graph, _ARTICLES):
        day = published if published is not None else reference
        sources[str(article)] = _Source(
            identifier=str(identifier) if identifier is not None else str(article).rsplit("/", 1)[-1],
            url=str(url) if url is not None else "",
            outlet=source_of(
                url if isinstance(url, Literal) else None,
                outlet if isinstance(outlet, Literal) else None,
                str(identifier),
            ),
            day=str(day) if day is not None else "",
        )
    return sources


def event_rows(graph: Graph) -> list[dict[str, str]]:
    """One GDELT-like row per event (see :data:`CSV_COLUMNS`), ordered by date and id."""
    values: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, str] = {}
    for event, kind, prop, obj in _rows(graph, _EVENTS):
        types[str(event)] = str(kind).removeprefix(str(KG))
        values[str(event)][str(prop)].append(obj)
    sources = _sources(graph)
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for thing, label in _rows(graph, _LABELS):
        if isinstance(label, Literal) and label.language in {"en", "ar"}:
            labels[str(thing)].setdefault(label.language, str(label))

    def name(iri: str) -> str:
        found = labels.get(iri, {})
        return found.get("en") or found.get("ar") or _actor_code(iri)

    rows = []
    for event, props in values.items():
        first = {k: sorted(map(str, v))[0] for k, v in props.items() if v}
        articles = sorted({str(a) for a in props.get(str(PROV.wasDerivedFrom), [])})
        found = [sources[a] for a in articles if a in sources]
        kind = types[event]
        if BY_EVENT_CLASS[kind].symmetric:
            people = sorted(map(str, props.get(str(KG.participant), [])))
            caller = first.get(str(KG.initiator))
            one = caller or (people[0] if people else "")
            two = next((p for p in people if p != one), "")
        else:
            one = first.get(str(KG.agent), "")
            # the one thanked, or a mediation offer's first party (GDELT's Actor2 of a 039 event)
            two = first.get(str(KG.addressee)) or first.get(str(KG.mediationParty), "")
        code = first.get(str(KG.cameoCode), "")
        day = first.get(str(DCTERMS.date)) or min((s.day for s in found if s.day), default="")
        urls = [s.url for s in found if s.url]
        rows.append(
            {
                "GLOBALEVENTID": event,
                "SQLDATE": day.replace("-", ""),
                "Actor1Code": _actor_code(one) if one else "",
                "Actor1Name": name(one) if one else "",
                "Actor2Code": _actor_code(two) if two else "",
                "Actor2Name": name(two) if two else "",
                "EventCode": code,
                "EventBaseCode": code[:3],
                "EventRootCode": code[:2],
                "EventType": kind,
                "Topic": first.get(str(KG.topic), "").removeprefix(str(KG)),
                "InitiatorDisputed": "1" if first.get(str(KG.initiatorDisputed)) == "true" else "0",
                "Confidence": first.get(str(KG.confidence), ""),
                "NumSources": str(len({s.outlet for s in found}) or len(articles)),
                "NumArticles": str(len(articles)),
                "SOURCEURL": urls[0] if urls else "",
                "SourceURLs": " ".join(urls),
                "SourceIds": " ".join(s.identifier for s in found),
            }
        )
    rows.sort(key=lambda r: (r["SQLDATE"] or "99999999", r["GLOBALEVENTID"]))
    return rows


def events_csv(graph: Graph) -> str:
    """The GDELT-like event table as CSV text (formula-like cells quoted: :func:`kg.query.csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: csv_cell(value) for name, value in row.items()} for row in event_rows(graph))
    return buffer.getvalue()


# ---------------------------------------------------------------- RDF text


def jsonld_text(graph: Graph) -> str:
    """A graph as JSON-LD compacted with the project's context (:func:`jsonld_context`)."""
    flat = Graph()
    bind_prefixes(flat)
    for triple in graph:
        flat.add(triple)
    return str(flat.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True))


def network_bytes(network: nx.Graph, fmt: str) -> bytes:
    """The actor network as GraphML (``graphml``) or GEXF (``gexf``)."""
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, buffer)
    else:
        nx.write_gexf(network, buffer)
    return buffer.getvalue()


def context_path(output: Path) -> Path:
    """Where the JSON-LD context is written beside an output file."""
    name = output.name.removesuffix(".jsonld").removesuffix(".json")
    return output.with_name(f"{name}.context.jsonld")


__all__ = [
    "CSV_COLUMNS",
    "actor_graph",
    "context_path",
    "event_rows",
    "events_csv",
    "jsonld_context",
    "jsonld_text",
    "network_bytes",
]
