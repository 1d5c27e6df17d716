"""The other party of a call when the call's own clause does not name it: more counterparts
after a list, the one who replies "on his part" to a call reported with one party, and a
call received from a group of counterparts (the calls named next were placed by them)."""

from __future__ import annotations

from spacy.tokens import Token

from ..knowledge import PERSON
from ..model import Actor
from .clauses import Sentence
from .discourse import reply_opener_end
from .lang_ar import AND, COLON
from .records import Mention
from .subjects import chain_from, mention_actors
from .title_phrases import connector


def kind_filtered(chain: list[Mention]) -> list[Mention]:
    """A list of people called does not run on into states ("مع السيسي … مصر والسودان")."""
    first_people = any(a.kind == PERSON for a in chain[0].actors)
    if not first_people:
        return chain
    return [m for m in chain if m.kind in {"group", "counterpart"} or any(a.kind == PERSON for a in m.actors)]


def more_counterparts(s: Sentence, chain: list[Mention], preposition: str | None, end: int) -> list[Mention]:
    """ "من وزراء خارجية A وB وC، ومن رئيس الوزراء X": a second من (or مع) after a list names more."""
    if not chain or preposition not in {s.words.word_from, s.words.word_with}:
        return []
    more: list[Mention] = []
    k = chain[-1].end
    for mention in s.mentions:
        if mention.start < k:
            continue
        if mention.start >= end or mention.preposition != preposition:
            break
        gap = [s.doc[j] for j in range(k, mention.start)]
        opener = gap[-1] if gap else None
        if opener is None or opener.norm_ != preposition:
            break
        # "الأول مع X والثاني مع Y": an ordinal with و before the second مع.
        ordinal = len(gap) >= 2 and _and_ordinal(s, gap[-2])
        if AND not in opener._.clitic and not ordinal:
            break
        if not all(connector(s, t) for t in gap[: -2 if ordinal else -1]):
            break
        link = chain_from(s, mention, end)
        more += link
        k = link[-1].end
    return more


def _and_ordinal(s: Sentence, token: Token) -> bool:
    """Whether ``token`` is و and an ordinal (والثاني، والأخرى) that opens the next call of a list."""
    written = str(token.norm_)
    return (AND in token._.clitic and written in s.words.ordinal_words) or (
        written.startswith(AND) and written[1:] in s.words.ordinal_words
    )


def group_senders(chain: list[Mention]) -> bool:
    """ "تلقى X عدة اتصالات من نظرائه": whether the callers are a group named by no one of them
    (a plural counterpart with no nationality, a group word)."""
    return bool(chain) and all(
        m.kind == "group" or (m.kind == "counterpart" and m.plural and m.counterpart_state is None) for m in chain
    )


def open_call(s: Sentence, subject: list[Actor], direction: str | None) -> None:
    """ "في اتصال هاتفي، أكد ماكرون …": remember a call reported with one party only (and who
    its verb says placed it), for a reply that names the other (:func:`reply_pair`)."""
    if len(subject) == 1 and not s.context.unknown_caller:
        s.context.open_call = (subject[0], direction, s.evidence.index)


def reply_pair(s: Sentence) -> tuple[Actor, Actor, str | None] | None:
    """ "من جانبه، رد رئيس الوزراء الإسرائيلي نتنياهو …" a few sentences after a call reported
    with one party: the one who replies on his part, of another state, is the call's other party
    (``None`` when the sentence is no such reply)."""
    opened = s.context.open_call
    if opened is None:
        return None
    party, direction, index = opened
    start = reply_opener_end(s)
    if start is None and s.evidence.index - index == 1:
        start = _speaker_start(s)  # "في اتصال مع عراقجي.. فيدان: نرفض …"
    if start is None or s.evidence.index - index > s.settings.reply_sentences:
        return None
    first = next((m for m in s.mentions if m.start >= start), None)
    if first is None or first.prepositional or first.start - start > s.settings.reply_subject_gap:
        return None
    replier = mention_actors(s, first)
    if len(replier) != 1 or replier[0].kind != PERSON or replier[0].key == party.key:
        return None
    if party.state is not None and replier[0].state == party.state:
        return None  # someone of the same side, not the one spoken with
    s.context.open_call = None
    return party, replier[0], {"subject": "a", "object": "b"}.get(direction or "")


def _speaker_start(s: Sentence) -> int | None:
    """Where a line that opens with its speaker and a colon or his verb (a headline's "فيدان: …",
    "فيدان يؤكد …") names him."""
    first = s.mentions[0] if s.mentions else None
    if first is None or first.start - s.sentence.start > s.settings.reply_subject_gap or first.end >= s.sentence.end:
        return None
    return first.start if s.doc[first.end].text == COLON or s.verb(first.end) else None


def reported_talks(
    s: Sentence, anchor: int, pairs: list[tuple[Actor, Actor, str | None]]
) -> list[tuple[Actor, Actor, str | None]]:
    """ "وكان شولتس قد تحدث في وقت سابق مع زيلينسكي" in an article on Scholz's call with Putin: talks
    with no phone cue told as an earlier event (كان … قد, في وقت سابق) are a call only when they
    are one the article reports (the same pair, or a call whose other party was not named)."""
    before = range(s.sentence.start, anchor)
    earlier = any(s.doc[k].norm_ in s.words.past_kana for k in before) or any(
        t.norm_ in s.words.earlier_words for t in s.sentence
    )
    if not earlier:
        return pairs
    context = s.context
    reported = {frozenset((a.key, b.key)) for a, b in context.calls}
    open_parties = {x.key for x in (context.caller, context.callee) if x is not None}
    if context.open_call is not None:
        open_parties.add(context.open_call[0].key)
    return [p for p in pairs if frozenset((p[0].key, p[1].key)) in reported or {p[0].key, p[1].key} & open_parties]
