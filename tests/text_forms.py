"""Changes of form that carry no meaning, as outlets write the same Arabic differently.

Used by tests/test_text_layout.py (invented paragraphs) and scripts/format_invariance.py (the
tuning sets' real articles): a rule that reads structure finds the same facts in each form.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

HARAKAT = "\u064e\u064f\u0650\u0651\u0652"


def _words(text: str, change: Callable[[str, random.Random], str], seed: int = 7) -> str:
    rng = random.Random(seed)
    return re.sub(r"[\u0621-\u064a]+", lambda m: change(m.group(0), rng), text)


def no_hamza(text: str) -> str:
    """Alef without hamza or madda, as many outlets type it."""
    return text.translate(str.maketrans("أإآ", "ااا"))


def final_ya_as_alef_maqsura(text: str) -> str:
    """Final ي written ى (Egyptian style: «السيسى», «فى»)."""
    return re.sub(r"ي\b", "ى", text)


def persian_letters(text: str) -> str:
    """Persian ی and ک for ي and ك (some Iranian and Afghan outlets)."""
    return text.translate(str.maketrans("يك", "یک"))


def some_diacritics(text: str) -> str:
    """A shadda or short vowel on a sixth of the words (as in «شدّد», «عبّر»)."""

    def mark(word: str, rng: random.Random) -> str:
        if len(word) < 3 or rng.random() > 0.17:
            return word
        at = rng.randrange(1, len(word))
        return word[:at] + rng.choice(HARAKAT) + word[at:]

    return _words(text, mark)


def tatweel(text: str) -> str:
    """A kashida inside a tenth of the longer words."""

    def stretch(word: str, rng: random.Random) -> str:
        if len(word) < 4 or rng.random() > 0.1:
            return word
        at = rng.randrange(2, len(word) - 1)
        if word[at - 1] in "اأإآدذرزوؤةى":
            return word
        return word[:at] + "ـ" + word[at:]

    return _words(text, stretch)


def latin_punctuation(text: str) -> str:
    """Latin comma, semicolon and question mark, straight quotes for guillemets."""
    return text.translate(str.maketrans("،؛؟«»", ',;?""'))


def curly_quotes(text: str) -> str:
    """Curly quotes for guillemets and straight quotes."""
    text = text.replace("«", "“").replace("»", "”")
    return re.sub(r'"([^"\n]*)"', r"“\1”", text)


def no_full_stops(text: str) -> str:
    """Sentences run on: full stops inside paragraphs dropped (kept at a paragraph's end)."""
    return re.sub(r"\.(?=[ \t]+\S)", "", text)


def line_wraps(text: str) -> str:
    """Hard line wraps near 60 characters inside paragraphs."""
    out = []
    for paragraph in text.split("\n"):
        line, lines = "", []
        for word in paragraph.split(" "):
            if line and len(line) + len(word) > 60:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def direction_marks(text: str) -> str:
    """Right-to-left marks after punctuation and no-break spaces after the first word of lines."""
    text = re.sub(r"([،.:])", "\\1\u200f", text)
    return re.sub(r"^(\S+) ", "\\1\u00a0", text, flags=re.M)


def indic_digits(text: str) -> str:
    """Arabic-Indic digits."""
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def one_paragraph(text: str) -> str:
    """The whole text on one line (a scraper that lost the paragraph breaks)."""
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def spaced_punctuation(text: str) -> str:
    """A space before commas and full stops («النار .»)."""
    return re.sub(r"(?<=\S)([،,.؛:])(?=\s)", r" \1", text)


def glued_punctuation(text: str) -> str:
    """No space after a comma («السيسي،ودعا»)."""
    return re.sub(r"([،,])\s+(?=\S)", r"\1", text)


def spaced_waw(text: str) -> str:
    """The conjunction و typed as a word of its own before a verb or a name («و دعا»)."""
    return re.sub(r"(?<![\u0621-\u064a])و(?=(?:أ|ا|د|ش|ط|ح|ت|ق|ب)[\u0621-\u064a]{2,})", "و ", text)


def final_ta_as_ha(text: str) -> str:
    """Final ة written ه (informal typing: «الخارجيه»)."""
    return re.sub(r"ة\b", "ه", text)


def sentence_per_line(text: str) -> str:
    """A line break after every full stop (outlets and feeds that set each sentence apart)."""
    return re.sub(r"(?<=[\u0621-\u064a\d][.!؟])[ \t]+(?=\S)", "\n", text)


def no_headline(text: str) -> str:
    """The headline (a first line of at most 20 words, no full stop) dropped, as feeds that carry the body only."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), 0)
    if len(lines[first].split()) > 20 or lines[first].rstrip()[-1:] in ".!؟،,":
        return text
    return "\n".join(lines[first + 1 :]).lstrip("\n")


def no_quotes(text: str) -> str:
    """Quotation marks dropped (feeds that strip them)."""
    return re.sub('[«»“”"]', "", text)


def guillemets(text: str) -> str:
    """Straight and curly quotes written as guillemets «»."""
    text = text.replace("“", "«").replace("”", "»")
    return re.sub(r'"([^"\n]*)"', r"«\1»", text)


def _dashes(dash: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        # Spaced on both sides: «لـ «حماس»» is a kashida after a clitic, no dash.
        return re.sub(r"(?<=\S)[ \t]+[-–—ـ][ \t]+(?=\S)", f" {dash} ", text)

    change.__doc__ = f"Every spaced dash written {dash!r}."
    return change


def _first_body_line(lines: list[str]) -> int:
    """The first line of eight words or more that ends a sentence, opens with a word (no و) and has no dateline."""

    def body(line: str) -> bool:
        opening = " ".join(line.split()[:5])
        return (
            len(line.split()) >= 8
            and re.match("[\u0621-\u0647\u0649-\u064a]", line) is not None
            and line.rstrip()[-1:] in '.!؟»"'
            and not re.search(r"[(/]| [-–—ـ] ", opening)
        )

    return next((k for k, line in enumerate(lines) if body(line)), -1)


def _dateline(prefix: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        lines = text.split("\n")
        k = _first_body_line(lines)
        if k >= 0:
            lines[k] = prefix + lines[k].lstrip()
        return "\n".join(lines)

    change.__doc__ = f"The first paragraph opened by a dateline {prefix!r}."
    return change


#: Transliteration changes outlets make in foreign surnames (English g, v, ch; final a; a long
#: vowel left out: بيزشكيان / بزشكيان, ترامب / ترمب).
NAME_CHANGES: list[tuple[str, str, str]] = [
    ("ج→غ", "ج", "غ"),
    ("غ→ج", "غ", "ج"),
    ("غ→ق", "غ", "ق"),
    ("ف→ڤ", "ف", "ڤ"),
    ("ڤ→ف", "ڤ", "ف"),
    ("تش→چ", "تش", "چ"),
    ("چ→تش", "چ", "تش"),
    ("final ة→ه", "ة$", "ه"),
    ("final ا→ه", "ا$", "ه"),
    ("long vowel dropped", "(?<=^..)[اوي](?=..)", ""),
]


def name_variant(word: str, change: tuple[str, str, str]) -> str:
    """``word`` with one transliteration change of :data:`NAME_CHANGES` (the first place it applies)."""
    _, pattern, by = change
    return re.sub(pattern, by, word, count=1)


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "no_hamza": no_hamza,
    "final_ya": final_ya_as_alef_maqsura,
    "persian": persian_letters,
    "diacritics": some_diacritics,
    "tatweel": tatweel,
    "latin_punct": latin_punctuation,
    "curly_quotes": curly_quotes,
    "no_full_stops": no_full_stops,
    "line_wraps": line_wraps,
    "direction_marks": direction_marks,
    "indic_digits": indic_digits,
    "one_paragraph": one_paragraph,
    "spaced_punct": spaced_punctuation,
    "glued_punct": glued_punctuation,
    "spaced_waw": spaced_waw,
    "final_ta_ha": final_ta_as_ha,
    "sentence_lines": sentence_per_line,
    "no_headline": no_headline,
    "no_quotes": no_quotes,
    "guillemets": guillemets,
    "en_dash": _dashes("–"),
    "em_dash": _dashes("—"),
    "hyphen": _dashes("-"),
    "dateline_mena": _dateline("القاهرة - أ ش أ: "),
    "dateline_reuters": _dateline("(رويترز) - "),
    "dateline_quds": _dateline('بيروت – "القدس العربي": '),
    "dateline_slash": _dateline("أنقرة/ الأناضول "),
}
