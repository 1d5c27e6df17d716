"""The goals a sentence names, as the appeal and mediation rules read them: the longest phrase
of each, less a goal guarded (رغم، خرق), a time frame (خلال المحادثات), an adjective qualifying a
noun (البعثات الدبلوماسية), a title's field (المبعوث الخاص لعملية السلام X) or the head of a
state's body phrase (الدبلوماسية المصرية)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from .clauses import Sentence
from .lang_ar import ARTICLE
from .title_phrases import title_field


def goal_spans(s: Sentence) -> Iterator[tuple[Span, str]]:
    """The goals named in the sentence (longest phrase of each), unless guarded or a time frame."""
    found = [t for t in s.trigger_spans if t.label_.startswith("TOPIC_")]
    for span in found:
        # "الجهود الدبلوماسية" holds "الدبلوماسية": one goal, read once, as the longer phrase.
        if any(
            o is not span
            and o.start <= span.start
            and span.end <= o.end
            and len(o) > len(span)
            and o.label_ == span.label_
            for o in found
        ):
            continue
        if _attributive(s, span) or title_field(s, span) or _in_body_phrase(s, span):
            continue
        guard_from = max(s.sentence.start, span.start - s.settings.guard_window)
        if any(s.has(k, "GUARD") for k in range(guard_from, span.start)):
            continue
        # "خلال المحادثات" is a time frame; "من خلال الدبلوماسية" a means; "طالب خلاله بإيصال …":
        # a frame word with its own pronoun has its object already, the goal is the stance's.
        means = span.start - 2 >= s.sentence.start and s.doc[span.start - 2].norm_ == s.words.word_from
        near = span.start > s.sentence.start and s.has(span.start - 1, "GUARD_NEAR")
        if near and not means and not s.doc[span.start - 1]._.suffix:
            continue
        yield span, span.label_[len("TOPIC_") :]


def _in_body_phrase(s: Sentence, span: Span) -> bool:
    """ "الدبلوماسية المصرية": a goal word heading a state's body phrase names that state (an
    actor), not the goal; "إلى الدبلوماسية" with no state after it stays the goal."""
    return any(m.kind == "body" and m.start <= span.start and span.end <= m.end for m in s.mentions)


def _attributive(s: Sentence, span: Span) -> bool:
    """ "البعثات الدبلوماسية": a one-word goal that is also an adjective, qualifying the definite
    noun before it; "عبر الدبلوماسية", "إلى الدبلوماسية", "بالدبلوماسية" keep it a head noun."""
    first = s.doc[span.start]
    if len(span) != 1 or first.norm_ not in s.words.adjectival_goals or first._.clitic:
        return False
    if span.start == s.sentence.start:
        return False
    before = s.doc[span.start - 1]
    if s.has(before.i, "POSSESSOR_NOUN"):
        return False  # "المساعي الدبلوماسية": the efforts are the goal
    return before.norm_.startswith(ARTICLE) and before.norm_ not in s.words.prepositions
