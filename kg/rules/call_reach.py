"""Call parties further from their words than the plain forms put them, as real agency text has
them: the one called behind a long title the gazetteer does not know as a whole ("من رئيس إقليم
كردستان العراق X", "مع رئيس ما يعرف بـ«المجلس السياسي الأعلى» في صنعاء، X"), a talk verb far
before its phone adverb after a long name ("تحدثت رئيسة المفوضية الأوروبية X، اليوم، مع Y
هاتفيا"), the caller named as the genitive of a verbal noun ("عن إجراء الوزير X اتصالا مع Y"),
and the one told right after the subject of a verb that follows a fronted call frame ("في مكالمة
هاتفية، أبلغ X نظيره Y أن …"). Also who spoke with whom once both sides are known (`call_pairs`)."""

from __future__ import annotations

from itertools import combinations

from ..knowledge import PERSON
from ..model import Actor
from .clauses import Sentence
from .lang_ar import BA, COMMAS
from .records import Mention
from .subjects import chain_from, resolve_chain
from .title_phrases import only_titles_between

#: A call between two actors, and which of them placed it ("a", "b" or unknown).
Pair = tuple[Actor, Actor, str | None]

#: The call verbs looked for far before a call word, past a long list of titled subjects, and
#: the direction each gives.
FAR_CALL_VERBS = (("CALL_VERB_OBJ", "object"), ("CALL_VERB_SUBJ", "subject"), ("CALL_VERB_RECIP", "reciprocal"))

#: Trigger labels that end a title phrase read back from a name: a verb or another call word.
_TITLE_BREAKS = frozenset({"CLAUSE_VERB", "CALL_NOUN", "CALL_ADV", "CALL_VERB", "CALL_WEAK", "SPEECH"})


def call_pairs(
    s: Sentence, subject: list[Actor], counterparts: list[Actor], direction: str | None, preposition: str | None
) -> list[Pair]:
    """Who spoke with whom: the subject with each counterpart, or the parties of a بين or a dual subject."""
    pairs: list[Pair] = []
    if preposition == s.words.word_between and len(counterparts) >= 2:
        pairs = [(x, y, None) for x, y in combinations(counterparts, 2)]
    elif subject and counterparts:
        for one in subject:
            for other in counterparts:
                if one.key == other.key:
                    continue
                who = None
                # "أجرى كل من هنية والنخالة محادثات هاتفية مع عبد اللهيان": each placed a call.
                if direction == "subject":
                    who = "a"
                elif direction == "object" and preposition == s.words.word_from:
                    who = "b"
                pairs.append((one, other, who))
    elif len(subject) >= 2:  # "أجرى وزيرا خارجية روسيا وتركيا مباحثات هاتفية": a call between them
        pairs = [(x, y, None) for x, y in combinations(subject, 2)]
    return pairs


def titled_preposition(s: Sentence, mention: Mention, direction: str | None) -> tuple[str, int] | None:
    """ "اتصالا هاتفيا من رئيس إقليم كردستان العراق X": the preposition before a title phrase
    that stands right before a person's name, and where that title starts (``None`` when the
    name has its own preposition or no title phrase governed by مع / من / بـ leads to it); a
    verb of including right before the mention is a مع ("اتصالات شملت نظراءه …"), a من after
    a verb of receiving (``direction`` "object")."""
    words = s.words
    if mention.prepositional:
        return None
    if mention.start - 1 > s.sentence.start and s.doc[mention.start - 1].norm_ in words.inclusion_verbs:
        # "سلسلة اتصالات شملت نظراءه السعودي X والقطري Y"; received, they are its callers
        return (words.word_from if direction == "object" else words.word_with), mention.start - 1
    if not any(a.kind == PERSON for a in mention.actors):
        return None
    floor = max(s.sentence.start, mention.start - s.settings.title_reach_window)
    for k in range(mention.start - 1, floor - 1, -1):
        token = s.doc[k]
        person = any(m.start <= k < m.end for m in s.mentions if any(a.kind == PERSON for a in m.actors))
        if person or not _inside_title(s, k):
            return None  # a verb, another call word or another party: no title of this name
        if not s.has(k, "ROLE"):
            continue
        if token._.clitic.endswith(BA):
            return BA, k  # "برئيس إقليم كردستان العراق X"
        before = k - 1
        while before > floor and s.doc[before].text in COMMAS:
            before -= 1
        if before >= s.sentence.start and s.doc[before].norm_ in {words.word_with, words.word_from}:
            return str(s.doc[before].norm_), k
    return None


def _inside_title(s: Sentence, k: int) -> bool:
    """Whether token ``k`` may stand inside a title phrase (it is no verb nor call word)."""
    return _TITLE_BREAKS.isdisjoint(s.labels.get(k, ()))


def masdar_caller(s: Sentence, anchor: int) -> list[Actor]:
    """ "أعلنت الخارجية عن إجراء الوزير X اتصالا هاتفيا مع Y": the person in the genitive of the
    verbal noun of placing a call, right before the call word, is its caller."""
    named = [m for m in s.mentions if m.end <= anchor and not m.prepositional and m.start > s.sentence.start]
    if not named:
        return []
    last = named[-1]
    if any(not (s.doc[j].is_punct or s.doc[j].is_space) for j in range(last.end, anchor)):
        return []
    # "إجراء الوزير X": a bare title may stand between the verbal noun and the name.
    floor = max(s.sentence.start, last.start - s.settings.one_call_gap)
    masdars = [k for k in range(floor, last.start) if s.doc[k].norm_ in s.words.call_masdars]
    if not masdars or not only_titles_between(s, masdars[-1] + 1, last.start):
        return []
    return [a for a in resolve_chain(s, chain_from(s, last, anchor, strict=True)) if a.kind == PERSON]


def reread_caller(
    s: Sentence, call: tuple[int | None, int], subject: list[Actor], direction: str | None
) -> tuple[list[Actor], str | None]:
    """The subject and direction of a call with no verb (``call``: its verb, its word), read again:
    the genitive of إجراء is the caller ("عن إجراء الوزير X اتصالا مع Y"), and the receiver's own
    call noun after calls received from a group (تلقى X اتصالات من نظرائه … خلال اتصاله مع Y)
    gives no direction of its own, so that Y is the caller."""
    verb, anchor = call
    if verb is not None:
        return subject, direction
    caller = masdar_caller(s, anchor)
    if caller:
        return caller, "subject"
    callee = s.context.callee
    if direction == "subject" and callee is not None and callee.key in {a.key for a in subject}:
        return subject, None
    return subject or _after_fronted_frame(s, anchor), direction


def _after_fronted_frame(s: Sentence, anchor: int) -> list[Actor]:
    """ "في اتصال هاتفي (مع Y)، هنأ X نظيره Y": after a call frame opening the sentence and its
    comma, the person right after the one word of a verb the lexicon does not know is its subject."""
    if anchor - s.sentence.start > s.settings.fronted_call_window:
        return []
    if not any(s.doc[k].norm_ in s.words.frame_words for k in range(s.sentence.start, anchor)):
        return []
    reach = range(anchor + 1, min(anchor + s.settings.counterpart_window, s.sentence.end))
    comma = next((k for k in reach if s.doc[k].text in COMMAS), None)
    if comma is None or comma + 2 >= s.sentence.end or s.in_mention(comma + 1):
        return []
    first = next((m for m in s.mentions if m.start == comma + 2 and not m.prepositional), None)
    if first is None:
        return []
    return [a for a in resolve_chain(s, chain_from(s, first, s.end, strict=True)) if a.kind == PERSON]


def fronted_frame_object(s: Sentence, anchor: int, subject: list[Actor]) -> list[Actor]:
    """ "في مكالمة هاتفية، أبلغ X نظيره Y أن …": after a call frame opening the sentence, the
    person named right after the main verb's subject is the one spoken with."""
    if not subject or anchor - s.sentence.start > s.settings.fronted_call_window:
        return []
    if not any(s.doc[k].norm_ in s.words.frame_words for k in range(s.sentence.start, anchor)):
        return []
    keys = {a.key for a in subject}
    after = [m for m in s.mentions if m.start > anchor and m.actors]
    for n, mention in enumerate(after[:-1]):
        if {a.key for a in mention.actors} <= keys:
            nxt = after[n + 1]
            gap = [j for j in range(mention.end, nxt.start) if not s.doc[j].is_space]
            if gap or nxt.prepositional:
                return []
            return [a for a in resolve_chain(s, [nxt], subject) if a.kind == PERSON and a.key not in keys]
    return []
