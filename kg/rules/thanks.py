"""Thanks: "شكر بوتين أردوغان على …" (thanked); warnings are in :mod:`kg.rules.dangers`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ..knowledge import PERSON
from ..model import THANKED, Actor, Fact
from ..normalize import normalize
from .appeal_agents import statement_issuers
from .carried import carried_from_before, feminine_verb
from .clauses import Sentence
from .lang_ar import (
    AND,
    ARTICLE,
    COLON,
    COMMAS,
    CONJUNCTION_CLITICS,
    LAM,
    QUOTES,
    SINGULAR_OBJECT_SUFFIXES,
    without_clitics,
)
from .mentions import read_mentions
from .offices import actor
from .qualifiers import negated_or_hypothetical, speech_clause
from .records import Mention
from .relation_guards import call_agents, fronted_subject
from .speakers import headline_speaker, speaks_for
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
            agents, thanked = _object_of_opening_verb(s, span, reason)
        if not agents:
            agents, thanked = (
                _message_of_thanks(s, span, reason) or _owned_thanks(s, span, reason) or _addressed_thanks(s, span)
            )
        agents = agents or _pronoun_subject(s, span.start) or headline_speaker(s, span.start)
        agents = (
            agents or nominal_headline_agent(s, span) or agents_at(s, span.start) or statement_issuers(s, span.start)
        )
        carried = _thanked_for_own_state(s, span, reason, agents)
        if carried:
            agents, thanked = carried, agents
        thanked = thanked or _thanked(s, span, agents, reason)
        # "شكرته على دعوته", "أعرب عن شكره وتقديره على الدعوة": the call's other party.
        if not thanked and s.context.last_call and len(agents) == 1 and not _doubtful_agent(s, span, reason, agents):
            others = [a for a in s.context.last_call if a.key != agents[0].key]
            thanked = others if len(others) == 1 else []
        elif not thanked and len(agents) == 1 and not _doubtful_agent(s, span, reason, agents):
            thanked = _message_sender(s, agents)
        thanked = thanked or _reporting_speaker(s, span, agents)
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
    if not after and reason == span.end and _object_pronoun(s, span, span.end):
        return _pronoun_thanked(s, span)
    if len(after) != 1 or after[0].start != span.end or not _thanks_object(s, after[0]):
        return [], []
    prior = _earlier_subject(s, span)
    named = resolve_chain(s, [after[0]], prior)
    pronoun = _object_pronoun(s, span, span.end)
    if pronoun and after[0].prepositional:
        return [], []  # "…، وشكره للرئيس X": the noun "his thanks", its own agent
    agents, thanked = (named, prior) if pronoun else (prior, named)
    thanked = [a for a in thanked if a.key not in {b.key for b in agents}]
    return (agents, thanked) if agents and thanked else ([], [])


def _object_of_opening_verb(s: Sentence, span: Span, reason: int) -> tuple[list[Actor], list[Actor]]:
    """ "وصل بوتين إلى أنقرة. وشكر نظيره التركي على …", "أصدرت قطر بيانا. وشكرت المستشار الألماني X
    على …": a thanks verb opening its sentence with one name right after it that cannot be its
    subject — a counterpart (نظيره), a people or government (الشعب البرازيلي), or a person after a
    feminine verb — thanks that one in the name of the subject carried from before. Empty lists
    when not so."""
    first = s.doc[span.start]
    if len(span) != 1 or not s.verb(span.start) or any(m.start < span.start for m in s.mentions):
        return [], []
    if any(not (t.is_punct or t.is_space) for t in s.doc[s.sentence.start : span.start]):
        return [], []
    after = [m for m in s.mentions if span.end <= m.start < reason]
    # "وشكر كلا من مصر وقطر": a quantified list after من is the object.
    listed = bool(after) and after[0].preposition == s.words.word_from and _thanks_object(s, after[0])
    if not listed and (not after or after[0].start != span.end or not _thanks_object(s, after[0])):
        return [], []
    if first._.suffix:
        return [], []
    head = without_clitics(normalize(s.doc[span.end].text))
    others = listed or s.has(span.end, "COUNTERPART") or head.removeprefix(ARTICLE) in s.words.people_nouns
    if not others and not (feminine_verb(s, span.start) and all(a.kind == PERSON for a in after[0].actors)):
        return [], []
    thanked = resolve_chain(s, chain_from(s, after[0], reason))
    agents = carried_from_before(s, span.start) or list(s.context.last_subject)
    agents = [a for a in agents if a.key not in {b.key for b in thanked}]
    return (agents, thanked) if agents and thanked else ([], [])


def _earlier_subject(s: Sentence, span: Span) -> list[Actor]:
    """The subject of the first predicate of the sentence, before the thanks at ``span``."""
    verb = next((k for k in range(s.sentence.start, span.start) if s.verb(k) and not s.in_mention(k)), None)
    # A verb the lexicon does not list (واستقبل X …): the sentence's first name near its start.
    head = [m for m in s.mentions if m.start < min(span.start, s.sentence.start + s.settings.subject_head_words)]
    head = [m for m in head if not s.oblique(m)]
    return subject_for(s, verb) if verb is not None else resolve_chain(s, head[:1]) if head else []


def _pronoun_thanked(s: Sentence, span: Span) -> tuple[list[Actor], list[Actor]]:
    """ "وثمن X جهود سلطنة عمان وشكرها على وساطتها": a thanks verb joined by و with an object
    pronoun and its reason right after it thanks the last one named before it, in the name of
    the earlier predicate's subject. Empty lists when that does not hold."""
    prior = _earlier_subject(s, span)
    own = {a.key for a in prior} | {a.state for a in prior if a.state}
    named = [m for m in s.mentions if m.end <= span.start and {a.key for a in m.actors} - own]
    thanked = [a for a in named[-1].actors if a.key not in own] if named else []
    return (prior, thanked) if prior and thanked else ([], [])


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
    receivers = [a for a in agents_at(s, k) if a.key not in {b.key for b in senders}]
    return (senders, receivers) if senders and receivers else None


def _owned_thanks(s: Sentence, span: Span, reason: int) -> tuple[list[Actor], list[Actor]] | None:
    """ "تلقى أمير قطر شكر الرئيس الإيراني على …", "نقل الوزير شكر ولي العهد إلى الرئيس الفرنسي",
    "رد بوتين على شكر أردوغان": the thanks noun as the object of a verb (or after على), its owner
    named right after it, thanks the one named after لـ / إلى, else the clause subject. None when
    the thanks is a verb ("الرئيس أردوغان شكر بوتين") or names no owner."""
    first = s.doc[span.start]
    if len(span) != 1 or first._.clitic or first._.suffix:
        return None
    owner = next((m for m in s.mentions if m.start == span.end and not m.prepositional), None)
    before = next((m for m in s.mentions if m.end == span.start), None)
    k = span.start - 1 if before is None else before.start - 1
    if owner is None or k < s.sentence.start:
        return None
    if not (s.verb(k) or s.has(k, "CLAUSE_VERB") or s.doc[k].norm_ == s.words.word_on):
        return None
    owners = resolve_chain(s, [owner])
    told = [m for m in s.mentions if owner.end <= m.start < reason and m.prepositional and _thanks_object(s, m)]
    thanked = resolve_chain(s, chain_from(s, told[0], reason)) if told else agents_at(s, span.start)
    thanked = [a for a in thanked if a.key not in {b.key for b in owners}]
    return (owners, thanked) if owners and thanked else None


def _message_sender(s: Sentence, agents: list[Actor]) -> list[Actor]:
    """ "تسلم X رسالة خطية من أخيه Y تتضمن دعوة … . وأعرب جلالته عن شكره على هذه الدعوة": with no
    call reported, thanks that names nobody goes to the sender of a message received in the
    sentences just before (``message_thanks_sentences``); empty when there is none."""
    starts = [t.i for t in s.doc[: s.sentence.start] if t.is_sent_start and not t.is_space]
    earliest = starts[-min(len(starts), s.settings.message_thanks_sentences)] if starts else s.sentence.start
    own = {a.key for a in agents} | {a.state for a in agents if a.state}
    for mention in reversed(read_mentions(s.doc)):
        if not earliest <= mention.start < s.sentence.start or mention.preposition != s.words.word_from:
            continue
        before = range(max(0, mention.start - 1 - s.settings.message_sender_words), mention.start)
        if any(s.doc[k].norm_ in s.words.message_nouns for k in before):
            return [a for a in mention.actors if a.key not in own]
    return []


def _reporting_speaker(s: Sentence, span: Span, agents: list[Actor]) -> list[Actor]:
    """ "وقال أردوغان إن بوتين شكره على جهوده": a thanks verb with an object pronoun in a reported
    clause thanks the speaker who reports it (not the thanker's own state); empty when not so."""
    start, _ = s.clause_of(span.start)
    prior = speech_clause(s, start) if s.object_pronoun(span.end - 1) else None
    speech = None if prior is None else next((k for k in range(prior, start) if s.has(k, "SPEECH")), None)
    if speech is None:
        return []
    own = {a.key for a in agents} | {a.state for a in agents if a.state}
    return [a for a in subject_for(s, speech) if a.key not in own]


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
        gap = [without_clitics(normalize(t.text)) for t in s.doc[k : mention.start]]
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


def nominal_headline_agent(s: Sentence, span: Span) -> list[Actor]:
    """ "شكر إماراتي للسعودية على …", "تحذير مصري من …": a thanks or warning noun opening a verbless
    headline with a nationality adjective right after it is that state's (or body's); empty otherwise."""
    first = s.doc[span.start]
    if span.start != s.sentence.start or len(span) != 1 or first._.clitic or span.end >= s.sentence.end:
        return []
    written = normalize(str(s.doc[span.end].text))
    key = s.rules.knowledge.adjectives.get(written) if not written.startswith(ARTICLE) else None
    return [actor(s.rules, key)] if key else []


def agents_at(s: Sentence, i: int) -> list[Actor]:
    """The agent of the thanks or warning at ``i``. After a comma a relative clause is over:
    "يؤيد النداء الذي أصدرته فرنسا وألمانيا، معربا عن شكره لـ …" thanks in the main clause's name,
    and a verb there with its subject right after it is the main clause's own ("وبعد جولته التي
    شملت مصر، حذر الوزير X من …")."""
    fronted = call_agents(s, i) or fronted_subject(s, i)
    if fronted:
        return fronted
    start, _ = s.clause_of(i)
    relative = start - 1
    if (
        relative > s.sentence.start
        and s.doc[relative].norm_ in s.words.relative_pronouns
        and any(s.doc[k].text in COMMAS for k in range(start, i))
    ):
        subject = next((m for m in s.mentions if m.start == i + 1 and not m.prepositional), None)
        if subject is not None and s.verb(i):
            return resolve_chain(s, chain_from(s, subject, s.sentence.end))
        return subject_for(s, relative)
    return subject_for(s, i)


def _thanks_object(s: Sentence, mention: Mention) -> bool:
    """Whether a mention may be the one thanked: ungoverned, or governed by لـ / إلى."""
    if mention.preposition == s.words.word_from and mention.start >= 2:
        # "شكر X كلا من روسيا وقطر": the من of a quantified list of those thanked.
        return s.doc[mention.start - 2].norm_ in s.words.both_words
    if mention.preposition == s.words.word_in and mention.start >= 2:
        # "نشكر الأشقاء في مصر", "امتنانه للأشقاء في السعودية": the people of a state, thanked.
        return without_clitics(normalize(s.doc[mention.start - 2].text)) in s.words.kin_nouns
    if mention.preposition is not None:
        return mention.preposition in s.words.thanks_object_prepositions  # "وجه الشكر إلى روسيا"
    return not (mention.prepositional and not mention.clitic.endswith(LAM))
