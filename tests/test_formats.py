"""The formats registry: an output's format follows its suffix (``kg build -o``), and the local
engine reads JSON Lines files row by row, as the Dask engine does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.formats import FORMATS, GRAPH_SUFFIXES, check_format, for_output
from kg.resources import sample_corpus_dir

runner = CliRunner()
SAMPLE = sorted(sample_corpus_dir().glob("*.txt"))[0]


def test_every_build_suffix_belongs_to_one_rdf_format() -> None:
    assert set(GRAPH_SUFFIXES) >= {".ttl", ".nt", ".nq", ".trig", ".jsonld"}
    for fmt in FORMATS:
        assert check_format(fmt.name) == fmt.name
        for alias in fmt.aliases:
            assert check_format(alias) == fmt.name
    assert for_output(Path("x.nq")).named_graphs and not for_output(Path("x.nt")).named_graphs


def test_build_o_nt_writes_ntriples(tmp_path: Path) -> None:
    nt, ttl = tmp_path / "graph.nt", tmp_path / "graph.ttl"
    for out in (nt, ttl):
        result = runner.invoke(app, ["build", str(SAMPLE), "-o", str(out), "--no-validate"])
        assert result.exit_code == 0, result.output
    lines = nt.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.endswith(" .") and line.startswith(("<", "_:")) for line in lines)
    assert "@prefix" not in nt.read_text(encoding="utf-8")
    assert isomorphic(Graph().parse(nt, format="nt"), Graph().parse(ttl, format="turtle"))


def test_build_o_jsonld_and_nq_write_their_formats(tmp_path: Path) -> None:
    jsonld, nq = tmp_path / "graph.jsonld", tmp_path / "graph.nq"
    for out in (jsonld, nq):
        result = runner.invoke(app, ["build", str(SAMPLE), "-o", str(out), "--no-validate"])
        assert result.exit_code == 0, result.output
    assert "@context" in json.loads(jsonld.read_text(encoding="utf-8"))
    assert (tmp_path / "graph.context.jsonld").exists()
    dataset = Dataset()
    dataset.parse(nq, format="nquads")
    assert len(Graph().parse(jsonld, format="json-ld")) == len({(s, p, o) for s, p, o, _ in dataset.quads()})


def test_build_o_unknown_suffix_is_a_one_line_error_before_extraction(tmp_path: Path) -> None:
    out = tmp_path / "graph.xyz"
    result = runner.invoke(app, ["build", str(tmp_path / "missing"), "-o", str(out)])
    assert result.exit_code != 0
    message = result.output.strip()
    assert len(message.splitlines()) == 1, message
    assert "graph.xyz" in message and ".nt" in message
    # Before extraction: the missing input is not even looked at, and nothing is written.
    assert "missing" not in message.replace(str(out), "")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_build_reads_each_jsonl_row_as_an_article(tmp_path: Path) -> None:
    texts = sorted(sample_corpus_dir().glob("*.txt"))[:3]
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as handle:
        for path in texts:
            row = {"id": path.stem, "text": path.read_text(encoding="utf-8"), "published": "2024-04-16"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = tmp_path / "rows.nq"
    result = runner.invoke(app, ["build", str(rows), "-o", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="nquads")
    articles = {str(g) for _, _, _, g in dataset.quads() if "/graph/article/" in str(g)}
    assert sorted(a.rsplit("/", 1)[-1] for a in articles) == [p.stem for p in texts]


def test_build_reports_a_bad_jsonl_row_and_goes_on(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    good = {"id": SAMPLE.stem, "text": SAMPLE.read_text(encoding="utf-8")}
    rows.write_text("not json\n" + json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(rows), "-o", str(tmp_path / "g.ttl"), "--no-validate"])
    assert result.exit_code == 0, result.output
    assert "rows.jsonl:1" in result.output.replace("\n", "")


@pytest.mark.parametrize("name", ["turtle", "nt", "jsonld", "trig", "nquads"])
def test_rdf_formats_build_and_export(name: str) -> None:
    fmt = next(f for f in FORMATS if f.name == name)
    assert fmt.save is not None and fmt.suffixes
