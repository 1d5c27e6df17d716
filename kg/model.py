"""The records at the bottom of the house: plain data, independent of spaCy and of RDF.

:class:`Article` is what the reader (:mod:`kg.read`) makes of a file or a table row;
the extractor (:mod:`kg.extract`) produces :class:`ArticleResult` records of
:class:`Fact` and :class:`Actor`; :mod:`kg.rdf` turns them into triples; a build sums
up what it did in a :class:`BuildReport`. Keeping them plain makes the extractor
testable without a graph and the graph builder testable without a language model.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CALLED = "called"
URGED = "urged"
OFFERED_MEDIATION = "offeredMediation"
THANKED = "thanked"
WARNED = "warned"
RELATIONS = (CALLED, URGED, OFFERED_MEDIATION, THANKED, WARNED)
TOPICS = ("DeEscalation", "Restraint", "Ceasefire", "DiplomaticSolution", "HumanitarianAid")


@dataclass(frozen=True)
class Article:
    """One news article: its text as written, and what is known about it."""

    identifier: str
    text: str
    path: Path | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the text (UTF-8), for change detection and provenance."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


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
    ``warned_of`` the free-text danger of a warning; ``parties`` whom a mediation offer
    would mediate between (or the counterpart it was made to). ``initiator`` is ``"a"``,
    ``"b"`` or ``None``.
    """

    relation: str
    a: Actor
    evidence: Evidence
    b: Actor | None = None
    topic: str | None = None
    warned_of: str | None = None
    parties: tuple[Actor, ...] = ()
    initiator: str | None = None
    date: date | None = None
    #: How ``date`` was found: ``stated``, ``relative``, ``article`` or ``fallback`` (:mod:`kg.dates`).
    date_source: str | None = None
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


@dataclass
class BuildReport:
    """What a build read, skipped and found."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)
    #: Inputs read but repaired (stray bytes replaced), one line each.
    warnings: list[str] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    #: Event nodes per relation after merging (``facts`` counts one per article).
    events: Counter[str] = field(default_factory=Counter)
    #: Store builds: article identifiers added, replaced, or skipped as unchanged.
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: Triples in the graph or store at the end.
    triples: int = 0
    #: Where each article's date came from: metadata, url, text, --date, or none.
    date_sources: Counter[str] = field(default_factory=Counter)
    #: Articles that gave no date of their own, dated by ``--date`` (their events' date is a fallback).
    fallback_dated: list[str] = field(default_factory=list)

    def count_rows(self) -> list[tuple[str, str]]:
        """Actors, facts and merged events by kind, as ``(name, count)`` rows for a summary table."""
        rows = [(f"actors: {kind}", str(n)) for kind, n in sorted(self.actors.items())]
        rows += [(f"facts: {relation}", str(n)) for relation, n in sorted(self.facts.items())]
        rows += [(f"events: {relation} (merged)", str(n)) for relation, n in sorted(self.events.items())]
        rows += [(f"article dates from: {source}", str(n)) for source, n in sorted(self.date_sources.items())]
        return rows

    def add(self, result: ArticleResult) -> None:
        """Count one article's result."""
        self.articles += 1
        self.facts.update(f.relation for f in result.facts)
        self.date_sources[result.date_source or "none"] += 1
        if result.date_source == "--date":
            self.fallback_dated.append(result.article.identifier)
            self.notes.append(
                f"{result.article.identifier}: no date in metadata, URL or text; --date {result.date} used "
                "as the fallback date of its events"
            )
        for note in result.notes:
            self.notes.append(f"{result.article.identifier}: {note}")
