"""What analysts ask of a built graph, as plain tables ready to plot.

:func:`overview` reads the events back once (:func:`kg.analyse.read_events`,
:func:`kg.analyse.actor_network`) and answers: how many calls each pair of actors had in
each period (a day, or a month when the dates span more than a quarter); which actor
urged which goal how often; who is central in the actor network (degree and betweenness
centrality); and when each event happened, for a timeline. Events without a date are
kept and counted (``undated``), never dropped silently: many articles give none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import networkx as nx
from rdflib import Graph

from .analyse import TOPIC_KIND, actor_network, betweenness_centrality, read_events, simple_network
from .model import CALLED, URGED

#: Dates spanning more days than this are counted per month, else per day.
DAILY_SPAN_DAYS = 92


@dataclass(frozen=True)
class TimedEvent:
    """One event: its relation, its actors (IRIs), its goal and its day (``None``: undated)."""

    iri: str
    relation: str
    actors: tuple[str, ...]
    topic: str | None
    day: date | None


@dataclass
class Dyad:
    """The calls between two actors (IRIs ``a`` < ``b``): per period start, and undated."""

    a: str
    b: str
    per_period: Counter[date] = field(default_factory=Counter)
    undated: int = 0

    @property
    def total(self) -> int:
        """Every call of the pair, dated or not."""
        return sum(self.per_period.values()) + self.undated


@dataclass(frozen=True)
class Centrality:
    """An actor's place in the undirected actor network."""

    iri: str
    partners: int
    events: int
    degree: float
    betweenness: float


@dataclass
class Overview:
    """The answers of :func:`overview`; every actor and goal is an IRI, named in ``labels``."""

    labels: dict[str, str]
    kinds: dict[str, str]
    events: list[TimedEvent]
    period: str
    dyads: list[Dyad]
    goals: list[str]
    actor_goal: dict[str, Counter[str]]
    centrality: list[Centrality]
    network: nx.Graph

    @property
    def undated(self) -> int:
        """How many events have no date."""
        return sum(1 for e in self.events if e.day is None)

    def period_start(self, day: date) -> date:
        """The first day of the period (``day`` or ``month``) that ``day`` falls in."""
        return day.replace(day=1) if self.period == "month" else day


def parse_day(text: str | None) -> date | None:
    """The day of an ISO date or date-time literal; ``None`` when absent or unreadable."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def overview(graph: Graph, top: int = 10) -> Overview:
    """Calls per pair over time, actor × goal counts, centrality and the timeline of ``graph``.

    ``dyads`` are the ``top`` pairs with most calls; ``goals`` every goal urged, most urged
    first; ``actor_goal`` the ``top`` actors with most appeals to a goal; ``centrality`` the
    ``top`` actors with most partners. ``period`` is ``"day"`` or ``"month"``, from the span
    of the dates.
    """
    multi = actor_network(graph)
    labels = {node: str(data["label"]) for node, data in multi.nodes(data=True)}
    kinds = {node: str(data["kind"]) for node, data in multi.nodes(data=True)}
    events = [TimedEvent(e.iri, e.relation, tuple(e.actors), e.topic, parse_day(e.date)) for e in read_events(graph)]
    days = [e.day for e in events if e.day is not None]
    long_span = bool(days) and (max(days) - min(days)).days > DAILY_SPAN_DAYS
    result = Overview(
        labels, kinds, events, "month" if long_span else "day", [], [], {}, [], simple_network(graph, network=multi)
    )
    result.dyads = _dyads(result, top)
    _actor_goal(result, top)
    result.centrality = _centrality(result, multi, top)
    return result


def _dyads(result: Overview, top: int) -> list[Dyad]:
    pairs: dict[tuple[str, str], Dyad] = {}
    for event in result.events:
        if event.relation != CALLED or len(event.actors) < 2:
            continue
        actors = sorted(event.actors)
        for i, a in enumerate(actors):
            for b in actors[i + 1 :]:
                dyad = pairs.setdefault((a, b), Dyad(a, b))
                if event.day is None:
                    dyad.undated += 1
                else:
                    dyad.per_period[result.period_start(event.day)] += 1
    ranked = sorted(pairs.values(), key=lambda d: (-d.total, result.labels.get(d.a, d.a), result.labels.get(d.b, d.b)))
    return ranked[:top]


def _actor_goal(result: Overview, top: int) -> None:
    per_actor: dict[str, Counter[str]] = {}
    per_goal: Counter[str] = Counter()
    for event in result.events:
        if event.relation == URGED and event.topic:
            for actor in event.actors:
                per_actor.setdefault(actor, Counter())[event.topic] += 1
            per_goal[event.topic] += 1
    result.goals = sorted(per_goal, key=lambda g: (-per_goal[g], result.labels.get(g, g)))
    ranked = sorted(per_actor, key=lambda a: (-sum(per_actor[a].values()), result.labels.get(a, a)))[:top]
    result.actor_goal = {actor: per_actor[actor] for actor in ranked}


def _centrality(result: Overview, multi: nx.MultiDiGraph, top: int) -> list[Centrality]:
    linked = result.network.subgraph([n for n, d in result.network.degree() if d > 0])
    if linked.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(linked)
    betweenness = betweenness_centrality(linked)
    involved = Counter(actor for event in result.events for actor in event.actors)
    rows = [
        Centrality(
            node,
            int(linked.degree(node)),
            involved[node],
            round(float(degree[node]), 4),
            round(float(betweenness[node]), 4),
        )
        for node in linked
        if multi.nodes[node]["kind"] != TOPIC_KIND
    ]
    rows.sort(key=lambda c: (-c.partners, -c.betweenness, result.labels.get(c.iri, c.iri)))
    return rows[:top]


__all__ = ["Centrality", "Dyad", "Overview", "TimedEvent", "overview", "parse_day"]
