"""The word sets the rules compare tokens with, read once from the lexicon.

Trigger sections are matched by :mod:`kg.nlp` into labelled spans; the sets here are the
words a rule checks by hand (a preposition, a time word, the "from" of من طرف). The
``rule_words`` section of ``kg/data/lexicon.json`` holds the latter, written as their
normalised forms (``token.norm_``) and compared as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import KnowledgeError
from ..knowledge import Knowledge


@dataclass(frozen=True)
class RuleWords:
    """Word sets of the lexicon, by what the rules use them for."""

    # Sections of the lexicon, normalised.
    prepositions: frozenset[str]
    attribution_words: frozenset[str]
    media_nouns: frozenset[str]
    framing_words: frozenset[str]
    deputy_words: frozenset[str]
    praise_words: frozenset[str]
    all_parties_words: frozenset[str]
    non_actor_subjects: frozenset[str]
    honorifics: frozenset[str]
    thanks_object_prepositions: frozenset[str]
    #: The negation words that negate a trigger after them (``negation.before_trigger``).
    negating: frozenset[str]
    # The offices that head a state or its government (kg/data/roles.json).
    head_roles: tuple[str, ...]
    government_roles: tuple[str, ...]
    # The pipeline's stop words and every word of a trigger or title (never a name).
    stop_words: frozenset[str]
    term_words: frozenset[str]
    # ``rule_words``: single words.
    word_from: str
    word_with: str
    word_between: str
    word_every: str
    word_today: str
    phone_adverb: str
    plural_counterpart_prefix: str
    # ``rule_words``: word sets.
    connectors: frozenset[str]
    organization_heads: frozenset[str]
    from_nouns: frozenset[str]
    defined_state_nouns: frozenset[str]
    state_nouns: frozenset[str]
    past_kana: frozenset[str]
    connector_times: frozenset[str]
    times: frozenset[str]
    title_complement_words: frozenset[str]
    frame_words: frozenset[str]
    bare_call_nouns: frozenset[str]
    continuing_words: frozenset[str]
    similar_words: frozenset[str]
    wish_words: frozenset[str]
    verb_homographs: frozenset[str]
    dual_verbs: frozenset[str]
    everyone_words: frozenset[str]
    initiative_nouns: frozenset[str]
    adjectival_goals: frozenset[str]
    word_about: str
    relative_pronouns: frozenset[str]
    country_group_words: frozenset[str]
    side_group_words: tuple[str, ...]
    warning_object_openers: frozenset[str]
    warning_object_stops: frozenset[str]
    photo_credit_agencies: tuple[str, ...]

    @classmethod
    def load(cls, knowledge: Knowledge, stop_words: frozenset[str], term_words: frozenset[str]) -> RuleWords:
        """Read the word sets of ``knowledge``'s lexicon."""
        words = knowledge.words
        cues = _section(knowledge.lexicon, "rule_words")
        one, many = _one(cues), _many(cues)
        return cls(
            prepositions=words("prepositions"),
            attribution_words=words("attribution_words"),
            media_nouns=words("media_nouns"),
            framing_words=words("framing_words"),
            deputy_words=words("deputy_words"),
            praise_words=words("praise_words"),
            all_parties_words=words("all_parties_words"),
            non_actor_subjects=words("non_actor_subjects"),
            honorifics=frozenset(w for phrase in words("honorifics") for w in phrase.split()),
            thanks_object_prepositions=words("thanks_object_prepositions"),
            negating=_negating(knowledge),
            head_roles=knowledge.head_roles("state"),
            government_roles=knowledge.head_roles("government"),
            stop_words=stop_words,
            term_words=term_words,
            word_from=one("word_from"),
            word_with=one("word_with"),
            word_between=one("word_between"),
            word_every=one("word_every"),
            word_today=one("word_today"),
            word_about=one("word_about"),
            verb_homographs=frozenset(many("verb_homographs")),
            dual_verbs=frozenset(many("dual_verbs")),
            everyone_words=frozenset(many("everyone_words")),
            initiative_nouns=frozenset(many("initiative_nouns")),
            adjectival_goals=frozenset(many("adjectival_goals")),
            phone_adverb=one("phone_adverb"),
            plural_counterpart_prefix=one("plural_counterpart_prefix"),
            connectors=frozenset(many("connectors")),
            organization_heads=frozenset(many("organization_heads")),
            from_nouns=frozenset(many("from_nouns")),
            defined_state_nouns=frozenset(many("defined_state_nouns")),
            state_nouns=frozenset(many("state_nouns")),
            past_kana=frozenset(many("past_kana")),
            connector_times=frozenset(many("connector_times")),
            times=frozenset(many("times")),
            title_complement_words=frozenset(many("title_complement_words")),
            frame_words=frozenset(many("frame_words")),
            bare_call_nouns=frozenset(many("bare_call_nouns")),
            continuing_words=frozenset(many("continuing_words")),
            similar_words=frozenset(many("similar_words")),
            wish_words=frozenset(many("wish_words")),
            relative_pronouns=frozenset(many("relative_pronouns")),
            country_group_words=frozenset(many("country_group_words")),
            side_group_words=tuple(many("side_group_words")),
            warning_object_openers=frozenset(many("warning_object_openers")),
            warning_object_stops=frozenset(many("warning_object_stops")),
            photo_credit_agencies=tuple(many("photo_credit_agencies")),
        )


def _section(lexicon: dict[str, Any], name: str) -> dict[str, Any]:
    value = lexicon.get(name)
    if not isinstance(value, dict):
        raise KnowledgeError(f"lexicon: section {name!r} must be an object")
    return value


def _one(cues: dict[str, Any]) -> Callable[[str], str]:
    def read(key: str) -> str:
        value = cues.get(key)
        if not isinstance(value, str):
            raise KnowledgeError(f"lexicon: rule_words.{key} must be a string")
        return value

    return read


def _many(cues: dict[str, Any]) -> Callable[[str], list[str]]:
    def read(key: str) -> list[str]:
        value = cues.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError(f"lexicon: rule_words.{key} must be a list of strings")
        return value

    return read


def _negating(knowledge: Knowledge) -> frozenset[str]:
    """The negation words a rule counts before a trigger: ``negation.before_trigger`` as
    written (compared with ``token.norm_``), else the whole section, normalised."""
    section = knowledge.lexicon["negation"]
    if isinstance(section, dict) and "before_trigger" in section:
        return frozenset(str(w) for w in section["before_trigger"])
    return knowledge.words("negation")
