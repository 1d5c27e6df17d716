"""The goal grammar (kg/goals.py): HEAD + modifiers + OBJECT, on sentences written for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PUTIN = "person/vladimir-putin"
ERDOGAN = "person/recep-tayyip-erdogan"
MACRON = "person/emmanuel-macron"


def urged(extract: Extract, text: str) -> set[tuple[str, str]]:
    return keys(extract(text), "urged")


# -- modifiers between head and object ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "دعا الرئيس الروسي فلاديمير بوتين إلى وقف فوري وشامل لإطلاق النار.",
        'وطالب الرئيس الروسي فلاديمير بوتين بوقف "عاجل ودائم" للقتال في المنطقة.',
        "وشدد الرئيس الروسي فلاديمير بوتين على ضرورة الوقف التام والنهائي للأعمال العدائية.",
        "وأكد الرئيس الروسي فلاديمير بوتين أهمية إنهاء «فوري» للحرب.",
    ],
)
def test_modifiers_inside_a_ceasefire(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(PUTIN, "Ceasefire")}


# -- quantifiers and measure nouns --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("دعا الرئيس الروسي فلاديمير بوتين إلى تفادي أي انزلاق نحو المواجهة.", "DeEscalation"),
        ("وحث الرئيس الروسي فلاديمير بوتين على منع المزيد من التوترات في الإقليم.", "DeEscalation"),
        ("وطالب الرئيس الروسي فلاديمير بوتين بوقف كافة العمليات العسكرية.", "Ceasefire"),
        ("وشدد الرئيس الروسي فلاديمير بوتين على ضرورة خفض مستوى التوتر بين البلدين.", "DeEscalation"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى وقف جميع أشكال العنف.", "Ceasefire"),
    ],
)
def test_quantifiers_inside_a_goal(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(PUTIN, topic)}


# -- synonyms of the head ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وطالب الرئيس التركي رجب طيب أردوغان بلجم التصعيد في المنطقة.",
        "ودعا الرئيس التركي رجب طيب أردوغان إلى كبح التوتر المتزايد.",
        "وشدد الرئيس التركي رجب طيب أردوغان على أهمية تطويق الأزمة.",
        "وأكد الرئيس التركي رجب طيب أردوغان ضرورة الحيلولة دون التصعيد.",
        "ودعا الرئيس التركي رجب طيب أردوغان إلى الحد من التوترات الإقليمية.",
    ],
)
def test_head_synonyms(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(ERDOGAN, "DeEscalation")}


# -- synonyms of the object ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى وقف الاقتتال بين الفصيلين.", "Ceasefire"),
        ("وطالب الرئيس الفرنسي إيمانويل ماكرون بإنهاء المعارك في الشمال.", "Ceasefire"),
        ("وحث الرئيس الفرنسي إيمانويل ماكرون على وقف إراقة الدماء.", "Ceasefire"),
        ("وشدد الرئيس الفرنسي إيمانويل ماكرون على ضرورة منع تدهور الأوضاع.", "DeEscalation"),
        ("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى تجنب الصدام بين الجيشين.", "DeEscalation"),
    ],
)
def test_object_synonyms(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(MACRON, topic)}


# -- plural objects ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الروسي فلاديمير بوتين إلى تسوية الأزمات في المنطقة.",
        "وشدد الرئيس الروسي فلاديمير بوتين على أهمية حل النزاعات بين الدول المجاورة.",
        "وأكد الرئيس الروسي فلاديمير بوتين ضرورة تسوية الخلافات العالقة.",
    ],
)
def test_plural_objects(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(PUTIN, "DiplomaticSolution")}


# -- humanitarian aid paraphrases ----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الفرنسي إيمانويل ماكرون إلى زيادة حجم المساعدات المقدمة للسكان.",
        "وشدد الرئيس الفرنسي إيمانويل ماكرون على ضرورة منع كارثة إنسانية في القطاع.",
        "وطالب الرئيس الفرنسي إيمانويل ماكرون بإدخال المزيد من المساعدات إلى المدينة.",
        "وحث الرئيس الفرنسي إيمانويل ماكرون على تسهيل وصول الإغاثة إلى المدنيين.",
        "وأكد الرئيس الفرنسي إيمانويل ماكرون أهمية تجنب أزمة إنسانية جديدة.",
    ],
)
def test_humanitarian_aid_paraphrases(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(MACRON, "HumanitarianAid")}


def test_two_grammar_goals_share_one_stance(extract: Extract) -> None:
    text = "وطالب الرئيس الروسي فلاديمير بوتين بلجم التصعيد ووقف فوري وشامل لإطلاق النار."
    assert urged(extract, text) == {(PUTIN, "DeEscalation"), (PUTIN, "Ceasefire")}


# -- what is not a goal --------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "بحث الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان سبل وقف التصعيد.",
        "بحث الجانبان سبل وقف التصعيد.",
        "ودعا الرئيس الروسي فلاديمير بوتين إلى العمل لوقف كل هذا.",
        "ودعا الرئيس الروسي فلاديمير بوتين إلى وقف الدعم المقدم للمتمردين.",
        "وطالب الرئيس الروسي فلاديمير بوتين بوقف المساعدات العسكرية.",
        "وأدان الرئيس الروسي فلاديمير بوتين استمرار الحرب.",
    ],
)
def test_no_goal_no_appeal(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()
