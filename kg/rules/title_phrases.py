"""Title phrases between a verb and its subject's name: "تلقى رئيس مجلس القيادة الرئاسي X",
"أجرى عضو المكتب السياسي … ووزير الخارجية X" (what :mod:`kg.rules.subjects` reads past to find
a subject standing after its verb), and the words that may stand inside a list of actors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..dates import WEEKDAYS
from ..knowledge import ORGANIZATION, PERSON
from ..normalize import strip_article
from .clauses import Sentence
from .lang_ar import ARTICLE, CLITIC_ARTICLES, LAM, LIST_PUNCTUATION, OBJECT_PRONOUNS
from .records import Mention, norm

#: The weekdays, also as the pipeline may read them without their article (الخميس → خميس).
_WEEKDAY_FORMS = frozenset(WEEKDAYS) | frozenset(strip_article(day) for day in WEEKDAYS)


def time_or_phone_word(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a weekday, a time word or the phone adverb: words that stand between
    a verb and its subject ("وتحدث هاتفيا يوم الخميس وزير الخارجية …") without distance."""
    token = s.doc[k]
    return token.norm_ in _WEEKDAY_FORMS or token.norm_ in s.words.times or s.has(k, "CALL_ADV")


def only_titles_between(s: Sentence, a: int, b: int) -> bool:
    """Whether only titles, times, connectors and a title's complement stand from ``a`` to ``b``."""
    title_words = 0  # definite words still allowed after a title ("رئيس المجلس الرئاسي X")
    # "الأمين العام لحركة الجهاد الإسلامي في فلسطين، زياد النخالة": a title's complement;
    # "ودعت وكالة الأونروا": the head noun of an organisation's name
    complement = s.words.title_complement_words | s.words.organization_heads
    for k in range(a, b):
        token = s.doc[k]
        if token.is_punct or token.is_space or token.like_num or time_or_phone_word(s, k):
            continue  # "اتصل هاتفيا، صباح اليوم، وزير الخارجية X بـ…"
        head = s.has(k, "ROLE") or token.norm_ in s.words.title_head_words
        if s.has(k, "GROUP") or head or connector(s, token):
            title_words = s.settings.title_phrase_words if head else title_words
            continue
        if s.in_mention(k):
            continue  # an organisation or state inside a title spends none of its own words
        own = _definite(s, k) or token._.clitic == LAM or _construct_head(s, k) or _named_genitive(s, k, b)
        if title_words > 0 and own:
            title_words -= 1  # "وزير الشؤون الخارجية والجالية الوطنية بالخارج، X": a title's own words
            continue
        if (s.has(k, "PREP") and token._.suffix) or _preposition_with_pronoun(s, token):
            continue  # "وأجرى خلالها الرئيس …", "التي دعا فيها X": a preposition with its own pronoun
        if token.norm_ in complement and any(m.start == k + 1 for m in s.mentions):
            continue
        return False
    return True


def past_title_body(s: Sentence, i: int, after: list[Mention]) -> list[Mention]:
    """ "أجرى رئيس مجلس الدولة الصيني لي تشيانغ", "تلقى مساعد وزير الخارجية الأمريكي": a state's
    body inside a title nobody knows is the title's complement, not the subject; the subject is
    the name right after it, if any."""
    if len(after) > 1 and not after[0].actors and _person(after[1]) and only_titles_between(s, i + 1, after[1].start):
        return after[1:]  # "ودعا الوزير المصري بدر عبد العاطي": a title that names nobody, then its holder
    if not after or after[0].start <= i + 1:
        return after
    if not any(s.doc[k].norm_ in s.words.title_head_words or s.has(k, "ROLE") for k in range(i + 1, after[0].start)):
        return after
    if after[0].kind == "body":
        if len(after) > 1 and after[1].start == after[0].end and _person(after[1]):
            return after[1:]  # the holder's name right after the title, not the verb's object
        # "ودعا المتحدث باسم الخارجية الإيرانية إلى …": a spokesperson speaks for his body (DECISIONS.md)
        return after if _spokesperson_title(s, i + 1, after[0].start) else []
    # "طالب منسق الأمم المتحدة الخاص لعملية السلام في الشرق الأوسط X", "مستشار ترامب X": an
    # organisation inside the title, or whoever a title in the construct state serves (مبعوث
    # البيت الأبيض), is its complement when a person's name ends the title.
    person = after[1] if len(after) > 1 and _person(after[1]) else None
    head = s.doc[after[0].start - 1]
    served = head.norm_ in s.words.title_head_words and not _definite(s, after[0].start - 1)
    complement = served or all(a.kind == ORGANIZATION for a in after[0].actors)
    if complement and person is not None and only_titles_between(s, i + 1, person.start):
        return after[1:]
    # "ودعا مبعوث ترامب إلى …": a holder nobody names, not the one he serves
    return [] if served and after[0].kind == "name" and _person(after[0]) else after


def _definite(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is written with the article (the normaliser may have taken it off: الوفد)."""
    token = s.doc[k]
    return token.norm_.startswith(ARTICLE) or token.text.startswith((*CLITIC_ARTICLES, ARTICLE))


def _construct_head(s: Sentence, k: int) -> bool:
    """ "رئيس مجلس القيادة الرئاسي X": an indefinite noun heading a definite genitive inside a title."""
    return k + 1 < s.sentence.end and s.doc[k].is_alpha and _definite(s, k + 1) and not s.verb(k)


def _named_genitive(s: Sentence, k: int, b: int) -> bool:
    """ "رئيس إقليم كوردستان X": an indefinite noun and the proper name it heads, right before the
    subject's name (two plain words, neither a verb nor a preposition)."""
    pair = (k, k + 1) if k + 2 == b else (k - 1, k) if k + 1 == b else None
    if pair is None or pair[0] < s.sentence.start:
        return False
    return all(s.doc[j].is_alpha and not s.verb(j) and not s.has(j, "PREP") and not _definite(s, j) for j in pair)


def _preposition_with_pronoun(s: Sentence, token: Token) -> bool:
    """ "فيها", "فيه", "عليها": a preposition written with its pronoun object as one word."""
    norm = str(token.norm_)
    return any(norm.endswith(p) and norm[: -len(p)] in s.words.prepositions for p in OBJECT_PRONOUNS)


def connector(s: Sentence, token: Token) -> bool:
    """Whether a token may stand inside a list of actors (و, commas, times, titles, adjectives)."""
    norm = token.norm_
    if norm in s.words.connectors or norm in LIST_PUNCTUATION or token.is_punct or token.is_space or token.like_num:
        return True
    if norm in WEEKDAYS or norm in s.words.connector_times or norm in s.words.honorifics:
        return True
    return strip_article(norm) in s.rules.knowledge.adjectives or norm in s.rules.knowledge.role_phrases


def title_field(s: Sentence, span: Span) -> bool:
    """Whether a goal is the field of the title before it, ending in its holder's name, not an appeal
    ("المبعوث الأمريكي الخاص لعملية السلام ستيف ويتكوف"، "منسق الأمم المتحدة الخاص لعملية السلام في
    الشرق الأوسط X"); «دعا الرئيس الفرنسي لوقف إطلاق النار», with no name after it, is an appeal."""
    if not s.doc[span.start].text.startswith(LAM):
        return False
    if any(m.start < span.start and span.end <= m.end and _person(m) for m in s.mentions):
        return True  # the title and its holder's name read as one mention
    k = span.start - 1
    floor = max(s.sentence.start, span.start - s.settings.title_field_words)
    while k > floor and not _title_head(s, k) and (s.in_mention(k) or _definite(s, k)):
        k -= 1  # back over the title's organisation and adjectives (الأممي الخاص)
    if not _title_head(s, k):
        return False
    limit = min(s.sentence.end, span.end + s.settings.title_field_words)
    j = span.end
    while (
        j < limit
        and not any(m.start == j for m in s.mentions)
        and (_definite(s, j) or s.doc[j].norm_ in s.words.title_complement_words | s.words.destination_words)
    ):
        j += 1
    return any(m.start == j and _person(m) for m in s.mentions)


def _person(mention: Mention) -> bool:
    return any(a.kind == PERSON for a in mention.actors)


def _title_head(s: Sentence, k: int) -> bool:
    return s.has(k, "ROLE") or s.doc[k].norm_ in s.words.title_head_words


def _spokesperson_title(s: Sentence, start: int, end: int) -> bool:
    """Whether a spokesperson's title (المتحدث باسم) stands from ``start`` to ``end``."""
    roles = s.rules.knowledge.role_phrases
    return any(
        t.label_ == "ROLE" and start <= t.start < end and roles.get(norm(t)) == "spokesperson" for t in s.trigger_spans
    )
