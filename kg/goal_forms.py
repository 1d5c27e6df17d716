"""The written forms of the goal grammar's words (kg/goals.py): a lexicon section's words and
kinds, each phrase with and without its article (and in agreement for a noun and its
adjectives), and the goal heads ending in hamza with an object pronoun."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .normalize import normalize_phrase

#: The article, added to a head, object or adjective written without it.
ARTICLE = "\u0627\u0644"
#: The preposition lam an object takes after an adjective (وقف فوري لإطلاق النار, للتصعيد).
LAM = "\u0644"


def words_of(section: Any) -> list[str]:
    """The words of a lexicon section: a list, or a dict of lists (keys with _ left out)."""
    if isinstance(section, dict):
        return [w for key, words in section.items() if not key.startswith("_") for w in words]
    return list(section)


def kinds_of(lexicon: dict[str, Any], name: str) -> dict[str, list[str]]:
    """A section of kinds (``goal_heads``, ``goal_objects``): kind → its words."""
    return {k: list(v) for k, v in lexicon.get(name, {}).items() if not k.startswith("_")}


#: The endings an adjective of ``goal_modifiers`` also takes: the feminine ة and the accusative alif.
ADJECTIVE_ENDINGS = ("", "\u0627", "\u0629")


def modifier_words(lexicon: dict[str, Any]) -> set[str]:
    """The words of ``goal_modifiers`` as text writes them: its words, and its adjectives also
    feminine and accusative (شامل → شاملة، شاملا), each with and without the article."""
    section = lexicon.get("goal_modifiers", {})
    adjectives = [a + ending for a in section.get("adjectives", []) for ending in ADJECTIVE_ENDINGS]
    return with_article([*words_of(section), *adjectives])


def with_article(phrases: Iterable[str]) -> set[str]:
    """Each phrase with and without the article on its first word (حرب ↔ الحرب), and a
    two-word construct also indefinite (إطلاق النار → إطلاق نار)."""
    out: set[str] = set()
    for phrase in phrases:
        key = normalize_phrase(phrase)
        if not key:
            continue
        out.add(key)
        first, _, rest = key.partition(" ")
        other = first[len(ARTICLE) :] if first.startswith(ARTICLE) and len(first) > 4 else ARTICLE + first
        out.add(f"{other} {rest}".strip())
        # A construct (إطلاق النار) is indefinite on its last word: "وقف إطلاق نار دائم".
        if rest and " " not in rest and rest.startswith(ARTICLE) and not first.startswith(ARTICLE):
            out.add(f"{first} {rest[len(ARTICLE) :]}")
        out |= _agreeing_forms(key.split())
    return out


def _agreeing_forms(words: list[str]) -> set[str]:
    """A noun with its adjectives agrees in definiteness on every word: "الأعمال الاستفزازية"
    is also "أعمال استفزازية", and "ممرات آمنة" also "الممرات الآمنة"."""
    if len(words) < 2:
        return set()
    if all(w.startswith(ARTICLE) and len(w) > 4 for w in words):
        return {" ".join(w[len(ARTICLE) :] for w in words)}
    if all(not w.startswith(ARTICLE) and len(w) > 2 for w in words):
        return {" ".join(ARTICLE + w for w in words)}
    return set()


#: A word-final hamza (ء) takes a seat before a pronoun: إنهاء → إنهائه، احتواؤه (normalised ي، و).
HAMZA, HAMZA_SEATS = "\u0621", ("\u0621", "\u064a", "\u0648")


def hamza_pronoun_forms(lexicon: dict[str, Any]) -> dict[str, list[str]]:
    """Goal heads ending in hamza with an object pronoun, as written whole (إنهائه، احتوائها),
    to their kinds: the normaliser cannot split them, as the hamza changes its seat."""
    suffixes = [normalize_phrase(s) for s in lexicon.get("goal_anaphora", {}).get("suffixes", [])]
    forms: dict[str, list[str]] = {}
    for kind, words in kinds_of(lexicon, "goal_heads").items():
        for head in with_article(words):
            if " " in head or not head.endswith(HAMZA):
                continue
            for seat in HAMZA_SEATS:
                for suffix in suffixes:
                    forms.setdefault(head[: -len(HAMZA)] + seat + suffix, []).append(kind)
    return forms
