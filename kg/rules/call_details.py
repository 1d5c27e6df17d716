"""Details of a call: who it was placed on the initiative of, and the calls of an article
that another call of it covers (its date is the sentence's: :mod:`kg.extract`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import WEEKDAYS
from ..knowledge import PERSON, STATE
from ..model import CALLED, Actor, Fact
from ..normalize import normalize, normalize_phrase, strip_article
from .call_clauses import nisba_initiative
from .clauses import Sentence
from .lang_ar import ARTICLE, BA, COMMAS, LAM, QUOTES, SENTENCE_ENDS
from .records import INITIATIVE_CONFIDENCE
from .subjects import chain_from, mention_actors, resolve_chain, subject_for

#: The weekdays without their article ("اليوم الجمعة" may be read as جمعة).
WEEKDAY_STEMS = frozenset(strip_article(day) for day in WEEKDAYS)


def call_initiative(s: Sentence) -> str | None:
    """Who a call was placed on the initiative of (بمبادرة من X، بمبادرة أمريكية)."""
    for span in s.spans("INITIATIVE"):
        after = [m for m in s.mentions if m.start >= span.end]
        if after and after[0].start - span.end <= s.settings.initiative_gap:
            actors = mention_actors(s, after[0])
            if actors:
                return str(actors[0].key)
        named = _latter_or_former(s, span.start, span.end)
        if named is not None:
            return named
    return _initiative_noun(s) or _initiative_of_call_noun(s) or _initiative_verb(s) or nisba_initiative(s)


def _latter_or_former(s: Sentence, start: int, end: int) -> str | None:
    """ "أجري اتصال بين X وY بمبادرة من (بناء على طلب من) الأخير": the latter or the former named last."""
    if end >= s.sentence.end:
        return None
    word = s.doc[end + (end + 1 < s.sentence.end and s.doc[end].norm_ == s.words.word_from)].norm_
    if word not in s.words.latter_words and word not in s.words.former_words:
        return None
    named: list[str] = []
    for mention in reversed([m for m in s.mentions if m.end <= start]):
        for actor in mention_actors(s, mention):
            if actor.key not in named:
                named.append(actor.key)
        if len(named) >= 2:
            return named[0] if word in s.words.latter_words else named[1]
    return None


def from_to_parties(s: Sentence, anchor: int) -> tuple[Actor, Actor] | None:
    """ "اتصال هاتفي من X إلى Y", "جاء الاتصال من X إلى Y": X called Y (``None`` when not so)."""
    _, end = s.clause_of(anchor)
    after = [m for m in s.mentions if anchor < m.start < end]
    if not after or after[0].preposition != s.words.word_from or after[0].start - anchor > s.settings.one_call_gap:
        return None
    target = next((m for m in after[1:] if m.preposition in s.words.call_destination_prepositions), None)
    # "من المبعوث الأممي إلى اليمن": a state right after the caller's title is his post, not the one called.
    if target is None or (target.start - after[0].end <= 1 and target.kind == "state"):
        return None
    callers, called = mention_actors(s, after[0]), mention_actors(s, target)
    if len(callers) != 1 or len(called) != 1 or callers[0].key == called[0].key:
        return None
    return callers[0], called[0]


def pronoun_caller_parties(
    s: Sentence, preposition: int, end: int, direction: str | None, main: list[Actor]
) -> list[tuple[Actor, Actor, str | None]]:
    """ "اتصال هاتفي تلقاه من X": the relative verb's pronoun stands for the main clause's subject
    (``main``), the one after من is the other party; the verb says who called."""
    after = [m for m in s.mentions if preposition < m.start < end]
    if not after or after[0].start - preposition > s.settings.relative_subject_window:
        return []
    # "تلقاه من نظيره التركي، أكد X": a counterpart is the main subject's.
    others = resolve_chain(s, chain_from(s, after[0], end, strict=True), main)
    who = {"object": "b", "subject": "a"}.get(direction or "")
    return [(one, other, who) for one in main for other in others if one.key != other.key]


def relative_call_verb(s: Sentence, anchor: int) -> tuple[int, str] | None:
    """ "بحث X، خلال اتصال هاتفي تلقاه من Y، …": a call verb right after the call noun whose object
    pronoun stands for the main clause's subject tells the call's parties and who called, over
    the talk verb before the call noun. Returns the verb and who it makes the caller."""
    for k in range(anchor + 1, min(anchor + s.settings.call_verb_after, s.sentence.end)):
        for label, direction in (("CALL_VERB_SUBJ", "subject"), ("CALL_VERB_OBJ", "object")):
            if s.has(k, label):
                return (k, direction) if s.object_pronoun(k) else None
    return None


def earlier_callers(s: Sentence, found: list[Fact]) -> Iterator[Fact]:
    """ "أصبح X رابع زعيم يتصل بـZ، بعد كل من A وB": the one call of the sentence with its caller
    known, then بعد كل من and a list: each listed person called Z before."""
    calls = [f for f in found if f.relation == CALLED and f.b is not None and f.initiator in {"a", "b"}]
    if len(calls) != 1 or calls[0].b is None:
        return
    caller, callee = (calls[0].a, calls[0].b) if calls[0].initiator == "a" else (calls[0].b, calls[0].a)
    words = s.words
    for k in range(s.sentence.start, s.sentence.end - 3):
        every = s.doc[k + 1].norm_ == words.word_every and s.doc[k + 2].norm_ == words.word_from
        if s.doc[k].norm_ not in words.preceded_words or not every:
            continue
        first = next((m for m in s.mentions if m.start > k + 2), None)
        if first is None or first.start != k + 3:
            return
        for person in resolve_chain(s, chain_from(s, first, s.sentence.end)):
            if person.kind == PERSON and person.key not in {caller.key, callee.key}:
                yield s.fact(CALLED, person, b=callee, initiator="a", confidence=0.8)
        return


def received_from(s: Sentence, anchor: int, subject: list[Actor]) -> list[tuple[Actor, Actor, str | None]]:
    """ "قال X، خلال اتصال من Y، إن …": a call word with no verb, then من and a person, was placed
    by that person to the clause's one subject."""
    _, end = s.clause_of(anchor)
    after = [m for m in s.mentions if anchor < m.start < end]
    if len(subject) != 1 or not after or after[0].preposition != s.words.word_from:
        return []
    if after[0].start - anchor > s.settings.one_call_gap:
        return []
    senders = [a for a in mention_actors(s, after[0]) if a.kind == PERSON and a.key != subject[0].key]
    return [(subject[0], senders[0], "b")] if len(senders) == 1 else []


def _initiative_noun(s: Sentence) -> str | None:
    """ "ثمّن X مبادرة Y بالاتصال": Y placed the call (the owner of an initiative to call)."""
    calls = [span for span in s.spans("CALL_NOUN") if BA in s.doc[span.start]._.clitic]
    for k in range(s.sentence.start, s.sentence.end):
        if s.doc[k].norm_ not in s.words.initiative_nouns or s.doc[k]._.suffix:
            continue  # "مبادرته بالاتصال" names its owner by a pronoun only
        after = [m for m in s.mentions if m.start > k]
        if not after or after[0].start - k - 1 > s.settings.initiative_gap:
            continue
        owner = after[0]
        if any(0 <= call.start - owner.end <= s.settings.initiative_noun_call_gap for call in calls):
            actors = mention_actors(s, owner)
            if actors:
                key: str = actors[0].key
                return key
    return None


def _initiative_of_call_noun(s: Sentence) -> str | None:
    """ "بدأ X ولايته بمبادرة الاتصال الهاتفي مع Y": an initiative noun with بـ that governs the call
    noun right after it names no owner of its own; it is the initiative of the clause's subject."""
    for span in s.spans("CALL_NOUN"):
        k = span.start - 1
        if k < s.sentence.start or s.doc[k].norm_ not in s.words.initiative_nouns or s.doc[k]._.suffix:
            continue
        # "بمبادرة الاتصال": the manner of the subject's act; "ثمّن مبادرة الاتصال" is someone else's.
        if BA not in s.doc[k]._.clitic and not s.doc[k].norm_.startswith(BA):
            continue
        agents = subject_for(s, k)
        if len(agents) == 1:
            key: str = agents[0].key
            return key
    return None


def _initiative_verb(s: Sentence) -> str | None:
    """ "المحادثة التي جرت اليوم بدأها X", "وبادر X بالاتصال": the verb's subject, right after it
    (else right before it: "وكان X قد بادر بالاتصال"), started the call the sentence names."""
    words = s.words
    if not s.spans("CALL_NOUN") and not any(
        strip_article(s.doc[k].norm_) in words.bare_call_nouns for k in range(s.sentence.start, s.sentence.end)
    ):
        return None
    for k in range(s.sentence.start, s.sentence.end):
        if s.doc[k].norm_ not in words.initiative_verbs:
            continue
        after = [m for m in s.mentions if m.start > k and not m.prepositional]
        start = s.clause_of(k)[0]
        before = [m for m in s.mentions if start <= m.start and m.end <= k and not m.prepositional]
        if after and after[0].start - k - 1 <= s.settings.initiative_gap:
            actors = mention_actors(s, after[0])
        else:
            actors = mention_actors(s, before[-1]) if before and k - before[-1].end <= s.settings.initiative_gap else []
        if len(actors) == 1:
            key: str = actors[0].key
            return key
    return None


def joined_parties(s: Sentence, anchor: int) -> tuple[Actor, Actor] | None:
    """ "… مع الرئيس الروسي بوتين خلال اتصال هاتفي جمعهما": the call joined the two people named
    last before it (not the sentence's subject); ``None`` when no such verb follows the call word."""
    window = range(anchor + 1, min(anchor + 1 + s.settings.one_call_gap, s.sentence.end))
    # The dual pronoun may be split off its word (بينهما): compare the word as written too.
    joining = s.words.joining_dual_verbs
    if not any(s.doc[k].norm_ in joining or normalize(s.doc[k].text) in joining for k in window):
        return None
    people: list[Actor] = []
    for mention in reversed([m for m in s.mentions if m.end <= anchor]):
        for someone in mention_actors(s, mention):
            if someone.kind == PERSON and someone.key not in {p.key for p in people}:
                people.append(someone)
        if len(people) >= 2:
            return people[1], people[0]
    return None


def readiness_for_call(s: Sentence, i: int) -> bool:
    """ "أنه مستعد للاتصال ببوتين", "غياب أي ترتيبات رسمية لمكالمة", "استعداده لإجراء اتصال": a call
    noun (or its verbal noun إجراء) under لـ after a word of readiness or arrangement is a call to
    come, not one made."""
    k = i
    if k > s.sentence.start and s.doc[k - 1].norm_ in s.words.call_making_words:
        k -= 1  # "لإجراء اتصال"
    if LAM not in s.doc[k]._.clitic and not s.doc[k].norm_.startswith(LAM):
        return False
    before = range(max(s.sentence.start, k - s.settings.guard_window), k)
    return any(s.doc[j].norm_ in s.words.call_readiness_words for j in before)


def carried_caller(s: Sentence, carried: list[Actor], verb: int) -> list[Actor]:
    """ "وأكد الجانبان … . وكان السوداني، قد أجرى اتصالا …": a singular call verb whose subject is
    carried from the sentence before, where two were named, is the one of them whose name word
    stands before the verb (a surname the mentions did not read); else all of them, as carried."""
    if len(carried) < 2:
        return carried
    before = {strip_article(t.norm_) for t in s.doc[s.sentence.start : verb]}
    named = [a for a in carried if before & {strip_article(w) for w in normalize_phrase(a.label_ar).split()}]
    return named if len(named) == 1 else carried


def unknown_caller(s: Sentence, anchor: int, end: int) -> bool:
    """ "تلقى X اتصالا من رئيس سلطة المياه": the caller is someone whose name nobody knows."""
    k = next((k for k in range(anchor + 1, end) if s.doc[k].norm_ == s.words.word_from), None)
    return k is not None and k + 1 < end and s.unknown_title(k + 1)


def referred_call(s: Sentence, anchor: int, subject: list[Actor], counterparts: list[Actor]) -> list[Fact]:
    """ "وتناولت هذه المكالمة …", "وأكد بوتين خلال الاتصال …": a definite or demonstrative call
    noun with no counterpart and no other subject is the call just reported (one more sentence of its evidence);
    with no call reported yet, the call of the only two people the article has named."""
    written = normalize(s.doc[anchor].text)  # the norm may have lost its article
    definite = written.startswith(LAM + LAM) or any(written[k:].startswith(ARTICLE) for k in range(3))
    definite = definite or (anchor > s.sentence.start and s.doc[anchor - 1].norm_ in s.words.demonstratives)
    if counterparts or not definite:
        return []
    context = s.context
    pair = context.last_call
    if pair is None:
        if context.unknown_caller:
            return []  # the call reported is with someone nobody knows
        people = [x for x in context.recent if x.kind == PERSON]
        people += [x for x in subject if x.kind == PERSON and x.key not in {p.key for p in people}]
        if len(people) != 2:
            return []
        pair = (people[0], people[1])
    a, b = pair
    if not {x.key for x in subject} <= {a.key, b.key}:
        return []  # someone else's call
    who = None
    if context.last_call is None:
        context.last_call = pair
        context.calls.append(pair)
        # "تلقى X اتصالا هاتفيا من رئيس …" before: the other placed it.
        who = {a.key: "b", b.key: "a"}.get(context.callee.key) if context.callee else None
        if context.caller is not None:
            who = {a.key: "a", b.key: "b"}.get(context.caller.key, who)
    return [s.fact(CALLED, a, b=b, initiator=who, confidence=0.8)]


def object_before_frame(s: Sentence, anchor: int, subject: list[Actor]) -> list[Actor]:
    """ "أبلغ X نظيره Y في مكالمة هاتفية", "أبلغ X Y هاتفيا": the object right before the call's frame
    (في، خلال) or phone adverb is the other party (the verb says nothing of who called)."""
    adverb = s.has(anchor, "CALL_ADV")
    frame = anchor - (not adverb)
    if not subject or frame <= s.sentence.start or not (adverb or s.doc[frame].norm_ in s.words.frame_words):
        return []
    keys = {a.key for a in subject}
    k = frame - 1
    while k > s.sentence.start and s.doc[k].text in QUOTES | COMMAS:
        k -= 1
    last = next((m for m in s.mentions if m.start <= k < m.end), None)  # or under لـ: قال X لـY خلال اتصال
    if last is None or (last.prepositional and LAM not in last.clitic) or last.end != k + 1:
        return []
    return [a for a in resolve_chain(s, [last], subject) if a.key not in keys and a.kind == PERSON]


def without_subsumed_state_calls(facts: list[Fact]) -> list[Fact]:
    """Drop a call that names a state where the article reports the same call with a person of
    that state ("إيران تجري اتصالا مع صنعاء" beside "أجرى رئيسي اتصالا مع المشاط"; "مدة المكالمة
    مع بوتين" of the German government beside Scholz's call with Putin). A person of no state
    (the head of a movement) stands for the one state a headline has the other's state call."""
    # Each call from both sides: (one party, the other, the fact).
    sides = [(x, y, f) for f in facts if f.relation == CALLED and f.b is not None for x, y in ((f.a, f.b), (f.b, f.a))]
    covered: set[tuple[str, str]] = set()  # (a person's state, the other party or its state)
    stateless: set[str] = set()  # states of a person who called someone of no state
    for one, other, _ in sides:
        if one.kind == PERSON and one.state:
            covered.add((one.state, other.key))
            if other.kind == PERSON and other.state:
                covered.add((one.state, other.state))
            elif other.kind == PERSON:
                stateless.add(one.state)
    with_people = {one.state for one, _, _ in sides if one.kind == PERSON and one.state}
    for state in stateless:
        headlined = {
            other.key
            for one, other, f in sides
            if one.key == state and other.kind == STATE and other.key not in with_people and _headline(f)
        }
        if len(headlined) == 1:
            covered.add((state, headlined.pop()))
    return [
        f
        for f in facts
        if not (
            f.relation == CALLED
            and f.b is not None
            and (
                (f.a.kind == STATE and (f.a.key, f.b.key) in covered)
                or (f.b.kind == STATE and (f.b.key, f.a.key) in covered)
            )
        )
    ]


def _headline(fact: Fact) -> bool:
    """Whether a fact was read from a headline (a line that no sentence mark ends)."""
    return not fact.evidence.sentence.rstrip().endswith(SENTENCE_ENDS)


def talks_in_place(s: Sentence, k: int) -> bool:
    """ "مباحثاته في باريس مع ماكرون", "بحث روتو في أبوجا مع …", "بحث X مع Y في القاهرة": talks
    held in a place (a state or its capital, before their مع or right after its counterpart)
    are in-person talks, not a call."""
    words = s.words
    for j in range(k + 1, min(k + s.settings.weak_call_window, s.sentence.end - 1)):
        if s.doc[j].norm_ == words.word_with:
            other = next((m for m in s.mentions if m.start == j + 1), None)
            return other is not None and _place_at(s, chain_from(s, other, s.sentence.end)[-1].end)
        if _place_at(s, j):
            return True
    return False


def _place_at(s: Sentence, j: int) -> bool:
    """Whether token ``j`` is في before a state or its capital ("في القاهرة")."""
    if j >= s.sentence.end - 1 or s.doc[j].norm_ != s.words.word_in:
        return False
    place = next((m for m in s.mentions if m.start == j + 1), None)
    return place is not None and bool(place.actors) and all(a.kind == STATE for a in place.actors)


def phone_call_after(s: Sentence, blocker: int, end: int) -> bool:
    """ "يعلق على اتصال هاتفي بين …": after a preposition that usually means "in contact"
    (على اتصال), a phone adjective makes the noun a call; so does a reply (ردا على اتصال من X)."""
    if s.doc[blocker].norm_ not in s.words.prepositions:
        return False
    reply = blocker > s.sentence.start and s.doc[blocker - 1].norm_ in s.words.reply_words
    return reply or (end < s.sentence.end and s.has(end, "CALL_ADV"))


def initiative_of_last_call(s: Sentence) -> Iterator[Fact]:
    """ "هذه المحادثة التي جرت بمبادرة من باكو": who placed the call just reported."""
    initiative = call_initiative(s)
    if initiative is None or s.context.last_call is None:
        return
    if not s.spans("CALL_NOUN") and not any(
        strip_article(s.doc[k].norm_) in s.words.bare_call_nouns for k in range(s.sentence.start, s.sentence.end)
    ):
        return
    a, b = s.context.last_call
    who = "a" if initiative in {a.key, a.state} else "b" if initiative in {b.key, b.state} else None
    if who is not None:
        yield s.fact(CALLED, a, b=b, initiator=who, confidence=INITIATIVE_CONFIDENCE)


def call_filler(s: Sentence, j: int) -> bool:
    """A token that adds no distance between a call word and its party: a time ("اليوم
    الجمعة"), a number, or the verb of the call itself ("جرت")."""
    token = s.doc[j]
    if token.is_space or token.like_num:
        return True
    day = strip_article(token.norm_)
    return token.norm_ in s.words.times or day in WEEKDAY_STEMS or s.has(j, "CALL_VERB_RECIP")
