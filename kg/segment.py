"""Stage 2a — segmentation: the tokenizer's rules for Arabic punctuation, and sentence starts.

``blank_arabic`` makes the blank Arabic pipeline whose tokenizer
``customize_tokenizer`` teaches to split quotes and Arabic punctuation glued to words; the
``kg_sentences`` component starts a sentence after a line break and after sentence
punctuation (spaCy's sentencizer does not break at newlines, so headlines glue onto paragraphs).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from thinc.types import Ints2d

from .knowledge import STATE, Knowledge, load_knowledge
from .normalize import normalize, normalize_phrase
from .rules.lang_ar import AND, CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTE
from .rules.settings import RuleSettings

SENTENCE_END = frozenset(".!?؟۔")
#: How many distinct words :class:`GluedStates` remembers its reading of.
MEMO_SIZE = 2**16
#: Stops after which a headline goes on past a closing quote («…».. X يطالب …).
HEADLINE_STOPS = frozenset({"..", "...", "…"})
#: Dashes that close a dateline, and marks that open a bulleted line.
DASHES = frozenset({"-", "–", "—"})
BULLETS = frozenset({"-", "–", "—", "•", "*", "·"})
COMMA_TEXTS = frozenset({"،", ","})
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
#: A negative lookahead that keeps "word.word" of Arabic letters out of spaCy's URL match.
ARABIC_GLUED_STOP = r"(?![\u0600-\u06ff]+(?:\.[\u0600-\u06ff]+)+$)"


class GluedStates:
    """Splits a word that is two states' names glued at their و (الهندوباكستان → الهند + وباكستان),
    as scraped text writes them; the text stays as it was, only the tokens change."""

    def __init__(self, knowledge: Knowledge) -> None:
        forms = (f for r in knowledge.actors.values() if r.kind == STATE for f in (*r.ar, *r.capitals_ar))
        self.states = frozenset(normalize(f) for f in forms if len(f.split()) == 1)
        self.shortest = min(map(len, self.states), default=0)
        self.cuts: dict[str, int | None] = {}  # memoised: news reuses its words

    def cut(self, text: str) -> int | None:
        """Where the second name (with its و) starts in ``text``, if two names are glued there."""
        if len(text) < 2 * self.shortest + 1:
            return None
        if text not in self.cuts:
            if len(self.cuts) >= MEMO_SIZE:
                self.cuts.clear()
            self.cuts[text] = next(
                (
                    k
                    for k in range(self.shortest, len(text) - self.shortest)
                    if text[k] == AND and normalize(text[:k]) in self.states and normalize(text[k + 1 :]) in self.states
                ),
                None,
            )
        return self.cuts[text]

    def __call__(self, doc: Doc) -> Doc:
        cuts = [(token, k) for token in doc if AND in token.text and (k := self.cut(token.text)) is not None]
        if cuts:
            with doc.retokenize() as retokenizer:
                for token, k in cuts:
                    retokenizer.split(token, [token.text[:k], token.text[k:]], heads=[(token, 0), (token, 0)])
        return doc


@Language.factory("kg_sentences", default_config={"knowledge_dirs": []})
def make_sentences(nlp: Language, name: str, knowledge_dirs: list[str]) -> SentenceSplitter:
    """spaCy factory for :class:`SentenceSplitter`."""
    return SentenceSplitter(load_knowledge(Path(d) for d in knowledge_dirs))


class SentenceSplitter:
    """Starts a sentence after a line break and after sentence punctuation, except:

    * after an abbreviation (a one-letter word and its full stop: د. م. أ.);
    * after a quote that is the whole sentence, when the next words name its speaker: a
      headline's «..» and a word ("«…».. X يطالب …"), or a reference back to the quote
      ("«…». قال ذلك X", "«…». بهذه الكلمات افتتح X …", lexicon ``anaphora.quote_back_*``);
    * at a hard line wrap: a line (not the first, the headline) that ends without sentence
      punctuation in a word that cannot end a sentence (a comma, a preposition, a
      complementizer, a verb before its subject) or whose next line goes on with و and a
      title ("هاتف الرئيس X\nوالرئيس Y"); a blank line always ends a sentence;

    and it ends a dateline at its closing bracket when a dash or a run of spaces follows it
    ("الرباط (وكالات)-أجرى …": a line that opens with a word or two and a bracket). Reads ``token.norm_``,
    so it runs after ``kg_normalizer``.
    """

    def __init__(self, knowledge: Knowledge, settings: RuleSettings | None = None) -> None:
        lexicon = knowledge.lexicon
        verbs = lexicon["clause_verbs"]
        verbs = verbs.get("words", []) if isinstance(verbs, dict) else verbs
        # Particles and name links that never end a sentence ("وكان X، قد\nأجرى", "عبد\nالله").
        ends = [*lexicon["prepositions"], *lexicon["complementizers"], *verbs, *lexicon["line_open_ends"]]
        self.open_ends = frozenset(w for w in (normalize_phrase(e) for e in ends) if len(w) >= 2 and " " not in w)
        self.title_words = frozenset(p.split()[0] for p in knowledge.role_phrases)
        anaphora = lexicon["anaphora"]
        self.quote_back_words = frozenset(normalize(w) for w in anaphora.get("quote_back_words", ()))
        self.quote_back_phrases = frozenset(normalize_phrase(w) for w in anaphora.get("quote_back_phrases", ()))
        agencies = lexicon.get("dateline_agencies", [])
        self.agencies = frozenset(normalize_phrase(agency) for agency in agencies)
        chosen = settings or RuleSettings()
        self.dateline_words = chosen.dateline_words
        self.agency_words = chosen.dateline_agency_words

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
        spaced = doc.to_array(SPACY).tolist()
        first_break = next((i for i, text in enumerate(texts) if "\n" in text), -1)
        starts: list[int] = []
        start_next, ends_previous, since_start, opened, line_start = True, False, 0, -1, True
        sentence_start = 0
        slashed = -1  # where the slash before a dateline's agency stood ("/أ ش أ/")
        # Read token texts through the ORTH array: creating a Token object per token costs more.
        for i, is_punct in enumerate(doc.to_array(IS_PUNCT).tolist()):
            text = texts[i]
            breaks, closing_quote, ends = _sentence_marks(text)
            if start_next:
                since_start, opened, slashed, sentence_start = 0, -1, -1, i
                line_start = i == 0 or "\n" in texts[i - 1]
            else:
                since_start += 1
            # The first slash of a line's opening words opens a dateline's agency; a later one may close it.
            opening_slash = text == SLASH and slashed < 0 and line_start and since_start <= self.dateline_words
            if text == "(" and opened < 0:
                opened = since_start
            elif opening_slash:
                slashed = since_start
            starts.append(1 if start_next else -1)
            if breaks:
                breaks = not (
                    self._joined(doc, texts, i, first_break) or self._speaker_follows(texts, i, sentence_start)
                )
            elif not opening_slash and (
                self._dateline_end(texts, i, text, since_start, opened if text == ")" else slashed, line_start)
                or self._open_agency_end(texts, i, since_start, slashed if line_start else -1)
            ):
                breaks = True  # "الرباط (وكالات)-أجرى …": the dateline is no part of the sentence
            if breaks:
                start_next = True
            elif is_punct and start_next and len(starts) > 1:
                # Closing quotes after a full stop belong to the sentence just ended; a straight
                # quote a space away from it opens the next one ('…قال X. "ندعو …"').
                opening = text == STRAIGHT_QUOTE and bool(spaced[i - 1])
                start_next = closing_quote and ends_previous and not opening
            else:
                start_next = False
            ends_previous = ends
        # One array write: setting token.is_sent_start scans the whole doc on every token.
        sent_starts = numpy.array(starts, dtype=numpy.int64).reshape(-1, 1).astype(numpy.uint64)
        doc.from_array([SENT_START], cast(Ints2d, sent_starts))
        return doc

    def _dateline_end(
        self, texts: list[str], i: int, text: str, since_start: int, opened: int, line_start: bool
    ) -> bool:
        """Whether the bracket or slash ``text`` at ``i`` closes a dateline that opens its line: one
        opened in its first words ("الرباط (وكالات)-أجرى", "القاهرة في 3 يونيو /أ ش أ/ أجرى"), then a
        dash or a run of spaces, or, around a news agency's name (lexicon ``dateline_agencies``), the
        first word of the sentence ("بوتين (الرئيس الروسي) يهاتف …" is no dateline)."""
        if text not in {")", SLASH} or not line_start or opened < 0 or i + 1 >= len(texts):
            return False
        if text == ")" and (opened > 2 or since_start > self.dateline_words):
            return False
        after = texts[i + 1]
        if after in DASHES or after.isspace():
            return True
        inside = since_start - opened - 1
        if not 0 < inside <= self.agency_words or ARABIC_LETTER.match(after) is None:
            return False
        return normalize_phrase(" ".join(texts[i - inside : i])) in self.agencies

    def _open_agency_end(self, texts: list[str], i: int, since_start: int, slashed: int) -> bool:
        """Whether the word at ``i`` ends a news agency's name (lexicon ``dateline_agencies``) that
        follows the opening slash of a line's dateline with no slash to close it, and a word follows
        ("أنقرة/ الأناضول أكد …", the Anadolu agency's style)."""
        inside = since_start - slashed
        if slashed < 0 or not 0 < inside <= self.agency_words or i + 1 >= len(texts):
            return False
        if ARABIC_LETTER.match(texts[i + 1]) is None:
            return False
        return normalize_phrase(" ".join(texts[i - inside + 1 : i + 1])) in self.agencies

    def _speaker_follows(self, texts: list[str], i: int, start: int) -> bool:
        """Whether the stop at ``i`` closes a sentence that is one quote and the next words name
        its speaker: a headline's «..» then a word, or a reference back to the quote in the same
        line or the next one ("«…».\nقال ذلك X"; the line break after the stop goes on too)."""
        stop = i
        if "\n" in texts[i]:
            stop = i - 1  # the line break after the quote's full stop
            if texts[i].count("\n") > 1 or stop <= start or texts[stop] != ".":
                return False
        opening, closing = texts[start], texts[stop - 1]
        quoted = opening in OPENING_QUOTES and closing in CLOSING_QUOTES
        if not (quoted or opening == closing == STRAIGHT_QUOTE):
            return False
        if sum(texts[k] in OPENING_QUOTES for k in range(start, stop)) > 1:
            return False
        after = [t for t in texts[stop + 1 : stop + 4] if t.strip()][:2]
        if len(after) < 2 or any(t.count("\n") > 1 for t in texts[stop + 1 : stop + 3]):
            return False
        if texts[stop] in HEADLINE_STOPS:
            return "\n" not in texts[stop + 1] and ARABIC_LETTER.match(after[0]) is not None
        if texts[stop] != ".":
            return False
        first, second = after
        return (
            normalize(second) in self.quote_back_words
            or normalize_phrase(f"{first} {second}") in self.quote_back_phrases
        )

    def _joined(self, doc: Doc, texts: list[str], i: int, first_break: int) -> bool:
        """Whether the break at token ``i`` (a full stop or a line break) goes on with the sentence."""
        text = texts[i]
        if text.endswith("."):
            stem = text[:-1] or (texts[i - 1] if i else "")
            return len(stem) == 1 and ARABIC_LETTER.match(stem) is not None  # د. م. أ.
        if "\n" not in text or text.count("\n") > 1 or i == first_break:
            return False  # a paragraph break, or the end of the headline
        previous = i - 1
        if previous < 0 or texts[previous][-1:] in SENTENCE_END or "\n" in texts[previous]:
            return False
        after = i + 1
        if after >= len(texts) or texts[after] in BULLETS:
            return False
        last = doc[previous]
        if last.text in COMMA_TEXTS or last.norm_ in self.open_ends:
            return True
        first = doc[after]
        return first._.clitic.startswith(AND) and first.norm_ in self.title_words


@lru_cache(maxsize=2**16)
def _sentence_marks(text: str) -> tuple[bool, bool, bool]:
    """Whether a token breaks a sentence after it, is a closing quote, ends in a full stop."""
    breaks = "\n" in text or (bool(text) and (text[-1] in SENTENCE_END or text == "…"))
    return breaks, text in {'"', "»", "”", ")"}, text[-1:] in SENTENCE_END


#: A dateline glued to its sentence ("الرباط (وكالات)-أجرى", "عمان-(بترا)-أكد"): a dash between
#: a bracket and Arabic letters, and the bracket next to it, are tokens of their own.
DATELINE_INFIXES = (
    r"(?<=[\u0600-\u06ff])[)\]](?=[-–—])",
    r"(?<=[)\]])[-–—]+(?=[\u0600-\u06ff(])",
    r"(?<=[\u0600-\u06ff])[-–—]+(?=[(\[])",
    r"(?<=[-–—])[(\[](?=[\u0600-\u06ff])",
)
#: A dash glued to the first word after a dateline ("(أ ف ب) -أجرى").
DASH_BEFORE_WORD = r"[-–—](?=[\u0600-\u06ff])"
#: The slashes around an agency's name in a dateline ("القاهرة /أ ش أ/"), split from its letters.
SLASH = "/"
SLASH_BEFORE_WORD = r"/(?=[\u0600-\u06ff])"
SLASH_AFTER_WORD = r"(?<=[\u0600-\u06ff])/"


def blank_arabic() -> Language:
    """``spacy.blank("ar")``, without importing the pipeline factories other packages declare.

    Every ``Language()`` imports the factories installed packages declare as entry points,
    so that a config may name them: with the transformers extra, spacy-transformers,
    transformers and torch (about 2 CPU-seconds a process), none of which this pipeline
    uses. The next ``Language()`` (``spacy.load`` of a trained model, ``kg train``) imports
    them as spaCy always does.
    """
    from catalogue import Registry

    registry = spacy.util.registry
    declared = getattr(registry, "_entry_point_factories", None)
    if not isinstance(declared, Registry):
        return spacy.blank("ar")
    registry._entry_point_factories = Registry(declared.namespace, entry_points=False)
    try:
        return spacy.blank("ar")
    finally:
        registry._entry_point_factories = declared


def customize_tokenizer(nlp: Language) -> None:
    """Split quotes and Arabic punctuation glued to words (``بوتين".``, ``"نعم"،وبوتين``, ``وأضاف:"``)."""
    infixes = [
        *(nlp.Defaults.infixes or []),
        r'["«»“”]',
        r"[،؛]",
        r"(?<=[\u0600-\u06ff\"»”)])\.(?=\D|$)",
        # A colon glued to the verb that opens a quote ("وأضاف:"نحن …"): the colon is a token.
        r"(?<=[\u0600-\u06ff]):",
        *DATELINE_INFIXES,
    ]
    suffixes = [*(nlp.Defaults.suffixes or []), r'["«»“”]', r"\.", r"(?<=[\u0600-\u06ff]):", SLASH_AFTER_WORD]
    prefixes = [*(nlp.Defaults.prefixes or []), DASH_BEFORE_WORD, SLASH_BEFORE_WORD]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    # Two Arabic words glued by a full stop ("نظيره الروسي.وكان") are no web address: spaCy's
    # URL pattern would keep them one token, so the state and the next sentence were lost.
    url = str(tokenizer.url_match.__self__.pattern)
    flags = re.match(r"(?:\(\?[a-z]+\))*", url)
    cut = flags.end() if flags else 0
    tokenizer.url_match = re.compile(url[:cut] + ARABIC_GLUED_STOP + url[cut:]).match
    # Once a text has hit a special case, spaCy caches none of its later words, and "\n"
    # is one; whitespace becomes one token without a special case, so drop those.
    tokenizer.rules = {text: rule for text, rule in tokenizer.rules.items() if text not in {" ", "\t", "\n"}}
