"""The HTML network page: offline, escaped, filtered, Arabic first."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.knowledge import ORGANIZATION, PERSON, STATE, Knowledge
from kg.model import Actor, ArticleResult, Evidence, Fact
from kg.persist import build_graph
from kg.rdf import ID, KG
from kg.read import Article
from kg.store import save_graph
from kg.viz import remote_resources, write_network_html

runner = CliRunner()

PUTIN = Actor("person/test-putin", PERSON, "فلاديمير بوتين", "Vladimir Putin")
RAISI = Actor("person/test-raisi", PERSON, "إبراهيم رئيسي", "Ebrahim Raisi")
RUSSIA = Actor("state/XR", STATE, "روسيا", "Russia")
UN = Actor("org/test-un", ORGANIZATION, "الأمم المتحدة", "United Nations")
QATAR = Actor("state/XQ", STATE, "قطر", "Qatar")
# A name first met in a text, with markup in it.
STRANGER = Actor("person/unknown/XX/stranger", PERSON, 'المبعوث <img src=x onerror="alert(2)">', known=False)

HOSTILE = 'وقال المتحدث <script>alert(1)</script> إن الاتصال <a href="https://evil.example/">كان مثمرا</a>.'


def _ev(text: str, index: int) -> Evidence:
    return Evidence(sentence=text, index=index, start_char=0, end_char=len(text))


def _graph(results: list[ArticleResult]) -> Graph:
    return build_graph(results, Knowledge(actors={}, lexicon={"roles": {}}))


@pytest.fixture(scope="module")
def graph() -> Graph:
    """Putin: 4 events, Raisi: 3, Russia: 2, the UN: 1, Qatar: 1, the stranger: 1."""
    article = Article(identifier="art-9", text="…")
    other = Article(identifier="art-10", text="…")  # one call per pair and article: the second is elsewhere
    second_call = Fact("called", PUTIN, _ev("وبحث بوتين مع رئيسي هاتفيا الوضع في المنطقة.", 0), b=RAISI, initiator="a")
    facts = [
        Fact("called", PUTIN, _ev(HOSTILE, 0), b=RAISI, initiator="a"),
        Fact("urged", PUTIN, _ev("ودعا بوتين إلى خفض التصعيد.", 2), topic="DeEscalation"),
        Fact("urged", RUSSIA, _ev("ودعت روسيا إلى وقف إطلاق النار.", 3), topic="Ceasefire"),
        Fact("thanked", RAISI, _ev("وشكر رئيسي روسيا وبوتين.", 4), b=RUSSIA),
        Fact("called", PUTIN, _ev("واتصل الأمين العام للأمم المتحدة ببوتين.", 5), b=UN),
        Fact("offeredMediation", QATAR, _ev("وأبدت قطر استعدادها للوساطة.", 6)),
        Fact("warned", STRANGER, _ev("وحذر المبعوث من حرب إقليمية.", 7), warned_of="<b>حرب</b> إقليمية"),
    ]
    actors = {a.key: a for a in (PUTIN, RAISI, RUSSIA, UN, QATAR, STRANGER)}
    return _graph(
        [
            ArticleResult(article, facts, actors),
            ArticleResult(other, [second_call], {a.key: a for a in (PUTIN, RAISI)}),
        ]
    )


def _data(page: str, name: str) -> list[dict[str, Any]]:
    """The nodes or edges handed to vis-network, decoded."""
    match = re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", page)
    assert match, f"no {name} DataSet in the page"
    value: list[dict[str, Any]] = json.loads(match.group(1))
    return value


class _Checker(HTMLParser):
    """Collects the start tags and the src/href attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [value or "" for name, value in attrs if name in {"src", "href"}]


def _write(graph: Graph, tmp_path: Path, top: int = 150) -> tuple[str, int]:
    out = tmp_path / "network.html"
    shown = write_network_html(graph, out, top=top)
    return out.read_text(encoding="utf-8"), shown


def test_page_makes_no_network_request(graph: Graph, tmp_path: Path) -> None:
    page, _ = _write(graph, tmp_path)
    assert "vis.Network" in page and "vis-network" in page  # the library is embedded…
    # …and nothing is loaded from elsewhere: no URL in any src= or href= attribute.
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    checker = _Checker()
    checker.feed(page)
    assert not [u for u in checker.urls if re.match(r"\s*(?:https?:)?//", u, re.IGNORECASE)]
    assert remote_resources(page) == []
    assert "bootstrap" not in page.lower()
    assert "div.popup" not in page  # pyvis kept its default tooltips: no "href" in any title


def test_remote_resources_finds_what_pyvis_would_load() -> None:
    page = (
        '<html><head><link href="https://cdn.example/b.css" rel="stylesheet"><script src="//cdn.example/b.js">'
        'var s = \'<img src="https://x">\';</script></head><body><a href="#top">x</a></body></html>'
    )
    assert remote_resources(page) == ["<link href=https://cdn.example/b.css>", "<script src=//cdn.example/b.js>"]


def test_article_text_is_html_escaped(graph: Graph, tmp_path: Path) -> None:
    page, _ = _write(graph, tmp_path)
    assert "<script>alert(1)" not in page
    assert "<a href" not in page and "evil.example" in page  # the link is text, not a link
    assert "<img src=x" not in page
    assert "<b>حرب" not in page
    edges = _data(page, "edges")
    titles = " ".join(e["title"] for e in edges)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in titles  # escaped, so innerHTML shows it as text
    nodes = {n["id"]: n for n in _data(page, "nodes")}
    stranger_node = next(n for n in nodes.values() if "المبعوث" in n["label"])
    title = stranger_node["title"]
    assert "<img" not in title and "&lt;img src&#61;x onerror&#61;&quot;alert(2)&quot;&gt;" in title
    assert STRANGER.label_ar in html.unescape(title)  # reads as written once the tooltip is parsed
    assert "&lt;b&gt;حرب&lt;/b&gt; إقليمية" in title  # the danger warned of
    # The label is drawn on the canvas as text (never parsed as HTML) and JSON-encoded.
    assert stranger_node["label"] == STRANGER.label_ar


def test_labels_are_arabic_with_english_in_the_tooltip(graph: Graph, tmp_path: Path) -> None:
    page, _ = _write(graph, tmp_path)
    nodes = {n["id"]: n for n in _data(page, "nodes")}
    putin = nodes[str(ID[PUTIN.key])]
    assert putin["label"] == "فلاديمير بوتين"
    assert "Vladimir Putin" in putin["title"] and 'dir="rtl"' in putin["title"]
    assert nodes[str(KG.DeEscalation)]["label"] == "خفض التصعيد"  # goals too, from the ontology
    assert 'dir="rtl"' in page and 'lang="ar"' in page


def test_nodes_are_styled_by_type_with_a_legend(graph: Graph, tmp_path: Path) -> None:
    page, _ = _write(graph, tmp_path)
    nodes = {n["id"]: n for n in _data(page, "nodes")}
    colours = {kind: nodes[str(ID[actor.key])]["color"] for kind, actor in (("P", PUTIN), ("S", RUSSIA), ("O", UN))}
    assert len(set(colours.values())) == 3
    assert nodes[str(KG.DeEscalation)]["shape"] == "diamond"
    for word in ("Person", "State", "Organization", "شخص", "دولة", "منظمة", "kg-legend"):
        assert word in page


def test_edges_are_grouped_per_pair_and_relation(graph: Graph, tmp_path: Path) -> None:
    page, _ = _write(graph, tmp_path)
    edges = _data(page, "edges")
    putin, raisi = str(ID[PUTIN.key]), str(ID[RAISI.key])
    calls = [e for e in edges if e["from"] == putin and e["to"] == raisi]
    assert len(calls) == 1  # two call events, one edge
    assert calls[0]["value"] == 2 and calls[0]["label"] == "2"
    assert "art-9" in calls[0]["title"] and "art-10" in calls[0]["title"] and "وبحث بوتين" in calls[0]["title"]
    urged = next(e for e in edges if e["to"] == str(KG.DeEscalation))
    thanked = next(e for e in edges if e["from"] == raisi and e["to"] == str(ID[RUSSIA.key]))
    assert urged["dashes"] and thanked["dashes"] and not calls[0]["dashes"]
    assert len({calls[0]["color"], urged["color"], thanked["color"]}) == 3
    undirected = next(e for e in edges if {e["from"], e["to"]} == {putin, str(ID[UN.key])})
    assert undirected["arrows"] == {"to": {"enabled": False}}  # nobody said who called


def test_top_keeps_the_most_active_actors(graph: Graph, tmp_path: Path) -> None:
    page, shown = _write(graph, tmp_path, top=2)
    assert shown == 2
    ids = {n["id"] for n in _data(page, "nodes")}
    actors = ids - {str(KG.DeEscalation), str(KG.Ceasefire)}
    assert actors == {str(ID[PUTIN.key]), str(ID[RAISI.key])}
    assert str(KG.DeEscalation) in ids and str(KG.Ceasefire) not in ids  # only goals of drawn actors
    for edge in _data(page, "edges"):
        assert edge["from"] in ids and edge["to"] in ids
    assert "2 of 6 actors" in page


def test_all_actors_drawn_by_default(graph: Graph, tmp_path: Path) -> None:
    _, shown = _write(graph, tmp_path)
    assert shown == 6


def test_empty_graph_gives_a_page_saying_so(tmp_path: Path) -> None:
    page, shown = _write(Graph(), tmp_path)
    assert shown == 0
    assert "Nothing to draw" in page and page.lstrip().startswith("<!DOCTYPE html>")
    checker = _Checker()
    checker.feed(page)
    assert {"html", "head", "body"} <= set(checker.tags)
    assert not checker.urls


def test_top_zero_draws_nothing_and_says_why(graph: Graph, tmp_path: Path) -> None:
    page, shown = _write(graph, tmp_path, top=0)
    assert shown == 0 and "Nothing to draw" in page and "6 actors" in page


def test_actors_without_events_give_the_empty_page(tmp_path: Path) -> None:
    graph = _graph([ArticleResult(Article(identifier="a", text="…"), [], {PUTIN.key: PUTIN})])
    page, shown = _write(graph, tmp_path)
    assert shown == 0 and "Nothing to draw" in page


def test_missing_folder_is_a_user_error_and_writes_nothing(graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(KGError):
        write_network_html(graph, tmp_path / "nope" / "g.html")
    assert list(tmp_path.iterdir()) == []


def test_cli_viz(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    save_graph(graph, path)
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["viz", str(path), "-o", str(out), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "3 actors" in result.output
    assert "<script>alert(1)" not in out.read_text(encoding="utf-8")
