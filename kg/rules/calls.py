"""Calls: "أجرى بوتين اتصالا هاتفيا مع أردوغان" — who called whom, who placed the call, when."""

from __future__ import annotations

from collections.abc import Iterator

from ..knowledge import PERSON
from ..model import CALLED, Actor, Fact
from .call_details import (
    call_filler,
    call_initiative,
    carried_caller,
    earlier_callers,
    from_to_parties,
    initiative_of_last_call,
    joined_parties,
    object_before_frame,
    phone_call_after,
    pronoun_caller_parties,
    readiness_for_call,
    received_from,
    referred_call,
    relative_call_verb,
    talks_in_place,
    unknown_caller,
)
from .call_forms import (
    appositive_names,
    dual_subject_pairs,
    elliptic_call,
    intended_call,
    last_word,
    listed_parties,
    object_after_aside,
    pronoun_callee,
)
from .call_parties import group_senders, kind_filtered, more_counterparts, open_call, reply_pair, reported_talks
from .call_reach import FAR_CALL_VERBS, Pair, call_pairs, fronted_frame_object, reread_caller, titled_preposition
from .call_structures import (
    between_chain,
    colon_listed,
    genitive_call,
    in_subject,
    initiative_pairs,
    initiative_tokens,
    past_apposed_titles,
    stacked_office,
)
from .clauses import Sentence
from .lang_ar import BA, BULLETS, COMMAS, LAM, SINGULAR_OBJECT_SUFFIXES
from .qualifiers import negated_or_hypothetical
from .records import INITIATIVE_CONFIDENCE, RECEIVED_CONFIDENCE, Mention
from .subjects import chain_from, resolve_chain, subject_for


def read_calls(s: Sentence) -> Iterator[Fact]:
    """The calls the sentence reports (or a word on the call reported just before)."""
    listed = _listed_calls(s)
    if listed is not None:
        yield from listed
        return
    anchors = call_anchors(s)
    if not anchors:
        replied = reply_pair(s)  # "من جانبه، رد X" after a call reported with one party
        yield from _record_calls(s, [replied], None, None, None) if replied else initiative_of_last_call(s)
        return
    previous: int | None = None
    found: list[Fact] = []
    for anchor in anchors:
        # "اتصالا هاتفيا": one call, two call words.
        if previous is None or anchor - previous > s.settings.one_call_gap or elliptic_call(s, anchor):
            found += _call_at(s, anchor)
        previous = anchor
    yield from found
    yield from earlier_callers(s, found)  # "…، بعد كل من A وB"


def call_anchors(s: Sentence) -> list[int]:
    """The call words of the sentence (not video calls, not "the call for …")."""
    settings, words = s.settings, s.words
    anchors: list[int] = []
    intended = -settings.one_call_gap - 1  # the last call word of a call to come
    for span in s.trigger_spans:
        i = span.start
        if span.label_ in {"CALL_NOUN", "CALL_VERB"}:
            # "قنوات الاتصال", "قطع جميع الاتصالات": a quantifier may stand between.
            k = i - 1 - (i - 2 >= s.sentence.start and s.doc[i - 1].norm_ in words.addressee_quantifiers)
            if k >= s.sentence.start and s.has(k, "NOT_CALL_BEFORE") and not phone_call_after(s, k, span.end):
                continue
            if readiness_for_call(s, i) or intended_call(s, i):
                intended = span.end - 1
                continue  # "مستعد للاتصال ببوتين", "طلب إجراء اتصال": a call to come, none made
            if any(s.has(k, "VIDEO") for k in range(span.end, min(span.end + settings.video_window, s.sentence.end))):
                continue
            anchors.append(i)
        elif i - intended <= settings.one_call_gap:
            continue  # "يعتزم X الاتصال هاتفيا بـY": the adverb of the call to come
        elif span.label_ == "CALL_ADV" and (s.doc[i].norm_ == words.phone_adverb or len(span) > 1):
            anchors.append(i)
    anchors += [k for k in range(min(anchors) + 1, s.sentence.end) if elliptic_call(s, k)] if anchors else []
    if not anchors and s.context.has_call_vocabulary and not s.spans("IN_PERSON"):
        for span in s.spans("CALL_WEAK"):
            if LAM in s.doc[span.start]._.clitic or talks_in_place(s, span.end - 1):
                continue  # "لبحث": a purpose, not a conversation; "بحث في الرباط مع": in person
            window = range(span.end, min(span.end + settings.weak_call_window, s.sentence.end))
            # "فقد بحث مع X …، كما بحث مع Y …": each talk its own call.
            if any(s.doc[k].norm_ == words.word_with for k in window) and span.start not in anchors:
                anchors.append(span.start)
    return sorted(set(anchors))


def _call_at(s: Sentence, anchor: int) -> Iterator[Fact]:
    """The call(s) reported around the call word at ``anchor``."""
    if negated_or_hypothetical(s, anchor) or s.spans("DENIAL"):
        return  # "الاتصال الهاتفي المزعوم", "نفى … أن يكون قد أجرى اتصالا"
    if (joined := joined_parties(s, anchor)) is not None:
        return (yield from _record_calls(s, [(*joined, None)], call_initiative(s), None, None))
    directed = from_to_parties(s, anchor)
    if directed is not None:
        yield from _record_calls(s, [(*directed, "a")], None, None, "subject")
        return
    start, end = s.clause_of(anchor)
    start = s.resumed(start)  # "وأجرى بوتين، الذي يزور الصين، اتصالا …": the verb before the aside
    if end < s.end and s.doc[end - 1].norm_ in s.words.relative_pronouns and end - anchor <= s.settings.one_call_gap:
        end = s.clause_of(end)[1]  # "الاتصال الذي جرى بين X وY": the relative clause names the parties
    verb, direction = _call_verb(s, anchor, start)
    if verb is None and (genitive := genitive_call(s, anchor)):  # "وجاء اتصال X بـY"
        return (yield from _record_calls(s, genitive, call_initiative(s), BA, "subject"))
    if verb is not None and verb != anchor and negated_or_hypothetical(s, verb):
        return  # "لم يجر بوتين أي اتصال"
    if verb is not None and verb > anchor:
        # "الاتصال الذي تلقاه X من Y": the parties stand in the relative clause.
        end = max(end, s.clause_of(verb)[1])
        relative = _relative_parties(s, anchor, verb, direction, end)
        if relative:
            yield from _record_calls(s, relative, call_initiative(s), None, direction)
            return
    subject = subject_for(s, verb) if verb is not None else _fronted_call_subject(s, anchor)
    subject, direction = reread_caller(s, (verb, anchor), subject, direction)  # "عن إجراء X اتصالا"
    if direction in {"subject", "object"} and verb is not None and subject == s.context.last_subject:
        subject = carried_caller(s, subject, verb)
    # "بحث بوتين مع أردوغان هاتفيا": the counterpart may stand between the verb and the call word.
    search_from = verb if verb is not None and verb < anchor else anchor
    if any(search_from < sp.start and sp.end < anchor for sp in s.spans("CALL_NOUN")):
        search_from = anchor  # "تلقى X اتصالا من Y، تلاه اتصال من Z": the verb's first call is Y's
    counterpart_chain, preposition = _counterparts(s, search_from, end, direction, subject, anchor)
    # "بين الرئيسين X وY", "بكل من X وY", "التي جمعت X وY", "من قادة عدة دول، بينهم X"
    counterpart_chain, preposition = listed_parties(s, anchor, end, counterpart_chain, preposition)
    counterpart_chain = past_apposed_titles(s, appositive_names(s, counterpart_chain, end), end)  # "نظرائه الأردني X"
    more = more_counterparts(s, counterpart_chain, preposition, end)
    counterpart_chain = kind_filtered(counterpart_chain + more) if more else counterpart_chain
    counterparts = resolve_chain(s, counterpart_chain, subject)
    if direction == "object" and len(subject) == 1 and group_senders(counterpart_chain):
        s.context.callee = subject[0]  # "تلقى X عدة اتصالات من نظرائه": the calls named next were to X
    if not counterparts and verb is None:
        counterparts = object_before_frame(s, anchor, subject) or object_after_aside(s, anchor, subject)
        counterparts = counterparts or fronted_frame_object(s, anchor, subject)  # "في مكالمة، أبلغ X Y"
    elif not counterparts and direction == "subject" and verb is not None:
        counterparts = pronoun_callee(s, verb, subject)  # "واتصل به X": the one named before
    initiative = call_initiative(s)
    pairs = call_pairs(s, subject, counterparts, direction, preposition)
    if not pairs:  # "قال X، خلال اتصال من Y، إن …"; "جرى اتصال بمبادرة من X مع Y"
        pairs = received_from(s, anchor, subject) if verb is None else initiative_pairs(s, subject, counterpart_chain)
    if s.has(anchor, "CALL_WEAK") and not s.has(anchor, "CALL_NOUN"):
        pairs = reported_talks(s, anchor, pairs)  # "وكان X قد تحدث مع Y": an earlier talk is no call
    pairs = pairs or dual_subject_pairs(s, anchor, start)  # "ناقش وزيرا الخارجية الصيني X والروسي Y"
    if not pairs:
        yield from _unpaired(s, anchor, end, subject, counterparts, direction)
        return
    yield from _record_calls(s, pairs, initiative, preposition, direction)


def _unpaired(
    s: Sentence, anchor: int, end: int, subject: list[Actor], counterparts: list[Actor], direction: str | None
) -> Iterator[Fact]:
    """A call word whose clause names no pair: remember what it says for the sentences after it,
    or read it as a word on the call just reported."""
    if direction == "subject" and len(subject) == 1 and not counterparts:
        # "أجرى محمد بن زايد مباحثات هاتفية …": the calls named next are his.
        s.context.caller = subject[0]
    elif direction == "object" and len(subject) == 1 and not counterparts:
        s.context.unknown_caller = unknown_caller(s, anchor, end)
        s.context.callee = subject[0]  # "تلقى X اتصالا من الرئيس ماكغون": the call named later was to X
    colon = last_word(s, end)
    if subject and s.doc[colon].text == ":":
        # "تلقى X اتصالات من:": the counterparts follow as bulleted lines.
        before = str(s.doc[colon - 1].norm_)
        listed = before if before in {s.words.word_from, s.words.word_with} else None
        s.context.list_call = (subject, direction, listed)
    # "تم الاتصال بمبادرة من الرئيس لولا": a word on the call just reported.
    referred = list(initiative_of_last_call(s)) or referred_call(s, anchor, subject, counterparts)
    if not referred:  # "في اتصال مع عراقجي.. فيدان: …": the one party may be the one spoken with
        open_call(s, subject or counterparts, direction)
    yield from referred


def _relative_parties(s: Sentence, anchor: int, verb: int, direction: str | None, end: int) -> list[Pair]:
    """ "أثناء مكالمة أجرتها معه وزيرة الخارجية الكندية": the relative verb's own subject and
    the one its pronoun stands for, the subject of the main clause; the verb says who called."""
    words = s.words
    pronoun_preps = {p + x for p in (words.word_with, words.word_from) for x in SINGULAR_OBJECT_SUFFIXES}
    k = verb + 1
    if (
        k < end
        and s.object_pronoun(verb)
        and (s.doc[k].norm_ in {words.word_from, words.word_with} or BA in s.doc[k]._.clitic)
    ):
        # "في اتصال هاتفي تلقاه من X (أجراه مع X)، أكد Y": the verb's subject is the main clause's.
        return pronoun_caller_parties(
            s, k - (BA in s.doc[k]._.clitic), end, direction, _fronted_call_subject(s, anchor)
        )
    if k >= end or s.doc[k].norm_ not in pronoun_preps:
        return []
    after = [m for m in s.mentions if k < m.start < end and not m.prepositional]
    if not after or after[0].start - k > s.settings.relative_subject_window:
        return []
    main = _fronted_call_subject(s, anchor)  # "وفي اتصال أجراه معه X، أكد Y": the main verb's subject
    # "أجراه معه نظيره الإيراني": a counterpart there is the main subject's.
    caller_side = resolve_chain(s, chain_from(s, after[0], end, strict=True), main)
    who = {"subject": "b", "object": "a"}.get(direction or "")
    return [(one, other, who) for one in main for other in caller_side if one.key != other.key]


def _listed_calls(s: Sentence) -> list[Fact] | None:
    """ "- رئيس الوزراء الإسباني بيدرو سانشيز.": a bulleted line under "تلقى X اتصالات من:"
    names one more counterpart of X's calls (``None`` when the sentence is no such line)."""
    listed = s.context.list_call
    if listed is None:
        return None
    words = [t for t in s.sentence if not t.is_space]
    if not words:
        return []  # a blank line inside the list
    if words[0].text not in BULLETS:
        s.context.list_call = None
        return None
    subject, direction, preposition = listed
    if not s.mentions:
        return []
    counterparts = resolve_chain(s, chain_from(s, s.mentions[0], s.end), subject)
    pairs = call_pairs(s, subject, counterparts, direction, preposition)
    # Every line of the list reports a call of the same sentence: keep the calls together.
    if s.context.calls_sentence >= 0 and s.context.last_calls:
        s.context.calls_sentence = s.evidence.index
    return list(_record_calls(s, pairs, None, preposition, direction))


def _record_calls(
    s: Sentence, pairs: list[Pair], initiative: str | None, preposition: str | None, direction: str | None
) -> Iterator[Fact]:
    """The call facts of ``pairs``, remembered as the calls just reported."""
    context = s.context
    if context.calls_sentence != s.evidence.index:
        context.last_calls = []
        context.calls_sentence = s.evidence.index
    for a, b, who in pairs:
        confidence = 0.9 if who or direction else 0.8
        if who is not None and direction == "object":
            confidence = RECEIVED_CONFIDENCE
        if initiative is not None:
            who = "a" if initiative in {a.key, a.state} else "b" if initiative in {b.key, b.state} else who
            confidence = INITIATIVE_CONFIDENCE if initiative in {a.key, a.state, b.key, b.state} else confidence
        caller, callee = context.caller, context.callee
        if who is None and caller is not None and preposition != s.words.word_between:
            who = "a" if caller.key == a.key else "b" if caller.key == b.key else None
        if who is None and callee is not None and preposition != s.words.word_between:
            who = "b" if callee.key == a.key else "a" if callee.key == b.key else None
        # "وتناول الاتصال العلاقات بين مصر وفرنسا": the states of the people just on the call are
        # that call, whose parties stay the people (for "الطرفان" and impersonal statements after).
        known = context.last_call
        if known is None or {a.key, b.key} != {x.state for x in known if x.kind == PERSON}:
            context.last_call, context.open_call = (a, b), None
            context.calls.append((a, b))
            context.last_calls.append((a, b))
        yield s.fact(CALLED, a, b=b, initiator=who, confidence=confidence)


def _fronted_call_subject(s: Sentence, anchor: int) -> list[Actor]:
    """ "وخلال الاتصال مع هنية، أكد وزير الخارجية الإيراني …": the main verb's subject."""
    fronted = anchor - s.sentence.start <= s.settings.fronted_call_window and any(
        s.doc[k].norm_ in s.words.frame_words for k in range(s.sentence.start, anchor)
    )
    if fronted:
        for k in range(anchor + 1, s.sentence.end):
            # "مكالمة أجرتها معه X": the call's relative verb, not the main one
            relative = k - anchor <= s.settings.one_call_gap and (
                s.has(k, "CALL_VERB_SUBJ") or s.has(k, "CALL_VERB_OBJ")
            )
            if (s.has(k, "CLAUSE_VERB") or s.has(k, "PARTICIPLE")) and not relative:
                return subject_for(s, k)
    # "قال X إن … . وجاءت تصريحاته في اتصال هاتفي مع Y": the one who spoke last.
    return subject_for(s, anchor, verb_like=False) or list(s.context.last_speaker)


def _call_verb(s: Sentence, anchor: int, start: int) -> tuple[int | None, str | None]:
    """The verb governing the call word at ``anchor``, and who it makes the caller:
    ``"subject"``, ``"object"`` (تلقى … من), ``"reciprocal"``, or ``None``."""
    settings = s.settings
    if s.has(anchor, "CALL_VERB"):
        return anchor, "subject"
    if (s.has(anchor, "CALL_WEAK") or s.has(anchor, "CALL_VERB_RECIP")) and not s.has(anchor, "CALL_NOUN"):
        return anchor, "reciprocal"  # "تحدث بوتين مع …" in an article about a call
    # The verb may sit before a long subject: "أجرى الرئيس الروسي فلاديمير بوتين، اليوم، اتصالا".
    near = max(start, anchor - settings.call_verb_window)
    for k in range(anchor - 1, near - 1, -1):
        for label, direction in (
            ("CALL_VERB_OBJ", "object"),
            ("CALL_VERB_RECIP", "reciprocal"),
            ("CALL_VERB_SUBJ", "subject"),
            ("CALL_WEAK", "reciprocal"),
        ):
            if s.has(k, label) and not (label == "CALL_WEAK" and talks_in_place(s, k)):
                # "بحث X، خلال اتصال تلقاه من Y": the relative call verb, not the talk verb.
                return (direction == "reciprocal" and relative_call_verb(s, anchor)) or (k, direction)
    # "أجرى كل من رئيس المكتب السياسي لحماس إسماعيل هنية والأمين العام … زياد النخالة محادثات
    # هاتفية": a list of titled subjects may push a strong call verb further back, as long as
    # nothing between them is a verb of its own.
    if not any(s.verb(j) for j in range(near, anchor)):
        for k in range(near - 1, max(start, anchor - settings.call_verb_far_window) - 1, -1):
            for label, direction in FAR_CALL_VERBS:
                if s.has(k, label) and any(k < m.start < anchor for m in s.mentions):
                    return k, direction
            if s.verb(k):
                break
    # "الاتصال الهاتفي الذي أجراه X بـY": the verb follows the call noun.
    for k in range(anchor + 1, min(anchor + settings.call_verb_after, s.sentence.end)):
        if s.has(k, "CALL_VERB_SUBJ"):
            return k, "subject"
        if s.has(k, "CALL_VERB_OBJ"):
            return k, "object"
    if (
        s.doc[anchor]._.suffix in SINGULAR_OBJECT_SUFFIXES
        and anchor + 1 < s.sentence.end
        and (s.doc[anchor + 1]._.clitic.endswith(BA) or s.doc[anchor + 1].norm_ == s.words.word_with)
    ):
        return None, "subject"  # اتصاله بنتنياهو / اتصاله مع: his call to Netanyahu
    return None, None


def _counterparts(
    s: Sentence, after: int, end: int, direction: str | None, subject: list[Actor], anchor: int
) -> tuple[list[Mention], str | None]:
    """The mentions after مع / بـ / من / بين (or a direct object) following a call word."""
    settings, words = s.settings, s.words
    subject_keys = {a.key for a in subject}
    fillers = {j for j in range(anchor, end) if call_filler(s, j)} | initiative_tokens(s)
    subject_tokens = {
        j for m in s.mentions if m.actors and {a.key for a in m.actors} <= subject_keys for j in range(m.start, m.end)
    }
    for mention in s.mentions:
        if mention.start <= after or mention.start >= end:
            continue
        # "مكالمة هاتفية جرت، عصر اليوم الجمعة، بين X وY": times and commas add no distance.
        # "بين رئيس مجلس الوزراء وزير الخارجية X": an office stacked before the party's title adds nothing.
        skipped = {j for j in range(anchor + 1, mention.start) if call_filler(s, j) or s.doc[j].text in COMMAS}
        from_anchor = 1 + len(set(range(anchor + 1, mention.start)) - skipped - stacked_office(s, mention))
        between = mention.preposition == words.word_between and mention.start > anchor
        between = between and from_anchor <= settings.between_window
        if between:
            return between_chain(s, mention, end), mention.preposition  # "اتصال بين X وY" names both
        if (mention.actors and {a.key for a in mention.actors} <= subject_keys) or in_subject(s, mention, subject):
            continue  # the caller named after its verb (VSO), not the one called
        # "من رئيس إقليم كردستان العراق X": a title the gazetteer does not know carries the preposition.
        preposition, reach = titled_preposition(s, mention, direction) or (mention.preposition, mention.start)
        distance = sum(1 for j in range(max(after, anchor) + 1, reach) if j not in subject_tokens | fillers)
        # The one called stands near the call word; a بين or مع far away belongs to
        # something else ("بحث التصعيد بين إسرائيل وإيران في اتصال مع …").
        if preposition in words.talk_to_words and s.has(after, "CALL_WEAK") and distance <= settings.counterpart_window:
            return kind_filtered(chain_from(s, mention, end)), words.word_with  # "تحدث X هاتفيا إلى Y"
        if preposition in {words.word_with, words.word_from} and distance <= settings.counterpart_window:
            # "أجرى X اتصالا من Y": a من after أجرى names the one called only when it is a person
            # (not "من موسكو", where the caller spoke from).
            from_person = direction == "subject" and all(a.kind == PERSON for a in mention.actors)
            if preposition == words.word_from and direction != "object" and not from_person:
                continue
            return kind_filtered(chain_from(s, mention, end)), preposition
        if between:
            return chain_from(s, mention, end), mention.preposition
        near = distance <= settings.counterpart_near_window
        if (mention.clitic.endswith(BA) or mention.clitic == BA or preposition == BA) and near:
            return kind_filtered(chain_from(s, mention, end)), BA
        if direction == "subject" and s.has(after, "CALL_VERB") and not mention.prepositional and near:
            return kind_filtered(chain_from(s, mention, end)), None
        if mention.preposition is None and not mention.prepositional:
            continue
    return colon_listed(s, end)  # "تلقى X اتصالات من: A، وB"
