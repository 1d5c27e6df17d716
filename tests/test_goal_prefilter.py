"""The goal matcher looks heads, modifiers and objects up phrase by phrase and pairs them
(kg/goals.py): it must find what one spaCy Matcher of every pattern of the grammar finds over
the whole text."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.errors import KnowledgeError
from kg.extract import Extractor
from kg.goals import GoalMatcher, goal_patterns
from kg.nlp import Gazetteer
from kg.rules.settings import RuleSettings

#: Sentences written for this test: goals with modifiers, quotes, quantifiers, lam objects,
#: finite verbs after a complementiser, several goals in one sentence, and none at all.
SENTENCES = [
    "دعا الوزير إلى وقف فوري وشامل لإطلاق النار في المدينة.",
    'وطالب المبعوث بوقف "عاجل ودائم" للقتال وتفادي أي انزلاق نحو المواجهة.',
    "وأكد الرئيس أهمية إنهاء «فوري» للحرب والوقف التام والنهائي للأعمال العدائية.",
    "وشدد على ضرورة أن توقف إسرائيل عملياتها العسكرية وأن يتوقف التصعيد فورا.",
    "وحث الطرفين على إدخال المزيد من المساعدات الإنسانية وخفض مستوى التوتر بين البلدين.",
    "ودعا إلى الحد من التوترات الإقليمية وكبح التصعيد بأن تتوقف الحرب.",
    "وطالب بالتوقف عن الهجمات ومنع المزيد من التوترات واحتواء الأزمة الإنسانية.",
    "ودعا إلى وقف إطلاق نار دائم ووقف كافة العمليات العسكرية في الإقليم.",
    "وقال إن الاجتماع سيعقد غدا في العاصمة لبحث العلاقات الثنائية.",
    "أن",
    "وقف",
]


@pytest.fixture(scope="module")
def gazetteer(extractor: Extractor) -> Gazetteer:
    gazetteer = extractor.nlp.get_pipe("kg_gazetteer")
    assert isinstance(gazetteer, Gazetteer)
    return gazetteer


def goals_of_one_matcher(gazetteer: Gazetteer, doc: Doc) -> list[tuple[int, int, int]]:
    """The longest match from each token on (the first such, on a tie), by one Matcher of
    every goal pattern run over the whole doc: the matcher before the prefilter."""
    settings = RuleSettings()
    matcher = Matcher(doc.vocab)
    for label, patterns in goal_patterns(
        gazetteer.knowledge.lexicon,
        lambda word: gazetteer.vocabulary.analyse(word)[1],
        settings.goal_modifier_tokens,
        settings.goal_verb_subject_tokens,
    ).items():
        matcher.add(label, patterns)
    longest: dict[int, tuple[int, int]] = {}
    for match_id, start, end in matcher(doc):
        if start not in longest or end > longest[start][1]:
            longest[start] = (match_id, end)
    return [(start, end, match_id) for start, (match_id, end) in sorted(longest.items())]


def test_prefiltered_goals_equal_one_matchers(extractor: Extractor, gazetteer: Gazetteer) -> None:
    found = 0
    for text in SENTENCES:
        doc = extractor.nlp(text)
        expected = goals_of_one_matcher(gazetteer, doc)
        assert [(s.start, s.end, s.label) for s in gazetteer.goals(doc)] == expected, text
        found += len(expected)
    assert found >= 15


def test_a_quoted_goal_is_found_whole(extractor: Extractor, gazetteer: Gazetteer) -> None:
    doc = extractor.nlp('وطالب المبعوث بوقف "عاجل ودائم" للقتال.')
    assert [(s.text, s.label_) for s in gazetteer.goals(doc)] == [('بوقف "عاجل ودائم" للقتال', "TOPIC_Ceasefire")]


def test_complementiser_goals_need_their_verb(extractor: Extractor, gazetteer: Gazetteer) -> None:
    with_verb = extractor.nlp("وشدد على ضرورة أن توقف إسرائيل عملياتها العسكرية.")
    without_verb = extractor.nlp("وشدد على ضرورة أن إسرائيل عملياتها العسكرية.")
    assert [s.label_ for s in gazetteer.goals(with_verb)] == ["TOPIC_Ceasefire"]
    assert gazetteer.goals(without_verb) == []


def test_a_goal_matcher_of_a_small_lexicon(extractor: Extractor) -> None:
    lexicon = {
        "goal_heads": {"stop": ["وقف"]},
        "goal_objects": {"war": ["الحرب"]},
        "goal_topics": {"rules": [["stop", "war", "Ceasefire"]]},
    }
    matcher = GoalMatcher(extractor.nlp.vocab, lexicon, lambda word: word, RuleSettings())
    doc = extractor.nlp("دعا إلى وقف الحرب، ثم إلى وقف التصعيد.")
    assert [(s.text, s.label_) for s in matcher(doc)] == [("وقف الحرب", "TOPIC_Ceasefire")]


def test_a_goal_phrase_longer_than_the_matcher_reads_is_refused(extractor: Extractor) -> None:
    lexicon = {
        "goal_heads": {"stop": ["وقف"]},
        "goal_objects": {"war": ["كل أشكال الحرب الدائرة في البلاد كلها"]},
        "goal_topics": {"rules": [["stop", "war", "Ceasefire"]]},
    }
    with pytest.raises(KnowledgeError, match="more than 6 words"):
        GoalMatcher(extractor.nlp.vocab, lexicon, lambda word: word, RuleSettings())
