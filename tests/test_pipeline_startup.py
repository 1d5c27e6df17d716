"""What the pipeline's start-up shares and how it gives spaCy its patterns (kg/nlp.py).

The normaliser, the gazetteer and the extractor's rule words read one :class:`Vocabulary`
where they read the same knowledge; the gazetteer hands its ``PhraseMatcher``\\ s each phrase
as its words' NORM ids, which must match as pattern ``Doc``\\ s did and survive pickling
(``nlp.pipe(n_process=…)`` ships the pipeline to other processes).
"""

from __future__ import annotations

import pickle

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract import Extractor
from kg.knowledge import Knowledge
from kg.nlp import ArabicNormalizer, Gazetteer, Vocabulary, blank_arabic, shared_vocabulary

#: Written for this test: a title, a name, a nisba adjective and a goal phrase with clitics.
SENTENCE = "ودعا الرئيس الفرنسي وبوتين إلى وقف إطلاق النار في غزة وبمبادرة من قطر."


@pytest.fixture(scope="module")
def parts(extractor: Extractor) -> tuple[ArabicNormalizer, Gazetteer]:
    normalizer = extractor.nlp.get_pipe("kg_normalizer")
    gazetteer = extractor.nlp.get_pipe("kg_gazetteer")
    assert isinstance(normalizer, ArabicNormalizer)
    assert isinstance(gazetteer, Gazetteer)
    return normalizer, gazetteer


def test_normaliser_gazetteer_and_rule_words_share_one_vocabulary(
    extractor: Extractor, parts: tuple[ArabicNormalizer, Gazetteer]
) -> None:
    normalizer, gazetteer = parts
    assert gazetteer.vocabulary is normalizer.vocabulary
    assert shared_vocabulary(extractor.nlp, extractor.knowledge) is normalizer.vocabulary


def test_without_the_normaliser_a_pipeline_builds_the_same_vocabulary(
    extractor: Extractor, parts: tuple[ArabicNormalizer, Gazetteer]
) -> None:
    own = shared_vocabulary(blank_arabic(), extractor.knowledge)
    shared = parts[0].vocabulary
    assert own is not shared
    assert (own.names, own.terms, own.strip_targets) == (shared.names, shared.terms, shared.strip_targets)


def test_other_knowledge_gets_a_vocabulary_of_its_own(extractor: Extractor) -> None:
    no_actors = Knowledge(actors={}, lexicon=extractor.knowledge.lexicon, roles=extractor.knowledge.roles)
    vocabulary = shared_vocabulary(extractor.nlp, no_actors)
    assert isinstance(vocabulary, Vocabulary)
    assert not vocabulary.names
    assert vocabulary.terms == Vocabulary(extractor.knowledge).terms


def matches(matcher: PhraseMatcher, doc: Doc) -> set[tuple[str, str]]:
    return {(doc.vocab.strings[match_id], doc[start:end].text) for match_id, start, end in matcher(doc)}


def test_id_patterns_match_as_pattern_docs_did(extractor: Extractor, parts: tuple[ArabicNormalizer, Gazetteer]) -> None:
    gazetteer = parts[1]
    doc = extractor.nlp(SENTENCE)
    # The same phrases as pattern Docs whose tokens carry the norms, as the gazetteer built them before.
    by_docs = PhraseMatcher(extractor.nlp.vocab, attr="NORM")
    for phrase, label in [("الرئيس", "ROLE"), ("بوتين", "NAME"), ("وقف اطلاق النار", "TOPIC_x"), ("مبادره من", "I")]:
        pattern = Doc(extractor.nlp.vocab, words=phrase.split())
        for token in pattern:
            token.norm_ = token.text
        by_docs.add(label, [pattern])
    found = {text for _, text in matches(gazetteer.trigger_matcher, doc) | matches(gazetteer.actor_matcher, doc)}
    assert {text for _, text in matches(by_docs, doc)} <= found
    assert {"الرئيس", "وبوتين", "وقف إطلاق النار", "وبمبادرة من"} <= found


def test_id_patterns_survive_pickling(extractor: Extractor, parts: tuple[ArabicNormalizer, Gazetteer]) -> None:
    gazetteer = parts[1]
    doc = extractor.nlp(SENTENCE)
    for matcher in (gazetteer.actor_matcher, gazetteer.trigger_matcher):
        copy = pickle.loads(pickle.dumps(matcher))
        assert matches(copy, doc) == matches(matcher, doc) != set()
