"""``kg serve`` against the W3C SPARQL 1.1 Protocol tests (query side), rdflib's SPARQLStore, and a store folder.

The protocol tests are read from ``../shared/conformance/sparql11-protocol`` (the W3C
manifest and its data, not shipped with the project); their data files are served as
named graphs of one N-Quads file, each named as the manifest labels it. Every request
goes to a real ``kg serve`` on a free loopback port. The ``update_*`` tests are for
endpoints that take updates (this one refuses them all); the ``bad_update_*`` ones run, and
get the 4xx they expect.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from conftest import REPO, SHARED
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.term import Node
from test_serve import KG_CLI, Server, fetch, get_query, kg_serve  # tests/ is on sys.path under pytest

from kg.build import build_store
from kg.extract import Extractor
from kg.persist import GraphStore
from kg.rdf import ID, KG
from kg.resources import sample_corpus_dir

PROTOCOL = SHARED / "conformance" / "sparql11-protocol"
TESTS = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
HT = "http://www.w3.org/2011/http#"
CNT = "http://www.w3.org/2011/content#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
HTS = "http://www.w3.org/2011/http-statusCodes#"
#: Tests of SPARQL Update, which a read-only endpoint does not run.
UPDATE_ONLY = "update_"
GRAPH_PREFIX = "https://w3id.org/arabic-diplomacy-kg/id/graph/"

needs_protocol_tests = pytest.mark.skipif(
    not (PROTOCOL / "manifest.ttl").is_file(),
    reason="../shared/conformance/sparql11-protocol is absent: the W3C tests are not shipped with the project",
)


def _manifest() -> Graph:
    return Graph().parse(PROTOCOL / "manifest.ttl", format="turtle", publicID=PROTOCOL.as_uri() + "/")


def _items(manifest: Graph, subject: Node | None, predicate: str) -> list[Node]:
    """The members of the RDF list ``subject predicate ( … )`` (none if absent)."""
    head = manifest.value(subject, URIRef(predicate)) if subject is not None else None
    return [] if head is None else list(manifest.items(head))


def _query_tests() -> list[str]:
    """The names of the manifest's query-side tests, in manifest order."""
    if not (PROTOCOL / "manifest.ttl").is_file():
        return []
    manifest = _manifest()
    entries = _items(manifest, next(manifest.subjects(RDF.type, URIRef(MF + "Manifest"))), MF + "entries")
    names = [str(node).rsplit("#", 1)[1] for node in entries]
    return [name for name in names if not name.startswith(UPDATE_ONLY)]


@pytest.fixture(scope="module")
def protocol_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Graph]]:
    manifest = _manifest()
    dataset = Dataset()
    for data in manifest.subjects(URIRef(UT + "graph"), None):
        name = manifest.value(data, RDFS.label)
        source = manifest.value(data, URIRef(UT + "graph"))
        assert name is not None and source is not None
        dataset.graph(URIRef(str(name))).parse(urllib.parse.urlsplit(str(source)).path, format="nt")
    path = tmp_path_factory.mktemp("protocol") / "data.nq"
    dataset.serialize(destination=str(path), format="nquads")
    with kg_serve(path) as server:
        yield server, manifest


def _request(server: Server, manifest: Graph, request: Any) -> tuple[int, str, bytes]:
    """Send one ht:Request of the manifest; status, media type and body of the answer."""
    path = str(manifest.value(request, URIRef(HT + "absolutePath")))
    assert path.startswith("/sparql/")
    target = "/sparql" + path[len("/sparql/") :]
    headers = {
        str(manifest.value(h, URIRef(HT + "fieldName"))): str(manifest.value(h, URIRef(HT + "fieldValue")))
        for h in _items(manifest, request, HT + "headers")
    }
    body_node = manifest.value(request, URIRef(HT + "body"))
    body = None
    if body_node is not None:
        encoding = str(manifest.value(body_node, URIRef(CNT + "characterEncoding")) or "UTF-8")
        body = str(manifest.value(body_node, URIRef(CNT + "chars"))).encode(encoding)
    method = str(manifest.value(request, URIRef(HT + "methodName")))
    parts = urllib.parse.urlsplit(server.url)
    assert parts.hostname == "127.0.0.1" and parts.port is not None
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("content-type", ""), response.read()
    finally:
        connection.close()


def _boolean(media: str, body: bytes) -> bool:
    if "json" in media:
        value = json.loads(body)["boolean"]
        assert isinstance(value, bool)
        return value
    found = ElementTree.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert found is not None and found.text in {"true", "false"}
    return found.text == "true"


def _check_format(expected: str, media: str, body: bytes) -> None:
    if expected == "boolean":
        assert media.startswith(("application/sparql-results+json", "application/sparql-results+xml")), media
    elif expected == "tabular":
        assert media.startswith(("application/sparql-results+", "text/csv", "text/tab-separated-values")), media
        if "json" in media:
            assert "bindings" in json.loads(body)["results"]
    else:
        formats = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/n-triples": "nt"}
        fmt = next((f for m, f in formats.items() if media.startswith(m)), None)
        assert fmt is not None, media
        Graph().parse(data=body, format=fmt)


@needs_protocol_tests
@pytest.mark.parametrize("name", _query_tests())
def test_w3c_protocol(protocol_server: tuple[Server, Graph], name: str) -> None:
    server, manifest = protocol_server
    test = URIRef(TESTS + name)
    action = manifest.value(test, URIRef(MF + "action"))
    assert action is not None, name
    for request in _items(manifest, action, HT + "requests"):
        status, media, body = _request(server, manifest, request)
        response = manifest.value(request, URIRef(HT + "resp"))
        classes = {str(c).removeprefix(HTS) for c in manifest.objects(response, URIRef(MF + "expectedStatus"))}
        assert f"StatusCode{str(status)[0]}xx" in classes, (name, status, body[:300])
        expected_format = manifest.value(response, URIRef(MF + "expectedFormat"))
        if expected_format is not None:
            _check_format(str(expected_format), media, body)
        expected_boolean = manifest.value(response, URIRef(MF + "expectedBoolean"))
        if expected_boolean is not None:
            assert isinstance(expected_boolean, Literal)
            assert _boolean(media, body) is bool(expected_boolean.toPython()), name


def test_the_manifest_is_read_whole() -> None:
    if not (PROTOCOL / "manifest.ttl").is_file():
        pytest.skip("../shared/conformance/sparql11-protocol is absent")
    names = _query_tests()
    assert len([n for n in names if "update" not in n]) == 20
    assert len([n for n in names if "update" in n]) == 7  # bad updates: a read-only endpoint's 4xx passes them


# ---------------------------------------------------------------- a built graph with named graphs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> tuple[Path, Path]:
    """The sample corpus built with its named graphs: as a TriG file and as a store folder."""
    memory, report = build_store([sample_corpus_dir()], extractor=extractor)
    assert report.articles > 0
    folder = tmp_path_factory.mktemp("built")
    trig = folder / "graph.trig"
    trig.write_bytes(memory.dump("trig"))
    with GraphStore.open(folder / "store") as disk:
        inner = disk._oxigraph()
        inner.load(memory.dump("nquads"), format=ox.RdfFormat.N_QUADS)
        inner.load(memory.dump("ntriples"), format=ox.RdfFormat.N_TRIPLES)  # the default graph: the union
    return trig, folder / "store"


@pytest.fixture(scope="module", params=["trig", "store"])
def dataset_server(request: pytest.FixtureRequest, built: tuple[Path, Path]) -> Iterator[Server]:
    """``kg serve`` of the TriG file, then of the store folder."""
    trig, store = built
    with kg_serve(trig if request.param == "trig" else store) as server:
        yield server


def _select(server: Server, query: str, **dataset: list[str]) -> list[dict[str, str]]:
    params: list[tuple[str, str]] = [("query", query)]
    params += [(name.replace("_", "-"), iri) for name, iris in dataset.items() for iri in iris]
    status, _, body = fetch(
        server.endpoint + "?" + urllib.parse.urlencode(params), headers={"Accept": "application/sparql-results+json"}
    )
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    return [{name: value["value"] for name, value in row.items()} for row in rows]


def test_named_graphs_are_kept_and_the_default_graph_is_their_union(
    dataset_server: Server, built: tuple[Path, Path]
) -> None:
    graphs = {r["g"] for r in _select(dataset_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    articles = {g for g in graphs if g.startswith(GRAPH_PREFIX + "article/")}
    events = {g for g in graphs if g.startswith(GRAPH_PREFIX + "event/")}
    assert len(articles) == len(list(sample_corpus_dir().glob("*.txt"))) and events
    assert graphs == articles | events
    union = Dataset().parse(built[0], format="trig")
    distinct = {(s, p, o) for s, p, o, _ in union.quads((None, None, None, None))}
    count = _select(dataset_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count[0]["n"]) == len(distinct), "the default graph is not the union, each triple once"
    # A label named by every article is one row, not one per graph that holds it.
    russia = str(ID["state/RU"])
    labels = _select(dataset_server, f"SELECT ?l WHERE {{ <{russia}> <{RDFS.label}> ?l FILTER(lang(?l) = 'ar') }}")
    assert labels == [{"l": "روسيا"}]


def test_dataset_parameters_choose_the_graphs(dataset_server: Server) -> None:
    graphs = sorted(r["g"] for r in _select(dataset_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    article = next(g for g in graphs if "/article/" in g)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    own = _select(dataset_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{article}> {{ ?s ?p ?o }} }}")[0]["n"]
    assert _select(dataset_server, count, default_graph_uri=[article])[0]["n"] == own
    total = int(_select(dataset_server, count)[0]["n"])
    assert 0 < int(own) < total
    # Named graphs only: those graphs are the ones GRAPH sees, and the default graph is empty.
    named = _select(dataset_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graph_uri=[article])
    assert named == [{"g": article}]
    assert _select(dataset_server, count, named_graph_uri=[article])[0]["n"] == "0"
    status, _, body = fetch(
        dataset_server.endpoint + "?" + urllib.parse.urlencode({"query": count, "default-graph-uri": "not an IRI"})
    )
    assert status == 400 and "IRI" in body


def test_rdflib_sparqlstore_reads_the_graphs(dataset_server: Server) -> None:
    store = SPARQLStore(dataset_server.endpoint, returnFormat="json")
    try:
        names = {str(c.identifier if isinstance(c, Graph) else c) for c in store.contexts()}
        assert any("/graph/article/" in n for n in names) and any("/graph/event/" in n for n in names)
        article = URIRef(sorted(n for n in names if "/graph/article/" in n)[0])
        remote = Dataset(store=store)
        rows = list(remote.query(f"SELECT ?s WHERE {{ GRAPH <{article}> {{ ?s a <{KG.EventReport}> }} }}"))
        assert rows, "no event report in an article graph"
        called = list(remote.query(f"ASK {{ ?a <{KG.called}> ?b }}"))
        assert called == [True]
    finally:
        store.close()


def test_shipped_queries_answer_on_the_served_dataset(dataset_server: Server) -> None:
    for path in sorted((REPO / "queries").glob("*.rq")):
        status, _, body = get_query(dataset_server, path.read_text(encoding="utf-8"), "application/sparql-results+json")
        assert status == 200, (path.name, body)
    calls = [REPO / "queries" / name for name in ("who_called_whom.rq", "calls_per_pair.rq", "call_sources.rq")]
    answered = [json.loads(get_query(dataset_server, p.read_text(encoding="utf-8"))[2]) for p in calls]
    assert answered and all(a["results"]["bindings"] for a in answered)


def test_a_folder_that_is_no_store_is_refused_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [*KG_CLI, "serve", str(tmp_path), "--port", "0"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a graph store" in lines[0], result.stderr


def test_every_graph_format_is_served_with_its_graphs(tmp_path: Path, built: tuple[Path, Path]) -> None:
    from kg.web.served import prepare

    dataset = Dataset().parse(built[0], format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    graphs = {str(c.identifier) for c in dataset.graphs() if str(c.identifier).startswith(GRAPH_PREFIX)}
    files: dict[str, tuple[Graph, str]] = {"graph.nq": (dataset, "nquads"), "graph.trig": (dataset, "trig")}
    files |= {
        f"graph{suffix}": (union, fmt) for suffix, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"))
    }
    for name, (content, fmt) in files.items():
        content.serialize(destination=str(tmp_path / name), format=fmt, encoding="utf-8")
        served = prepare(tmp_path / name)
        try:
            store = served.open()
            counted = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            found = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            assert isinstance(counted, ox.QuerySolutions) and isinstance(found, ox.QuerySolutions)
            count = next(iter(counted))
            names = {str(row["g"].value) for row in found}
            del store, counted, found
        finally:
            served.cleanup()
        assert int(count["n"].value) == len(union), name
        assert names == (graphs if fmt in {"nquads", "trig"} else set()), name
        assert not served.folder.exists(), "the temporary copy outlived the server"


def test_a_damaged_or_foreign_store_is_refused_in_one_line(tmp_path: Path, built: tuple[Path, Path]) -> None:
    import shutil

    from kg import persist

    damaged, newer = tmp_path / "damaged", tmp_path / "newer"
    shutil.copytree(built[1], damaged)
    (damaged / "oxigraph" / "CURRENT").write_text("garbage\n", encoding="utf-8")
    shutil.copytree(built[1], newer)
    marker = json.loads((newer / persist.MARKER).read_text(encoding="utf-8"))
    (newer / persist.MARKER).write_text(json.dumps({**marker, "version": 99}), encoding="utf-8")
    for folder, problem in ((damaged, "the store is damaged"), (newer, "store version 99")):
        result = subprocess.run(
            [*KG_CLI, "serve", str(folder), "--port", "0"], capture_output=True, text=True, timeout=60
        )
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1 and problem in lines[0], result.stderr
