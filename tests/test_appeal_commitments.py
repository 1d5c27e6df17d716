"""Appeals stated as commitments (issue 14, urged): a stance verb in the future tense is a
stated commitment to work for the goal, not a planned event (ANNOTATION.md, settled cases),
and a complementiser carrying its clause's subject as a pronoun (إنه، أنها) leaves a group
after the verb its object. Sentences written for these tests, in other names and orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
ERDOGAN = "person/recep-tayyip-erdogan"
PUTIN = "person/vladimir-putin"
MACRON = "person/emmanuel-macron"
LULA = "person/luiz-inacio-lula-da-silva"


def urged(result: ArticleResult) -> set[tuple[str, ...]]:
    return keys(result, "urged")


# -- 1. a future stance verb is a commitment ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("وقال أردوغان إن تركيا ستعمل على خفض التصعيد في المنطقة.", ERDOGAN, "DeEscalation"),
        ("وأعلن ماكرون أن فرنسا ستسعى إلى وقف إطلاق النار في لبنان.", MACRON, "Ceasefire"),
        ("وأكد بوتين أن موسكو ستدعم أي حل دبلوماسي للأزمة.", PUTIN, "DiplomaticSolution"),
        ('وقال ماكرون: "سنعمل على وقف إطلاق النار مع شركائنا".', MACRON, "Ceasefire"),
        ("وسيدعو أردوغان في القمة إلى ضبط النفس.", ERDOGAN, "Restraint"),
        ("وقال الرئيس البرازيلي لولا دا سيلفا إنه سيشجع الدول على إيصال المساعدات إلى غزة.", LULA, "HumanitarianAid"),
    ],
)
def test_future_stance_is_a_commitment(extract: Extract, text: str, agent: str, topic: str) -> None:
    assert (agent, topic) in urged(extract(text, DAY))


@pytest.mark.parametrize(
    "text",
    [
        "وقد يدعو ماكرون إلى وقف إطلاق النار.",  # "may": hypothetical
        "ومن المقرر أن يدعو أردوغان إلى ضبط النفس.",  # a planned statement
        "وسيبحث بوتين مع أردوغان سبل وقف إطلاق النار.",  # discussing is no appeal
        "وقال ماكرون إن فرنسا لن تدعم أي هدنة.",  # negated
    ],
)
def test_uncertain_or_discussed_goals_stay_out(extract: Extract, text: str) -> None:
    assert urged(extract(text, DAY)) == set()


# -- 2. a pronoun-carrying complementiser: the group after the verb is its object ------------
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("وقال بوتين إنه يشجع الأطراف على الحوار.", PUTIN, "DiplomaticSolution"),
        ("وأوضح ماكرون أنه يحث الأطراف على ضبط النفس.", MACRON, "Restraint"),
        ("وأكد أردوغان بأنه سيدعو الأطراف إلى وقف إطلاق النار.", ERDOGAN, "Ceasefire"),
    ],
)
def test_group_after_pronoun_clause_is_the_object(extract: Extract, text: str, agent: str, topic: str) -> None:
    assert (agent, topic) in urged(extract(text, DAY))


@pytest.mark.parametrize(
    "text",
    [
        "وقال ماكرون إن دول عدة تطالب بوقف إطلاق النار.",  # the group is the clause's subject
        "وطالبت دول عدة بالتهدئة.",
    ],
)
def test_unnamed_group_subject_is_nobody(extract: Extract, text: str) -> None:
    assert urged(extract(text, DAY)) == set()


# -- 3. a goal whose first word takes a preposition the lexicon keeps (بضبط، لتسوية) ----------
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("وطالب ماكرون بضبط النفس.", MACRON, "Restraint"),
        ("وناشد بوتين الطرفين بضبط النفس وعدم التصعيد.", PUTIN, "Restraint"),
        ("ودعا أردوغان لتسوية سياسية للأزمة السورية.", ERDOGAN, "DiplomaticSolution"),
        ("وشدد ماكرون على أهمية السعي لتسوية سلمية للنزاع.", MACRON, "DiplomaticSolution"),
        ("وأوصى أردوغان بضبط النفس.", ERDOGAN, "Restraint"),  # a recommendation is an appeal
        ("وأوصت فرنسا بالعودة إلى طاولة المفاوضات.", "state/FR", "DiplomaticSolution"),
    ],
)
def test_goal_with_a_kept_preposition(extract: Extract, text: str, agent: str, topic: str) -> None:
    assert (agent, topic) in urged(extract(text, DAY))


@pytest.mark.parametrize(
    "text",
    [
        "وقام الجيش التركي بضبط الحدود مع سوريا.",  # ضبط without النفس is no restraint
        "وتحدث ماكرون عن تسوية الديون مع البنك.",  # no stance
    ],
)
def test_kept_preposition_needs_the_goal(extract: Extract, text: str) -> None:
    assert urged(extract(text, DAY)) == set()


# -- 4. a journey to discuss a goal works for it (eval/DECISIONS.md) -------------------------
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("وتوجه ماكرون إلى بيروت يوم الأربعاء لبحث شروط وقف إطلاق النار.", MACRON, "Ceasefire"),
        ("ووصل أردوغان إلى القاهرة لمناقشة سبل التهدئة في غزة.", ERDOGAN, "DeEscalation"),
        ("وزار ماكرون عمان للتباحث في إيصال المساعدات الإنسانية إلى غزة.", MACRON, "HumanitarianAid"),
        ("وسافر بوتين إلى أنقرة لبحث الحل السياسي للأزمة السورية.", PUTIN, "DiplomaticSolution"),
    ],
)
def test_journey_to_discuss_a_goal(extract: Extract, text: str, agent: str, topic: str) -> None:
    assert (agent, topic) in urged(extract(text, DAY))


@pytest.mark.parametrize(
    "text",
    [
        "والتقى ماكرون أردوغان لبحث وقف إطلاق النار.",  # a meeting to discuss it
        "وأجرى ماكرون اتصالا هاتفيا مع أردوغان لبحث وقف إطلاق النار.",  # a call to discuss it
        "وتباحث بوتين مع أردوغان في وقف إطلاق النار.",  # discussing
        "ولم يتوجه ماكرون إلى بيروت لبحث وقف إطلاق النار.",  # negated
    ],
)
def test_meetings_and_calls_to_discuss_are_no_appeal(extract: Extract, text: str) -> None:
    assert urged(extract(text, DAY)) == set()
