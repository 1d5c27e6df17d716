"""Reading events, labels and actor kinds back from a built graph, with a few SPARQL queries run by Oxigraph.

What :mod:`kg.analyse` (``kg stats``) and :mod:`kg.viz` (``kg viz``) draw their networks
from. An rdflib graph is copied into Oxigraph first, unless it is a view of an Oxigraph
store (:func:`kg.query.as_oxigraph`); a graph file or store is best opened straight into
Oxigraph (:func:`kg.store.open_oxigraph`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .iris import DCTERMS, KG, PROV, RDFS, SCHEMA, SKOS
from .query import as_oxigraph
from .relations import RELATIONS
from .resources import ontology_path

if TYPE_CHECKING:
    from rdflib import Graph

#: Event classes (local names) and the relation each one reports, in display order.
EVENT_TYPES: tuple[tuple[str, str], ...] = tuple((r.event_class, r.name) for r in RELATIONS)
#: Actor classes (local names).
ACTOR_KINDS: tuple[str, ...] = ("Person", "State", "Organization")


@dataclass
class Event:
    """One event node as read back from the graph."""

    iri: str
    relation: str
    participants: list[str] = field(default_factory=list)
    initiator: str | None = None
    agent: str | None = None
    addressee: str | None = None
    parties: list[str] = field(default_factory=list)  # of a mediation offer
    topic: str | None = None
    warned_of: str | None = None
    date: str | None = None
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        """Every actor IRI the event involves (participants, agent, addressee, mediation parties)."""
        found = [*self.participants, *self.parties, *(a for a in (self.agent, self.addressee) if a)]
        return sorted(set(found))


KG_NS = str(KG)
#: The event properties read back, with the :class:`Event` attribute (or list) each fills.
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("participant", KG.participant),
    ("initiator", KG.initiator),
    ("agent", KG.agent),
    ("addressee", KG.addressee),
    ("party", KG.mediationParty),
    ("topic", KG.topic),
    ("warned_of", KG.warnedOf),
    ("date", DCTERMS.date),
    ("article", PROV.wasDerivedFrom),
    ("evidence", KG.hasEvidence),
)


def select(store: ox.Store, query: str) -> list[tuple[str | None, ...]]:
    """The rows of a SELECT as tuples of plain values (IRIs, lexical forms; ``None`` when unbound)."""
    found = store.query(query)
    assert isinstance(found, ox.QuerySolutions)
    width = len(found.variables)
    return [tuple(None if (t := row[i]) is None else t.value for i in range(width)) for row in found]


def pairs(store: ox.Store, query: str) -> list[tuple[str, str]]:
    """The rows of a SELECT of two variables bound in every row (no ``OPTIONAL``), as plain values."""
    found = store.query(query)
    assert isinstance(found, ox.QuerySolutions)
    return [(first.value, second.value) for first, second in found]


def iri_values(nodes: Iterable[object]) -> str:
    """IRIs for a SPARQL ``VALUES`` block: ``<a> <b>``."""
    return " ".join(f"<{node}>" for node in nodes)


def read_events(graph: Graph | ox.Store, *, evidence: bool = True, dates: bool = True) -> list[Event]:
    """Every event of the graph with its actors, goal, date, articles and evidence.

    ``date`` is the event's own ``dcterms:date`` or, failing that, the earliest publication
    date of its articles; evidence sentences are in sentence order. ``evidence=False``
    reads no sentences (:func:`add_evidence` reads those of a few events), ``dates=False``
    no dates: sentences are most of what a graph holds. Read in Oxigraph with one query per
    event property, each a scan of that property's triples: in a store on disk most of
    the time goes to reading the text of each term, and a join with the events' classes
    reads more (one look-up per event and property) than the scans do.  (Reports and evidence
    nodes, which are never events, are left out of the scans.)
    """
    store = as_oxigraph(graph)
    classes = {str(KG[name]): relation for name, relation in EVENT_TYPES}
    kind: dict[str, str] = {}
    for event, cls in pairs(store, f"SELECT ?e ?c WHERE {{ VALUES ?c {{ {iri_values(classes)} }} ?e a ?c }}"):
        kind.setdefault(event, classes[cls])
    found: dict[str, dict[str, set[str]]] = {event: {} for event in kind}
    # Reports and evidence nodes share these properties: left out in Oxigraph, their terms are never read.
    not_events = f"MINUS {{ VALUES ?t {{ <{KG.EventReport}> <{KG.Evidence}> }} ?e a ?t }}"
    for name, predicate in EVENT_FIELDS:
        if (name == "evidence" and not evidence) or (name == "date" and not dates):
            continue
        for event, value in pairs(store, f"SELECT ?e ?o WHERE {{ ?e <{predicate}> ?o {not_events} }}"):
            values = found.get(event)
            if values is not None:
                values.setdefault(name, set()).add(value)
    articles = {
        a: (identifier or a, published if dates else None)
        for a, identifier, published in select(
            store,
            f"SELECT ?a ?id ?d WHERE {{ ?a a <{SCHEMA.NewsArticle}> "
            f"OPTIONAL {{ ?a <{SCHEMA.identifier}> ?id }} OPTIONAL {{ ?a <{SCHEMA.datePublished}> ?d }} }}",
        )
    }
    sentences = _sentences(store) if evidence else {}
    return [_event(iri, kind[iri], found[iri], articles, sentences) for iri in sorted(found)]


@dataclass
class NetworkInputs:
    """What :func:`kg.analyse.actor_network` reads from a graph: labels, actor kinds and events.

    Read from the graph by :func:`network_inputs`, or from a store's summary (:mod:`kg.summaries`).
    """

    labels: dict[str, tuple[str | None, str | None]]
    kinds: dict[str, str]
    events: list[Event]


def network_inputs(graph: Graph | ox.Store, *, evidence: bool = True, dates: bool = True) -> NetworkInputs:
    """The labels, actor kinds and events of ``graph`` (:func:`labels`, :func:`actor_kinds`, :func:`read_events`)."""
    store = as_oxigraph(graph)
    return NetworkInputs(labels(store), actor_kinds(store), read_events(store, evidence=evidence, dates=dates))


def add_evidence(store: ox.Store, events: list[dict[str, Any]]) -> None:
    """Set the ``evidence`` of ``events`` (edge data of :func:`kg.analyse.actor_network`: ``event`` is the IRI)
    to their sentences in sentence order, as :func:`read_events` gives them."""
    wanted = sorted({event["event"] for event in events})
    rows = select(
        store,
        f"SELECT ?e ?i ?t WHERE {{ VALUES ?e {{ {iri_values(wanted)} }} ?e <{KG.hasEvidence}> ?n . "
        f"?n <{KG.sentenceText}> ?t OPTIONAL {{ ?n <{KG.sentenceIndex}> ?i }} }}",
    )
    said: dict[str | None, set[tuple[int, str]]] = defaultdict(set)
    for event, index, text in rows:
        if text:
            said[event].add((int(index or 0), text))
    for each in events:
        each["evidence"] = list(dict.fromkeys(text for _, text in sorted(said.get(each["event"], ()))))


def _sentences(store: ox.Store) -> dict[str | None, tuple[int, str | None]]:
    """Each evidence node's sentence number (0 when it has none) and text (two scans)."""
    index = dict(pairs(store, f"SELECT ?n ?i WHERE {{ ?n <{KG.sentenceIndex}> ?i }}"))
    return {
        node: (int(index.get(node) or 0), text)
        for node, text in pairs(store, f"SELECT ?n ?t WHERE {{ ?n <{KG.sentenceText}> ?t }}")
    }


def _event(
    iri: str,
    relation: str,
    values: dict[str, set[str]],
    articles: dict[str | None, tuple[str | None, str | None]],
    sentences: dict[str | None, tuple[int, str | None]],
) -> Event:
    """One event from its property values, its articles' identifiers and dates, its sentences."""
    event = Event(iri=iri, relation=relation, participants=sorted(values.get("participant", ())))
    event.parties = sorted(values.get("party", ()))
    for name in ("initiator", "agent", "addressee", "topic", "warned_of", "date"):
        if values.get(name):
            setattr(event, name, min(values[name]))
    derived = sorted(values.get("article", ()))
    event.articles = sorted({str(articles.get(a, (a, None))[0]) for a in derived})
    if event.date is None:
        event.date = min((d for a in derived if (d := articles.get(a, (None, None))[1]) is not None), default=None)
    said = sorted(found for node in values.get("evidence", ()) if (found := sentences.get(node)) and found[1])
    event.evidence = list(dict.fromkeys(str(text) for _, text in said))
    return event


def labels(graph: Graph | ox.Store) -> dict[str, tuple[str | None, str | None]]:
    """English and Arabic label of everything labelled (the smallest, when there are several)."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"en": [], "ar": []})
    query = (
        f"SELECT ?s ?l WHERE {{ VALUES ?p {{ <{RDFS.label}> <{SKOS.prefLabel}> }} ?s ?p ?l "
        "FILTER(langMatches(lang(?l), 'en') || langMatches(lang(?l), 'ar')) }"
    )
    solutions = as_oxigraph(graph).query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        thing, label = row[0], row[1]
        language = (getattr(label, "language", None) or "").lower().split("-")[0]
        if thing is not None and label is not None and language in {"en", "ar"}:
            found[thing.value][language].append(label.value)
    return {
        thing: (min(names["en"]) if names["en"] else None, min(names["ar"]) if names["ar"] else None)
        for thing, names in found.items()
    }


def topic_labels(topics: Iterable[str], known: dict[str, tuple[str | None, str | None]]) -> None:
    """Fill in goal labels from the ontology when the data graph does not carry them."""
    missing = [t for t in topics if t not in known]
    if not missing:
        return
    ontology = ox.Store()
    ontology.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    found = labels(ontology)
    for topic in missing:
        known[topic] = found.get(topic, (local_name(topic), None))


def actor_kinds(store: ox.Store) -> dict[str, str]:
    """The kind of each typed actor (the first of :data:`ACTOR_KINDS` it has)."""
    rows = select(store, f"SELECT ?s ?c WHERE {{ VALUES ?c {{ {iri_values(KG[k] for k in ACTOR_KINDS)} }} ?s a ?c }}")
    order = {str(KG[kind]): rank for rank, kind in enumerate(ACTOR_KINDS)}
    kinds: dict[str, str] = {}
    for node, cls in sorted(rows, key=lambda row: order[str(row[1])]):
        kinds.setdefault(str(node), str(cls).removeprefix(KG_NS))
    return kinds


def local_name(iri: str) -> str:
    """The last part of an IRI (after ``#`` or ``/``)."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


__all__ = [
    "ACTOR_KINDS",
    "EVENT_TYPES",
    "Event",
    "NetworkInputs",
    "actor_kinds",
    "add_evidence",
    "iri_values",
    "labels",
    "local_name",
    "network_inputs",
    "pairs",
    "read_events",
    "select",
    "topic_labels",
]
