"""The extraction result: plain data, independent of spaCy and of RDF.

The extractor (:mod:`kg.extract`) produces these records; :mod:`kg.rdf` turns them into
triples. Keeping them plain makes the extractor testable without a graph and the graph
builder testable without a language model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .read import Article

CALLED = "called"
URGED = "urged"
OFFERED_MEDIATION = "offeredMediation"
THANKED = "thanked"
WARNED = "warned"
RELATIONS = (CALLED, URGED, OFFERED_MEDIATION, THANKED, WARNED)
TOPICS = ("DeEscalation", "Restraint", "Ceasefire", "DiplomaticSolution", "HumanitarianAid")


@dataclass(frozen=True)
class Actor:
    """An actor as the extractor found it.

    ``key`` is the knowledge key (``person/vladimir-putin``, ``state/RU``) or, for a
    person the gazetteer does not know, ``person/unknown/<normalised name>``.
    """

    key: str
    kind: str
    label_ar: str
    label_en: str | None = None
    wikidata: str | None = None
    state: str | None = None
    role: str | None = None
    known: bool = True


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from."""

    sentence: str
    index: int
    start_char: int
    end_char: int


@dataclass
class Fact:
    """One relation instance in one article.

    ``a`` is the agent (a call's first participant); ``b`` the counterpart (the other
    participant of a call, the one thanked); ``topic`` the goal of an appeal;
    ``warned_of`` the free-text danger of a warning. ``initiator`` is ``"a"``, ``"b"`` or ``None``.
    """

    relation: str
    a: Actor
    evidence: Evidence
    b: Actor | None = None
    topic: str | None = None
    warned_of: str | None = None
    initiator: str | None = None
    date: date | None = None
    confidence: float = 0.8
    extra_evidence: list[Evidence] = field(default_factory=list)

    def identity(self) -> tuple[object, ...]:
        """What makes two facts of one article the same fact (calls are unordered)."""
        if self.relation == CALLED:
            assert self.b is not None
            return (self.relation, frozenset((self.a.key, self.b.key)))
        if self.relation == THANKED:
            return (self.relation, self.a.key, self.b.key if self.b else None)
        if self.relation == WARNED:
            return (self.relation, self.a.key)
        return (self.relation, self.a.key, self.topic)


@dataclass
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    facts: list[Fact]
    actors: dict[str, Actor]
    date: date | None = None
    date_source: str | None = None
    notes: list[str] = field(default_factory=list)
