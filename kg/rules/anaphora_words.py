"""The lexicon's ``anaphora`` section, read once: the words that refer back to an actor already
named (honorific pronouns, bare office and body nouns, statement nouns, state epithets), which
:mod:`kg.rules.anaphora` resolves. :class:`~kg.rules.words.RuleWords` holds one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import KnowledgeError
from ..normalize import normalize, normalize_phrase, strip_article


@dataclass(frozen=True)
class Style:
    """What an honorific pronoun or a bare office noun (جلالته، الوزير) tells of the one it stands
    for: the offices he may hold, the style words written before his name, and whether the word
    is the honorific only right after a verb (دولته is also "his state")."""

    roles: frozenset[str]
    honorifics: frozenset[str]
    after_verb: bool
    #: Said of a woman (معاليها، الوزيرة), not of a man (معاليه، الوزير).
    feminine: bool = False


@dataclass(frozen=True)
class AnaphoraWords:
    """The lexicon's ``anaphora`` section, normalised (:mod:`kg.rules.anaphora` reads it)."""

    styles: Mapping[str, Style]
    #: A bare body noun (الحكومة) and the head words of the bodies it refers back to.
    bodies: Mapping[str, frozenset[str]]
    statement_nouns: frozenset[str]
    #: Without the article: "مشترك" for بيان مشترك and البيان المشترك.
    statement_qualifiers: frozenset[str]
    #: The first words of a mention that show a woman (رئيسة، وزيرة، نظيرته).
    feminine_titles: frozenset[str]
    #: A bare noun of the kind of state (المملكة) → how that state's name begins (مملكه).
    epithets: Mapping[str, str]
    #: Plural nouns that stand for the parties just named (المجتمعون، المشاركون).
    participants: frozenset[str] = frozenset()
    #: Phrases that refer back to a quote before the verb of its speaker (بهذه الكلمات افتتح X).
    quote_back_phrases: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lexicon: dict[str, Any]) -> AnaphoraWords:
        """Read the ``anaphora`` section of ``lexicon``."""
        section = lexicon.get("anaphora")
        if not isinstance(section, dict):
            raise KnowledgeError("lexicon: section 'anaphora' must be an object")
        styles: dict[str, Style] = {}
        for entry in [*section["honorific_pronouns"], *section["office_nouns"]]:
            honorifics = frozenset(normalize_phrase(w) for w in entry["honorifics"])
            roles, after_verb = frozenset(entry["roles"]), bool(entry.get("after_verb", False))
            styles.update({normalize(w): Style(roles, honorifics, after_verb) for w in entry["words"]})
            styles.update({normalize(w): Style(roles, honorifics, after_verb, True) for w in entry["feminine_words"]})
        bodies = {
            normalize(w): frozenset(normalize(h) for h in entry["heads"])
            for entry in section["body_nouns"]
            for w in entry["words"]
        }
        return cls(
            styles,
            bodies,
            frozenset(normalize(w) for w in section["statement_nouns"]),
            frozenset(strip_article(normalize(w)) for w in section["statement_qualifiers"]),
            frozenset(normalize(w) for w in section["feminine_titles"]),
            {normalize(w): normalize(e["name_start"]) for e in section.get("state_epithets", []) for w in e["words"]},
            frozenset(normalize(w) for w in section.get("participant_nouns", [])),
            frozenset(normalize_phrase(w) for w in section.get("quote_back_phrases", [])),
        )
