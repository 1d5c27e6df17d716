"""Network analysis of a built graph: counts, who is most connected, who calls and urges most.

Everything is read back from the RDF graph (never by re-extracting), with a few SPARQL
queries run by Oxigraph (an rdflib graph is copied into Oxigraph first, unless it is a
view of an Oxigraph store), then assembled into networkx graphs:

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
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .iris import KG, SCHEMA
from .model import CALLED, URGED
from .query import as_oxigraph
from .readback import (
    ACTOR_KINDS,
    EVENT_TYPES,
    Event,
    NetworkInputs,
    iri_values,
    local_name,
    network_inputs,
    read_events,
    select,
    topic_labels,
)

if TYPE_CHECKING:  # networkx is imported where it is used: kg serve's page data needs none of it
    import networkx as nx
    from rdflib import Graph

#: The ``kind`` of goal nodes in :func:`actor_network`.
TOPIC_KIND = "Topic"


def display_label(label_en: str | None, label_ar: str | None, iri: str) -> str:
    """The label to show: English, else Arabic, else the last part of the IRI."""
    return label_en or label_ar or local_name(iri)


def actor_network(
    graph: Graph | ox.Store, *, evidence: bool = True, dates: bool = True, inputs: NetworkInputs | None = None
) -> nx.MultiDiGraph:
    """The actors and goals of ``graph`` as a multigraph with one edge per event.

    Nodes are IRIs (``str``) with ``label_en``, ``label_ar``, ``label`` and ``kind``
    (``Person``, ``State``, ``Organization``, ``Actor`` when untyped, or ``Topic`` for a
    goal) and ``solo_events`` (events of the actor that have no counterpart). Edges are
    keyed by the event IRI and carry ``relation``, ``event``, ``evidence`` (sentences),
    ``articles`` (identifiers), ``date`` (ISO string or ``None``), ``directed`` and, where
    they apply, ``topic``, ``addressee``, ``warned_of``. A call with more than two
    participants gives one edge per pair. ``evidence=False`` leaves ``evidence`` empty,
    ``dates=False`` leaves ``date`` unset (:func:`kg.readback.read_events`). ``inputs``: what
    was read already (a store's summary, :mod:`kg.summaries`), instead of reading ``graph``.
    """
    import networkx as nx

    network = nx.MultiDiGraph()
    read = inputs if inputs is not None else network_inputs(graph, evidence=evidence, dates=dates)
    known, kinds, events = dict(read.labels), read.kinds, read.events
    topic_labels({e.topic for e in events if e.topic}, known)

    def add_node(iri: str, kind: str | None = None) -> None:
        if iri in network:
            return
        en, ar = known.get(iri, (None, None))
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


def simple_network(graph: Graph | ox.Store, *, network: nx.MultiDiGraph | None = None) -> nx.Graph:
    """The undirected actor-to-actor graph, ``weight`` = number of events linking a pair.

    Every actor of :func:`actor_network` is a node (goals are left out); an edge also
    carries ``relations``, a count per relation. Pass ``network`` to reuse one already built.
    """
    import networkx as nx

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


def graph_counts(store: ox.Store) -> dict[str, int]:
    """The ``counts`` of :func:`graph_statistics`: articles, triples, actors and events of each kind."""
    classes = (SCHEMA.NewsArticle, *(KG[kind] for kind in ACTOR_KINDS), *(KG[name] for name, _ in EVENT_TYPES))
    query = (
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {iri_values(classes)} }} ?s a ?c }} GROUP BY ?c"
    )
    found = {local_name(str(cls)): int(str(n)) for cls, n in select(store, query)}
    (triples,) = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    counts = {"articles": found.get("NewsArticle", 0), "triples": int(str(triples[0]))}
    for kind in ACTOR_KINDS:
        counts[f"actors_{kind}"] = found.get(kind, 0)
    for name, _ in EVENT_TYPES:
        counts[f"events_{name}"] = found.get(name, 0)
    counts["events"] = sum(found.get(name, 0) for name, _ in EVENT_TYPES)
    return counts


def betweenness_centrality(simple: nx.Graph) -> dict[str, float]:
    """Normalised betweenness of each node of an undirected graph, as ``nx.betweenness_centrality``
    computes it (unweighted, endpoints left out), computed by rustworkx."""
    import rustworkx as rx

    nodes = list(simple.nodes)
    index = {node: number for number, node in enumerate(nodes)}
    copy = rx.PyGraph(multigraph=False)
    copy.add_nodes_from(nodes)
    copy.add_edges_from_no_data([(index[u], index[v]) for u, v in simple.edges() if u != v])
    found = rx.graph_betweenness_centrality(copy, normalized=True, endpoints=False)
    return {node: float(found[number]) for number, node in enumerate(nodes)}


def _most_connected(multi: nx.MultiDiGraph, simple: nx.Graph, top: int) -> list[dict[str, Any]]:
    if simple.number_of_nodes() == 0:
        return []
    import networkx as nx

    betweenness = betweenness_centrality(simple)
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


def graph_statistics(
    graph: Graph | ox.Store, top: int = 10, *, inputs: NetworkInputs | None = None, counts: dict[str, int] | None = None
) -> dict[str, Any]:
    """Counts and a network analysis of ``graph``, as a JSON-serialisable dict.

    Keys: ``counts`` (flat name → int: articles, triples, ``actors_<Kind>``,
    ``events_<Class>`` and ``events``); ``most_connected`` (actors by the number of
    other actors they share an event with, with weighted degree, event count, degree
    and betweenness centrality); ``calls_per_pair`` (call events per unordered pair,
    labelled ``"A — B"``); ``top_urgers`` (actors by number of appeals, with their goals)
    and ``topics`` (goals by number of appeals). Each list item has ``label`` (English,
    else Arabic) and ``count``; lists hold at most ``top`` items. ``inputs`` (read with no dates)
    and ``counts``: what a store's summary holds (:mod:`kg.summaries`), instead of reading ``graph``.
    """
    top = max(top, 0)
    store = as_oxigraph(graph)
    multi = actor_network(store, evidence=False, dates=False, inputs=inputs)
    simple = simple_network(graph, network=multi)
    urgers, topics = _top_urgers(multi, top)
    return {
        "counts": counts if counts is not None else graph_counts(store),
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
    "betweenness_centrality",
    "display_label",
    "event_degree",
    "graph_counts",
    "graph_statistics",
    "read_events",
    "simple_network",
]
