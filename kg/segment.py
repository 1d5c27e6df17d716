"""Stage 2a — segmentation: the tokenizer's rules for Arabic punctuation, and sentence starts.

``customize_tokenizer`` splits quotes and Arabic punctuation glued to words; the
``kg_sentences`` component starts a sentence after a line break and after sentence
punctuation (spaCy's sentencizer does not break at newlines, so headlines glue onto paragraphs).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex
from thinc.types import Ints2d

SENTENCE_END = frozenset(".!?؟۔")


@Language.component("kg_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break and after sentence-final punctuation."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    starts: list[int] = []
    start_next = True
    ends_previous = False
    # Read token texts through the ORTH array: creating a Token object per token costs more.
    for orth, is_punct in doc.to_array([ORTH, IS_PUNCT]).tolist():
        breaks, closing_quote, ends = _sentence_marks(strings[orth])
        starts.append(1 if start_next else -1)
        if breaks:
            start_next = True
        elif is_punct and start_next and len(starts) > 1:
            # Closing quotes after a full stop belong to the sentence just ended.
            start_next = closing_quote and ends_previous
        else:
            start_next = False
        ends_previous = ends
    # One array write: setting token.is_sent_start scans the whole doc on every token.
    sent_starts = numpy.array(starts, dtype=numpy.int64).reshape(-1, 1).astype(numpy.uint64)
    doc.from_array([SENT_START], cast(Ints2d, sent_starts))
    return doc


@lru_cache(maxsize=2**16)
def _sentence_marks(text: str) -> tuple[bool, bool, bool]:
    """Whether a token breaks a sentence after it, is a closing quote, ends in a full stop."""
    breaks = "\n" in text or (bool(text) and (text[-1] in SENTENCE_END or text == "…"))
    return breaks, text in {'"', "»", "”", ")"}, text[-1:] in SENTENCE_END


def customize_tokenizer(nlp: Language) -> None:
    """Split quotes and Arabic punctuation glued to words (``بوتين".``, ``"نعم"،وبوتين``)."""
    infixes = [*(nlp.Defaults.infixes or []), r'["«»“”]', r"[،؛]", r"(?<=[\u0600-\u06ff\"»”)])\.(?=\D|$)"]
    suffixes = [*(nlp.Defaults.suffixes or []), r'["«»“”]', r"\."]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # Once a text has hit a special case, spaCy caches none of its later words, and "\n"
    # is one; whitespace becomes one token without a special case, so drop those.
    tokenizer.rules = {text: rule for text, rule in tokenizer.rules.items() if text not in {" ", "\t", "\n"}}
