"""Details of a call: who it was placed on the initiative of (its date is the sentence's: :mod:`kg.extract`)."""

from __future__ import annotations

from .clauses import Sentence
from .lang_ar import BA
from .subjects import mention_actors


def call_initiative(s: Sentence) -> str | None:
    """Who a call was placed on the initiative of (بمبادرة من X)."""
    for span in s.spans("INITIATIVE"):
        after = [m for m in s.mentions if m.start >= span.end]
        if after and after[0].start - span.end <= s.settings.initiative_gap:
            actors = mention_actors(s, after[0])
            if actors:
                key: str = actors[0].key
                return key
    return _initiative_noun(s)


def _initiative_noun(s: Sentence) -> str | None:
    """ "ثمّن X مبادرة Y بالاتصال": Y placed the call (the owner of an initiative to call)."""
    calls = [span for span in s.spans("CALL_NOUN") if BA in s.doc[span.start]._.clitic]
    for k in range(s.sentence.start, s.sentence.end):
        if s.doc[k].norm_ not in s.words.initiative_nouns or s.doc[k]._.suffix:
            continue  # "مبادرته بالاتصال" names its owner by a pronoun only
        after = [m for m in s.mentions if m.start > k]
        if not after or after[0].start - k - 1 > s.settings.initiative_gap:
            continue
        owner = after[0]
        if any(0 <= call.start - owner.end <= s.settings.initiative_noun_call_gap for call in calls):
            actors = mention_actors(s, owner)
            if actors:
                key: str = actors[0].key
                return key
    return None
