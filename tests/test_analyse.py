"""Network analysis on a small graph built in the test (exact figures) and on the samples."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.analyse import (
    TOPIC_KIND,
    actor_network,
    betweenness_centrality,
    graph_statistics,
    read_events,
    simple_network,
)
from kg.build import build
from kg.cli import app
from kg.extract import Extractor
from kg.knowledge import ORGANIZATION, PERSON, STATE, Knowledge
from kg.model import Actor, ArticleResult, Evidence, Fact
from kg.persist import build_graph
from kg.rdf import ID, KG
from kg.read import Article
from kg.store import save_graph

runner = CliRunner()

PUTIN = Actor("person/test-putin", PERSON, "فلاديمير بوتين", "Vladimir Putin")
RAISI = Actor("person/test-raisi", PERSON, "إبراهيم رئيسي")  # no English label
RUSSIA = Actor("state/XR", STATE, "روسيا", "Russia")
UN = Actor("org/test-un", ORGANIZATION, "الأمم المتحدة", "United Nations")
EGYPT = Actor("state/XE", STATE, "مصر", "Egypt")

SENTENCES = {
    "call1": "اتصل الرئيس الروسي فلاديمير بوتين هاتفيا بنظيره الإيراني إبراهيم رئيسي.",
    "urge1": "ودعا بوتين إلى خفض التصعيد في المنطقة.",
    "urge2": "وطالب رئيسي بوقف فوري لإطلاق النار.",
    "thanks": "وشكر رئيسي روسيا على موقفها.",
    "call2": "وجرى اتصال هاتفي بين بوتين ورئيسي.",
    "call3": "وتلقى بوتين اتصالا هاتفيا من الأمين العام للأمم المتحدة.",
    "urge3": "وجدد بوتين دعوته إلى خفض التصعيد.",
    "urge4": "ودعت روسيا إلى حل دبلوماسي للأزمة.",
    "mediation": "وأكدت مصر استعدادها للوساطة بين الطرفين.",
    "warning": "وحذرت الأمم المتحدة من حرب إقليمية.",
}


def _evidence(name: str, index: int) -> Evidence:
    text = SENTENCES[name]
    return Evidence(sentence=text, index=index, start_char=0, end_char=len(text))


def small_results() -> list[ArticleResult]:
    """Two articles, ten facts: every relation, calls with and without a known caller."""
    one = Article(identifier="art-1", text="…", published=date(2024, 4, 15))
    two = Article(identifier="art-2", text="…")
    facts_one = [
        Fact("called", PUTIN, _evidence("call1", 0), b=RAISI, initiator="a", date=date(2024, 4, 14)),
        Fact("urged", PUTIN, _evidence("urge1", 1), topic="DeEscalation"),
        Fact("urged", RAISI, _evidence("urge2", 2), topic="Ceasefire"),
        Fact("thanked", RAISI, _evidence("thanks", 3), b=RUSSIA),
    ]
    facts_two = [
        Fact("called", PUTIN, _evidence("call2", 0), b=RAISI),
        Fact("called", PUTIN, _evidence("call3", 1), b=UN, initiator="b"),
        Fact("urged", PUTIN, _evidence("urge3", 2), topic="DeEscalation"),
        Fact("urged", RUSSIA, _evidence("urge4", 3), topic="DiplomaticSolution"),
        Fact("offeredMediation", EGYPT, _evidence("mediation", 4)),
        Fact("warned", UN, _evidence("warning", 5), warned_of="حرب إقليمية"),
    ]
    actors_one = {a.key: a for a in (PUTIN, RAISI, RUSSIA)}
    actors_two = {a.key: a for a in (PUTIN, RAISI, RUSSIA, UN, EGYPT)}
    return [ArticleResult(one, facts_one, actors_one), ArticleResult(two, facts_two, actors_two)]


def iri(actor: Actor) -> str:
    return str(ID[actor.key])


@pytest.fixture(scope="module")
def small_graph() -> Graph:
    return build_graph(small_results(), Knowledge(actors={}, lexicon={"roles": {}}))


def test_counts_are_exact(small_graph: Graph) -> None:
    counts = graph_statistics(small_graph)["counts"]
    assert counts == {
        "articles": 2,
        "triples": len(small_graph),
        "actors_Person": 2,
        "actors_State": 2,
        "actors_Organization": 1,
        "events_PhoneCall": 3,
        "events_Appeal": 4,
        "events_MediationOffer": 1,
        "events_Thanks": 1,
        "events_Warning": 1,
        "events": 10,
    }


def test_calls_per_pair_counts_call_events_per_unordered_pair(small_graph: Graph) -> None:
    pairs = graph_statistics(small_graph)["calls_per_pair"]
    assert [(p["label"], p["count"]) for p in pairs] == [
        ("Vladimir Putin — إبراهيم رئيسي", 2),  # English label, else Arabic
        ("United Nations — Vladimir Putin", 1),
    ]
    first = pairs[0]
    assert (first["a"], first["b"]) == (iri(PUTIN), iri(RAISI))
    assert (first["initiated_by_a"], first["initiated_by_b"]) == (1, 0)  # one call Putin placed, one unknown
    assert first["articles"] == ["art-1", "art-2"]
    assert (pairs[1]["initiated_by_a"], pairs[1]["initiated_by_b"]) == (1, 0)  # the UN called Putin


def test_top_urgers_and_their_goals(small_graph: Graph) -> None:
    stats = graph_statistics(small_graph)
    urgers = stats["top_urgers"]
    assert [(u["label"], u["count"]) for u in urgers] == [("Vladimir Putin", 2), ("Russia", 1), ("إبراهيم رئيسي", 1)]
    assert urgers[0]["topics"] == {"De-escalation": 2}  # goal labels come from the ontology
    assert [(t["label"], t["count"]) for t in stats["topics"]] == [
        ("De-escalation", 2),
        ("Ceasefire", 1),
        ("Diplomatic solution", 1),
    ]
    assert stats["topics"][0]["label_ar"] == "خفض التصعيد"


def test_most_connected_ranks_by_distinct_partners(small_graph: Graph) -> None:
    connected = graph_statistics(small_graph)["most_connected"]
    assert [(c["label"], c["count"]) for c in connected] == [
        ("Vladimir Putin", 2),
        ("إبراهيم رئيسي", 2),
        ("Russia", 1),
        ("United Nations", 1),
    ]  # Egypt only offered mediation: connected to nobody, not listed
    putin, raisi, russia, _ = connected
    assert (putin["weighted_degree"], putin["events"]) == (3, 5)
    assert (raisi["weighted_degree"], raisi["events"]) == (3, 4)
    # UN — Putin — Raisi — Russia is a path: the two in the middle carry all the betweenness.
    assert putin["betweenness"] == raisi["betweenness"] > 0
    assert russia["betweenness"] == 0


def test_top_limits_every_list(small_graph: Graph) -> None:
    stats = graph_statistics(small_graph, top=1)
    assert [len(stats[k]) for k in ("most_connected", "calls_per_pair", "top_urgers", "topics")] == [1, 1, 1, 1]
    assert graph_statistics(small_graph, top=0)["most_connected"] == []


def test_statistics_are_json_serialisable_with_label_and_count(small_graph: Graph) -> None:
    stats = graph_statistics(small_graph)
    assert json.loads(json.dumps(stats, ensure_ascii=False)) == stats
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in stats["counts"].items())
    for key in ("most_connected", "calls_per_pair", "top_urgers"):
        for item in stats[key]:
            assert isinstance(item["label"], str) and isinstance(item["count"], int)


def test_actor_network_has_one_edge_per_event(small_graph: Graph) -> None:
    network = actor_network(small_graph)
    assert network.number_of_edges() == 8  # 3 calls, 4 appeals, 1 thanks; mediation and warning have no counterpart
    putin = network.nodes[iri(PUTIN)]
    assert (putin["label_en"], putin["label_ar"], putin["kind"]) == ("Vladimir Putin", "فلاديمير بوتين", "Person")
    assert network.nodes[iri(RAISI)]["label_en"] is None
    assert network.nodes[str(KG.DeEscalation)]["kind"] == TOPIC_KIND

    calls = [(s, t, d) for s, t, d in network.edges(data=True) if d["relation"] == "called"]
    placed = next(d for s, t, d in calls if d["articles"] == ["art-1"])
    assert placed["directed"] is True
    assert placed["evidence"] == [SENTENCES["call1"]]
    assert placed["date"] == "2024-04-14"  # the call's own date
    unknown = next((s, t, d) for s, t, d in calls if d["articles"] == ["art-2"] and not d["directed"])
    assert unknown[2]["date"] is None  # no call date, no publication date
    from_un = next((s, t) for s, t, d in calls if d["directed"] and d["articles"] == ["art-2"])
    assert from_un == (iri(UN), iri(PUTIN))

    appeal = next(d for s, t, d in network.edges(data=True) if d["relation"] == "urged" and s == iri(RAISI))
    assert appeal["date"] == "2024-04-15"  # falls back to the article's publication date
    assert appeal["topic"] == str(KG.Ceasefire)

    solo = network.nodes[iri(EGYPT)]["solo_events"]
    assert [(e["relation"], e["evidence"]) for e in solo] == [("offeredMediation", [SENTENCES["mediation"]])]
    warning = network.nodes[iri(UN)]["solo_events"][0]
    assert (warning["relation"], warning["warned_of"]) == ("warned", "حرب إقليمية")


def test_simple_network_is_weighted_actor_to_actor(small_graph: Graph) -> None:
    simple = simple_network(small_graph)
    assert str(KG.DeEscalation) not in simple  # goals are left out
    assert set(simple.nodes) == {iri(a) for a in (PUTIN, RAISI, RUSSIA, UN, EGYPT)}
    assert simple.edges[iri(PUTIN), iri(RAISI)]["weight"] == 2
    assert simple.edges[iri(RAISI), iri(RUSSIA)]["relations"] == {"thanked": 1}
    assert simple.number_of_edges() == 3


def test_read_events_sorts_evidence_and_articles(small_graph: Graph) -> None:
    events = read_events(small_graph)
    assert len(events) == 10
    thanks = next(e for e in events if e.relation == "thanked")
    assert (thanks.agent, thanks.addressee, thanks.articles) == (iri(RAISI), iri(RUSSIA), ["art-1"])


def test_empty_graph_gives_zero_counts_and_empty_lists() -> None:
    stats = graph_statistics(Graph())
    assert stats["counts"]["articles"] == 0 and stats["counts"]["events"] == 0
    assert stats["most_connected"] == stats["calls_per_pair"] == stats["top_urgers"] == []


def test_cli_stats_json(small_graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "small.ttl"
    save_graph(small_graph, path)
    result = runner.invoke(app, ["stats", str(path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["counts"]["events_PhoneCall"] == 3
    assert summary["calls_per_pair"][0]["label"] == "Vladimir Putin — إبراهيم رئيسي"


def test_cli_stats_tables(small_graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "small.ttl"
    save_graph(small_graph, path)
    result = runner.invoke(app, ["stats", str(path), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "Who urges most" in result.stdout and "Vladimir Putin" in result.stdout


def test_statistics_of_the_sample_corpus_are_consistent(extractor: Extractor) -> None:
    graph, _ = build(extractor=extractor)
    stats = graph_statistics(graph, top=1000)
    counts = stats["counts"]
    assert counts["articles"] >= 1 and counts["triples"] == len(graph)
    assert counts["events_PhoneCall"] > 0 and stats["calls_per_pair"]
    assert all(0 < p["count"] <= counts["events_PhoneCall"] for p in stats["calls_per_pair"])
    assert sum(u["count"] for u in stats["top_urgers"]) == counts["events_Appeal"]
    json.dumps(stats, ensure_ascii=False)


def _same_betweenness(simple: nx.Graph) -> None:
    """rustworkx's betweenness equals networkx's, node by node (networkx is the reference)."""
    expected = nx.betweenness_centrality(simple)
    found = betweenness_centrality(simple)
    assert found.keys() == expected.keys()
    assert all(found[node] == pytest.approx(expected[node], abs=1e-12) for node in expected)


def test_betweenness_is_networkx_s_on_the_samples(extractor: Extractor) -> None:
    graph, _ = build(extractor=extractor)
    simple = simple_network(graph)
    assert simple.number_of_nodes() > 10
    _same_betweenness(simple)
    assert any(value > 0 for value in betweenness_centrality(simple).values())


@pytest.mark.parametrize(("nodes", "edges"), [(0, 0), (1, 0), (2, 1), (3, 2), (400, 300), (400, 1500)])
def test_betweenness_is_networkx_s_on_made_up_graphs(nodes: int, edges: int) -> None:
    rnd = random.Random(nodes * 7 + edges)
    simple = nx.Graph()
    simple.add_nodes_from(f"n{i}" for i in range(nodes))
    for _ in range(edges):  # self-loops and several components included
        simple.add_edge(f"n{rnd.randrange(nodes)}", f"n{rnd.randrange(nodes)}", weight=rnd.randint(1, 5))
    _same_betweenness(simple)
