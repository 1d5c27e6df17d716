"""Contrasts in long reported sentences: a clause opened by a contrast word with a pronoun
("قال X إنه يرفض الشروط، لكنه دعا إلى …"، "…، غير أنها تدعو إلى …") has no subject of its own;
the pronoun is the subject of the clause the contrast answers, so the appeal is that subject's
(a negated first clause beside an affirmed second one: ANNOTATION.md's negation only reaches
its own clause)."""

from __future__ import annotations

from ..model import Actor
from ..normalize import normalize
from .clauses import Sentence
from .subjects import subject_for


def contrast_subject(s: Sentence, stance: int) -> list[Actor]:
    """The subject of the clause before the contrast that opens the clause of ``stance``: the
    contrast is the pronoun-carrying word right before that clause (لكنه) or a pronoun-carrying
    أن after غير، إلا، بيد; else nobody."""
    start, _ = s.clause_of(stance)
    opener = start - 1
    if opener <= s.sentence.start:
        return []
    words = s.words
    word = normalize(s.doc[opener].text)  # the whole word: a pronoun may be split off its norm (لكن|ها)
    headed = word in words.pronoun_thats and s.doc[opener - 1].norm_ in words.contrast_heads
    if not (word in words.contrast_pronouns or headed):
        return []
    contrast = opener - 1 if headed else opener
    if contrast <= s.sentence.start:
        return []
    prior_start, _ = s.clause_of(contrast - 1)
    verb = next((k for k in range(prior_start, contrast) if s.verb(k)), prior_start)
    return subject_for(s, verb)
