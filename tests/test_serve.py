"""``kg serve``: the SPARQL endpoint through SPARQLWrapper, its limits, the page's JSON, stopping.

The server runs as a real ``kg serve`` process on a free loopback port (``--port 0``; it
prints its URL), and is always stopped at the end of the module.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.dom.minidom import Document, Text

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.analyse import actor_network
from kg.build import build
from kg.errors import FilterError
from kg.extract import Extractor
from kg.rdf import ID, KG, SCHEMA, bind_prefixes
from kg.resources import sample_corpus_dir
from kg.store import load_graph, save_graph
from kg.web.network import DEFAULT_TOP, Filters, NetworkIndex
from kg.web.sparql import QueryRequest, accepted_types, answer, negotiate

KG_CLI = [sys.executable, "-m", "kg.cli"]
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
STARTUP_LIMIT = 90.0
TIMEOUT = 3.0  # the server's per-query limit in these tests
MAX_ROWS = 200
PREFIX = "PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>\n"
CALLS = PREFIX + "SELECT ?a ?b WHERE { ?a kg:called ?b } ORDER BY ?a ?b"
#: A cross product of the graph with itself three times: rdflib would run for hours.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . FILTER (?a != ?g) }"


@dataclass
class Server:
    """A running ``kg serve`` process."""

    process: subprocess.Popen[str]
    url: str
    lines: queue.Queue[str]

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"


@contextmanager
def kg_serve(graph: Path, *options: str) -> Iterator[Server]:
    """Start ``kg serve GRAPH --port 0 …``, wait for its URL, stop it (SIGTERM) afterwards."""
    process = subprocess.Popen(
        [*KG_CLI, "serve", str(graph), "--port", "0", *options],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    try:
        url = _wait_for_url(process, lines)
        _wait_for_page_data(url)
        yield Server(process, url, lines)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


def _wait_for_url(process: subprocess.Popen[str], lines: queue.Queue[str]) -> str:
    deadline = time.monotonic() + STARTUP_LIMIT
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            if process.poll() is not None:
                break
            continue
        seen.append(line)
        if line.startswith("serving ") and " at http://127.0.0.1:" in line:
            return line.split(" at ", 1)[1].split()[0]
    pytest.fail("kg serve did not start:\n" + "".join(seen))


def _wait_for_page_data(url: str) -> None:
    """Wait until the network page's data is read (the endpoint answers before: 503 meanwhile)."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        status, headers, _ = fetch(url + "api/meta")
        if status != 503:
            return
        assert headers.get("retry-after"), "a 503 without Retry-After"
        time.sleep(0.1)
    pytest.fail("the network page's data was not read in time")


def fetch(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of an HTTP request (errors included), within 30 s."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def get_query(server: Server, query: str, accept: str = "") -> tuple[int, dict[str, str], str]:
    """GET the endpoint with ``query``."""
    headers = {"Accept": accept} if accept else {}
    return fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": query}), headers=headers)


def wrapper(server: Server, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server.endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(30)
    if method == POST:
        client.setMethod(POST)
    elif method == POSTDIRECTLY:
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    return client


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    graph, report = build([sample_corpus_dir()], extractor=extractor)
    assert report.articles > 0
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    save_graph(graph, path)
    return path


@pytest.fixture(scope="module")
def graph(graph_file: Path) -> Graph:
    return load_graph(graph_file)


@pytest.fixture(scope="module")
def server(graph_file: Path) -> Iterator[Server]:
    options = (
        "--timeout",
        str(TIMEOUT),
        "--max-rows",
        str(MAX_ROWS),
        "--workers",
        "2",
        "--cors",
        "http://yasgui.example",
    )
    with kg_serve(graph_file, *options) as running:
        yield running


# ---------------------------------------------------------------- the SPARQL endpoint


def test_select_in_every_result_format(server: Server, graph: Graph) -> None:
    expected = [(str(a), str(b)) for a, b in graph.query(CALLS)]  # type: ignore[misc]
    assert expected, "the sample graph has calls"

    data = wrapper(server, CALLS, JSON).query().convert()
    assert isinstance(data, dict)
    assert data["head"]["vars"] == ["a", "b"]
    assert [(r["a"]["value"], r["b"]["value"]) for r in data["results"]["bindings"]] == expected

    document = wrapper(server, CALLS, XML).query().convert()
    assert isinstance(document, Document)
    results = document.getElementsByTagName("result")
    assert len(results) == len(expected)
    first = {
        b.getAttribute("name"): _text_of(b.getElementsByTagName("uri")[0])
        for b in results[0].getElementsByTagName("binding")
    }
    assert (first["a"], first["b"]) == expected[0]

    csv_text = wrapper(server, CALLS, CSV).query().convert()
    assert isinstance(csv_text, bytes)
    rows = csv_text.decode("utf-8").splitlines()
    assert rows[0] == "a,b" and rows[1:] == [f"{a},{b}" for a, b in expected]

    tsv_text = wrapper(server, CALLS, TSV).query().convert()
    assert isinstance(tsv_text, bytes)
    rows = tsv_text.decode("utf-8").splitlines()
    assert rows[0] == "?a\t?b" and rows[1:] == [f"<{a}>\t<{b}>" for a, b in expected]


def test_select_by_post_form_and_post_directly(server: Server, graph: Graph) -> None:
    count = len(list(graph.query(CALLS)))
    for method in (POST, POSTDIRECTLY):
        data = wrapper(server, CALLS, JSON, method).query().convert()
        assert isinstance(data, dict) and len(data["results"]["bindings"]) == count


def test_arabic_literals_and_languages_survive(server: Server) -> None:
    query = (
        PREFIX
        + """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE { <https://w3id.org/arabic-diplomacy-kg/id/state/RU> rdfs:label ?label }"""
    )
    data = wrapper(server, query, JSON).query().convert()
    assert isinstance(data, dict)
    labels = {(b["label"]["value"], b["label"].get("xml:lang")) for b in data["results"]["bindings"]}
    assert ("روسيا", "ar") in labels
    status, _, body = get_query(server, query, "text/tab-separated-values")
    assert status == 200 and '"روسيا"@ar' in body


def test_ask_in_every_result_format(server: Server) -> None:
    yes = PREFIX + "ASK { ?a kg:called ?b }"
    no = PREFIX + "ASK { ?a kg:called kg:Nobody }"
    for query, truth in ((yes, True), (no, False)):
        data = wrapper(server, query, JSON).query().convert()
        assert isinstance(data, dict) and data["boolean"] is truth
        document = wrapper(server, query, XML).query().convert()
        assert isinstance(document, Document)
        assert document.getElementsByTagName("boolean")[0].firstChild.data == str(truth).lower()  # type: ignore[union-attr]
        for fmt in (CSV, TSV):
            text = wrapper(server, query, fmt).query().convert()
            assert isinstance(text, bytes) and text.decode().split()[-1] == str(truth).lower()


def test_construct_and_describe_in_every_graph_format(server: Server, graph: Graph) -> None:
    construct = PREFIX + "CONSTRUCT { ?a kg:called ?b } WHERE { ?a kg:called ?b }"
    expected = graph.query(construct).graph
    assert expected is not None and len(expected) > 0
    for fmt, rdflib_format in ((TURTLE, "turtle"), (JSONLD, "json-ld"), (XML, "xml"), (N3, "n3")):
        result = wrapper(server, construct, fmt).query()
        converted = result.convert()
        assert isinstance(converted, (Graph, str, bytes))
        received = converted if isinstance(converted, Graph) else Graph().parse(data=converted, format=rdflib_format)
        assert set(received) == set(expected), fmt
    for accept, rdflib_format in (("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        status, headers, body = get_query(server, construct, accept)
        assert status == 200 and headers["content-type"].startswith(accept)
        assert set(Graph().parse(data=body, format=rdflib_format)) == set(expected)
    describe = "DESCRIBE <https://w3id.org/arabic-diplomacy-kg/id/state/RU>"
    described = wrapper(server, describe, TURTLE).query().convert()
    assert isinstance(described, bytes)
    described_graph = Graph().parse(data=described, format="turtle")
    assert (ID["state/RU"], RDFS.label, Literal("روسيا", lang="ar")) in described_graph


def test_update_is_refused_and_changes_nothing(server: Server, graph: Graph) -> None:
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    client = wrapper(server, insert, JSON, POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403 and "read-only" in refused.value.read().decode()
    status, _, body = fetch(server.endpoint, insert.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, body = get_query(server, insert)  # an update sent as a query
    assert status == 403 and "read-only" in body
    status, _, body = get_query(server, "ASK { <urn:x:a> ?p ?o }", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is False


def test_bad_requests_get_clear_client_errors(server: Server) -> None:
    with pytest.raises(QueryBadFormed, match="invalid SPARQL query"):
        wrapper(server, "SELECT WHERE nonsense", JSON).query()
    status, _, body = fetch(server.endpoint, b"", {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and "no query" in body  # a POST without a query
    status, _, body = get_query(server, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and body.startswith("invalid SPARQL query: error at 1:")
    assert len(body.splitlines()) == 1 and "Traceback" not in body
    status, _, body = get_query(server, CALLS, "image/png")
    assert status == 406 and "application/sparql-results+json" in body
    status, _, body = get_query(server, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in body
    status, _, _ = fetch(server.endpoint, b"SELECT * {}", {"Content-Type": "text/plain"})
    assert status == 415


def test_result_size_limit(server: Server, graph: Graph) -> None:
    assert len(graph) > MAX_ROWS
    status, _, body = get_query(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422 and f"more than {MAX_ROWS} rows" in body
    status, _, body = get_query(server, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert status == 422 and f"more than {MAX_ROWS} triples" in body
    status, _, body = get_query(server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS


def test_slow_query_times_out_while_another_succeeds(server: Server) -> None:
    slow: dict[str, Any] = {}

    def run_slow() -> None:
        started = time.monotonic()
        slow["status"], _, slow["body"] = get_query(server, SLOW)
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    status, _, body = get_query(server, PREFIX + "ASK { ?a kg:called ?b }", "application/sparql-results+json")
    quick = time.monotonic() - started
    assert status == 200 and json.loads(body)["boolean"] is True
    assert quick < TIMEOUT, "the second query waited for the slow one"
    thread.join(TIMEOUT + 30)
    assert not thread.is_alive()
    assert slow["status"] == 503 and "time limit" in slow["body"]
    assert TIMEOUT - 0.5 <= slow["seconds"] < TIMEOUT + 10
    # The worker that ran it ended, with the query, and another took its place.
    if Path("/proc").is_dir():
        _wait_for_workers(server.process.pid, 2)
    # The killed worker is replaced: the server goes on answering, twice at once.
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(get_query(server, CALLS)[0])) for _ in range(4)]
    for item in threads:
        item.start()
    for item in threads:
        item.join(60)
    assert answers == [200] * 4


def test_cors_is_open_to_the_origins_named(server: Server) -> None:
    status, headers, _ = fetch(
        server.endpoint + "?" + urllib.parse.urlencode({"query": CALLS}), headers={"Origin": "http://yasgui.example"}
    )
    assert status == 200 and headers.get("access-control-allow-origin") == "http://yasgui.example"
    request = urllib.request.Request(
        server.endpoint,
        method="OPTIONS",
        headers={
            "Origin": "http://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert "POST" in response.headers["access-control-allow-methods"]


# ---------------------------------------------------------------- the page and its JSON


def test_page_is_served_with_local_scripts_only(server: Server) -> None:
    status, headers, page = fetch(server.url)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in headers["content-security-policy"]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), "the page loads something remote"
    for asset in ("static/vis-network.min.js", "static/app.js", "static/app.css", "static/vis-network.css"):
        assert f"/{asset}" in page
        status, _, body = fetch(server.url + asset)
        assert status == 200 and len(body) > 100
    script = fetch(server.url + "static/app.js")[2]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert 'href="/query"' in page  # the query editor, not a page of errors


def test_query_editor_is_shipped_and_loads_nothing_remote(server: Server) -> None:
    status, headers, page = fetch(server.url + "query")
    assert status == 200 and headers["content-type"].startswith("text/html")
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    assert "connect-src 'self'" in policy
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), "the page loads something remote"
    assert "<script>" not in page  # scripts are files, which the policy allows; inline ones it forbids
    for asset in ("static/yasgui/yasgui.min.js", "static/yasgui/yasgui.min.css", "static/query.js"):
        assert f"/{asset}" in page
        status, _, body = fetch(server.url + asset)
        assert status == 200 and len(body) > 100
    assert "MIT" in fetch(server.url + "static/yasgui/LICENSE")[2]
    assert "/sparql" in fetch(server.url + "static/query.js")[2]


def test_service_description(server: Server) -> None:
    status, headers, body = fetch(server.endpoint)
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    description = Graph().parse(data=body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = description.value(None, RDF.type, URIRef(sd + "Service"))
    assert service is not None
    assert description.value(service, URIRef(sd + "endpoint")) == URIRef(server.endpoint)
    assert (service, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in description
    status, headers, body = fetch(server.endpoint, headers={"Accept": "application/rdf+xml"})
    assert status == 200 and headers["content-type"].startswith("application/rdf+xml")
    assert len(Graph().parse(data=body, format="xml")) == len(description)


def test_page_json_follows_the_filters(server: Server, graph: Graph) -> None:
    meta = json.loads(fetch(server.url + "api/meta")[2])
    assert {r["id"] for r in meta["relations"]} >= {"called", "urged", "thanked"}
    assert meta["counts"]["actors"] == len(meta["actors"]) > 0
    view = json.loads(fetch(server.url + "api/network")[2])
    assert view["shown"] == min(view["total"], DEFAULT_TOP) > 0
    assert {e["relation"] for e in view["edges"]} >= {"called", "urged"}
    calls = json.loads(fetch(server.url + "api/network?relation=called")[2])
    assert calls["edges"] and {e["relation"] for e in calls["edges"]} == {"called"}
    edge = calls["edges"][0]
    params = {"source": edge["from"], "target": edge["to"], "kind": "called", "directed": int(edge["directed"])}
    events = json.loads(fetch(server.url + "api/events?" + urllib.parse.urlencode(params))[2])
    assert events["total"] == edge["count"] and events["events"][0]["evidence"]
    assert all(e["relation"] == "called" and e["articles"] for e in events["events"])
    status, _, body = fetch(server.url + "api/network?since=2030-13-01")
    assert status == 400 and "since" in body
    assert fetch(server.url + "api/events")[0] == 400


def test_a_missing_or_broken_graph_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    for path, problem in ((tmp_path / "missing.ttl", "no such graph file"), (broken, "not a valid turtle graph")):
        result = subprocess.run(
            [*KG_CLI, "serve", str(path), "--port", "0"], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and problem in lines[0], result.stderr


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(pid: int, count: int) -> set[int]:
    """The worker processes of the server ``pid`` once there are ``count`` of them, alive (within 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = {p for p in _children(pid) if _alive(p)}
        if len(workers) == count:
            return workers
        time.sleep(0.1)
    pytest.fail(f"kg serve did not keep {count} workers: {_children(pid)}")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the worker processes in /proc")
def test_a_killed_worker_is_replaced(server: Server) -> None:
    workers = _wait_for_workers(server.process.pid, 2)
    victim = min(workers)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while _alive(victim) and time.monotonic() < deadline:
        time.sleep(0.05)
    replaced = _wait_for_workers(server.process.pid, 2)
    assert victim not in replaced
    answers = [get_query(server, CALLS)[0] for _ in range(6)]
    assert answers == [200] * 6


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_server_stops_cleanly(graph_file: Path, sig: signal.Signals) -> None:
    with kg_serve(graph_file, "--workers", "2", "--timeout", "20") as server:
        workers = _children(server.process.pid) if Path("/proc").is_dir() else set()
        assert get_query(server, CALLS)[0] == 200
        stopped: list[tuple[int, dict[str, str], str]] = []
        slow = threading.Thread(target=lambda: stopped.append(get_query(server, SLOW)), daemon=True)
        slow.start()  # a query still running when the server is told to stop
        time.sleep(0.5)
        started = time.monotonic()
        server.process.send_signal(sig)
        assert server.process.wait(20) == 0
        assert time.monotonic() - started < 15
        slow.join(10)
        assert stopped and stopped[0][0] == 503 and "shutting down" in stopped[0][2], stopped
        host, port = urllib.parse.urlsplit(server.url).hostname, urllib.parse.urlsplit(server.url).port
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://{host}:{port}/api/meta", timeout=5)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers), "worker processes outlived the server"
        output = "".join(server.lines.queue)
        assert "Traceback" not in output and "stopped" in output


# ---------------------------------------------------------------- in-process units


def test_accept_header_negotiation() -> None:
    assert accepted_types("text/csv;q=0.5, application/json, */*;q=0.1") == ["application/json", "text/csv", "*/*"]
    assert negotiate("SelectQuery", "") == ("application/sparql-results+json", "json")
    assert negotiate("SelectQuery", "text/*") == ("text/csv; charset=utf-8", "csv")
    assert negotiate("SelectQuery", "text/html,*/*;q=0.8")[1] == "json"  # type: ignore[index]
    assert negotiate("ConstructQuery", "") == ("text/turtle; charset=utf-8", "turtle")
    assert negotiate("ConstructQuery", "application/json")[1] == "json-ld"  # type: ignore[index]
    assert negotiate("SelectQuery", "application/json", "csv")[1] == "csv"  # type: ignore[index]
    assert negotiate("SelectQuery", "image/png") is None
    assert negotiate("SelectQuery", "text/csv;q=0") is None


def test_tsv_escapes_tabs_and_newlines() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(str(ID["x"])), ox.NamedNode(str(RDFS.label)), ox.Literal("a\tb\nc", language="ar")))
    reply = answer(store, QueryRequest("SELECT ?l WHERE { ?s ?p ?l }", "text/tab-separated-values"), 10)
    assert reply.status == 200
    assert reply.body.decode().splitlines() == ["?l", '"a\\tb\\nc"@ar']


def test_filters_from_parameters() -> None:
    filters = Filters.from_params({"relation": ["called"], "top": ["all"], "since": ["2024-01-01"]})
    assert filters.relations == {"called"} and filters.top == 0 and str(filters.since) == "2024-01-01"
    assert Filters.from_params({"relation": ["none"]}).relations == frozenset()
    for bad in (
        {"relation": ["phoned"]},
        {"top": ["-1"]},
        {"until": ["soon"]},
        {"since": ["2024-02-01"], "until": ["2024-01-01"]},
        {"actor": ["a", "b"]},
    ):
        with pytest.raises(FilterError):
            Filters.from_params(bad)


def test_index_draws_what_the_analysis_draws(graph: Graph) -> None:
    index = NetworkIndex(graph)
    network = actor_network(graph)
    mine = {(r.event, r.source, r.target, r.directed) for r in index.records}
    theirs = {(key, u, v, bool(d["directed"])) for u, v, key, d in network.edges(keys=True, data=True)}
    theirs |= {(e["event"], node, None, False) for node, d in network.nodes(data=True) for e in d["solo_events"]}
    assert mine == theirs
    for node, data in network.nodes(data=True):
        assert (index.nodes[node]["label_ar"], index.nodes[node]["kind"]) == (data["label_ar"], data["kind"])


def synthetic_graph(actors: int = 1000, events: int = 3000, seed: int = 5) -> Graph:
    """A made-up graph with ``actors`` actors, calls and appeals on dates through 2024."""
    rnd = random.Random(seed)
    graph = bind_prefixes(Graph())
    kinds = [KG.Person, KG.State, KG.Organization]
    nodes = [ID[f"person/p{i}"] for i in range(actors)]
    for i, node in enumerate(nodes):
        graph.add((node, RDF.type, kinds[i % 3]))
        graph.add((node, RDFS.label, Literal(f"Actor {i}", lang="en")))
        graph.add((node, RDFS.label, Literal(f"الفاعل {i}", lang="ar")))
    article = ID["article/a0"]
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    graph.add((article, SCHEMA.identifier, Literal("a0")))
    for number in range(events):
        a = nodes[min(int(rnd.paretovariate(1.2)) - 1, actors - 1)] if number % 2 else rnd.choice(nodes)
        b = rnd.choice(nodes)
        event = ID[f"event/a0/e{number}"]
        graph.add(
            (event, DCTERMS.date, Literal(f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}", datatype=XSD_DATE))
        )
        graph.add((event, PROV.wasDerivedFrom, article))
        evidence = ID[f"evidence/a0/{number}"]
        graph.add((event, KG.hasEvidence, evidence))
        graph.add((evidence, KG.sentenceText, Literal(f"جملة {number}", lang="ar")))
        if number % 3 == 2:
            graph.add((event, RDF.type, KG.Appeal))
            graph.add((event, KG.agent, a))
            graph.add((event, KG.topic, [KG.Ceasefire, KG.Restraint][number % 2]))
        elif a != b:
            graph.add((event, RDF.type, KG.PhoneCall))
            graph.add((event, KG.participant, a))
            graph.add((event, KG.participant, b))
            graph.add((event, KG.initiator, a))
    return graph


def test_a_thousand_actors_are_filtered_to_the_most_active() -> None:
    started = time.monotonic()
    index = NetworkIndex(synthetic_graph())
    assert time.monotonic() - started < 20
    everything = index.view(Filters(top=0))
    assert everything["shown"] == everything["total"] > 900
    default = index.view(Filters())
    assert default["shown"] == DEFAULT_TOP < default["total"]
    events = {n["id"]: n["events"] for n in everything["nodes"] if n["kind"] != "Topic"}
    shown = [n["events"] for n in default["nodes"] if n["kind"] != "Topic"]
    assert min(shown) >= sorted(events.values(), reverse=True)[DEFAULT_TOP - 1]
    march = index.view(Filters(since=date(2024, 3, 1), until=date(2024, 3, 31), top=0))
    assert 0 < march["events"] < everything["events"] / 6
    ceasefire = index.view(Filters(relations=frozenset({"urged"}), topics=frozenset({str(KG.Ceasefire)}), top=0))
    assert {n["id"] for n in ceasefire["nodes"] if n["kind"] == "Topic"} == {str(KG.Ceasefire)}
    focus = str(ID["person/p500"])
    ego = index.view(Filters(actor=focus, top=5))
    assert ego["nodes"][0]["id"] == focus
    assert all(focus in (e["from"], e["to"]) for e in ego["edges"])


def test_a_date_range_admits_only_dated_events_in_it() -> None:
    march = Filters(since=date(2024, 3, 1), until=date(2024, 3, 31))
    assert march.by_date and march.admits_date("2024-03-15")
    assert not march.admits_date("2024-04-01") and not march.admits_date("2024-02-29")
    assert not march.admits_date(None)
    assert Filters(until=date(2024, 3, 31)).admits_date("2019-01-01")
    assert not Filters().by_date and Filters().admits_date(None)


def partly_dated_graph() -> Graph:
    """Three calls among four people, one dated 2024-03-10, and an undated appeal."""
    graph = bind_prefixes(Graph())
    people = [ID[f"person/p{i}"] for i in range(4)]
    for node in people:
        graph.add((node, RDF.type, KG.Person))
    calls = [("2024-03-10", people[0], people[1]), (None, people[0], people[2]), (None, people[1], people[3])]
    for number, (day, a, b) in enumerate(calls):
        event = ID[f"event/c{number}"]
        graph.add((event, RDF.type, KG.PhoneCall))
        graph.add((event, KG.participant, a))
        graph.add((event, KG.participant, b))
        if day:
            graph.add((event, DCTERMS.date, Literal(day, datatype=XSD_DATE)))
    appeal = ID["event/u0"]
    graph.add((appeal, RDF.type, KG.Appeal))
    graph.add((appeal, KG.agent, people[2]))
    graph.add((appeal, KG.topic, KG.Ceasefire))
    return graph


def test_a_date_range_says_how_many_undated_events_it_hides() -> None:
    people = [str(ID[f"person/p{i}"]) for i in range(4)]
    index = NetworkIndex(partly_dated_graph())
    assert index.view(Filters(top=0))["undated_hidden"] == 0
    march = index.view(Filters(since=date(2024, 3, 1), top=0))
    assert (march["events"], march["undated_hidden"]) == (1, 3)
    calls_only = index.view(Filters(since=date(2024, 3, 1), relations=frozenset({"called"}), top=0))
    assert calls_only["undated_hidden"] == 2
    # Only events the other filters keep count: p3 has one undated call.
    assert index.view(Filters(until=date(2024, 12, 31), actor=people[3], top=0))["undated_hidden"] == 1


def _text_of(element: Any) -> str:
    """The text of an XML element's first child (a SPARQL XML result's value)."""
    child = element.firstChild
    assert isinstance(child, Text)
    return str(child.data)


def test_page_data_is_503_until_read_then_served(graph: Graph) -> None:
    from starlette.testclient import TestClient

    from kg.web.app import create_app
    from kg.web.background import NetworkData
    from kg.web.queries import Queries
    from kg.web.sparql import Limits

    data = NetworkData()
    app = create_app(data, Queries(Limits(timeout=0.3)))
    with TestClient(app) as client:
        for path in ("/api/meta", "/api/network", "/api/events?node=x"):
            answer = client.get(path)
            assert answer.status_code == 503 and answer.headers["retry-after"] == "2", path
        assert client.get("/").status_code == 200  # the page itself, which waits and asks again
        data.read_in_background(lambda: graph).join(60)
        assert client.get("/api/meta").json()["counts"]["actors"] > 0
        assert client.get("/api/network").status_code == 200
    broken = NetworkData()
    broken.read_in_background(lambda: 1 / 0).join(10)  # type: ignore[arg-type,return-value]
    with TestClient(create_app(broken, Queries(Limits()))) as client:
        answer = client.get("/api/meta")
        assert answer.status_code == 500 and "division by zero" in answer.text


def test_query_workers_start_without_rdflib_or_the_cli() -> None:
    heavy = "('rdflib', 'kg.cli', 'typer')"
    code = f"import sys, kg.web.worker; print(sorted(m for m in sys.modules if m.startswith({heavy})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="the watchdog finds connections in /proc/self/fd")
def test_the_watchdog_answers_a_query_past_the_limit_and_ends_the_worker() -> None:
    import socket

    from kg.web.queries import CLOCK, Peer, Queries, Watchdog
    from kg.web.sparql import Limits

    queries = Queries(Limits(timeout=0.2))
    ended: list[int] = []
    listening = socket.create_server(("127.0.0.1", 0))
    with listening, socket.create_connection(listening.getsockname()) as client:
        accepted, address = listening.accept()
        with accepted:
            # A query "running" since 5 s ago, asked on this connection from an allowed page.
            queries.peer = Peer(address, accepted.getsockname(), "http://yasgui.example")
            CLOCK.pack_into(queries.clock, 0, time.monotonic() - 5, 0.0, 0.0)
            watchdog = Watchdog(queries, ("http://yasgui.example",), end=ended.append)
            watchdog.start()
            watchdog.join(10)
            client.settimeout(10)
            answer = b""
            while chunk := client.recv(4096):
                answer += chunk
    assert ended == [0] and CLOCK.unpack_from(queries.clock)[1] == 1.0  # the supervisor reads why it ended
    head, _, body = answer.decode("utf-8").partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 503 ") and "retry-after: 1" in head
    assert "access-control-allow-origin: http://yasgui.example" in head
    assert "time limit of 0.2 s" in body and f"content-length: {len(body.encode())}" in head


def test_result_prefixes_are_the_projects() -> None:
    from kg.web.results import PREFIXES

    bound = {prefix: str(namespace) for prefix, namespace in bind_prefixes(Graph()).namespaces()}
    assert {prefix: bound[prefix] for prefix in PREFIXES} == PREFIXES


def test_the_supervisor_kills_a_worker_whose_query_runs_past_the_limit(tmp_path: Path) -> None:
    """The backstop for a watchdog that did not act: the worker's clock says its query runs too long."""
    import asyncio
    import mmap
    import socket

    from kg.web.background import NetworkData
    from kg.web.channel import Channel
    from kg.web.queries import CLOCK
    from kg.web.sparql import Limits
    from kg.web.supervisor import GRACE, Supervisor, WorkerOptions, _Worker

    stuck = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    clocks = [mmap.mmap(-1, CLOCK.size) for _ in range(2)]
    CLOCK.pack_into(clocks[0], 0, time.monotonic() - GRACE - 5, 0.0, 0.0)  # a query started long ago
    CLOCK.pack_into(clocks[1], 0, 0.0, 0.0, 0.0)  # no query
    with socket.create_server(("127.0.0.1", 0)) as listening:
        supervisor = Supervisor(tmp_path, listening, WorkerOptions(Limits(timeout=0.5)), 1, NetworkData())

        async def police() -> None:
            ends = [socket.socketpair() for _ in range(2)]
            for process, clock, (ours, _) in zip((stuck, idle), clocks, ends, strict=True):
                supervisor._workers.add(_Worker(process, await Channel.open(ours), clock))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(supervisor._police(), 3)
            for _, theirs in ends:
                theirs.close()

        try:
            asyncio.run(police())
            assert stuck.wait(5) == -signal.SIGKILL
            assert idle.poll() is None
        finally:
            for process in (stuck, idle):
                process.kill()
                process.wait()
