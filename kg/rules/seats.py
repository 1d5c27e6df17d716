"""Offices named by their seat: titles of one seat («رئيس الكنيست» is Israel's speaker, «رئيس مجلس
الأمة الجزائري» the upper house's), an organisation whose name a title runs into («رئيس البرلمان
العربي»), and the resident of a seat of power («سيد البيت الأبيض», «ساكن الإليزيه»)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .context import RuleContext
from .lang_ar import ARTICLE, LAM
from .offices import resolve_office
from .records import Context, Mention, norm
from .unknown_names import lam_phrase


def seat_office(rules: RuleContext, title: str, role: str, state: str) -> str | None:
    """The office a title names at the state written after it: its own at one of its seats, the
    role of its common title elsewhere, or none when the title belongs to other seats only."""
    knowledge = rules.knowledge
    return knowledge.seat_roles.get((title, state)) or (None if title in knowledge.title_seats else role)


def implied_seat(rules: RuleContext, doc: Doc, title: str, after: int, end: int) -> str | None:
    """The one seat a title with no state names («رئيس مجلس القيادة الرئاسي» is Yemen's); none when
    a definite word that could name another body follows it («رئيس المجلس الوطني الكردي»)."""
    seats = rules.knowledge.title_seats.get(title, frozenset())
    if len(seats) != 1:
        return None
    if after < end:
        word = doc[after].norm_
        # "إلى" reads الي: a preposition or stop word is no adjective
        passed = rules.words.elect_words | rules.words.acting_words | rules.words.title_modifiers
        passed |= rules.words.prepositions | rules.words.stop_words
        if word.startswith(ARTICLE) and word not in passed:
            return None
    return next(iter(seats))


def org_in_title(rules: RuleContext, doc: Doc, title: Span, end: int) -> tuple[str, int] | None:
    """ "رئيس البرلمان العربي": an organisation whose name starts inside a title and runs past it
    (its key and where it ends)."""
    names = rules.knowledge.names
    longest = min(end, title.end + rules.settings.title_phrase_words)
    for start in range(title.start + 1, title.end):
        for stop in range(longest, title.end, -1):
            keys = names.get(" ".join(t.norm_ for t in doc[start:stop]), set())
            if len(keys) == 1 and next(iter(keys)).startswith("org/"):
                return next(iter(keys)), stop
    return None


def residence_mention(rules: RuleContext, doc: Doc, phrase: Span, end: int, context: Context) -> Mention:
    """ "سيد البيت الأبيض", "ساكن الإليزيه": the holder of the seat's office on the article's date;
    nobody when the seat's former or next holder is meant ("سيد البيت الأبيض السابق")."""
    state, role = rules.knowledge.residence_phrases[norm(phrase)]
    if phrase.end < end and doc[phrase.end].norm_ in rules.words.elect_words:
        return Mention(phrase.start, phrase.end + 1, [], "role")
    holder = resolve_office(rules, (role,), state, context)
    return Mention(phrase.start, phrase.end, [holder] if holder is not None else [], "role")


def org_past_field(rules: RuleContext, doc: Doc, j: int, end: int, spans: dict[int, Span]) -> tuple[str, int] | None:
    """ "الممثل الأعلى لشؤون السياسة الخارجية والأمن في الاتحاد الأوروبي": the organisation a title
    belongs to, after the title's لـ field and في (its key and where it ends)."""
    if j >= end or j in spans:
        return None
    token = doc[j]  # "لشؤون", or "للسياسة" read as لـ + السياسة
    if not (lam_phrase(rules, token.norm_) or token.norm_.startswith(LAM * 2) or LAM in token._.clitic):
        return None
    k, limit = j + 1, min(end, j + 1 + rules.settings.title_field_words)
    while k < limit and k not in spans and doc[k].norm_.startswith(ARTICLE):
        k += 1  # the field's genitive and its adjectives, joined by و (والأمن: its norm keeps the article)
    if k + 1 >= end or doc[k].norm_ != rules.words.word_in:
        return None
    span = spans.get(k + 1)
    keys = rules.knowledge.names.get(norm(span), set()) if span is not None and span.label_ == "NAME" else set()
    key = next(iter(keys)) if len(keys) == 1 else ""
    return (key, span.end) if span is not None and key.startswith("org/") else None
