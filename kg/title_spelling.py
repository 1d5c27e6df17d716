"""Titles misspelled by a letter: "وزير الخاجية الإيراني", "وزير الخارحية السعودي".

A word one letter off the word a title goes on with, right after the title's word before it,
is read as that word (its ``norm_`` is set to it) before the title phrases are matched, so the
title and the name after it are read as written correctly. Only long words are read so (at
least ``RuleSettings.title_typo_letters`` letters, the article included), and only where one
title word alone is that near: "رئيس المجلس" is never read for "رئيس المجالس" by accident of a
short word.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from spacy.tokens import Doc


class TitleSpelling:
    """The words that may follow each word of a title, and the reading of a misspelled one."""

    def __init__(self, role_phrases: Iterable[str], known_words: frozenset[str], shortest: int) -> None:
        following: dict[str, set[str]] = {}
        for phrase in role_phrases:
            words = phrase.split()
            for before, after in pairwise(words):
                following.setdefault(before, set()).add(after)
        self.following = {word: frozenset(after) for word, after in following.items()}
        self.known_words = known_words
        self.shortest = shortest

    def correct(self, doc: Doc) -> None:
        """Read each title word misspelled by a letter in ``doc`` as the word it stands for."""
        for k in range(1, len(doc)):
            expected = self.following.get(doc[k - 1].norm_)
            word = doc[k].norm_
            if not expected or word in expected or word in self.known_words or len(word) < self.shortest - 1:
                continue
            near = [known for known in expected if len(known) >= self.shortest and one_letter_apart(word, known)]
            if len(near) == 1:
                doc[k].norm_ = near[0]


def one_letter_apart(word: str, known: str) -> bool:
    """Whether ``word`` is ``known`` with one letter added, dropped or changed."""
    if word == known or abs(len(word) - len(known)) > 1:
        return False
    short, long = sorted((word, known), key=len)
    k = next((k for k, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[k + 1 :] == long[k + 1 :] if len(short) == len(long) else short[k:] == long[k + 1 :]
