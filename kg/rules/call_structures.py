"""Call structures beside the verb-centred reading of kg/rules/calls.py: the parties after بين
(with a title in apposition between them), the verbal noun with its caller in the genitive
(«اتصال X بـY», «مكالمة X لـY») and the counterparts listed inline after a colon («تلقى X
اتصالات من: A، وB»)."""

from __future__ import annotations

from ..knowledge import PERSON
from ..model import Actor
from .call_forms import last_word
from .call_reach import Pair
from .clauses import Sentence
from .lang_ar import AND, ARTICLE, BA, LAM
from .records import Mention
from .subjects import chain_from, mention_actors, resolve_chain


def genitive_call(s: Sentence, anchor: int) -> list[Pair]:
    """ "وجاء اتصال أردوغان ببوتين", "مكالمة ماكرون للرئيس الروسي": a call noun in the construct
    state (no article, no pronoun) whose genitive is a person and whose complement after بـ/لـ
    follows that genitive at once: the genitive placed the call to the complement."""
    noun, clitic = s.doc[anchor], str(s.doc[anchor]._.clitic)
    definite = noun.text[len(clitic) :].startswith(ARTICLE)
    if not s.has(anchor, "CALL_NOUN") or definite or noun._.suffix or clitic[-1:] in {BA, LAM}:
        return []
    caller = next((m for m in s.mentions if m.start == anchor + 1), None)
    if caller is None or caller.prepositional:
        return []
    callee = _complement_after(s, caller)
    if callee is None:
        return []
    callers = [a for a in resolve_chain(s, [caller]) if a.kind == PERSON]
    called = [
        a for a in resolve_chain(s, chain_from(s, callee, s.clause_of(callee.start)[1]), callers) if a.kind == PERSON
    ]
    return [(one, other, "a") for one in callers for other in called if one.key != other.key]


def _complement_after(s: Sentence, genitive: Mention) -> Mention | None:
    """The mention right after the genitive (appositions of it between) governed by بـ or لـ."""
    k = genitive.end
    for mention in s.mentions:
        if mention.start < k:
            continue
        if any(not s.in_mention(j) for j in range(k, mention.start)):
            return None
        if mention.clitic[-1:] in {BA, LAM}:
            return mention
        if mention.prepositional:
            return None
        k = mention.end
    return None


def colon_listed(s: Sentence, end: int) -> tuple[list[Mention], str | None]:
    """ "تلقى X اتصالات هاتفية من: A، وB": a call clause ending on من/مع and a colon, with the
    counterparts after it on the same line: those counterparts (to the sentence's end), and that
    preposition."""
    colon = last_word(s, end)
    if s.doc[colon].text != ":" or colon <= s.sentence.start or end >= s.sentence.end:
        return [], None
    preposition = str(s.doc[colon - 1].norm_)
    first = next((m for m in s.mentions if m.start >= end), None)
    if preposition not in {s.words.word_from, s.words.word_with} or first is None:
        return [], None
    if any(not s.doc[j].is_space for j in range(end, first.start)):
        return [], None
    return chain_from(s, first, s.sentence.end), preposition


def between_chain(s: Sentence, first: Mention, end: int) -> list[Mention]:
    """ "بين X وY"; also "بين الشيخ X أمير قطر، مع الرئيس Y" (the other after مع) and "بين الملك X
    ملك البحرين وأخيه الشيخ Y" (the other joined by و after the first one's title)."""
    chain = chain_from(s, first, end)
    if len(resolve_chain(s, chain)) >= 2:
        return chain
    named = {a.key for a in resolve_chain(s, chain)}
    k = chain[-1].end
    for later in (m for m in s.mentions if k <= m.start < end):
        if later.actors and {a.key for a in later.actors} <= named and later.start - k <= 1:
            k = later.end  # "الشيخ تميم أمير قطر": a title in apposition
            continue
        joined = AND in later.clitic and later.start == k
        if joined or (later.preposition == s.words.word_with and later.start - k <= s.settings.one_call_gap):
            return chain + chain_from(s, later, end)
        break
    return chain


def initiative_pairs(s: Sentence, subject: list[Actor], counterparts: list[Actor]) -> list[Pair]:
    """ "وجرى اتصال هاتفي بمبادرة من X مع Y": a call with no subject whose initiative names one
    party and whose counterpart is the other: X placed the call to Y."""
    if subject or not counterparts:
        return []
    keys = {a.key for a in counterparts}
    for span in s.spans("INITIATIVE"):
        after = next((m for m in s.mentions if m.start >= span.end), None)
        if after is None or after.start - span.end > s.settings.initiative_gap:
            continue
        callers = [a for a in mention_actors(s, after) if a.kind == PERSON and a.key not in keys]
        return [(one, other, "a") for one in callers for other in counterparts]
    return []
