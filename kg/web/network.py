"""The data behind the network page of ``kg serve``, read once from the served graph.

:class:`NetworkIndex` holds every event of the graph as one flat record per edge, drawn
as :func:`kg.analyse.actor_network` draws them (a call between two actors, thanks, a
mediation offer to each party it names, an appeal from an actor to the goal it urged), or
per event with no counterpart (warnings, offers naming no party), plus the labels of
actors and goals and what is known of each article. The page asks it, as JSON, for:

* :meth:`NetworkIndex.meta` — styles, goals, actors (for the search box), the date span;
* :meth:`NetworkIndex.view` — the nodes and aggregated edges under a set of
  :class:`Filters` (relation types, goals, an actor, a date range), the ``top`` most
  active actors only;
* :meth:`NetworkIndex.events` — the events of one edge or one actor, with their evidence
  sentences and sources.

Everything here is data: text from articles is never turned into markup on this side, and
the page inserts it as text only. Article URLs other than http(s) are dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..analyse import TOPIC_KIND
from ..errors import FilterError
from ..iris import SCHEMA, outlet_label
from ..model import CALLED, URGED
from ..query import as_oxigraph
from ..readback import Event, actor_kinds, labels, local_name, read_events
from ..relations import BY_NAME
from ..resources import ontology_path
from ..styles import EDGE_STYLES, NODE_STYLES
from .filters import DEFAULT_TOP, RELATIONS, Filters

if TYPE_CHECKING:
    from rdflib import Graph

#: Most events listed for one edge or actor.
MAX_EVENTS = 200


@dataclass(frozen=True)
class Record:
    """One event as the page sees it: an edge (``target`` set) or an event of one actor."""

    event: str
    relation: str
    source: str
    target: str | None
    directed: bool
    topic: str | None
    date: str | None
    evidence: tuple[str, ...]
    articles: tuple[str, ...]
    warned_of: str | None

    def involves(self, actor: str) -> bool:
        """Whether ``actor`` is at either end."""
        return actor in (self.source, self.target)


def _safe_url(value: str | None) -> str | None:
    text = value.strip() if value is not None else ""
    return text if text.lower().startswith(("http://", "https://")) else None


def _outlet(publisher: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    """The outlet's name from ``schema:publisher`` (an outlet node, or a literal in old graphs)."""
    if isinstance(publisher, ox.NamedNode):
        return outlet_label(publisher.value)
    return publisher.value if isinstance(publisher, ox.Literal) else None


def read_articles(store: ox.Store) -> dict[str, dict[str, Any]]:
    """Each news article, by its identifier (its IRI when it has none): headline, URL, outlet, date."""
    query = (
        f"SELECT ?a ?id ?h ?u ?p ?d WHERE {{ ?a a <{SCHEMA.NewsArticle}> "
        + " ".join(
            f"OPTIONAL {{ ?a <{predicate}> ?{name} }}"
            for name, predicate in (
                ("id", SCHEMA.identifier),
                ("h", SCHEMA.headline),
                ("u", SCHEMA.url),
                ("p", SCHEMA.publisher),
                ("d", SCHEMA.datePublished),
            )
        )
        + " }"
    )
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    found: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for article, identifier, headline, url, publisher, published in solutions:
        if article is None or article.value in seen:
            continue
        seen.add(article.value)
        key = identifier.value if identifier is not None else article.value
        found[key] = {
            "identifier": key,
            "iri": article.value,
            "headline": None if headline is None else headline.value,
            "url": _safe_url(None if url is None else url.value),
            "outlet": _outlet(publisher),
            "published": None if published is None else published.value,
        }
    return found


def _edges(
    relation: str,
    participants: list[str],
    initiator: str | None,
    agent: str | None,
    counterparts: list[str],
    topic: str | None,
) -> list[tuple[str, str | None, bool]]:
    """``(source, target, directed)`` for one event, by the rules of :func:`kg.analyse.actor_network`;
    a target of ``None`` is an event of one actor with no counterpart."""
    if relation == CALLED:
        if initiator and initiator in participants:
            return [(initiator, p, True) for p in participants if p != initiator]
        return [(a, b, False) for i, a in enumerate(participants) for b in participants[i + 1 :]]
    if agent is None:
        return []
    if relation == URGED and topic:
        return [(agent, topic, True)]
    others = [c for c in counterparts if c != agent]  # the one thanked, a mediation offer's parties
    return [(agent, other, True) for other in others] or [(agent, None, False)]


def _ontology_labels() -> dict[str, tuple[str | None, str | None]]:
    ontology = ox.Store()
    ontology.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    return labels(ontology)


def _records(event: Event) -> list[Record]:
    """The page's records of one event: one per edge, or one for an event with no counterpart."""
    counterparts = sorted({c for c in (event.addressee, *event.parties) if c})
    edges = _edges(event.relation, event.participants, event.initiator, event.agent, counterparts, event.topic)
    return [
        Record(
            event=event.iri,
            relation=event.relation,
            source=source,
            target=target,
            directed=directed,
            topic=event.topic,
            date=event.date[:10] if event.date else None,
            evidence=tuple(event.evidence),
            articles=tuple(event.articles),
            warned_of=event.warned_of,
        )
        for source, target, directed in edges
    ]


class NetworkIndex:
    """Events, labels and sources of a graph, ready to answer the page's requests.

    The graph is read with a few SPARQL queries run by Oxigraph (:mod:`kg.readback`, as
    ``kg stats`` and ``kg viz`` read it); an rdflib graph that is no view of an Oxigraph
    store is copied into one first.
    """

    def __init__(self, graph: Graph | ox.Store) -> None:
        """Read everything the page needs from ``graph`` (which may be dropped afterwards)."""
        store = as_oxigraph(graph)
        known = labels(store)
        self.nodes: dict[str, dict[str, Any]] = {}
        for actor, kind in actor_kinds(store).items():
            self._add_node(actor, kind, known.get(actor, (None, None)))
        self.articles = read_articles(store)
        records = [record for event in read_events(store) for record in _records(event)]
        ontology: dict[str, tuple[str | None, str | None]] | None = None
        for record in records:
            for node in (record.source, record.target):
                if node is None or node in self.nodes:
                    continue
                if record.target == node and record.topic == node:
                    found = known.get(node)
                    if found is None:
                        ontology = ontology if ontology is not None else _ontology_labels()
                        found = ontology.get(node, (None, None))
                    self._add_node(node, TOPIC_KIND, found)
                else:
                    self._add_node(node, "Actor", known.get(node, (None, None)))
        records.sort(key=lambda r: (r.date or "9999", r.event, r.source, r.target or ""))
        self.records = records

    def _add_node(self, node: str, kind: str, names: tuple[str | None, str | None]) -> None:
        en, ar = names
        self.nodes[node] = {
            "id": node,
            "label_en": en,
            "label_ar": ar,
            "label": en or ar or local_name(node),
            "kind": kind,
        }

    # ------------------------------------------------------------ selection

    def _is_actor(self, node: str | None) -> bool:
        return node is not None and self.nodes.get(node, {}).get("kind") != TOPIC_KIND

    def select(self, filters: Filters) -> list[Record]:
        """The records that pass ``filters`` (all of them: ``top`` is not applied)."""
        return self._select(filters)[0]

    def _select(self, filters: Filters) -> tuple[list[Record], set[str]]:
        """The records that pass ``filters``, and the undated events its date range alone hid."""
        chosen = []
        undated_hidden: set[str] = set()
        for record in self.records:
            if record.relation not in filters.relations:
                continue
            if record.relation == URGED and filters.topics is not None and record.topic not in filters.topics:
                continue
            if filters.actor and not record.involves(filters.actor):
                continue
            if not filters.admits_date(record.date):
                if record.date is None:
                    undated_hidden.add(record.event)
                continue
            chosen.append(record)
        return chosen, undated_hidden

    def _activity(self, records: Iterable[Record]) -> Counter[str]:
        events: dict[str, set[str]] = defaultdict(set)
        for record in records:
            for node in (record.source, record.target):
                if self._is_actor(node):
                    assert node is not None
                    events[node].add(record.event)
        return Counter({node: len(found) for node, found in events.items()})

    def _node(self, node: str, events: int) -> dict[str, Any]:
        return {**self.nodes.get(node, {"id": node, "label": node, "kind": "Actor"}), "events": events}

    def view(self, filters: Filters) -> dict[str, Any]:
        """Nodes and edges (one per pair and relation, with an event count) to draw, and how many
        undated events the date range hid (``undated_hidden``)."""
        records, undated_hidden = self._select(filters)
        activity = self._activity(records)
        ranked = sorted(activity, key=lambda n: (-activity[n], str(self.nodes.get(n, {}).get("label", n)), n))
        if filters.actor and filters.actor in ranked:
            ranked.remove(filters.actor)
            ranked.insert(0, filters.actor)
        actors = ranked if filters.top == 0 else ranked[: filters.top]
        shown = set(actors)
        groups: dict[tuple[str, str, str, bool], set[str]] = defaultdict(set)
        topic_events: dict[str, set[str]] = defaultdict(set)
        for record in records:
            if record.target is None or record.source not in shown:
                continue
            target_is_topic = not self._is_actor(record.target)
            if not target_is_topic and record.target not in shown:
                continue
            if target_is_topic:
                topic_events[record.target].add(record.event)
            groups[(record.source, record.target, record.relation, record.directed)].add(record.event)
        nodes = [self._node(n, activity[n]) for n in actors]
        nodes += [self._node(t, len(found)) for t, found in sorted(topic_events.items())]
        edges = [
            {
                "id": f"e{number}",
                "from": source,
                "to": target,
                "relation": relation,
                "directed": directed,
                "count": len(found),
            }
            for number, ((source, target, relation, directed), found) in enumerate(sorted(groups.items()))
        ]
        return {
            "nodes": nodes,
            "edges": edges,
            "shown": len(actors),
            "total": len(ranked),
            "events": len({r.event for r in records}),
            "undated_hidden": len(undated_hidden),
        }

    def events(
        self,
        filters: Filters,
        *,
        node: str | None = None,
        edge: tuple[str, str, str, bool] | None = None,
    ) -> dict[str, Any]:
        """The events (newest first, at most :data:`MAX_EVENTS`) of an actor or of an edge."""
        found: dict[str, Record] = {}
        for record in self.select(filters):
            if node is not None and not record.involves(node):
                continue
            if edge is not None and (record.source, record.target, record.relation, record.directed) != edge:
                continue
            found.setdefault(record.event, record)
        ordered = sorted(found.values(), key=lambda r: (r.date or "", r.event), reverse=True)
        return {
            "total": len(ordered),
            "events": [self._event(r) for r in ordered[:MAX_EVENTS]],
        }

    def _event(self, record: Record) -> dict[str, Any]:
        return {
            "event": record.event,
            "relation": record.relation,
            "date": record.date,
            "directed": record.directed,
            "source": self._node(record.source, 0),
            "target": self._node(record.target, 0) if record.target else None,
            "topic": self.nodes.get(record.topic) if record.topic else None,
            "warned_of": record.warned_of,
            "evidence": list(record.evidence),
            "articles": [self.articles.get(a, {"identifier": a}) for a in record.articles],
        }

    # ------------------------------------------------------------ what the page shows once

    def meta(self) -> dict[str, Any]:
        """Styles, goals, actors with their event counts, and the span of dates."""
        activity = self._activity(self.records)
        dates = sorted(r.date for r in self.records if r.date)
        edge_styles = dict(EDGE_STYLES)
        relations = []
        for relation in RELATIONS:
            style = edge_styles.get(relation)
            relations.append(
                {
                    "id": relation,
                    "en": style.en if style else relation,
                    "ar": style.ar if style else relation,
                    "color": style.color if style else "#7f7f7f",
                    "dashes": list(style.dashes) if style and style.dashes else False,
                    "edges": BY_NAME[relation].has_counterpart,
                }
            )
        kinds = [
            {"id": kind, "en": s.en, "ar": s.ar, "color": s.color, "shape": s.shape, "glyph": s.glyph}
            for kind, s in NODE_STYLES
        ]
        actors = sorted(activity, key=lambda n: (-activity[n], str(self.nodes.get(n, {}).get("label", n))))
        return {
            "relations": relations,
            "kinds": kinds,
            "topics": sorted((n for n in self.nodes.values() if n["kind"] == TOPIC_KIND), key=lambda n: str(n["id"])),
            "actors": [self._node(n, activity[n]) for n in actors],
            "dates": {"min": dates[0] if dates else None, "max": dates[-1] if dates else None},
            "counts": {
                "actors": len(activity),
                "events": len({r.event for r in self.records}),
                "articles": len(self.articles),
            },
            "default_top": DEFAULT_TOP,
        }


__all__ = ["DEFAULT_TOP", "RELATIONS", "FilterError", "Filters", "NetworkIndex", "Record"]
