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
from .lang_ar import AND, ARTICLE, BA, COMMAS, LAM
from .records import Mention
from .subjects import chain_from, mention_actors, resolve_chain
from .title_phrases import only_titles_between


def genitive_call(s: Sentence, anchor: int) -> list[Pair]:
    """ "وجاء اتصال أردوغان ببوتين", "مكالمة ماكرون للرئيس الروسي": a call noun in the construct
    state (no article, no pronoun) whose genitive is a person and whose complement after بـ/لـ
    follows that genitive at once: the genitive placed the call to the complement."""
    noun, clitic = s.doc[anchor], str(s.doc[anchor]._.clitic)
    definite = noun.text[len(clitic) :].startswith(ARTICLE)
    if not s.has(anchor, "CALL_NOUN") or definite or noun._.suffix or clitic[-1:] in {BA, LAM}:
        return []
    # "اتصال ولي العهد رئيس مجلس الوزراء الأمير X": a title the mention does not hold may come first.
    caller = next((m for m in s.mentions if m.start > anchor), None)
    if caller is None or caller.prepositional or not only_titles_between(s, anchor + 1, caller.start):
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
    return past_apposed_titles(s, chain_from(s, first, s.sentence.end), s.sentence.end), preposition


def between_chain(s: Sentence, first: Mention, end: int) -> list[Mention]:
    """ "بين X وY"; also "بين الشيخ X أمير قطر، مع الرئيس Y" (the other after مع) and "بين الملك X
    ملك البحرين وأخيه الشيخ Y" (the other joined by و after the first one's title)."""
    chain = chain_from(s, first, end)
    if len(resolve_chain(s, chain)) >= 2:
        return past_apposed_titles(s, chain, end)
    named = {a.key for a in resolve_chain(s, chain)}
    k = chain[-1].end
    for later in (m for m in s.mentions if k <= m.start < end):
        if later.actors and {a.key for a in later.actors} <= named and later.start - k <= 1:
            k = later.end  # "الشيخ تميم أمير قطر": a title in apposition
            continue
        if later.preposition == s.words.word_with and later.start - k <= s.settings.one_call_gap:
            return chain + chain_from(s, later, end)
        break
    return past_apposed_titles(s, chain, end)


def past_apposed_titles(s: Sentence, chain: list[Mention], end: int) -> list[Mention]:
    """A chain of parties continued past the title in apposition after its last one: "مع أخيه
    الشيخ X رئيس دولة الإمارات وأخيه الشيخ Y أمير دولة قطر" (the title names X again, then و
    joins Y; a comma may stand before the و of a list)."""
    while chain:
        last = chain[-1]
        keys = {a.key for a in last.actors}
        title = next((m for m in s.mentions if m.start == last.end), None)
        if title is None or not title.actors or not {a.key for a in title.actors} <= keys:
            return chain
        between = [j for j in range(title.end, end) if not s.doc[j].is_space][:2]
        nxt = next((m for m in s.mentions if title.end <= m.start < end), None)
        if nxt is None or AND not in nxt.clitic or nxt.start > title.end + (s.doc[title.end].text in COMMAS):
            return chain
        if {a.key for a in nxt.actors} <= keys or not between:
            return chain
        chain = chain + chain_from(s, nxt, end)
    return chain


def initiative_pairs(s: Sentence, subject: list[Actor], chain: list[Mention]) -> list[Pair]:
    """ "وجرى اتصال هاتفي بمبادرة من X مع (نظيره) Y": a call with no subject whose initiative
    names one party and whose counterpart chain the other: X placed the call to Y."""
    if subject or not chain:
        return []
    for span in s.spans("INITIATIVE"):
        after = next((m for m in s.mentions if m.start >= span.end), None)
        if after is None or after.start - span.end > s.settings.initiative_gap:
            continue
        callers = [a for a in mention_actors(s, after) if a.kind == PERSON]
        called = [a for a in resolve_chain(s, chain, callers) if a.kind == PERSON]
        return [(one, other, "a") for one in callers for other in called if one.key != other.key]
    return []


def initiative_tokens(s: Sentence) -> set[int]:
    """The tokens of "بمبادرة من X" / "بناء على طلب X" (the phrase and the party it names), which
    add no distance between a call word and its counterpart: "جرى اتصال بمبادرة من X مع Y"."""
    tokens: set[int] = set()
    for span in s.spans("INITIATIVE"):
        tokens.update(range(span.start, span.end))
        after = next((m for m in s.mentions if m.start >= span.end), None)
        if after is not None and after.start - span.end <= s.settings.initiative_gap:
            tokens.update(range(span.end, after.end))
            while (title := next((m for m in s.mentions if m.start == after.end and m.actors), None)) is not None:
                if {a.key for a in title.actors} != {a.key for a in after.actors}:
                    break
                tokens.update(range(after.end, title.end))  # "وزير الخارجية السعودي الأمير X"
                after = title
    return tokens


def stacked_office(s: Sentence, mention: Mention) -> set[int]:
    """The words of an office stacked right before a party's own title and held by no mention
    (رئيس مجلس الوزراء before "وزير الخارجية القطري X"): they add no distance."""
    k = mention.start
    while k - 1 > s.sentence.start and s.has(k - 1, "ROLE") and not s.in_mention(k - 1):
        k -= 1
    return set(range(k, mention.start))


def in_subject(s: Sentence, mention: Mention, subject: list[Actor]) -> bool:
    """ "وتهاتف الرئيس المصري X ونظيره الإيراني": a counterpart joined to a subject of several is
    one of that subject (who it is is known only through the first), not the one called."""
    if mention.kind != "counterpart" or len(subject) < 2 or AND not in mention.clitic:
        return False
    return {a.key for a in mention_actors(s, mention, subject[:1])} <= {a.key for a in subject}
