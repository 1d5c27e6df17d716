"""The network page in headless Chromium, served by a real ``kg serve``.

Chromium loads the page from the server with no other network; the test reads the DOM
Chromium ends with (``--dump-dom``) and a screenshot (``--screenshot``, kept in
``test-artifacts/``): the network drew on a canvas, the panel lists the events of an edge
with their evidence, and an article carrying ``<script>`` and ``<img onerror>`` shows them
as text without running them. Skipped only where Chromium is not installed (CI installs it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib import image
from test_serve import Server, kg_serve, partly_dated_graph, synthetic_graph  # tests/ is on sys.path under pytest

from kg.build import build
from kg.extract import Extractor
from kg.resources import sample_corpus_dir
from kg.store import save_graph

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1280,900",
)
PAGE_TITLE = "Diplomacy network · شبكة الدبلوماسية"
EVIL_TEXT = (
    "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا بالرئيس الإيراني إبراهيم رئيسي "
    "<script>alert(1)</script> ودعا إلى ضبط النفس <img src=x onerror=alert(1)>.\n"
)
EVIL_META = {
    "published": "2024-04-16",
    "title": "<img src=x onerror=\"document.title='pwned'\">",
    "outlet": "<script>document.title='pwned'</script>",
    # (A javascript: URL is refused by the reader: tests/test_trust.py.)
    "url": "https://example.org/\"><script>document.title='pwned'</script>",
}

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (CI installs Debian's chromium)")


def chromium(url: str, *action: str, budget_ms: int = 15000) -> str:
    """Run headless Chromium on ``url`` with an empty profile; its standard output."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", *action, url],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def screenshot(url: str, name: str) -> Any:
    """A screenshot of the page, saved as ``test-artifacts/NAME``, as an RGB array (0–1)."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    target.unlink(missing_ok=True)
    chromium(url, f"--screenshot={target}")
    assert target.exists(), "chromium wrote no screenshot"
    pixels = image.imread(str(target))
    return pixels[..., :3]


def drawn_fraction(pixels: Any) -> float:
    """Share of the network area's pixels (left of the side panel, below the controls) not white."""
    height, width = pixels.shape[:2]
    area = pixels[int(height * 0.4) : int(height * 0.95), int(width * 0.03) : int(width * 0.62)]
    return float((np.abs(area - 1.0).max(axis=-1) > 0.08).mean())


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[Server]:
    corpus = tmp_path_factory.mktemp("corpus")
    for article in sample_corpus_dir().glob("*.txt"):
        shutil.copy(article, corpus / article.name)
    (corpus / "evil.txt").write_text(EVIL_TEXT, encoding="utf-8")
    (corpus / "evil.meta.json").write_text(json.dumps(EVIL_META), encoding="utf-8")
    graph, _ = build([corpus], extractor=extractor)
    path = corpus.parent / "evil.ttl"
    save_graph(graph, path)
    with kg_serve(path) as server:
        yield server


def api(server: Server, path: str, **params: str) -> Any:
    url = server.url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def evil_edge_url(server: Server) -> str:
    """The page URL that opens the edge of the call read from the injected article."""
    putin = "https://w3id.org/arabic-diplomacy-kg/id/person/vladimir-putin"
    found = api(server, "api/events", node=putin)["events"]
    evil = [e for e in found if e["relation"] == "called" and any(a["identifier"] == "evil" for a in e["articles"])]
    assert evil, "the injected article's call was not extracted"
    event = evil[0]
    params = {
        "source": event["source"]["id"],
        "target": event["target"]["id"],
        "kind": "called",
        "directed": "1" if event["directed"] else "0",
    }
    return server.url + "?" + urllib.parse.urlencode(params)


def test_page_draws_the_network_and_lists_an_edge_without_running_article_markup(evil_server: Server) -> None:
    url = evil_edge_url(evil_server)
    dom = chromium(url, "--dump-dom")

    assert f"<title>{PAGE_TITLE}</title>" in dom, "an injected script changed the title"
    assert "pwned" not in re.sub(r"&lt;.*?&gt;", "", dom.split("<body", 1)[0])
    assert re.search(r"<canvas\b", dom), "vis-network drew no canvas"
    drawn = re.search(r'data-drawn="(\d+)"', dom)
    assert drawn and int(drawn.group(1)) > 2, "the network did not finish drawing"
    listed = re.search(r'data-panel="(\d+)"', dom)
    assert listed and int(listed.group(1)) >= 1, "the edge's events were not listed"
    # The injected markup is in the page as text, and nothing of it became an element.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "onerror=\"document.title='pwned'\"&gt;" in dom
    assert not re.search(r"<img\b", dom), "article text was inserted as markup"
    assert "<script>alert" not in dom and "<script>document" not in dom
    assert 'href="javascript:' not in dom
    assert "ضبط النفس" in dom  # the evidence sentence itself

    pixels = screenshot(url, "network-page.png")
    assert drawn_fraction(pixels) > 0.005, "the network area of the screenshot is blank"


def test_page_stays_drawable_at_a_thousand_actors(tmp_path: Path) -> None:
    path = tmp_path / "thousand.ttl"
    save_graph(synthetic_graph(actors=1000, events=3000), path)
    with kg_serve(path) as server:
        default = api(server, "api/network")
        assert default["shown"] < default["total"]
        dom = chromium(server.url + "?top=1000", "--dump-dom", budget_ms=30000)
        drawn = re.search(r'data-drawn="(\d+)"', dom)
        assert drawn and int(drawn.group(1)) > 900
        pixels = screenshot(server.url + "?top=1000", "network-1000-actors.png")
        assert drawn_fraction(pixels) > 0.01


def test_page_says_how_many_undated_events_a_date_range_hides(tmp_path: Path) -> None:
    path = tmp_path / "partly-dated.ttl"
    save_graph(partly_dated_graph(), path)
    with kg_serve(path) as server:
        everything = chromium(server.url, "--dump-dom")
        assert re.search(r"4 of 4 events", everything) and "undated hidden" not in everything
        dated = chromium(server.url + "?since=2024-01-01", "--dump-dom")
        assert re.search(r"1 of 4 events", dated), "the date range was not applied"
        assert "3 undated hidden" in dated


def test_query_editor_runs_a_query_offline(evil_server: Server) -> None:
    url = evil_server.url + "query?run=1"
    dom = chromium(url, "--dump-dom")
    assert 'data-ready="1"' in dom, "YASGUI did not start"
    assert 'data-answered="1"' in dom, "the editor's query got no answer from /sparql"
    assert "Vladimir Putin" in dom  # a row of the default query's result table
    assert "pwned" not in dom.split("<body", 1)[0]
    pixels = screenshot(url, "query-editor.png")
    assert drawn_fraction(pixels) > 0.005, "the editor's screenshot is blank"
