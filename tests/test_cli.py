"""The CLI end to end on the embedded sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "graph.ttl"
    result = runner.invoke(app, ["build", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "5" in result.output
    return out


def test_build_writes_valid_turtle_that_round_trips(sample_graph: Path, tmp_path: Path) -> None:
    graph = Graph().parse(sample_graph, format="turtle")
    assert len(graph) > 100
    again = tmp_path / "again.ttl"
    graph.serialize(again, format="turtle")
    assert isomorphic(graph, Graph().parse(again, format="turtle"))


def test_validate_passes_on_built_graph(sample_graph: Path) -> None:
    result = runner.invoke(app, ["validate", str(sample_graph)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_validate_fails_on_a_broken_graph(sample_graph: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    text = sample_graph.read_text(encoding="utf-8")
    # Drop every participant of every call: calls then have no participants.
    broken.write_text(text.replace("kg:participant", "kg:notAParticipant"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "two participants" in result.output


def test_export_facts_is_jsonl_in_the_guideline_format(sample_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["export", str(sample_graph), "--format", "facts", "-o", str(out)])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert facts
    relations = {f["rel"] for f in facts}
    assert {"called", "urged"} <= relations
    for fact in facts:
        assert fact["article"].startswith("00")
        assert fact["a"].get("ar")
        if fact["rel"] == "called":
            assert fact["initiator"] in {"a", "b", None}
            assert fact["b"].get("ar")
        if fact["rel"] == "urged":
            assert fact["topic"] in {"DeEscalation", "Restraint", "Ceasefire", "DiplomaticSolution", "HumanitarianAid"}
        assert fact["evidence"]


@pytest.mark.parametrize(("fmt", "parse_as"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_exports_reimport_with_same_triples(sample_graph: Path, tmp_path: Path, fmt: str, parse_as: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", str(sample_graph), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    original = Graph().parse(sample_graph, format="turtle")
    assert isomorphic(original, Graph().parse(out, format=parse_as))


def test_query_runs_sparql_text_and_csv(sample_graph: Path) -> None:
    sparql = (
        "PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#> "
        "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:PhoneCall }"
    )
    result = runner.invoke(app, ["query", str(sample_graph), sparql, "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "n" and int(lines[1]) >= 1


def _call_ids(result: object) -> list[str]:
    stdout = getattr(result, "stdout")  # noqa: B009 - CliRunner's Result
    return [line.split(",", 1)[0] for line in stdout.strip().splitlines()[1:]]


def test_a_listing_query_is_paged_by_events_and_says_how_to_get_the_next_page(sample_graph: Path) -> None:
    every = runner.invoke(app, ["query", str(sample_graph), "who_called_whom", "--all", "--format", "csv"])
    assert every.exit_code == 0, every.output
    calls = _call_ids(every)
    assert len(calls) >= 4 and "one page" not in every.stderr
    first = runner.invoke(app, ["query", str(sample_graph), "who_called_whom", "--limit", "2", "-f", "csv"])
    second = runner.invoke(
        app, ["query", str(sample_graph), "who_called_whom", "--limit", "2", "--offset", "2", "-f", "csv"]
    )
    assert len(_call_ids(first)) == len(_call_ids(second)) == 2
    assert set(_call_ids(first)).isdisjoint(_call_ids(second))
    assert set(_call_ids(first) + _call_ids(second)) <= set(calls)
    assert "--offset 2 for the next" in first.stderr and "--offset 4 for the next" in second.stderr
    last = runner.invoke(
        app, ["query", str(sample_graph), "who_called_whom", "--limit", "2", "--offset", str(len(calls) - 1)]
    )
    assert last.exit_code == 0 and "one page" not in last.stderr, "no note past the last event"


def test_invalid_sparql_is_a_clear_error(sample_graph: Path) -> None:
    result = runner.invoke(app, ["query", str(sample_graph), "SELEKT nothing"])
    assert result.exit_code == 1
    assert "invalid SPARQL query" in result.output
    assert "Traceback" not in result.output


def test_missing_graph_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert "none.ttl: no such graph file" in result.output


def test_build_with_no_readable_article_fails_without_writing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.output
    assert not out.exists()


def test_build_names_the_articles_the_date_fallback_dated(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    call = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.\n"
    (corpus / "undated.txt").write_text(call, encoding="utf-8")
    (corpus / "dated.txt").write_text(call, encoding="utf-8")
    (corpus / "dated.meta.json").write_text(json.dumps({"published": "2024-04-14"}), encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--date", "2024-04-15", "--no-validate"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "--date 2024-04-15 dated 1 article" in line]
    assert lines and lines[0].rstrip().endswith(": undated")
    graph = Graph().parse(out)
    sources = {str(o) for o in graph.objects(None, URIRef("https://w3id.org/arabic-diplomacy-kg/ontology#dateSource"))}
    assert sources == {"article", "fallback"}


def test_failed_write_leaves_previous_output_intact(sample_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(tmp_path / "missing.ttl"), "--format", "facts", "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


def test_outputs_are_readable_like_any_file_and_keep_the_mode_they_had(tmp_path: Path) -> None:
    from kg.atomic import write_text_atomic

    fresh = tmp_path / "fresh.ttl"
    write_text_atomic(fresh, "# نص\n")
    assert fresh.stat().st_mode & 0o777 == 0o644 and fresh.read_text(encoding="utf-8") == "# نص\n"
    kept = tmp_path / "kept.ttl"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_text_atomic(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text(encoding="utf-8") == "new"


def test_python_dash_m_kg_runs_the_command_line() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout and "build" in done.stdout
