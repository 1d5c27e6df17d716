"""A key's events recomputed around the changed reports give the graph recomputed in full."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from decimal import Decimal

import pytest
from rdflib import URIRef

from kg.dates import FALLBACK
from kg.event_delta import Delta, Triple, affected_runs, key_change
from kg.merge import merged_triples
from kg.reports import Report

ID = "https://example.org/id/"
FIRST = dt.date(2024, 3, 1)


def report(article: int, number: int, chance: random.Random, relation: str = "called", span: int = 12) -> Report:
    """A report of ``article`` with a date, an article date, both or neither (sometimes a fallback)."""
    article_day = FIRST + dt.timedelta(days=chance.randrange(span)) if chance.random() < 0.85 else None
    told = article_day is not None and chance.random() < 0.6
    day = article_day + dt.timedelta(days=chance.choice((-1, 0, 0, 1))) if told and article_day else None
    source = FALLBACK if day is not None and chance.random() < 0.05 else ("stated" if day else None)
    return Report(
        iri=URIRef(f"{ID}report/{article}-{number}"),
        relation=relation,
        article=URIRef(f"{ID}article/{article}"),
        article_id=f"a{article:03d}",
        confidence=Decimal(chance.choice(("0.6", "0.8", "0.9"))),
        evidence=(URIRef(f"{ID}evidence/{article}-{number}"),),
        participants=(URIRef(ID + "x"), URIRef(ID + "y")) if relation == "called" else (),
        agent=None if relation == "called" else URIRef(ID + "x"),
        parties=(URIRef(ID + chance.choice("pq")),) if relation == "offeredMediation" else (),
        initiator=URIRef(ID + chance.choice("xy")) if chance.random() < 0.3 else None,
        date=day,
        date_source=source,
        article_date=article_day,
        source=f"outlet{chance.randrange(3)}",
    )


def applied(stored: set[Triple], change: set[Triple] | Delta | None) -> set[Triple]:
    if isinstance(change, Delta):
        assert change.gone <= stored  # only what the stored graph holds is taken out
        return (stored - change.gone) | change.added
    return set(change or ())


def test_runs_are_days_chained_at_most_one_apart() -> None:
    chance = random.Random(1)
    reports = [report(n, 0, chance) for n in range(30)]
    runs = affected_runs(reports, reports[:1])
    days = sorted({r.date or r.article_date or dt.date.max for r in reports})
    assert runs <= set(days) and (reports[0].date or reports[0].article_date or dt.date.max) in runs
    inside = sorted(runs)
    assert all((b - a).days <= 1 for a, b in itertools.pairwise(inside) if b != dt.date.max)


@pytest.mark.parametrize("span", [12, 400])
@pytest.mark.parametrize("relation", ["called", "offeredMediation"])
def test_a_delta_applied_to_the_stored_graph_gives_the_whole_recomputed_graph(relation: str, span: int) -> None:
    """Reports come and go (articles replaced or removed); dates over ``span`` days (few days: one long run)."""
    chance = random.Random(f"{relation}{span}")
    key = report(0, 0, chance, relation).key
    stored: list[Report] = []
    graph: set[Triple] = set()
    deltas = 0
    for step in range(120):
        leaving = {r.article for r in chance.sample(stored, min(len(stored), chance.choice((0, 0, 0, 1, 2))))}
        article = 100 + step
        new = [report(article, n, chance, relation, span) for n in range(chance.choice((1, 1, 2)))]
        change = key_change(key, stored, leaving, new)
        deltas += isinstance(change, Delta)
        stored = [r for r in stored if r.article not in leaving] + new
        graph = applied(graph, change)
        assert graph == (merged_triples(key, stored) or set()), (relation, step)
    assert deltas > (60 if span > 100 else 10)  # most changes are local when the days spread
