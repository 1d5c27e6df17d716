"""Trust: the tool never reports a false success, never loses data without a word, never dies on one bad input.

One test per promise of docs/reliability.md. Servers started here listen on 127.0.0.1 only
and answer a bounded number of requests.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from typer.testing import CliRunner

import kg
import kg.build
from kg import api
from kg.atomic import write_with
from kg.build import update_store
from kg.cli import app
from kg.errors import KGError, StoreError
from kg.extract import Extractor
from kg.model import Article
from kg.query import csv_cell
from kg.read import read_article, read_articles

runner = CliRunner()

NQUADS = '<http://ex.org/a> <http://ex.org/p> "x" <http://ex.org/g> .\n'


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler], requests: int) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 answering at most ``requests`` requests; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.timeout = 5

    def loop() -> None:
        for _ in range(requests):
            server.handle_request()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.server_close()
        thread.join(timeout=10)


def recording_handler(seen: list[tuple[str, str, bytes, str]], answer: Callable[[str], tuple[int, dict[str, str]]]):  # type: ignore[no-untyped-def]
    """A handler class that records (method, path, body, Authorization) and answers ``answer(path)``."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            seen.append((self.command, self.path, body, self.headers.get("Authorization", "")))
            status, headers = answer(self.path)
            self.send_response(status)
            for name, value in {"Content-Length": "0", **headers}.items():
                self.send_header(name, value)
            self.end_headers()

        do_GET = do_POST = do_PUT = _any

        def log_message(self, *args: object) -> None:
            pass

    return Handler


# ---------------------------------------------------------------- 1. push


def _redirect(code: int) -> Callable[[str], tuple[int, dict[str, str]]]:
    """An answer that redirects every request elsewhere with ``code``."""
    return lambda path: (code, {"Location": "http://127.0.0.1:9/elsewhere"})


def test_push_refuses_redirects(tmp_path: Path) -> None:
    """A redirected POST is no success: one line naming the Location, nothing re-sent, no credentials carried."""
    source = tmp_path / "one.nq"
    source.write_text(NQUADS, encoding="utf-8")
    for code in (301, 302, 303, 307, 308):
        seen: list[tuple[str, str, bytes, str]] = []
        handler = recording_handler(seen, _redirect(code))
        with local_server(handler, requests=1) as base:
            result = runner.invoke(
                app,
                ["push", str(source), "--endpoint", f"{base}/store", "--user", "u", "--password", "secret",
                 "--retries", "0", "--timeout", "5"],
            )  # fmt: skip
        assert result.exit_code == 1, (code, result.output)
        assert "pushed" not in result.output
        assert "redirect" in result.output and "http://127.0.0.1:9/elsewhere" in result.output
        assert len(seen) == 1 and seen[0][0] == "POST", seen
    # --timeout bounds each request: a server that never answers fails the push in time.
    silent = tmp_path / "silent"

    class Silent(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            silent.with_suffix(".done").touch()
            threading.Event().wait(3)

    with local_server(Silent, requests=1) as base:
        result = runner.invoke(app, ["push", str(source), "--endpoint", f"{base}/store", "--retries", "0",
                                     "--timeout", "0.5"])  # fmt: skip
    assert result.exit_code == 1 and "timed out" in result.output, result.output


# ---------------------------------------------------------------- 2. store: a corrected article


CALL = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس {} يوم الثلاثاء 16 أبريل 2024.\n"


def test_store_readds_corrected_article(tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit that drops an actor replaces the article (no false SHACL violation); a refused article stops nothing."""
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    article = corpus / "a.txt"
    article.write_text(CALL.format("الإيراني إبراهيم رئيسي"), encoding="utf-8")
    day = date(2024, 4, 16)
    first = update_store([corpus], store, extractor=extractor, default_date=day)
    assert first.added == ["a"] and not first.problems
    article.write_text(CALL.format("التركي رجب طيب أردوغان"), encoding="utf-8")
    second = update_store([corpus], store, extractor=extractor, default_date=day)
    assert second.replaced == ["a"] and not second.problems, second.problems
    # One article the check refuses is named in the problems; the others are stored.
    (corpus / "b.txt").write_text(CALL.format("الفرنسي إيمانويل ماكرون"), encoding="utf-8")
    (corpus / "c.txt").write_text(CALL.format("الصيني شي جين بينغ"), encoding="utf-8")
    real = kg.build.shape_check

    def picky(on_fail: object = None) -> Callable[[Graph], None]:
        check = real()

        def run(graph: Graph) -> None:
            if any("/article/b" in str(s) for s in graph.subjects()):
                raise KGError("refused for the test")
            check(graph)

        return run

    monkeypatch.setattr(kg.build, "shape_check", picky)
    third = update_store([corpus], store, extractor=extractor, default_date=day)
    assert third.added == ["c"], (third.added, third.problems)
    assert len(third.problems) == 1 and third.problems[0].startswith("b: "), third.problems


# ---------------------------------------------------------------- 3. long texts, unexpected errors


def test_long_article_and_failing_article_skipped(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text over spaCy's max_length is one line and skipped; an article whose extraction raises ends nothing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CALL.format("الإيراني إبراهيم رئيسي"), encoding="utf-8")
    (corpus / "huge.txt").write_text("كلمة " * 210_000, encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "row", "text": "ب " * 500_001}) + "\n", encoding="utf-8")
    (corpus / "z.txt").write_text(CALL.format("التركي رجب طيب أردوغان"), encoding="utf-8")
    for store in (None, tmp_path / "store"):
        graph_file = tmp_path / "out.ttl"
        if store is None:
            report = api.build([corpus, rows], graph_file, default_date=date(2024, 4, 16), knowledge_dirs=[])
        else:
            report = update_store([corpus, rows], store, extractor=extractor, default_date=date(2024, 4, 16))
        assert report.articles == 2, report.problems
        assert any("huge.txt" in p and "1,000,000" in p for p in report.problems), report.problems
        assert any("rows.jsonl:1" in p and "1,000,000" in p for p in report.problems), report.problems
    # A bug met by one article (here: its extraction raises) skips that article only.
    real = Extractor.extract_doc

    def flaky(self: Extractor, article: Article, doc: Any, default_date: date | None = None) -> Any:
        if article.identifier == "a":
            raise RuntimeError("a rule tripped")
        return real(self, article, doc, default_date)

    monkeypatch.setattr(Extractor, "extract_doc", flaky)
    report = update_store([corpus], tmp_path / "store2", extractor=extractor, default_date=date(2024, 4, 16))
    assert report.added == ["z"], report.problems
    assert any(p.startswith("a: extraction failed (RuntimeError: a rule tripped)") for p in report.problems)
    # Once the bug is gone, running the build again adds the article: the store equals a clean build's.
    monkeypatch.undo()
    report = update_store([corpus], tmp_path / "store2", extractor=extractor, default_date=date(2024, 4, 16))
    assert report.added == ["a"] and report.unchanged == ["z"], report
    update_store([corpus], tmp_path / "clean", extractor=extractor, default_date=date(2024, 4, 16))
    assert _sorted_nquads(tmp_path / "store2", tmp_path) == _sorted_nquads(tmp_path / "clean", tmp_path)


def _sorted_nquads(store: Path, work: Path) -> list[str]:
    out = work / f"{store.name}.nq"
    api.export(store, "nq", out)
    return sorted(line for line in out.read_text(encoding="utf-8").splitlines() if line.strip())


# ---------------------------------------------------------------- 4. silent data loss


def test_no_silent_data_loss(tmp_path: Path, extractor: Extractor) -> None:
    """Same stems in two folders, a stray byte in UTF-8, a store whose data folder is gone: each said in a line."""
    corpus = tmp_path / "corpus"
    (corpus / "one").mkdir(parents=True)
    (corpus / "two").mkdir()
    (corpus / "one" / "a.txt").write_text(CALL.format("الإيراني إبراهيم رئيسي"), encoding="utf-8")
    (corpus / "two" / "a.txt").write_text(CALL.format("التركي رجب طيب أردوغان"), encoding="utf-8")
    text = CALL.format("الفرنسي إيمانويل ماكرون")
    (corpus / "stray.txt").write_bytes(text[:10].encode() + b"\xff" + text[10:].encode())
    problems: list[str] = []
    warnings: list[str] = []
    articles = {a.identifier: a for a in read_articles([corpus], problems, warnings)}
    assert sorted(articles) == ["a", "stray"]
    assert len(problems) == 1 and str(corpus / "one" / "a.txt") in problems[0], problems
    assert str(corpus / "two" / "a.txt") in problems[0]
    assert articles["stray"].encoding == "utf-8" and articles["stray"].text.replace("\ufffd", "") == text
    assert len(warnings) == 1 and "stray.txt" in warnings[0] and "1 stray byte" in warnings[0], warnings
    # A whole Windows-1256 file is still read as such.
    (corpus / "legacy.txt").write_bytes(text.encode("cp1256"))
    assert read_article(corpus / "legacy.txt").encoding == "cp1256"
    # A store whose data folder is missing is not re-created empty.
    store = tmp_path / "store"
    update_store([corpus / "one"], store, extractor=extractor, default_date=date(2024, 4, 16))
    shutil.rmtree(store / "oxigraph")
    with pytest.raises(StoreError, match=r"data folder .* is missing"):
        update_store([corpus / "one"], store, extractor=extractor, default_date=date(2024, 4, 16))
    assert not (store / "oxigraph").exists()


# ---------------------------------------------------------------- 5. output paths


def small_graph(tmp_path: Path) -> Path:
    """A tiny valid graph file (an actor with its labels)."""
    graph = tmp_path / "small.ttl"
    graph.write_text(
        "@prefix kg: <https://w3id.org/arabic-diplomacy-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://w3id.org/arabic-diplomacy-kg/id/state/x> a kg:State ; rdfs:label "س"@ar , "X"@en .\n',
        encoding="utf-8",
    )
    return graph


def test_output_paths_checked_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """-o: a folder, FIFO or missing folder is one line before any work; a symlink is written through; disk full."""
    graph = small_graph(tmp_path)
    folder = tmp_path / "folder.ttl"
    folder.mkdir()
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    commands: dict[str, Callable[[Path], list[str]]] = {
        "build": lambda out: ["build", str(tmp_path / "none"), "-o", str(out)],
        "export": lambda out: ["export", str(graph), "--format", "ttl", "-o", str(out)],
        "viz": lambda out: ["viz", str(graph), "-o", str(out)],
    }
    for name, command in commands.items():
        for target, why in ((folder, "is a folder"), (fifo, "not a regular file"), (tmp_path / "no" / "g.ttl", "")):
            result = runner.invoke(app, command(target))
            assert result.exit_code == 1, (name, target, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit), (name, result.exception)
            assert why in result.output and "Traceback" not in result.output, (name, result.output)
        assert folder.is_dir() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    # A missing output folder is found before extraction starts.
    seen: list[object] = []
    with pytest.raises(KGError, match="does not exist"):
        api.build([tmp_path], tmp_path / "no" / "g.ttl", on_article=seen.append)
    assert seen == []
    # A symbolic link is written through: the link stays, the file it names is replaced.
    real = tmp_path / "real.ttl"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    result = runner.invoke(app, ["export", str(graph), "--format", "ttl", "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "kg:State" in real.read_text(encoding="utf-8")

    # A full disk is one line, and leaves no temporary file.
    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(KGError, match="No space left on device"):
        write_with(tmp_path / "out.nt", full)
    assert not list(tmp_path.glob(".out.nt.*")) and not (tmp_path / "out.nt").exists()


# ---------------------------------------------------------------- 6. the endpoint


def test_endpoint_cors_opt_in_and_busy_503(tmp_path: Path) -> None:
    """No CORS unless --cors names an origin; a busy endpoint turns queries away with 503 and Retry-After."""
    from starlette.testclient import TestClient

    from kg.store import load_graph
    from kg.web.app import create_app
    from kg.web.network import NetworkIndex
    from kg.web.queries import Queries
    from kg.web.sparql import Limits

    graph = small_graph(tmp_path)
    index = NetworkIndex(load_graph(graph))

    def idle() -> Queries:  # never started: no dataset to answer from
        return Queries(Limits(timeout=0.3, max_rows=10))

    query = {"query": "ASK {}"}
    origin = {"Origin": "http://elsewhere.example"}
    with TestClient(create_app(index, idle())) as client:
        answer = client.get("/sparql", params=query, headers=origin)
        assert "access-control-allow-origin" not in answer.headers
        assert answer.status_code == 503 and answer.headers["retry-after"] == "1", answer.headers
    with TestClient(create_app(index, idle(), ("http://elsewhere.example",))) as client:
        answer = client.get("/sparql", params=query, headers=origin)
        assert answer.headers["access-control-allow-origin"] == "http://elsewhere.example"
        other = client.get("/sparql", params=query, headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers


# ---------------------------------------------------------------- 7. smaller holes


def test_smaller_input_and_output_holes(tmp_path: Path) -> None:
    """CSV formulas quoted; sidecars checked (url, types) and BOM accepted; UTF-16 read; links, binary, HTML named."""
    assert [csv_cell(v) for v in ("=HYPERLINK(1)", "+1+1", "-cmd", "@SUM(A1)", "-2.5", "سلام", None)] == [
        "'=HYPERLINK(1)", "'+1+1", "'-cmd", "'@SUM(A1)", "-2.5", "سلام", "",
    ]  # fmt: skip
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = CALL.format("الإيراني إبراهيم رئيسي")
    sidecars = {
        "badurl": '{"url": "javascript:alert(1)"}',
        "badtype": '{"published": 20240416}',
        "bom": '\ufeff{"url": "https://example.org/a", "published": "2024-04-16"}',
    }
    for stem, sidecar in sidecars.items():
        (corpus / f"{stem}.txt").write_text(text, encoding="utf-8")
        (corpus / f"{stem}.meta.json").write_text(sidecar, encoding="utf-8")
    (corpus / "utf16.txt").write_bytes(text.encode("utf-16"))
    (corpus / "utf16nobom.txt").write_bytes(text.encode("utf-16-le"))
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    rng = random.Random(1)
    (corpus / "random.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))
    (corpus / "page.txt").write_text(f"<!DOCTYPE html><html><body><p>{text}</p></body></html>", encoding="utf-8")
    problems: list[str] = []
    articles = {a.identifier: a for a in read_articles([corpus], problems)}
    assert sorted(articles) == ["bom", "utf16"], problems
    assert articles["bom"].url == "https://example.org/a" and articles["utf16"].text == text
    said = "\n".join(problems)
    for stem, words in {
        "badurl.meta.json": "http(s) URL",
        "badtype.meta.json": "must be a string, not int",
        "utf16nobom.txt": "UTF-16",
        "loop.txt": "symbolic link loop",
        "random.txt": "binary data",
        "page.txt": "HTML page",
    }.items():
        assert any(stem in line and words in line for line in problems), (stem, said)
    assert len(problems) == 6, said
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "r", "text": text, "url": "file:///etc/passwd"}) + "\n", encoding="utf-8")
    problems = []
    assert list(read_articles([rows], problems)) == [] and "rows.jsonl:1: 'url' must be an http(s) URL" in problems[0]


# ---------------------------------------------------------------- fault injection


def test_store_build_survives_kill_9(tmp_path: Path) -> None:
    """kill -9 at random points of a --store build, then resume: the store equals a clean build's."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, other in enumerate(["الإيراني إبراهيم رئيسي", "التركي رجب طيب أردوغان", "الفرنسي إيمانويل ماكرون"]):
        (corpus / f"a{number}.txt").write_text(CALL.format(other), encoding="utf-8")
        (corpus / f"b{number}.txt").write_text(CALL.format(other).replace("16 أبريل", "17 أبريل"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(kg.__file__).parent.parent)}
    command = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--date", "2024-04-16", "--store"]

    def dump(store: Path) -> list[str]:
        out = tmp_path / f"{store.name}.nq"
        api.export(store, "nq", out)
        return sorted(line for line in out.read_text(encoding="utf-8").splitlines() if line.strip())

    store = _kill_and_resume(command, env, tmp_path, kills=3, seed=9)
    assert dump(store) == dump(tmp_path / "clean")


def test_endpoint_worker_memory_is_capped(tmp_path: Path) -> None:
    """A runaway query meets its worker's memory cap: the worker ends, another takes its place and answers."""
    import http.client

    from test_serve import get_query, kg_serve  # tests/ is on sys.path under pytest

    graph = tmp_path / "many.nt"
    graph.write_text(
        "".join(f"<http://example.org/s{i}> <http://example.org/p> <http://example.org/o{i}> .\n" for i in range(400)),
        encoding="utf-8",
    )
    # Three joined patterns over 400 triples: 64 million rows to sort, far past 150 MB.
    runaway = "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY ?a ?b ?c"
    with kg_serve(graph, "--workers", "1", "--worker-memory", "150", "--timeout", "60") as server:
        try:
            status = get_query(server, runaway)[0]
        except (OSError, http.client.HTTPException):
            status = 0  # the connection closed without an answer: its worker ended
        assert status in (0, 503)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get_query(server, "ASK { ?s ?p ?o }")[0] == 200:
                    break
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
        else:
            pytest.fail("no worker answered after the runaway query")


DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is absent (third-party articles, not shipped)")
def test_dev_store_build_survives_five_kill_9(tmp_path: Path) -> None:
    """kill -9 at five random points of a --store build of the dev corpus, then resume: a clean build's quads."""
    env = {**os.environ, "PYTHONPATH": str(Path(kg.__file__).parent.parent)}
    command = [sys.executable, "-m", "kg.cli", "build", str(DEV), "--no-validate", "--store"]
    store = _kill_and_resume(command, env, tmp_path, kills=5, seed=2026)
    assert _sorted_nquads(store, tmp_path) == _sorted_nquads(tmp_path / "clean", tmp_path)


def _kill_and_resume(command: list[str], env: dict[str, str], work: Path, kills: int, seed: int) -> Path:
    """A clean build into ``work/clean``; then builds into ``work/killed`` killed at random points, and a resume."""
    started = time.monotonic()
    subprocess.run([*command, str(work / "clean")], env=env, check=True, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    rng = random.Random(seed)
    store = work / "killed"
    for _ in range(kills):
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        process = subprocess.Popen([*command, str(store)], env=env, **quiet)  # type: ignore[call-overload]
        time.sleep(rng.uniform(0.3 * duration, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finished = subprocess.run([*command, str(store)], env=env, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    return store


def test_damaged_store_is_called_damaged(tmp_path: Path) -> None:
    """A store whose files are corrupted is reported as damaged, not as 'being written'."""
    from kg.errors import StoreError
    from kg.persist import GraphStore
    from kg.resources import sample_corpus_dir

    store = tmp_path / "store"
    api.update_store([sample_corpus_dir()], store, validate=False)
    (store / "oxigraph" / "CURRENT").write_text("garbage\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"the store is damaged .*CURRENT file corrupted.*; rebuild it"):
        GraphStore.open(store)
