"""``kg stats`` and ``kg viz`` give what they gave when they read the graph through rdflib.

Their figures and page on a small graph (calls with and without an initiator, appeals with
and without a goal, thanks, a mediation offer, a warning, two outlets, an unknown person)
are recorded in ``tests/data/analysis_outputs.json``; ``python tests/test_analysis_output.py
--record`` records them again after a change meant to alter them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from kg import api
from kg.actors import ActorRecord, Office
from kg.knowledge import ORGANIZATION, PERSON, STATE, Knowledge
from kg.model import Actor, ArticleResult, Evidence, Fact
from kg.persist import build_graph
from kg.read import Article
from kg.store import save_graph

EXPECTED = Path(__file__).resolve().parent / "data" / "analysis_outputs.json"

ALPHA = Actor("person/test-alpha", PERSON, "ألفا", "Alpha")
BETA = Actor("person/test-beta", PERSON, "بيتا", "Beta")
GAMMA = Actor("person/unknown/XA/غاما", PERSON, "غاما")  # no English label, not in the gazetteer
STATE_A = Actor("state/XA", STATE, "دولة أ", "State A")
LEAGUE = Actor("org/test-league", ORGANIZATION, "الجامعة", "The League")
RECORDS = {
    "state/XA": ActorRecord("state/XA", STATE, "State A", ("دولة أ",)),
    "state/XB": ActorRecord("state/XB", STATE, "State B", ("دولة ب",)),
    "org/test-league": ActorRecord("org/test-league", ORGANIZATION, "The League", ("الجامعة",)),
    ALPHA.key: ActorRecord(ALPHA.key, PERSON, "Alpha", ("ألفا",), offices=(Office("president", state="XA"),)),
    BETA.key: ActorRecord(BETA.key, PERSON, "Beta", ("بيتا",), offices=(Office("foreign_minister", state="XB"),)),
}


def _evidence(text: str, index: int) -> Evidence:
    return Evidence(sentence=text, index=index, start_char=0, end_char=len(text))


def write_graph(target: Path) -> Path:
    """The small graph of this module, as Turtle."""
    one = Article("art-1", "…", published=date(2024, 5, 10), url="https://one.example/1", outlet="Outlet One")
    two = Article("art-2", "…", published=date(2024, 8, 2), url="https://two.example/2", outlet="Outlet Two")
    three = Article("art-3", "…")
    actors = {a.key: a for a in (ALPHA, BETA, GAMMA, STATE_A, LEAGUE)}
    results = [
        ArticleResult(
            one,
            [
                Fact("called", ALPHA, _evidence("اتصل ألفا ببيتا.", 0), b=BETA, initiator="a", date=date(2024, 5, 9)),
                Fact("urged", ALPHA, _evidence("ودعا ألفا إلى وقف إطلاق النار.", 1), topic="Ceasefire"),
                Fact("urged", STATE_A, _evidence("ودعت دولة أ إلى خفض التصعيد.", 2), topic="DeEscalation"),
                Fact("thanked", BETA, _evidence("وشكر بيتا دولة أ.", 3), b=STATE_A),
            ],
            actors,
            date=one.published,
        ),
        ArticleResult(
            two,
            [
                Fact("called", BETA, _evidence("وجرى اتصال بين بيتا وغاما.", 0), b=GAMMA),
                Fact("called", ALPHA, _evidence("تلقى ألفا اتصالا من بيتا.", 1), b=BETA, initiator="b"),
                Fact("offeredMediation", LEAGUE, _evidence("وعرضت الجامعة الوساطة.", 2)),
                Fact("warned", LEAGUE, _evidence("وحذرت الجامعة من حرب.", 3), warned_of="حرب"),
            ],
            actors,
            date=two.published,
        ),
        ArticleResult(three, [Fact("urged", GAMMA, _evidence("وطالب غاما بالتهدئة.", 0))], actors),
    ]
    save_graph(build_graph(results, Knowledge(actors=RECORDS, lexicon={"roles": {}})), target)
    return target


def outputs(work: Path) -> dict[str, object]:
    """What ``kg stats`` and ``kg viz`` make of the graph: the figures, and the page's SHA-256."""
    graph = write_graph(work / "graph.ttl")
    page = work / "graph.html"
    shown = api.viz(graph, page, top=150)
    return {
        "stats": api.stats(graph, top=10),
        "viz_actors": shown,
        "viz_sha256": hashlib.sha256(page.read_bytes()).hexdigest(),
    }


def test_stats_and_viz_are_as_recorded(tmp_path: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    found = json.loads(json.dumps(outputs(tmp_path)))
    assert found["stats"] == expected["stats"]
    assert found["viz_actors"] == expected["viz_actors"]
    assert found["viz_sha256"] == expected["viz_sha256"]


@pytest.mark.parametrize("suffix", [".nt", ".trig"])
def test_stats_are_the_same_whatever_the_file_format(tmp_path: Path, suffix: str) -> None:
    graph = write_graph(tmp_path / "graph.ttl")
    other = tmp_path / f"graph{suffix}"
    api.export(graph, "nt" if suffix == ".nt" else "trig", other)
    assert api.stats(other) == api.stats(graph)


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        EXPECTED.write_text(json.dumps(outputs(Path(folder)), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"recorded {EXPECTED}")
