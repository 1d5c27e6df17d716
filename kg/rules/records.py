"""The records the rules pass around: mentions, the article's memory, and facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Span

from ..dates import ARTICLE, FALLBACK
from ..knowledge import PERSON, STATE, ActorRecord
from ..model import Actor, Evidence, Fact
from ..normalize import normalize_phrase
from .lang_ar import PREPOSITION_CLITICS

#: People only a trained model proposes (kg build --model): keyed person/unknown/model/<name>, facts on them 0.5.
MODEL_SEAT = "model"
MODEL_CONFIDENCE = 0.5

#: How sure a statement is of who placed a call, when an article's statements disagree (the
#: surer one wins, ANNOTATION.md: "the more specific statement wins"): "بمبادرة من X" or "بدأها X"
#: beats "تلقى X اتصالا من Y", which beats a plain "أجرى X اتصالا مع Y" (agencies of the
#: receiving side write أجرى loosely; nobody writes تلقى for a call one placed).
INITIATIVE_CONFIDENCE = 0.95
RECEIVED_CONFIDENCE = 0.92


@dataclass
class Mention:
    """Actors referred to by a span of a sentence."""

    start: int
    end: int
    actors: list[Actor]
    kind: str  # name, role, state, org, counterpart, group, body, unknown
    clitic: str = ""
    preposition: str | None = None
    counterpart_state: str | None = None
    more_states: list[str] = field(default_factory=list)
    plural: bool = False

    @property
    def prepositional(self) -> bool:
        """Whether the mention is governed by a preposition (not a subject)."""
        return self.preposition is not None or bool(PREPOSITION_CLITICS & set(self.clitic))


@dataclass
class Context:
    """What the rules remember while reading one article (passed explicitly)."""

    article_date: date | None
    #: The date the sentence being read gives its events (stated or relative), if any.
    sentence_date: date | None = None
    named: set[str] = field(default_factory=set)
    weakly_named: set[str] = field(default_factory=set)
    last_subject: list[Actor] = field(default_factory=list)
    #: Who spoke last: the speaker of a reporting verb (قال X إن …) or else the last subject,
    #: for the quotes after it that name nobody.
    last_speaker: list[Actor] = field(default_factory=list)
    last_call: tuple[Actor, Actor] | None = None
    calls: list[tuple[Actor, Actor]] = field(default_factory=list)
    last_calls: list[tuple[Actor, Actor]] = field(default_factory=list)
    calls_sentence: int = -1
    #: The people (else the states) of the in-person meeting reported last, and its sentence.
    meeting: list[Actor] = field(default_factory=list)
    meeting_sentence: int = -1
    subject_history: list[Actor] = field(default_factory=list)
    caller: Actor | None = None
    #: Who received a call whose caller the sentence did not name ("تلقى X اتصالا من رئيس …").
    callee: Actor | None = None
    #: A call was reported with a caller nobody knows ("من رئيس سلطة المياه"): a later "الاتصال"
    #: is that call, not one between the people the article happens to name.
    unknown_caller: bool = False
    #: A call sentence ending in a colon with no counterpart ("تلقى X اتصالات من:"): its
    #: subject, direction and preposition, for the bulleted lines that follow.
    list_call: tuple[list[Actor], str | None, str | None] | None = None
    #: A call reported with one party only ("في اتصال هاتفي، أكد ماكرون …"): that party, the
    #: direction its verb gives, and the sentence; a reply "on his part" names the other.
    open_call: tuple[Actor, str | None, int] | None = None
    last_topics: set[str] = field(default_factory=set)
    #: Who announced the list of points still open (وشدد X على ما يلي:), for its item lines.
    list_points: list[Actor] = field(default_factory=list)
    recent: list[Actor] = field(default_factory=list)
    #: The state of the article's dateline («القاهرة (أ ش أ) -»): a bare title with no holder named
    #: before is its office-holder (دعا الرئيس إلى …).
    dateline_state: str | None = None
    has_call_vocabulary: bool = False
    notes: list[str] = field(default_factory=list)
    #: An undated article's window in time: where the tenures of the office-holders it names
    #: with their titles meet (``None`` when it names none, or they never meet).
    tenure_window: tuple[date, date] | None = None

    @property
    def day(self) -> date | None:
        """The date of the sentence being read: the one it gives, else the article's.

        Office holders are resolved on this day, the day its events get.
        """
        return self.sentence_date or self.article_date

    def remember(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.recent = [a for a in self.recent if a.key != actor.key] + [actor]

    def call_parties(self) -> list[Actor]:
        """Every party to the call(s) just reported, once each."""
        parties: list[Actor] = []
        for pair in self.last_calls or ([self.last_call] if self.last_call else []):
            parties += [a for a in pair if a.key not in {p.key for p in parties}]
        return parties

    def people_of(self, states: list[str]) -> list[Actor]:
        """One person of each state, from the call(s) just reported or else the people named
        last ("الوزيران الروسي والتركي" after a call of Lavrov and Fidan); none unless all are found."""
        found: list[Actor] = []
        for state in states:
            pool = [*self.call_parties(), *reversed(self.recent)]
            match = next((a for a in pool if a.kind == PERSON and a.state == state), None)
            if match is None or match.key in {f.key for f in found}:
                return []
            found.append(match)
        return found

    def call_counterparts(self) -> list[Actor]:
        """The others of the calls just reported, when one party spoke with each of them
        ("X called A and B": A and B, the two a dual group word may stand for)."""
        pairs = self.last_calls
        if len(pairs) < 2:
            return []
        shared = set.intersection(*({a.key for a in pair} for pair in pairs))
        return [a for a in self.call_parties() if a.key not in shared] if len(shared) == 1 else []


def fact(relation: str, a: Actor, evidence: Evidence, **kwargs: Any) -> Fact:
    """A fact read from ``evidence``; one on a person only the model proposed is held weaker."""
    made = Fact(relation=relation, a=a, evidence=evidence, **kwargs)
    if any(x is not None and x.key.startswith(f"person/unknown/{MODEL_SEAT}/") for x in (made.a, made.b)):
        made.confidence = min(made.confidence, MODEL_CONFIDENCE)  # rests on a name only the model proposed
    return made


def merge_fact(kept: Fact, new: Fact) -> None:
    """Fold a repeated fact of one article into the first one."""
    kept.extra_evidence.append(new.evidence)
    if new.initiator is not None and (kept.initiator is None or new.confidence > kept.confidence):
        kept.initiator = new.initiator if new.a.key == kept.a.key else _swap(new.initiator)
    # A date the sentence gives beats the article's date that an earlier mention fell back on.
    if new.date is not None and (kept.date is None or (_from_article(kept) and not _from_article(new))):
        kept.date, kept.date_source = new.date, new.date_source
    kept.confidence = max(kept.confidence, new.confidence)
    known = {party.key for party in kept.parties}
    kept.parties += tuple(party for party in new.parties if party.key not in known)


def _from_article(fact: Fact) -> bool:
    return fact.date_source in (ARTICLE, FALLBACK, None)


def _swap(initiator: str) -> str:
    return {"a": "b", "b": "a"}[initiator]


def norm(span: Span) -> str:
    """The normalised text of a span, token by token."""
    return " ".join(t.norm_ for t in span)


def mention_kind(record: ActorRecord) -> str:
    """The mention kind of a known actor's name."""
    return {PERSON: "name", STATE: "state"}.get(record.kind, "org")


def same_person(label: str, record: ActorRecord) -> bool:
    """Whether a name shares a word with one of the record's names."""
    words = set(normalize_phrase(label).split())
    return any(words & set(normalize_phrase(form).split()) for form in (*record.ar, *record.ar_weak))


def spelled_like(label: str, record: ActorRecord, shortest: int) -> bool:
    """Whether a name of two words or more is one of the record's full names but for a letter
    (ماكرو for ماكرون, بوريظة for بوريطة): word for word the same, or one edit apart in words
    of at least ``shortest`` letters."""
    words = normalize_phrase(label).split()
    if len(words) < 2:
        return False
    return any(
        len(known) == len(words) and all(_near(w, k, shortest) for w, k in zip(words, known, strict=True))
        for known in (normalize_phrase(form).split() for form in record.ar)
    )


def _near(word: str, known: str, shortest: int) -> bool:
    """Equal, or one insertion, deletion or substitution apart when both are long enough."""
    if word == known:
        return True
    if min(len(word), len(known)) < shortest or abs(len(word) - len(known)) > 1:
        return False
    short, long = sorted((word, known), key=len)
    k = next((k for k, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    rest = long[k + 1 :]
    return short[k + 1 :] == rest if len(short) == len(long) else short[k:] == rest
