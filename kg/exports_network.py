"""The actor network for Gephi and graph tools: a directed multigraph, one edge per event.

Nodes are the actors (label, English and Arabic labels, type, the state or organisation
they act for, and how many events of each relation they took part in as the first
actor). Every event with two actors is one edge from its first actor to its second (the
caller to the called when the reports agree on who called; else the two participants in
IRI order, with ``initiator`` saying ``unknown`` or ``disputed``; the agent to the
addressee for appeals, mediation offers, thanks and warnings), with its relation, goal,
date, CAMEO code, confidence, article and outlet counts and sources. An event with one
actor (an appeal, offer or warning with no addressee) has no edge; it is counted on the
actor's node.

GEXF edges carry their date as ``start`` and ``end`` (``mode="dynamic"``, ``timeformat="date"``),
so Gephi's timeline plays the events; GraphML carries the date as an attribute.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from .event_records import EventTable, short_id
from .relations import RELATIONS


def event_network(table: EventTable, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """The directed actor multigraph of :func:`kg.event_records.read_events` (``dynamic``: GEXF dates)."""
    network = nx.MultiDiGraph()
    counts: dict[str, dict[str, int]] = {}
    for event in table.events:
        for actor in (event.actor1, event.actor2):
            if actor and actor not in counts:
                counts[actor] = {r.name: 0 for r in RELATIONS}
        if event.actor1:
            counts[event.actor1][event.relation] += 1
    for iri, per_relation in counts.items():
        found = table.actors.get(iri)
        attributes: dict[str, Any] = {
            "label": found.label if found else short_id(iri),
            "label_en": found.en if found else "",
            "label_ar": found.ar if found else "",
            "kind": found.kind if found else "",
            "acts_for": short_id(found.state) if found and found.state else "",
        }
        attributes.update(per_relation)
        attributes["events"] = sum(per_relation.values())
        network.add_node(short_id(iri), **attributes)
    for event in table.events:
        if not (event.actor1 and event.actor2):
            continue
        edge: dict[str, Any] = {
            "id": short_id(event.iri),
            "label": event.relation,
            "relation": event.relation,
            "event_type": event.event_class,
            "goal": event.topic,
            "date": event.day,
            "cameo": event.cameo,
            "initiator": event.initiator,
            "confidence": event.confidence if event.confidence is not None else 0.0,
            "articles": event.articles,
            "outlets": event.outlets,
            "sources": " ".join(s.url or s.identifier for s in event.sources),
        }
        if dynamic and event.day:
            edge["start"] = edge["end"] = event.day
        network.add_edge(short_id(event.actor1), short_id(event.actor2), key=edge["id"], **edge)
    return network


def gexf_bytes(table: EventTable) -> bytes:
    """The network as GEXF 1.2: directed, dynamic (edge dates as ``start``/``end``)."""
    network = event_network(table, dynamic=True)
    buffer = io.BytesIO()
    nx.write_gexf(network, buffer, version="1.2draft")
    return buffer.getvalue()


def graphml_bytes(table: EventTable) -> bytes:
    """The network as GraphML: directed, parallel edges, the date as an edge attribute."""
    buffer = io.BytesIO()
    nx.write_graphml(event_network(table), buffer)
    return buffer.getvalue()


__all__ = ["event_network", "gexf_bytes", "graphml_bytes"]
