"""Persons named only as the genitive of another noun, who are no actors of their sentence.

"اغتيال X", "تشييع X": the one killed or mourned; "زوجة الرئيس الإيراني", "نجل X", "محامي X",
"أنصار X": a relative or agent of the person named, who is someone else. Such a mention is
governed by its noun as by a preposition, so it is no subject, object or party of an appeal,
call or thanks.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..knowledge import PERSON
from ..normalize import word_readings
from . import offices
from .context import RuleContext
from .lang_ar import HA, TA_MARBUTA
from .records import Mention, norm


def governing_noun(rules: RuleContext, doc: Doc, mention: Mention, sentence_start: int) -> str | None:
    """The noun that makes a mention a mere genitive, if any: the word before it (a person's
    name after an envoy's or adviser's word too: "مستشار ترامب"), or its own first word when that
    is a relative's noun the mention took in as a descriptor ("شقيقة وزير الخارجية" read like
    "شقيقه الشيخ X")."""
    start = mention.start
    # "أنصار الله" is an organisation's own name, not the supporters of someone
    if any(a.kind == PERSON for a in mention.actors) and _relative(rules, doc, start):
        return str(doc[start].norm_)
    if start <= sentence_start:
        return None
    word = str(doc[start - 1].norm_)
    if not word_readings(word).isdisjoint(rules.words.death_nouns) or _relative(rules, doc, start - 1):
        return word
    return word if mention.kind == "name" and word in rules.words.deputy_words else None


def _relative(rules: RuleContext, doc: Doc, k: int) -> bool:
    """Whether the word at ``k`` is a relative's or agent's noun in the construct state."""
    token = doc[k]
    relatives = word_readings(str(token.norm_)) & rules.words.relative_nouns
    # "شقيقة الرئيس" governs; "شقيقه الشيخ X" (his brother X) is the person himself: ة and the
    # pronoun ه fold into one normalised letter, so the written word tells them apart.
    return any(not relative.endswith(HA) or token.text.endswith(TA_MARBUTA) for relative in relatives)


def envoy_of_person(rules: RuleContext, doc: Doc, mention: Mention, spans: dict[int, Span], end: int) -> Mention | None:
    """ "مستشار ترامب لشؤون أفريقيا مسعد بولس", "مبعوث بوتين X": a person's name after an envoy's or
    adviser's word, then (past a field or a post) another known person's name: the envoy himself."""
    if mention.start == 0 or mention.kind != "name" or doc[mention.start - 1].norm_ not in rules.words.deputy_words:
        return None
    k = offices.past_field(rules, doc, offices.past_destination(rules, doc, mention.end, end, spans), end, spans)
    name = spans.get(k)
    keys = rules.knowledge.names.get(norm(name), set()) if name is not None and name.label_ == "NAME" else set()
    persons = [key for key in keys if rules.knowledge[key].kind == PERSON]
    if name is None or len(persons) != 1:
        return None
    return Mention(mention.start - 1, name.end, [offices.actor(rules, persons[0])], "name")
