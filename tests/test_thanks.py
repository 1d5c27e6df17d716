"""thanked (ANNOTATION.md): lists of those thanked, thanks for a deed with nobody named before
its reason (the other party of the call just reported), the one whose deed is thanked.
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 5, 1)
ERDOGAN = "person/recep-tayyip-erdogan"
PUTIN = "person/vladimir-putin"
PEZESHKIAN = "person/masoud-pezeshkian"
RUSSIA, CHINA, IRAN, QATAR = "state/RU", "state/CN", "state/IR", "state/QA"

CALL = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "


def thanked(extract: Extract, text: str) -> set[tuple[str, ...]]:
    return keys(extract(text, published=DAY), "thanked")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعرب بيزشكيان عن شكره لروسيا والصين على دعمهما.", {(PEZESHKIAN, RUSSIA), (PEZESHKIAN, CHINA)}),
        ("وجه أردوغان الشكر إلى روسيا وإيران على جهودهما.", {(ERDOGAN, RUSSIA), (ERDOGAN, IRAN)}),
        ("وأعرب أردوغان عن امتنانه للرئيس الروسي فلاديمير بوتين ولقطر.", {(ERDOGAN, PUTIN), (ERDOGAN, QATAR)}),
    ],
)
def test_lists_of_those_thanked(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert thanked(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        CALL + "وأعرب أردوغان عن شكره وتقديره على هذه الدعوة الكريمة.",
        CALL + "وشكره أردوغان على دعوته.",
        CALL + "وأعرب أردوغان عن بالغ امتنانه على المشاعر الطيبة.",
    ],
)
def test_thanks_with_nobody_named_goes_to_the_calls_other_party(extract: Extract, text: str) -> None:
    assert thanked(extract, text) == {(ERDOGAN, PUTIN)}


def test_those_named_after_the_reason_are_not_thanked_first(extract: Extract) -> None:
    """ "شكر X لروسيا على موقفها من إيران": Iran stands in the reason, Russia is thanked."""
    assert thanked(extract, "وأعرب أردوغان عن شكره لروسيا على موقفها من إيران.") == {(ERDOGAN, RUSSIA)}


@pytest.mark.parametrize(
    "text",
    [
        "وأعرب أردوغان عن شكره وتقديره على هذه الدعوة الكريمة.",
        CALL + "ولم يشكر أردوغان أحدا على الدعوة.",
        CALL + "وأشاد أردوغان بالدعوة الكريمة.",
        # "وشكر بوتين على …" may be "[he] thanked Putin": the call's other party is no guess.
        CALL + "وشكر بوتين على التهنئة بالعيد الوطني.",
    ],
)
def test_no_call_negated_or_praise_gives_no_thanks(extract: Extract, text: str) -> None:
    assert thanked(extract, text) == set()
