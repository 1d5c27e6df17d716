"""Ways outlets name a mediator that the mediation words alone do not carry (offeredMediation,
ANNOTATION.md): sponsorship of an agreement or talks ("وقع الطرفان الاتفاق برعاية قطرية"), good
offices with the mediator between the noun and its adjective ("مساعي سلطنة عمان الحميدة"), a
relative clause with no relative pronoun ("بعد وساطة قادتها سلطنة عمان"، "جولة مفاوضات
استضافتها الدوحة"), the one thanked or
praised for mediating ("شكر X السعودية على وساطتها"), and mediators listed before a dual or
plural capacity ("بدور قطر ومصر كوسيطين"), efforts for a goal between others ("تبذل قطر جهودا
للتوصل إلى وقف لإطلاق النار بين إسرائيل وحماس")."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Actor
from .clauses import Sentence
from .efforts_owners import owner_of
from .lang_ar import BA, DUAL_CONSTRUCT_ENDING, LAM, PRONOUN_ENDINGS
from .named_goals import goal_spans
from .offices import actor
from .owners import nisba_states
from .qualifiers import negated_or_hypothetical, reads_as
from .records import Mention
from .stances import words_back
from .subjects import chain_from, resolve_chain, subject_for

#: A goal a role may be in without ending a conflict: "دور الأمم المتحدة في إيصال المساعدات".
AID_TOPIC = "HumanitarianAid"


def named_after(s: Sentence, k: int, limit: int) -> list[Actor]:
    """The mediators named at ``k``: nisba adjectives (قطرية، المصرية والقطرية), or a name, also
    after من ("بوساطة من الإمارات والسعودية"), with those coordinated with it."""
    states = nisba_states(s, k)
    if states:
        return [actor(s.rules, state) for state in states]
    if k < s.sentence.end and s.doc[k].norm_ == s.words.word_from:
        k += 1
    mention = next((m for m in s.mentions if m.start == k), None)
    if mention is None or mention.kind == "group" or not _plain_or_from(s, mention):
        return []
    return resolve_chain(s, chain_from(s, mention, limit))


def _plain_or_from(s: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is governed by no preposition, or only by من."""
    return not mention.prepositional or mention.preposition == s.words.word_from


def unmarked_relative_mediators(s: Sentence, end: int) -> list[Actor]:
    """ "بعد وساطة قادتها سلطنة عمان": an indefinite mediation noun ending at ``end`` with a
    relative clause and no relative pronoun, its verb carrying the noun's pronoun; its subject."""
    if end + 1 >= s.sentence.end or not s.has(end, "MEDIATION_STANCE"):
        return []
    if not s.doc[end].text.endswith(PRONOUN_ENDINGS):
        return []
    mention = next((m for m in s.mentions if m.start == end + 1), None)
    if mention is None or mention.prepositional:
        return []
    return resolve_chain(s, chain_from(s, mention, s.clause_of(end)[1]))


def unmarked_hosts(s: Sentence, k: int) -> list[Actor]:
    """ "على هامش جولة مفاوضات استضافتها الدوحة": an indefinite talks noun right before the
    hosting verb at ``k``, which carries its pronoun, with no relative pronoun; the subject
    named right after the verb hosts them."""
    if k <= s.sentence.start or not s.doc[k].text.endswith(PRONOUN_ENDINGS):
        return []
    if not reads_as(s, k - 1, s.words.talks_nouns):
        return []
    mention = next((m for m in s.mentions if m.start == k + 1), None)
    if mention is None or mention.prepositional or mention.kind == "group":
        return []
    return resolve_chain(s, chain_from(s, mention, s.clause_of(k)[1]))


def sent_to_mediate(s: Sentence, k: int) -> list[Actor]:
    """ "وصل المبعوث الأمريكي إلى الدوحة للتوسط في صفقة …", "أوفد X مبعوثه للوساطة بين …": a
    mediation word with the ل of purpose after a verb of travelling or sending (``travel_words``,
    ``sending_verbs``) up to ``travel_purpose_window`` words back in its clause, no stance before
    it; that verb's subject goes to mediate (eval/DECISIONS.md)."""
    if not (str(s.doc[k]._.clitic) or s.doc[k].norm_[:1]).endswith(LAM):  # للتوسط is listed whole
        return []
    journeys = s.words.travel_words | s.words.sending_verbs
    back = words_back(s, k, s.clause_of(k)[0], s.settings.travel_purpose_window)
    verb = next((j for j in back if reads_as(s, j, journeys)), None)
    return [] if verb is None or negated_or_hypothetical(s, verb) else subject_for(s, verb)


def meeting_of_others(s: Sentence, j: int) -> bool:
    """ "استضافت السعودية اجتماعا لوفدي الجيش والدعم السريع", "لقاء بين وزيري خارجية X وY": a
    meeting noun (``meeting_nouns``) of two others, a dual construct with ل right after it or بين
    within ``talks_between_window`` words; hosted, it is talks between them."""
    if not reads_as(s, j, s.words.meeting_nouns) or j + 1 >= s.sentence.end:
        return False
    after = s.doc[j + 1]
    if (str(after._.clitic) or after.norm_[:1]).endswith(LAM) and after.norm_.endswith(DUAL_CONSTRUCT_ENDING):
        return True
    reach = range(j + 1, min(j + 1 + s.settings.talks_between_window, s.sentence.end))
    return any(s.doc[x].norm_ == s.words.word_between for x in reach)


def sponsors(s: Sentence) -> Iterator[tuple[int, list[Actor]]]:
    """ "اتفاق سلام برعاية قطرية", "أبرم الجانبان الاتفاق برعاية المملكة العربية السعودية": a
    sponsorship noun with ب (``hosting_nouns``) a few words after an agreement or talks noun, and
    the sponsors named right after it; with the noun's position. A festival "برعاية الوزير" is none."""
    window = s.settings.mediation_role_window
    for k in range(s.sentence.start + 1, s.sentence.end):
        if not reads_as(s, k, s.words.hosting_nouns) or not str(s.doc[k]._.clitic).endswith(BA):
            continue
        before = range(max(s.sentence.start, k - window), k)
        if any(reads_as(s, j, s.words.agreement_nouns | s.words.talks_nouns) for j in before):
            found = named_after(s, k + 1, s.clause_of(k)[1])
            if found:
                yield k, found


def good_offices(s: Sentence) -> Iterator[tuple[int, list[Actor]]]:
    """ "مساعي سلطنة عمان الحميدة": a good-offices noun (``good_offices_nouns``), the actor named
    right after it, then the adjective (``good_offices_adjectives``); with the noun's position."""
    for mention in s.mentions:
        k = mention.start - 1
        if k < s.sentence.start or mention.end >= s.sentence.end or mention.prepositional:
            continue
        if s.doc[k].norm_ in s.words.good_offices_nouns and s.doc[mention.end].norm_ in s.words.good_offices_adjectives:
            yield k, resolve_chain(s, [mention])


def thanked_mediators(s: Sentence, span_start: int) -> list[Actor]:
    """ "شكر X السعودية على وساطتها", "أعربتا عن تقديرهما للصين على استضافة المحادثات": the one
    thanked or praised, named after a thanks, praise or welcome word and before على right before
    the mediation words at ``span_start``; empty if none."""
    start, _ = s.clause_of(span_start)
    # "على وساطتها", "على جهودها في استضافة …": على a few words before, with no verb between.
    on = next(
        (k for k in range(span_start - 1, max(start, span_start - 4), -1) if s.doc[k].norm_ == s.words.word_on), None
    )
    if on is None or any(s.verb(k) or s.doc[k].is_punct for k in range(on + 1, span_start)):
        return []
    word = next((k for k in range(on - 1, start - 1, -1) if appreciated(s, k)), None)
    if word is None:
        return []
    named = [m for m in s.mentions if word < m.start and m.end == on and (not m.prepositional or _to(s, m))]
    return resolve_chain(s, named[-1:]) if named else []


def appreciated(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a word of thanks, praise, welcome or gratitude (شكر، أشاد، رحب، تقدير)."""
    return s.has(k, "THANKS") or reads_as(s, k, s.words.praise_words | s.words.welcome_words | s.words.gratitude_words)


def _to(s: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` carries the proclitic ل (للصين)."""
    return str(mention.clitic).endswith(LAM)


def listed_before(s: Sentence, before: list[Mention], limit: int) -> list[Actor]:
    """ "بدور قطر ومصر كوسيطين": the mediators coordinated up to the last mention of ``before``."""
    last = before[-1]
    for mention in before:
        chain = chain_from(s, mention, limit)
        if last in chain:
            return resolve_chain(s, chain)
    return resolve_chain(s, [last])


def efforts_between(s: Sentence) -> Iterator[tuple[int, list[Actor]]]:
    """ "تبذل قطر جهودا للتوصل إلى وقف لإطلاق النار بين إسرائيل وحماس", "الجهود المصرية الرامية
    إلى التوصل لاتفاق بين الفرقاء": efforts (``efforts_nouns``) for a goal or an agreement between
    others are their owner's mediation: the efforts' genitive, nisba or relative clause, else the
    subject of a word of exerting them right before (``exerting_words``); not a party's own. With
    the efforts noun's position."""
    goals = {span.start for span, topic in goal_spans(s) if topic != AID_TOPIC}
    for k in range(s.sentence.start, s.sentence.end):
        helping = reads_as(s, k, s.words.helping_verbs)
        if not helping and not reads_as(s, k, s.words.efforts_nouns):
            continue
        between = _between_after(s, k, goals)
        if between is None:
            continue
        # "ساعدت الولايات المتحدة في التوصل إلى … بين": the helper is the verb's subject.
        owners = subject_for(s, k) if helping else owner_of(s, k, between) or _exerted_by(s, k)
        _, end = s.clause_of(between)
        parties = next((m for m in s.mentions if m.start == between + 1), None)
        named = {a.key for a in resolve_chain(s, chain_from(s, parties, end))} if parties else set()
        if owners and not named & {key for a in owners for key in (a.key, a.state) if key}:
            yield k, owners


def _between_after(s: Sentence, k: int, goals: set[int]) -> int | None:
    """Where the بين of a goal or agreement that the efforts at ``k`` work for stands, within
    ``efforts_between_window`` words, with no punctuation nor a verb outside a relative clause
    before the goal; else None."""
    reach = min(s.sentence.end, k + 1 + s.settings.efforts_between_window)
    aim, relative = None, False
    for j in range(k + 1, reach):
        token = s.doc[j]
        if token.is_punct:
            return None
        if aim is None:
            relative = relative or token.norm_ in s.words.relative_pronouns
            if j in goals or reads_as(s, j, s.words.agreement_nouns | s.words.resolution_words):
                aim = j
            elif s.verb(j) and not s.in_mention(j) and not relative:
                return None
        elif token.norm_ == s.words.word_between:
            return j
    return None


def _exerted_by(s: Sentence, k: int) -> list[Actor]:
    """ "تبذل قطر جهودا", "مواصلة الجهود": the subject of a word of exerting the efforts at ``k``
    that stands right before them (their subject between, a long title too: يقود وزير الخارجية
    المصري X جهود …)."""
    for j in range(k - 1, s.clause_of(k)[0] - 1, -1):
        if reads_as(s, j, s.words.exerting_words):
            return subject_for(s, j)
        if not s.in_mention(j):
            return []
    return []
