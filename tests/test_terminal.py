"""The CLI at a terminal: readable query tables, result formats, --version, actor keys, ambiguous
names, build progress by phase, early input checks, and kg train's missing folders."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from kg import api
from kg.actors import ActorRecord, Office
from kg.cli import app
from kg.knowledge import PERSON, STATE, Knowledge
from kg.model import Actor, ArticleResult, Evidence, Fact
from kg.persist import build_graph
from kg.read import Article
from kg.resources import sample_corpus_dir
from kg.store import save_graph

runner = CliRunner()

#: Two people named محمد, in two states, so that the name alone is ambiguous.
FIRST = Actor("person/test-mohammed-one", PERSON, "محمد الأول", "Mohammed One")
SECOND = Actor("person/test-mohammed-two", PERSON, "محمد الثاني", "Mohammed Two")
STATE_A = Actor("state/XA", STATE, "دولة أ", "State A")
RECORDS = {
    "state/XA": ActorRecord("state/XA", STATE, "State A", ("دولة أ",)),
    "state/XB": ActorRecord("state/XB", STATE, "State B", ("دولة ب",)),
    FIRST.key: ActorRecord(
        FIRST.key, PERSON, "Mohammed One", ("محمد الأول",), offices=(Office("president", state="XA"),)
    ),
    SECOND.key: ActorRecord(
        SECOND.key,
        PERSON,
        "Mohammed Two",
        ("محمد الثاني",),
        offices=(Office("foreign_minister", state="XB", start=date(2021, 3, 1)),),
    ),
}
LONG_SENTENCE = "اتصل محمد الأول هاتفيا بمحمد الثاني وبحثا معا سبل خفض التصعيد في المنطقة وتعزيز التعاون بين البلدين."


def _evidence(text: str, index: int) -> Evidence:
    return Evidence(sentence=text, index=index, start_char=0, end_char=len(text))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small graph: one call between the two Mohammeds with a long evidence sentence, one appeal."""
    article = Article("art-1", "…", published=date(2024, 5, 10))
    facts = [
        Fact("called", FIRST, _evidence(LONG_SENTENCE, 0), b=SECOND, initiator="a", date=date(2024, 5, 9)),
        Fact("urged", STATE_A, _evidence("ودعت دولة أ إلى وقف إطلاق النار.", 1), topic="Ceasefire"),
    ]
    result = ArticleResult(article, facts, {a.key: a for a in (FIRST, SECOND, STATE_A)}, date=article.published)
    graph = build_graph([result], Knowledge(actors=RECORDS, lexicon={"roles": {}}))
    path = tmp_path_factory.mktemp("terminal") / "graph.ttl"
    save_graph(graph, path)
    return path


# ---------------------------------------------------------------- kg query


def test_query_table_fits_80_columns_one_line_a_row_with_prefixed_names(graph_file: Path) -> None:
    result = runner.invoke(app, ["query", str(graph_file), "who_called_whom"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    assert all(cell_len(line) <= 80 for line in lines), lines
    # A header, a rule, and the one call on one line.
    assert len(lines) == 3, lines
    assert lines[0].split()[:2] == ["call", "caller"] and len(lines[0].split()) == 9
    row = lines[2]
    assert row.startswith("id:even") and "https://" not in row
    assert "…" in row, "the long evidence sentence is cut"
    assert "1 rows" in result.stderr


def test_query_table_shows_whole_cells_when_there_is_room(graph_file: Path) -> None:
    sparql = "SELECT ?a ?label WHERE { ?a a kg:Person ; rdfs:label ?label FILTER(lang(?label) = 'en') } ORDER BY ?a"
    sparql = "PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#> " + sparql
    sparql = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + sparql
    result = runner.invoke(app, ["query", str(graph_file), sparql], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    assert rows == [
        ["id:person/test-mohammed-one", "Mohammed", "One"],
        ["id:person/test-mohammed-two", "Mohammed", "Two"],
    ]


def test_query_formats_are_sparql_results(graph_file: Path) -> None:
    outputs = {
        fmt: runner.invoke(app, ["query", str(graph_file), "calls_per_pair", "--format", fmt]).stdout
        for fmt in ("csv", "tsv", "json")
    }
    rows = list(csv.reader(io.StringIO(outputs["csv"])))
    assert rows[0] == ["a", "aLabel", "b", "bLabel", "calls", "articleIds"]
    assert rows[1][0].startswith("https://w3id.org/") and rows[1][4] == "1"
    tsv = outputs["tsv"].splitlines()
    assert tsv[0].split("\t")[:2] == ["?a", "?aLabel"]
    assert tsv[1].startswith("<https://w3id.org/")
    data = json.loads(outputs["json"])
    assert data["head"]["vars"][0] == "a"
    assert data["results"]["bindings"][0]["calls"]["value"] == "1"


def test_query_output_file_limit_and_offset(graph_file: Path, tmp_path: Path) -> None:
    sparql = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    every = runner.invoke(app, ["query", str(graph_file), sparql, "--format", "csv"]).stdout.splitlines()[1:]
    out = tmp_path / "page.csv"
    result = runner.invoke(
        app, ["query", str(graph_file), sparql, "--format", "csv", "--offset", "3", "--limit", "4", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").splitlines() == ["s", *every[3:7]]
    page = runner.invoke(app, ["query", str(graph_file), sparql, "--format", "json", "--limit", "2"])
    assert len(json.loads(page.stdout)["results"]["bindings"]) == 2


def test_query_output_needs_a_results_format(graph_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(graph_file), "calls_per_pair", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2
    assert "--format csv|tsv|json" in result.output
    assert not (tmp_path / "x.csv").exists()


def test_query_ask_and_construct(graph_file: Path) -> None:
    ask = runner.invoke(app, ["query", str(graph_file), "ASK { ?s a ?o }"])
    assert ask.stdout == "true\n"
    ask_json = runner.invoke(app, ["query", str(graph_file), "ASK { ?s a ?o }", "--format", "json"])
    assert json.loads(ask_json.stdout) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?s a ?o } WHERE { ?s a ?o }"
    turtle = runner.invoke(app, ["query", str(graph_file), construct]).stdout
    assert "@prefix kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>" in turtle and "kg:PhoneCall" in turtle


def test_query_a_trig_file_reads_each_triple_once(graph_file: Path, tmp_path: Path) -> None:
    """A TriG file's union: triples in several named graphs (actor labels) count once."""
    trig = tmp_path / "graph.trig"
    assert isinstance(api.export(graph_file, "trig", trig), list)
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    counts = [runner.invoke(app, ["query", str(p), sparql, "--format", "csv"]).stdout for p in (graph_file, trig)]
    assert counts[0] == counts[1]


def test_query_a_broken_file_names_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    result = runner.invoke(app, ["query", str(broken), "ASK {}"])
    assert result.exit_code == 1
    assert "broken.ttl: not a valid turtle graph" in result.output


# ---------------------------------------------------------------- --version, actors, explain


def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"kg {version('arabic-diplomacy-kg')}\n"


def test_actors_shows_the_whole_key_at_80_columns() -> None:
    result = runner.invoke(app, ["actors", "بوتين"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "person/vladimir-putin " in result.stdout
    assert "kg explain" in result.stdout


def test_explain_an_ambiguous_name_lists_the_candidates(graph_file: Path) -> None:
    result = runner.invoke(app, ["explain", "محمد", "-g", str(graph_file)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "names 2 actors" in lines[0]
    assert lines[1].split()[0] == "person/test-mohammed-one" and "president XA" in lines[1].replace("state/", "")
    assert lines[2].split()[0] == "person/test-mohammed-two" and "2021-03-01–now" in lines[2]
    assert "PhoneCall" not in result.stdout


@pytest.mark.parametrize("target", ["محمد الثاني", "person/test-mohammed-two", "id:person/test-mohammed-two"])
def test_explain_a_unique_name_or_a_key_explains(graph_file: Path, target: str) -> None:
    result = runner.invoke(app, ["explain", target, "-g", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Person id:person/test-mohammed-two: Mohammed Two")
    assert "PhoneCall" in result.stdout


# ---------------------------------------------------------------- kg build


def test_build_reports_each_phase_after_extraction(tmp_path: Path) -> None:
    seen: list[str] = []
    out = tmp_path / "graph.nt"
    api.build([sample_corpus_dir() / "000_91f1fde46ed3b18c.txt"], out, on_phase=seen.append)
    assert seen == [
        "merging reports into events",
        "counting actors and events",
        "validating against the SHACL shapes",
        f"writing {out}",
    ]
    assert out.stat().st_size > 0


def test_a_store_build_reports_its_phases_after_the_writes(tmp_path: Path) -> None:
    seen: list[str] = []
    out = tmp_path / "graph.ttl"
    api.update_store([sample_corpus_dir() / "000_91f1fde46ed3b18c.txt"], tmp_path / "store", out, on_phase=seen.append)
    assert seen == [
        "compacting the store",
        "counting actors and events",
        "writing the store's summary",
        f"writing {out}",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-folder"], "missing-folder: no such file or folder"),
        (["nothing-*.txt"], "nothing-*.txt: no files match"),
    ],
)
def test_a_bad_input_fails_before_the_extractor_loads(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the extractor was loaded")

    monkeypatch.setattr("kg.workers.ExtractorSpec.create", refuse)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", *args, "-o", "g.ttl"])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {message}"
    assert not (tmp_path / "g.ttl").exists()


def test_an_unreadable_input_fails_before_the_extractor_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text("نص", encoding="utf-8")
    article.chmod(0)
    if os.geteuid() == 0:
        # Root (as in CI) reads every file: let access() answer for this file as for any other user.
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != article and real_access(path, mode))
    monkeypatch.setattr("kg.workers.ExtractorSpec.create", lambda *_: (_ for _ in ()).throw(AssertionError))
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "g.ttl")], env={"COLUMNS": "400"})
    # The command line's own check (a usage error, exit 2) names the file.
    assert result.exit_code == 2
    assert f"'{article}' is not readable" in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_a_bad_date_fails_before_the_extractor_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("kg.workers.ExtractorSpec.create", lambda *_: (_ for _ in ()).throw(AssertionError))
    result = runner.invoke(app, ["build", "--date", "2024-13-01", "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    assert "--date must be YYYY-MM-DD, not '2024-13-01'" in result.output
