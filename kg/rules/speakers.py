"""Speakers beyond one clause: a quote that runs over several sentences is still its
speaker's ("وقال X في بيان: «… . يدعو الاتحاد الأوروبي إلى …»"), a quote is the speaker's named
after it ("«ندعو إلى …»، قال X"), and a person speaks for the state or organisation whose office
he holds (the EU's foreign-policy chief for the EU)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..knowledge import PERSON
from ..model import Actor
from ..normalize import normalize, normalize_phrase
from .clauses import Sentence
from .lang_ar import CLOSING_QUOTES, COLON, OBJECT_PRONOUNS, OPENING_QUOTES, STRAIGHT_QUOTE
from .mentions import read_mentions
from .offices import actor, is_spokesperson
from .openers import attribution_end


def open_quote(s: Sentence) -> tuple[int, int] | None:
    """``(line start, opening mark)`` of a quote that an earlier sentence of the sentence's line
    opened and did not close, or that the paragraph before opened and this line closes; None
    otherwise."""
    line_start = _line_start(s.doc, s.sentence.start)
    opened = _unclosed(s.doc, line_start, s.sentence.start)
    return (line_start, opened[0]) if opened else _paragraph_quote(s, line_start)


def _line_start(doc: Doc, k: int) -> int:
    """The first token of the line token ``k`` stands on."""
    while k > 0 and "\n" not in doc[k - 1].text:
        k -= 1
    return k


def _unclosed(doc: Doc, start: int, end: int) -> list[int]:
    """The quote marks opened between ``start`` and ``end`` and not closed there."""
    opened: list[int] = []
    for token in doc[start:end]:
        if token.text in OPENING_QUOTES or (token.text == STRAIGHT_QUOTE and not opened):
            opened.append(token.i)
        elif token.text in CLOSING_QUOTES or token.text == STRAIGHT_QUOTE:
            opened = opened[:-1]
    return opened


def _paragraph_quote(s: Sentence, line_start: int) -> tuple[int, int] | None:
    """ "وأضاف X: «… .\n… ندعو إلى …»": a line whose first quote mark closes a quote goes on with
    the quote the paragraph before opened and left open (guillemets or curly marks only: a
    straight mark does not tell which way it faces)."""
    marks = (t for t in s.doc[line_start:] if t.text in OPENING_QUOTES | CLOSING_QUOTES or "\n" in t.text)
    first = next(marks, None)
    if line_start == 0 or first is None or first.text not in CLOSING_QUOTES:
        return None
    end = line_start - 1
    while end > 0 and s.doc[end - 1].is_space:
        end -= 1  # blank lines between the paragraphs
    previous = _line_start(s.doc, end)
    opened = [k for k in _unclosed(s.doc, previous, end) if s.doc[k].text in OPENING_QUOTES]
    return (previous, opened[0]) if opened else None


def continued_quote(s: Sentence) -> bool:
    """Whether the sentence starts inside a quote an earlier sentence of its line opened."""
    return open_quote(s) is not None


def headline_speaker(s: Sentence, i: int) -> list[Actor]:
    """ "أردوغان: نشكر قطر على …": a first-person verb at ``i`` after the colon of a headline whose
    words before the colon are one name alone has that name as its speaker; empty otherwise."""
    colon = next((k for k in range(i - 1, s.sentence.start - 1, -1) if s.doc[k].text == COLON), None)
    if colon is None or not s.first_person_verb(i):
        return []
    named = [m for m in s.mentions if m.end <= colon]
    words = [t for t in s.doc[s.sentence.start : colon] if not (t.is_punct or t.is_space)]
    if len(named) != 1 or named[0].prepositional or len(words) != named[0].end - named[0].start:
        return []
    return list(named[0].actors)


def quoted_by(s: Sentence, i: int) -> int | None:
    """ "وقال ماكرون للصحافيين "أريد أن أشكر قطر …"": the speech verb before the quote mark that
    opens, in the sentence and with no colon, the quote the word at ``i`` stands in; None when
    the word is in no quote or no speech verb comes before its mark."""
    opened: list[int] = []
    for token in s.doc[s.sentence.start : i]:
        if token.text in OPENING_QUOTES or (token.text == STRAIGHT_QUOTE and not opened):
            opened.append(token.i)
        elif token.text in CLOSING_QUOTES or token.text == STRAIGHT_QUOTE:
            opened = opened[:-1]
    if not opened:
        return None
    return next((k for k in range(opened[0] - 1, s.sentence.start - 1, -1) if s.has(k, "SPEECH")), None)


def quote_speaker(s: Sentence, k: int) -> list[Actor]:
    """The speaker of the quote the sentence goes on with: the last speaker, when the words
    before the quote's opening mark name him ("وقال بوريل في بيان: «…") or are a bare verb
    ("وأضاف: «…»"); a statement's quote ("وجاء في البيان: «…»") has none. The word at ``k`` in a
    quote that is a sentence of its own, attributed nowhere, is the last speaker's too; after an
    attribution that relays someone ("وبحسب ما نقله التلفزيون عن X، فإن …") it is X's."""
    opened = open_quote(s)
    if opened is None:
        return paragraph_speaker(s, k) or _attributed_speaker(s, k)
    # The words of the sentence that opened the quote, up to its mark.
    mark = opened[1]
    opener = s.doc[mark].sent.start
    before = [m for m in read_mentions(s.doc) if opener <= m.start < mark and not m.prepositional]
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
    verb = next((n for n in range(len(words[: s.settings.trailing_speaker_gap + 1])) if _speech_at(s, words, n)), None)
    if verb is None:
        return []
    window = words[verb + 1 : verb + 2 + s.settings.trailing_speaker_window]
    first = next((m for m in s.mentions if window and window[0].i <= m.start <= window[-1].i), None)
    if first is None or first.prepositional or first.kind == "group":
        return []
    if any(is_spokesperson(s.rules, a, s.context.day) for a in first.actors):
        return []
    return list(first.actors)


def _speech_at(s: Sentence, words: list[Token], n: int) -> bool:
    """Whether the n-th word after a quote is its speaker's verb: a speech verb, or any verb
    after a phrase that refers back to the quote ("«…». بهذه الكلمات افتتح X القمة")."""
    if s.has(words[n].i, "SPEECH"):
        return True
    back = normalize_phrase(" ".join(t.text for t in words[max(n - 2, 0) : n]))
    return n >= 2 and back in s.words.anaphora.quote_back_phrases


def holds_seat(s: Sentence, person: Actor, body: str) -> bool:
    """Whether ``person`` holds (or held) an office of the state or organisation ``body``."""
    if person.kind != PERSON or not person.known or person.key not in s.rules.knowledge.actors:
        return False
    return any(office.seat == body for office in s.rules.knowledge[person.key].offices)


def speaks_for(s: Sentence, agents: list[Actor]) -> list[Actor]:
    """The agents of a statement, each spokesperson replaced by the state or organisation he
    speaks for ("دعت المتحدثة باسم الخارجية الصينية إلى …" is China's appeal: eval/DECISIONS.md);
    one whose seat is unknown keeps it."""
    spoken: list[Actor] = []
    for agent in agents:
        body = _spokesperson_seat(s, agent)
        if body is not None:
            agent = actor(s.rules, body)
        if agent.key not in {a.key for a in spoken}:
            spoken.append(agent)
    return spoken


def _spokesperson_seat(s: Sentence, agent: Actor) -> str | None:
    """Key of the state or organisation ``agent`` is spokesperson of on the sentence's day."""
    if agent.kind != PERSON or not is_spokesperson(s.rules, agent, s.context.day):
        return None
    record = s.rules.knowledge.actors.get(agent.key)
    offices = record.offices_on(s.context.day) if record else []
    seat = next((o.seat for o in offices if o.seat), agent.state)
    return seat if seat in s.rules.knowledge.actors else None


def relayed_speaker(s: Sentence, i: int) -> list[Actor]:
    """ "ونقلت وكالة الأنباء عن الملك عبدالله الثاني تأكيده ضرورة …", "نقل البيان عن الوزير
    دعوته إلى …": a reporting verb relays, after عن, a speaker and a noun of his words with his
    pronoun; the trigger at ``i`` in those words is the speaker's, not the outlet's. So is a
    trigger with no subject after an attribution that relays him ("ووفقا لما نقلته الوكالة عن
    ولي العهد، فقد شدد على …")."""
    framed = _framed_speaker(s, i)
    if framed:
        return framed
    about = [m for m in s.mentions if m.preposition == s.words.word_about and m.end <= i]
    # "… عن X تحذيره من …، ودعوته إلى …": the relayed words may run over several clauses.
    if not about or not any(s.has(k, "SPEECH") for k in range(s.clause_of(about[-1].start)[0], about[-1].start)):
        return []
    words = [t for t in s.doc[about[-1].end : i + 1] if not (t.is_punct or t.is_space)]
    if not words or not with_pronoun(words[0]):
        return []
    # "تحذيره من …، ودعوته إلى …": a noun of his words with his pronoun may read as a verb too.
    if any((s.verb(t.i) and not with_pronoun(t)) or s.in_mention(t.i) for t in words[1:]):
        return []
    return list(about[-1].actors)


def unattributed_quote(s: Sentence, k: int) -> bool:
    """Whether the word at ``k`` stands in a quote that opens its sentence and that nothing after
    its closing mark attributes ("«ندعو إلى …».", a quote paragraph of its own)."""
    words = [t for t in s.sentence if not t.is_space]
    if not words or not (words[0].text in OPENING_QUOTES or words[0].text == STRAIGHT_QUOTE) or k < words[0].i:
        return False
    close = next((t.i for t in words[1:] if t.text in CLOSING_QUOTES or t.text == STRAIGHT_QUOTE), None)
    if close is not None and close < k:
        return False
    return close is None or all(t.is_punct for t in s.doc[close + 1 : s.sentence.end])


def paragraph_speaker(s: Sentence, k: int) -> list[Actor]:
    """The speaker of an unattributed quote: the one who spoke last ("«…»، قال X. «…»")."""
    return list(s.context.last_speaker) if unattributed_quote(s, k) else []


def call_party_of(s: Sentence, k: int, body: str) -> list[Actor]:
    """ "تلقى X اتصالا من Y. «تدعم إسبانيا …»": an unattributed quote right after a call that
    states a party's state's position is that party's."""
    # The call's sentence is the last one with words (line breaks are sentences of their own).
    k_before, blank = s.sentence.start - 1, 0
    while k_before >= 0 and s.doc[k_before].is_space:
        blank += int(bool(s.doc[k_before].is_sent_start))
        k_before -= 1
    if s.context.calls_sentence != s.evidence.index - 1 - blank or not unattributed_quote(s, k):
        return []
    return [a for a in s.context.call_parties() if a.kind == PERSON and a.state == body][:1]


def closing_speaker(s: Sentence) -> list[Actor] | None:
    """The speaker named after the quote that opens the sentence ("«…»، قال X."); an empty list
    when a reporting verb there names nobody the rules know ("«…»، قال مسؤول أمريكي."); None
    when no reporting verb follows such a quote."""
    first = next((t for t in s.sentence if not t.is_space), None)
    if first is None or not (first.text in OPENING_QUOTES or first.text == STRAIGHT_QUOTE):
        return None
    inside = first.i + 1
    close = next(
        (t.i for t in s.doc[inside : s.sentence.end] if t.text in CLOSING_QUOTES or t.text == STRAIGHT_QUOTE), None
    )
    if close is None:
        return None
    words = [t for t in s.doc[close + 1 : s.sentence.end] if not (t.is_punct or t.is_space)]
    if not any(_speech_at(s, words, n) for n in range(len(words[: s.settings.trailing_speaker_gap + 1]))):
        return None
    return trailing_speaker(s, inside)


def _framed_speaker(s: Sentence, i: int) -> list[Actor]:
    """The person relayed after عن in the attribution opening the sentence, for a trigger after
    it whose clause names no actor but by a preposition."""
    end = attribution_end(s.rules, s.sentence)
    _, clause_end = s.clause_of(i)
    if end is None or any(not m.prepositional and end < m.start < clause_end for m in s.mentions):
        return []
    return _attributed_speaker(s, i)


def _attributed_speaker(s: Sentence, i: int) -> list[Actor]:
    """The one relayed after عن in the attribution opening the sentence, when ``i`` is after it."""
    end = attribution_end(s.rules, s.sentence)
    if end is None or i <= end:
        return []
    about = [m for m in s.mentions if m.preposition == s.words.word_about and m.end <= end]
    return list(about[-1].actors) if about else []


def with_pronoun(token: Token) -> bool:
    """Whether a word carries a third-person pronoun (تأكيده، دعوتها، تحذيرهم)."""
    return bool(token._.suffix) or normalize(token.text).endswith(OBJECT_PRONOUNS)
