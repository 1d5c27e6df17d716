"""Clauses: a sentence cut at complementizers (أن/إن), clause breaks and colons, with its
trigger labels by token. The relation rules read one :class:`Sentence` at a time."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

from ..model import Actor, Evidence, Fact
from .context import RuleContext
from .lang_ar import (
    AND,
    ARTICLE,
    CLAUSE_PUNCTUATION,
    CLITIC_ARTICLES,
    CLOSING_BRACKETS,
    COMMAS,
    CONJUNCTION_CLITICS,
    DASHES,
    FIRST_PERSON_PREFIXES,
    IMPERFECT_THIRD,
    OPENING_BRACKETS,
    SINGULAR_OBJECT_SUFFIXES,
)
from .records import Context, Mention, fact

#: Trigger labels of verbs and participles (not stance nouns).
VERB_LABELS = frozenset(
    [
        "CLAUSE_VERB",
        "PARTICIPLE",
        "CALL_VERB",
        "CALL_VERB_SUBJ",
        "CALL_VERB_OBJ",
        "CALL_VERB_RECIP",
        "SPEECH",
        "THANKS",
        "WARNING",
        "AGREEMENT",
    ]
)


class Sentence:
    """One sentence as the relation rules read it: its triggers, mentions and clauses."""

    def __init__(
        self,
        rules: RuleContext,
        sentence: Span,
        triggers: list[Span],
        mentions: list[Mention],
        context: Context,
        evidence: Evidence,
        clause_punctuation: Iterable[int] | None = None,
    ) -> None:
        """``clause_punctuation``: positions of ``:``, ``؛`` and ``;`` in the sentence (found here if not given)."""
        self.rules = rules
        self.words = rules.words
        self.settings = rules.settings
        self.sentence = sentence
        if clause_punctuation is None:
            clause_punctuation = (t.i for t in sentence if t.text in CLAUSE_PUNCTUATION)
        self.clause_punctuation = frozenset(clause_punctuation)
        self.mentions = mentions
        self.context = context
        self.evidence = evidence
        self.doc = sentence.doc
        self.labels: dict[int, set[str]] = {}
        self.trigger_spans = triggers
        self.spans_by_label: dict[str, list[Span]] = {}
        for span in self.trigger_spans:
            label = span.label_
            self.spans_by_label.setdefault(label, []).append(span)
            for k in range(span.start, span.end):
                self.labels.setdefault(k, set()).add(label)
        self.clause_starts = self._clause_starts()
        #: The asides' tokens (:func:`kg.rules.asides.aside_tokens`) and the mention count they were read with.
        self.aside_cache: tuple[int, frozenset[int]] | None = None

    def _clause_starts(self) -> list[int]:
        start, end = self.sentence.start, self.sentence.end
        starts = [start]
        # Only clause punctuation and trigger words open a clause: visit those tokens alone.
        punctuation = self.clause_punctuation
        # "مون جاي إن": a word of a name is no complementizer.
        named = (m for m in self.mentions if m.kind in {"name", "role", "unknown"})
        in_names = {k for m in named for k in range(m.start + 1, m.end)}
        for i in sorted(punctuation | {k for k in self.labels if start <= k < end}):
            labels = self.labels.get(i, set())
            if i in punctuation or (("THAT" in labels or "BREAK" in labels) and i not in in_names):
                starts.append(i + 1)
            elif "CLAUSE_VERB" in labels and self.doc[i]._.clitic in CONJUNCTION_CLITICS and i > start:
                starts.append(i)  # "… وأكد بوتين استعداده": a statement of its own
        self.resumed_clauses = self._parenthetical_ends(starts)
        return sorted(set(starts) | set(self.resumed_clauses))

    def _parenthetical_ends(self, starts: list[int]) -> dict[int, int]:
        """ "وكان أردوغان، الذي يزور قطر، قد دعا …": a relative clause set off by commas ends at
        its second comma, where the main clause goes on (by where it goes on, the relative pronoun);
        one in brackets or between dashes at its closing mark ("أردوغان (الذي يزور موسكو) دعا …")."""
        ends: dict[int, int] = {}
        for opened in starts:
            pronoun = opened - 1
            if pronoun - 1 < self.sentence.start or self.doc[pronoun].norm_ not in self.words.relative_pronouns:
                continue
            mark = self.doc[pronoun - 1].text
            if mark in COMMAS:
                later = min((k for k in starts if k > opened), default=self.sentence.end)
                closing = next((t.i for t in self.doc[opened:later] if t.text in COMMAS), None)
            elif mark in OPENING_BRACKETS or mark in DASHES:
                closers = CLOSING_BRACKETS if mark in OPENING_BRACKETS else DASHES
                closing = next((t.i for t in self.doc[opened : self.sentence.end] if t.text in closers), None)
            else:
                continue
            if closing is not None:
                ends[closing + 1] = pronoun
        return ends

    @property
    def start(self) -> int:
        """The sentence's first token."""
        return int(self.sentence.start)

    @property
    def end(self) -> int:
        """The token after the sentence."""
        return int(self.sentence.end)

    def clause_of(self, i: int) -> tuple[int, int]:
        """Token range of the clause holding token ``i``."""
        start = max(s for s in self.clause_starts if s <= i)
        later = [s for s in self.clause_starts if s > i]
        return start, (min(later) if later else self.sentence.end)

    def resumed(self, start: int) -> int:
        """The start of the clause a parenthetical relative clause interrupted, for the clause that
        goes on after it at ``start`` ("قال أردوغان، الذي يزور قطر، إن …"); else ``start``."""
        pronoun = self.resumed_clauses.get(start)
        return start if pronoun is None else self.clause_of(pronoun - 1)[0]

    def has(self, i: int, label: str) -> bool:
        """Whether token ``i`` is part of a trigger span labelled ``label``."""
        return label in self.labels.get(i, set())

    def unknown_title(self, i: int) -> bool:
        """Whether token ``i`` is a title naming nobody known: outside every mention, without the
        article, so heading a complement (رئيس مجلس الحكم المحلي، رئيس سلطة المياه)."""
        word = self.doc[i].norm_
        return self.has(i, "ROLE") and not self.in_mention(i) and not word.startswith((ARTICLE, *CLITIC_ARTICLES))

    def spans(self, label: str) -> list[Span]:
        """Trigger spans of one label, without those nested in a longer one (دور الوسيط ⊂ لعب دور الوسيط)."""
        found = self.spans_by_label.get(label, [])
        return [
            s
            for s in found
            if not any(o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in found)
        ]

    def first_person_verb(self, k: int) -> bool:
        """Whether token ``k`` is a verb in the first person: an imperfect plural, ن for the ي of
        a third-person form the lexicon knows (نشكر، ندعو، نرفض); a singular imperfect that no
        perfect is written like (أشكر; not أعلن، أجرى: ``first_person_singular``); or a perfect
        of an appeal verb no third person shares (دعوت، حثثنا: ``first_person_perfects``)."""
        norm = str(self.doc[k].norm_)
        if norm in self.words.first_person_singular or norm in self.words.first_person_perfects:
            return True  # "«أشكر الرئيس …»", "«لقد دعونا إلى …»"
        return (
            len(norm) >= 3 and norm[0] in FIRST_PERSON_PREFIXES and IMPERFECT_THIRD + norm[1:] in self.words.term_words
        )

    def object_pronoun(self, k: int) -> bool:
        """Whether token ``k`` carries a singular object pronoun (تلقاه، تلقتها), split off or kept in its form."""
        token = self.doc[k]
        return token._.suffix in SINGULAR_OBJECT_SUFFIXES or str(token.norm_).endswith(tuple(SINGULAR_OBJECT_SUFFIXES))

    def verb(self, k: int) -> bool:
        """Whether token ``k`` is a verb or participle of the lexicon (not a stance noun)."""
        return not VERB_LABELS.isdisjoint(self.labels.get(k, ()))

    def oblique(self, mention: Mention) -> bool:
        """Whether a mention is governed by a preposition, itself or as the و-conjunct of one that
        is ("العلاقات بين بكين ونيروبي": نيروبي is no subject)."""
        if mention.prepositional:
            return True
        bare_and = mention.start > self.start and self.doc[mention.start - 1].text == AND
        if not (mention.clitic.startswith(AND) or bare_and):
            return False
        before = next((m for m in self.mentions if m.end == mention.start - bare_and), None)
        return before is not None and self.oblique(before)

    def in_mention(self, k: int) -> bool:
        """Whether token ``k`` is part of a mention."""
        return any(m.start <= k < m.end for m in self.mentions)

    def fact(self, relation: str, a: Actor, **kwargs: Any) -> Fact:
        """A fact with this sentence as its evidence."""
        return fact(relation, a, self.evidence, **kwargs)
