"""Spelling variants of foreign names in Arabic, generated instead of typed one by one.

Arabic outlets transliterate a foreign name in several ways: English *g* as غ or ج (or ق),
*v* as ف or ڤ, *p* as ب (or Persian پ), and long vowels written or left out (بيزشكيان /
بزشكيان, ترامب / ترمب). The knowledge files give one or two spellings; these rules add the
others. They apply only to people whose names are not Arabic (the states that write their
names in Arabic are marked ``arabic_names`` in states.json): an Arabic name has one spelling
of its consonants. A variant that another actor already uses, or that is an ordinary word,
is dropped by the loader (see :func:`kg.knowledge.load_knowledge`).
"""

from __future__ import annotations

#: Letters a transliteration writes either way, each with its alternatives.
_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "غ": ("غ", "ج"),
    "ج": ("ج", "غ"),
    "ڤ": ("ڤ", "ف"),
    "پ": ("پ", "ب"),
    "گ": ("گ", "غ", "ج"),
    "چ": ("چ", "تش"),
    "ژ": ("ژ", "ج"),
}
_LONG_VOWELS = frozenset("اوي")
#: A name word shorter than this keeps its vowels: short words lose too much to stay unique.
MIN_WORD_FOR_VOWEL_DROP = 5


def _one_change_variants(word: str, vowels: bool) -> set[str]:
    """The word with one letter written the other way, or (``vowels``) one long vowel left out.

    Neither the first letter nor the last loses its vowel: بيزشكيان → بزشكيان, not بيزشكيا.
    """
    found = {word[:i] + alt + word[i + 1 :] for i, ch in enumerate(word) for alt in _ALTERNATIVES.get(ch, ())}
    if vowels and len(word) >= MIN_WORD_FOR_VOWEL_DROP:
        found |= {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1) if word[i] in _LONG_VOWELS}
    return found - {word}


def name_variants(form: str) -> set[str]:
    """Other spellings of a foreign name ``form``, one change away (the form itself excluded).

    One letter of any word may be written the other way; the last word (the surname, which
    outlets vary most) may also lose one long vowel that is neither its first nor its last
    letter. Changes are not combined: two changes away is as often another name as the same one.
    """
    words = form.split()
    found: set[str] = set()
    for index, word in enumerate(words):
        for variant in _one_change_variants(word, vowels=index == len(words) - 1):
            found.add(" ".join([*words[:index], variant, *words[index + 1 :]]))
    return found
