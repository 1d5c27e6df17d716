"""Offices the gazetteer lacked and idioms for office-holders, in the frames of the people matrix
(the offices matrix).

Rows (tests/data/offices_matrix.json, and the held-out rows written after the fixes) are speakers
of parliaments by their title and nisba, their name, or a chamber that names its state
(«رئيس الكنيست»); upper houses, which are not the speaker («رئيس مجلس الأمة الجزائري» beside the
Kuwaiti speaker's same title); parliaments of organisations («رئيس البرلمان العربي»); collective
heads of state («رئيس مجلس القيادة الرئاسي»); the resident of a seat of power («سيد البيت الأبيض»);
a title's لـ field, which names nobody («المبعوث الأمريكي لشؤون المناخ»); and former holders.
``python scripts/people_matrix.py --offices`` prints the pass rate by row type and frame.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys
from matrix_tools import matrix_params
from people_matrix_cases import OFFICES, OFFICES_HELD_OUT, Cell, cells, found

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(matrix, lambda n, cell: f"{cell.row_type}-{cell.frame}-{n}")


@pytest.mark.parametrize("cell", _params(cells(OFFICES)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published), cell.relation) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(OFFICES_HELD_OUT)))
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published), cell.relation) == cell.expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # The speaker's office, not the leader's: "the leader of Lebanon" is not Nabih Berri.
        ("ودعا زعيم لبنان إلى وقف إطلاق النار.", date(2023, 5, 1), set()),
        # One title, two chambers: Kuwait's only chamber, Algeria's upper house.
        ("ودعا رئيس مجلس الأمة الكويتي إلى التهدئة.", date(2019, 5, 1), {("person/marzouq-al-ghanim", "DeEscalation")}),
        ("ودعا رئيس مجلس الأمة الجزائري إلى التهدئة.", date(2023, 5, 1), {("person/salah-goudjil", "DeEscalation")}),
        # Kuwait's parliament suspended: nobody holds the office.
        ("ودعا رئيس مجلس الأمة الكويتي إلى التهدئة.", date(2024, 8, 1), set()),
        # The Houthi council's title names its president, after a sentence naming others too.
        (
            "أجرى الرئيس الإيراني إبراهيم رئيسي اتصالا مع مهدي المشاط. ودعا رئيس المجلس السياسي الأعلى إلى التهدئة.",
            date(2022, 1, 10),
            {("person/mahdi-al-mashat", "DeEscalation")},
        ),
        # A title of other seats before another state names nobody (not Syria's speaker).
        ("ودعا رئيس المجلس الرئاسي السوري إلى التهدئة.", date(2024, 5, 1), set()),
        # A chamber title then a definite word of another body: not the chamber's state.
        ("ودعا رئيس الكنيست اليهودي العالمي إلى التهدئة.", date(2024, 5, 1), set()),
    ],
)
def test_an_office_is_the_chamber_s_at_its_state(
    extract: Extract, text: str, day: date, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text, published=day), "urged") == expected


@pytest.mark.parametrize(
    "text",
    [
        "ودعا المبعوث الأمريكي لشؤون المناخ إلى وقف إطلاق النار.",
        "ودعا المنسق الأوروبي لملف الهجرة إلى التهدئة.",
        "ودعا الممثل الصيني لدى المنظمة إلى ضبط النفس.",
        "ودعا المبعوث البريطاني لحقوق الإنسان إلى الحوار.",
    ],
)
def test_a_lam_phrase_after_a_title_is_no_name(extract: Extract, text: str) -> None:
    """لـ and a noun opens the title's field: no unknown person is named «لشؤون المناخ»."""
    assert keys(extract(text, published=date(2024, 5, 1)), "urged") == set()
