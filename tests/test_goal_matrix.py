"""Goal phrases in the frames of appeals (the goal matrix).

Rows (tests/data/goal_matrix.json, and the held-out rows written after the first fixes) are goal
phrases written from a thesaurus of the language, not from corpus text: verbal nouns of stopping,
preventing, reducing, containing, reaching, resuming, opening, ensuring and delivering with their
modifiers (فوري، دائم، أي، المزيد من، quotes) and objects, idioms (ضبط النفس، حقن الدماء، إسكات
المدافع، تجنيب المنطقة ويلات الحرب), clitic, accusative and definite forms, and finite goals after
أن (أن تتوقف الحرب، أن تتحلى الأطراف بضبط النفس); negative rows name no goal of the five (حل
الدولتين، وقف الاستيطان، استئناف العلاقات الدبلوماسية، تغليب لغة العقل). Columns are appeal
frames with real actors (VSO, headline SVO, طالب بـ، شدد على ضرورة، أكد أهمية، حث الأطراف على،
التحرك لـ، تريد، تعمل على) and negative frames (a goal discussed, a call for it rejected).
``python scripts/goal_matrix.py`` prints the pass rate by row type and frame.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from goal_matrix_cases import HELD_OUT, MATRIX, Cell, cells
from matrix_tools import matrix_params

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(matrix, lambda n, cell: f"{cell.row_type}-{cell.frame}-{n}")


def _urged(result: ArticleResult) -> frozenset[tuple[str, str]]:
    return frozenset((fact.a.key, fact.topic or "") for fact in result.facts if fact.relation == "urged")


def test_every_row_type_has_rows_and_negatives() -> None:
    matrix = cells(MATRIX)
    counts: dict[str, int] = {}
    for cell in matrix:
        counts[cell.row_type] = counts.get(cell.row_type, 0) + 1
    assert all(count >= 3 for count in counts.values())
    assert sum(1 for cell in matrix if not cell.expected) >= 100


@pytest.mark.parametrize("cell", _params(cells(MATRIX)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    assert _urged(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(HELD_OUT)))
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    assert _urged(extract(cell.text, published=cell.published)) == cell.expected
