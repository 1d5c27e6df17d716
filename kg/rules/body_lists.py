"""Dual and plural bodies of several states: «وزارتا الخارجية المصرية والأردنية»، «وزارتا خارجية
قطر ومصر»، «الخارجيتان السعودية والإماراتية»، «حكومات مصر والأردن والإمارات». The body word
(lexicon ``plural_state_body_words``) stands for each state its nisba adjectives or genitive names
list after it, joined by و or commas."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .context import RuleContext
from .lang_ar import AND, COMMAS
from .offices import actor, adjective_state, nisba_state
from .records import Mention


def listed_bodies(rules: RuleContext, doc: Doc, trigger: Span, spans: dict[int, Span]) -> tuple[Mention] | None:
    """The states of a dual or plural body word, as one state mention spanning the list, when it
    lists two or more of them; ``None`` otherwise (a body of one state is the singular's)."""
    end = trigger.sent.end
    states: list[str] = []
    k = trigger.end
    while k < end:
        if doc[k].text in COMMAS or doc[k].norm_ == AND:
            k += 1
            continue
        state = adjective_state(rules, doc, k, spans) or nisba_state(rules, str(doc[k].norm_))
        if state is None or state in states:
            break
        states.append(state)
        span = spans.get(k)
        k = span.end if span is not None else k + 1
    while k > trigger.end and (doc[k - 1].text in COMMAS or doc[k - 1].norm_ == AND):
        k -= 1
    if len(states) < 2:
        return None
    return (Mention(trigger.start, k, [actor(rules, state) for state in states], "state"),)
