"""Network analysis of a built graph: counts, who is most connected, who calls and urges most.

Everything is read back from the RDF graph (never by re-extracting), with indexed triple
lookups, then assembled into networkx graphs:

* :func:`actor_network` — a ``MultiDiGraph`` with one edge per reported event: a call
  runs from its initiator (or, when the text names none, between its participants in
  IRI order, with ``directed=False``), thanks from the one who thanks to the one thanked,
  a mediation offer from the mediator to each party it names, an appeal from the actor to
  the goal urged (goals are nodes of kind ``"Topic"``).
  Events with no counterpart (warnings, offers naming no party) have no edge; they are
  listed in the ``solo_events`` attribute of their actor's node.
* :func:`simple_network` — the undirected, weighted actor-to-actor graph behind the
  centrality figures (topics left out).
* :func:`graph_statistics` — the JSON summary printed by ``kg stats``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, Node
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from .model import CALLED, URGED
from .rdf import KG, SCHEMA
from .relations import RELATIONS
from .resources import ontology_path

#: Event classes (local names) and the relation each one reports, in display order.
EVENT_TYPES: tuple[tuple[str, str], ...] = tuple((r.event_class, r.name) for r in RELATIONS)
#: Actor classes (local names).
ACTOR_KINDS: tuple[str, ...] = ("Person", "State", "Organization")
#: The ``kind`` of goal nodes in :func:`actor_network`.
TOPIC_KIND = "Topic"


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


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def read_events(graph: Graph) -> list[Event]:
    """Every event of the graph with its actors, goal, date, articles and evidence.

    ``date`` is the event's own ``dcterms:date`` or, failing that, the publication date of
    its article; evidence sentences are in sentence order. Read with indexed triple
    lookups: rdflib's SPARQL engine evaluates a UNION per solution, which took minutes on
    graphs of a few hundred thousand triples.
    """
    events: list[Event] = []
    identifiers: dict[Node, str] = {}
    published: dict[Node, str | None] = {}

    def identifier(article: Node) -> str:
        if article not in identifiers:
            found = graph.value(article, SCHEMA.identifier)
            identifiers[article] = str(found) if found is not None else str(article)
        return identifiers[article]

    def date_published(article: Node) -> str | None:
        if article not in published:
            found = graph.value(article, SCHEMA.datePublished)
            published[article] = str(found) if found is not None else None
        return published[article]

    for name, relation in EVENT_TYPES:
        for node in set(graph.subjects(RDF.type, KG[name])):
            event = Event(iri=str(node), relation=relation)
            event.participants = sorted({str(v) for v in graph.objects(node, KG.participant)})
            event.parties = sorted({str(v) for v in graph.objects(node, KG.mediationParty)})
            for attribute, predicate in (
                ("initiator", KG.initiator),
                ("agent", KG.agent),
                ("addressee", KG.addressee),
                ("topic", KG.topic),
                ("warned_of", KG.warnedOf),
                ("date", DCTERMS.date),
            ):
                value = graph.value(node, predicate, any=True)
                if value is not None:
                    setattr(event, attribute, str(value))
            articles = sorted(set(graph.objects(node, PROV.wasDerivedFrom)), key=str)
            event.articles = sorted({identifier(a) for a in articles})
            if event.date is None:
                event.date = next((d for d in map(date_published, articles) if d is not None), None)
            sentences: list[tuple[int, str]] = []
            for evidence in graph.objects(node, KG.hasEvidence):
                text = graph.value(evidence, KG.sentenceText)
                if text is None:
                    continue
                index = graph.value(evidence, KG.sentenceIndex)
                position = int(index.toPython()) if isinstance(index, Literal) else 0
                sentences.append((position, str(text)))
            event.evidence = list(dict.fromkeys(text for _, text in sorted(sentences)))
            events.append(event)
    return sorted(events, key=lambda e: e.iri)


def _labels(graph: Graph) -> dict[str, tuple[str | None, str | None]]:
    """English and Arabic label of everything labelled (the smallest, when there are several)."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"en": [], "ar": []})
    for predicate in (RDFS.label, SKOS.prefLabel):
        for thing, label in graph.subject_objects(predicate):
            language = (label.language or "").lower().split("-")[0] if isinstance(label, Literal) else ""
            if language in {"en", "ar"}:
                found[str(thing)][language].append(str(label))
    return {
        thing: (min(names["en"]) if names["en"] else None, min(names["ar"]) if names["ar"] else None)
        for thing, names in found.items()
    }


def _topic_labels(topics: Iterable[str], labels: dict[str, tuple[str | None, str | None]]) -> None:
    """Fill in goal labels from the ontology when the data graph does not carry them."""
    missing = [t for t in topics if t not in labels]
    if not missing:
        return
    ontology = Graph()
    ontology.parse(str(ontology_path()), format="turtle")
    found = _labels(ontology)
    for topic in missing:
        labels[topic] = found.get(topic, (_local_name(topic), None))


def display_label(label_en: str | None, label_ar: str | None, iri: str) -> str:
    """The label to show: English, else Arabic, else the last part of the IRI."""
    return label_en or label_ar or _local_name(iri)


def actor_network(graph: Graph) -> nx.MultiDiGraph:
    """The actors and goals of ``graph`` as a multigraph with one edge per event.

    Nodes are IRIs (``str``) with ``label_en``, ``label_ar``, ``label`` and ``kind``
    (``Person``, ``State``, ``Organization``, ``Actor`` when untyped, or ``Topic`` for a
    goal) and ``solo_events`` (events of the actor that have no counterpart). Edges are
    keyed by the event IRI and carry ``relation``, ``event``, ``evidence`` (sentences),
    ``articles`` (identifiers), ``date`` (ISO string or ``None``), ``directed`` and, where
    they apply, ``topic``, ``addressee``, ``warned_of``. A call with more than two
    participants gives one edge per pair.
    """
    network = nx.MultiDiGraph()
    labels = _labels(graph)
    kinds: dict[str, str] = {}
    for kind in ACTOR_KINDS:
        for typed in graph.subjects(RDF.type, KG[kind]):
            kinds.setdefault(str(typed), kind)
    events = read_events(graph)
    _topic_labels({e.topic for e in events if e.topic}, labels)

    def add_node(iri: str, kind: str | None = None) -> None:
        if iri in network:
            return
        en, ar = labels.get(iri, (None, None))
        network.add_node(
            iri,
            label_en=en,
            label_ar=ar,
            label=display_label(en, ar, iri),
            kind=kind or kinds.get(iri, "Actor"),
            solo_events=[],
        )

    for iri in sorted(kinds):
        add_node(iri)
    for event in events:
        for actor in event.actors:
            add_node(actor)
        common: dict[str, Any] = {
            "relation": event.relation,
            "event": event.iri,
            "evidence": list(event.evidence),
            "articles": list(event.articles),
            "date": event.date,
        }
        if event.warned_of is not None:
            common["warned_of"] = event.warned_of
        edges = _event_edges(event)
        for source, target, extra in edges:
            if extra.get("topic"):
                add_node(target, TOPIC_KIND)
            network.add_edge(source, target, key=event.iri, **common, **extra)
        if not edges and event.agent:
            network.nodes[event.agent]["solo_events"].append(common)
    return network


def _event_edges(event: Event) -> list[tuple[str, str, dict[str, Any]]]:
    """The (source, target, attributes) edges that stand for one event."""
    if event.relation == CALLED:
        people = event.participants
        if event.initiator and event.initiator in people:
            return [(event.initiator, p, {"directed": True}) for p in people if p != event.initiator]
        return [(a, b, {"directed": False}) for i, a in enumerate(people) for b in people[i + 1 :]]
    if event.agent is None:
        return []
    if event.relation == URGED and event.topic:
        extra: dict[str, Any] = {"directed": True, "topic": event.topic}
        if event.addressee:
            extra["addressee"] = event.addressee
        return [(event.agent, event.topic, extra)]
    others = [t for t in (event.addressee, *event.parties) if t and t != event.agent]
    return [(event.agent, target, {"directed": True}) for target in others]


def simple_network(graph: Graph, *, network: nx.MultiDiGraph | None = None) -> nx.Graph:
    """The undirected actor-to-actor graph, ``weight`` = number of events linking a pair.

    Every actor of :func:`actor_network` is a node (goals are left out); an edge also
    carries ``relations``, a count per relation. Pass ``network`` to reuse one already built.
    """
    multi = network if network is not None else actor_network(graph)
    simple = nx.Graph()
    for node, data in multi.nodes(data=True):
        if data["kind"] != TOPIC_KIND:
            simple.add_node(node, **{k: v for k, v in data.items() if k != "solo_events"})
    for source, target, data in multi.edges(data=True):
        if source == target or source not in simple or target not in simple:
            continue
        if not simple.has_edge(source, target):
            simple.add_edge(source, target, weight=0, relations={})
        edge = simple.edges[source, target]
        edge["weight"] += 1
        edge["relations"][data["relation"]] = edge["relations"].get(data["relation"], 0) + 1
    return simple


def event_degree(network: nx.MultiDiGraph, node: str) -> int:
    """How many events an actor takes part in: its edges plus its events with no counterpart."""
    return int(network.degree(node)) + len(network.nodes[node].get("solo_events", []))


def _counts(graph: Graph) -> dict[str, int]:
    found = {
        _local_name(str(cls)): len(set(graph.subjects(RDF.type, cls)))
        for cls in (SCHEMA.NewsArticle, *(KG[kind] for kind in ACTOR_KINDS), *(KG[name] for name, _ in EVENT_TYPES))
    }
    counts = {"articles": found.get("NewsArticle", 0), "triples": len(graph)}
    for kind in ACTOR_KINDS:
        counts[f"actors_{kind}"] = found.get(kind, 0)
    for name, _ in EVENT_TYPES:
        counts[f"events_{name}"] = found.get(name, 0)
    counts["events"] = sum(found.get(name, 0) for name, _ in EVENT_TYPES)
    return counts


def _most_connected(multi: nx.MultiDiGraph, simple: nx.Graph, top: int) -> list[dict[str, Any]]:
    if simple.number_of_nodes() == 0:
        return []
    betweenness = nx.betweenness_centrality(simple)
    centrality = nx.degree_centrality(simple)
    items = []
    for node, degree in simple.degree():
        if degree == 0:
            continue
        data = simple.nodes[node]
        items.append(
            {
                "label": data["label"],
                "count": int(degree),
                "iri": node,
                "kind": data["kind"],
                "weighted_degree": int(simple.degree(node, weight="weight")),
                "events": event_degree(multi, node),
                "degree_centrality": round(float(centrality[node]), 4),
                "betweenness": round(float(betweenness[node]), 4),
            }
        )
    items.sort(key=lambda i: (-i["count"], -i["weighted_degree"], -i["events"], i["label"], i["iri"]))
    return items[:top]


def _calls_per_pair(multi: nx.MultiDiGraph, top: int) -> list[dict[str, Any]]:
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, data in multi.edges(data=True):
        if data["relation"] != CALLED:
            continue
        a, b = sorted((source, target))
        pair = pairs.setdefault(
            (a, b),
            {
                "label": f"{multi.nodes[a]['label']} — {multi.nodes[b]['label']}",
                "count": 0,
                "a": a,
                "b": b,
                "initiated_by_a": 0,
                "initiated_by_b": 0,
                "articles": set(),
            },
        )
        pair["count"] += 1
        if data["directed"]:
            pair["initiated_by_a" if source == a else "initiated_by_b"] += 1
        pair["articles"].update(data["articles"])
    items = [{**p, "articles": sorted(p["articles"])} for p in pairs.values()]
    items.sort(key=lambda i: (-i["count"], i["label"], i["a"], i["b"]))
    return items[:top]


def _top_urgers(multi: nx.MultiDiGraph, top: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    per_actor: dict[str, Counter[str]] = defaultdict(Counter)
    per_topic: Counter[str] = Counter()
    appeals: dict[str, set[str]] = defaultdict(set)
    for source, target, data in multi.edges(data=True):
        if data["relation"] == URGED:
            appeals[source].add(data["event"])
            per_actor[source][multi.nodes[target]["label"]] += 1
            per_topic[target] += 1
    for node, data in multi.nodes(data=True):  # appeals with no goal
        for event in data.get("solo_events", []):
            if event["relation"] == URGED:
                appeals[node].add(event["event"])
    urgers = [
        {
            "label": multi.nodes[node]["label"],
            "count": len(events),
            "iri": node,
            "kind": multi.nodes[node]["kind"],
            "topics": dict(sorted(per_actor[node].items())),
        }
        for node, events in appeals.items()
    ]
    urgers.sort(key=lambda i: (-i["count"], i["label"], i["iri"]))
    topics = [
        {"label": multi.nodes[t]["label"], "count": n, "iri": t, "label_ar": multi.nodes[t]["label_ar"]}
        for t, n in per_topic.items()
    ]
    topics.sort(key=lambda i: (-i["count"], i["label"]))
    return urgers[:top], topics[:top]


def graph_statistics(graph: Graph, top: int = 10) -> dict[str, Any]:
    """Counts and a network analysis of ``graph``, as a JSON-serialisable dict.

    Keys: ``counts`` (flat name → int: articles, triples, ``actors_<Kind>``,
    ``events_<Class>`` and ``events``); ``most_connected`` (actors by the number of
    other actors they share an event with, with weighted degree, event count, degree
    and betweenness centrality); ``calls_per_pair`` (call events per unordered pair,
    labelled ``"A — B"``); ``top_urgers`` (actors by number of appeals, with their goals)
    and ``topics`` (goals by number of appeals). Each list item has ``label`` (English,
    else Arabic) and ``count``; lists hold at most ``top`` items.
    """
    top = max(top, 0)
    multi = actor_network(graph)
    simple = simple_network(graph, network=multi)
    urgers, topics = _top_urgers(multi, top)
    return {
        "counts": _counts(graph),
        "most_connected": _most_connected(multi, simple, top),
        "calls_per_pair": _calls_per_pair(multi, top),
        "top_urgers": urgers,
        "topics": topics,
    }


__all__ = [
    "ACTOR_KINDS",
    "EVENT_TYPES",
    "TOPIC_KIND",
    "Event",
    "actor_network",
    "display_label",
    "event_degree",
    "graph_statistics",
    "read_events",
    "simple_network",
]
