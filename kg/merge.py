"""Merge the reports of one real-world event into one event node.

Each article graph holds ``kg:EventReport`` nodes: what that article says about an event
(:func:`kg.rdf.add_report`). The same phone call reported by ten outlets is ten reports
and one ``kg:PhoneCall``. This module decides which reports are the same event and
writes the event nodes.

* **Merge key** — reports can only be the same event when they have the same relation
  and the same actors: the unordered pair of a call, the agent and goal of an appeal,
  the agent and addressee of thanks, the agent of a mediation offer or a warning
  (:func:`report_key`). Actor IRIs are the same in every article (gazetteer keys;
  unknown people by normalised name and state), so the key is exact.
* **Dates** — within one key, two reports are the same event when the dates their
  articles give are at most a day apart. When one gives no date, they merge only if both
  articles are dated, those dates are at most a day apart, and the date the other report
  gives is within a day of the undated report's article; with no date on either side,
  the articles' dates decide alone. Undated articles never merge. A report joins a
  group only if it is compatible with every report already in it, so a chain of calls on
  consecutive days does not collapse into one (:func:`cluster`).
* **Conflicts** — every report keeps its own account. The event names an initiator
  only when the reports that name one agree; when they name different initiators the
  event says ``kg:initiatorDisputed true`` and names none. Its date is the one most
  reports give (the earliest on a tie); a warning's danger is kept when all agree.
* **Confidence** grows with independent sources: reports are grouped by source (the
  outlet, else the URL's host, else the article), each source counts with its best
  report, and the event's confidence is ``1 - Π(1 - c)`` over sources, at most 0.99.

Each key's events and their shortcut triples (``kg:called`` …) live in one named graph
(:func:`merged_graph_iri`), so that adding or removing an article recomputes exactly the
keys it touches.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol
from urllib.parse import urlparse

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD
from rdflib.term import Node

from .rdf import (
    EVENT_CLASS,
    ID,
    KG,
    RELATION_OF_CLASS,
    SCHEMA,
    GraphLike,
    confidence_literal,
    literal_date,
    short_digest,
)
from .relations import BY_NAME, RELATIONS, cameo_code

#: ``(relation, first actor IRI, second actor / goal IRI or "")``.
MergeKey = tuple[str, str, str]

#: Highest confidence a merged event can reach.
MAX_CONFIDENCE = Decimal("0.99")

_PREFIXES = """PREFIX kg: <https://w3id.org/arabic-diplomacy-kg/ontology#>
"""


@dataclass(frozen=True)
class Report:
    """One article's account of one event, as read back from the graph."""

    iri: URIRef
    relation: str
    article: URIRef
    article_id: str
    confidence: Decimal
    evidence: tuple[URIRef, ...]
    participants: tuple[URIRef, ...] = ()
    agent: URIRef | None = None
    addressee: URIRef | None = None
    topic: URIRef | None = None
    warned_of: Literal | None = None
    initiator: URIRef | None = None
    date: dt.date | None = None
    article_date: dt.date | None = None
    source: str = ""

    @property
    def key(self) -> MergeKey:
        """The merge key: what must be equal for two reports to be the same event."""
        return report_key(self)


def report_key(report: Report) -> MergeKey:
    """Relation and actors of a report (a call's pair in IRI order; see :mod:`kg.relations`)."""
    spec = BY_NAME.get(report.relation)
    if spec is not None and spec.symmetric:
        first, second, *_ = [*sorted(map(str, report.participants)), "", ""]
        return (report.relation, first, second)
    agent = str(report.agent or "")
    if spec is not None and spec.merge_role:
        return (report.relation, agent, str(getattr(report, spec.merge_role) or ""))
    return (report.relation, agent, "")


def merged_graph_iri(key: MergeKey) -> URIRef:
    """Name of the named graph holding the events (and shortcuts) of one merge key."""
    return URIRef(ID[f"graph/event/{key[0]}-{short_digest(*key)}"])


def event_iri(key: MergeKey, reports: Iterable[Report]) -> URIRef:
    """IRI of a merged event: its key and the smallest identifier among its articles."""
    first = min(r.article_id for r in reports)
    return URIRef(ID[f"event/{key[0]}-{short_digest(*key, first)}"])


# ---------------------------------------------------------------- deciding


def _apart(a: date | None, b: date | None) -> int | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)


def compatible(one: Report, other: Report) -> bool:
    """Whether two reports with the same key can be the same event (dates allow it)."""
    if one.article == other.article:
        return False
    if one.date is not None and other.date is not None:
        return (_apart(one.date, other.date) or 0) <= 1
    articles = _apart(one.article_date, other.article_date)
    if articles is None or articles > 1:
        return False
    dated, undated = (one, other) if one.date is not None else (other, one)
    if dated.date is None:
        return True
    apart = _apart(dated.date, undated.article_date)
    return apart is not None and apart <= 1


def _order(report: Report) -> tuple[date, str, str]:
    return (report.date or report.article_date or date.max, report.article_id, str(report.iri))


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Group reports of one key into events: each report joins the first group it fits."""
    groups: list[list[Report]] = []
    for report in sorted(reports, key=_order):
        for group in groups:
            if all(compatible(report, member) for member in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


def combined_confidence(reports: Iterable[Report]) -> Decimal:
    """``1 - Π(1 - c)`` over independent sources, each with its best report; at most 0.99."""
    best: dict[str, Decimal] = {}
    for report in reports:
        source = report.source or report.article_id
        best[source] = max(best.get(source, Decimal(0)), report.confidence)
    doubt = Decimal(1)
    for value in best.values():
        doubt *= Decimal(1) - value
    return min(MAX_CONFIDENCE, (Decimal(1) - doubt).quantize(Decimal("0.01")))


def _consensus_date(reports: list[Report]) -> date | None:
    counts = Counter(r.date for r in reports if r.date is not None)
    if not counts:
        return None
    return min(counts, key=lambda d: (-counts[d], d))


# ---------------------------------------------------------------- writing


class TripleSink(Protocol):
    """Where :func:`add_event` writes: an rdflib graph, or a plain set of triples (faster)."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        """Add one triple."""


def add_event(graph: TripleSink, key: MergeKey, reports: list[Report]) -> URIRef:
    """One event node for a group of reports of the same event, with its shortcut triples."""
    first = reports[0]
    node = event_iri(key, reports)
    relation = first.relation
    graph.add((node, RDF.type, EVENT_CLASS[relation]))
    articles = {r.article for r in reports}
    for report in reports:
        graph.add((node, KG.hasReport, report.iri))
        graph.add((node, PROV.wasDerivedFrom, report.article))
        for evidence in report.evidence:
            graph.add((node, KG.hasEvidence, evidence))
    graph.add((node, KG.sourceCount, Literal(len(articles))))
    graph.add((node, KG.confidence, confidence_literal(combined_confidence(reports))))
    when = _consensus_date(reports)
    if when is not None:
        graph.add((node, DCTERMS.date, Literal(when, datatype=XSD.date)))
    topic = str(first.topic).removeprefix(str(KG)) if first.topic is not None else None
    code = cameo_code(relation, topic)
    if code:
        graph.add((node, KG.cameoCode, Literal(code)))
    spec = BY_NAME[relation]
    if spec.symmetric:
        _add_pair(graph, node, key, reports)
    else:
        _add_agent(graph, node, key, reports)
    return node


def _add_pair(graph: TripleSink, node: URIRef, key: MergeKey, reports: list[Report]) -> None:
    """A call's participants, its initiator when the reports agree, and the shortcuts."""
    a, b = (URIRef(key[1]), URIRef(key[2]))
    shortcut = KG[BY_NAME[key[0]].shortcut or key[0]]
    graph.add((node, KG.participant, a))
    graph.add((node, KG.participant, b))
    named = {r.initiator for r in reports if r.initiator is not None}
    if len(named) > 1:
        graph.add((node, KG.initiatorDisputed, Literal(True)))
    if len(named) == 1:
        (caller,) = named
        graph.add((node, KG.initiator, caller))
        graph.add((caller, shortcut, b if caller == a else a))
    else:
        graph.add((a, shortcut, b))
        graph.add((b, shortcut, a))


def _add_agent(graph: TripleSink, node: URIRef, key: MergeKey, reports: list[Report]) -> None:
    """An event's agent, goal, addressee and danger, and the agent's shortcut (:mod:`kg.relations`)."""
    first = reports[0]
    spec = BY_NAME[first.relation]
    agent = URIRef(key[1])
    graph.add((node, KG.agent, agent))
    if first.topic is not None:
        graph.add((node, KG.topic, first.topic))
    if first.addressee is not None:
        graph.add((node, KG.addressee, first.addressee))
    if spec.shortcut is not None and spec.merge_role:
        target = getattr(first, spec.merge_role)
        if target is not None:
            graph.add((agent, KG[spec.shortcut], target))
    elif spec.shortcut is not None:
        graph.add((agent, KG[spec.shortcut], Literal(True)))
    dangers = {r.warned_of for r in reports if r.warned_of is not None}
    if len(dangers) == 1:
        graph.add((node, KG.warnedOf, dangers.pop()))



def merged_triples(key: MergeKey, reports: Iterable[Report]) -> set[tuple[Node, Node, Node]] | None:
    """The triples of one key's named graph: its events and shortcuts; ``None`` when no report is left."""
    mine = [r for r in reports if r.key == key]
    if not mine:
        return None
    triples: set[tuple[Node, Node, Node]] = set()
    for group in cluster(mine):
        add_event(triples, key, group)
    return triples


def merged_graph(key: MergeKey, reports: Iterable[Report]) -> Graph | None:
    """The named graph of one key: its events and shortcuts; ``None`` when no report is left."""
    triples = merged_triples(key, reports)
    if triples is None:
        return None
    graph = Graph(identifier=merged_graph_iri(key))
    for triple in triples:
        graph.add(triple)
    return graph


# ---------------------------------------------------------------- reading


def source_of(url: Literal | None, outlet: Literal | None, identifier: str) -> str:
    """Who stands behind an article, for independence: its outlet, else its URL's host."""
    if outlet is not None and str(outlet).strip():
        return "outlet:" + str(outlet).strip().lower()
    if url is not None:
        host = urlparse(str(url)).netloc.lower().removeprefix("www.")
        if host:
            return "host:" + host
    return "article:" + identifier


def read_reports(graph: GraphLike, iris: Iterable[URIRef]) -> list[Report]:
    """The reports with these IRIs, read from ``graph`` (any rdflib graph or dataset view)."""
    properties: dict[URIRef, dict[URIRef, list[object]]] = {}
    for iri in set(iris):
        values = properties[iri] = defaultdict(list)
        for p, o in graph.predicate_objects(iri):
            values[URIRef(str(p))].append(o)
    articles: dict[URIRef, tuple[str, date | None, str]] = {}

    def article_info(article: URIRef) -> tuple[str, date | None, str]:
        if article not in articles:
            articles[article] = _article_info(graph, article)
        return articles[article]

    return _reports_from(properties, article_info)


def _reports_from(
    properties: dict[URIRef, dict[URIRef, list[object]]],
    article_info: Callable[[URIRef], tuple[str, date | None, str]],
) -> list[Report]:
    """Reports from their properties (by report IRI), in IRI order; ``article_info`` describes an article."""
    found: list[Report] = []
    for iri in sorted(properties):
        values = properties[iri]
        kinds = [t for t in values.get(KG.reportedType, []) if t in RELATION_OF_CLASS]
        sources = [a for a in values.get(PROV.wasDerivedFrom, []) if isinstance(a, URIRef)]
        if not kinds or not sources:
            continue
        article = sources[0]
        identifier, article_date, source = article_info(article)
        confidence = values.get(KG.confidence, [])
        found.append(
            Report(
                iri=iri,
                relation=RELATION_OF_CLASS[URIRef(str(kinds[0]))],
                article=article,
                article_id=identifier,
                confidence=Decimal(str(confidence[0])) if confidence else Decimal("0.5"),
                evidence=tuple(sorted({e for e in values.get(KG.hasEvidence, []) if isinstance(e, URIRef)})),
                participants=tuple(sorted({p for p in values.get(KG.participant, []) if isinstance(p, URIRef)})),
                agent=_first_iri(values.get(KG.agent)),
                addressee=_first_iri(values.get(KG.addressee)),
                topic=_first_iri(values.get(KG.topic)),
                warned_of=next((w for w in values.get(KG.warnedOf, []) if isinstance(w, Literal)), None),
                initiator=_first_iri(values.get(KG.initiator)),
                date=next((d for d in map(literal_date, values.get(DCTERMS.date, [])) if d), None),
                article_date=article_date,
                source=source,
            )
        )
    return found


def _first_iri(values: list[object] | None) -> URIRef | None:
    return min((v for v in values or [] if isinstance(v, URIRef)), default=None)


def _article_info(graph: GraphLike, article: URIRef) -> tuple[str, date | None, str]:
    return _article_summary(article, lambda prop: graph.value(article, prop))


#: The article properties a report's merging depends on.
_ARTICLE_PROPERTIES = (SCHEMA.identifier, KG.referenceDate, SCHEMA.datePublished, SCHEMA.url, SCHEMA.publisher)


def _article_summary(article: URIRef, value: Callable[[URIRef], object]) -> tuple[str, date | None, str]:
    """An article's identifier, reference date and source, from its properties."""
    identifier = value(SCHEMA.identifier)
    name = str(identifier) if identifier is not None else str(article).rsplit("/", 1)[-1]
    reference = literal_date(value(KG.referenceDate)) or literal_date(value(SCHEMA.datePublished))
    url = value(SCHEMA.url)
    outlet = value(SCHEMA.publisher)
    return (
        name,
        reference,
        source_of(url if isinstance(url, Literal) else None, outlet if isinstance(outlet, Literal) else None, name),
    )


def reports_in(graph: GraphLike) -> list[Report]:
    """Every report of ``graph``."""
    return read_reports(graph, (s for s in graph.subjects(RDF.type, KG.EventReport) if isinstance(s, URIRef)))


def _values(rows: Iterable[tuple[str, ...]]) -> str:
    return " ".join("(" + " ".join(rows_item) + ")" for rows_item in sorted(set(rows)))


def find_reports(graph: Graph, keys: Iterable[MergeKey]) -> list[Report]:
    """The reports of ``graph`` whose merge key is one of ``keys`` (one SPARQL query)."""
    wanted = set(keys)
    if not wanted:
        return []
    branches = []
    by_pattern = {
        r.name: f"?r kg:{'participant' if r.symmetric else 'agent'} ?x . ?r kg:{r.merge_role} ?y . "
        f"?r kg:reportedType kg:{r.event_class} ."
        for r in RELATIONS
        if r.merge_role
    }
    for relation, pattern in by_pattern.items():
        pairs = [(f"<{x}>", f"<{y}>") for rel, x, y in wanted if rel == relation and y]
        if pairs:
            branches.append(f"{{ VALUES (?x ?y) {{ {_values(pairs)} }} {pattern} }}")
    singles = [(f"<{EVENT_CLASS[rel]}>", f"<{x}>") for rel, x, y in wanted if not y and x]
    if singles:
        branches.append(f"{{ VALUES (?t ?x) {{ {_values(singles)} }} ?r kg:agent ?x . ?r kg:reportedType ?t . }}")
    if not branches:
        return []
    # Each pattern starts from the bound terms (Oxigraph joins them in the order written).
    query = _PREFIXES + "SELECT DISTINCT ?r WHERE { " + " UNION ".join(branches) + " }"
    iris = {row[0] for row in graph.query(query) if isinstance(row, tuple) and isinstance(row[0], URIRef)}
    return [r for r in fetch_reports(graph, iris) if r.key in wanted]


def reports_of_events(graph: Graph, keys: Iterable[MergeKey]) -> list[Report]:
    """The reports of ``keys`` in a store, found through their events' named graphs.

    Every report of a key belongs to one of the key's events (:func:`merged_graph_iri`),
    so this reads only those reports — however many other reports their actors have
    (:func:`find_reports` looks them up by actor).
    """
    wanted = set(keys)
    if not wanted:
        return []
    graphs = " ".join(f"<{merged_graph_iri(key)}>" for key in sorted(wanted))
    query = _PREFIXES + f"SELECT DISTINCT ?r WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?e kg:hasReport ?r }} }}"
    iris = {row[0] for row in graph.query(query) if isinstance(row, tuple) and isinstance(row[0], URIRef)}
    return [r for r in fetch_reports(graph, iris) if r.key in wanted]


def fetch_reports(graph: Graph, iris: Iterable[URIRef]) -> list[Report]:
    """The reports with these IRIs, read with SPARQL (two queries, however many reports)."""
    # Two queries rather than one look-up per report and per article: this runs for
    # every article a store adds.
    iris = sorted(set(iris))
    properties: dict[URIRef, dict[URIRef, list[object]]] = {}
    if iris:
        query = "SELECT ?r ?p ?o WHERE { VALUES ?r { " + " ".join(f"<{r}>" for r in iris) + " } ?r ?p ?o }"
        for row in graph.query(query):
            if isinstance(row, tuple) and isinstance(row[0], URIRef):
                properties.setdefault(row[0], defaultdict(list))[URIRef(str(row[1]))].append(row[2])
    articles = {
        a for values in properties.values() for a in values.get(PROV.wasDerivedFrom, []) if isinstance(a, URIRef)
    }
    about: dict[URIRef, dict[URIRef, object]] = defaultdict(dict)
    if articles:
        query = "SELECT ?a ?p ?o WHERE { VALUES ?a { " + " ".join(f"<{a}>" for a in sorted(articles)) + " } ?a ?p ?o }"
        for row in graph.query(query):
            if isinstance(row, tuple) and isinstance(row[0], URIRef) and row[1] in _ARTICLE_PROPERTIES:
                about[row[0]].setdefault(URIRef(str(row[1])), row[2])

    def article_info(article: URIRef) -> tuple[str, date | None, str]:
        return _article_summary(article, about[article].get)

    return _reports_from(properties, article_info)


__all__ = [
    "MergeKey",
    "Report",
    "add_event",
    "cluster",
    "combined_confidence",
    "compatible",
    "event_iri",
    "fetch_reports",
    "find_reports",
    "merged_graph",
    "merged_graph_iri",
    "merged_triples",
    "read_reports",
    "report_key",
    "reports_in",
    "reports_of_events",
]
