"""What a batch changes in one merge key's events, worked out around the reports that change.

Two reports of a key can be the same event only when their days — the date a report
gives, else its article's (:func:`kg.merge.compatible`) — are at most one apart, and
:func:`kg.merge.cluster` takes reports in the order of those days. A key's reports
therefore fall into *runs*, separated by gaps of more than a day, and the events of one
run do not depend on the reports of another. When a batch adds or takes away reports of
a key that is already stored, only the events of the runs those reports fall in can
change: :func:`key_change` recomputes those and returns the difference
(:class:`Delta`), so that the cost of a write does not grow with the reports a key has
gathered. Where the runs cannot be kept apart — an article with reports inside and
outside them (its events could share an IRI), or a triple not about an event to take
away (a shortcut another run may still give) — it returns the key's whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef
from rdflib.term import Node

from .merge import merged_triples
from .rdf import KG
from .reports import MergeKey, Report

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Delta:
    """The triples to take out of a stored named graph, and those to put in."""

    gone: frozenset[Triple]
    added: frozenset[Triple]


def day(report: Report) -> date:
    """The day :func:`kg.merge.cluster` orders a report by."""
    return report.date or report.article_date or date.max


def affected_runs(reports: Iterable[Report], changed: Iterable[Report]) -> set[date]:
    """The days of the runs of ``reports`` (days at most one apart, chained) that hold a ``changed`` report."""
    days = sorted({day(r) for r in reports})
    touched = {day(r) for r in changed}
    affected: set[date] = set()
    run: list[date] = []
    for current in days:
        if run and (current == date.max or run[-1] == date.max or (current - run[-1]).days > 1):
            if touched.intersection(run):
                affected.update(run)
            run = []
        run.append(current)
    if touched.intersection(run):
        affected.update(run)
    return affected


def key_change(
    key: MergeKey, stored: Sequence[Report], leaving: set[URIRef], new: Sequence[Report]
) -> set[Triple] | Delta | None:
    """The new graph of a key whose ``stored`` reports lose the ``leaving`` articles' and gain ``new``.

    A :class:`Delta` from the stored graph, or the whole graph (``None``: no report is left).
    """
    remaining = [r for r in stored if r.article not in leaving] + list(new)
    if not stored or not remaining:
        return merged_triples(key, remaining)
    changed = [r for r in stored if r.article in leaving] + list(new)
    runs = affected_runs([*stored, *new], changed)
    inside = {r.article for r in (*stored, *new) if day(r) in runs}
    if any(r.article in inside for r in stored if day(r) not in runs):
        return merged_triples(key, remaining)
    before = merged_triples(key, [r for r in stored if day(r) in runs]) or set()
    after = merged_triples(key, [r for r in remaining if day(r) in runs]) or set()
    gone = before - after
    events = {s for s, p, _ in before if p == KG.hasReport}
    if any(s not in events for s, _, _ in gone):
        return merged_triples(key, remaining)
    return Delta(frozenset(gone), frozenset(after - before))


__all__ = ["Delta", "affected_runs", "day", "key_change"]
