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


def governing_noun(rules: RuleContext, doc: Doc, start: int, sentence_start: int) -> str | None:
    """The noun that makes a mention starting at ``start`` a mere genitive, if any: the word
    before it, or its own first word when that is a relative's noun the mention took in as a
    descriptor ("شقيقة وزير الخارجية" read like "شقيقه الشيخ X")."""
    if _relative(rules, doc, start):
        return str(doc[start].norm_)
    if start <= sentence_start:
        return None
    word = str(doc[start - 1].norm_)
    if not word_readings(word).isdisjoint(rules.words.death_nouns) or _relative(rules, doc, start - 1):
        return word
    return None


def _relative(rules: RuleContext, doc: Doc, k: int) -> bool:
    """Whether the word at ``k`` is a relative's or agent's noun in the construct state."""
    token = doc[k]
    relatives = word_readings(str(token.norm_)) & rules.words.relative_nouns
    # "شقيقة الرئيس" governs; "شقيقه الشيخ X" (his brother X) is the person himself: ة and the
    # pronoun ه fold into one normalised letter, so the written word tells them apart.
    return any(not relative.endswith(HA) or token.text.endswith(TA_MARBUTA) for relative in relatives)
