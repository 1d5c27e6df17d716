"""A store's summary (kg.summaries): the same answers as SPARQL, never used when stale or missing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import api
from kg.build import remove_articles, update_store
from kg.persist import GraphStore
from kg.query import read_query
from kg.resources import sample_corpus_dir
from kg.store_marker import store_version
from kg.summaries import SUMMARISED_QUERIES, SUMMARY_FILE, open_summary, summary_is_fresh, write_summaries

FORMATS = ("csv", "tsv", "json")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built into a store (kg build --store), summary included."""
    store = tmp_path_factory.mktemp("summaries") / "store"
    update_store([sample_corpus_dir()], store, validate=False)
    return store


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Path:
    """A copy of the built store, for a test to change."""
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    return copy


def outputs(store: Path) -> dict[str, object]:
    """What kg query (every summarised query, each format, a page, the table), kg stats and kg viz give."""
    found: dict[str, object] = {}
    for name in SUMMARISED_QUERIES:
        for fmt in FORMATS:
            found[f"{name}.{fmt}"] = api.query(store, name).text(fmt)
        found[f"{name}.page"] = api.query(store, name, limit=2, offset=1).text("csv")
        found[f"{name}.cells"] = json.dumps(list(api.query(store, name).cells()))
    found["stats"] = json.dumps(api.stats(store, top=1000))
    page = store.parent / "page.html"
    for top in (
        3,
        150,
        400,
    ):  # up to the summary's page size its sentences are read from the summary, past it the store
        api.viz(store, page, top=top)
        found[f"viz.{top}"] = page.read_bytes()
    for fmt in ("csv", "gdelt", "gexf", "actors"):
        found[f"export.{fmt}"] = api.export(store, fmt)
    return found


def test_a_store_build_writes_a_fresh_summary(built: Path) -> None:
    assert (built / SUMMARY_FILE).is_file()
    assert summary_is_fresh(built)


def test_the_summary_answers_as_sparql_does(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = open_summary(store)
    assert summary is not None
    oxigraph = ox.Store.read_only(str(store / "oxigraph"))
    for name in SUMMARISED_QUERIES:
        text = read_query(name)
        kept, asked = summary.query_results(text), oxigraph.query(text)
        assert kept is not None and isinstance(asked, ox.QuerySolutions)
        assert kept.serialize(format=ox.QueryResultsFormat.JSON) == asked.serialize(format=ox.QueryResultsFormat.JSON)
    summary.close()
    del oxigraph
    with_summary = outputs(store)
    assert "note:" not in capsys.readouterr().err
    (store / SUMMARY_FILE).unlink()
    assert outputs(store) == with_summary
    assert any(str(with_summary[f"{name}.csv"]).count("\n") > 1 for name in SUMMARISED_QUERIES)


def _plant(store: Path, name: str, data: bytes) -> None:
    """Replace the kept answer of the query ``name`` in the summary (the stamp left as it is)."""
    with sqlite3.connect(store / SUMMARY_FILE) as db:
        db.execute("UPDATE parts SET data = ? WHERE name = ?", (data, f"query:{name}"))
    db.close()


def test_only_the_shipped_text_is_answered_from_the_summary(store: Path) -> None:
    planted = b'{"head":{"vars":["a","aLabel","b","bLabel","calls","articleIds"]},"results":{"bindings":[]}}'
    _plant(store, "calls_per_pair", planted)
    assert api.query(store, "calls_per_pair").text("csv").splitlines() == ["a,aLabel,b,bLabel,calls,articleIds"]
    changed = read_query("calls_per_pair") + "\n# changed\n"
    assert api.query(store, changed).text("csv").count("\n") > 1
    # another query is not answered from the summary even when a planted answer is there
    assert api.query(store, "state_urged").text("csv").count("\n") > 1


def test_a_stale_summary_is_ignored(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = api.query(store, "calls_per_pair").text("csv")
    with GraphStore.open(store, create=False) as opened:  # a write that leaves the summary behind
        (first, *_) = opened.article_ids()
        assert opened.remove(first)
    assert not summary_is_fresh(store)
    capsys.readouterr()
    after = api.query(store, "calls_per_pair").text("csv")
    assert "older than the store" in capsys.readouterr().err
    oxigraph = ox.Store.read_only(str(store / "oxigraph"))
    asked = oxigraph.query(read_query("calls_per_pair"))
    assert isinstance(asked, ox.QuerySolutions)
    assert after.count("\n") - 1 == len(list(asked)) and after != before


def test_a_missing_summary_falls_back_to_sparql(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_summary = api.stats(store, top=50)
    (store / SUMMARY_FILE).unlink()
    capsys.readouterr()
    assert api.stats(store, top=50) == with_summary
    err = capsys.readouterr().err
    assert err.count("note:") == 1 and "has no summary" in err and "SPARQL" in err


def test_an_unreadable_summary_falls_back(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = api.query(store, "state_urged").text("csv")
    (store / SUMMARY_FILE).write_bytes(b"not a database")
    assert api.query(store, "state_urged").text("csv") == expected
    assert "not a readable summary" in capsys.readouterr().err


def test_a_graph_file_has_no_summary(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "graph.nq"
    api.export(built, "nquads", graph)
    assert open_summary(graph) is None
    assert api.query(graph, "calls_per_pair").text("csv") == api.query(built, "calls_per_pair").text("csv")
    assert "note:" not in capsys.readouterr().err


def test_writes_keep_the_summary_up_to_date(store: Path) -> None:
    update_store([sample_corpus_dir()], store, validate=False)  # nothing new: the summary is stamped anew
    assert summary_is_fresh(store)
    removed, _ = remove_articles([_article_ids(store)[0]], store)
    assert removed and summary_is_fresh(store)
    with_summary = outputs(store)
    (store / SUMMARY_FILE).unlink()
    assert outputs(store) == with_summary


def _article_ids(store: Path) -> list[str]:
    with GraphStore.open(store, read_only=True) as opened:
        return opened.article_ids()


def test_a_summary_is_not_written_when_the_store_changes_meanwhile(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (store / SUMMARY_FILE).unlink()
    versions = iter(["one", "two"])
    monkeypatch.setattr("kg.summaries.store_version", lambda path: next(versions))
    assert not write_summaries(store)
    assert not (store / SUMMARY_FILE).exists()


def test_the_store_version_changes_with_writes_not_with_reads(store: Path) -> None:
    version = store_version(store)
    api.query(store, "who_called_whom")
    assert store_version(store) == version
    with GraphStore.open(store, create=False):
        pass
    assert store_version(store) != version
