"""Event reports read back from a graph: what one article says about one event, and its merge key.

An article graph holds one ``kg:EventReport`` per fact (:func:`kg.rdf.add_report`);
:mod:`kg.merge` groups the reports of one real-world event under one event node. This
module reads reports back — from a graph, a store's event graphs, or by merge key with
SPARQL — as :class:`Report` records, and says which key each has (:func:`report_key`:
the relation and its actors, from :mod:`kg.relations`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlparse

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from .rdf import EVENT_CLASS, ID, KG, RELATION_OF_CLASS, SCHEMA, GraphLike, literal_date, outlet_name, short_digest
from .relations import BY_NAME, RELATIONS

#: ``(relation, first actor IRI, second actor / goal IRI or "")``.
MergeKey = tuple[str, str, str]

#: An object term as Oxigraph reads it.
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal

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
    #: A mediation offer's parties (``kg:mediationParty``).
    parties: tuple[URIRef, ...] = ()
    initiator: URIRef | None = None
    date: dt.date | None = None
    #: How the article found ``date`` (``kg:dateSource``: stated, relative, article, fallback).
    date_source: str | None = None
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
                parties=tuple(sorted({p for p in values.get(KG.mediationParty, []) if isinstance(p, URIRef)})),
                warned_of=next((w for w in values.get(KG.warnedOf, []) if isinstance(w, Literal)), None),
                initiator=_first_iri(values.get(KG.initiator)),
                date=next((d for d in map(literal_date, values.get(DCTERMS.date, [])) if d), None),
                date_source=next((str(s) for s in values.get(KG.dateSource, []) if isinstance(s, Literal)), None),
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


#: The report properties :func:`_reports_from` reads, by IRI text.
_REPORT_PROPERTIES = {
    str(p): p
    for p in (
        KG.reportedType,
        PROV.wasDerivedFrom,
        KG.confidence,
        KG.hasEvidence,
        KG.participant,
        KG.agent,
        KG.addressee,
        KG.topic,
        KG.mediationParty,
        KG.warnedOf,
        KG.initiator,
        DCTERMS.date,
        KG.dateSource,
    )
}
_ARTICLE_PROPERTY_NAMES = {str(p): p for p in _ARTICLE_PROPERTIES}


def _article_summary(article: URIRef, value: Callable[[URIRef], object]) -> tuple[str, date | None, str]:
    """An article's identifier, reference date and source, from its properties."""
    identifier = value(SCHEMA.identifier)
    name = str(identifier) if identifier is not None else str(article).rsplit("/", 1)[-1]
    reference = literal_date(value(KG.referenceDate)) or literal_date(value(SCHEMA.datePublished))
    url = value(SCHEMA.url)
    outlet = outlet_name(value(SCHEMA.publisher))
    return (
        name,
        reference,
        source_of(url if isinstance(url, Literal) else None, outlet, name),
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


def stored_reports(store: ox.Store, keys: Iterable[MergeKey], term: Callable[[OxTerm], object]) -> list[Report]:
    """The reports of ``keys`` in a store whose default graph is the union of its named graphs.

    The same reports as :func:`reports_of_events` on the store's union view, read with
    Oxigraph's own index look-ups (a few per report) instead of SPARQL through rdflib's
    terms: a store build runs this for every article it adds. ``term`` turns an Oxigraph
    object into rdflib's (:func:`kg.ntriples.rdflib_term`).
    """
    wanted_keys = set(keys)
    has_report = ox.NamedNode(str(KG.hasReport))
    union = ox.DefaultGraph()
    reports: set[ox.NamedNode] = set()
    for key in sorted(wanted_keys):
        graph = ox.NamedNode(str(merged_graph_iri(key)))
        reports.update(
            q.object
            for q in store.quads_for_pattern(None, has_report, None, graph)
            if isinstance(q.object, ox.NamedNode)
        )
    # Terms repeat (types, actors, topics, dates): each is converted to rdflib's once.
    converted: dict[object, object] = {}

    def rdflib(value: OxTerm) -> object:
        done = converted.get(value)
        if done is None:
            done = converted[value] = term(value)
        return done

    properties: dict[URIRef, dict[URIRef, list[object]]] = {}
    articles: set[ox.NamedNode] = set()
    derived = str(PROV.wasDerivedFrom)
    for report in reports:
        values = properties[URIRef(report.value)] = defaultdict(list)
        for quad in store.quads_for_pattern(report, None, None, union):
            predicate, value = quad.predicate.value, quad.object
            if predicate in _REPORT_PROPERTIES and not isinstance(value, ox.Triple):
                values[_REPORT_PROPERTIES[predicate]].append(rdflib(value))
                if predicate == derived and isinstance(value, ox.NamedNode):
                    articles.add(value)
    about: dict[URIRef, dict[URIRef, object]] = defaultdict(dict)
    for article in articles:
        known = about[URIRef(article.value)]
        for quad in store.quads_for_pattern(article, None, None, union):
            name, value = _ARTICLE_PROPERTY_NAMES.get(quad.predicate.value), quad.object
            if name is not None and not isinstance(value, ox.Triple):
                known.setdefault(name, rdflib(value))

    def article_info(article: URIRef) -> tuple[str, date | None, str]:
        return _article_summary(article, about[article].get)

    return [r for r in _reports_from(properties, article_info) if r.key in wanted_keys]


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
    "fetch_reports",
    "find_reports",
    "merged_graph_iri",
    "read_reports",
    "report_key",
    "reports_in",
    "reports_of_events",
    "source_of",
    "stored_reports",
]
