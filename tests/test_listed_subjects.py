"""Subjects listed in brackets after a group, and actors acting alongside the subject.

«ودعت الدول الثلاث (مصر وقطر والولايات المتحدة) إلى …» names its subject by the bracketed list;
«ودعت مصر، إلى جانب قطر والولايات المتحدة، إلى …» makes each of them the subject. Before these
rules the first gave no appeal and the second only Egypt's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import urgers

from kg.model import ArticleResult

DAY = date(2025, 6, 1)

Extract = Callable[..., ArticleResult]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ودعت الدول الثلاث (مصر وقطر والولايات المتحدة) إلى وقف إطلاق النار.",
            {"state/EG", "state/QA", "state/US"},
        ),
        ("ودعت الدول الوسيطة (مصر وقطر) إلى وقف إطلاق النار.", {"state/EG", "state/QA"}),
        ("وطالب الوسطاء (مصر وقطر والولايات المتحدة) بوقف إطلاق النار.", {"state/EG", "state/QA", "state/US"}),
        ("ودعا أردوغان (الذي يزور موسكو) إلى وقف إطلاق النار.", {"person/recep-tayyip-erdogan"}),
    ],
)
def test_members_in_brackets_after_a_group_subject(extract: Extract, text: str, expected: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ودعت مصر، إلى جانب قطر والولايات المتحدة، إلى وقف إطلاق النار.",
            {"state/EG", "state/QA", "state/US"},
        ),
        (
            "وحث الرئيس الفرنسي، إلى جانب المستشار الألماني، إيران على ضبط النفس.",
            {"person/emmanuel-macron", "person/friedrich-merz"},
        ),
        ("وطالبت تركيا إلى جانب قطر بإدخال المساعدات إلى غزة.", {"state/TR", "state/QA"}),
        ("وأكدت قطر، إلى جانب دعمها للوساطة، ضرورة وقف إطلاق النار.", {"state/QA"}),
    ],
)
def test_actors_acting_alongside_the_subject(extract: Extract, text: str, expected: set[str]) -> None:
    """The comma closing the aside ends the list: the object after it is no subject."""
    assert urgers(extract(text, published=DAY)) == expected
