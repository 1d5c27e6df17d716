"""How the urging actor attaches to an appeal within one sentence (the attachment matrix).

Rows (tests/data/attach_matrix.json, and the held-out rows written after the first fixes) are
structures: the actor as VSO or SVO subject or a nominal sentence's topic, the genitive of an
appeal's verbal noun, a nisba adjective on efforts, a position, an initiative or a proposal, the
antecedent of a relative clause, «على لسان», «من جهته», a participle after another main verb, the
subject of a second coordinated clause, two or three coordinated agents, the subject after a long
aside or fronted adjunct, headline forms, and the object of a reporting frame; and negatives:
negated, hypothetical, rejected, discussed-only, addressed and third-party appeals. Columns are
goal phrases of the five topics; each cell draws its actors from pools of persons, states,
ministries and organisations. ``python scripts/attach_matrix.py`` prints the pass rate by row
type and topic.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from attach_matrix_cases import HELD_OUT, MATRIX, Cell, cells, found
from matrix_tools import matrix_params

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(matrix, lambda n, cell: f"{cell.row_type}-{cell.topic}-{n}")


@pytest.mark.parametrize("cell", _params(cells(MATRIX)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(HELD_OUT)))
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دعت مصر، بالاشتراك مع قطر، إلى التهدئة.", {("state/EG", "DeEscalation"), ("state/QA", "DeEscalation")}),
        ("وطالب الأردن بالتعاون مع فرنسا بوقف إطلاق النار.", {("state/JO", "Ceasefire"), ("state/FR", "Ceasefire")}),
        (
            "ودعت الصين وروسيا، جنبا إلى جنب مع البرازيل، إلى الحوار.",
            {(state, "DiplomaticSolution") for state in ("state/CN", "state/RU", "state/BR")},
        ),
        ("وبحثت مصر بالتعاون مع قطر سبل التهدئة.", set()),
    ],
)
def test_acting_jointly_with_another_is_acting(extract: Extract, text: str, expected: set[tuple[str, str]]) -> None:
    """بالاشتراك مع / بالتعاون مع / جنبا إلى جنب مع Y, like إلى جانب Y: Y shares the appeal (not a discussion)."""
    assert found(extract(text, published=date(2024, 5, 1))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«لا بد من وقف الحرب» - الرئيس التركي رجب طيب أردوغان", {("person/recep-tayyip-erdogan", "Ceasefire")}),
        ("«ندعو جميع الأطراف إلى ضبط النفس» – الخارجية القطرية", {("state/QA", "Restraint")}),
        (
            "«الحوار هو السبيل الوحيد»: وزير الخارجية الأردني أيمن الصفدي",
            {("person/ayman-safadi", "DiplomaticSolution")},
        ),
        ("«لا بد من وقف الحرب» - مسؤولون أتراك", set()),
    ],
)
def test_a_headline_quote_before_its_speaker(extract: Extract, text: str, expected: set[tuple[str, str]]) -> None:
    """A quote opening a headline, then a dash or colon and an actor, is that actor's (not a group's).
    The segmenter keeps «…».. X one sentence, so the headline form is read the same way."""
    assert found(extract(text, published=date(2024, 5, 1))) == expected
