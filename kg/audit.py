"""A recall audit that needs no gold: sentences that look like a call or an appeal but gave no fact.

``kg audit CORPUS`` reads a corpus, extracts it, and lists the sentences that carry a call
word or a goal phrase (loose matching, ``lexicon.json`` section ``audit``) and at least one
actor mention (a gazetteer name or a title) where no fact came out. Each is filed under a
guessed phenomenon, after the sub-types of ``../shared/eval/PHENOMENA.md``, so that the
counts show where recall is lost on unannotated text and how a rule change moves them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from .extract import Extractor
from .normalize import normalize_phrase
from .read import Article

#: Phenomenon label → what it means, in the order the guesses are tried.
PHENOMENA: dict[str, str] = {
    "X-glued": "a dateline or bracket glued to the next word (')-أجرى')",
    "S-bullet": "a bulleted line or a list after a colon",
    "G2h-honorific": "an honorific, kinship word or descriptor before a name",
    "G2c-lil": "a لل… word (ل + ال…) before an organisation",
    "S-group": "a group word (الجميع، الجانبان، المسؤولان …)",
    "S-list": "three or more actors in the sentence (lists, long subjects)",
    "L-goal": "a goal word with no goal phrase matched",
    "G3-title": "a title with no resolved holder nearby",
    "S-attach": "call or goal found, but not attached to its actors",
}


@dataclass
class AuditReport:
    """Silent sentences by guessed phenomenon, with examples."""

    articles: int = 0
    sentences: int = 0
    call_sentences: int = 0
    goal_sentences: int = 0
    silent_calls: Counter[str] = field(default_factory=Counter)
    silent_goals: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def phenomena(self) -> dict[str, str]:
        """The phenomena sentences are filed under, with what each means (:data:`PHENOMENA`)."""
        return dict(PHENOMENA)

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "call_sentences": self.call_sentences,
            "goal_sentences": self.goal_sentences,
            "silent_call_sentences": sum(self.silent_calls.values()),
            "silent_goal_sentences": sum(self.silent_goals.values()),
            "silent_calls_by_phenomenon": dict(self.silent_calls.most_common()),
            "silent_goals_by_phenomenon": dict(self.silent_goals.most_common()),
            "examples": self.examples,
        }


class Auditor:
    """Runs the extractor and the loose cues over articles and files the silent sentences."""

    def __init__(self, extractor: Extractor, examples_per_phenomenon: int = 5) -> None:
        self.extractor = extractor
        self.examples_per_phenomenon = examples_per_phenomenon
        cues = extractor.knowledge.lexicon["audit"]
        self.call_stems = tuple(normalize_phrase(s) for s in cues["call_stems"])
        self.goal_stems = tuple(normalize_phrase(s) for s in cues["goal_stems"])
        self.group_words = frozenset(normalize_phrase(s) for s in cues["group_stems"])
        self.honorifics = frozenset(
            normalize_phrase(s) for s in (*extractor.knowledge.lexicon["honorifics"], *cues["descriptors"])
        )
        self.bullets = tuple(cues["bullets"])

    def audit(self, articles: Iterable[Article]) -> AuditReport:
        """Extract each article and collect its silent call and goal sentences."""
        report = AuditReport()
        for article in articles:
            doc = self.extractor.nlp(self.extractor.clean_text(article.text))
            result = self.extractor.extract_doc(article, doc)
            with_facts = {f.evidence.index for f in result.facts}
            with_facts |= {e.index for f in result.facts for e in f.extra_evidence}
            report.articles += 1
            sentences = list(doc.sents)
            for index, sentence in enumerate(sentences):
                report.sentences += 1
                self._audit_sentence(report, article, sentences, index, sentence, index in with_facts)
        return report

    def _audit_sentence(
        self, report: AuditReport, article: Article, sentences: list[Span], index: int, sentence: Span, found: bool
    ) -> None:
        text = normalize_phrase(sentence.text)
        words = text.split()
        is_call = any(w.startswith(self.call_stems) for w in _stripped(words))
        is_goal = not is_call and any(stem in text for stem in self.goal_stems)
        if not (is_call or is_goal) or not _mentions(sentence):
            return
        if is_call and _denied(sentence):
            return  # ANNOTATION.md: a denied call is no call, so no silent one either
        if is_call:
            report.call_sentences += 1
        else:
            report.goal_sentences += 1
        if found:
            return
        previous = sentences[index - 1].text.rstrip() if index else ""
        phenomenon = self.guess(sentence, previous, is_goal)
        (report.silent_calls if is_call else report.silent_goals)[phenomenon] += 1
        kept = report.examples.setdefault(phenomenon, [])
        if len(kept) < self.examples_per_phenomenon:
            kept.append(f"{article.identifier}: {' '.join(sentence.text.split())[:240]}")

    def guess(self, sentence: Span, previous: str, is_goal: bool) -> str:
        """The most likely phenomenon behind a silent sentence (see :data:`PHENOMENA`)."""
        tokens = [t.text for t in sentence]
        norms = [t.norm_ for t in sentence]
        triggers = [s.label_ for s in sentence.doc.spans["triggers"] if sentence.start <= s.start < sentence.end]
        actors = [s for s in sentence.doc.spans["actors"] if sentence.start <= s.start < sentence.end]
        if any(")-" in t or ")–" in t for t in tokens):
            return "X-glued"
        if sentence.text.lstrip().startswith(self.bullets) or previous.endswith(":"):
            return "S-bullet"
        if any(n in self.honorifics or n[1:] in self.honorifics for n in norms):
            return "G2h-honorific"
        if any(t.startswith(("لل", "ولل")) for t in tokens) and ("ROLE" in triggers or actors):
            return "G2c-lil"
        if any(n in self.group_words for n in norms) or "GROUP" in triggers:
            return "S-group"
        if len(actors) >= 3:
            return "S-list"
        if is_goal and not any(label.startswith("TOPIC_") for label in triggers):
            return "L-goal"
        if "ROLE" in triggers and not actors:
            return "G3-title"
        return "S-attach"


def _stripped(words: list[str]) -> list[str]:
    """Each word with one leading و/ف/ب/ل (the loose cues are read after proclitics)."""
    return [w[1:] if len(w) > 4 and w[0] in "وفبل" else w for w in words]


def _mentions(sentence: Span) -> bool:
    doc: Doc = sentence.doc
    if any(sentence.start <= s.start < sentence.end for s in doc.spans["actors"]):
        return True
    return any(s.label_ == "ROLE" and sentence.start <= s.start < sentence.end for s in doc.spans["triggers"])


def _denied(sentence: Span) -> bool:
    """Whether the sentence denies what it reports ("نفى … وقوع اتصال"): the rules read no call there."""
    return any(
        s.label_ == "DENIAL" and sentence.start <= s.start < sentence.end for s in sentence.doc.spans["triggers"]
    )
