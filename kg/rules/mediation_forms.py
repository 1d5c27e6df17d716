"""Ways outlets name a mediator that the mediation words alone do not carry (offeredMediation,
ANNOTATION.md): sponsorship of an agreement or talks ("وقع الطرفان الاتفاق برعاية قطرية"), good
offices with the mediator between the noun and its adjective ("مساعي سلطنة عمان الحميدة"), a
relative clause with no relative pronoun ("بعد وساطة قادتها سلطنة عمان"), the one thanked or
praised for mediating ("شكر X السعودية على وساطتها"), and mediators listed before a dual or
plural capacity ("بدور قطر ومصر كوسيطين")."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Actor
from .appeals import nisba_states
from .clauses import Sentence
from .lang_ar import BA, LAM, PRONOUN_ENDINGS
from .offices import actor
from .qualifiers import reads_as
from .records import Mention
from .subjects import chain_from, resolve_chain


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
