"""Thanks and warnings: "شكر بوتين أردوغان على …" (thanked), "حذر من حرب إقليمية" (warned of)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ..knowledge import PERSON
from ..model import THANKED, WARNED, Actor, Fact
from ..normalize import normalize
from .clauses import Sentence
from .lang_ar import AND, ARTICLE, COLON, COMMAS, CONJUNCTION_CLITICS, LAM, QUOTES, SINGULAR_OBJECT_SUFFIXES
from .qualifiers import framed, negated, negated_or_hypothetical, reads_as, speech_clause
from .records import Mention
from .speakers import speaks_for
from .subjects import chain_from, resolve_chain, subject_for


def read_thanks(s: Sentence) -> Iterator[Fact]:
    """Who thanked whom: the direct object, or the one after لـ / إلى (``thanks_object_prepositions``);
    with nobody named before the reason (على), the other party of the call just reported."""
    for span in s.spans("THANKS"):
        if negated_or_hypothetical(s, span.start):
            continue
        _, end = s.clause_of(span.start)
        reason = next((k for k in range(span.end, end) if s.doc[k].norm_ == s.words.word_on), end)
        agents, thanked = _coordinated_thanks(s, span, reason)
        if not agents:
            agents, thanked = _message_of_thanks(s, span, reason) or _addressed_thanks(s, span)
        agents = agents or _pronoun_subject(s, span.start) or _agents(s, span.start)
        carried = _thanked_for_own_state(s, span, reason, agents)
        if carried:
            agents, thanked = carried, agents
        thanked = thanked or _thanked(s, span, agents, reason)
        # "شكرته على دعوته", "أعرب عن شكره وتقديره على الدعوة": the call's other party.
        if not thanked and s.context.last_call and len(agents) == 1 and not _doubtful_agent(s, span, reason, agents):
            others = [a for a in s.context.last_call if a.key != agents[0].key]
            thanked = others if len(others) == 1 else []
        # "أعرب عن شكره على الدعم الذي قدمته روسيا": the one whose deed is thanked.
        thanked = thanked or _thanked(s, span, agents, end)
        for agent in speaks_for(s, agents):
            for one in thanked:
                yield s.fact(THANKED, agent, b=one)


def _coordinated_thanks(s: Sentence, span: Span, reason: int) -> tuple[list[Actor], list[Actor]]:
    """ "وأشاد أردوغان بالدعم القطري، وشكر الدوحة على مواقفها": a thanks verb joined by و to an
    earlier predicate of its sentence goes on with that predicate's subject, and the one name
    right after it is its object, not a new subject; with an object pronoun ("…، وشكره بوتين")
    the name is the subject and the pronoun the earlier subject. Empty lists when that does not hold."""
    first = s.doc[span.start]
    if span.start <= s.sentence.start or not set(str(first._.clitic)) & CONJUNCTION_CLITICS:
        return [], []
    after = [m for m in s.mentions if span.end <= m.start < reason]
    if len(after) != 1 or after[0].start != span.end or not _thanks_object(s, after[0]):
        return [], []
    verb = next((k for k in range(s.sentence.start, span.start) if s.verb(k) and not s.in_mention(k)), None)
    # A verb the lexicon does not list (واستقبل X …): the sentence's first name near its start.
    head = [m for m in s.mentions if m.start < min(span.start, s.sentence.start + s.settings.subject_head_words)]
    head = [m for m in head if not s.oblique(m)]
    prior = subject_for(s, verb) if verb is not None else resolve_chain(s, head[:1]) if head else []
    named = resolve_chain(s, [after[0]], prior)
    pronoun = _object_pronoun(s, span, span.end)
    if pronoun and after[0].prepositional:
        return [], []  # "…، وشكره للرئيس X": the noun "his thanks", its own agent
    agents, thanked = (named, prior) if pronoun else (prior, named)
    thanked = [a for a in thanked if a.key not in {b.key for b in agents}]
    return (agents, thanked) if agents and thanked else ([], [])


def _message_of_thanks(s: Sentence, span: Span, reason: int) -> tuple[list[Actor], list[Actor]] | None:
    """ "تلقى أمير قطر رسالة شكر من الرئيس الإيراني على …": the sender of a message of thanks
    (``message_nouns``), named after من, thanks its receiver, the clause subject; None when the
    thanks is no such message or names no sender and receiver."""
    k = span.start - 1
    if k < s.sentence.start or s.doc[k].norm_ not in s.words.message_nouns:
        return None
    sender = next((m for m in s.mentions if span.end <= m.start < reason and m.preposition == s.words.word_from), None)
    if sender is None:
        return None
    senders = resolve_chain(s, chain_from(s, sender, reason))
    receivers = [a for a in _agents(s, k) if a.key not in {b.key for b in senders}]
    return (senders, receivers) if senders and receivers else None


def _addressed_thanks(s: Sentence, span: Span) -> tuple[list[Actor], list[Actor]]:
    """ "عراقجي لسلطنة عمان: شكرا على جهودكم": a headline that opens with its speaker and the
    one he speaks to after لـ, then a colon before the thanks. Empty lists when not so."""
    colon = span.start - 1
    while colon > s.sentence.start and s.doc[colon].text in QUOTES:
        colon -= 1
    if colon <= s.sentence.start or s.doc[colon].text != COLON:
        return [], []
    before = [m for m in s.mentions if m.end <= colon]
    if len(before) != 2 or before[0].start != s.sentence.start or before[0].prepositional:
        return [], []
    if before[1].end != colon or not before[1].clitic.endswith(LAM) or before[1].preposition is not None:
        return [], []
    return list(before[0].actors), list(before[1].actors)


def _thanked_for_own_state(s: Sentence, span: Span, reason: int, agents: list[Actor]) -> list[Actor]:
    """ "وقد شكر لولا على تصويت البرازيل …": a person named alone right after the thanks, whose
    own state did the deed thanked for, is the one thanked; the subject goes on from the
    sentences before (``last_subject``). Empty when that does not hold."""
    if len(agents) != 1 or agents[0].kind != PERSON or not agents[0].state:
        return []
    after = [m for m in s.mentions if span.end <= m.start < reason]
    if len(after) != 1 or after[0].start != span.end or agents[0].key not in {a.key for a in after[0].actors}:
        return []
    _, end = s.clause_of(span.start)
    if not any(agents[0].state in {a.key for a in m.actors} for m in s.mentions if reason < m.start < end):
        return []
    carried = s.context.last_subject or s.context.last_speaker
    return [a for a in carried if a.key != agents[0].key]


def _pronoun_subject(s: Sentence, i: int) -> list[Actor]:
    """ "قال أردوغان إنه يشكر روسيا على …": a thanks verb right after a complementiser carrying
    its subject as a pronoun (``subject_complementisers``) is the speaker's; the name after it
    is its object."""
    if i <= s.sentence.start or s.doc[i - 1].norm_ not in s.words.subject_complementisers:
        return []
    return subject_for(s, i - 1)


def _thanked(s: Sentence, span: Span, agents: list[Actor], reason: int) -> list[Actor]:
    """The ones named as thanked after the thanks at ``span``, before token ``reason``
    (شكره للرئيس X والحكومة التركية على …: each one of a coordinated list); empty if none."""
    if s.doc[span.start]._.suffix in SINGULAR_OBJECT_SUFFIXES:
        return []  # "شكرته": the one thanked is a pronoun
    # Nobody thanks himself or his own state ("شكر بوتين البلدين" after a call with Erdogan: Turkey).
    own = {a.key for a in agents} | {a.state for a in agents if a.state}
    for mention in s.mentions:
        # The one thanked is the direct object, or after لـ / إلى; not "في ألمانيا".
        if span.end <= mention.start < reason and _thanks_object(s, mention):
            chain = _with_people(s, [m for m in chain_from(s, mention, reason) if _thanks_object(s, m)], reason)
            thanked = [a for a in resolve_chain(s, chain, agents) if a.key not in own]
            if thanked:
                return thanked
    return []


def _with_people(s: Sentence, chain: list[Mention], reason: int) -> list[Mention]:
    """ "شكره لأمير قطر وحكومة وشعب قطر": a state after و and its government or people
    (``people_nouns``) goes on the list of those thanked, before token ``reason``."""
    k = chain[-1].end if chain else reason
    for mention in s.mentions:
        if mention.start < k:
            continue
        gap = [_without_clitics(normalize(t.text)) for t in s.doc[k : mention.start]]
        if mention.start >= reason or not set(gap) & s.words.people_nouns or not _thanks_object(s, mention):
            break
        if not all(word in s.words.people_nouns or word in {AND, *COMMAS} for word in gap):
            break
        chain, k = [*chain, mention], mention.end
    return chain


def _doubtful_agent(s: Sentence, span: Span, reason: int, agents: list[Actor]) -> bool:
    """Whether the agent may be the one thanked, misread: named as the doer of the deed thanked
    for ("… شكره على ما عبر عنه الرئيس الفلسطيني"), or the only name right after a thanks verb
    with no pronoun ("وشكر X على تهنئته" may be "[he] thanked X")."""
    keys = {a.key for a in agents}
    _, end = s.clause_of(span.start)
    if any(keys & {a.key for a in m.actors} for m in s.mentions if reason < m.start < end):
        return True
    after = [m for m in s.mentions if span.end <= m.start < reason and keys & {a.key for a in m.actors}]
    return bool(after) and not _object_pronoun(s, span, after[0].start)


def _object_pronoun(s: Sentence, span: Span, agent_start: int) -> bool:
    """ "وشكره أردوغان على …": a thanks verb with an object pronoun (ه، ها), its subject right after."""
    word = s.doc[span.end - 1]
    if word._.suffix in SINGULAR_OBJECT_SUFFIXES:
        return True
    written = normalize(str(word.text))
    return agent_start == span.end and any(written.endswith(suffix) for suffix in SINGULAR_OBJECT_SUFFIXES)


def _agents(s: Sentence, i: int) -> list[Actor]:
    """The agent of the thanks or warning at ``i``. After a comma a relative clause is over:
    "يؤيد النداء الذي أصدرته فرنسا وألمانيا، معربا عن شكره لـ …" thanks in the main clause's name."""
    start, _ = s.clause_of(i)
    relative = start - 1
    if (
        relative > s.sentence.start
        and s.doc[relative].norm_ in s.words.relative_pronouns
        and any(s.doc[k].text in COMMAS for k in range(start, i))
    ):
        return subject_for(s, relative)
    return subject_for(s, i)


def _thanks_object(s: Sentence, mention: Mention) -> bool:
    """Whether a mention may be the one thanked: ungoverned, or governed by لـ / إلى."""
    if mention.preposition == s.words.word_from and mention.start >= 2:
        # "شكر X كلا من روسيا وقطر": the من of a quantified list of those thanked.
        return s.doc[mention.start - 2].norm_ in s.words.both_words
    if mention.preposition == s.words.word_in and mention.start >= 2:
        # "نشكر الأشقاء في مصر", "امتنانه للأشقاء في السعودية": the people of a state, thanked.
        return _without_clitics(normalize(s.doc[mention.start - 2].text)) in s.words.kin_nouns
    if mention.preposition is not None:
        return mention.preposition in s.words.thanks_object_prepositions  # "وجه الشكر إلى روسيا"
    return not (mention.prepositional and not mention.clitic.endswith(LAM))


def _without_clitics(word: str) -> str:
    """A normalised word without its leading و / ف and the لـ before it (وللاشقاء → الاشقاء)."""
    word = word[1:] if word[:1] in CONJUNCTION_CLITICS and len(word) > 3 else word
    if word.startswith(LAM + LAM):
        return ARTICLE + word[2:]
    return word[1:] if word.startswith(LAM) and len(word) > 3 else word


def read_warnings(s: Sentence) -> Iterator[Fact]:
    """Who warned, and of what (the first warning of the sentence that is not the writer's framing)."""
    spans = [
        t
        for t in s.spans("WARNING") + s.spans("WARNING_NOUN")
        if not framed(s, t.start)
        and not _framed_danger(s, t)
        and not _idle_concern(s, t)
        and not _caution(s, t)
        and not _danger_as_topic(s, t)
    ]
    if not spans:
        yield from _predicate_warnings(s)
        return
    span = min(spans, key=lambda t: t.start)
    if negated_or_hypothetical(s, span.start):
        return
    obj = _warning_object(s, span)
    owners = _praised_owners(s, span)
    owners = _reported_danger_speaker(s, span) if owners is None else owners
    for agent in speaks_for(s, _agents(s, span.start) if owners is None else owners):
        yield s.fact(WARNED, agent, warned_of=obj, confidence=0.7)


def _praised_owners(s: Sentence, span: Span) -> list[Actor] | None:
    """ "أشاد X بتحذير مصر من …", "ثمن X تحذيرات الرئيس Y": a warning praised or welcomed is
    its genitive's, not the praiser's (nobody's when no one is named); None when not praised."""
    start, _ = s.clause_of(span.start)
    welcome = s.words.praise_words | s.words.welcome_words
    k = span.start - 1
    while k >= start and s.in_mention(k):
        k -= 1
    if k < start or not reads_as(s, k, welcome):
        return None
    mention = next((m for m in s.mentions if m.start == span.end), None)
    if mention is None or mention.prepositional:
        return []
    return resolve_chain(s, chain_from(s, mention, s.clause_of(span.start)[1]))


def _reported_danger_speaker(s: Sentence, span: Span) -> list[Actor] | None:
    """ "وأشار X إلى أن تسليح كييف يهدد بإشعال حرب أوسع": a danger noun in a reported clause
    with no verb of the lexicon and no named subject before it is the speaker's warning, not
    the one named in the thing that brings the danger; None when that does not hold."""
    if not s.has(span.start, "WARNING_NOUN"):
        return None
    start, _ = s.clause_of(span.start)
    prior = _reporting_clause(s, start)
    if prior is None or any(s.verb(k) for k in range(start, span.start)):
        return None
    # "قال الكرملين إن "بوتين عبر عن … بتداعيات كارثية"": a clause with a named subject is its own.
    first = next((k for k in range(start, span.start) if not (s.doc[k].is_punct or s.has(k, "THAT"))), span.start)
    if any(m.start == first for m in s.mentions):
        return None
    speech = next((k for k in range(prior, start) if s.has(k, "SPEECH") or s.has(k, "STANCE")), None)
    return (subject_for(s, speech) or None) if speech is not None else None


def _framed_danger(s: Sentence, span: Span) -> bool:
    """ "…، وسط تصاعد المخاوف من انزلاق الوضع نحو مواجهة شاملة": a danger noun in the writer's
    frame (``framing_words``) however far into it, with no verb between, is nobody's warning."""
    if not s.has(span.start, "WARNING_NOUN"):
        return False
    start, _ = s.clause_of(span.start)
    for k in range(span.start - 1, start - 1, -1):
        if s.doc[k].norm_ in s.words.framing_words:
            return True
        if s.verb(k) and not s.in_mention(k):
            return False
    return False


def _danger_as_topic(s: Sentence, span: Span) -> bool:
    """ "بحثا التطورات التي تشهدها المنطقة وتداعياتها الخطيرة", "بإنهاء التداعيات الكارثية للعدوان":
    a danger noun after a discussion verb (DISCUSS) with no warning, speech or أن between, or
    right after a word of ending or containing it (``resolution_words``), is a topic, no warning;
    so is a war being waged (``waging_words``: تخوض حربا شاملة، يشن حربا مفتوحة)."""
    if not s.has(span.start, "WARNING_NOUN") or span.start <= s.sentence.start:
        return False
    # Ending, containing or waging it: the danger noun is the object right after the word.
    word = _without_clitics(str(s.doc[span.start - 1].norm_))
    if {word, word[1:]} & (s.words.resolution_words | s.words.waging_words):
        return True
    for k in range(span.start - 1, s.sentence.start - 1, -1):
        if s.has(k, "THAT") or s.has(k, "SPEECH") or s.has(k, "WARNING") or s.has(k, "WARNING_PREDICATE"):
            return False
        if s.has(k, "DISCUSS"):
            return True
    return False


def _caution(s: Sentence, span: Span) -> bool:
    """ "بأقصى قدر من الحذر", "بحذر": the verb's homograph with the article or a preposition is
    the noun "caution", a manner of acting; "تفاؤل حذر" the adjective "cautious": not a warning."""
    first = s.doc[span.start]
    if len(span) != 1 or first.norm_ not in s.words.caution_nouns:
        return False
    written = normalize(str(first.text))
    prefix = written[: len(written) - len(first.norm_)] if written.endswith(first.norm_) else ""
    if prefix.lstrip("".join(CONJUNCTION_CLITICS)):
        return True
    # "تفاؤل حذر بإمكانية …", "آمال حذرة": the adjective after a noun, with no object of a warning.
    after = s.doc[span.end] if span.end < s.sentence.end else None
    before = s.doc[span.start - 1] if span.start > s.sentence.start else None
    has_object = after is not None and after.norm_ in s.words.warning_object_openers
    after_noun = before is not None and before.is_alpha and not first._.clitic and not s.in_mention(before.i)
    return after_noun and not has_object


def _idle_concern(s: Sentence, span: Span) -> bool:
    """ "أعرب عن قلقه إزاء التصعيد الجاري": concern about what is under way is no warning;
    concern is one only with a danger to come after it (تداعيات، عواقب، خطر اتساع …)."""
    if not reads_as(s, span.start, s.words.concern_words):
        return False
    # "أعرب عن قلقه، مشيرا إلى أن لبنان لن يتعافى من حرب شاملة": a danger named later counts too.
    if any(t.start >= span.end for t in s.spans("WARNING_NOUN")):
        return False
    window = range(span.end, min(span.end + s.settings.danger_object_window, s.sentence.end))
    return not any(reads_as(s, k, s.words.danger_words) for k in window)


def _predicate_warnings(s: Sentence) -> Iterator[Fact]:
    """ "قال X إن استمرار القتال يشكل تهديدا للمنطقة", "… سيكون له عواقب وخيمة": a danger
    stated without a warning verb is the speaker's warning (not the clause subject's: what
    poses the threat does not warn); the writer's own sentence is nobody's."""
    for span in s.spans("WARNING_PREDICATE"):
        start, _ = s.clause_of(span.start)
        prior = _reporting_clause(s, start)
        if prior is None or framed(s, span.start) or negated(s, span.start):
            continue
        speech = next(k for k in range(prior, start) if s.has(k, "SPEECH") or s.has(k, "STANCE"))
        obj = f"{span.text} {_warning_object(s, span)}".strip()
        for agent in speaks_for(s, subject_for(s, speech)):
            yield s.fact(WARNED, agent, warned_of=obj, confidence=0.6)
        return


def _reporting_clause(s: Sentence, start: int) -> int | None:
    """The clause whose speech verb reports the clause at ``start``, also through an embedded
    أن-clause: "اعتبر X أن استمرار الحصار من شأنه أن ينعكس سلبا على …" (``stance_clause_hops``)."""
    for _ in range(s.settings.stance_clause_hops):
        prior = speech_clause(s, start)
        prior = _stated_clause(s, start) if prior is None else prior
        if prior is not None or start <= s.sentence.start or not s.has(start - 1, "THAT"):
            return prior
        start, _ = s.clause_of(start - 1)
    return None


def _stated_clause(s: Sentence, start: int) -> int | None:
    """ "وأكد الجانبان أن المنطقة تشهد تصعيدا يهدد بتقويض أمنها": a stance verb before the أن
    opening the clause at ``start`` states it, as a speech verb reports it."""
    if start <= s.sentence.start or not s.has(start - 1, "THAT"):
        return None
    prior, _ = s.clause_of(start - 1)
    return prior if any(s.has(k, "STANCE") and s.verb(k) for k in range(prior, start - 1)) else None


def _warning_object(s: Sentence, span: Span) -> str:
    """The danger warned of: a warning noun phrase, else the words after من."""
    nouns = s.spans("WARNING_NOUN")
    if nouns:
        # Written without the proclitic it may carry (لحرب إقليمية → حرب إقليمية).
        first = nouns[0]
        clitic = first[0]._.clitic
        text = str(first.text)
        return text[len(clitic) :] if clitic and text.startswith(clitic) else text
    _, end = s.clause_of(span.start)
    # "حذر الرئيس X، في كلمة، من …": the danger follows the first من / أن after the warning.
    opener = next((j for j in range(span.end, end) if s.doc[j].norm_ in s.words.warning_object_openers), None)
    k = span.end if opener is None else opener + 1
    words: list[str] = []
    for token in s.doc[k : min(end, k + s.settings.warning_object_words)]:
        if token.is_punct or token.is_space or token.norm_ in s.words.warning_object_stops:
            break
        words.append(str(token.text))
    return " ".join(words).strip(' ،,."')
