"""``kg build --jobs N``: extraction in worker processes gives the same graph as one process.

The corpus is the five sample articles plus short articles written here (one of them an
unknown person spelled two ways, so that "first spelling wins" depends on the order of
writes), and one unreadable file. Batches of two articles spread the corpus over both
workers. Speed is measured in benchmarks/build.py, not here.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kg import build, extraction, parallel, summaries
from kg.build import build_store, update_store
from kg.cli import app
from kg.extract import Extractor
from kg.persist import GraphStore

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
runner = CliRunner()

SHORT = {
    "t01_call": (
        "2024-04-14",
        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره التركي رجب طيب أردوغان.\n"
        "ودعا الرئيس الروسي فلاديمير بوتين جميع الأطراف إلى ضبط النفس وتجنب التصعيد.",
    ),
    "t02_call_again": (
        "2024-04-15",
        "جرى اتصال هاتفي بين الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان.",
    ),
    "t03_unknown": (
        "2024-04-15",
        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع وزير الدفاع السوداني ياسين إبراهيم ياسين.",
    ),
    "t04_unknown_spelling": (
        "2024-04-17",
        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع وزير الدفاع السوداني ياسين ابراهيم ياسين.",
    ),
    "t05_received": (
        "2024-04-16",
        "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.",
    ),
}
BAD = "t06_empty"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jobs-corpus")
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, folder / sample.name)
    for identifier, (published, text) in SHORT.items():
        (folder / f"{identifier}.txt").write_text(text + "\n", encoding="utf-8")
        (folder / f"{identifier}.meta.json").write_text(json.dumps({"published": published}), encoding="utf-8")
    (folder / f"{BAD}.txt").write_bytes(b"")
    return folder


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two articles a batch, so that both workers get some and results come back out of order.

    The corpus is small, so it would be extracted in this process: workers are forced.
    """
    monkeypatch.setattr(parallel, "BATCH_SIZE", 2)
    monkeypatch.setattr(extraction, "SERIAL_BELOW", 0)


def test_a_small_corpus_is_extracted_in_this_process(
    corpus: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below SERIAL_BELOW articles, jobs=2 starts no worker and gives the one-process graph."""
    monkeypatch.setattr(extraction, "SERIAL_BELOW", 100)

    def no_workers(*args: object, **kwargs: object) -> None:
        raise AssertionError("worker processes were started for a small corpus")

    monkeypatch.setattr(extraction, "prepare_parallel", no_workers)
    one, _ = build_store([corpus], extractor=extractor)
    two, report = build_store([corpus], jobs=2)
    assert sorted_nquads(one) == sorted_nquads(two)
    assert report.articles == len(SHORT) + 5
    monkeypatch.setattr(extraction, "SERIAL_BELOW", 3)
    with pytest.raises(AssertionError, match="worker processes were started"):
        build_store([corpus], jobs=2)


def sorted_nquads(store: GraphStore) -> list[str]:
    """The store's named graphs as sorted N-Quads lines (the comparison is IRI for IRI)."""
    dataset: Dataset = store.copy_dataset()
    text = dataset.serialize(format="nquads")
    return sorted(line for line in text.splitlines() if line.strip())


def file_lines(path: Path) -> list[str]:
    return sorted(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_library_build_is_the_same_with_two_jobs(corpus: Path, extractor: Extractor) -> None:
    one, report_one = build_store([corpus], extractor=extractor)
    two, report_two = build_store([corpus], jobs=2)
    assert report_two.added == report_one.added  # input order
    assert len(report_one.added) == 5 + len(SHORT)
    assert report_two.problems == report_one.problems and len(report_one.problems) == 1
    assert report_two.facts == report_one.facts and report_two.events == report_one.events
    assert report_two.notes == report_one.notes
    lines = sorted_nquads(one)
    assert len(lines) > 500
    assert sorted_nquads(two) == lines
    # The workers build each article graph with its own spelling; the writer keeps the
    # first stored one for the unknown minister in every graph (t04 spells him ابراهيم).
    labels = {
        line.split('"')[1]
        for line in lines
        if "rdf-schema#label" in line and "@ar" in line and "ياسين" in line and "/article/t0" in line
    }
    assert labels == {"ياسين إبراهيم ياسين"}


def test_library_store_is_the_same_with_two_jobs(corpus: Path, extractor: Extractor, tmp_path: Path) -> None:
    report_one = update_store([corpus], tmp_path / "one", extractor=extractor)
    report_two = update_store([corpus], tmp_path / "two", jobs=2)
    assert report_two.added == report_one.added and report_two.triples == report_one.triples
    assert report_two.problems == report_one.problems
    with (
        GraphStore.open(tmp_path / "one", read_only=True) as one,
        GraphStore.open(tmp_path / "two", read_only=True) as two,
    ):
        assert sorted_nquads(two) == sorted_nquads(one)
    again = update_store([corpus], tmp_path / "two", jobs=2)
    assert again.added == [] and sorted(again.unchanged) == sorted(report_one.added)


def summary_parts(store: Path) -> list[tuple[str, str, bytes]]:
    """The parts of a store's summary file, in the order written."""
    with sqlite3.connect(store / summaries.SUMMARY_FILE) as db:
        rows = db.execute("SELECT name, digest, data FROM parts ORDER BY rowid").fetchall()
    db.close()
    return [(str(name), str(digest), bytes(data)) for name, digest, data in rows]


def test_a_store_summary_computed_in_two_processes_is_the_one_process_summary(
    corpus: Path, extractor: Extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With jobs > 1 (and enough triples) half the summary comes from another process: the same parts."""
    monkeypatch.setattr(build, "SUMMARY_PROCESS_ABOVE", 0)
    asked: list[int] = []
    write = summaries.write_summaries

    def recorded(path: Path, jobs: int = 1) -> bool:
        asked.append(jobs)
        return write(path, jobs)

    monkeypatch.setattr(summaries, "write_summaries", recorded)
    update_store([corpus], tmp_path / "one", extractor=extractor)
    update_store([corpus], tmp_path / "two", jobs=2)
    assert asked == [1, 2]
    one = summary_parts(tmp_path / "one")
    assert [name for name, _, _ in one] == [
        *(f"query:{q}" for q in summaries.SUMMARISED_QUERIES),
        "network",
        "sentences",
        "counts",
        "events",
    ]
    assert summary_parts(tmp_path / "two") == one
    assert summaries.summary_is_fresh(tmp_path / "two")


def test_jobs_need_knowledge_dirs_not_an_extractor(extractor: Extractor) -> None:
    with pytest.raises(ValueError, match="jobs"):
        build_store([SAMPLES], extractor=extractor, jobs=2)
    with pytest.raises(ValueError, match="at least 1"):
        build_store([SAMPLES], jobs=0)


def test_cli_build_is_the_same_with_two_jobs_and_skips_a_bad_article(corpus: Path, tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"graph-{jobs}.nq"
        result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
        assert len(warnings) == 1 and f"{BAD}.txt" in warnings[0] and "skipped" in warnings[0]
        assert "articles" in result.output and str(5 + len(SHORT)) in result.output
        outputs.append(file_lines(out))
    assert len(outputs[0]) > 500
    assert outputs[1] == outputs[0]


def test_cli_store_is_the_same_with_two_jobs(corpus: Path, tmp_path: Path) -> None:
    dumps = []
    for jobs in ("1", "2"):
        store = tmp_path / f"store-{jobs}"
        result = runner.invoke(app, ["build", str(corpus), "--store", str(store), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        assert f"{BAD}.txt" in result.output
        out = tmp_path / f"store-{jobs}.nq"
        result = runner.invoke(app, ["export", str(store), "--format", "nquads", "-o", str(out)])
        assert result.exit_code == 0, result.output
        dumps.append(file_lines(out))
    assert len(dumps[0]) > 500
    assert dumps[1] == dumps[0]


def test_cli_reports_a_bad_model_in_the_workers_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    result = runner.invoke(
        app, ["build", str(SAMPLES), "--model", str(tmp_path / "nope"), "--jobs", "2", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "no such model folder" in result.output and "Traceback" not in result.output
    assert not out.exists()


PARENT_MODULES = """
import sys
from pathlib import Path
from kg import extraction
from kg.build import build
extraction.SERIAL_BELOW = 0
graph, report = build([Path(sys.argv[1])], jobs=2)
print(report.facts["called"], "spacy" in sys.modules, any(m.startswith("kg.rules") for m in sys.modules))
"""


def test_the_parent_of_a_jobs_build_never_loads_spacy_or_the_rules(corpus: Path) -> None:
    """The workers extract; the parent only stores and merges, so it skips their 2 s of imports."""
    done = subprocess.run(
        [sys.executable, "-c", PARENT_MODULES, str(corpus)], capture_output=True, text=True, check=True, timeout=300
    )
    calls, spacy_loaded, rules_loaded = done.stdout.split()
    assert int(calls) >= 4
    assert (spacy_loaded, rules_loaded) == ("False", "False")
