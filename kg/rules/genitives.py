"""Persons named only as the genitive of another noun, who are no actors of their sentence.

"اغتيال X", "تشييع X": the one killed or mourned; "زوجة الرئيس الإيراني", "نجل X", "محامي X",
"أنصار X": a relative or agent of the person named, who is someone else. Such a mention is
governed by its noun as by a preposition, so it is no subject, object or party of an appeal,
call or thanks.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..normalize import word_readings
from .context import RuleContext
from .lang_ar import HA, TA_MARBUTA


def governing_noun(rules: RuleContext, doc: Doc, start: int) -> str | None:
    """The noun right before a mention starting at ``start`` that makes it a mere genitive, if any."""
    token = doc[start - 1]
    word = str(token.norm_)
    readings = word_readings(word)
    if not readings.isdisjoint(rules.words.death_nouns):
        return word
    relatives = readings & rules.words.relative_nouns
    # "شقيقة الرئيس" governs; "شقيقه الشيخ X" (his brother X) is the person himself: ة and the
    # pronoun ه fold into one normalised letter, so the written word tells them apart.
    if any(not relative.endswith(HA) or token.text.endswith(TA_MARBUTA) for relative in relatives):
        return word
    return None
