"""Offers and roles of mediation (offeredMediation, ANNOTATION.md): "أبدى استعداده للوساطة"
(an offer), "الوساطة القطرية", "بوساطة ترامب", "الوساطة التي تقودها مصر" (a mediator named with
the noun), "جهود الوساطة المشتركة" (the parties of the call mediating together), "استعداد بلاده
للقيام بدور بناء في تسوية الأزمة" (a role in ending a conflict)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span

from ..knowledge import STATE
from ..model import OFFERED_MEDIATION, Actor, Fact
from .appeals import stance_before
from .clauses import Sentence
from .efforts_owners import own_state_speakers, owner_of, relative_owner
from .lang_ar import COMMAS, KAF, OBJECT_PRONOUNS, OPENING_BRACKETS, QUOTES
from .mediation_forms import (
    AID_TOPIC,
    appreciated,
    efforts_between,
    good_offices,
    listed_before,
    meeting_of_others,
    sent_to_mediate,
    sponsors,
    thanked_mediators,
    unmarked_hosts,
    unmarked_relative_mediators,
)
from .named_goals import goal_spans
from .offices import actor
from .owners import nisba_states
from .qualifiers import negated_or_hypothetical, reads_as, rejected
from .relation_guards import (
    appeal_for_mediation,
    apposed_mediators,
    call_agents,
    fronted_subject,
    governed_by,
    negated_through_subject,
)
from .speakers import speaks_for
from .subjects import chain_from, resolve_chain, subject_for

#: What gives a mediation word its agent: an offer or readiness (استعداد، عرض), or any stance.
MEDIATION_STANCES = ("MEDIATION_STANCE", "STANCE")


def read_mediation(s: Sentence) -> Iterator[Fact]:
    """Who offered to mediate, or mediates (الوساطة القطرية), or plays a role in ending a conflict."""
    spans: list[tuple[int, int, tuple[str, ...]]] = [(t.start, t.end, MEDIATION_STANCES) for t in s.spans("MEDIATION")]
    # "دعا الصين إلى لعب دور في إنهاء الحرب" is nobody's offer: a role needs readiness or an offer.
    spans += [(start, end, ("MEDIATION_STANCE",)) for start, end in _role_spans(s)]
    for start, end, stances in spans:
        if negated_or_hypothetical(s, start, commitment=True) or _denied(s, start) or negated_through_subject(s, start):
            continue
        mediators, after = _mediators(s, s.doc[start:end], stances)
        mediators += _co_mediators(s, after, mediators)
        parties = mediation_parties(s, after, mediators)
        for mediator in speaks_for(s, mediators):
            yield s.fact(OFFERED_MEDIATION, mediator, parties=parties, confidence=0.7)
    for start, named in [*sponsors(s), *good_offices(s), *efforts_between(s)]:
        if not negated_or_hypothetical(s, start) and not _denied(s, start):
            for mediator in named:
                yield s.fact(
                    OFFERED_MEDIATION, mediator, parties=mediation_parties(s, start + 1, named), confidence=0.7
                )
    for start, after, hosts in _hosts(s):
        if not negated_or_hypothetical(s, start):
            parties = mediation_parties(s, after, hosts)
            for host in hosts:
                yield s.fact(OFFERED_MEDIATION, host, parties=parties, confidence=0.7)


def _mediators(s: Sentence, span: Span, stances: tuple[str, ...]) -> tuple[list[Actor], int]:
    """Who mediates by the mediation words of ``span``, and where the words naming them end,
    in the order the rules try: the states of nationality adjectives after it, its genitive,
    a relative clause on it, those who mediate jointly, the owner of a role or efforts noun
    before it, the agent of an offer (one of ``stances``)."""
    if stances != MEDIATION_STANCES and _asked_for(s, span.start):
        return [], span.end
    states = nisba_states(s, span.end)
    if states:
        # "الوساطة القطرية", "عبر وسطاء عمانيين"; "كتب ترامب: «… بوساطة أمريكية»" is the speaker's.
        mediators = [actor(s.rules, state) for state in states]
        if _appreciation_before(s, span.start):
            return mediators, span.end + len(states)  # "أعرب ماكرون عن تقديره للدور المصري": Egypt's
        return own_state_speakers(s, span.start, mediators) or mediators, span.end + len(states)
    # "بوساطة ترامب", "أشاد بوساطة الرئيس التركي X": the mediator is the genitive, not the praiser.
    owners = genitive_mediators(s, span) or apposed_mediators(s, span) or _relative_mediators(s, span)
    owners = owners or _joint_mediators(s, span)
    # "شكر X السعودية على وساطتها": the one thanked for it.
    owners = owners or thanked_mediators(s, span.start)
    if owners:
        return owners, span.end
    if _in_capacity(s, span):
        # "تعمل قطر كوسيط بين …", "شاركت مصر في المحادثات بصفتها وسيطا": the one named last
        # before it in its clause (قبول تركيا كوسيط: Turkey), else the clause's subject.
        start, _ = s.clause_of(span.start)
        before = [m for m in s.mentions if start <= m.start < m.end <= span.start and not m.prepositional and m.actors]
        capable = listed_before(s, before, span.start) if before else subject_for(s, span.start)
        # "قال أردوغان إن تركيا مستعدة للعمل كوسيط": the speaker of his own state.
        return own_state_speakers(s, span.start, capable) or capable, span.end
    if s.doc[span.start].norm_ in s.words.mediating_verbs:
        # "وكانت السعودية قد توسطت في …", "قالت قطر، التي تتوسط …": the verb's subject before it.
        return subject_for(s, span.start), span.end
    if stances != MEDIATION_STANCES:
        # A role (no mediation word): "الدور المحوري لمصر في التوصل إلى وقف إطلاق النار".
        owners = owner_of(s, span.start, s.sentence.end) or _role_players(s, span.start)
        if owners:
            return owners, span.end
    stance = stance_before(s, span.start, stances)
    if stance is None:  # "وصل X إلى الدوحة للتوسط": the traveller
        return sent_to_mediate(s, span.start) or _pronoun_owner(s, span), span.end
    if negated_or_hypothetical(s, stance, commitment=True) or rejected(s, stance) or appeal_for_mediation(s, stance):
        return [], span.end
    if len(span) == 1 and span[0].norm_ in s.words.mediator_nouns and not s.has(stance, "MEDIATION_STANCE"):
        return [], span.end  # "دعت الجامعة العربية الوسطاء إلى …": the mediators are addressed
    owner = owner_of(s, stance, s.sentence.end)
    if owner:
        return owner, span.end
    if _praised(s, stance):
        # "رحب X بعرض قطر للوساطة", "أشاد باستعداد الصين للتوسط": the offer's genitive offers;
        # "أشاد X بجهود الوساطة": whoever praises mediation nobody is named for does not mediate.
        welcome = s.words.praise_words | s.words.welcome_words
        if s.verb(stance) or reads_as(s, stance, welcome):
            return [], span.end  # "ثمن X الوساطة": the praise is the stance, X its subject
        return genitive_mediators(s, s.doc[stance : stance + 1]), span.end
    agents = call_agents(s, stance) or fronted_subject(s, stance) or subject_for(s, stance)
    return ([] if _asked_of_another(s, stance, span.start, agents) else agents), span.end


def _pronoun_owner(s: Sentence, span: Span) -> list[Actor]:
    """ "أعلنت دولة قطر نجاح وساطتها": a mediation noun with a pronoun suffix and no stance is
    its clause subject's, unless thanks, praise or a rejection before it points to another."""
    if not s.doc[span.start].text.endswith(OBJECT_PRONOUNS) or _appreciation_before(s, span.start):
        return []
    return [] if rejected(s, span.start) else subject_for(s, span.start)


def _appreciation_before(s: Sentence, k: int) -> bool:
    """Whether a word of thanks, praise or gratitude stands before ``k`` in its clause."""
    return any(appreciated(s, j) for j in range(s.clause_of(k)[0], k))


def _denied(s: Sentence, start: int) -> bool:
    """ "نفت الخارجية المصرية وجود أي وساطة مصرية": a denial word before the mediation words in
    their clause, with no other verb between."""
    for k in range(start - 1, s.clause_of(start)[0] - 1, -1):
        if s.has(k, "DENIAL"):
            return True
        if s.verb(k) and not s.in_mention(k):
            return False
    return False


def _co_mediators(s: Sentence, after: int, mediators: list[Actor]) -> list[Actor]:
    """ "تتوسط قطر إلى جانب مصر والولايات المتحدة", "وساطة بالشراكة مع …": those named right after a
    word of acting alongside (``co_mediation_words``) just after the mediation words mediate too."""
    if not mediators:
        return []
    _, end = s.clause_of(after - 1)
    k = next((j for j in range(after, min(after + 2, end)) if s.doc[j].norm_ in s.words.co_mediation_words), None)
    if k is None:
        return []
    mention = next((m for m in s.mentions if k < m.start <= k + 2 and m.start < end), None)
    if mention is None:
        return []
    keys = {a.key for a in mediators}
    return [a for a in resolve_chain(s, chain_from(s, mention, end)) if a.key not in keys]


def _role_players(s: Sentence, role: int) -> list[Actor]:
    """ "تلعب مصر دورا محوريا في إنهاء الحرب": the subject of a verb of playing a role
    (``role_verbs``) whose object the role is, in its clause."""
    start, end = s.clause_of(role)
    verb = next((k for k in range(role - 1, start - 1, -1) if reads_as(s, k, s.words.role_verbs)), None)
    if verb is None or negated_or_hypothetical(s, verb, commitment=True):
        return []
    if any(reads_as(s, k, s.words.capability_words) for k in range(max(start, verb - 3), verb)):
        return []  # "الدولة الوحيدة القادرة على لعب دور فعال في …": able to, not playing it
    # "تلعب مصر دورا في المفاوضات مع إسرائيل": a role in its own talks with someone is a party's.
    reach = range(role + 1, min(role + 1 + s.settings.mediation_role_window, end))
    if any(s.doc[k].norm_ == s.words.word_with for k in reach):
        return []
    return subject_for(s, verb)


def _asked_of_another(s: Sentence, stance: int, start: int, agents: list[Actor]) -> bool:
    """ "دعا أردوغان الصين إلى لعب دور في إنهاء الحرب": an appeal (no offer word) to someone
    named between it and the mediation words asks that one to mediate; nobody offers."""
    if s.has(stance, "MEDIATION_STANCE"):
        return False
    keys = {a.key for a in agents}
    # "طلب ترامب من أمير قطر التوسط": the one asked may follow من.
    return any(
        (not m.prepositional or m.preposition == s.words.word_from) and not keys & {a.key for a in m.actors}
        for m in s.mentions
        if stance < m.start < start
    )


def _asked_for(s: Sentence, role: int) -> bool:
    """ "دعا إلى دور أكبر للأمم المتحدة في حل الأزمة": an appeal for a role, not its report
    (praise: أشاد بالدور المصري) nor an offer (استعداده للقيام بدور)."""
    appeal = stance_before(s, role)
    return appeal is not None and not s.has(appeal, "MEDIATION_STANCE") and not _praised(s, appeal)


def _in_capacity(s: Sentence, span: Span) -> bool:
    """Whether a mediator noun states the capacity its clause's subject acts in: with the
    proclitic ك (كوسيط) or after بصفتها / بوصفه (``capacity_words``)."""
    first = s.doc[span.start]
    if first.norm_ not in s.words.mediator_nouns:
        return False
    if KAF in str(first._.clitic):
        return True
    k = span.start - 1
    if k < s.sentence.start:
        return False
    word = s.doc[k].norm_  # "كطرف وسيط", "كدولة وسيطة": ك split off by the normaliser or not
    glued = word.startswith(KAF) and word[len(KAF) :] in s.words.capacity_heads
    if glued or (KAF in str(s.doc[k]._.clitic) and word in s.words.capacity_heads):
        return True
    # "وتعمل تركيا وسيطا": the subject may stand between the verb and the noun.
    before = next((m for m in s.mentions if m.end == span.start and not m.prepositional), None)
    k = before.start - 1 if before is not None and before.start > s.sentence.start else k
    return s.doc[k].norm_ in s.words.capacity_words


def _praised(s: Sentence, stance: int) -> bool:
    """Whether a praise or welcome word (ثمن، أشاد، رحب) governs the stance at ``stance``."""
    start, _ = s.clause_of(stance)
    # "رحبت X بالمحادثات، مؤكدة استمرار مساعيها الحميدة": a participle after a comma is its own.
    start = max((k + 1 for k in range(start, stance) if s.doc[k].text in COMMAS), default=start)
    welcome = s.words.praise_words | s.words.welcome_words
    return any(reads_as(s, k, welcome) for k in range(start, stance + 1)) or governed_by(s, stance, welcome)


def genitive_mediators(s: Sentence, span: Span) -> list[Actor]:
    """The actors named right after a one-word mediation noun as its genitive (وساطة مصر وقطر), or
    in brackets after it (الوسطاء (مصر وقطر والولايات المتحدة))."""
    if len(span) != 1 or span.end >= s.sentence.end:
        return []
    first = span.end + 1 if s.doc[span.end].text in OPENING_BRACKETS else span.end
    # "بوساطة من سلطنة عمان", "الوسطاء من مصر وقطر", "الوسطاء في مصر": the mediator after من or في.
    by_from = first < s.sentence.end and s.doc[first].norm_ in {s.words.word_from, s.words.word_in}
    mention = next((m for m in s.mentions if m.start == first + by_from), None)
    if mention is None or (mention.prepositional and not by_from) or mention.kind == "group":
        return []
    return resolve_chain(s, chain_from(s, mention, s.clause_of(span.start)[1]))


def _relative_mediators(s: Sentence, span: Span) -> list[Actor]:
    """ "الوساطة التي تقودها مصر", "الوساطة التي يقوم بها أمير قطر": the subject of a relative
    clause right after the mediation noun."""
    k = span.end
    if k < s.sentence.end and s.doc[k].norm_ in s.words.relative_pronouns:
        return relative_owner(s, k)
    return unmarked_relative_mediators(s, k)  # "بعد وساطة قادتها سلطنة عمان"


def _joint_mediators(s: Sentence, span: Span) -> list[Actor]:
    """ "جهود الوساطة المشتركة بين مصر وقطر": those named after بين; with nobody named, the
    states of the parties of the call just reported (its two sides mediating together)."""
    k = span.end
    if k >= s.sentence.end or s.doc[k].norm_ not in s.words.joint_words:
        return []
    _, end = s.clause_of(k)
    mention = next((m for m in s.mentions if k < m.start < end), None)
    if mention is not None and mention.preposition == s.words.word_between:
        return resolve_chain(s, chain_from(s, mention, end))
    if mention is not None or not s.context.last_call:
        return []
    states: dict[str, Actor] = {}
    for party in s.context.call_parties():
        key = party.key if party.kind == STATE else party.state
        if key:
            states.setdefault(key, actor(s.rules, key))
    return list(states.values()) if len(states) > 1 else []


def _role_spans(s: Sentence) -> list[tuple[int, int]]:
    """A role or help noun (دور، المساعدة) with a goal or a word of ending a conflict after it,
    a few words on ("دورا بناء في تسوية الأزمة", "الدور المحوري لمصر في التوصل إلى وقف إطلاق
    النار"): a role in ending it, which is mediating (ANNOTATION.md: المساعدة في إنهاء
    المواجهة); a hosting noun with talks after it (استضافة جولة جديدة من المفاوضات)."""
    goals = {span.start for span, topic in goal_spans(s) if topic != AID_TOPIC}
    roles = s.words.role_nouns | s.words.help_nouns
    found: list[tuple[int, int]] = []
    for k in range(s.sentence.start, s.sentence.end):
        if s.has(k, "MEDIATION"):
            continue
        if reads_as(s, k, roles):
            ends = _words_after(
                s, k, lambda j: j in goals or reads_as(s, j, s.words.resolution_words) or _talks_between(s, j)
            )
        elif reads_as(s, k, s.words.hosting_nouns):
            ends = _words_after(s, k, lambda j: reads_as(s, j, s.words.talks_nouns))
        else:
            continue
        if ends:
            found.append((k, k + 1))
    return found


def _talks_between(s: Sentence, j: int) -> bool:
    """ "دورا محوريا في المفاوضات الجارية بين إسرائيل وحماس": talks between others, the word بين
    within ``talks_between_window`` words after the talks noun at ``j`` (a party's own talks,
    المفاوضات مع …, are none)."""
    if not reads_as(s, j, s.words.talks_nouns):
        return False
    reach = range(j + 1, min(j + 1 + s.settings.talks_between_window, s.sentence.end))
    return any(s.doc[x].norm_ == s.words.word_between for x in reach)


def _words_after(s: Sentence, k: int, ends: Callable[[int], bool]) -> bool:
    """Whether a word that ``ends`` the phrase of the noun at ``k`` follows within
    ``mediation_role_window`` words, before a punctuation mark, mediation word or verb; a quote
    mark around the goal is no break (استعداد بلاده للمساعدة في "خفض التصعيد" بين …)."""
    words, relative = 0, False
    for j in range(k + 1, s.sentence.end):
        if ends(j):
            return True
        if s.doc[j].text in QUOTES:
            continue
        # "الدور الذي تضطلع به مصر في إنهاء …": the verb of a relative clause on the role.
        relative = relative or s.doc[j].norm_ in s.words.relative_pronouns
        verb = s.verb(j) and not s.in_mention(j) and not relative
        if s.doc[j].is_punct or s.has(j, "MEDIATION") or verb:
            return False
        words += not s.in_mention(j)
        if words > s.settings.mediation_role_window:
            return False
    return False


def _hosts(s: Sentence) -> Iterator[tuple[int, int, list[Actor]]]:
    """Who hosts talks, by a hosting verb (ANNOTATION.md: احتضان/استضافة المفاوضات): its
    subject ("تستضيف قطر المفاوضات بين …"), or the subject of a relative clause on the talks
    ("المحادثات التي تستضيفها سلطنة عمان"); with where the talks noun ends. Hosting a guest
    ("استضاف X نظيره Y لإجراء محادثات") or one's own talks (المحادثات … مع) is no mediation."""
    for k in range(s.sentence.start, s.sentence.end):
        if s.in_mention(k) or not reads_as(s, k, s.words.hosting_verbs):
            continue
        unmarked = unmarked_hosts(s, k)  # "جولة مفاوضات استضافتها الدوحة"
        if unmarked and not _own_talks(s, k):
            yield k, k + 1, unmarked
        relative = k - 1
        if relative > s.sentence.start and s.doc[relative].norm_ in s.words.relative_pronouns:
            before = range(max(s.sentence.start, relative - s.settings.goal_relative_gap - 2), relative)
            # "المحادثات التي تستضيفها عمان", "الاتفاق الذي رعته الولايات المتحدة"
            hosted = s.words.talks_nouns | s.words.agreement_nouns
            hosts = relative_owner(s, relative) if any(reads_as(s, j, hosted) for j in before) else []
            if hosts and not _own_talks(s, k):
                yield k, k + 1, hosts
            continue
        after = [m for m in s.mentions if m.start > k and not m.prepositional]
        reach = range(k + 1, min(s.sentence.end, k + s.settings.mediation_role_window + 2))
        talks_at = next((j for j in reach if reads_as(s, j, s.words.talks_nouns) or meeting_of_others(s, j)), None)
        if talks_at is None or any(s.doc[j].is_punct for j in range(k + 1, talks_at)):
            continue
        # Only the subject may stand between the verb and the talks: a second name is a guest
        # ("العاصمة العمانية مسقط" names one).
        between = {frozenset(a.key for a in m.actors) or m.start for m in after if m.start < talks_at}
        if len(between) <= 1 and not _own_talks(s, talks_at):
            yield k, talks_at + 1, subject_for(s, k)


def _own_talks(s: Sentence, k: int) -> bool:
    """ "المحادثات التي استضافها أردوغان مع بوتين": a مع after the host makes the talks his own."""
    _, end = s.clause_of(k)
    return any(s.doc[j].norm_ == s.words.word_with for j in range(k + 1, min(end, k + s.settings.own_talks_window + 3)))


def mediation_parties(s: Sentence, after: int, mediators: list[Actor]) -> tuple[Actor, ...]:
    """Whom an offer would mediate between: "للوساطة بين روسيا وأوكرانيا" names them; else the
    other party of the call just reported, when the mediator was on it (the offer was made to it)."""
    mine = {a.key for a in mediators}
    end = s.clause_of(after - 1)[1] if after > s.start else s.end
    for mention in s.mentions:
        if mention.start < after or mention.start >= end:
            continue
        if mention.preposition == s.words.word_between and mention.start - after <= s.settings.between_window:
            return tuple(a for a in resolve_chain(s, chain_from(s, mention, end)) if a.key not in mine)
        break  # the parties follow the mediation word: "الوساطة بين …"
    if len(mediators) != 1:
        return ()
    # The calls just reported that the mediator was on: the other party, or the one of them
    # this sentence names ("أكد بوتين لنتنياهو استعداد روسيا للمساعدة") when it spoke with several.
    calls = s.context.last_calls or ([s.context.last_call] if s.context.last_call else [])
    others = {a.key: a for pair in calls if mine & {a.key for a in pair} for a in pair if a.key not in mine}
    named = {a.key for m in s.mentions for a in m.actors}
    here = [a for key, a in others.items() if key in named]
    if len(here) == 1:
        return (here[0],)
    return tuple(others.values()) if len(others) == 1 else ()
