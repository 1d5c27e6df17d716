"""Who speaks an appeal across the sentences of a paragraph (the speaker matrix).

Rows (tests/data/speaker_matrix.json) are the ways Arabic news introduces the speaker before
the sentence that holds the appeal: a call or a meeting then «وأكد الجانبان/الوزيران/الزعيمان»,
an impersonal «وجرى خلال الاتصال التأكيد على» (both parties), one party named again,
«من جانبه» (the other party), subject-less verbs (وأضاف، لفت، أشار، شددت، دعا), «وقال: "…"»,
a quote before its speaker, honorific pronouns (سموه، جلالته، معاليه، فخامته), a bare title,
statements and what they add, agency reports, «وفي السياق ذاته» with a new or the same
subject, a quote over two paragraphs, a third person reported in between, spokespeople (who
speak for their state), and negatives (an unnamed new subject, the reporter's own view, a
planned, hypothetical or negated appeal). Each row goes into every column: one goal each as
the object of a stance verb, after دعا, in a first-person quote or as the bare goal.
``python scripts/speaker_matrix.py`` prints the pass rate by row type and column.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from speaker_matrix_cases import HELD_OUT, MATRIX, Cell, cells, found

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return [
        pytest.param(
            cell,
            id=f"{cell.row_type}-{cell.column}-{n}",
            marks=pytest.mark.xfail(strict=True, reason=cell.fails) if cell.fails else (),
        )
        for n, cell in enumerate(matrix)
    ]


@pytest.mark.parametrize("cell", _params(cells(MATRIX)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(HELD_OUT)) if HELD_OUT.exists() else [])
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published)) == cell.expected


def test_the_matrix_has_negatives_and_many_row_types() -> None:
    """Rows that must give nothing, and many introduction structures."""
    matrix = cells(MATRIX)
    assert sum(1 for cell in matrix if not cell.expected) >= 25
    assert len({cell.row_type for cell in matrix}) >= 15
