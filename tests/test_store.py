"""The persistent store: adds, no-ops, replaces, removes, survives kill -9, validates."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import typer
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF
from synthetic import EMPTY, PUTIN, RAISI, article, call, synthetic_result
from typer.testing import CliRunner

from kg import dataset, persist
from kg.build import update_store
from kg.cli import app
from kg.cli.store import register
from kg.errors import KGError
from kg.model import Fact
from kg.ntriples import rdflib_term
from kg.persist import ADDED, REPLACED, UNCHANGED, GraphStore, is_store
from kg.rdf import KG, article_graph_iri, article_iri
from kg.reports import reports_in, reports_of_events, stored_reports
from kg.store import load_graph
from kg.validate import validate_graph

runner = CliRunner()
TESTS = Path(__file__).resolve().parent

Quads = set[tuple[object, object, object, object]]


def quads(store: GraphStore) -> Quads:
    """Every quad of a store."""
    return set(store.quads())


def snapshot(path: Path) -> Quads:
    """The quads of a store folder (opened and closed)."""
    with GraphStore.open(path, create=False) as store:
        return quads(store)


def store_app() -> typer.Typer:
    """``kg`` with the store commands (registered here in case the main app does not yet)."""
    local = typer.Typer()
    register(local)

    @local.command()
    def version() -> None:
        """Keep Typer in multi-command mode."""

    return local


ONE = article("a1", [call(day=date(2024, 4, 14))], published=date(2024, 4, 14), url="https://one.example/1")
TWO = article("a2", [call(day=date(2024, 4, 14), index=2)], published=date(2024, 4, 14), url="https://two.example/2")


def test_two_articles_merge_and_re_adding_changes_nothing(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        assert store.put(ONE, EMPTY) == ADDED
        assert store.put(TWO, EMPTY) == ADDED
        events = list(store.view.subjects(RDF.type, KG.PhoneCall))
        assert len(events) == 1
        assert set(store.view.objects(events[0], PROV.wasDerivedFrom)) == {article_iri("a1"), article_iri("a2")}
        before, size = quads(store), len(store.view)
        assert store.put(ONE, EMPTY) == UNCHANGED
        assert store.put(TWO, EMPTY) == UNCHANGED
        assert quads(store) == before and len(store.view) == size
        assert list(store.view.subjects(RDF.type, KG.PhoneCall)) == events  # same IRIs
        assert validate_graph(store.union()).conforms


def test_removing_an_article_removes_only_its_contribution(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "only-one") as store:
        store.put(ONE, EMPTY)
    alone = snapshot(tmp_path / "only-one")
    with GraphStore.open(tmp_path / "both") as store:
        store.put(ONE, EMPTY)
        store.put(TWO, EMPTY)
        assert store.remove("a2")
        assert not store.remove("a2")
    assert snapshot(tmp_path / "both") == alone
    with GraphStore.open(tmp_path / "both") as store:
        assert store.remove("a1")
        assert quads(store) == set()


def test_no_event_keeps_a_source_that_is_gone(tmp_path: Path) -> None:
    three = article("a3", [call(PUTIN, RAISI, day=date(2024, 4, 14))], published=date(2024, 4, 14))
    with GraphStore.open(tmp_path / "s") as store:
        for result in (ONE, TWO, three):
            store.put(result, EMPTY)
        store.remove("a1")
        for event in store.view.subjects(RDF.type, KG.PhoneCall):
            for source in store.view.objects(event, PROV.wasDerivedFrom):
                assert source != article_iri("a1")
                assert (source, RDF.type, URIRef("https://schema.org/NewsArticle")) in store.view
        assert validate_graph(store.union()).conforms


def test_a_changed_article_replaces_its_named_graph(tmp_path: Path) -> None:
    changed = article("a2", [call(PUTIN, RAISI, day=date(2024, 4, 14))], published=date(2024, 4, 14))
    with GraphStore.open(tmp_path / "s") as store:
        store.put(ONE, EMPTY)
        store.put(TWO, EMPTY)
        assert store.put(changed, EMPTY) == REPLACED
        events = list(store.view.subjects(RDF.type, KG.PhoneCall))
        assert len(events) == 2  # the first call lost a source; the new call has it
        assert all((e, KG.sourceCount, Literal(1)) in store.view for e in events)
        assert {frozenset(store.view.objects(e, PROV.wasDerivedFrom)) for e in events} == {
            frozenset({article_iri("a1")}),
            frozenset({article_iri("a2")}),
        }
        assert validate_graph(store.union()).conforms


def test_the_default_graph_stays_the_union_of_the_named_graphs(tmp_path: Path) -> None:
    """Queries read the default graph: every add, replacement and removal keeps it the union."""
    three = article("a3", [call(PUTIN, RAISI, day=date(2024, 4, 14))], published=date(2024, 4, 14))
    changed = article("a2", [call(PUTIN, RAISI, day=date(2024, 4, 15))], published=date(2024, 4, 15))
    with GraphStore.open(tmp_path / "s") as store:

        def check() -> None:
            union = {(s, p, o) for s, p, o, _ in store.quads()}
            assert set(store.view.triples((None, None, None))) == union

        for step in (ONE, TWO, three, changed):
            store.put(step, EMPTY)
            check()
        assert len(store.view) > 20
        store.remove("a1")
        check()
        store.remove("a3")
        check()


def test_remembered_reports_give_the_same_store_as_reading_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store recomputes events from the reports it remembers; with none kept, it reads them back."""
    three = article("a3", [call(PUTIN, RAISI, day=date(2024, 4, 14))], published=date(2024, 4, 14))
    changed = article("a2", [call(PUTIN, RAISI, day=date(2024, 4, 14), index=3)], published=date(2024, 4, 14))
    four = article("a4", [call(day=date(2024, 4, 14))], published=date(2024, 4, 14), url="https://four.example/4")

    def build(folder: Path) -> Quads:
        with GraphStore.open(folder) as store:
            for step in (ONE, TWO, three, changed):
                store.put(step, EMPTY)
            store.remove("a1")
            store.put(four, EMPTY)  # the key a1 left: its events must not name a1 again
            return quads(store)

    remembered = build(tmp_path / "remembered")
    monkeypatch.setattr(dataset, "CACHED_REPORTS", 0)
    read_back = build(tmp_path / "read-back")
    assert remembered == read_back
    events = {q[0] for q in remembered if q[1] == RDF.type and q[2] == KG.PhoneCall}
    assert len(events) == 2


def test_oxigraph_look_ups_read_back_the_reports_sparql_reads(tmp_path: Path) -> None:
    """The store writer's reader (index look-ups) and the SPARQL reader give the same reports, key by key."""
    with GraphStore.open(tmp_path / "store") as store:
        store.put_many([synthetic_result(number, 8, 5) for number in range(12)], EMPTY)
        everything = reports_in(store.view)
        keys = sorted({report.key for report in everything})
        by_sparql = sorted(reports_of_events(store.view, keys), key=lambda r: str(r.iri))
        by_look_ups = sorted(stored_reports(store.oxigraph(), keys, rdflib_term), key=lambda r: str(r.iri))
        one_key = stored_reports(store.oxigraph(), iter(keys[:1]), rdflib_term)
    assert len(keys) > 10 and len(by_sparql) == len(everything) > len(keys) and by_look_ups == by_sparql
    assert one_key and {r.key for r in one_key} == {keys[0]}
    assert all(r.article_id.startswith("art-") and r.evidence and r.article_date for r in by_look_ups)


def test_a_shape_violation_refuses_the_article_and_names_the_nodes(tmp_path: Path) -> None:
    from kg.build import shape_check

    broken = article("bad", [Fact("called", PUTIN, call().evidence, b=PUTIN)], published=date(2024, 4, 14))
    with GraphStore.open(tmp_path / "s") as store:
        store.put(ONE, EMPTY, check=shape_check())
        before = quads(store)
        with pytest.raises(KGError, match=r"shape violations at .*id/(event|report)/"):
            store.put(broken, EMPTY, check=shape_check())
        assert quads(store) == before
        assert not store.has_article("bad")


def test_a_batch_gives_the_store_of_putting_its_articles_one_by_one(tmp_path: Path) -> None:
    """put_many recomputes each key once a batch; the store is the same as after one put an article."""
    three = article("a3", [call(PUTIN, RAISI, day=date(2024, 4, 14))], published=date(2024, 4, 14))
    changed = article("a2", [call(PUTIN, RAISI, day=date(2024, 4, 14), index=3)], published=date(2024, 4, 14))
    many = [synthetic_result(number, 12, 6) for number in range(12)]
    with GraphStore.open(tmp_path / "one-by-one") as store:
        for step in (ONE, TWO, *many[:5], three, changed, *many[5:]):
            store.put(step, EMPTY)
        expected = quads(store)
    with GraphStore.open(tmp_path / "batches") as store:
        assert store.put_many([ONE, TWO, *many[:5]], EMPTY) == [ADDED] * 7
        # a2 replaced inside a batch: its old reports leave the keys they shared with a1 and a3
        assert store.put_many([three, changed, *many[5:]], EMPTY) == [ADDED, REPLACED] + [ADDED] * 7
        assert quads(store) == expected
        assert store.put_many([ONE, changed], EMPTY) == [UNCHANGED, UNCHANGED]
        with pytest.raises(ValueError, match="given twice"):
            store.put_many([three, three], EMPTY)


def test_a_refused_article_leaves_the_rest_of_its_batch_stored(tmp_path: Path) -> None:
    from kg.build import shape_check

    broken = article("bad", [Fact("called", PUTIN, call().evidence, b=PUTIN)], published=date(2024, 4, 14))
    with GraphStore.open(tmp_path / "reference") as store:
        store.put(ONE, EMPTY)
        store.put(TWO, EMPTY)
        expected = quads(store)
    with GraphStore.open(tmp_path / "s") as store:
        outcomes = store.put_many([ONE, broken, TWO], EMPTY, check=shape_check())
        assert outcomes[0] == ADDED and outcomes[2] == ADDED
        assert isinstance(outcomes[1], KGError) and "shape violations" in str(outcomes[1])
        assert quads(store) == expected
        assert not store.has_article("bad")


def small_corpus(folder: Path) -> Path:
    """Three dated articles: two of the same call, one appeal."""
    corpus = folder
    corpus.mkdir()
    texts = {
        "b1": "اتصل الرئيس الروسي فلاديمير بوتين هاتفيا بالرئيس التركي رجب طيب أردوغان.",
        "b2": "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين.",
        "b3": "دعا الرئيس الروسي فلاديمير بوتين إلى وقف إطلاق النار.",
    }
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        (corpus / f"{name}.meta.json").write_text('{"published": "2024-04-14"}', encoding="utf-8")
    return corpus


def test_a_store_build_writes_in_batches_and_gives_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """update_store in batches of 2 gives the store of batches of 1 (one article a transaction), and flushes."""
    from kg import build

    corpus = small_corpus(tmp_path / "corpus")
    monkeypatch.setattr(build, "WRITE_BATCH", 2)
    flushes: list[int] = []
    flush = GraphStore.flush

    def counted(store: GraphStore) -> None:
        flushes.append(1)
        flush(store)

    monkeypatch.setattr(GraphStore, "flush", counted)
    monkeypatch.setattr(build, "FLUSH_EVERY", 2)
    report = update_store([corpus], tmp_path / "batched", validate=False)
    assert sorted(report.added) == ["b1", "b2", "b3"] and not report.problems
    assert len(flushes) == 2  # after the first batch (2 articles), and on closing
    monkeypatch.setattr(build, "WRITE_BATCH", 1)
    update_store([corpus], tmp_path / "single", validate=False)
    assert snapshot(tmp_path / "batched") == snapshot(tmp_path / "single")


def test_a_large_file_build_is_kept_on_disk_and_gives_the_same_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg import build

    corpus = small_corpus(tmp_path / "corpus")
    in_memory, _ = build.build_store([corpus])
    assert in_memory.path is None
    monkeypatch.setattr(build, "SPILL_ABOVE", 2)
    on_disk, _ = build.build_store([corpus])
    assert on_disk.path is not None and on_disk.path.is_dir()
    assert quads(on_disk) == quads(in_memory)
    folder = on_disk.path.parent
    on_disk.close()
    del on_disk
    gc.collect()
    assert not folder.exists()  # the temporary store goes with the store


def test_recomputing_in_chunks_of_keys_gives_the_same_events(monkeypatch: pytest.MonkeyPatch) -> None:
    results = [synthetic_result(number, 12, 6) for number in range(6)]

    def recomputed() -> tuple[int, Quads]:
        store = GraphStore.in_memory()
        for result in results:
            store.put(result, EMPTY, merge=False)
        return store.recompute(), quads(store)

    graphs, whole = recomputed()
    monkeypatch.setattr(persist, "MERGE_CHUNK", 2)
    assert recomputed() == (graphs, whole)
    assert graphs > 4  # several chunks


def test_a_folder_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(KGError, match="not a graph store"):
        GraphStore.open(tmp_path)
    with pytest.raises(KGError, match="not a graph store"):
        GraphStore.open(tmp_path / "missing", create=False)


# ---------------------------------------------------------------- from files, through the CLI

TEXT_ONE = "أجرى الرئيس الروسي فلاديمير بوتين اليوم اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان."
TEXT_TWO = "جرى اليوم اتصال هاتفي بين الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين."
TEXT_OTHER = "ودعا الرئيس الروسي فلاديمير بوتين اليوم إلى ضبط النفس."


def write_article(folder: Path, stem: str, text: str, published: str = "2024-04-16", url: str = "") -> Path:
    """An article file with its sidecar."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.txt"
    path.write_text(text, encoding="utf-8")
    meta = {"published": published, "url": url or f"https://{stem}.example/"}
    import json

    (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_cli_build_store_adds_skips_replaces_and_removes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_article(corpus, "one", TEXT_ONE)
    write_article(corpus, "two", TEXT_TWO)
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert is_store(store) and not (tmp_path / "graph.ttl").exists()
    first = snapshot(store)
    facts = runner.invoke(app, ["export", str(store), "--format", "facts"])
    assert facts.exit_code == 0, facts.output
    assert {line.split('"article": "')[1].split('"')[0] for line in facts.stdout.splitlines()} == {"one", "two"}

    again = runner.invoke(app, ["build", str(corpus), "--store", str(store)])
    assert again.exit_code == 0, again.output
    assert snapshot(store) == first

    write_article(corpus, "two", TEXT_TWO + "\n" + TEXT_OTHER)
    changed = runner.invoke(app, ["build", str(corpus / "two.txt"), "--store", str(store)])
    assert changed.exit_code == 0, changed.output
    after = snapshot(store)
    assert after != first
    kept = article_graph_iri("one")
    assert {q for q in after if q[3] == kept} == {q for q in first if q[3] == kept}

    removed = runner.invoke(store_app(), ["remove", "two", "--store", str(store)])
    assert removed.exit_code == 0, removed.output
    with GraphStore.open(store, create=False) as opened:
        assert opened.article_ids() == ["one"]
        assert validate_graph(opened.union()).conforms
    missing = runner.invoke(store_app(), ["remove", "two", "--store", str(store)])
    assert missing.exit_code == 1 and "not in" in missing.output


def test_explain_prints_sentences_and_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_article(corpus, "one", TEXT_ONE)
    write_article(corpus, "two", TEXT_TWO)
    store = tmp_path / "store"
    update_store([corpus], store)
    by_key = runner.invoke(store_app(), ["explain", "person/vladimir-putin", "--graph", str(store)])
    assert by_key.exit_code == 0, by_key.output
    assert "PhoneCall" in by_key.output and "[one]" in by_key.output and "[two]" in by_key.output
    assert "أردوغان" in by_key.output
    graph = load_graph(store)
    event = next(iter(graph.subjects(RDF.type, KG.PhoneCall)))
    by_event = runner.invoke(store_app(), ["explain", str(event), "-g", str(store)])
    assert by_event.exit_code == 0 and "sentence" in by_event.output
    unknown = runner.invoke(store_app(), ["explain", "nobody-at-all", "-g", str(store)])
    assert unknown.exit_code == 1 and "nothing in the graph" in unknown.output


def test_queries_run_on_a_store(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_article(corpus, "one", TEXT_ONE)
    store = tmp_path / "store"
    update_store([corpus], store)
    result = runner.invoke(app, ["query", str(store), "calls_per_pair", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 2


# ---------------------------------------------------------------- kill -9

#: Articles big enough that writing one takes a while (the kill lands inside it).
KILL_FACTS, KILL_POOL = 400, 80

DRIVER = """
import sys
import time
from pathlib import Path
sys.path.insert(0, {tests!r})
from synthetic import EMPTY, synthetic_result
from kg.persist import GraphStore

store = GraphStore.open(Path(sys.argv[1]))
write = store._replace


def announced(changes):
    print("writing", flush=True)  # the transaction starts now
    write(changes)


store._replace = announced
batch = int(sys.argv[4])
for first in range(int(sys.argv[2]), int(sys.argv[3]), batch):
    results = [synthetic_result(number, {size}, {pool}) for number in range(first, first + batch)]
    print("begin", first, flush=True)
    store.put_many(results, EMPTY)
    print("done", first, flush=True)
store.close()
time.sleep(60)  # wait for the kill
"""


def reference_states(count: int, batch: int, tmp_path: Path) -> list[Quads]:
    """The store after 0, 1, … ``count / batch`` batches of articles, built without interruption."""
    states: list[Quads] = [set()]
    with GraphStore.open(tmp_path / "reference") as store:
        for first in range(0, count, batch):
            store.put_many([synthetic_result(n, KILL_FACTS, KILL_POOL) for n in range(first, first + batch)], EMPTY)
            states.append(quads(store))
    return states


@pytest.mark.parametrize("batch", [1, 3])
def test_a_build_killed_mid_write_leaves_the_store_as_before_that_batch(tmp_path: Path, batch: int) -> None:
    """One transaction a batch (of one article, or of three): a kill inside it leaves the state before."""
    count = 6
    states = reference_states(count, batch, tmp_path)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(tests=str(TESTS), size=KILL_FACTS, pool=KILL_POOL), encoding="utf-8")
    path = tmp_path / "killed"
    start = 0
    # Oxigraph commits a transaction at its very end: a kill inside it must leave the state before.
    for delay in (0.0, 0.04, 0.2):
        target = start + 1  # kill while the batch after the first new one is being written
        process = subprocess.Popen(
            [sys.executable, str(driver), str(path), str(start * batch), str(count), str(batch)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        assert process.stdout is not None
        armed = False
        for line in process.stdout:
            armed = armed or line.split() == ["begin", str(target * batch)]
            if armed and line.strip() == "writing":
                break
            assert time.monotonic() < deadline, "the driver did not start writing in time"
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        after = snapshot(path)
        assert after in states[target:], "the store holds part of a batch"
        start = states.index(after)
        if start >= len(states) - 2:
            break
    with GraphStore.open(path) as store:
        assert validate_graph(store.union()).conforms
