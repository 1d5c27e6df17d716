"""Forms of a call sentence the call rules read besides the plain ones: a call only intended
(اتفقا على إجراء اتصال، طلب إجراء اتصال، حاول الاتصال), the parties after a dual title
under بين (اتصال بين الرئيسين X وY), and the one called named by a pronoun on the call verb
(واتصل به X، وهاتفه X: the subject handed on from the sentence before)."""

from __future__ import annotations

from ..knowledge import PERSON
from ..model import Actor
from .clauses import Sentence
from .lang_ar import BA, LAM, SINGULAR_OBJECT_SUFFIXES
from .records import Mention
from .subjects import chain_from, resolve_chain

#: Trigger labels of the words that may stand between بين and the first party's name.
DUAL_HEAD_LABELS = ("DUAL_ROLE", "GROUP")


def intended_call(s: Sentence, i: int) -> bool:
    """ "اتفق الرئيسان على إجراء اتصال", "طلب ماكرون إجراء اتصال", "حاول X الاتصال بـY", "ينتظر X
    اتصالا من Y": a call word governed by a verb of intent, request or agreement (its subject
    may stand between them) is a call to come, not one made."""
    words, start = s.words, s.sentence.start
    k = i
    if k > start and s.doc[k - 1].norm_ in words.call_making_words:
        k -= 1  # "إجراء اتصال"
    if k > start and s.doc[k - 1].norm_ in words.intent_prepositions:
        k -= 1  # "على إجراء", "إلى الاتصال"
    elif LAM in s.doc[k]._.clitic:
        pass  # "لإجراء", "للاتصال"
    k = _before_subject(s, k)
    return k > start and s.doc[k - 1].norm_ in words.call_intent_verbs


def _before_subject(s: Sentence, k: int) -> int:
    """The position right before the names and dual titles that end at ``k`` (a VSO subject)."""
    moved = True
    while moved and k > s.sentence.start:
        moved = False
        inside = next((m for m in s.mentions if m.start < k <= m.end), None)
        if inside is not None:
            k, moved = inside.start, True
            continue
        for label in DUAL_HEAD_LABELS:
            span = next((sp for sp in s.spans(label) if sp.end == k), None)
            if span is not None:
                k, moved = span.start, True
                break
    return k


def dual_title_between(s: Sentence, anchor: int, end: int) -> list[Mention]:
    """ "اتصال هاتفي بين الرئيسين بوتين وأردوغان", "بين وزيري الخارجية الأردني X والمصري Y": the
    names after a dual title under بين, when they are two or more."""
    last = min(end, anchor + s.settings.between_window + 1)
    k = next((k for k in range(anchor + 1, last) if s.doc[k].norm_ == s.words.word_between), None)
    if k is None:
        return []
    head = next((sp for label in DUAL_HEAD_LABELS for sp in s.spans(label) if sp.start == k + 1), None)
    if head is None:
        return []
    # The title may take a nationality adjective of its own before the name (الأردني أيمن الصفدي).
    named = [m for m in s.mentions if head.end <= m.start < end and m.actors and _is_person(m)]
    if not named or named[0].start - head.end > s.settings.one_call_gap:
        return []
    chain = chain_from(s, named[0], end)
    return chain if len(resolve_chain(s, chain)) >= 2 else []


def _is_person(mention: Mention) -> bool:
    return all(a.kind == PERSON for a in mention.actors)


def pronoun_callee(s: Sentence, verb: int, subject: list[Actor]) -> list[Actor]:
    """ "أكد السيسي … . واتصل به ماكرون", "وهاتفه ماكرون": a call verb with an object pronoun and
    a named subject called the subject handed on from the sentence before."""
    token = s.doc[verb]
    suffixed = token._.suffix in SINGULAR_OBJECT_SUFFIXES or (
        s.has(verb, "CALL_VERB") and str(token.norm_).endswith(tuple(SINGULAR_OBJECT_SUFFIXES))
    )
    if not suffixed and verb + 1 < s.sentence.end:
        following = str(s.doc[verb + 1].norm_)
        suffixed = following in {BA + x for x in SINGULAR_OBJECT_SUFFIXES}
    if not suffixed or not subject:
        return []
    keys = {a.key for a in subject}
    return [a for a in s.context.last_subject if a.key not in keys]
