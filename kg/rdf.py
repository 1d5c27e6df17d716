"""Stage 4 — turn extraction results into RDF under the project ontology.

Each article gives one *article graph* (see :func:`article_graph`): the article node,
the actors it names, its evidence sentences and one ``kg:EventReport`` per fact — what
this article says about an event (participants, who placed a call, the date it gives,
its confidence and sentences). The events themselves (``kg:PhoneCall`` …) are derived
from the reports of all articles by :mod:`kg.merge`, which puts the reports of one
real-world event under one event node.

IRIs are stable: an actor's IRI comes from its knowledge key (the same in every build),
a report's from its article and what identifies it, an evidence node's from its
article and sentence number, an article graph's name from the article's identifier.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import date
from decimal import Decimal
from urllib.parse import quote, unquote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .iris import BASE
from .knowledge import ORGANIZATION, PERSON, STATE, Knowledge
from .model import CALLED, THANKED, URGED, WARNED, Actor, Article, ArticleResult, Evidence, Fact
from .relations import RELATIONS
from .triples import TripleSet, Vocabulary

KG = Vocabulary(BASE + "ontology#")
ID = Namespace(BASE + "id/")
SCHEMA = Vocabulary("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Event class of each relation (:mod:`kg.relations`), and back.
EVENT_CLASS = {relation.name: KG[relation.event_class] for relation in RELATIONS}
RELATION_OF_CLASS = {cls: rel for rel, cls in EVENT_CLASS.items()}
ACTOR_CLASS = {PERSON: KG.Person, STATE: KG.State, ORGANIZATION: KG.Organization}


GraphLike = Graph | TripleSet


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes used in the project's Turtle and queries."""
    for prefix, namespace in (
        ("kg", KG),
        ("id", ID),
        ("schema", SCHEMA),
        ("prov", PROV),
        ("skos", SKOS),
        ("dcterms", DCTERMS),
        ("owl", OWL),
        ("wd", WD),
    ):
        graph.bind(prefix, namespace, override=True)
    return graph


def short_digest(*parts: object) -> str:
    """A 12-hex-digit digest of ``parts``, for IRIs that must not change between builds."""
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


_digest = short_digest


def actor_iri(key: str) -> URIRef:
    """Stable IRI of an actor key (``person/vladimir-putin`` → ``id/person/vladimir-putin``)."""
    if key.startswith("person/unknown/"):
        _, _, state, slug = key.split("/", 3)
        return ID[f"person/unknown/{state}/{_digest(slug)}"]
    return ID[quote(key, safe="/-_")]


def article_iri(identifier: str) -> URIRef:
    """Stable IRI of an article, from its identifier (the file stem)."""
    return ID[f"article/{quote(identifier, safe='-_.')}"]


def report_iri(article: Article, fact: Fact) -> URIRef:
    """Stable IRI of what one article reports about one event."""
    identity = fact.identity()
    parts = [sorted(p) if isinstance(p, frozenset) else p for p in identity]
    return ID[f"report/{quote(article.identifier, safe='-_.')}/{fact.relation}-{_digest(*parts)}"]


def article_graph_iri(identifier: str) -> URIRef:
    """Name of the named graph that holds everything one article contributes."""
    return ID[f"graph/article/{quote(identifier, safe='-_.')}"]


def evidence_iri(identifier: str, index: int) -> URIRef:
    """Stable IRI of sentence ``index`` of an article."""
    return ID[f"evidence/{quote(identifier, safe='-_.')}/{index}"]


def outlet_iri(outlet: str) -> URIRef:
    """The ``schema:Organization`` node of a news outlet, keyed by its name."""
    return ID[f"outlet/{quote(outlet.strip(), safe='')}"]


def outlet_name(value: object) -> Literal | None:
    """An article's outlet name from its ``schema:publisher`` (an outlet node, or a literal in old graphs)."""
    if isinstance(value, URIRef) and str(value).startswith(str(ID["outlet/"])):
        return Literal(unquote(str(value).removeprefix(str(ID["outlet/"]))))
    return value if isinstance(value, Literal) else None


def topic_iri(topic: str) -> URIRef:
    """The SKOS concept of a de-escalation goal."""
    return KG[topic]


def add_article(graph: GraphLike, article: Article, reference_date: date | None = None) -> URIRef:
    """Describe an article as a ``schema:NewsArticle``.

    ``reference_date`` is the date its relative dates were resolved against (its
    publication date, a date stated in its head, or ``--date``); merging uses it.
    """
    node = article_iri(article.identifier)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    if reference_date is not None:
        graph.add((node, KG.referenceDate, Literal(reference_date, datatype=XSD.date)))
    graph.add((node, SCHEMA.identifier, Literal(article.identifier)))
    graph.add((node, KG.contentHash, Literal(article.sha256)))
    if article.published:
        graph.add((node, SCHEMA.datePublished, Literal(article.published, datatype=XSD.date)))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.outlet:
        outlet = outlet_iri(article.outlet)
        graph.add((node, SCHEMA.publisher, outlet))
        graph.add((outlet, RDF.type, SCHEMA.Organization))
        graph.add((outlet, SCHEMA.name, Literal(article.outlet)))
    if article.title:
        graph.add((node, SCHEMA.headline, Literal(article.title, lang="ar")))
    graph.add((node, SCHEMA.inLanguage, Literal("ar")))
    return node


def add_actor(graph: GraphLike, actor: Actor, knowledge: Knowledge, label_ar: Literal | None = None) -> URIRef:
    """Describe an actor: type, labels in Arabic and English, Wikidata link, offices.

    ``label_ar`` overrides the Arabic label (an unknown person met in several articles
    keeps the spelling it was first stored with).
    """
    node = actor_iri(actor.key)
    graph.add((node, RDF.type, ACTOR_CLASS[actor.kind]))
    # One Arabic label: an unknown person met in several articles keeps the first spelling.
    if not any(getattr(label, "language", None) == "ar" for label in graph.objects(node, RDFS.label)):
        graph.add(
            (node, RDFS.label, label_ar if label_ar is not None else gazetteer_literal(actor.label_ar, lang="ar"))
        )
    graph.add((node, KG.inGazetteer, gazetteer_literal(actor.known)))
    if actor.label_en:
        graph.add((node, RDFS.label, gazetteer_literal(actor.label_en, lang="en")))
    if actor.wikidata:
        graph.add((node, OWL.sameAs, WD[actor.wikidata]))
    record = knowledge.actors.get(actor.key)
    if record is not None:
        for alias in record.ar[1:]:
            graph.add((node, SKOS.altLabel, gazetteer_literal(alias, lang="ar")))
        for alias in record.aliases_en:
            graph.add((node, SKOS.altLabel, gazetteer_literal(alias, lang="en")))
        for office in record.offices:
            seat = office.seat
            if seat is None or seat not in knowledge.actors:
                continue
            position = ID[
                f"position/{actor.key.split('/')[-1]}/{office.role}/{seat.replace('/', '-')}"
                f"/{office.start or 'unknown'}"
            ]
            graph.add((node, KG.holdsPosition, position))
            graph.add((position, RDF.type, KG.Position))
            graph.add((position, KG.role, KG[f"role-{office.role}"]))
            graph.add((position, KG.positionIn, actor_iri(seat)))
            _describe_seat(graph, seat, knowledge)
            if office.start:
                graph.add((position, SCHEMA.startDate, gazetteer_literal(office.start, datatype=XSD.date)))
            if office.end:
                graph.add((position, SCHEMA.endDate, gazetteer_literal(office.end, datatype=XSD.date)))
    if actor.state and actor.kind == PERSON and actor.state in knowledge.actors:
        graph.add((node, KG.nationality, actor_iri(actor.state)))
        _describe_seat(graph, actor.state, knowledge)
    if not actor.known and actor.role:
        position = ID[f"position/unknown/{_digest(actor.key)}/{actor.role}"]
        graph.add((node, KG.holdsPosition, position))
        graph.add((position, RDF.type, KG.Position))
        graph.add((position, KG.role, KG[f"role-{actor.role}"]))
        if actor.state:
            graph.add((position, KG.positionIn, actor_iri(actor.state)))
    return node


def _describe_seat(graph: GraphLike, key: str, knowledge: Knowledge) -> None:
    """Type and label a state or organisation that a position or person points at."""
    record = knowledge[key]
    node = actor_iri(key)
    if (node, RDF.type, ACTOR_CLASS[record.kind]) in graph:
        return
    graph.add((node, RDF.type, ACTOR_CLASS[record.kind]))
    graph.add((node, RDFS.label, gazetteer_literal(record.label_ar, lang="ar")))
    graph.add((node, RDFS.label, gazetteer_literal(record.en, lang="en")))
    graph.add((node, KG.inGazetteer, gazetteer_literal(True)))
    if record.wikidata:
        graph.add((node, OWL.sameAs, WD[record.wikidata]))


def add_evidence(graph: GraphLike, article: Article, evidence: Evidence) -> URIRef:
    """The evidence node of a sentence of an article."""
    node = evidence_iri(article.identifier, evidence.index)
    graph.add((node, RDF.type, KG.Evidence))
    graph.add((node, KG.sentenceText, Literal(evidence.sentence, lang="ar")))
    graph.add((node, KG.sentenceIndex, Literal(evidence.index)))
    graph.add((node, PROV.wasDerivedFrom, article_iri(article.identifier)))
    return node


@functools.lru_cache(maxsize=2**16, typed=True)
def gazetteer_literal(value: str | bool | date, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """A literal of an actor's description (labels, aliases, office dates): the same ones
    come back in article after article, and rdflib makes a literal slowly."""
    return Literal(value, lang=lang, datatype=datatype)


@functools.lru_cache(maxsize=256)
def confidence_literal(value: float | Decimal) -> Literal:
    """A confidence as an ``xsd:decimal`` literal: two decimals at most, canonical form ("0.9", "1")."""
    lexical = format(Decimal(str(round(float(value), 2))).normalize(), "f")
    return Literal(lexical, datatype=XSD.decimal)


def add_report(graph: GraphLike, article: Article, fact: Fact) -> URIRef:
    """What one article says about one event, as a ``kg:EventReport`` node.

    The report keeps the article's own account: the participants (or agent, addressee,
    goal, danger), the initiator it names, the date it gives, its confidence and its
    sentences. Event nodes are derived from reports by :mod:`kg.merge`.
    """
    node = report_iri(article, fact)
    graph.add((node, RDF.type, KG.EventReport))
    graph.add((node, KG.reportedType, EVENT_CLASS[fact.relation]))
    graph.add((node, PROV.wasDerivedFrom, article_iri(article.identifier)))
    graph.add((node, KG.confidence, confidence_literal(fact.confidence)))
    for evidence in [fact.evidence, *fact.extra_evidence]:
        graph.add((node, KG.hasEvidence, add_evidence(graph, article, evidence)))
    if fact.date:
        graph.add((node, DCTERMS.date, Literal(fact.date, datatype=XSD.date)))
        if fact.date_source:
            graph.add((node, KG.dateSource, Literal(fact.date_source)))
    a = actor_iri(fact.a.key)
    if fact.relation == CALLED:
        assert fact.b is not None
        b = actor_iri(fact.b.key)
        graph.add((node, KG.participant, a))
        graph.add((node, KG.participant, b))
        if fact.initiator == "a":
            graph.add((node, KG.initiator, a))
        elif fact.initiator == "b":
            graph.add((node, KG.initiator, b))
        return node
    graph.add((node, KG.agent, a))
    if fact.relation == URGED and fact.topic:
        graph.add((node, KG.topic, topic_iri(fact.topic)))
    elif fact.relation == THANKED and fact.b is not None:
        graph.add((node, KG.addressee, actor_iri(fact.b.key)))
    elif fact.relation == WARNED and fact.warned_of:
        graph.add((node, KG.warnedOf, Literal(fact.warned_of, lang="ar")))
    for party in fact.parties:
        graph.add((node, KG.mediationParty, actor_iri(party.key)))
    return node


def article_triples(
    result: ArticleResult, knowledge: Knowledge, labels: dict[URIRef, Literal] | None = None
) -> TripleSet:
    """Everything one article contributes, as the triples of the graph :func:`article_graph_iri` names.

    ``labels`` gives Arabic labels to keep for actors already known under another
    spelling (unknown people keyed by their normalised name).
    """
    graph = TripleSet(article_graph_iri(result.article.identifier))
    add_article(graph, result.article, result.date)
    for actor in result.actors.values():
        add_actor(graph, actor, knowledge, (labels or {}).get(actor_iri(actor.key)))
    for fact in result.facts:
        add_roles(graph, add_report(graph, result.article, fact), fact, result, knowledge)
    return graph


def add_roles(graph: GraphLike, report: URIRef, fact: Fact, result: ArticleResult, knowledge: Knowledge) -> None:
    """One ``kg:ActorRole`` per actor of a report, with the state or organisation it acted for.

    ``kg:onBehalfOf`` is the actor's seat on the report's date, else the article's
    (:meth:`kg.actors.ActorRecord.seat_on`); for a person the knowledge lacks, the state the
    text gives it.
    """
    day = fact.date or result.date or result.article.published
    pairs = [(KG.participant if fact.relation == CALLED else KG.agent, fact.a)]
    if fact.b is not None and fact.relation in (CALLED, THANKED):
        pairs.append((KG.participant if fact.relation == CALLED else KG.addressee, fact.b))
    pairs += [(KG.mediationParty, party) for party in fact.parties]
    for prop, actor in pairs:
        role = URIRef(f"{report}/role-{_digest(actor.key)}")
        graph.add((report, KG.actorRole, role))
        graph.add((role, RDF.type, KG.ActorRole))
        graph.add((role, KG.roleProperty, prop))
        graph.add((role, KG.actor, actor_iri(actor.key)))
        record = knowledge.actors.get(actor.key)
        seat = record.seat_on(day) if record is not None else (actor.state if actor.kind == PERSON else actor.key)
        if seat is not None:
            graph.add((role, KG.onBehalfOf, actor_iri(seat)))


def article_graph(result: ArticleResult, knowledge: Knowledge, labels: dict[URIRef, Literal] | None = None) -> Graph:
    """:func:`article_triples` as an rdflib graph named by :func:`article_graph_iri`."""
    return article_triples(result, knowledge, labels).graph()


def add_result(graph: Graph, result: ArticleResult, knowledge: Knowledge) -> None:
    """Add one article's graph to ``graph`` (events are not derived: see :func:`kg.persist.build_graph`)."""
    labels = {
        node: label
        for node in (actor_iri(a.key) for a in result.actors.values() if not a.known)
        for label in graph.objects(node, RDFS.label)
        if isinstance(label, Literal) and label.language == "ar"
    }
    graph += article_graph(result, knowledge, labels)


def literal_date(value: object) -> date | None:
    """A Python date from an ``xsd:date`` literal, or ``None``."""
    if isinstance(value, Literal) and isinstance(value.toPython(), date):
        return value.toPython()  # type: ignore[no-any-return]
    return None


__all__ = [
    "ID",
    "KG",
    "SCHEMA",
    "BNode",
    "TripleSet",
    "actor_iri",
    "article_graph",
    "article_graph_iri",
    "article_iri",
    "article_triples",
]
