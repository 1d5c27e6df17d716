"""Whose appeal a quoted statement is (issue 14, urged): a person who states the position of
his own state or organisation gets the fact, also when the state or organisation follows its
verb (قال X: «تدعو تركيا …») and when X holds an office of an organisation (the EU's foreign
policy chief); a sentence inside a quote an earlier sentence opened is still its speaker's.
Sentences written for these tests, in other names, bodies and orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
ERDOGAN = "person/recep-tayyip-erdogan"
MACRON = "person/emmanuel-macron"
BORRELL = "person/josep-borrell"
GUTERRES = "person/antonio-guterres"
TURKEY = "state/TR"
FRANCE = "state/FR"
EU = "org/eu"


def urged(result: ArticleResult) -> set[tuple[str, ...]]:
    return keys(result, "urged")


# -- 1. a speaker stating his own body's position, the body after its verb -------------------
@pytest.mark.parametrize(
    ("text", "person", "body", "topic"),
    [
        ('وقال أردوغان: "تدعو تركيا جميع الأطراف إلى وقف إطلاق النار".', ERDOGAN, TURKEY, "Ceasefire"),
        ("وقال ماكرون في مؤتمر صحفي: «تطالب فرنسا بضبط النفس».", MACRON, FRANCE, "Restraint"),
        (
            'وقال مسؤول السياسة الخارجية بالاتحاد الأوروبي جوزيب بوريل: "يدعو الاتحاد الأوروبي إلى خفض التصعيد".',
            BORRELL,
            EU,
            "DeEscalation",
        ),
        ("وأكد بوريل أن الاتحاد الأوروبي يدعم الحل الدبلوماسي.", BORRELL, EU, "DiplomaticSolution"),
        ("وأكد غوتيريش أن الأمم المتحدة تدعو إلى هدنة إنسانية.", GUTERRES, "org/un", "Ceasefire"),
    ],
)
def test_speaker_of_own_body_gets_the_appeal(extract: Extract, text: str, person: str, body: str, topic: str) -> None:
    found = urged(extract(text, DAY))
    assert (person, topic) in found
    assert (body, topic) not in found


@pytest.mark.parametrize(
    ("text", "body", "topic"),
    [
        ('وقال ماكرون: "تدعو تركيا إلى وقف إطلاق النار".', TURKEY, "Ceasefire"),  # another's state
        ("وأكد ماكرون أن الاتحاد الأوروبي يدعو إلى ضبط النفس.", EU, "Restraint"),  # no office of the EU
        ("وقال أردوغان إن فرنسا تطالب بخفض التصعيد.", FRANCE, "DeEscalation"),
    ],
)
def test_another_body_keeps_its_appeal(extract: Extract, text: str, body: str, topic: str) -> None:
    assert (body, topic) in urged(extract(text, DAY))


# -- 2. a quote running over several sentences ----------------------------------------------
QUOTED_ON = [
    (
        "وقال بوريل في بيان: «من حق إسرائيل الدفاع عن نفسها. يدعو الاتحاد الأوروبي إلى وقف العنف فورا».",
        BORRELL,
        EU,
        "Ceasefire",
    ),
    (
        "وقال أردوغان في كلمة: «لقد عانت المنطقة كثيرا. تؤكد تركيا ضرورة ضبط النفس».",
        ERDOGAN,
        TURKEY,
        "Restraint",
    ),
    (
        "وقال ماكرون للصحفيين: “الوضع خطير. ينبغي بذل كل الجهود لمنع اتساع الصراع”.",
        MACRON,
        FRANCE,
        "DeEscalation",
    ),
]


@pytest.mark.parametrize(("text", "person", "body", "topic"), QUOTED_ON)
def test_sentence_inside_an_open_quote_is_the_speakers(
    extract: Extract, text: str, person: str, body: str, topic: str
) -> None:
    found = urged(extract(text, DAY))
    assert (person, topic) in found
    assert (body, topic) not in found


def test_a_closed_quote_ends_the_speakers_statement(extract: Extract) -> None:
    # The quote closes before the next sentence: Turkey's appeal there is the writer's report.
    text = "وقال ماكرون: «الوضع خطير». تدعو تركيا إلى وقف إطلاق النار."
    found = urged(extract(text, DAY))
    assert (TURKEY, "Ceasefire") in found
    assert (MACRON, "Ceasefire") not in found


# -- 3. efforts named before their purpose's stance: the owner follows the efforts noun ------
@pytest.mark.parametrize(
    ("text", "owner", "praiser", "topic"),
    [
        (
            "وأعرب أمير قطر تميم بن حمد عن تقديره لنجاح الوساطة المصرية للتوصل إلى وقف لإطلاق النار.",
            "state/EG",
            "person/tamim-bin-hamad-al-thani",
            "Ceasefire",
        ),
        ("وأشاد أردوغان بجهود مصر للتوصل إلى هدنة في غزة.", "state/EG", ERDOGAN, "Ceasefire"),
        ("وثمن ماكرون المساعي القطرية للتوصل إلى تهدئة في المنطقة.", "state/QA", MACRON, "DeEscalation"),
    ],
)
def test_praised_efforts_are_their_owners(extract: Extract, text: str, owner: str, praiser: str, topic: str) -> None:
    found = urged(extract(text, DAY))
    assert (owner, topic) in found
    assert (praiser, topic) not in found  # praise is no appeal


def test_welcomed_efforts_are_the_welcomers_too(extract: Extract) -> None:
    found = urged(extract("ورحب ماكرون بالمبادرة التركية للتوصل إلى حل سياسي.", DAY))
    assert found == {(TURKEY, "DiplomaticSolution"), (MACRON, "DiplomaticSolution")}


def test_unowned_efforts_stay_the_subjects(extract: Extract) -> None:
    # No owner after the efforts noun: the subject works for the goal itself.
    found = urged(extract("وأكد أردوغان مواصلة الجهود للتوصل إلى وقف لإطلاق النار.", DAY))
    assert (ERDOGAN, "Ceasefire") in found


# -- 4. "الوزير الصيني": an official and a nationality name the person of that state named last --
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        (
            "اتصل وزير الخارجية الصيني وانغ يي بنظيره الإيراني عباس عراقجي. وأكد الوزير الصيني ضرورة منع التصعيد.",
            "person/wang-yi",
            "DeEscalation",
        ),
        (
            "اتصل وزير الخارجية الصيني وانغ يي بنظيره الإيراني عباس عراقجي. ودعا الوزير الإيراني إلى ضبط النفس.",
            "person/abbas-araghchi",
            "Restraint",
        ),
        ("التقى ماكرون أردوغان في باريس. وطالب المسؤول التركي بوقف إطلاق النار.", ERDOGAN, "Ceasefire"),
    ],
)
def test_official_of_a_state_named_before(extract: Extract, text: str, agent: str, topic: str) -> None:
    found = urged(extract(text, DAY))
    assert (agent, topic) in found
    # The official is that state's person, not the one named last of another state.
    assert all(a == agent for a, _ in found)


def test_official_of_a_state_nobody_named_is_nobody(extract: Extract) -> None:
    assert urged(extract("ودعا الوزير الصيني إلى وقف إطلاق النار.", DAY)) == set()
