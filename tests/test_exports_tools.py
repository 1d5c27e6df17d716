"""The exports for other tools: Gephi (GEXF, GraphML), JSON-LD, the actors CSV, Neo4j and GDELT 2.0."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from synthetic import EMPTY, ERDOGAN, PUTIN, article, call, ev
from typer.testing import CliRunner

from kg.cli import app
from kg.exports_tables import ACTOR_COLUMNS
from kg.gdelt import GDELT_COLUMNS, goldstein, quad_class
from kg.knowledge import PERSON, STATE
from kg.model import Actor, Fact
from kg.persist import GraphStore
from kg.store import load_graph

runner = CliRunner()
LAVROV = Actor("person/test-lavrov", PERSON, "سيرغي لافروف", "Sergey Lavrov", state="state/RU", role="foreign_minister")
EGYPT = Actor("state/EG", STATE, "مصر", "Egypt")
QATAR = Actor("state/QA", STATE, "قطر", "Qatar")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two calls by one caller to one callee (parallel edges), a merged call, thanks, a warning, an offer, appeals."""
    path = tmp_path_factory.mktemp("tools") / "store"
    first, second = date(2024, 4, 14), date(2024, 6, 2)
    sentence = ev("جملة كتبتها للاختبار.")
    results = [
        article(
            "t1",
            [call(initiator="a", day=first), call(LAVROV, EGYPT, day=first, index=1)],
            published=first,
            url="https://one.example/t1",
        ),
        article("t2", [call(initiator="a", day=first)], published=first, url="https://two.example/t2"),
        article("t3", [call(PUTIN, ERDOGAN, initiator="a", day=second)], published=second),
        article(
            "t4",
            [
                Fact("thanked", ERDOGAN, sentence, b=QATAR),
                Fact("warned", EGYPT, sentence, b=LAVROV, warned_of="التصعيد"),
                Fact("offeredMediation", QATAR, sentence),
                Fact("urged", EGYPT, sentence, topic="Ceasefire"),
                Fact("urged", LAVROV, sentence, topic="DiplomaticSolution", b=QATAR),
            ],
            published=second,
        ),
    ]
    with GraphStore.open(path) as opened:
        for result in results:
            opened.put(result, EMPTY)
    return path


def _export(store: Path, fmt: str, out: Path) -> None:
    result = runner.invoke(app, ["export", str(store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output


def _edges(network: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    return sorted((u, v, d["relation"], d.get("date", "")) for u, v, d in network.edges(data=True))


EXPECTED_EDGES = [
    ("person/test-erdogan", "state/QA", "thanked", "2024-06-02"),
    ("person/test-lavrov", "state/EG", "called", "2024-04-14"),
    ("person/test-putin", "person/test-erdogan", "called", "2024-04-14"),
    ("person/test-putin", "person/test-erdogan", "called", "2024-06-02"),
]


def test_gexf_is_a_directed_dynamic_multigraph_with_one_edge_per_event(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.gexf"
    _export(store, "gexf", out)
    network = nx.read_gexf(out)
    assert network.is_directed() and network.is_multigraph()
    assert _edges(network) == EXPECTED_EDGES
    merged = next(d for u, v, d in network.edges(data=True) if d["date"] == "2024-04-14" and v.endswith("erdogan"))
    assert merged["articles"] == 2 and merged["initiator"] == "known" and merged["confidence"] > 0.8
    assert merged["sources"] == "https://one.example/t1 https://two.example/t2"
    assert network.nodes["state/QA"]["offeredMediation"] == 1  # an offer with no addressee: on the node
    assert network.nodes["person/test-lavrov"]["label_ar"] == "سيرغي لافروف"


def test_gexf_has_the_structure_gephi_reads(store: Path, tmp_path: Path) -> None:
    """No GEXF XSD ships in any package we can install: a structural check of GEXF 1.2 with lxml."""
    etree = pytest.importorskip("lxml.etree")
    out = tmp_path / "net.gexf"
    _export(store, "gexf", out)
    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = etree.parse(str(out)).getroot()
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf" and root.get("version") == "1.2"
    graph = root.find("g:graph", ns)
    assert graph is not None
    assert (graph.get("defaultedgetype"), graph.get("mode"), graph.get("timeformat")) == ("directed", "dynamic", "date")
    nodes = {n.get("id") for n in graph.iterfind("g:nodes/g:node", ns)}
    declared = {a.get("id") for a in graph.iterfind("g:attributes/g:attribute", ns)}
    edges = graph.findall("g:edges/g:edge", ns)
    assert len(edges) == len(EXPECTED_EDGES) == len({e.get("id") for e in edges})
    for edge in edges:
        assert edge.get("source") in nodes and edge.get("target") in nodes
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", edge.get("start")) and edge.get("end") == edge.get("start")
    assert {v.get("for") for v in root.iter("{http://www.gexf.net/1.2draft}attvalue")} <= declared


def test_graphml_reads_back_as_a_directed_multigraph_with_dates(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    _export(store, "graphml", out)
    network = nx.read_graphml(out, force_multigraph=True)
    assert network.is_directed()
    assert _edges(network) == EXPECTED_EDGES
    assert all(isinstance(d["confidence"], float) and d["cameo"] for *_, d in network.edges(data=True))
    assert sorted(d["articles"] for *_, d in network.edges(data=True)) == [1, 1, 1, 2]


def test_jsonld_is_plain_json_and_round_trips_through_pyld(store: Path, tmp_path: Path) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    out = tmp_path / "graph.jsonld"
    _export(store, "jsonld", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    context = document["@context"]
    assert context["@vocab"].endswith("ontology#") and context["date"]["@type"] == "xsd:date"
    nodes = {n["id"]: n for n in document["@graph"]}
    lavrov = nodes["person/test-lavrov"]
    assert lavrov["type"] == "Person" and lavrov["label"] == {"ar": "سيرغي لافروف", "en": "Sergey Lavrov"}
    appeal = next(n for n in nodes.values() if n.get("type") == "Appeal" and n.get("agent") == "state/EG")
    assert appeal["topic"] == "Ceasefire" and appeal["sourceCount"] == 1 and appeal["confidence"] == "0.8"
    call_event = next(n for n in nodes.values() if n.get("type") == "PhoneCall" and n.get("sourceCount") == 2)
    assert call_event["date"] == "2024-04-14" and sorted(call_event["wasDerivedFrom"]) == ["article/t1", "article/t2"]
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=nquads, format="nt"), load_graph(store) | Graph())


def test_actors_csv_counts_each_relation(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "actors.csv"
    _export(store, "actors-csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert list(next(iter(rows.values()))) == list(ACTOR_COLUMNS)
    lavrov = rows["person/test-lavrov"]
    assert (lavrov["label_ar"], lavrov["label_en"], lavrov["type"]) == ("سيرغي لافروف", "Sergey Lavrov", "Person")
    assert (lavrov["acts_for"], lavrov["called"], lavrov["urged"], lavrov["warned"]) == ("state/RU", "1", "1", "0")
    assert rows["state/QA"]["acts_for"] == "state/QA" and rows["state/QA"]["offeredMediation"] == "1"
    assert rows["person/test-putin"]["called"] == "2" and rows["person/test-putin"]["events"] == "2"


def test_neo4j_files_have_import_headers_and_linked_ids(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "neo4j"
    _export(store, "neo4j", folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "actors.csv",
        "events.csv",
        "load.cypher",
        "relations.csv",
        "took_part.csv",
    ]

    def read(name: str) -> list[dict[str, str]]:
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    actors, events = read("actors.csv"), read("events.csv")
    assert next(iter(actors[0])) == "actorId:ID" and ":LABEL" in actors[0]
    assert {"date:date", "confidence:float", "articles:int", ":LABEL"} <= set(events[0])
    ids = {r["actorId:ID"] for r in actors} | {r["eventId:ID"] for r in events}
    for name in ("took_part.csv", "relations.csv"):
        rows = read(name)
        assert rows and list(rows[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rows)
    assert sorted(r[":TYPE"] for r in read("relations.csv")) == sorted(
        {"called": "CALLED", "thanked": "THANKED"}[e[2]] for e in EXPECTED_EDGES
    )
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", e["date:date"]) for e in events)
    cypher = (folder / "load.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///actors.csv'" in cypher and "MERGE (a)-[r:OFFERED_MEDIATION" in cypher


def test_neo4j_needs_a_folder(store: Path) -> None:
    result = runner.invoke(app, ["export", str(store), "--format", "neo4j"])
    assert result.exit_code == 1 and "-o FOLDER" in result.output


def test_gdelt_rows_have_61_typed_fields(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    _export(store, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert len(GDELT_COLUMNS) == 61 and len(rows) == 8
    assert [int(r["GlobalEventID"]) for r in rows] == list(range(1, 9))
    for row in rows:
        assert (
            re.fullmatch(r"20\d{6}", row["Day"])
            and row["MonthYear"] == row["Day"][:6]
            and row["Year"] == row["Day"][:4]
        )
        assert re.fullmatch(r"20\d\d\.\d{4}", row["FractionDate"]) and row["DATEADDED"] == row["Day"] + "000000"
        assert int(row["NumMentions"]) >= int(row["NumSources"]) >= 1 and row["IsRootEvent"] == "1"
        if row["EventCode"]:
            assert row["EventRootCode"] == row["EventCode"][:2] and row["QuadClass"] == "1"
            float(row["GoldsteinScale"])
    lavrov_call = next(r for r in rows if r["Actor1Name"] == "SERGEY LAVROV" and r["EventCode"] == "041")
    assert (lavrov_call["Actor1Code"], lavrov_call["Actor1CountryCode"], lavrov_call["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert (lavrov_call["Actor2Code"], lavrov_call["Actor2CountryCode"]) == ("EGY", "EGY")
    merged = next(r for r in rows if r["NumArticles"] == "2")
    assert merged["SOURCEURL"] == "https://one.example/t1" and merged["NumSources"] == "2"
    warning = next(r for r in rows if r["Actor1Code"] == "EGY" and not r["EventCode"])
    assert warning["QuadClass"] == warning["GoldsteinScale"] == ""


def test_goldstein_and_quad_class_come_from_the_shipped_table() -> None:
    assert goldstein("041") == 1.0 and goldstein("0256") == -0.3 and goldstein("051") == 3.4
    assert goldstein("0411") == 1.0  # an unlisted code falls back to its base code
    assert [quad_class(r) for r in ("04", "07", "12", "19")] == [1, 2, 3, 4]
