"""Merge the reports of one real-world event into one event node.

Each article graph holds ``kg:EventReport`` nodes: what that article says about an event
(:func:`kg.rdf.add_report`). The same phone call reported by ten outlets is ten reports
and one ``kg:PhoneCall``. This module decides which reports are the same event and
writes the event nodes.

* **Merge key** — reports can only be the same event when they have the same relation
  and the same actors: the unordered pair of a call, the agent and goal of an appeal,
  the agent and addressee of thanks, the agent of a mediation offer or a warning
  (:func:`kg.reports.report_key`). Actor IRIs are the same in every article (gazetteer keys;
  unknown people by normalised name and state), so the key is exact.
* **Dates** — a report's date is the one its sentence gives (stated, or relative to the
  article's date), else its article's (:mod:`kg.dates`; ``kg:dateSource`` says which).
  Within one key, two reports are the same event when their dates are at most a day
  apart. When one gives no date, they merge only if both articles are dated, those dates
  are at most a day apart, and the date the other report gives is within a day of the
  undated report's article; with no date on either side, the articles' dates decide
  alone. Undated articles never merge, nor do reports dated by the ``--date`` fallback.
  A report joins a group only if it is compatible with every report already in it, so a
  chain of calls on consecutive days does not collapse into one (:func:`cluster`).
* **Conflicts** — every report keeps its own account. The event names an initiator
  only when the reports that name one agree; when they name different initiators the
  event says ``kg:initiatorDisputed true`` and names none. Its date is the one most
  reports give (counting the reports whose sentences give one first; the earliest on a
  tie), with the best ``kg:dateSource`` among the reports that give it; a warning's danger is kept when all agree.
* **Confidence** grows with independent sources: reports are grouped by source (the
  outlet, else the URL's host, else the article), each source counts with its best
  report, and the event's confidence is ``1 - Π(1 - c)`` over sources, at most 0.99.

Each key's events and their shortcut triples (``kg:called`` …) live in one named graph
(:func:`merged_graph_iri`), so that adding or removing an article recomputes exactly the
keys it touches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD
from rdflib.term import Node

from .dates import DATE_SOURCES, FALLBACK, SENTENCE_SOURCES
from .rdf import (
    EVENT_CLASS,
    ID,
    KG,
    confidence_literal,
    short_digest,
)
from .relations import BY_NAME, cameo_code
from .reports import MergeKey, Report, merged_graph_iri

#: Highest confidence a merged event can reach.
MAX_CONFIDENCE = Decimal("0.99")


def event_iri(key: MergeKey, reports: Iterable[Report]) -> URIRef:
    """IRI of a merged event: its key and the smallest identifier among its articles."""
    first = min(r.article_id for r in reports)
    return URIRef(ID[f"event/{key[0]}-{short_digest(*key, first)}"])


# ---------------------------------------------------------------- deciding


def _apart(a: date | None, b: date | None) -> int | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)


def compatible(one: Report, other: Report) -> bool:
    """Whether two reports with the same key can be the same event (dates allow it)."""
    if one.article == other.article:
        return False
    if FALLBACK in (one.date_source, other.date_source):
        return False  # a --date fallback is no date of the article's: undated articles never merge
    if one.date is not None and other.date is not None:
        return (_apart(one.date, other.date) or 0) <= 1
    articles = _apart(one.article_date, other.article_date)
    if articles is None or articles > 1:
        return False
    dated, undated = (one, other) if one.date is not None else (other, one)
    if dated.date is None:
        return True
    apart = _apart(dated.date, undated.article_date)
    return apart is not None and apart <= 1


def _order(report: Report) -> tuple[date, str, str]:
    return (report.date or report.article_date or date.max, report.article_id, str(report.iri))


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Group reports of one key into events: each report joins the first group it fits."""
    groups: list[list[Report]] = []
    for report in sorted(reports, key=_order):
        for group in groups:
            if all(compatible(report, member) for member in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


def combined_confidence(reports: Iterable[Report]) -> Decimal:
    """``1 - Π(1 - c)`` over independent sources, each with its best report; at most 0.99."""
    best: dict[str, Decimal] = {}
    for report in reports:
        source = report.source or report.article_id
        best[source] = max(best.get(source, Decimal(0)), report.confidence)
    doubt = Decimal(1)
    for value in best.values():
        doubt *= Decimal(1) - value
    return min(MAX_CONFIDENCE, (Decimal(1) - doubt).quantize(Decimal("0.01")))


def _consensus_date(reports: list[Report]) -> tuple[date, str | None] | None:
    """The date most reports give (those whose sentences give one first), and how the best of them found it."""
    told = [r for r in reports if r.date is not None and r.date_source in SENTENCE_SOURCES]
    counts = Counter(r.date for r in told or reports if r.date is not None)
    if not counts:
        return None
    when = min(counts, key=lambda d: (-counts[d], d))
    sources = {r.date_source for r in reports if r.date == when}
    return when, next((s for s in DATE_SOURCES if s in sources), None)


# ---------------------------------------------------------------- writing


class TripleSink(Protocol):
    """Where :func:`add_event` writes: an rdflib graph, or a plain set of triples (faster)."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        """Add one triple."""


def add_event(graph: TripleSink, key: MergeKey, reports: list[Report]) -> URIRef:
    """One event node for a group of reports of the same event, with its shortcut triples."""
    first = reports[0]
    node = event_iri(key, reports)
    relation = first.relation
    graph.add((node, RDF.type, EVENT_CLASS[relation]))
    articles = {r.article for r in reports}
    for report in reports:
        graph.add((node, KG.hasReport, report.iri))
        graph.add((node, PROV.wasDerivedFrom, report.article))
        for evidence in report.evidence:
            graph.add((node, KG.hasEvidence, evidence))
    graph.add((node, KG.sourceCount, Literal(len(articles))))
    graph.add((node, KG.confidence, confidence_literal(combined_confidence(reports))))
    consensus = _consensus_date(reports)
    if consensus is not None:
        graph.add((node, DCTERMS.date, Literal(consensus[0], datatype=XSD.date)))
        if consensus[1] is not None:
            graph.add((node, KG.dateSource, Literal(consensus[1])))
    topic = str(first.topic).removeprefix(str(KG)) if first.topic is not None else None
    code = cameo_code(relation, topic)
    if code:
        graph.add((node, KG.cameoCode, Literal(code)))
    spec = BY_NAME[relation]
    if spec.symmetric:
        _add_pair(graph, node, key, reports)
    else:
        _add_agent(graph, node, key, reports)
    return node


def _add_pair(graph: TripleSink, node: URIRef, key: MergeKey, reports: list[Report]) -> None:
    """A call's participants, its initiator when the reports agree, and the shortcuts."""
    a, b = (URIRef(key[1]), URIRef(key[2]))
    shortcut = KG[BY_NAME[key[0]].shortcut or key[0]]
    graph.add((node, KG.participant, a))
    graph.add((node, KG.participant, b))
    named = {r.initiator for r in reports if r.initiator is not None}
    if len(named) > 1:
        graph.add((node, KG.initiatorDisputed, Literal(True)))
    if len(named) == 1:
        graph.add((node, KG.initiator, next(iter(named))))
    # kg:called is symmetric: both directions, whoever placed the call (kg:initiator says who did).
    graph.add((a, shortcut, b))
    graph.add((b, shortcut, a))


def _add_agent(graph: TripleSink, node: URIRef, key: MergeKey, reports: list[Report]) -> None:
    """An event's agent, goal, addressee and danger, and the agent's shortcut (:mod:`kg.relations`)."""
    first = reports[0]
    spec = BY_NAME[first.relation]
    agent = URIRef(key[1])
    graph.add((node, KG.agent, agent))
    if first.topic is not None:
        graph.add((node, KG.topic, first.topic))
    if first.addressee is not None:
        graph.add((node, KG.addressee, first.addressee))
    targets: set[URIRef] = set()
    if spec.merge_role:
        target = getattr(first, spec.merge_role)
        targets = {target} if target is not None else set()
    elif spec.party_role:
        # A mediation offer: the parties any of its reports names (none: no shortcut).
        targets = {party for r in reports for party in r.parties}
        for party in targets:
            graph.add((node, KG[spec.party_role], party))
    if spec.shortcut is not None:
        for target in targets:
            graph.add((agent, KG[spec.shortcut], target))
    dangers = {r.warned_of for r in reports if r.warned_of is not None}
    if len(dangers) == 1:
        graph.add((node, KG.warnedOf, dangers.pop()))


def merged_triples(key: MergeKey, reports: Iterable[Report]) -> set[tuple[Node, Node, Node]] | None:
    """The triples of one key's named graph: its events and shortcuts; ``None`` when no report is left."""
    mine = [r for r in reports if r.key == key]
    if not mine:
        return None
    triples: set[tuple[Node, Node, Node]] = set()
    for group in cluster(mine):
        add_event(triples, key, group)
    return triples


def merged_graph(key: MergeKey, reports: Iterable[Report]) -> Graph | None:
    """The named graph of one key: its events and shortcuts; ``None`` when no report is left."""
    triples = merged_triples(key, reports)
    if triples is None:
        return None
    graph = Graph(identifier=merged_graph_iri(key))
    for triple in triples:
        graph.add(triple)
    return graph


__all__ = [
    "add_event",
    "cluster",
    "combined_confidence",
    "compatible",
    "event_iri",
    "merged_graph",
    "merged_triples",
]
