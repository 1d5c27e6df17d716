"""Speakers beyond one clause: a quote that runs over several sentences is still its
speaker's ("وقال X في بيان: «… . يدعو الاتحاد الأوروبي إلى …»"), a quote is the speaker's named
after it ("«ندعو إلى …»، قال X"), and a person speaks for the state or organisation whose office
he holds (the EU's foreign-policy chief for the EU)."""

from __future__ import annotations

from ..knowledge import PERSON
from ..model import Actor
from .clauses import Sentence
from .lang_ar import CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTE
from .mentions import MENTIONS_KEY
from .offices import is_spokesperson
from .records import Mention


def open_quote(s: Sentence) -> tuple[int, int] | None:
    """``(line start, opening mark)`` of a quote that an earlier sentence of the sentence's line
    opened and did not close, or None."""
    line_start = s.sentence.start
    while line_start > 0 and "\n" not in s.doc[line_start - 1].text:
        line_start -= 1
    opened: list[int] = []
    for token in s.doc[line_start : s.sentence.start]:
        if token.text in OPENING_QUOTES or (token.text == STRAIGHT_QUOTE and not opened):
            opened.append(token.i)
        elif token.text in CLOSING_QUOTES or token.text == STRAIGHT_QUOTE:
            opened = opened[:-1]
    return (line_start, opened[0]) if opened else None


def continued_quote(s: Sentence) -> bool:
    """Whether the sentence starts inside a quote an earlier sentence of its line opened."""
    return open_quote(s) is not None


def quote_speaker(s: Sentence) -> list[Actor]:
    """The speaker of the quote the sentence goes on with: the last speaker, when the words
    before the quote's opening mark name him ("وقال بوريل في بيان: «…") or are a bare verb
    ("وأضاف: «…»"); a statement's quote ("وجاء في البيان: «…»") has none."""
    opened = open_quote(s)
    if opened is None:
        return []
    # The words of the sentence that opened the quote, up to its mark.
    mark = opened[1]
    opener = s.doc[mark].sent.start
    read: list[list[Mention]] = s.doc.user_data.get(MENTIONS_KEY, [])
    before = [m for found in read for m in found if opener <= m.start < mark and not m.prepositional]
    if not before:
        words = [t for t in s.doc[opener:mark] if not (t.is_punct or t.is_space)]
        return list(s.context.last_speaker) if len(words) <= 1 else []
    named = {a.key for m in before for a in m.actors}
    return [a for a in s.context.last_speaker if a.key in named]


def trailing_speaker(s: Sentence, i: int) -> list[Actor]:
    """ "«ندعو جميع الأطراف إلى ضبط النفس»، قال X": the word at ``i`` stands inside a quote of
    its sentence, and the quote's closing mark is followed by a reporting verb and its speaker
    (not a spokesperson, who reports); empty otherwise."""
    before = [t for t in s.doc[s.sentence.start : i] if t.text in OPENING_QUOTES or t.text == STRAIGHT_QUOTE]
    if not before or (before[-1].text == STRAIGHT_QUOTE and sum(t.text == STRAIGHT_QUOTE for t in before) % 2 == 0):
        return []
    close = next((t.i for t in s.doc[i : s.sentence.end] if t.text in CLOSING_QUOTES or t.text == STRAIGHT_QUOTE), None)
    if close is None:
        return []
    words = [t for t in s.doc[close + 1 : s.sentence.end] if not (t.is_punct or t.is_space)]
    verb = next((n for n, t in enumerate(words[: s.settings.trailing_speaker_gap + 1]) if s.has(t.i, "SPEECH")), None)
    if verb is None:
        return []
    window = words[verb + 1 : verb + 2 + s.settings.trailing_speaker_window]
    first = next((m for m in s.mentions if window and window[0].i <= m.start <= window[-1].i), None)
    if first is None or first.prepositional or first.kind == "group":
        return []
    if any(is_spokesperson(s.rules, a, s.context.day) for a in first.actors):
        return []
    return list(first.actors)


def holds_seat(s: Sentence, person: Actor, body: str) -> bool:
    """Whether ``person`` holds (or held) an office of the state or organisation ``body``."""
    if person.kind != PERSON or not person.known or person.key not in s.rules.knowledge.actors:
        return False
    return any(office.seat == body for office in s.rules.knowledge[person.key].offices)
