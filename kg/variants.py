"""Spelling variants of foreign names in Arabic, generated instead of typed one by one.

Arabic outlets transliterate a foreign name in several ways: English *g* as غ or ج (or ق,
Gulf and Iraqi style: أردوقان, بينق, from a form written with غ),
*v* as ف or ڤ, *p* as ب (or Persian پ), and long vowels written or left out (بيزشكيان /
بزشكيان, ترامب / ترمب). The knowledge files give one or two spellings; these rules add the
others. They apply only to people whose names are not Arabic (the states that write their
names in Arabic are marked ``arabic_names`` in states.json): an Arabic name has one spelling
of its consonants. A variant that another actor already uses, or that is an ordinary word,
is dropped by the loader (see :func:`kg.knowledge.load_knowledge`).
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .actors import PERSON, ActorRecord
from .normalize import normalize_phrase, strip_article

#: Letters a transliteration writes either way, each with its alternatives.
_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "غ": ("غ", "ج", "ق"),
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


#: A generated one-word spelling (a surname alone) must be at least this long: shorter ones
#: too often spell an ordinary word once hamza and alef maqsura are folded (أقصوي → أقصي = أقصى,
#: سيبيلا → سبيلا = "a way").
MIN_SINGLE_WORD_VARIANT = 6


def with_generated_variants(
    actors: dict[str, ActorRecord], arabic_states: set[str], common_words: Iterable[str] = ()
) -> dict[str, ActorRecord]:
    """Actors whose foreign names get the spellings :func:`kg.variants.name_variants` generates.

    A person is foreign when they hold a state office and none in a state that writes its names
    in Arabic. A generated spelling is kept only when no actor already uses it, no other person
    generates it too, and none of its words is an ordinary Arabic word (spaCy's Arabic stop
    words, the lexicon's words), a nationality adjective with or without its article, or a
    one-word form shorter than a surname can safely be.
    """
    ordinary = {normalize_phrase(w) for w in (*arabic_stop_words(), *common_words)}
    taken: set[str] = set(ordinary)
    for record in actors.values():
        for form in (*record.ar, *record.ar_weak, *record.capitals_ar, *record.adjectives_ar):
            taken.add(normalize_phrase(form))
        # "مسؤول إيراني": a nationality adjective without its article is no name (إيرواني → إيراني).
        taken.update(strip_article(normalize_phrase(form)) for form in record.adjectives_ar)
    proposals: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, dict[str, str]] = defaultdict(dict)
    for key, record in actors.items():
        seats = {o.seat for o in record.offices if o.state}
        if record.kind != PERSON or not seats or seats & arabic_states:
            continue
        for form in record.ar:
            for variant in name_variants(form):
                folded = normalize_phrase(variant)
                words = folded.split()
                if len(words) == 1 and len(folded) < MIN_SINGLE_WORD_VARIANT:
                    continue
                if folded not in taken and not any(w in ordinary for w in words):
                    proposals[folded].add(key)
                    spelled[key].setdefault(folded, variant)
    generated: dict[str, list[str]] = defaultdict(list)
    for folded, keys in proposals.items():
        if len(keys) == 1:
            key = next(iter(keys))
            generated[key].append(spelled[key][folded])
    return {
        key: replace(record, ar=(*record.ar, *generated[key]), ar_generated=tuple(generated[key]))
        if key in generated
        else record
        for key, record in actors.items()
    }


def arabic_stop_words() -> list[str]:
    """spaCy's Arabic stop words, read from its source file.

    Importing ``spacy.lang.ar`` imports spaCy itself, which pulls in torch through thinc when
    the transformers extra is installed (seconds); commands that only read the knowledge
    (``kg actors``) should not pay for that. The file is one triple-quoted list of words.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return []
    source = Path(next(iter(spec.submodule_search_locations))) / "lang" / "ar" / "stop_words.py"
    block = re.search(r'"""(.*?)"""', source.read_text(encoding="utf-8"), re.S)
    return block.group(1).split() if block else []
