"""``kg push``: shards and stores land in a SPARQL server with their named graphs; failures are retried or named."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from typer.testing import CliRunner

from kg.build import build_store, update_store
from kg.errors import PushError
from kg.extract import Extractor
from kg.persist import GraphStore
from kg.push import push
from kg.resources import sample_corpus_dir

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUSSIA_LABELS = (
    "SELECT ?label WHERE { <https://w3id.org/arabic-diplomacy-kg/id/state/RU> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER (lang(?label) = 'ar') }"
)
QUERIES = Path(__file__).resolve().parent.parent / "queries"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def oxigraph_serve(folder: Path, *options: str) -> Iterator[str]:
    """An Oxigraph server (the oxigraph package of the dev extra) on ``folder``; its base URL."""
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server; its base URL."""
    with oxigraph_serve(tmp_path / "server") as base:
        yield base


def select(base: str, query: str) -> list[dict[str, str]]:
    request = urllib.request.Request(
        f"{base}/query",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        rows = json.load(answer)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def per_graph(quads: Iterator[tuple[object, object, object, object]]) -> Counter[str]:
    return Counter(str(getattr(g, "identifier", g)) for _, _, _, g in quads)


def server_counts(base: str) -> tuple[int, Counter[str]]:
    total = int(select(base, COUNT_ALL)[0]["n"])
    return total, Counter({row["g"]: int(row["n"]) for row in select(base, COUNT_PER_GRAPH)})


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """The sample build as two N-Quads shards: the article graphs and the event graphs."""
    store, _ = build_store(extractor=extractor)
    folder = tmp_path_factory.mktemp("shards")
    articles, events = Dataset(), Dataset()
    for s, p, o, name in store.quads():
        target = events if "/graph/event/" in str(name) else articles
        target.graph(URIRef(str(name))).add((s, p, o))
    articles.serialize(str(folder / "part-00000.nq"), format="nquads", encoding="utf-8")
    events.serialize(str(folder / "events.nq"), format="nquads", encoding="utf-8")
    return folder


def test_push_shards_keeps_every_named_graph(server: str, shards: Path) -> None:
    local = Dataset()
    for shard in shards.glob("*.nq"):
        local.parse(str(shard), format="nquads")
    expected = per_graph(local.quads((None, None, None, None)))
    report = push([shards], f"{server}/store", batch_size=300)
    assert report.files == 2 and report.batches > 2
    assert report.quads == sum(expected.values())
    total, graphs = server_counts(server)
    assert total == sum(expected.values())
    assert graphs == expected


def _union_size(shards: Path) -> int:
    local = Dataset()
    for shard in shards.glob("*.nq"):
        local.parse(str(shard), format="nquads")
    return len({(s, p, o) for s, p, o, _ in local.quads((None, None, None, None))})


def test_pushed_data_answers_the_shipped_queries_as_written(server: str, shards: Path) -> None:
    push([shards], f"{server}/store", batch_size=300)
    # The default graph is the union of the named graphs, each triple once (as kg serve has it).
    assert int(select(server, COUNT_DEFAULT)[0]["n"]) == _union_size(shards)
    assert select(server, RUSSIA_LABELS) == [{"label": "روسيا"}]
    for name in ("who_called_whom.rq", "calls_per_pair.rq", "who_urged_what.rq"):
        assert select(server, (QUERIES / name).read_text(encoding="utf-8")), f"{name} found nothing"


def test_without_the_union_the_default_graph_stays_empty(tmp_path: Path, shards: Path) -> None:
    with oxigraph_serve(tmp_path / "plain") as plain:
        push([shards], f"{plain}/store", union_default=False)
        assert select(plain, COUNT_DEFAULT) == [{"n": "0"}]
        assert not select(plain, (QUERIES / "who_called_whom.rq").read_text(encoding="utf-8"))
    # Oxigraph's own union default graph finds the data, but repeats a triple once per graph holding it.
    with oxigraph_serve(tmp_path / "union", "--union-default-graph") as union:
        push([shards], f"{union}/store", union_default=False)
        assert len(select(union, RUSSIA_LABELS)) > 1


def test_push_per_graph_from_the_cli(server: str, shards: Path) -> None:
    from kg.cli import app

    result = CliRunner().invoke(
        app, ["push", str(shards / "events.nq"), "--endpoint", f"{server}/store", "--per-graph"]
    )
    assert result.exit_code == 0, result.output
    local = Dataset()
    local.parse(str(shards / "events.nq"), format="nquads")
    expected = per_graph(local.quads((None, None, None, None)))
    assert server_counts(server) == (sum(expected.values()), expected)
    union = {(s, p, o) for s, p, o, _ in local.quads((None, None, None, None))}
    assert int(select(server, COUNT_DEFAULT)[0]["n"]) == len(union)  # sent to ?default too


def test_push_a_store(server: str, tmp_path: Path, extractor: Extractor) -> None:
    folder = tmp_path / "store"
    update_store([sample_corpus_dir()], folder, extractor=extractor, validate=False)
    with GraphStore.open(folder, read_only=True) as store:
        expected = per_graph(store.quads())
    push([folder], f"{server}/store")
    assert server_counts(server) == (sum(expected.values()), expected)


class Stub(BaseHTTPRequestHandler):
    """Answers POSTs with the statuses queued on the server, then 204."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        statuses: list[int] = self.server.statuses  # type: ignore[attr-defined]
        self.server.seen.append(self.headers.get("Content-Type"))  # type: ignore[attr-defined]
        status = statuses.pop(0) if statuses else 204
        self.send_response(status)
        body = b"" if status == 204 else f"stub says {status}".encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def stub() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.statuses = []  # type: ignore[attr-defined]
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_server_errors_are_retried(stub: ThreadingHTTPServer, shards: Path) -> None:
    stub.statuses.extend([503, 502])  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{stub.server_address[1]}/store"
    report = push([shards / "events.nq"], url, backoff=0.01)
    assert report.batches == 1 and report.retries == 2  # the default graph's copy goes in the same request
    assert len(stub.seen) == 3 and stub.seen[0].startswith("application/n-quads")  # type: ignore[attr-defined]


def test_refused_batch_is_named(stub: ThreadingHTTPServer, shards: Path) -> None:
    stub.statuses.extend([204, 400])  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{stub.server_address[1]}/store"
    with pytest.raises(
        PushError, match=r"refused batch 2 \(\d+ quads from .*part-00000\.nq\): HTTP 400.*stub says 400"
    ):
        push([shards / "part-00000.nq"], url, batch_size=100, backoff=0.01)
    assert len(stub.seen) == 2  # type: ignore[attr-defined]  # a 4xx is not retried


def test_unreachable_server_gives_up_with_one_line(shards: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(PushError, match="failed after 3 tries: cannot reach the server"):
        push([shards / "events.nq"], url, retries=2, backoff=0.01)
