"""Every export re-imports (rdflib, networkx, csv) with the same counts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from synthetic import EMPTY, PUTIN, RAISI, article, call
from typer.testing import CliRunner

from kg.cli import app
from kg.event_records import ActorRecord, EventRecord, EventTable, Source
from kg.exports import CSV_COLUMNS, context_path, events_csv
from kg.exports_network import event_network
from kg.facts import iter_facts
from kg.formats import event_table, export_to
from kg.model import Fact
from kg.persist import GraphStore
from kg.rdf import KG
from kg.store import load_graph, prefixes

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with a merged call (two sources), a disputed one, an appeal and thanks."""
    path = tmp_path_factory.mktemp("exports") / "store"
    day = date(2024, 4, 14)
    results = [
        article(
            "a1",
            [call(initiator="a", day=day), call(PUTIN, RAISI, initiator="a", day=day, index=1)],
            published=day,
            url="https://one.example/1",
        ),
        article(
            "a2",
            [call(day=day), call(PUTIN, RAISI, initiator="b", day=day, index=1)],
            published=day,
            url="https://two.example/2",
        ),
        article(
            "a3",
            [
                Fact("urged", RAISI, call().evidence, topic="Ceasefire"),
                Fact("thanked", RAISI, call().evidence, b=PUTIN),
            ],
            published=date(2024, 5, 1),
        ),
    ]
    with GraphStore.open(path) as opened:
        for result in results:
            opened.put(result, EMPTY)
    return path


def _count(graph: Graph, cls: object) -> int:
    return len(set(graph.subjects(RDF.type, cls)))  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "parse_as"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_exports_reimport_as_the_same_graph(store: Path, tmp_path: Path, fmt: str, parse_as: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", str(store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert isomorphic(Graph().parse(out, format=parse_as), load_graph(store) | Graph())


def test_jsonld_comes_with_its_context_file(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    written = export_to(store, "jsonld", out)
    context = context_path(out)
    assert written == [out, context]
    assert json.loads(context.read_text(encoding="utf-8"))["@context"]["kg"] == str(KG)
    assert "@context" in json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("fmt", "suffix"), [("trig", "trig"), ("nquads", "nq")])
def test_dataset_exports_keep_the_named_graphs(store: Path, tmp_path: Path, fmt: str, suffix: str) -> None:
    out = tmp_path / f"out.{suffix}"
    result = runner.invoke(app, ["export", str(store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format=fmt)
    reread = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None)) if g is not None}
    with GraphStore.open(store, read_only=True) as opened:
        original = set(opened.quads())
        assert {str(g) for *_, g in reread} == {str(g) for g in opened.graph_names()}
    assert len(reread) == len(original)
    # and the file loads back as the same union graph
    assert isomorphic(load_graph(out) | Graph(), load_graph(store) | Graph())


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_exports_reimport_with_networkx(store: Path, tmp_path: Path, fmt: str, reader: object) -> None:
    out = tmp_path / f"net.{fmt}"
    result = runner.invoke(app, ["export", str(store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    network = reader(out)  # type: ignore[operator]
    expected = event_network(event_table(store))
    assert network.number_of_nodes() == expected.number_of_nodes() > 0
    assert network.number_of_edges() == expected.number_of_edges() > 0
    relations = sorted(str(d["relation"]) for *_, d in network.edges(data=True))
    assert relations == sorted(str(d["relation"]) for *_, d in expected.edges(data=True))
    labels = {str(d.get("label")) for _, d in network.nodes(data=True)}
    assert "Vladimir Putin" in labels


def test_csv_event_table_is_shaped_like_gdelt(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", str(store), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    graph = load_graph(store)
    events = sum(_count(graph, KG[c]) for c in ("PhoneCall", "Appeal", "MediationOffer", "Thanks", "Warning"))
    reports = _count(graph, KG.EventReport)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == events
    assert sum(int(r["NumArticles"]) for r in rows) == reports
    merged = [r for r in rows if r["NumArticles"] == "2"]
    assert len(merged) == 2
    assert all(r["EventCode"] == "041" and r["SQLDATE"] == "20240414" and r["NumSources"] == "2" for r in merged)
    assert {r["SourceIds"] for r in merged} == {"a1 a2"}
    assert {r["InitiatorDisputed"] for r in merged} == {"0", "1"}
    appeal = next(r for r in rows if r["EventType"] == "Appeal")
    assert appeal["Topic"] == "Ceasefire" and appeal["EventCode"] == "0256" and appeal["SQLDATE"] == "20240501"


def test_csv_event_table_quotes_cells_that_would_start_a_formula() -> None:
    """Article ids, URLs and actor names come from the user's data: a spreadsheet must not run them."""
    people = "https://w3id.org/arabic-diplomacy-kg/id/person/"
    actors = {
        f"{people}a": ActorRecord(f"{people}a", "Person", en="=HYPERLINK(1)"),
        f"{people}b": ActorRecord(f"{people}b", "Person", en="Raisi"),
    }

    def event(number: int, sources: list[Source]) -> EventRecord:
        iri = f"https://w3id.org/arabic-diplomacy-kg/id/event/{number}"
        args = ("called", "PhoneCall", f"{people}a", f"{people}b", "known", "", "2024-04-14", "041", 0.9)
        return EventRecord(iri, *args, sources, len(sources))

    one = [Source("-cmd", "", "", "2024-04-14")]
    two = [Source("@a", "=1+1", "x", ""), Source("b", "https://example.org/=", "y", "")]
    text = events_csv(EventTable([event(1, one), event(2, two)], actors))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["SourceIds"] for r in rows] == ["'-cmd", "'@a b"]
    assert [r["SOURCEURL"] for r in rows] == ["", "'=1+1"]
    assert rows[1]["SourceURLs"] == "'=1+1 https://example.org/="
    assert {r["Actor1Name"] for r in rows} == {"'=HYPERLINK(1)"} and {r["Actor2Name"] for r in rows} == {"Raisi"}
    assert [r["Confidence"] for r in rows] == ["0.9", "0.9"] and [r["NumSources"] for r in rows] == ["1", "2"]


def test_facts_export_has_one_line_per_article_and_event(store: Path) -> None:
    result = runner.invoke(app, ["export", str(store), "--format", "facts"])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(facts) == _count(load_graph(store), KG.EventReport)
    assert sorted({f["article"] for f in facts}) == ["a1", "a2", "a3"]


def test_facts_are_the_same_from_the_store_its_file_and_rdflib(store: Path, tmp_path: Path) -> None:
    from_store, from_file = tmp_path / "store.jsonl", tmp_path / "file.jsonl"
    export_to(store, "facts", from_store)
    export_to(store, "nquads", tmp_path / "graph.nq")
    export_to(tmp_path / "graph.nq", "facts", from_file)
    assert from_store.read_text(encoding="utf-8") == from_file.read_text(encoding="utf-8")
    # the rows read by Oxigraph as strings are the rows read through rdflib (one evidence sentence each here)
    rows = [json.loads(line) for line in from_store.read_text(encoding="utf-8").splitlines()]
    key = json.dumps
    assert sorted(map(key, rows)) == sorted(map(key, iter_facts(load_graph(tmp_path / "graph.nq"))))


def test_trig_from_a_store_has_the_lines_of_oxigraphs_trig_writer(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.trig"
    export_to(store, "trig", out)
    with GraphStore.open(store, read_only=True) as opened:
        inner = opened.oxigraph()
        named = [q for q in inner.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)]
        expected = ox.serialize(named, format=ox.RdfFormat.TRIG, prefixes=prefixes()) or b""
    assert sorted(out.read_bytes().splitlines()) == sorted(expected.splitlines())


def test_unknown_format_is_a_clear_error(store: Path) -> None:
    result = runner.invoke(app, ["export", str(store), "--format", "xls"])
    assert result.exit_code == 1
    assert "unknown export format" in result.output and "graphml" in result.output


def test_build_writes_named_graphs_to_trig(tmp_path: Path) -> None:
    out = tmp_path / "graph.trig"
    result = runner.invoke(app, ["build", "-o", str(out)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="trig")
    names = {str(g) for *_, g in dataset.quads((None, None, None, None)) if g is not None}
    assert any("/graph/article/" in n for n in names) and any("/graph/event/" in n for n in names)
