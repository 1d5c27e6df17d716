"""Stage 2 — the spaCy pipeline: tokenise, normalise, split sentences, tag known terms.

``build_pipeline()`` returns ``spacy.blank("ar")`` with three components:

* ``kg_normalizer`` sets ``token.norm_`` to the Arabic matching key with proclitics
  (و ف ب ل ك, ال) and object/possessive suffixes removed where what is left is a word the
  knowledge knows, and records the stripped clitic in ``token._.clitic``;
* ``kg_sentences`` starts sentences after line breaks and sentence punctuation
  (spaCy's sentencizer does not break at newlines, so headlines glue onto paragraphs);
* ``kg_gazetteer`` runs two ``PhraseMatcher``\\ s on ``NORM``: actor names into
  ``doc.spans["actors"]`` (and unambiguous ones into ``doc.ents``), trigger phrases of
  the lexicon into ``doc.spans["triggers"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from thinc.types import Ints2d

from .goals import GoalMatcher, topic_variants
from .knowledge import ORGANIZATION, PERSON, STATE, Knowledge, load_knowledge
from .normalize import article_reading, normalize, normalize_phrase, strip_article
from .rules.lang_ar import HA, LAM, TA_MARBUTA
from .rules.settings import RuleSettings
from .segment import GluedStates, SentenceSplitter, blank_arabic, customize_tokenizer
from .title_spelling import TitleSpelling
from .vocabulary import TRIGGER_SECTIONS, Vocabulary, section_phrases

if not Token.has_extension("clitic"):
    Token.set_extension("clitic", default="")
if not Token.has_extension("suffix"):
    Token.set_extension("suffix", default="")

ENT_LABELS = {PERSON: "PERSON", STATE: "STATE", ORGANIZATION: "ORG"}


@Language.factory("kg_normalizer", default_config={"knowledge_dirs": []})
def make_normalizer(nlp: Language, name: str, knowledge_dirs: list[str]) -> ArabicNormalizer:
    """spaCy factory for :class:`ArabicNormalizer`."""
    return ArabicNormalizer(load_knowledge(Path(d) for d in knowledge_dirs))


class ArabicNormalizer:
    """Sets ``token.norm_`` to the clitic-free matching key of each token."""

    def __init__(self, knowledge: Knowledge, cache_size: int = 2**18) -> None:
        self.knowledge = knowledge
        self.vocabulary = Vocabulary(knowledge)
        self.glued = GluedStates(knowledge)
        # News reuses its words: analyse each distinct token text once (a plain dict, so
        # that the pipeline still pickles for nlp.pipe(n_process=…)).
        self.cache_size = cache_size
        self.analyses: dict[str, tuple[str, str, str]] = {}

    def analyse_text(self, text: str) -> tuple[str, str, str]:
        """``(clitic, base, suffix)`` of a token as written (memoised)."""
        analysis = self.analyses.get(text)
        if analysis is None:
            if len(self.analyses) >= self.cache_size:
                self.analyses.clear()  # bounds memory; a corpus's common words come back at once
            key = normalize(text)
            # An abbreviation keeps its full stop as one token (د., م.): its key is the letter.
            key = key[0] if len(key) == 2 and key[1] == "." else key
            analysis = self.vocabulary.analyse(key)
            if analysis[2] == HA and text.endswith(TA_MARBUTA) and analysis[1] in self.vocabulary.names:
                # "الرئيسية" (main) is no pronoun on the name رئيسي: a written ة is never "his".
                analysis = ("", key, "")
            self.analyses[text] = analysis
        return analysis

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc = self.glued(doc)
        analyse_text, strings = self.analyse_text, doc.vocab.strings
        # Read and write the token attributes as arrays: a Token object per token costs more.
        table = doc.to_array([ORTH, NORM, IS_SPACE, IS_PUNCT])
        norms = table[:, 1:2].copy()
        clitics: dict[int, str] = {}
        suffixes: dict[int, str] = {}
        for i, (orth, is_space, is_punct) in enumerate(table[:, [0, 2, 3]].tolist()):
            if is_space or is_punct:
                continue
            clitic, base, suffix = analyse_text(strings[orth])
            norms[i, 0] = strings.add(base)
            if clitic:
                clitics[i] = clitic
            if suffix:
                suffixes[i] = suffix
        doc.from_array([NORM], cast(Ints2d, norms))
        # Unset extensions read as their default "", and setting one is costly.
        for i, clitic in clitics.items():
            doc[i]._.clitic = clitic
        for i, suffix in suffixes.items():
            doc[i]._.suffix = suffix
        return doc


def shared_vocabulary(nlp: Language, knowledge: Knowledge) -> Vocabulary:
    """The normaliser's :class:`Vocabulary` where it reads ``knowledge``, else a new one (it takes a while)."""
    normalizer = nlp.get_pipe("kg_normalizer") if nlp.has_pipe("kg_normalizer") else None
    if isinstance(normalizer, ArabicNormalizer) and normalizer.knowledge is knowledge:
        return normalizer.vocabulary
    return Vocabulary(knowledge)


#: Quotation marks that may stand inside a phrase without breaking it.
QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”"})


@Language.factory("kg_gazetteer", default_config={"knowledge_dirs": []})
def make_gazetteer(nlp: Language, name: str, knowledge_dirs: list[str]) -> Gazetteer:
    """spaCy factory for :class:`Gazetteer`."""
    return Gazetteer(nlp, load_knowledge(Path(d) for d in knowledge_dirs))


class Gazetteer:
    """Marks actor names and trigger phrases; needs ``kg_normalizer`` before it."""

    def __init__(self, nlp: Language, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.vocabulary = vocabulary = shared_vocabulary(nlp, knowledge)
        self.lam_terms = frozenset(filter(None, map(vocabulary.lam_term, vocabulary.names - vocabulary.terms)))
        self.actor_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.trigger_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        # Goal phrases alone, for the second pass over text with its quotes taken out.
        self.goal_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self._add(nlp, self.actor_matcher, "NAME", knowledge.names)
        self._add(nlp, self.actor_matcher, "WEAK", knowledge.weak_names)
        adjectives = {a: "" for a in knowledge.adjectives} | {"ال" + a: "" for a in knowledge.adjectives}
        self._add(nlp, self.actor_matcher, "ADJ", adjectives)
        self._add(nlp, self.trigger_matcher, "ROLE", knowledge.role_phrases)
        known = vocabulary.names | vocabulary.terms
        self.title_spelling = TitleSpelling(knowledge.role_phrases, known, RuleSettings().title_typo_letters)
        # Trigger words are read as the normaliser reads text, so "بمبادرة من" in the
        # lexicon matches "بمبادرة" whose norm is مبادره.
        for path, label in TRIGGER_SECTIONS:
            self._add(nlp, self.trigger_matcher, label, section_phrases(knowledge.lexicon, path), vocabulary)
        dual_titles = [title for role in knowledge.roles.values() for title in role.dual_titles_ar]
        self._add(nlp, self.trigger_matcher, "DUAL_ROLE", dual_titles)
        self._add(nlp, self.trigger_matcher, "RESIDENT", knowledge.residence_phrases, vocabulary)
        for topic, phrases in knowledge.lexicon["topics"].items():
            variants = topic_variants(phrases, knowledge)
            self._add(nlp, (self.trigger_matcher, self.goal_matcher), f"TOPIC_{topic}", variants, vocabulary)
        # Goals as head + modifiers + object (kg/goals.py): "وقف فوري وشامل لإطلاق النار".
        self.goals = GoalMatcher(nlp.vocab, knowledge.lexicon, lambda w: vocabulary.analyse(w)[1], RuleSettings())

    @staticmethod
    def _add(
        nlp: Language,
        matcher: PhraseMatcher | tuple[PhraseMatcher, ...],
        label: str,
        phrases: Iterable[str],
        vocabulary: Vocabulary | None = None,
    ) -> None:
        # A pattern is given as its words' NORM ids, which is all the matcher keeps of a pattern
        # Doc (and how it takes them back when unpickled): a Doc per phrase cost about a second.
        strings = nlp.vocab.strings
        patterns = []
        for phrase in {normalize_phrase(p) for p in phrases}:
            if not phrase:
                continue
            words = phrase.split()
            if vocabulary is not None:
                words = [vocabulary.analyse(w)[1] for w in words]
            patterns.append([strings.add(word) for word in words])
        for each in (matcher,) if isinstance(matcher, PhraseMatcher) else matcher:
            if patterns:
                each.add(label, cast(list[Doc], patterns))

    def __call__(self, doc: Doc) -> Doc:
        self.title_spelling.correct(doc)
        triggers = [Span(doc, start, end, label=match_id) for match_id, start, end in self.trigger_matcher(doc)]
        # A title's own words are no name: "قائد الجيش اللبناني" is the army chief of Lebanon,
        # not a commander of the organisation "الجيش اللبناني".
        inside_titles = {i for t in triggers if t.label_ == "ROLE" for i in range(t.start + 1, t.end)}
        actors = self._actor_spans(doc, inside_titles)
        doc.spans["actors"] = actors
        entities = []
        for span in actors:
            keys = self.knowledge.names.get(" ".join(t.norm_ for t in span), set())
            if span.label_ == "NAME" and len(keys) == 1:
                key = next(iter(keys))
                entities.append(Span(doc, span.start, span.end, label=ENT_LABELS[self.knowledge[key].kind], kb_id=key))
        doc.ents = entities
        triggers += self._goals_across_quotes(doc)
        goals = self.goals(doc, triggers)
        goals += self.goals.coordinated(doc, [t for t in triggers if t.label_.startswith("TOPIC_")] + goals)
        doc.spans["triggers"] = self.goals.unguarded(doc, triggers + goals)
        return doc

    def _actor_spans(self, doc: Doc, inside_titles: set[int]) -> list[Span]:
        """Actor names, the longest match winning; a word such as للأمم is also read as لـ + الأمم
        ("الأمين العام للأمم المتحدة"), one such as لمنظمة as لـ + منظمة, and takes that reading
        where it makes the longer name."""
        found = [(start, end, match_id) for match_id, start, end in self.actor_matcher(doc)]
        readings = {}
        strings, targets = doc.vocab.strings, self.vocabulary.strip_targets
        # Only a few distinct norms begin with لل: look at each distinct norm once, not at every token.
        norms = doc.to_array([NORM])
        norm_ids = norms.tolist()
        for norm_id in set(norm_ids):
            reading = article_reading(strings[norm_id]) or self._lam_reading(strings[norm_id])
            if reading is not None and reading[1] in targets:
                for i in (i for i, n in enumerate(norm_ids) if n == norm_id):
                    readings[i] = (doc[i]._.clitic + reading[0], reading[1])
            # The other way round: "للمفاوضات", read as ل + المفاوضات, is whole in "الهيئة العليا للمفاوضات".
            whole = self._lam_name(strings[norm_id])
            if whole is None:
                continue
            for i in (i for i, n in enumerate(norm_ids) if n == norm_id and doc[i]._.clitic.endswith(LAM)):
                readings[i] = (doc[i]._.clitic[: -len(LAM)], whole)
        other: list[tuple[int, int, int]] = []
        if readings:
            for i, (_, reading_word) in readings.items():
                norms[i] = doc.vocab.strings.add(reading_word)
            alternative = Doc(doc.vocab, words=[t.text for t in doc])
            alternative.from_array([NORM], cast(Ints2d, norms.reshape(-1, 1)))
            known = set(found)
            other = [(s, e, m) for m, s, e in self.actor_matcher(alternative) if (s, e, m) not in known]
        # In the matcher's order: of two spans over the same words, the first (NAME before ADJ) wins.
        spans = filter_spans(
            [Span(doc, start, end, label=label) for start, end, label in found + other if start not in inside_titles]
        )
        for span in spans:
            if (span.start, span.end, span.label) in other:
                for i in range(span.start, span.end):
                    if i in readings:
                        doc[i]._.clitic, doc[i].norm_ = readings[i]
        return spans

    def _lam_reading(self, norm: str) -> tuple[str, str] | None:
        """لـ + a word of a name that the normaliser keeps whole because a title or a longer name
        writes it so (لمنظمة of "رئيس اللجنة التنفيذية لمنظمة التحرير"): ``("ل", "منظمه")``, to
        be tried where it makes a longer name outside a title ("بيان لمنظمة الصحة العالمية")."""
        if norm.startswith(LAM) and not norm.startswith(LAM + LAM):
            return LAM, norm[len(LAM) :]
        return None

    def _lam_name(self, norm: str) -> str | None:
        """The name word that a term word with a لـ before it spells (المفاوضات → للمفاوضات), if any."""
        if norm not in self.lam_terms:
            return None
        word = LAM + (norm[1:] if norm.startswith("ال") else norm)
        return word if word in self.vocabulary.names else None

    def _goals_across_quotes(self, doc: Doc) -> list[Span]:
        """Goal phrases with a quote inside: إنهاء "حربها العدوانية", وقف «إطلاق النار»."""
        strings = doc.vocab.strings
        orths = doc.to_array(ORTH)
        # Compared as string ids: a Token object per token costs more than the whole pass.
        quotes = numpy.isin(orths, [strings[mark] for mark in QUOTE_MARKS])
        if not quotes.any():
            return []
        kept = numpy.flatnonzero(~quotes).tolist()
        compact = Doc(doc.vocab, words=[strings[orth] for orth in orths[kept].tolist()])
        compact.from_array([NORM], cast(Ints2d, doc.to_array([NORM])[kept]))
        found = []
        for match_id, start, end in self.goal_matcher(compact):
            first, last = kept[start], kept[end - 1] + 1
            if last - first != end - start:  # the phrase had a quote inside: the first pass missed it
                found.append(Span(doc, first, last, label=match_id))
        return found


def build_pipeline(knowledge_dirs: Iterable[Path] = ()) -> Language:
    """The extractor's spaCy pipeline on ``spacy.blank("ar")``."""
    nlp = blank_arabic()
    customize_tokenizer(nlp)
    config = {"knowledge_dirs": [str(d) for d in knowledge_dirs]}
    nlp.add_pipe("kg_normalizer", config=config)
    nlp.add_pipe("kg_sentences", config=config)
    nlp.add_pipe("kg_gazetteer", config=config)
    return nlp


__all__ = ["SentenceSplitter", "Vocabulary", "blank_arabic", "build_pipeline", "customize_tokenizer", "strip_article"]
