"""People as outlets write them, in the frames of appeals, calls and thanks (the people matrix).

Rows (tests/data/people_matrix.json, and the held-out rows written after the first fixes) are
office-holders and envoys of kg/data/persons_*.json written the ways outlets write them: title
and nisba or genitive state before the name, apposition after it, the name alone or its surname
after a first sentence, honorifics and ranks, Gulf royal chains, double and deputy titles,
designate, elect, acting and former holders, envoys and advisers of a leader, spokespeople
(whose appeal is their state's), spelling variants, brackets, English word order, a title with a
typo, and negatives (a person named only as the genitive of a relative's noun). Each row goes
into every frame: urged VSO and headline SVO, call subject, call object after مع, caller after
من, thanked object. ``python scripts/people_matrix.py`` prints the pass rate by row type and frame.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys
from matrix_tools import matrix_params
from people_matrix_cases import HELD_OUT, MATRIX, Cell, cells, found

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(matrix, lambda n, cell: f"{cell.row_type}-{cell.frame}-{n}")


@pytest.mark.parametrize("cell", _params(cells(MATRIX)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published), cell.relation) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(HELD_OUT)))
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published), cell.relation) == cell.expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من شقيقه الملك عبد الله الثاني.",
            {("person/abdel-fattah-el-sisi", "person/abdullah-ii-of-jordan")},
        ),
        (
            "وبحث أمير قطر هاتفيا مع شقيقه الرئيس الإماراتي محمد بن زايد العلاقات الثنائية.",
            {("person/mohamed-bin-zayed-al-nahyan", "person/tamim-bin-hamad-al-thani")},
        ),
        ("وبحث الرئيس التركي هاتفيا مع شقيقة الرئيس السوري تطورات الأوضاع.", set()),
    ],
)
def test_his_brother_is_the_person_her_sister_is_not(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    """شقيقه X (his brother X) is X; شقيقة X (X's sister) is someone else: the written ة tells."""
    assert keys(extract(text, published=date(2024, 5, 1)), "called") == expected


@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الأمريكي السابق إلى وقف إطلاق النار.",
        "ودعا وزير الخارجية الإيراني الأسبق إلى التهدئة.",
        "ودعت رئيسة الوزراء البريطانية السابقة إلى ضبط النفس.",
        "ودعا مبعوث الرئيس الروسي إلى الحوار.",
    ],
)
def test_a_former_holder_or_an_envoy_with_no_name_is_not_the_holder(extract: Extract, text: str) -> None:
    """A former holder or a leader's envoy nobody names is not the holder on the day."""
    assert keys(extract(text, published=date(2024, 5, 1)), "urged") == set()
