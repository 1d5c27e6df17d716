"""The network page's JSON stays the same, however its data is read.

The JSON of ``/api/meta``, ``/api/network`` (under several filters) and ``/api/events``
(for the most active actors and the first edges) is made from the sample corpus build,
served as ``kg serve`` serves it (a file loaded into Oxigraph) and as an rdflib graph, and
from two made-up graphs; the SHA-256 of each must equal the figure recorded in
``tests/data/page_outputs.json``. A change to the page's data on purpose records the new
figures with ``python tests/test_page_data.py --record`` in the same commit, and says why
(``--dump DIR`` writes the JSON itself, to compare).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.build import build
from kg.extract import Extractor
from kg.rdf import KG
from kg.resources import sample_corpus_dir
from kg.store import save_graph
from kg.web.network import Filters, NetworkIndex
from kg.web.served import prepare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_serve import partly_dated_graph, synthetic_graph

EXPECTED = Path(__file__).resolve().parent / "data" / "page_outputs.json"


def page_json(index: NetworkIndex) -> dict[str, Any]:
    """What the page asks of ``index``: meta, views under several filters, events of nodes and edges."""
    everything = index.view(Filters(top=0))
    ranked = [n["id"] for n in everything["nodes"] if n["kind"] != "Topic"]
    found: dict[str, Any] = {
        "meta": index.meta(),
        "view_all": everything,
        "view_default": index.view(Filters()),
        "view_2024": index.view(Filters(since=date(2024, 1, 1), until=date(2024, 12, 31), top=0)),
        "view_calls": index.view(Filters(relations=frozenset({"called"}), top=0)),
        "view_goal": index.view(Filters(relations=frozenset({"urged"}), topics=frozenset({str(KG.Ceasefire)}))),
    }
    if ranked:
        found["view_actor"] = index.view(Filters(actor=ranked[0], top=5))
    for number, node in enumerate(ranked[:8]):
        found[f"events_node{number}"] = index.events(Filters(), node=node)
    for number, edge in enumerate(everything["edges"][:12]):
        key = (edge["from"], edge["to"], edge["relation"], edge["directed"])
        found[f"events_edge{number}"] = index.events(Filters(), edge=key)
    return found


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def digests(found: dict[str, Any]) -> dict[str, str]:
    """SHA-256 of each part's JSON (keys in the order the server writes them)."""
    return {name: hashlib.sha256(_text(value).encode("utf-8")).hexdigest() for name, value in found.items()}


def sample_file(work: Path, extractor: Extractor) -> Path:
    """The sample corpus built and saved as Turtle."""
    graph, _ = build([sample_corpus_dir()], extractor=extractor)
    path = work / "graph.ttl"
    save_graph(graph, path)
    return path


def served_index(path: Path) -> NetworkIndex:
    """The index ``kg serve`` reads from ``path`` (a graph file loaded into Oxigraph, or a store)."""
    served = prepare(path)
    try:
        return NetworkIndex(served.graph())
    finally:
        served.cleanup()


def all_outputs(work: Path, extractor: Extractor) -> dict[str, dict[str, Any]]:
    """The page JSON of every graph this test checks."""
    from kg.store import load_graph

    path = sample_file(work, extractor)
    return {
        "sample_served": page_json(served_index(path)),
        "sample_rdflib": page_json(NetworkIndex(load_graph(path))),
        "synthetic": page_json(NetworkIndex(synthetic_graph(actors=300, events=900))),
        "partly_dated": page_json(NetworkIndex(partly_dated_graph())),
    }


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> dict[str, dict[str, Any]]:
    return all_outputs(tmp_path_factory.mktemp("page"), extractor)


def test_served_and_rdflib_graphs_give_the_same_page(outputs: dict[str, dict[str, Any]]) -> None:
    assert _text(outputs["sample_served"]) == _text(outputs["sample_rdflib"])
    assert outputs["sample_served"]["meta"]["counts"]["events"] > 10


@pytest.mark.parametrize("name", ["sample_served", "synthetic", "partly_dated"])
def test_page_json_is_the_recorded_one(outputs: dict[str, dict[str, Any]], name: str) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))[name]
    assert digests(outputs[name]) == expected


def main(arguments: list[str]) -> None:
    """``--record``: write the figures; ``--dump DIR``: write the JSON of each graph."""
    with tempfile.TemporaryDirectory() as work:
        found = all_outputs(Path(work), Extractor())
    if "--record" in arguments:
        recorded = {name: digests(value) for name, value in found.items() if name != "sample_rdflib"}
        EXPECTED.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if "--dump" in arguments:
        folder = Path(arguments[arguments.index("--dump") + 1])
        folder.mkdir(parents=True, exist_ok=True)
        for name, value in found.items():
            (folder / f"{name}.json").write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
