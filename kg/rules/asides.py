"""Circumstance asides in long agency sentences: a comma-closed phrase of place, time or occasion
after a stance verb and its subject ("دعا الرئيس، في كلمة ألقاها أمام …، المجتمع الدولي إلى …").
Its words add no distance between the stance and its goal, as a named actor's inner words do."""

from __future__ import annotations

from .clauses import Sentence
from .lang_ar import COMMAS


def aside_tokens(s: Sentence) -> frozenset[int]:
    """The tokens of each aside of the sentence: from a circumstance opener (في، خلال، لدى، أمام …)
    after a comma or right after a named actor, to the comma that closes it within
    ``aside_words`` words, with no stance word inside and words going on after the comma. Read once
    per sentence and set of mentions: the negation, rejection and agent rules ask for every trigger."""
    if s.aside_cache is not None and s.aside_cache[0] == len(s.mentions):
        return s.aside_cache[1]
    ends = {m.end for m in s.mentions}
    found: set[int] = set()
    last = s.sentence.end - 1
    for k in range(s.sentence.start + 1, last):
        opener = s.doc[k].norm_ in s.words.fronted_frame_openers
        if not opener or not (s.doc[k - 1].text in COMMAS or k in ends):
            continue
        window = range(k + 1, min(k + 1 + s.settings.aside_words, last))
        closing = next((j for j in window if s.doc[j].text in COMMAS), None)
        if closing is None or any(s.has(j, "STANCE") for j in range(k, closing)):
            continue
        found.update(range(k, closing + 1))
    s.aside_cache = (len(s.mentions), frozenset(found))
    return s.aside_cache[1]


def outside_asides(s: Sentence, start: int) -> int:
    """The clause start to read a stance from when ``start``, a clause opened inside an aside (a
    relative clause in it: "في رسالة وجهها إلى القمة التي احتضنتها الرياض، إلى …"), goes on
    past it: the start of the clause the aside interrupted."""
    asides = aside_tokens(s)
    while start in asides:
        opener = start
        while opener - 1 in asides:
            opener -= 1
        start = s.resumed(s.clause_of(opener - 1)[0]) if opener > s.sentence.start else opener
        if start == opener:
            break
    return start
