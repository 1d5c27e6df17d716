"""Which actors, goals and edge groups the network page (:mod:`kg.viz`) draws, and whose sentences it shows.

Kept apart from the page itself so that a store's summary (:mod:`kg.summaries`) can keep the
sentences of the events the page shows without drawing it (:func:`tooltip_events`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .analyse import TOPIC_KIND, event_degree

if TYPE_CHECKING:
    import networkx as nx

#: How many events an edge tooltip lists before "… and N more".
TOOLTIP_EVENTS = 8


@dataclass
class EdgeGroup:
    """The events of one relation between two actors drawn: one edge of the page."""

    source: str
    target: str
    relation: str
    directed: bool
    events: list[dict[str, Any]] = field(default_factory=list)


def select(network: nx.MultiDiGraph, top: int) -> tuple[list[str], list[str]]:
    """The ``top`` actors by number of events (ties by label), and the goals they urged."""
    ranked = [
        (event_degree(network, node), node)
        for node, data in network.nodes(data=True)
        if data["kind"] != TOPIC_KIND and event_degree(network, node) > 0
    ]
    ranked.sort(key=lambda item: (-item[0], network.nodes[item[1]]["label"], item[1]))
    actors = [node for _, node in ranked[: max(top, 0)]]
    chosen = set(actors)
    topics = sorted(
        {t for s, t, d in network.edges(data=True) if s in chosen and network.nodes[t]["kind"] == TOPIC_KIND}
    )
    return actors, topics


def groups_of(network: nx.MultiDiGraph, shown: set[str]) -> list[EdgeGroup]:
    """The edges of the page between the ``shown`` nodes: the events grouped by pair, relation and direction."""
    groups: dict[tuple[str, str, str, bool], EdgeGroup] = {}
    for source, target, data in network.edges(data=True):
        if source not in shown or target not in shown:
            continue
        directed = bool(data.get("directed", True))
        a, b = (source, target) if directed else tuple(sorted((source, target)))
        key = (a, b, data["relation"], directed)
        group = groups.setdefault(key, EdgeGroup(a, b, data["relation"], directed))
        group.events.append(data)
    return sorted(groups.values(), key=lambda g: (g.source, g.target, g.relation, g.directed))


def ordered(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events in the order a tooltip lists them (the first :data:`TOOLTIP_EVENTS` are shown)."""
    return sorted(events, key=lambda e: (e.get("date") or "", e.get("articles") or [], e.get("event", "")))


def tooltip_events(network: nx.MultiDiGraph, top: int) -> list[dict[str, Any]]:
    """The events (edge data of ``network``) whose sentences the page of the ``top`` most active actors shows."""
    actors, topics = select(network, top)
    return tooltip_events_of(network, actors, groups_of(network, {*actors, *topics}))


def tooltip_events_of(network: nx.MultiDiGraph, shown: list[str], groups: list[EdgeGroup]) -> list[dict[str, Any]]:
    """The events the tooltips list (the evidence sentences are read for these events only)."""
    lists = [group.events for group in groups]
    for node in shown:
        solo = network.nodes[node].get("solo_events", [])
        lists += [[e for e in solo if e["relation"] == relation] for relation in {e["relation"] for e in solo}]
    return [event for events in lists for event in ordered(events)[:TOOLTIP_EVENTS]]


__all__ = ["TOOLTIP_EVENTS", "EdgeGroup", "groups_of", "ordered", "select", "tooltip_events", "tooltip_events_of"]
