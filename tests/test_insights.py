"""kg.insights (``api.overview``): calls per pair and period, actor × goal, centrality, undated events."""

from __future__ import annotations

from datetime import date

from synthetic import ERDOGAN, PUTIN, RAISI, article, call, ev, graph_of

from kg import api
from kg.insights import parse_day
from kg.model import Actor, Fact


def test_calls_are_counted_per_pair_and_day_and_undated_ones_apart() -> None:
    graph = graph_of(
        article("a1", [call(PUTIN, ERDOGAN, day=date(2024, 3, 1))], date(2024, 3, 1)),
        article("a2", [call(PUTIN, ERDOGAN, day=date(2024, 3, 9)), call(PUTIN, RAISI)], date(2024, 3, 9)),
        article("a3", [call(ERDOGAN, PUTIN)]),
    )
    view = api.overview(graph)
    assert view.period == "day" and view.undated == 1
    first, second = view.dyads
    assert {view.labels[first.a], view.labels[first.b]} == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    assert first.per_period == {date(2024, 3, 1): 1, date(2024, 3, 9): 1} and first.undated == 1 and first.total == 3
    assert view.labels[second.b] == "إبراهيم رئيسي" and second.per_period == {date(2024, 3, 9): 1}
    putin = view.centrality[0]  # Putin links the others
    assert view.labels[putin.iri] == "Vladimir Putin" and putin.betweenness == 1.0 and putin.partners == 2
    assert putin.events == 4 and [c.betweenness for c in view.centrality[1:]] == [0.0, 0.0]


def test_dates_over_a_quarter_apart_are_counted_per_month() -> None:
    graph = graph_of(
        article("a1", [call(PUTIN, ERDOGAN, day=date(2024, 1, 5))], date(2024, 1, 5)),
        article("a2", [call(PUTIN, ERDOGAN, day=date(2024, 1, 25))], date(2024, 1, 25)),
        article("a3", [call(PUTIN, ERDOGAN, day=date(2024, 6, 2))], date(2024, 6, 2)),
    )
    view = api.overview(graph)
    assert view.period == "month"
    assert view.dyads[0].per_period == {date(2024, 1, 1): 2, date(2024, 6, 1): 1}


def test_actor_goal_counts_appeals_most_urged_goal_first() -> None:
    def urged(actor: Actor, topic: str, identifier: str) -> Fact:
        return Fact("urged", actor, ev(f"دعا إلى التهدئة {identifier}."), topic=topic)

    graph = graph_of(
        article("a1", [urged(PUTIN, "Ceasefire", "1"), urged(ERDOGAN, "Ceasefire", "1")], date(2024, 3, 1)),
        article("a2", [urged(PUTIN, "Restraint", "2")], date(2024, 3, 2)),
    )
    view = api.overview(graph, top=1)
    assert [view.labels[g] for g in view.goals] == ["Ceasefire", "Restraint"]
    assert {view.labels[a]: {view.labels[g]: n for g, n in c.items()} for a, c in view.actor_goal.items()} == {
        "Vladimir Putin": {"Ceasefire": 1, "Restraint": 1}
    }
    assert view.dyads == [] and view.centrality == []


def test_parse_day_reads_dates_and_date_times_and_refuses_the_rest() -> None:
    assert parse_day("2024-03-01") == date(2024, 3, 1)
    assert parse_day("2024-03-01T10:00:00") == date(2024, 3, 1)
    assert parse_day("March") is None and parse_day(None) is None
