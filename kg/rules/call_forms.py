"""Forms of a call sentence the call rules read besides the plain ones: a call only intended
(اتفقا على إجراء اتصال، طلب إجراء اتصال، حاول الاتصال), the parties after a dual title
under بين (اتصال بين الرئيسين X وY), and the one called named by a pronoun on the call verb
(واتصل به X، وهاتفه X: the subject handed on from the sentence before)."""

from __future__ import annotations

from itertools import combinations

from ..knowledge import PERSON
from ..model import Actor
from ..normalize import clitic_readings
from .call_parties import group_senders
from .clauses import Sentence
from .lang_ar import AND, BA, COMMAS, LAM, SINGULAR_OBJECT_SUFFIXES
from .qualifiers import speech_clause
from .records import Mention
from .subjects import chain_from, resolve_chain

#: Trigger labels of the words naming the one asked to call (طلب X من وزير خارجيته الاتصال).
ASKED_LABELS = ("ROLE", "DUAL_ROLE", "GROUP", "HONORIFIC", "COUNTERPART")
#: Trigger labels of the words that may stand between بين and the first party's name.
DUAL_HEAD_LABELS = ("DUAL_ROLE", "GROUP")


def intended_call(s: Sentence, i: int) -> bool:
    """ "اتفق الرئيسان على إجراء اتصال", "طلب ماكرون إجراء اتصال", "حاول X الاتصال بـY", "ينتظر X
    اتصالا من Y": a call word governed by a verb of intent, request or agreement (its subject
    may stand between them) is a call to come, not one made."""
    words, start = s.words, s.sentence.start
    k = i
    prepositions = words.intent_prepositions
    if k > start and s.doc[k - 1].norm_ in words.call_making_words:
        k -= 1  # "إجراء اتصال"
        prepositions = prepositions | {words.word_in}  # "أمله في إجراء اتصال" (not "دعا في اتصال")
    if k > start and s.doc[k - 1].norm_ in prepositions:
        k -= 1  # "على إجراء", "إلى الاتصال" (a clitic لـ, "لإجراء", stays on the word)
    k = _before_subject(s, k)
    if k > start and _intent_verb(s, k - 1):
        return True
    # "طلب ماكرون من وزير خارجيته الاتصال بـ…": the one asked may stand between them too.
    unnamed = 0  # words of no name or title, allowed only in the من phrase of the one asked
    for j in range(k - 1, max(start, k - s.settings.intent_window) - 1, -1):
        if _intent_verb(s, j):
            return unnamed == 0
        if s.doc[j].norm_ == words.word_from:
            unnamed = 0
        elif not (any(m.start <= j < m.end for m in s.mentions) or any(s.has(j, x) for x in ASKED_LABELS)):
            if s.verb(j) or s.doc[j].norm_ in words.frame_words:
                return False
            unnamed += 1
    return False


def _intent_verb(s: Sentence, j: int) -> bool:
    """Whether token ``j`` is a verb of intent ("وتنتظر": one the normaliser did not know keeps its و)."""
    return any(r in s.words.call_intent_verbs for r in clitic_readings(str(s.doc[j].norm_)))


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


def listed_parties(
    s: Sentence, anchor: int, end: int, found: list[Mention], preposition: str | None
) -> tuple[list[Mention], str | None]:
    """The parties of a call its clause lists in a form the plain counterpart search misses,
    and the preposition they stand under (بين for a dual title or a joining verb: no initiator),
    unless that search ``found`` someone other than a group."""
    words = s.words
    if found and not group_senders(found):
        return found, preposition
    dual = dual_title_between(s, anchor, end)
    if dual:
        return dual, words.word_between
    listed = _every_list(s, anchor, end)
    if listed:
        return listed, BA
    joined = _joined_by_verb(s, anchor, end)
    if joined:
        return joined, words.word_between
    members, under = _group_members(s, anchor, end)
    if members:
        return members, under
    spoken_to = _spoken_to(s, anchor, end)
    return (spoken_to, None) if spoken_to else (found, preposition)


def _spoken_to(s: Sentence, anchor: int, end: int) -> list[Mention]:
    """ "أكد السيسي هاتفيا لماكرون", "السيسي لماكرون هاتفيا:": a person under لـ right after (or
    right before) the phone adverb is the other party."""
    if not s.has(anchor, "CALL_ADV"):
        return []
    # "بوتين يؤكد لأردوغان هاتفيا": the one spoken to may stand right before the adverb too.
    near = [m for m in s.mentions if (anchor < m.start < end and m.start - anchor <= 1) or m.end == anchor]
    spoken = [m for m in near if LAM in m.clitic and m.actors and _is_person(m)]
    return spoken[:1]


def _group_members(s: Sentence, anchor: int, end: int) -> tuple[list[Mention], str | None]:
    """ "تلقى X اتصالات من قادة عدة دول، بينهم Y وZ", "أجرى X اتصالات مع قادة المنطقة، شملت Y
    وZ": the members named after a group of callers (or of those called) are the call's parties,
    under the group's من or مع."""
    words = s.words
    last = min(end - 1, anchor + s.settings.one_call_gap + 1)
    k = next((k for k in range(anchor + 1, last) if s.doc[k].norm_ in {words.word_from, words.word_with}), None)
    if k is None:
        return [], None
    # "من قادة عدة دول", "من عدد من القادة": the group word may follow a word of number.
    starts = range(k + 1, k + 1 + s.settings.one_call_gap)
    heads = [sp.end for label in DUAL_HEAD_LABELS for sp in s.spans(label) if sp.start in starts]
    heads += [m.end for m in s.mentions if m.start == k + 1 and group_senders([m])]  # "من نظرائه، بينهم"
    if not heads:
        return [], None
    window = range(heads[0], min(end, heads[0] + s.settings.group_members_window))
    member = next((j for j in window if _with_suffix(s, j) in words.group_member_words), None)
    if member is None:
        return [], None
    named = [m for m in s.mentions if member < m.start < end and m.actors and _is_person(m)]
    if not named or named[0].start - member > s.settings.one_call_gap:
        return [], None
    return chain_from(s, named[0], end), str(s.doc[k].norm_)


def _every_list(s: Sentence, anchor: int, end: int) -> list[Mention]:
    """ "أجرى X اتصالا هاتفيا بكل من Y وZ": the list after بكل من."""
    words = s.words
    for k in range(anchor + 1, min(end - 1, anchor + s.settings.one_call_gap + 1)):
        token = s.doc[k]
        if token.norm_ == words.word_every and BA in token._.clitic and s.doc[k + 1].norm_ == words.word_from:
            first = next((m for m in s.mentions if k + 1 < m.start < end), None)
            if first is not None and first.start - k - 1 <= s.settings.one_call_gap:
                return chain_from(s, first, end)
    return []


def _joined_by_verb(s: Sentence, anchor: int, end: int) -> list[Mention]:
    """ "المكالمة الهاتفية التي جمعت الرئيس X والرئيس Y", "اتصال جمع الرئيسين X وY": the call
    joined the two named after the verb."""
    last = min(end, anchor + s.settings.one_call_gap + 2)
    k = next((k for k in range(anchor + 1, last) if s.doc[k].norm_ in s.words.joining_verbs), None)
    if k is None:
        return []
    return _names_after(s, k + 1, end)


def _names_after(s: Sentence, k: int, end: int) -> list[Mention]:
    """Two or more coordinated people named from ``k`` on, a dual title and its nationality
    adjective before them allowed (الرئيسين بوتين وأردوغان، وزيري الخارجية الأردني X والتركي Y)."""
    head = next((sp for label in DUAL_HEAD_LABELS for sp in s.spans(label) if sp.start == k), None)
    if head is not None:
        k = head.end
    named = [m for m in s.mentions if k <= m.start < end and m.actors and _is_person(m)]
    if not named or named[0].start - k > s.settings.one_call_gap:
        return []
    chain = chain_from(s, named[0], end)
    return chain if len(resolve_chain(s, chain)) >= 2 else []


def dual_subject_pairs(s: Sentence, anchor: int, start: int) -> list[tuple[Actor, Actor, str | None]]:
    """ "ناقش وزيرا الخارجية الصيني X والروسي Y هاتفيا": the people named after a dual title
    before the call word spoke with each other (no initiator)."""
    heads = [sp for label in DUAL_HEAD_LABELS for sp in s.spans(label) if start <= sp.start < anchor]
    if not heads:
        return []
    actors = resolve_chain(s, _names_after(s, max(sp.start for sp in heads), anchor))
    return [(one, other, None) for one, other in combinations(actors, 2)]


def appositive_names(s: Sentence, chain: list[Mention], end: int) -> list[Mention]:
    """ "مع نظرائه الأردني أيمن الصفدي والمصري بدر عبد العاطي": a counterpart word whose name
    follows it as a mention of its own; the names coordinated with that name are the call's too."""
    if not chain or chain[-1].actors:
        return chain
    named = next((m for m in s.mentions if m.start == chain[-1].end and m.start < end), None)
    if named is None or not named.actors or not _is_person(named):
        return chain
    return [*chain, *chain_from(s, named, end)]


def dual_title_between(s: Sentence, anchor: int, end: int) -> list[Mention]:
    """ "اتصال هاتفي بين الرئيسين بوتين وأردوغان", "بين وزيري الخارجية الأردني X والمصري Y": the
    names after a dual title under بين, when they are two or more; an initiative phrase between
    the call word and بين adds no distance ("جرى الاتصال بناء على طلب الجانب التركي بين …")."""
    last = anchor + s.settings.between_window + 1
    for span in s.spans("INITIATIVE"):
        if anchor < span.start < last:
            owner = next((m for m in s.mentions if 0 <= m.start - span.end <= s.settings.initiative_gap), None)
            last = max(last, (owner.end if owner else span.end) + 1)
    last = min(end, last)
    k = next((k for k in range(anchor + 1, last) if s.doc[k].norm_ == s.words.word_between), None)
    if k is None:
        return []
    if any(sp.start == k + 1 for label in DUAL_HEAD_LABELS for sp in s.spans(label)):
        return _names_after(s, k + 1, end)
    first = next((m for m in s.mentions if m.start == k + 1 and m.actors), None)
    chain = chain_from(s, first, end) if first is not None else []
    return chain if len(resolve_chain(s, chain)) >= 2 else []


def _with_suffix(s: Sentence, j: int) -> str:
    """Token ``j``'s normalised form with the pronoun suffix the normaliser split off (بين + هم)."""
    token = s.doc[j]
    return str(token.norm_) + str(token._.suffix)


def _is_person(mention: Mention) -> bool:
    return all(a.kind == PERSON for a in mention.actors)


def pronoun_callee(s: Sentence, verb: int, subject: list[Actor]) -> list[Actor]:
    """ "أكد السيسي … . واتصل به ماكرون", "وهاتفه ماكرون": a call verb with an object pronoun and
    a named subject called the subject handed on from the sentence before, or the one who reports
    the call in the same sentence ("قال نتنياهو إن ترامب اتصل به")."""
    # A pronoun kept in the word's form only counts on a call verb (its ه may be a root letter elsewhere).
    suffixed = s.doc[verb]._.suffix in SINGULAR_OBJECT_SUFFIXES or (s.has(verb, "CALL_VERB") and s.object_pronoun(verb))
    if not suffixed and verb + 1 < s.sentence.end:
        following = str(s.doc[verb + 1].norm_)
        suffixed = following in {BA + x for x in SINGULAR_OBJECT_SUFFIXES}
    if not suffixed or not subject:
        return []
    keys = {a.key for a in subject}
    # "قال نتنياهو إن ترامب اتصل به": the one who reports it, when the call is his report.
    prior = speech_clause(s, s.clause_of(verb)[0])
    before = [m for m in s.mentions if prior is not None and prior <= m.start < verb and not m.prepositional]
    speaker = before[0] if before else None
    if speaker is not None and speaker.actors and _is_person(speaker):
        return [a for a in speaker.actors if a.key not in keys]
    return [a for a in s.context.last_subject if a.key not in keys]


def object_after_aside(s: Sentence, anchor: int, subject: list[Actor]) -> list[Actor]:
    """ "هنأ الملك محمد السادس، في اتصال هاتفي، الرئيس تبون": the verb's object right after the
    call's frame set off by commas is the other party (the verb says nothing of who called)."""
    frame = anchor - 1
    if not subject or frame <= s.sentence.start or s.doc[frame].norm_ not in s.words.frame_words:
        return []
    if s.doc[frame - 1].text not in COMMAS:
        return []
    k = anchor + 1
    while k < s.sentence.end and s.has(k, "CALL_ADV"):
        k += 1  # "في اتصال هاتفي"
    if k + 1 >= s.sentence.end or s.doc[k].text not in COMMAS:
        return []
    after = next((m for m in s.mentions if m.start == k + 1), None)
    if after is None or after.prepositional or not after.actors or not _is_person(after):
        return []
    keys = {a.key for a in subject}
    return [a for a in resolve_chain(s, chain_from(s, after, s.clause_of(k + 1)[1]), subject) if a.key not in keys]


def elliptic_call(s: Sentence, k: int) -> bool:
    """ "تلقى X اتصالا من Y، وآخر من Z", "ويجري آخر مع Z": "another" (call) after a call word of the
    sentence, joined by و or right after a call verb, with the other party's preposition right after it."""
    token, norm = s.doc[k], str(s.doc[k].norm_)
    spelled_and = norm.startswith(AND) and norm[len(AND) :] in s.words.call_ellipsis_words  # "وآخر"
    if not (spelled_and or norm in s.words.call_ellipsis_words) or k + 1 >= s.sentence.end or k == s.sentence.start:
        return False
    joined = spelled_and or AND in token._.clitic or s.has(k - 1, "CALL_VERB_SUBJ") or s.has(k - 1, "CALL_VERB_OBJ")
    after = s.doc[k + 1]
    party = after.norm_ in {s.words.word_from, s.words.word_with} or BA in after._.clitic
    earlier = any(sp.start < k for sp in s.spans("CALL_NOUN"))
    return joined and party and earlier


def last_word(s: Sentence, end: int) -> int:
    """The last token before ``end`` that is not a space."""
    k = end - 1
    while k > s.start and s.doc[k].is_space:
        k -= 1
    return k
