"""The subject and the speaker a sentence hands on to later sentences (:class:`kg.rules.context.Context`)."""

from __future__ import annotations

from spacy.tokens import Token

from ..knowledge import PERSON
from ..model import Actor
from .clauses import Sentence
from .lang_ar import COLON
from .offices import is_spokesperson
from .openers import attribution_end
from .qualifiers import after_speech
from .speakers import closing_speaker, continued_quote
from .subjects import chain_from, resolve_chain


def sentence_subject(s: Sentence) -> list[Actor]:
    """The explicit subject of the sentence, remembered for later sentences."""
    first = [m for m in s.mentions if not m.prepositional and m.kind != "counterpart"]
    if not first or after_speech(s, first[0]) or continued_quote(s):
        return []  # an actor inside a quote an earlier sentence opened is the speaker's matter
    # Only an actor at the head of the sentence (before or right after its verb) is its
    # subject; "ورحب الوزير الأمريكي بالإفراج … أن إحراز مصر تقدما" is not about Egypt.
    # "وبحسب بيان الكرملين، قدم بوتين …": the sentence starts after its attribution.
    attribution = attribution_end(s.rules, s.sentence)
    head_start = s.sentence.start if attribution is None else attribution + 1
    head = [t for t in s.doc[head_start : first[0].start] if not (t.is_punct or t.is_space)]
    # A date stamped before the text ("date 2026-03-08 تحدث …") is no word of the sentence.
    while head_start == s.sentence.start and head and _dateline(head[0]):
        head.pop(0)
    if len(head) > s.settings.subject_head_words:
        return []
    # A source that issues or reports ("أصدرت السلطات الأمريكية بيانا") is no antecedent; nor is an
    # actor inside a quote ("وأضاف: «سنحتاج مصر والأردن …»": the speaker goes on speaking).
    if any(s.has(t.i, "SPEECH") for t in head) or any(t.text == COLON for t in s.doc[head_start : first[0].start]):
        return []
    return resolve_chain(s, chain_from(s, first[0], s.clause_of(first[0].start)[1], strict=True))


def sentence_speaker(s: Sentence) -> list[Actor]:
    """The person who speaks in the sentence (قال X إن …، وقال X: «…»), unless a spokesperson."""
    first = [m for m in s.mentions if not m.prepositional and m.kind != "counterpart"]
    if not first or not after_speech(s, first[0]):
        return [a for a in closing_speaker(s) or [] if a.kind == PERSON]  # "«…»، قال X."
    speaker = resolve_chain(s, chain_from(s, first[0], s.clause_of(first[0].start)[1], strict=True))
    if any(a.kind != PERSON or is_spokesperson(s.rules, a, s.context.day) for a in speaker):
        return []
    return speaker


def _dateline(token: Token) -> bool:
    """A number or a Latin-letter label (a date stamped before an article's text)."""
    return bool(token.like_num or (token.is_ascii and token.is_alpha))


def speaks_unknown(s: Sentence) -> bool:
    """Whether the sentence's words are someone's the rules do not know ("«…»، قال مسؤول أمريكي.")
    or a spokesperson's ("وقالت المتحدثة باسم البيت الأبيض X: «…»"): the quotes after it no longer
    go on with the speaker before."""
    speakers = [m for m in s.mentions if not m.prepositional and m.kind != "counterpart" and after_speech(s, m)]
    if speakers:  # "المتحدثة باسم الخارجية الصينية X": the body is named before the person
        return any(is_spokesperson(s.rules, a, s.context.day) for m in speakers[:2] for a in m.actors)
    return closing_speaker(s) == []
