"""Names nobody knows after a title: "الرئيس غوران ميليتشيفو" (up to three name-like words), and
the words that end such a name or cannot start it (a time, a term, an article word, a لـ phrase)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..dates import WEEKDAYS
from ..normalize import clitic_readings, normalize
from .context import RuleContext
from .lang_ar import AND, ARABIC_WORD, ARTICLE, CLITIC_ARTICLES, LAM, PRONOUN_ENDINGS


def unknown_name(rules: RuleContext, doc: Doc, i: int, end: int, spans: dict[int, Span]) -> tuple[str, int] | None:
    """Up to three name-like tokens after a title (more past a link word: "فهد بن سلطان
    الرشيد"): the label of a person we do not know."""
    words: list[str] = []
    links = rules.words.name_links
    j = i
    while j < end and len(words) < rules.settings.unknown_name_words + sum(normalize(w) in links for w in words):
        if _ends_name(rules, doc[j], words, spans[j].label_ if j in spans else None):
            break
        words.append(doc[j].text)
        j += 1
    while words and normalize(words[-1]) in links:  # "فهد بن": a name does not end on a link
        words.pop()
        j -= 1
    if len(words) < rules.settings.unknown_name_min_words:
        return None
    return " ".join(words), j


def _ends_name(rules: RuleContext, token: Token, words: list[str], span: str | None) -> bool:
    """Whether ``token`` cannot continue (or start) an unknown name already holding ``words``
    (``span``: the label of a gazetteer span starting at the token)."""
    norm_, links = token.norm_, rules.words.name_links
    article = token.text.startswith(ARTICLE)
    linked = bool(words) and normalize(words[-1]) in links
    # "منصور": a first name the gazetteer knows only weakly may begin someone else's name;
    # "بن حمود الكندي": a nisba after a link is a family name, not a state.
    family = any(normalize(w) in links for w in words)
    spanned = span is not None and span != "WEAK" and not (family and span == "ADJ")
    if token.is_punct or token.is_space or token.like_num or spanned or not ARABIC_WORD.fullmatch(token.text):
        return True
    if linked or (words and norm_ in links):
        return False  # "بن علي", "بن سلطان": after a link any word is part of the name
    return bool(
        norm_ in rules.words.stop_words
        or norm_ in WEEKDAYS
        # "وأجرى الرئيس أمس الأول اتصالا": a time after a bare title names nobody
        or norm_ in rules.words.times
        or token._.clitic
        # "سامر عودة": a goal's modifier noun may be a family name, never a name's first word
        or (norm_ in rules.words.term_words and not (words and norm_ in rules.words.goal_modifier_words))
        # "ناصر فهد الاثنين": an article word ends a name, but for a family name after a
        # link ("فهد بن سلطان الرشيد")
        # "ألبرتو", "ألكسندر": the article is read as written, not in the folded form
        or (len(words) >= 2 and article and not family)
        or (not words and article)
        # "للمرة الأولى": a clitic glued to an article is no name ("كايا كالاس" is one)
        or (norm_.startswith(CLITIC_ARTICLES) and _clitic_article(rules, norm_, first=not words))
        or (not words and lam_phrase(rules, norm_))
        # "سامح شكري وحديثهما": a conjunction or a pronoun suffix ends the name.
        or (len(words) >= 2 and norm_.startswith(AND))
        or (words and norm_.endswith(PRONOUN_ENDINGS) and len(norm_) > 5)
    )


def _clitic_article(rules: RuleContext, word: str, first: bool) -> bool:
    """Whether a word spelled clitic + article (بال، فال، كال، وال، لل) reads as one: always as a
    name's first word or with لل and وال, later only when the rest is a known term ("فالمنطقة")."""
    return first or word.startswith(CLITIC_ARTICLES[:2]) or word[1:] in rules.words.term_words


def lam_phrase(rules: RuleContext, word: str) -> bool:
    """Whether a word is لـ and a noun, which opens a title's field or a preposition's phrase, never a
    name ("المبعوث الأمريكي لشؤون المناخ", "لدى", "لملف", "لقناة"): a preposition or destination word,
    or لـ before a term or media noun the lexicon knows (with or without its article) or a field noun
    of ``title_fields``."""
    if not word.startswith(LAM):
        return False
    if word in rules.words.prepositions or word in rules.words.destination_words:
        return True
    known = rules.words.term_words | rules.words.media_nouns | rules.knowledge.words("title_fields")
    return any(r in known or ARTICLE + r in known for r in clitic_readings(word)[1:] if len(r) > 2)


def field_end(rules: RuleContext, doc: Doc, k: int, end: int, spans: dict[int, Span]) -> int:
    """Where a title's field of لـ + a noun and a name ends ("المبعوث الأمريكي لشؤون إيران": the
    state is the field, not an actor of the sentence); ``k`` when no such field starts there."""
    if k + 1 >= end or k in spans or not lam_phrase(rules, doc[k].norm_):
        return k
    name = spans.get(k + 1)
    return name.end if name is not None and name.label_ == "NAME" else k
