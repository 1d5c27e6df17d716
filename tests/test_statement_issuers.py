"""A statement as the subject of an appeal speaks for whoever issued it.

Written for the forms of agency copy: an indefinite statement noun (بيان مشترك صادر عن …، بيان
للخارجية السعودية), a list of co-issuers longer than the window in which the first must stand,
the participle of issuing before عن (not a statement relaying someone), and a statement qualified
by its issuers' nisba adjectives (بيان أمريكي، بيان مصري قطري). Before these rules each gave no
appeal, or only the first issuer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys, urgers

from kg.model import ArticleResult

DAY = date(2025, 6, 1)

Extract = Callable[..., ArticleResult]


def _states(*codes: str) -> set[str]:
    return {f"state/{code}" for code in codes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ودعا بيان مشترك صادر عن مصر وقطر والولايات المتحدة إلى وقف إطلاق النار.", _states("EG", "QA", "US")),
        ("ودعا بيان مشترك لفرنسا وألمانيا وبريطانيا إلى ضبط النفس.", _states("FR", "DE", "GB")),
        ("ودعا بيان صادر عن وزارة الخارجية القطرية إلى التهدئة.", _states("QA")),
        ("وحث بيان للخارجية السعودية الأطراف على ضبط النفس.", _states("SA")),
        (
            "وطالب بيان مشترك لوزراء خارجية مصر والأردن بوقف العدوان.",
            {"person/badr-abdelatty", "person/ayman-safadi"},
        ),
        ("ودعا بيان مشترك إلى وقف إطلاق النار.", set()),
    ],
)
def test_an_indefinite_statement_and_its_issuers(extract: Extract, text: str, expected: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ودعا البيان الصادر عن مصر والأردن والإمارات والسعودية إلى وقف العدوان.", _states("EG", "JO", "AE", "SA")),
        ("ودعا البيان المشترك الصادر عن مصر وقطر إلى وقف إطلاق النار.", _states("EG", "QA")),
        ("وطالب البيان الختامي الصادر عن تركيا وروسيا وإيران بوقف القتال.", _states("TR", "RU", "IR")),
    ],
)
def test_every_co_issuer_of_a_statement(extract: Extract, text: str, expected: set[str]) -> None:
    """The window bounds where the first issuer stands, not the list after it."""
    assert urgers(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وشدد بيان صادر عن الرئاسة المصرية على ضرورة وقف التصعيد.", _states("EG")),
        ("وشدد البيان الصادر عن الخارجية التركية على ضرورة التهدئة.", _states("TR")),
        ("وأكد بيان صادر عن الديوان الملكي الأردني أهمية خفض التصعيد.", _states("JO")),
        (
            "ونقل البيان الصادر عن الرئاسة المصرية عن الرئيس الفرنسي دعوته إلى ضبط النفس.",
            {"person/emmanuel-macron"},
        ),
    ],
)
def test_issued_by_is_not_relayed_from(extract: Extract, text: str, expected: set[str]) -> None:
    """صادر عن names the issuer; عن after a verb of relaying (نقل البيان عن X) names the one relayed."""
    assert urgers(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ودعا بيان أمريكي إلى ضبط النفس.", _states("US")),
        ("وأكد البيان المصري ضرورة وقف التصعيد.", _states("EG")),
        ("ودعا بيان مصري قطري إلى التهدئة.", _states("EG", "QA")),
        ("وحث بيان روسي صيني مشترك الطرفين على الحوار.", _states("RU", "CN")),
    ],
)
def test_a_statement_qualified_by_its_issuers_nisba(extract: Extract, text: str, expected: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وحذر بيان صادر عن الجامعة العربية من خطورة توسع الحرب.", {("org/arab-league",)}),
        ("وحذر البيان المشترك الصادر عن مصر والأردن من مخاطر التصعيد.", {("state/EG",), ("state/JO",)}),
        ("أصدرت الخارجية المصرية بيانا. وحذر البيان من خطورة التصعيد.", {("state/EG",)}),
        ("وحذر بيان أمريكي من توسع الحرب.", {("state/US",)}),
    ],
)
def test_a_statement_warns_for_its_issuers(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "warned") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وشكر بيان للخارجية الفلسطينية مصر وقطر على جهودهما.", {("state/PS", "state/EG"), ("state/PS", "state/QA")}),
        ("وشكر بيان صادر عن الرئاسة الفلسطينية قطر على جهودها.", {("state/PS", "state/QA")}),
        ("وشكرت الخارجية الفلسطينية في بيان مصر على جهودها.", {("state/PS", "state/EG")}),
    ],
)
def test_a_statement_thanks_for_its_issuers(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    """The actors after a statement subject are the ones thanked, not the ones who thank."""
    assert keys(extract(text, published=DAY), "thanked") == expected
