"""Draw the actor network as one self-contained HTML page (pyvis / vis-network).

The page makes no network request: vis-network is embedded (``cdn_resources="in_line"``) and the
Bootstrap links pyvis adds anyway are removed. Article text (evidence sentences, names first met in a
text, warnings) is HTML-escaped before it goes into a tooltip: pyvis does not escape, and the page turns
tooltip strings into HTML (vis-network would otherwise show them as plain text, tags and all).

Nodes are actors, coloured and shaped by type, labelled in Arabic (English in the tooltip), plus one node per
goal urged. Edges are grouped per (pair, relation), with the number of events as width and label and the
evidence sentences and articles as tooltip (the sentences read for the events the tooltips list only)."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pyoxigraph as ox
from pyvis.network import Network

from .analyse import TOPIC_KIND, actor_network, event_degree
from .atomic import write_text_atomic
from .query import as_oxigraph
from .readback import NetworkInputs, add_evidence
from .styles import EDGE_STYLES, NODE_STYLES, Style
from .viz_layout import TOOLTIP_EVENTS, EdgeGroup, groups_of, ordered, select, tooltip_events_of

if TYPE_CHECKING:
    from rdflib import Graph

_CDN_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*", re.IGNORECASE)
_CDN_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script>\s*", re.IGNORECASE | re.DOTALL
)
_REMOTE_URL = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*")
_DEAD_COMMENT = re.compile(r"<!--(?:(?!-->).)*node_modules(?:(?!-->).)*-->\s*", re.DOTALL)

_CSS = """
<style>
  body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, Arial, sans-serif; margin: 0.5em; }
  .kg-header h1 { font-size: 1.3em; margin: 0.2em 0; }
  .kg-header p { margin: 0.2em 0; color: #444; }
  .kg-legend { display: flex; flex-wrap: wrap; gap: 0.3em 1.4em; margin: 0.4em 0; font-size: 0.95em; }
  .kg-legend span.item { white-space: nowrap; }
  .kg-line { display: inline-block; width: 2.4em; vertical-align: middle; border-top-width: 3px; margin: 0 0.3em; }
  .kg-note { font-size: 0.85em; color: #555; }
  .kg-empty { font-size: 1.2em; padding: 2em; border: 1px dashed #999; }
  #mynetwork div.vis-tooltip { white-space: normal; }
  .kg-tip { white-space: normal; width: max-content; max-width: 34em;
            font-family: "Noto Naskh Arabic", Tahoma, sans-serif; }
  .kg-tip .ar { direction: rtl; text-align: right; }
  .kg-tip .en { direction: ltr; text-align: left; }
  .kg-tip ul { margin: 0.3em 0; padding-inline-start: 1.2em; }
  .kg-tip .src { color: #555; font-size: 0.85em; }
</style>
"""

#: Turns the tooltip strings (HTML built here, article text escaped) into elements.
_TOOLTIP_SCRIPT = """
<script type="text/javascript">
  (function () {
    function asElement(markup) {
      var box = document.createElement("div");
      box.className = "kg-tip";
      box.innerHTML = markup;
      return box;
    }
    [nodes, edges].forEach(function (items) {
      var updates = [];
      items.forEach(function (item) {
        if (typeof item.title === "string") {
          updates.push({ id: item.id, title: asElement(item.title) });
        }
      });
      items.update(updates);
    });
  })();
</script>
"""


def escape(text: object) -> str:
    """HTML-escape text for a tooltip or the page (quotes too).

    ``=`` and the word ``href`` are written as entities as well (they render the same): article text then never
    looks like a ``src=``/``href=`` attribute, and pyvis never switches to its ``innerHTML`` popup template
    because of words inside an article."""
    return html.escape(str(text), quote=True).replace("=", "&#61;").replace("href", "hr&#101;f")


class _RemoteResources(HTMLParser):
    """Finds the ``src``/``href`` attributes of a page that point to another host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"src", "href"} and _REMOTE_URL.match(value or ""):
                self.remote.append(f"<{tag} {name}={value}>")


def remote_resources(page: str) -> list[str]:
    """The tags of ``page`` that would load something over the network (none, for our pages)."""
    parser = _RemoteResources()
    parser.feed(page)
    parser.close()
    return parser.remote


def _short(style: Style) -> str:
    """The English name of a relation without the legend's explanation."""
    return style.en.split(" (")[0]


def _node_style(kind: str) -> Style:
    return dict(NODE_STYLES).get(kind, dict(NODE_STYLES)["Actor"])


def _edge_style(relation: str) -> Style:
    return dict(EDGE_STYLES).get(relation, Style("#7f7f7f", relation, relation))


def _name_html(data: dict[str, Any]) -> str:
    parts = []
    if data.get("label_ar"):
        parts.append(f'<div class="ar" dir="rtl" lang="ar"><b>{escape(data["label_ar"])}</b></div>')
    if data.get("label_en"):
        parts.append(f'<div class="en" dir="ltr" lang="en"><b>{escape(data["label_en"])}</b></div>')
    if not parts:
        parts.append(f"<div><b>{escape(data['label'])}</b></div>")
    return "".join(parts)


def _events_html(events: list[dict[str, Any]]) -> str:
    """A list of events: date, articles, evidence sentences (all escaped)."""
    listed = ordered(events)
    items = []
    for event in listed[:TOOLTIP_EVENTS]:
        source = ", ".join(escape(a) for a in event.get("articles", [])) or "?"
        when = escape(event["date"]) if event.get("date") else "date unknown"
        sentences = "".join(
            f'<div class="ar" dir="rtl" lang="ar">« {escape(s)} »</div>' for s in event.get("evidence", [])
        )
        warned = ""
        if event.get("warned_of"):
            warned = f'<div class="ar" dir="rtl" lang="ar">حذّر من: {escape(event["warned_of"])}</div>'
        items.append(f'<li><span class="src" dir="ltr">{when} — {source}</span>{warned}{sentences}</li>')
    more = len(listed) - TOOLTIP_EVENTS
    tail = f"<div class='src'>… and {more} more</div>" if more > 0 else ""
    return f"<ul>{''.join(items)}</ul>{tail}"


def _node_title(network: nx.MultiDiGraph, node: str) -> str:
    data = network.nodes[node]
    style = _node_style(data["kind"])
    header = _name_html(data) + f'<div class="src" dir="ltr">{escape(style.en)} · {escape(node)}</div>'
    if data["kind"] == TOPIC_KIND:
        return header
    counts: dict[str, int] = defaultdict(int)
    for _, _, edge in network.in_edges(node, data=True):
        counts[edge["relation"]] += 1
    for _, _, edge in network.out_edges(node, data=True):
        counts[edge["relation"]] += 1
    for event in data.get("solo_events", []):
        counts[event["relation"]] += 1
    summary = ", ".join(f"{escape(_short(_edge_style(r)))}: {n}" for r, n in sorted(counts.items()))
    body = f'<div class="src" dir="ltr">{summary}</div>'
    solo = data.get("solo_events", [])
    if solo:
        by_relation: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for event in solo:
            by_relation[event["relation"]].append(event)
        for relation, events in sorted(by_relation.items()):
            style_r = _edge_style(relation)
            body += (
                f'<div dir="ltr"><b>{escape(_short(style_r))}</b> · <span lang="ar">{escape(style_r.ar)}</span></div>'
            )
            body += _events_html(events)
    return header + body


def _edge_title(network: nx.MultiDiGraph, group: EdgeGroup) -> str:
    style = _edge_style(group.relation)
    a, b = network.nodes[group.source]["label"], network.nodes[group.target]["label"]
    arrow = "→" if group.directed else "—"
    count = len(group.events)
    header = (
        f'<div dir="ltr"><b>{escape(a)} {arrow} {escape(b)}</b>: {escape(_short(style))}'
        f' <span lang="ar" dir="rtl">({escape(style.ar)})</span>, {count} event{"s" if count != 1 else ""}</div>'
    )
    return header + _events_html(group.events)


def _legend() -> str:
    nodes = "".join(
        f'<span class="item"><span style="color:{s.color}">{s.glyph}</span> '
        f'<bdi lang="ar">{escape(s.ar)}</bdi> · <bdi lang="en">{escape(s.en)}</bdi></span>'
        for _, s in NODE_STYLES
    )
    edges = "".join(
        f'<span class="item"><span class="kg-line" style="border-top-style:{"dashed" if s.dashes else "solid"};'
        f'border-top-color:{s.color}"></span><bdi lang="ar">{escape(s.ar)}</bdi> · '
        f'<bdi lang="en">{escape(s.en)}</bdi></span>'
        for _, s in EDGE_STYLES
    )
    note = (
        "Mediation offers and warnings addressed to nobody have no edge: they are listed in the tooltip of their actor."
    )
    return (
        f'<div class="kg-legend" dir="rtl" lang="ar">{nodes}</div>'
        f'<div class="kg-legend" dir="rtl" lang="ar">{edges}</div>'
        f'<p dir="ltr" lang="en" class="kg-note">{note}</p>'
    )


def _header(summary: str) -> str:
    return (
        '<header class="kg-header">'
        '<h1 dir="rtl" lang="ar">شبكة الفاعلين الدبلوماسيين · <bdi lang="en">diplomacy network</bdi></h1>'
        f'<p dir="ltr" lang="en">{summary}</p>{_legend()}</header>'
    )


def _empty_page(total: int, top: int) -> str:
    if total:
        ar, en = "لم يُطلب رسم أي فاعل.", f"Nothing to draw: top = {top} leaves none of the {total} actors with events."
    else:
        ar, en = "لا يوجد ما يمكن رسمه: لا أحداث في هذا الرسم المعرفي.", "Nothing to draw: this graph has no events."
    return (
        '<!DOCTYPE html>\n<html lang="ar">\n<head>\n<meta charset="utf-8">\n'
        "<title>Diplomacy network — nothing to draw</title>\n"
        f"{_CSS}</head>\n<body>\n{_header(escape(en))}\n"
        f'<div class="kg-empty" dir="rtl" lang="ar">{escape(ar)}'
        f'<div dir="ltr" lang="en">{escape(en)}</div></div>\n'
        "</body>\n</html>\n"
    )


def _options() -> dict[str, Any]:
    return {
        "nodes": {
            "font": {"size": 16, "face": "Noto Naskh Arabic, Noto Sans Arabic, Tahoma, Arial, sans-serif"},
            "scaling": {"min": 8, "max": 36},
            "borderWidth": 1,
        },
        "edges": {
            "font": {"size": 11, "align": "middle", "strokeWidth": 3},
            "scaling": {"min": 1, "max": 8},
            "color": {"inherit": False},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 140, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 300},
        },
    }


def _page(net: Any, summary: str) -> str:
    """pyvis' page, made self-contained and given a header, a legend and HTML tooltips."""
    page = str(net.generate_html())
    page = _CDN_SCRIPT.sub("", _CDN_LINK.sub("", page))
    page = _DEAD_COMMENT.sub("", _EMPTY_HEADING.sub("", page))
    page = page.replace("<html>", '<!DOCTYPE html>\n<html lang="ar">', 1)
    page = page.replace(
        '<meta charset="utf-8">', f'<meta charset="utf-8">\n<title>Diplomacy network</title>\n{_CSS}', 1
    )
    page = page.replace("<body>", "<body>\n" + _header(summary), 1)
    head, _, tail = page.rpartition("</body>")
    page = head + _TOOLTIP_SCRIPT + "</body>" + tail
    remote = remote_resources(page)
    if remote:  # pyvis changed its template: refuse to write a page that goes online
        raise RuntimeError(f"the generated page still loads remote resources: {', '.join(remote)}")
    return page


def network_html(graph: Graph | ox.Store, top: int = 150, inputs: NetworkInputs | None = None) -> tuple[str, int]:
    """The HTML page of the ``top`` most active actors of ``graph`` (``inputs``: read already) and the number drawn."""
    network = actor_network(store := as_oxigraph(graph), evidence=False, inputs=inputs)
    actors, topics = select(network, top)
    total = sum(1 for n, d in network.nodes(data=True) if d["kind"] != TOPIC_KIND and event_degree(network, n) > 0)
    if not actors:
        return _empty_page(total, top), 0
    groups = groups_of(network, {*actors, *topics})
    add_evidence(store, tooltip_events_of(network, actors, groups))
    net = Network(height="78vh", width="100%", directed=True, cdn_resources="in_line")
    for node in [*actors, *topics]:
        data = network.nodes[node]
        style = _node_style(data["kind"])
        net.add_node(
            node,
            label=data.get("label_ar") or data["label"],
            title=_node_title(network, node),
            color=style.color,
            shape=style.shape,
            value=max(event_degree(network, node), network.degree(node), 1),
        )
    for group in groups:
        style = _edge_style(group.relation)
        count = len(group.events)
        options: dict[str, Any] = {
            "title": _edge_title(network, group),
            "value": count,
            "color": style.color,
            "dashes": list(style.dashes) if style.dashes else False,
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12 if group.directed else 0.24},
        }
        if count > 1:
            options["label"] = str(count)
        if not group.directed:
            options["arrows"] = {"to": {"enabled": False}}
        net.add_edge(group.source, group.target, **options)
    net.options = _options()
    shown = f"{len(actors)} of {total} actors with events"
    if len(actors) < total:
        shown += f" (the {top} most active)"
    summary = escape(f"{shown}, {len(topics)} goals; hover a node or an edge for the evidence.")
    return _page(net, summary), len(actors)


def write_network_html(
    graph: Graph | ox.Store, output: Path, top: int = 150, inputs: NetworkInputs | None = None
) -> int:
    """Write the actor network of ``graph`` as a self-contained HTML page; return the actors drawn.

    At most ``top`` actors are drawn, the ones with most events (pyvis is quadratic in the number of nodes,
    and a bigger network is unreadable anyway). An empty graph gives a page that says there is nothing to
    draw. The file is written atomically. ``inputs``: what was read already (:func:`network_html`)."""
    page, shown = network_html(graph, top, inputs)
    write_text_atomic(Path(output), page)
    return shown


__all__ = ["EDGE_STYLES", "NODE_STYLES", "Style", "escape", "network_html", "remote_resources", "write_network_html"]
