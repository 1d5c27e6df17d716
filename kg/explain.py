"""``kg explain``: every fact about an event or actor with the sentences and articles it came from."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from .errors import KGError
from .normalize import normalize_phrase
from .rdf import ACTOR_CLASS, ID, KG, RELATION_OF_CLASS, SCHEMA, outlet_name

EVENT_CLASSES = tuple(RELATION_OF_CLASS)
ACTOR_CLASSES = tuple(ACTOR_CLASS.values())


def _label(graph: Graph, node: URIRef) -> str:
    labels = {getattr(label, "language", None): str(label) for label in graph.objects(node, RDFS.label)}
    text = labels.get("en") or labels.get("ar")
    if text is None:
        return str(node).removeprefix(str(KG)).removeprefix(str(ID))
    if labels.get("en") and labels.get("ar"):
        text = f"{labels['en']} ({labels['ar']})"
    return text


def _short(node: object) -> str:
    return "id:" + unquote(str(node).removeprefix(str(ID))) if str(node).startswith(str(ID)) else str(node)


def _is(graph: Graph, node: URIRef, classes: Iterable[URIRef]) -> bool:
    return any((node, RDF.type, cls) in graph for cls in classes)


def resolve(graph: Graph, target: str) -> list[URIRef]:
    """The events or actors ``target`` names: an IRI, ``id:…``, a key like ``person/x``, or a label."""
    text = target.strip()
    if text.startswith(("http://", "https://")):
        candidates = [URIRef(text)]
    elif text.startswith("id:"):
        candidates = [URIRef(ID[text[3:]])]
    elif "/" in text:
        candidates = [URIRef(ID[text])]
    else:
        candidates = []
    found = [c for c in candidates if _is(graph, c, (*EVENT_CLASSES, *ACTOR_CLASSES))]
    if found or candidates:
        return found
    wanted = normalize_phrase(text).casefold()
    exact: set[URIRef] = set()
    partial: set[URIRef] = set()
    for cls in ACTOR_CLASSES:
        for node in graph.subjects(RDF.type, cls):
            if not isinstance(node, URIRef):
                continue
            names = [normalize_phrase(str(n)).casefold() for n in graph.objects(node, RDFS.label)]
            if wanted in names:
                exact.add(node)
            elif any(wanted in name for name in names):
                partial.add(node)
    return sorted(exact or partial)


def _report_lines(graph: Graph, report: URIRef) -> list[str]:
    article = graph.value(report, PROV.wasDerivedFrom)
    identifier = graph.value(article, SCHEMA.identifier) if article is not None else None
    head = [f"[{identifier or _short(article)}]"]
    for prop, name in ((SCHEMA.publisher, "outlet"), (SCHEMA.datePublished, "published"), (SCHEMA.url, "url")):
        value = graph.value(article, prop) if article is not None else None
        if prop == SCHEMA.publisher and value is not None:
            value = graph.value(value, SCHEMA.name) or outlet_name(value)
        if value is not None:
            head.append(f"{name} {value}")
    lines = ["    " + "  ".join(head)]
    says = []
    initiator = graph.value(report, KG.initiator)
    if initiator is not None:
        says.append(f"initiator {_label(graph, URIRef(str(initiator)))}")
    day = graph.value(report, DCTERMS.date)
    if day is not None:
        says.append(f"date {day}")
    warned = graph.value(report, KG.warnedOf)
    if warned is not None:
        says.append(f"warned of «{warned}»")
    confidence = graph.value(report, KG.confidence)
    if confidence is not None:
        says.append(f"confidence {confidence}")
    if says:
        lines.append("      says: " + "; ".join(says))
    evidence: list[tuple[int, str]] = []
    for node in graph.objects(report, KG.hasEvidence):
        index = graph.value(node, KG.sentenceIndex)
        sentence = graph.value(node, KG.sentenceText)
        position = int(index.toPython()) if isinstance(index, Literal) else 0
        evidence.append((position, str(sentence or "")))
    for position, sentence_text in sorted(evidence):
        lines.append(f"      sentence {position}: « {sentence_text} »")
    return lines


def explain_event(graph: Graph, event: URIRef) -> list[str]:
    """Lines describing one event: what it is, who, when, and each source's account."""
    kind = next((str(c).removeprefix(str(KG)) for c in EVENT_CLASSES if (event, RDF.type, c) in graph), "Event")
    reports = sorted(r for r in graph.objects(event, KG.hasReport) if isinstance(r, URIRef))
    lines = [f"{kind} {_short(event)} — {len(reports)} source(s)"]
    people = sorted(p for p in graph.objects(event, KG.participant) if isinstance(p, URIRef))
    if people:
        lines.append("  participants: " + ", ".join(_label(graph, p) for p in people))
    for prop, name in ((KG.agent, "agent"), (KG.addressee, "addressee"), (KG.topic, "goal")):
        value = graph.value(event, prop)
        if isinstance(value, URIRef):
            lines.append(f"  {name}: {_label(graph, value)}")
    parties = sorted(p for p in graph.objects(event, KG.mediationParty) if isinstance(p, URIRef))
    if parties:
        lines.append("  mediation between/with: " + ", ".join(_label(graph, p) for p in parties))
    if kind == "PhoneCall":
        initiator = graph.value(event, KG.initiator)
        if (event, KG.initiatorDisputed, Literal(True)) in graph:
            claims = []
            for report in reports:
                said = graph.value(report, KG.initiator)
                article = graph.value(report, PROV.wasDerivedFrom)
                source = graph.value(article, SCHEMA.identifier) if article is not None else None
                if isinstance(said, URIRef):
                    claims.append(f"{_label(graph, said)} per {source}")
            lines.append("  initiator: DISPUTED — " + "; ".join(claims))
        elif isinstance(initiator, URIRef):
            lines.append(f"  initiator: {_label(graph, initiator)}")
        else:
            lines.append("  initiator: not stated")
    details = []
    for prop, name in ((DCTERMS.date, "date"), (KG.cameoCode, "CAMEO"), (KG.confidence, "confidence")):
        value = graph.value(event, prop)
        if value is not None:
            details.append(f"{name} {value}")
    if details:
        lines.append("  " + "   ".join(details))
    lines.append("  sources:")
    for report in reports:
        lines.extend(_report_lines(graph, report))
    return lines


def _events_of(graph: Graph, actor: URIRef) -> list[URIRef]:
    found: set[URIRef] = set()
    for prop in (KG.participant, KG.agent, KG.addressee, KG.mediationParty):
        for event in graph.subjects(prop, actor):
            if isinstance(event, URIRef) and _is(graph, event, EVENT_CLASSES):
                found.add(event)

    def when(event: URIRef) -> tuple[str, str]:
        return (str(graph.value(event, DCTERMS.date) or "9999"), str(event))

    return sorted(found, key=when)


def _officials_events(graph: Graph, seat: URIRef, own: Iterable[URIRef]) -> dict[URIRef, set[URIRef]]:
    """The events of the people who acted on behalf of ``seat`` (``kg:onBehalfOf``), with those people."""
    found: dict[URIRef, set[URIRef]] = {}
    for role in graph.subjects(KG.onBehalfOf, seat):
        person = graph.value(role, KG.actor)
        if not isinstance(person, URIRef) or person == seat:
            continue
        for report in graph.subjects(KG.actorRole, role):
            for event in graph.subjects(KG.hasReport, report):
                if isinstance(event, URIRef) and event not in own:
                    found.setdefault(event, set()).add(person)
    return found


def explain_actor(graph: Graph, actor: URIRef) -> list[str]:
    """Lines describing an actor and every event it takes part in, with their sources.

    A state's or organisation's lines also hold the events of its officials: the people
    who acted on its behalf in them (``kg:onBehalfOf``), each marked ``via official``.
    """
    kind = next((str(c).removeprefix(str(KG)) for c in ACTOR_CLASSES if (actor, RDF.type, c) in graph), "Actor")
    events = _events_of(graph, actor)
    officials = _officials_events(graph, actor, events) if kind != "Person" else {}
    count = f"{len(events)} event(s)" + (f", {len(officials)} more through its officials" if officials else "")
    lines = [f"{kind} {_short(actor)}: {_label(graph, actor)} — {count}"]
    same = sorted(str(s) for s in graph.objects(actor, URIRef("http://www.w3.org/2002/07/owl#sameAs")))
    if same:
        lines.append("  same as: " + ", ".join(same))
    for event in events:
        lines.append("")
        lines.extend(explain_event(graph, event))
    for event in sorted(officials, key=lambda e: (str(graph.value(e, DCTERMS.date) or "9999"), str(e))):
        people = ", ".join(sorted(_label(graph, p) for p in officials[event]))
        lines.append("")
        lines.append(f"via official {people} (on behalf of {_label(graph, actor)}):")
        lines.extend(explain_event(graph, event))
    return lines


def _offices(graph: Graph, actor: URIRef) -> str:
    """The offices the graph gives an actor: ``president state/RU 2012-05-07–now``; ``; ``-separated."""
    held = []
    for position in graph.objects(actor, KG.holdsPosition):
        role = str(graph.value(position, KG.role) or "").removeprefix(str(KG)).removeprefix("role-")
        seat = graph.value(position, KG.positionIn)
        start, end = graph.value(position, SCHEMA.startDate), graph.value(position, SCHEMA.endDate)
        where = _short(seat).removeprefix("id:") if seat is not None else ""
        held.append(" ".join(part for part in (role, where, f"{start or '?'}–{end or 'now'}") if part))
    return "; ".join(sorted(held))


def candidates(graph: Graph, target: str, nodes: list[URIRef]) -> str:
    """The actors a name fits, one a line (key, labels, offices), to choose one from."""
    lines = [f"{target!r} names {len(nodes)} actors; explain one by its key (kg explain KEY):"]
    for node in nodes:
        offices = _offices(graph, node)
        key = _short(node).removeprefix("id:")
        lines.append(f"  {key}  {_label(graph, node)}" + (f"  [{offices}]" if offices else ""))
    return "\n".join(lines) + "\n"


def _is_name(target: str) -> bool:
    text = target.strip()
    return not text.startswith(("http://", "https://", "id:")) and "/" not in text


def explain(graph: Graph, target: str) -> str:
    """The explanation of every event or actor ``target`` names (see :func:`resolve`).

    A name that fits several actors is not explained: the candidates are listed instead
    (:func:`candidates`), each with the key that names it alone.
    """
    nodes = resolve(graph, target)
    if not nodes:
        hint = "give an IRI, id:…, a key such as person/x, or a name"
        raise KGError(f"nothing in the graph is called {target!r} ({hint})")
    if len(nodes) > 1 and _is_name(target):
        return candidates(graph, target, nodes)
    blocks = []
    for node in nodes[:20]:
        lines = explain_event(graph, node) if _is(graph, node, EVENT_CLASSES) else explain_actor(graph, node)
        blocks.append("\n".join(lines))
    if len(nodes) > 20:
        blocks.append(f"… and {len(nodes) - 20} more matches; be more specific")
    return "\n\n".join(blocks) + "\n"


__all__ = ["candidates", "explain", "explain_actor", "explain_event", "resolve"]
