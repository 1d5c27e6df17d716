"""Article results built from Fact records, for the merge, store and export tests (light imports)."""

from __future__ import annotations

from datetime import date

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.knowledge import PERSON, STATE, Knowledge
from kg.model import Actor, ArticleResult, Evidence, Fact
from kg.persist import build_graph
from kg.rdf import KG
from kg.read import Article

PUTIN = Actor("person/test-putin", PERSON, "فلاديمير بوتين", "Vladimir Putin")
ERDOGAN = Actor("person/test-erdogan", PERSON, "رجب طيب أردوغان", "Recep Tayyip Erdogan")
RAISI = Actor("person/test-raisi", PERSON, "إبراهيم رئيسي")
RUSSIA = Actor("state/XR", STATE, "روسيا", "Russia")
EMPTY = Knowledge(actors={}, lexicon={"roles": {}})


def ev(text: str, index: int = 0) -> Evidence:
    """An evidence sentence."""
    return Evidence(sentence=text, index=index, start_char=0, end_char=len(text))


def call(
    a: Actor = PUTIN, b: Actor = ERDOGAN, initiator: str | None = None, day: date | None = None, index: int = 0
) -> Fact:
    """A call fact."""
    sentence = ev(f"اتصال هاتفي بين {a.label_ar} و{b.label_ar}.", index)
    return Fact("called", a, sentence, b=b, initiator=initiator, date=day)


def article(
    identifier: str,
    facts: list[Fact],
    published: date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    text: str | None = None,
) -> ArticleResult:
    """An article result from facts built in the test."""
    item = Article(identifier=identifier, text=text or f"نص {identifier}", published=published, url=url, outlet=outlet)
    actors = {}
    for fact in facts:
        for actor in (fact.a, fact.b, *fact.parties):
            if actor is not None:
                actors[actor.key] = actor
    return ArticleResult(item, facts, actors, date=published)


def graph_of(*results: ArticleResult) -> Graph:
    """The merged graph of some article results."""
    return build_graph(list(results), EMPTY)


def calls(graph: Graph) -> list[URIRef]:
    """The PhoneCall event nodes."""
    return sorted(s for s in graph.subjects(RDF.type, KG.PhoneCall) if isinstance(s, URIRef))


def sources(graph: Graph, event: URIRef) -> set[URIRef]:
    """The articles an event is derived from."""
    return {o for o in graph.objects(event, PROV.wasDerivedFrom) if isinstance(o, URIRef)}


def synthetic_result(number: int, facts_per_article: int = 40, pool: int = 12) -> ArticleResult:
    """A dated article with many facts among a pool of actors (store and kill tests)."""
    people = [Actor(f"person/test-{i}", PERSON, f"شخص {i}", f"Person {i}") for i in range(pool)]
    facts: list[Fact] = []
    for k in range(facts_per_article):
        a, b = people[(number + k) % pool], people[(number * 7 + k * 5 + 1) % pool]
        if a.key == b.key:
            b = people[(number + k + 1) % pool]
        if k % 2:
            sentence = ev(f"اتصل {a.label_ar} ب{b.label_ar} هاتفيا رقم {k}.", k)
            facts.append(Fact("called", a, sentence, b=b, initiator="a"))
        else:
            facts.append(Fact("urged", a, ev(f"دعا {a.label_ar} إلى خفض التصعيد رقم {k}.", k), topic="DeEscalation"))
    unique: dict[tuple[object, ...], Fact] = {}
    for fact in facts:
        unique.setdefault(fact.identity(), fact)
    day = date(2024, 1, 1 + number % 28)
    url = f"https://outlet{number % 3}.example/{number}"
    return article(f"art-{number:03d}", list(unique.values()), published=day, url=url)
