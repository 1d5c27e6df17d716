"""What opens a sentence without being its subject: a dateline's place, an attribution.

* A dateline: "القاهرة – أجرى الوزير …", "موسكو، 3 يونيو (رويترز) - تلقى …": the place is
  where the story was filed, not an actor of its first sentence.
* An attribution: "وبحسب بيان الكرملين، …": the source named before its comma.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..dates import MONTHS, WEEKDAYS
from .context import RuleContext
from .lang_ar import ARABIC_WORD, CLOSING_BRACKETS, COMMAS, DASHES, HONORIFIC_SLASH, OPENING_BRACKETS
from .records import Context, Mention


def _is_date_word(doc: Doc, k: int, end: int) -> bool:
    """A token of a date: a number, a month or a weekday, or the word just before a number (في 5 مارس)."""
    token = doc[k]
    word = str(token.norm_)
    if token.like_num or word in MONTHS or word in WEEKDAYS:
        return True
    return k + 1 < end and doc[k + 1].like_num


def _dateline_dash(rules: RuleContext, doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens from ``start`` are a dateline's tail (date, agency in brackets) closed by a dash."""
    depth = outside = 0
    for k in range(start, end):
        text = doc[k].text
        if depth == 0 and text in DASHES:
            return True
        if text in OPENING_BRACKETS:
            depth += 1
        elif text in CLOSING_BRACKETS and depth:
            depth -= 1
        elif depth == 0:
            # The agency's name in brackets is not counted: only the words of place and date.
            outside += 1
            if outside > rules.settings.dateline_words or (
                ARABIC_WORD.fullmatch(text) and not _is_date_word(doc, k, end)
            ):
                return False
    return False


def without_dateline(rules: RuleContext, sentence: Span, mentions: list[Mention], context: Context) -> list[Mention]:
    """The mentions of ``sentence`` without the place of a dateline that opens it; the first such
    place's state is the article's dateline state (``Context.dateline_state``).

    A state (a capital names its state) at most ``dateline_words`` tokens into the sentence,
    with no Arabic word before it, followed by a dash, or by a date and an agency in
    brackets and then a dash, is the dateline's place; so is one whose sentence is nothing but
    that date and agency (the segmenter ends a dateline at its agency: «القاهرة (أ ش أ) أجرى …»).
    """
    if not mentions:
        return mentions
    first, doc = mentions[0], sentence.doc
    opening = first.start - sentence.start <= rules.settings.dateline_words and not any(
        ARABIC_WORD.fullmatch(doc[k].text) for k in range(sentence.start, first.start)
    )
    if not opening or first.kind != "state":
        return mentions
    dashed = first.end < sentence.end and _dateline_dash(rules, doc, first.end, sentence.end)
    if not dashed and not (len(mentions) == 1 and _dateline_only(doc, first.end, sentence.end)):
        return mentions
    if context.dateline_state is None and len(first.actors) == 1:
        context.dateline_state = first.actors[0].key
    return mentions[1:]


def _dateline_only(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens from ``start`` to ``end`` are only a dateline's date and its agency in
    brackets or slashes («(أ ش أ)»، «في 3 يونيو /قنا/»), the agency there."""
    inside = agency = False
    for k in range(start, end):
        text = doc[k].text
        if text in OPENING_BRACKETS or (text == HONORIFIC_SLASH and not inside):
            inside = True
        elif text in CLOSING_BRACKETS or text == HONORIFIC_SLASH:
            inside, agency = False, agency or inside
        elif not inside and ARABIC_WORD.fullmatch(text) and not _is_date_word(doc, k, end):
            return False
    return agency and not inside


def attribution_end(rules: RuleContext, sentence: Span) -> int | None:
    """The comma that closes the attribution opening ``sentence`` ("وبحسب بيان الكرملين، …"), if any."""
    if sentence.doc[sentence.start].norm_ not in rules.words.attribution_words:
        return None
    # "وبحسب الوكالة فإن X دعا …": a complementizer also closes it.
    return next((t.i for t in sentence if t.text in COMMAS or t.norm_ in rules.words.attribution_ends), None)


def mark_attribution(rules: RuleContext, sentence: Span, mentions: list[Mention]) -> None:
    """ "وبحسب بيان لمكتب رئيس الوزراء، رحب الجانبان …": the source named before the first
    comma is not the subject of the sentence (marked as governed by its attribution word)."""
    comma = attribution_end(rules, sentence)
    if comma is None:
        return
    for mention in mentions:
        if mention.start < comma and mention.preposition is None:
            mention.preposition = str(sentence.doc[sentence.start].norm_)
