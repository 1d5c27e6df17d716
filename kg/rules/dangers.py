"""Warnings: "حذر من حرب إقليمية" (warned of), a danger stated by a speaker ("قال X إن … يشكل
تهديدا للمنطقة"), and the danger nouns that are nobody's warning (the writer's frame, a topic of
talks, a war being waged)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ..model import WARNED, Actor, Fact
from ..normalize import normalize
from .appeal_agents import statement_issuers
from .clauses import Sentence
from .groups import joint_parties
from .lang_ar import CLOSING_QUOTES, COMMAS, CONJUNCTION_CLITICS, OPENING_QUOTES, STRAIGHT_QUOTE, without_clitics
from .qualifiers import framed, impersonal, negated, negated_or_hypothetical, reads_as, speech_clause
from .relation_guards import governed_by, praised_warning_owner, reported_of_others
from .speakers import headline_speaker, speaks_for
from .subjects import chain_from, resolve_chain, subject_for
from .thanks import agents_at, nominal_headline_agent


def read_warnings(s: Sentence) -> Iterator[Fact]:
    """Who warned, and of what (the first warning of the sentence that is not the writer's framing)."""
    rejection = s.words.rejection_words
    spans = [
        t
        for t in s.spans("WARNING") + s.spans("WARNING_NOUN")
        if not framed(s, t.start)
        and not _framed_danger(s, t)
        and not _idle_concern(s, t)
        and not _caution(s, t)
        and not _danger_as_topic(s, t)
        # "استبعد X اندلاع حرب إقليمية": a danger ruled out is no warning.
        and not (s.has(t.start, "WARNING_NOUN") and governed_by(s, t.start, rejection))
    ]
    if not spans:
        yield from _predicate_warnings(s)
        return
    span = min(spans, key=lambda t: t.start)
    # "قال X إن التصعيد قد يجر المنطقة إلى حرب شاملة": a danger may come; that is the warning.
    if negated(s, span.start) or (not s.has(span.start, "WARNING_NOUN") and negated_or_hypothetical(s, span.start)):
        return
    obj = _warning_object(s, span)
    owners = _praised_owners(s, span)
    owners = praised_warning_owner(s, span) if owners is None else owners
    owners = reported_of_others(s, span) if owners is None else owners
    owners = _reported_danger_speaker(s, span) if owners is None else owners
    owners = _joint_warning(s, span) if owners is None else owners
    if owners is None:
        owners = headline_speaker(s, span.start) or nominal_headline_agent(s, span)
        owners = owners or agents_at(s, span.start) or _fronted_warning(s, span) or statement_issuers(s, span.start)
    for agent in speaks_for(s, owners):
        yield s.fact(WARNED, agent, warned_of=obj, confidence=0.7)


def _joint_warning(s: Sentence, span: Span) -> list[Actor] | None:
    """ "وجرى خلال الاتصال التحذير من …": a warning in an impersonal statement about a call is
    joint, each party's (the guideline's settled case); not one quoted from a party's own
    readout ("وتابع الكرملين: «تم الإعراب عن مخاوف …»"), which is that party's."""
    if not impersonal(s, span.start) or _quoted(s, span.start):
        return None
    return joint_parties(s) or None


def _quoted(s: Sentence, k: int) -> bool:
    """Whether the word at ``k`` stands inside a quote the sentence opened before it."""
    before = [t.text for t in s.doc[s.sentence.start : k]]
    opened = sum(t in OPENING_QUOTES for t in before) - sum(t in CLOSING_QUOTES for t in before)
    return opened > 0 or before.count(STRAIGHT_QUOTE) % 2 == 1


def _fronted_warning(s: Sentence, span: Span) -> list[Actor]:
    """ "وفي تحذير لافت، قال X إن …": a warning noun after في in a phrase fronted before a comma
    is the warning of the speaker of the clause right after it; empty when not so."""
    # "وفي تحذير …", "وفي أقوى تحذير …": في right before the noun, or before one word qualifying it.
    before = range(max(s.sentence.start, span.start - 2), span.start)
    if not any(without_clitics(str(s.doc[k].norm_)) == s.words.word_in for k in before):
        return []
    comma = next((k for k in range(span.end, s.sentence.end) if s.doc[k].text in COMMAS), s.sentence.end)
    speech = next((k for k in range(comma + 1, min(comma + 3, s.sentence.end)) if s.has(k, "SPEECH")), None)
    return [] if speech is None else subject_for(s, speech)


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
    if start > s.sentence.start and s.doc[start - 1].norm_ in s.words.exceptive_words:
        start, _ = s.clause_of(start - 1)  # "إن الاجتياح لن يقود إلا إلى حرب": the clause before إلا
    # "قال الكرملين إن "بوتين عبر عن … بتداعيات كارثية"": a clause with a named subject is its own.
    first = next((k for k in range(start, span.start) if not (s.doc[k].is_punct or s.has(k, "THAT"))), span.start)
    if any(m.start == first for m in s.mentions):
        return None
    if _unnamed_teller(s, start):
        return []
    prior = _reporting_clause(s, start)
    # "قال X إن الاجتياح لن يقود إلا إلى حرب شاملة": a verb of leading to it leaves it the speaker's.
    if prior is None or any(s.verb(k) and not reads_as(s, k, s.words.leading_verbs) for k in range(start, span.start)):
        return None
    speech = next((k for k in range(prior, start) if s.has(k, "SPEECH") or s.has(k, "STANCE")), None)
    return (subject_for(s, speech) or None) if speech is not None else None


def _unnamed_teller(s: Sentence, start: int) -> bool:
    """ "ويخشى محللون أن يؤدي التصعيد إلى حرب إقليمية", "وأضافت الوكالة أن …": the أن-clause at
    ``start`` is told by a subject that names no actor (``non_actor_subjects``): nobody's warning,
    not the subject carried from the sentences before."""
    if start <= s.sentence.start or not s.has(start - 1, "THAT"):
        return False
    outer, _ = s.clause_of(start - 1)
    told = [k for k in range(outer, start - 1) if not s.in_mention(k)]
    return any(s.doc[k].norm_ in s.words.non_actor_subjects for k in told) and not any(
        m.start >= outer and m.end < start and not s.oblique(m) for m in s.mentions
    )


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
    word = without_clitics(str(s.doc[span.start - 1].norm_))
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
    # "تفاؤل حذر بإمكانية …", "آمال حذرة": the adjective after a noun, with no object of a warning
    # a word or two on ("قد حذر مرارا من …") and no subject right after it ("في وقت سابق حذر المندوب …").
    after = s.doc[span.end : min(span.end + 2, s.sentence.end)]
    before = s.doc[span.start - 1] if span.start > s.sentence.start else None
    has_object = any(t.norm_ in s.words.warning_object_openers for t in after)
    has_subject = any(m.start == span.end and not m.prepositional for m in s.mentions)
    after_noun = before is not None and before.is_alpha and not first._.clitic and not s.in_mention(before.i)
    return after_noun and not has_object and not has_subject


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
