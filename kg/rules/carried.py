"""Who a sentence that opens with a verb of its own and names no subject goes on with, when the
sentence just before says it better than the subject carried from further back: the issuer of
the statement that sentence named ("أصدرت وزارة الخارجية الجزائرية بيانا حول ليبيا. كما أكدت أن
الحوار …"), or the person of the أن-clause a body or outlet reported there ("وذكرت الرئاسة الفرنسية
أن ماكرون أكد … . ودعا إلى …"). The verb's gender picks between them: a feminine verb goes on with
a state or organisation, a masculine one with a person."""

from __future__ import annotations

from spacy.tokens import Span

from ..knowledge import PERSON
from ..model import Actor
from .anaphora import statement_issuer, written
from .clauses import Sentence
from .discourse import participant_parties, reply_party
from .lang_ar import FEMININE_PERFECT_ENDING, IMPERFECT_FEMININE, IMPERFECT_THIRD
from .mentions import read_mentions
from .records import Mention
from .speakers import with_pronoun


def carried_from_before(s: Sentence, i: int) -> list[Actor]:
    """The agent of the subject-less verb that opens the sentence before ``i``, from the sentence
    just before (see the module); empty when the sentence opens otherwise or that one says nothing."""
    replying = reply_party(s, i) or participant_parties(s, i)
    if replying:
        return replying
    verb = _opening_verb(s, i)
    if verb is None or s.sentence.start == 0:
        return []
    previous = s.doc[s.sentence.start - 1].sent
    named = [m for m in read_mentions(s.doc) if previous.start <= m.start < previous.end and m.actors]
    feminine = feminine_verb(s, verb)
    if any(_statement_noun(s, k) for k in range(previous.start, previous.end)):
        issuer = statement_issuer(s.rules, s.doc, s.sentence.start, named)
        if issuer and all((a.kind != PERSON) == feminine for a in issuer):
            return issuer
    return [] if feminine else _reported_person(s, previous, named) or _relayed_person(s, previous, named)


def _opening_verb(s: Sentence, i: int) -> int | None:
    """The verb the sentence opens with (after a joining word such as كما), at or before ``i``,
    with no actor named before ``i``; None otherwise."""
    words = [t.i for t in s.doc[s.sentence.start : i + 1] if not (t.is_punct or t.is_space)]
    if any(m.start < i for m in s.mentions):
        return None
    return next((k for k in words[: s.settings.opening_verb_words] if s.verb(k) or s.has(k, "STANCE")), None)


def feminine_verb(s: Sentence, k: int) -> bool:
    """Whether the verb at ``k`` is in the third person feminine singular: a perfect in ت
    (أكدت، دعت), or an imperfect in ت whose ي form the lexicon knows (تؤكد، تدعو)."""
    norm = str(s.doc[k].norm_)
    if norm.endswith(FEMININE_PERFECT_ENDING):
        return True
    return norm.startswith(IMPERFECT_FEMININE) and IMPERFECT_THIRD + norm[1:] in s.words.term_words


def _statement_noun(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a statement noun (بيان، تصريح)."""
    nouns = s.rules.words.anaphora.statement_nouns
    return written(s.doc[k]) in nouns or str(s.doc[k].norm_) in nouns


def _reported_person(s: Sentence, previous: Span, named: list[Mention]) -> list[Actor]:
    """ "وذكرت الرئاسة الفرنسية أن ماكرون أكد …", "ذكر الكرملين أن بوتين …": the person named right
    after the أن of a sentence that opens with a reporting verb and its reporter (a state, an
    organisation, an outlet): at most ``opening_verb_words`` words outside names before the أن."""
    that = s.rules.knowledge.words("complementizers")
    people = (m for m in named if not m.prepositional and all(a.kind == PERSON for a in m.actors))
    person = next((m for m in people if m.start > previous.start), None)
    if person is None:
        return []
    if s.doc[person.start - 1].norm_ not in that:
        return []
    before = [m for m in named if m.end <= person.start - 1]
    if any(a.kind == PERSON for m in before for a in m.actors):
        return []
    outside = [k for k in range(previous.start, person.start - 1) if not any(m.start <= k < m.end for m in before)]
    words = [k for k in outside if not (s.doc[k].is_punct or s.doc[k].is_space)]
    return list(person.actors) if len(words) <= s.settings.opening_verb_words else []


def _relayed_person(s: Sentence, previous: Span, named: list[Mention]) -> list[Actor]:
    """ "ونقلت وكالة الأنباء العمانية عن الوزير X قوله إن …", "نقل التلفزيون عن X تأكيده …": the
    person an outlet relays after عن, a noun of his words with his pronoun right after him."""
    about = [m for m in named if m.preposition == s.words.word_about and all(a.kind == PERSON for a in m.actors)]
    spoken = (t for t in s.doc.spans["triggers"] if t.label_ == "SPEECH")
    if not about or not any(previous.start <= t.start < about[0].start for t in spoken):
        return []
    after = next((t for t in s.doc[about[0].end : previous.end] if not (t.is_punct or t.is_space)), None)
    return list(about[0].actors) if after is not None and with_pronoun(after) else []
