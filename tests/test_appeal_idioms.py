"""Two appeal idioms: a negated verb of sparing affirms, and searching for a solution is no discussion.

* "لن ندخر جهدا", "لا يألو جهدا" (spare no effort): the negation is part of the idiom and
  states a commitment (`rule_words.litotes_verbs`, kg/rules/qualifiers.py).
* "دعا إلى البحث عن حل سياسي": البحث followed by عن is searching, which the stance before it
  asks for; البحث/بحث with an object is still a discussion that blocks (kg/rules/appeals.py).

Sentences written for this test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)


def _urged(extract: Extract, text: str) -> set[tuple[str, str]]:
    return {(fact.a.key, fact.topic or "") for fact in extract(text, DAY).facts if fact.relation == "urged"}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "وأكد وزير الخارجية المصري بدر عبد العاطي أن مصر لن تدخر جهدا للتوصل إلى وقف إطلاق النار.",
            ("person/badr-abdelatty", "Ceasefire"),
        ),
        (
            "وقال الرئيس التركي رجب طيب أردوغان إن بلاده لن تدخر جهدا من أجل خفض التصعيد.",
            ("person/recep-tayyip-erdogan", "DeEscalation"),
        ),
        (
            "وشدد أمير قطر الشيخ تميم بن حمد على أن قطر لم تدخر جهدا في سبيل وقف الحرب.",
            ("person/tamim-bin-hamad-al-thani", "Ceasefire"),
        ),
        (
            "وقال وزير الخارجية العماني بدر البوسعيدي إن السلطنة لا تألو جهدا من أجل خفض التصعيد في المنطقة.",
            ("person/badr-albusaidi", "DeEscalation"),
        ),
    ],
)
def test_sparing_no_effort_is_a_commitment(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert fact in _urged(extract, text)


@pytest.mark.parametrize(
    "text",
    [
        "ولم تطالب الحكومة المصرية بوقف إطلاق النار في بيانها.",
        "ولم يدع الرئيس الأمريكي دونالد ترامب إلى خفض التصعيد.",
        "ولا يطالب وزير الخارجية الإيراني عباس عراقجي بوقف إطلاق النار.",
    ],
)
def test_a_plain_negation_still_negates(extract: Extract, text: str) -> None:
    assert _urged(extract, text) == set()


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى البحث عن حل سياسي للأزمة.",
            ("person/antonio-guterres", "DiplomaticSolution"),
        ),
        (
            "وأكد الرئيس الفرنسي إيمانويل ماكرون ضرورة البحث عن حلول دبلوماسية للأزمة.",
            ("person/emmanuel-macron", "DiplomaticSolution"),
        ),
        (
            "وأعرب وزير الخارجية الأردني أيمن الصفدي عن أمله في البحث عن تسوية سياسية للأزمة.",
            ("person/ayman-safadi", "DiplomaticSolution"),
        ),
    ],
)
def test_searching_for_a_solution_is_asked_for(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert fact in _urged(extract, text)


@pytest.mark.parametrize(
    "text",
    [
        "وبحث وزير الخارجية القطري مع نظيره الإيراني عباس عراقجي ملف وقف إطلاق النار.",
        "وناقش الرئيس الفرنسي إيمانويل ماكرون مع المستشار الألماني فريدريش ميرتس البحث عن حل دبلوماسي.",
        "واستعرض وزير الخارجية الأردني أيمن الصفدي مع نظيره التركي هاكان فيدان ملف التهدئة في غزة.",
    ],
)
def test_discussing_is_still_no_appeal(extract: Extract, text: str) -> None:
    assert _urged(extract, text) == set()
