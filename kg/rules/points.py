"""Appeals made as a list of points: a stance, then a colon opening its points ("وشدد X على ثلاث
نقاط: أولا، وقف إطلاق النار. ثانيا، إدخال المساعدات"، "وطالب البيان بما يلي:" with numbered or
bulleted lines). A goal in a point with no stance of its own is urged by whoever announced the
points; the points go on over the following item lines (a bullet, a number, an ordinal word)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import URGED, Actor, Fact
from ..normalize import normalize
from .appeal_agents import statement_issuers
from .appeals import APPEAL_STANCES, stance_before
from .clauses import Sentence
from .lang_ar import BULLETS, COLON
from .named_goals import goal_spans
from .qualifiers import negated_or_hypothetical, reads_as
from .stances import words_back
from .subjects import subject_for


def read_points(s: Sentence) -> Iterator[Fact]:
    """Who urged the goals listed as points after a list-opening colon (in this sentence, or
    in the item lines that follow the sentence that opened the list)."""
    words = [t for t in s.doc[s.sentence.start : s.sentence.end] if not (t.is_space or t.is_punct)]
    if not words:
        return  # a blank line between items keeps the list open
    colon = _list_colon(s)
    if colon is not None:
        agents, start = _announcers(s, colon), colon + 1
        s.context.list_points = agents
    elif s.context.list_points and _item_line(s):
        agents, start = s.context.list_points, s.sentence.start
    else:
        s.context.list_points = []
        return
    for span, topic in goal_spans(s):
        if span.start < start or stance_before(s, span.start, APPEAL_STANCES) is not None:
            continue
        if negated_or_hypothetical(s, span.start):
            continue
        for agent in agents:
            yield s.fact(URGED, agent, topic=topic)


def _list_colon(s: Sentence) -> int | None:
    """A colon right after a word announcing points (نقاط، ما يلي، الآتي، وهي)."""
    for k in range(s.sentence.start + 1, s.sentence.end):
        if s.doc[k].text == COLON and reads_as(s, k - 1, s.words.list_announcers):
            return k
    return None


def _announcers(s: Sentence, colon: int) -> list[Actor]:
    """Whoever makes the stance, or names the demands (أولويات، مطالب), before the list's colon."""
    start = s.clause_of(colon - 1)[0]
    for k in words_back(s, colon, s.sentence.start, s.settings.list_stance_window):
        if s.has(k, "STANCE") or (k >= start and reads_as(s, k, s.words.demand_nouns)):
            return [] if negated_or_hypothetical(s, k) else subject_for(s, k) or statement_issuers(s, k)
    return []


def _item_line(s: Sentence) -> bool:
    """Whether the sentence is an item of a list: opened by a bullet, a number or an ordinal word."""
    first = next((t for t in s.doc[s.sentence.start : s.sentence.end] if not t.is_space), None)
    if first is None:
        return False
    numbered = first.like_num or first.text[:1].isdigit()
    # The whole word: the normaliser drops an ordinal's adverbial alif (أولا → اول).
    return first.text in BULLETS or numbered or normalize(first.text) in s.words.point_ordinals
