// The network page of `kg serve`. Data comes from /api/* as JSON; every string from an
// article (labels, sentences, headlines, outlets) goes into the page as text, never as
// markup: elements are built with createElement and textContent only.
"use strict";

(function () {
  const TOP_CHOICES = [25, 50, 100, 250, 500, 1000];
  const state = {
    meta: null,
    network: null,
    edges: new Map(), // edge id → {from, to, relation, directed}
    actorsByText: new Map(), // text shown in the search box → actor IRI
    selection: null, // {node} or {source, target, kind, directed}
    generation: 0,
  };
  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") element.textContent = String(value);
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function swatch(relation) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "34");
    svg.setAttribute("height", "10");
    svg.setAttribute("class", "swatch");
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", "1");
    line.setAttribute("y1", "5");
    line.setAttribute("x2", "33");
    line.setAttribute("y2", "5");
    line.setAttribute("stroke", relation.color);
    line.setAttribute("stroke-width", "3");
    if (relation.dashes) line.setAttribute("stroke-dasharray", relation.dashes.join(" "));
    svg.append(line);
    return svg;
  }

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  async function getJSON(path, params) {
    const url = params && String(params) ? `${path}?${params}` : path;
    let response = await fetch(url, { headers: { Accept: "application/json" } });
    // 503 while the server still reads the graph for this page: wait as it says, and ask again.
    while (response.status === 503 && response.headers.get("Retry-After")) {
      setStatus("Reading the graph… · جارٍ قراءة البيانات");
      const seconds = Math.min(30, Number(response.headers.get("Retry-After")) || 2);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      response = await fetch(url, { headers: { Accept: "application/json" } });
    }
    if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).trim()}`);
    return response.json();
  }

  function kindOf(id) {
    return state.meta.kinds.find((k) => k.id === id) || state.meta.kinds.find((k) => k.id === "Actor");
  }

  function relationOf(id) {
    return state.meta.relations.find((r) => r.id === id) || { id, en: id, ar: id, color: "#777", dashes: false };
  }

  function nameOf(node) {
    if (!node) return "?";
    const mode = $("labels").value;
    const ar = node.label_ar, en = node.label_en;
    if (mode === "ar") return ar || en || node.label;
    if (mode === "en") return en || ar || node.label;
    if (ar && en && ar !== en) return `${ar}\n${en}`;
    return ar || en || node.label;
  }

  function nameElement(node) {
    const mode = $("labels").value;
    const parts = [];
    if (node.label_ar && mode !== "en") parts.push(el("bdi", { lang: "ar", dir: "rtl", text: node.label_ar }));
    if (node.label_en && (mode !== "ar" || !node.label_ar)) parts.push(el("bdi", { lang: "en", dir: "ltr", text: node.label_en }));
    if (!parts.length) parts.push(el("bdi", { dir: "auto", text: node.label || node.id }));
    const span = el("span", { class: "name" });
    parts.forEach((part, index) => { if (index) span.append(" · "); span.append(part); });
    return span;
  }

  // ---------------------------------------------------------------- filters

  function buildControls(params) {
    const meta = state.meta;
    const wanted = new Set(params.getAll("relation"));
    for (const relation of meta.relations) {
      const box = el("input", { type: "checkbox", name: "relation", value: relation.id,
        checked: wanted.size === 0 || wanted.has(relation.id) });
      const label = el("label", { title: relation.edges ? "" : "no edge: listed when you click an actor" },
        box, swatch(relation), el("bdi", { lang: "ar", dir: "rtl", text: relation.ar }), " · ", relation.en.split(" (")[0]);
      if (!relation.edges) label.append(el("span", { class: "note", text: " (on click)" }));
      $("relations").append(label);
    }
    const topics = new Set(params.getAll("topic"));
    if (!meta.topics.length) $("topics").append(el("span", { class: "note", text: "none in this graph" }));
    for (const topic of meta.topics) {
      const box = el("input", { type: "checkbox", name: "topic", value: topic.id,
        checked: topics.size === 0 || topics.has(topic.id) });
      $("topics").append(el("label", {}, box, el("bdi", { lang: "ar", dir: "rtl", text: topic.label_ar || topic.label }),
        " · ", topic.label_en || ""));
    }
    const list = $("actor-list");
    for (const actor of meta.actors) {
      const text = [actor.label_en, actor.label_ar].filter(Boolean).join(" · ") || actor.id;
      const key = state.actorsByText.has(text) ? `${text} (${actor.id})` : text;
      state.actorsByText.set(key, actor.id);
      list.append(el("option", { value: key }));
    }
    const actor = params.get("actor");
    if (actor) {
      for (const [text, id] of state.actorsByText) if (id === actor) $("actor").value = text;
      if (!$("actor").value) $("actor").value = actor;
    }
    for (const id of ["since", "until"]) {
      if (meta.dates.min) $(id).min = meta.dates.min;
      if (meta.dates.max) $(id).max = meta.dates.max;
      $(id).value = params.get(id) || "";
    }
    const top = $("top");
    const current = params.get("top") || String(meta.default_top);
    const choices = TOP_CHOICES.map(String);
    if (current !== "all" && !choices.includes(current)) choices.push(current);
    choices.sort((a, b) => Number(a) - Number(b));
    for (const choice of [...choices, "all"]) top.append(el("option", { value: choice, text: choice }));
    top.value = current;
    if (params.get("labels")) $("labels").value = params.get("labels");

    $("filters").addEventListener("change", () => refresh(true));
    $("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(true); });
    $("actor-clear").addEventListener("click", () => { $("actor").value = ""; refresh(true); });
    $("more").addEventListener("click", () => {
      const options = [...top.options].map((o) => o.value);
      const next = options[options.indexOf(top.value) + 1];
      if (next) { top.value = next; refresh(true); }
    });
  }

  function buildLegend() {
    const legend = $("legend");
    for (const kind of state.meta.kinds) {
      legend.append(el("span", { class: "item" },
        el("span", { class: "glyph", style: `color:${kind.color}`, text: kind.glyph }), " ",
        el("bdi", { lang: "ar", dir: "rtl", text: kind.ar }), " · ", kind.en));
    }
    for (const relation of state.meta.relations.filter((r) => r.edges)) {
      legend.append(el("span", { class: "item" }, swatch(relation),
        el("bdi", { lang: "ar", dir: "rtl", text: relation.ar }), " · ", relation.en));
    }
    legend.append(el("span", { class: "item note", text: "size: number of events · arrows: who called or thanked whom" }));
  }

  function filterParams() {
    const params = new URLSearchParams();
    const relations = [...document.querySelectorAll("input[name=relation]")];
    if (relations.some((b) => !b.checked)) relations.filter((b) => b.checked).forEach((b) => params.append("relation", b.value));
    if (relations.length && relations.every((b) => !b.checked)) params.append("relation", "none");
    const topics = [...document.querySelectorAll("input[name=topic]")];
    if (topics.some((b) => !b.checked)) {
      const chosen = topics.filter((b) => b.checked);
      if (chosen.length) chosen.forEach((b) => params.append("topic", b.value));
      else params.append("topic", "none");
    }
    const actorText = $("actor").value.trim();
    if (actorText) params.set("actor", state.actorsByText.get(actorText) || actorText);
    for (const id of ["since", "until"]) if ($(id).value) params.set(id, $(id).value);
    params.set("top", $("top").value);
    return params;
  }

  function selectionParams() {
    const params = new URLSearchParams();
    const s = state.selection;
    if (!s) return params;
    if (s.node) params.set("node", s.node);
    else {
      params.set("source", s.source);
      params.set("target", s.target);
      params.set("kind", s.kind);
      params.set("directed", s.directed ? "1" : "0");
    }
    return params;
  }

  function remember() {
    const params = filterParams();
    if ($("labels").value !== "both") params.set("labels", $("labels").value);
    for (const [key, value] of selectionParams()) params.set(key, value);
    history.replaceState(null, "", `${location.pathname}?${params}`);
  }

  // ---------------------------------------------------------------- network

  function draw(view) {
    const container = $("network");
    if (state.network) { state.network.destroy(); state.network = null; }
    container.replaceChildren();
    state.edges.clear();
    if (!view.nodes.length) {
      container.append(el("div", { class: "empty" }, "Nothing matches these filters. · ",
        el("bdi", { lang: "ar", dir: "rtl", text: "لا شيء يطابق هذه المرشحات." })));
      return;
    }
    const nodes = view.nodes.map((node) => {
      const kind = kindOf(node.kind);
      return {
        id: node.id,
        label: nameOf(node),
        title: `${[node.label_ar, node.label_en].filter(Boolean).join(" · ") || node.id}\n${kind.en}: ${node.events} event(s)`,
        shape: kind.shape,
        value: Math.max(node.events, 1),
        color: { background: kind.color, border: "#333", highlight: { background: kind.color, border: "#000" } },
      };
    });
    const bends = new Map();
    const edges = view.edges.map((edge) => {
      const relation = relationOf(edge.relation);
      state.edges.set(edge.id, edge);
      const pair = [edge.from, edge.to].sort().join("\u0000");
      const bend = bends.get(pair) || 0;
      bends.set(pair, bend + 1);
      return {
        id: edge.id,
        from: edge.from,
        to: edge.to,
        value: edge.count,
        label: edge.count > 1 ? String(edge.count) : undefined,
        title: `${relation.en.split(" (")[0]} · ${relation.ar}: ${edge.count} event(s)`,
        arrows: edge.directed ? "to" : "",
        dashes: relation.dashes || false,
        color: { color: relation.color, highlight: relation.color, hover: relation.color, opacity: 0.85 },
        smooth: { enabled: true, type: bend % 2 ? "curvedCCW" : "curvedCW", roundness: 0.1 + 0.12 * bend },
      };
    });
    const big = nodes.length > 150;
    const options = {
      nodes: {
        borderWidth: 1,
        font: { face: "Noto Naskh Arabic, Noto Sans Arabic, Noto Sans, Tahoma, Arial, sans-serif", size: 14, strokeWidth: 3, strokeColor: "#fff" },
        scaling: { min: 8, max: 40, label: { enabled: true, min: 12, max: 26, drawThreshold: big ? 9 : 5, maxVisible: 30 } },
      },
      edges: {
        font: { size: 11, strokeWidth: 3, align: "middle" },
        scaling: { min: 1, max: 8, label: { enabled: false } },
        selectionWidth: 2,
      },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, keyboard: false },
      layout: { improvedLayout: !big, randomSeed: 7 },
      physics: {
        solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -70, springLength: 120, avoidOverlap: 0.3 },
        stabilization: { enabled: true, iterations: big ? 150 : 300, updateInterval: 50 },
      },
    };
    const network = new vis.Network(container, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, options);
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      network.fit();
      document.body.dataset.drawn = String(nodes.length);
    });
    network.on("click", (params) => {
      if (params.nodes.length) select({ node: params.nodes[0] });
      else if (params.edges.length) {
        const edge = state.edges.get(params.edges[0]);
        if (edge) select({ source: edge.from, target: edge.to, kind: edge.relation, directed: edge.directed });
      }
    });
    const chosen = state.selection;
    if (chosen && chosen.node && view.nodes.some((n) => n.id === chosen.node)) network.selectNodes([chosen.node]);
    else if (chosen && !chosen.node) {
      const match = view.edges.find((e) => e.from === chosen.source && e.to === chosen.target
        && e.relation === chosen.kind && e.directed === chosen.directed);
      if (match) network.selectEdges([match.id]);
    }
    state.network = network;
  }

  async function refresh(filtersChanged) {
    const generation = ++state.generation;
    setStatus("Loading…");
    let view;
    try {
      view = await getJSON("/api/network", filterParams());
    } catch (error) {
      setStatus(`Could not load the network: ${error.message}`, true);
      return;
    }
    if (generation !== state.generation) return;
    const counts = state.meta.counts;
    let text = `${view.shown} of ${view.total} actors with events`;
    if (view.shown < view.total) text += " (the most active; “Show more” for more)";
    text += ` · ${view.events} of ${counts.events} events · ${counts.articles} articles`;
    // A date range hides the events with no date: say how many, so they do not vanish silently.
    if (view.undated_hidden > 0) text += ` · ${view.undated_hidden} undated hidden`;
    setStatus(text);
    draw(view);
    if (filtersChanged && state.selection) await showSelection();
    remember();
  }

  // ---------------------------------------------------------------- events panel

  function select(selection) {
    state.selection = selection;
    remember();
    showSelection();
  }

  function sourceElement(article) {
    const parts = [];
    const title = article.headline || article.identifier;
    if (article.url && /^https?:\/\//i.test(article.url)) {
      const link = el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer", dir: "auto" });
      link.textContent = title;
      parts.push(link);
    } else {
      parts.push(el("bdi", { dir: "auto", text: title }));
    }
    if (article.outlet) parts.push(" — ", el("bdi", { dir: "auto", text: article.outlet }));
    if (article.published) parts.push(", ", article.published);
    if (article.headline) parts.push(" (", el("bdi", { dir: "ltr", text: article.identifier }), ")");
    return el("p", { class: "source" }, "Source · ", el("bdi", { lang: "ar", text: "المصدر" }), ": ", ...parts);
  }

  function eventElement(event) {
    const relation = relationOf(event.relation);
    const head = el("div", { class: "head" },
      el("span", { class: "relation", style: `color:${relation.color}` },
        el("bdi", { lang: "ar", dir: "rtl", text: relation.ar }), " · ", relation.en.split(" (")[0]),
      el("time", { text: event.date || "date unknown" }));
    const who = el("p", { class: "who" }, nameElement(event.source));
    if (event.target) who.append(event.directed ? " → " : " — ", nameElement(event.target));
    const item = el("article", { class: "event" }, head, who);
    if (event.warned_of) item.append(el("p", { class: "what" }, "warned of · ", el("bdi", { lang: "ar", text: "حذّر من" }), ": ",
      el("bdi", { lang: "ar", dir: "rtl", text: event.warned_of })));
    for (const sentence of event.evidence) item.append(el("blockquote", { lang: "ar", dir: "rtl", text: sentence }));
    for (const article of event.articles) item.append(sourceElement(article));
    return item;
  }

  async function showSelection() {
    const selection = state.selection;
    if (!selection) return;
    const title = $("panel-title"), body = $("panel-body");
    title.replaceChildren("Loading…");
    body.replaceChildren();
    const params = filterParams();
    params.delete("top");
    for (const [key, value] of selectionParams()) params.set(key, value);
    let found;
    try {
      found = await getJSON("/api/events", params);
    } catch (error) {
      title.replaceChildren(el("span", { class: "error", text: `Could not load the events: ${error.message}` }));
      return;
    }
    if (selection !== state.selection) return;
    const node = (id) => state.meta.actors.find((a) => a.id === id) || state.meta.topics.find((t) => t.id === id)
      || { id, label: id };
    if (selection.node) {
      title.replaceChildren(nameElement(node(selection.node)), `: ${found.total} event(s)`);
    } else {
      const relation = relationOf(selection.kind);
      title.replaceChildren(nameElement(node(selection.source)), selection.directed ? " → " : " — ",
        nameElement(node(selection.target)), ` · ${relation.en.split(" (")[0]}: ${found.total} event(s)`);
    }
    for (const event of found.events) body.append(eventElement(event));
    if (found.total > found.events.length) {
      body.append(el("p", { class: "note", text: `… ${found.total - found.events.length} more not listed; narrow the filters.` }));
    }
    document.body.dataset.panel = String(found.events.length);
  }

  // ---------------------------------------------------------------- start

  async function start() {
    if (typeof vis === "undefined") {
      setStatus("vis-network did not load: the network cannot be drawn.", true);
      return;
    }
    try {
      state.meta = await getJSON("/api/meta");
    } catch (error) {
      setStatus(`Could not load the graph's summary: ${error.message}`, true);
      return;
    }
    const params = new URLSearchParams(location.search);
    buildControls(params);
    buildLegend();
    if (params.get("node")) state.selection = { node: params.get("node") };
    else if (params.get("source") && params.get("target") && params.get("kind")) {
      state.selection = {
        source: params.get("source"), target: params.get("target"), kind: params.get("kind"),
        directed: params.get("directed") !== "0",
      };
    }
    await refresh(false);
    if (state.selection) await showSelection();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
