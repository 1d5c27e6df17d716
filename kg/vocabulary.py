"""The normaliser's vocabulary: the words it may strip clitics down to, and the lexicon
sections that become trigger spans (kg/nlp.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .goals import goal_words
from .knowledge import ORGANIZATION, PERSON, Knowledge
from .normalize import clitic_readings, glued_clitic, normalize_phrase
from .rules.lang_ar import CONJUNCTION_CLITICS, LAM

SUFFIXES = ("هما", "ها", "هم", "ه", "ا")

#: Lexicon sections that become trigger spans, with the span label they get.
TRIGGER_SECTIONS: list[tuple[tuple[str, ...], str]] = [
    (("call", "nouns"), "CALL_NOUN"),
    (("call", "adverbs"), "CALL_ADV"),
    (("call", "verbs_initiator_subject"), "CALL_VERB_SUBJ"),
    (("call", "verbs_initiator_object"), "CALL_VERB_OBJ"),
    (("call", "verbs_reciprocal"), "CALL_VERB_RECIP"),
    (("call", "weak_verbs"), "CALL_WEAK"),
    (("call", "verbs_call"), "CALL_VERB"),
    (("call", "video_words"), "VIDEO"),
    (("call", "not_a_call_before"), "NOT_CALL_BEFORE"),
    (("possessor_nouns",), "POSSESSOR_NOUN"),
    (("impersonal_markers",), "IMPERSONAL"),
    (("prepositions",), "PREP"),
    (("denial",), "DENIAL"),
    (("honorifics",), "HONORIFIC"),
    (("name_descriptors",), "DESCRIPTOR"),
    (("blessings",), "BLESSING"),
    (("clause_verbs",), "CLAUSE_VERB"),
    (("participles",), "PARTICIPLE"),
    (("call", "in_person_words"), "IN_PERSON"),
    (("call", "initiative_phrases"), "INITIATIVE"),
    (("stance", "verbs"), "STANCE"),
    (("stance", "agreement_verbs"), "AGREEMENT"),
    (("stance", "discussion_verbs"), "DISCUSS"),
    (("mediation",), "MEDIATION"),
    (("mediation_stance",), "MEDIATION_STANCE"),
    (("thanks",), "THANKS"),
    (("warning",), "WARNING"),
    (("warning_nouns",), "WARNING_NOUN"),
    (("warning_predicates",), "WARNING_PREDICATE"),
    (("negation",), "NEGATION"),
    (("hypothetical",), "HYPOTHETICAL"),
    (("modal_may",), "MAY"),
    (("speech_verbs",), "SPEECH"),
    (("complementizers",), "THAT"),
    (("clause_breaks",), "BREAK"),
    (("counterpart_words",), "COUNTERPART"),
    (("group_words",), "GROUP"),
    (("leader_words",), "LEADER"),
    (("official_words",), "OFFICIAL"),
    (("state_body_words",), "STATE_BODY"),
    (("plural_state_body_words",), "STATE_BODIES"),
    (("topic_guard_before",), "GUARD"),
    (("topic_guard_immediate",), "GUARD_NEAR"),
]


def section_phrases(lexicon: dict[str, Any], path: tuple[str, ...]) -> list[str]:
    """The phrases of the lexicon section at ``path`` (a list, or a dict's ``words``)."""
    value: Any = lexicon
    for part in path:
        value = value[part]
    if isinstance(value, dict):
        value = value.get("words", [])
    return list(value)


def _clitic(word: str, reading: str) -> str:
    """The proclitics (without the article) that separate ``word`` from ``reading``."""
    # لل + rest is read as ال + rest: one letter of the clitic is the article's.
    cut = len(word) - len(reading) + (0 if word.endswith(reading) else 1)
    prefix = word[:cut]
    return prefix[:-2] if prefix.endswith("ال") else prefix


def single_word_forms(knowledge: Knowledge) -> Iterator[str]:
    """The one-word Arabic forms of the knowledge's actors (names, capitals, adjectives)."""
    for record in knowledge.actors.values():
        for form in (*record.ar, *record.ar_weak, *record.capitals_ar, *record.adjectives_ar):
            if len(form.split()) == 1:
                yield form
    for adjective in knowledge.adjectives:
        yield adjective
        yield "ال" + adjective


#: The fewest letters of a term a name word's لـ is taken off for (لامين is ل + أمين, ليال no ل + يال).
MIN_LAM_TERM = 4

#: Sections whose phrases need their preposition: "بطلب من" is an initiative, "طلب من" a request.
CLITIC_BOUND_SECTIONS = (("call", "initiative_phrases"),)


class Vocabulary:
    """The words the normaliser may strip clitics down to, split by kind."""

    def __init__(self, knowledge: Knowledge) -> None:
        name_words: set[str] = set()
        for record in knowledge.actors.values():
            forms = (*record.ar, *record.ar_weak, *record.capitals_ar, *record.adjectives_ar)
            for form in forms:
                name_words.update(normalize_phrase(form).split())
        for adjective in knowledge.adjectives:
            name_words.add(adjective)
            name_words.add("ال" + adjective)
        phrases = [*knowledge.role_phrases, *knowledge.dual_role_phrases]
        # Titles are looked up by their words as written ("أمين المجلس الأعلى للأمن القومي"): their
        # words stay whole, as the initiative phrases' do.
        bound: set[str] = {w for p in phrases for w in p.split()}
        for path, _ in TRIGGER_SECTIONS:
            section = [normalize_phrase(p) for p in section_phrases(knowledge.lexicon, path)]
            phrases += section
            if path in CLITIC_BOUND_SECTIONS:
                bound.update(w for p in section for w in p.split())
        for topic_phrases in knowledge.lexicon["topics"].values():
            phrases += [normalize_phrase(p) for p in topic_phrases]
        term_words = {w for p in phrases for w in p.split()} | goal_words(knowledge.lexicon)
        whole = {p for p in phrases if " " not in p} | bound
        self.names = frozenset(name_words)
        # Short words of longer names ("يان" of "يان كوبيش", "ان", "بو") are no reason to split a
        # common word ("بيان" is not ب + يان); one-word names ("قطر", "مصر") are.
        single = {normalize_phrase(f) for f in single_word_forms(knowledge)}
        # The head noun of an organisation's name ("لحلف شمال الأطلسي", "لحزب العمال") is one, however short.
        heads = {f.split()[0] for r in knowledge.actors.values() if r.kind == ORGANIZATION for f in r.ar if " " in f}
        heads = {normalize_phrase(h) for h in heads}
        targets = {w for w in name_words if len(w) >= 4} | single | heads | term_words
        # "التحلي بضبط النفس" must not make بضبط a word of its own: a word the lexicon writes only
        # inside longer phrases, with a و/ب/ل on a word it knows, is that clitic and that word
        # wherever it stands ("طالب بضبط أكبر للنفس", "دعا لتسوية شاملة للأزمة").
        glued = {w for w in term_words - whole if glued_clitic(w, term_words.__contains__)}
        self.terms = frozenset(term_words - glued)
        self.strip_targets = frozenset(targets - (glued - name_words))
        # "وبدر البوسعيدي", "وعمر البشير": a short first name after و or ف is that name, as
        # long names are; not after a preposition (بعمر "at the age of"), and not a word that
        # is somebody's whole name (عون), which would then stand alone for him.
        self.short_first_names = (
            frozenset(
                words[0]
                for record in knowledge.actors.values()
                if record.kind == PERSON
                for words in (normalize_phrase(form).split() for form in record.ar)
                if len(words) > 1 and len(words[0]) < 4
            )
            - single
        )

    def known(self, word: str) -> bool:
        """Whether ``word`` is a name or term word."""
        return word in self.names or word in self.terms

    def lam_term(self, word: str) -> str | None:
        """The term word a name word beginning with لـ is besides (لتسهيل، للمفاوضات، لإغاثة), if any."""
        if not word.startswith(LAM):
            return None
        terms = [r for r in clitic_readings(word)[1:] if r in self.terms and len(r) >= MIN_LAM_TERM]
        return max(terms, key=len) if terms else None

    def _first_name(self, word: str, reading: str) -> bool:
        return reading in self.short_first_names and word[: len(word) - len(reading)] in CONJUNCTION_CLITICS

    def analyse(self, word: str) -> tuple[str, str, str]:
        """``(clitic, base, suffix)`` of a normalised word; base is ``word`` if unknown."""
        if word in self.names and word not in self.terms:
            # "للمفاوضات" of "الهيئة العليا للمفاوضات" is still ل + المفاوضات outside the name
            # (the gazetteer reads it whole again where it makes the name: Gazetteer._actor_spans).
            term = self.lam_term(word)
            return (_clitic(word, term), term, "") if term else ("", word, "")
        if word in self.terms:
            return "", word, ""
        # The least stripped known reading wins: والولايات → الولايات, not ولايات.
        known = [r for r in clitic_readings(word)[1:] if r in self.strip_targets or self._first_name(word, r)]
        if known:
            reading = max(known, key=len)
            return _clitic(word, reading), reading, ""
        # Suffixes only on trigger words: a name never takes ه/ها in our texts.
        for reading in clitic_readings(word):
            for suffix in SUFFIXES:
                if reading.endswith(suffix) and len(reading) - len(suffix) >= 3:
                    base = reading[: -len(suffix)]
                    if base in self.terms:
                        return _clitic(word, reading), base, suffix
        return "", word, ""
