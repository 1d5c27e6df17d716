"""Call structures × party styles (the call matrix).

Rows (tests/data/call_matrix.json) are the ways a call is written: أجرى/تلقى/هاتف/اتصل بـ/تحادث/
تهاتف/تباحث, بحث/ناقش/استعرض/تناول with هاتفيا or خلال اتصال, the passive, relative clauses
(«الاتصال الذي أجراه X مع Y», «في اتصال أجراه معه Y»), verbal-noun genitives («اتصال X بـY»),
participles, headline forms, «بمبادرة من»/«بناء على طلب», the dual, series and lists of
counterparts or callers, background calls, and negatives (planned, denied, hypothetical, video,
in person, messages, contacts in general). Columns are parties written in one style each:
surnames, full names, title and name, bare nisba titles, ministers, counterparts «نظيره الـX»
with and without a name, Gulf honorifics «أخيه صاحب السمو …», royal double titles, heads of
organisations. Each cell must give exactly its pairs and their initiators (none for a negative).
``python scripts/call_matrix.py`` prints the pass rates by row type and column.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from call_matrix_cases import HELD_OUT, MATRIX, Cell, calls, cells
from matrix_tools import matrix_params

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(matrix, lambda n, cell: f"{cell.row_type}-{cell.column}-{n}")


@pytest.mark.parametrize("cell", _params(cells(MATRIX)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    """The calls found are the cell's pairs, each with its initiator."""
    assert calls(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(HELD_OUT)) if HELD_OUT.exists() else [])
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    """The held-out rows, written after the first fixes, likewise."""
    assert calls(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأجرت الخارجية الروسية اتصالا هاتفيا مع نظيرتها التركية.", {("state/RU", "state/TR"): "state/RU"}),
        ("وبحثت وزارة الخارجية المصرية هاتفيا مع نظيرتها الأردنية تطورات الأوضاع.", {("state/EG", "state/JO"): None}),
        ("وتلقت الخارجية القطرية اتصالا من نظيرتها الإيرانية.", {("state/IR", "state/QA"): "state/IR"}),
        (
            "أجرى الرئيس الروسي اتصالا هاتفيا مع نظيره التركي.",
            {("person/recep-tayyip-erdogan", "person/vladimir-putin"): "person/vladimir-putin"},
        ),
    ],
)
def test_counterpart_of_a_state_body(extract: Extract, text: str, expected: dict[tuple[str, str], str | None]) -> None:
    """A counterpart «نظيرتها الـX» of a state's body (read as its state) is state X, not X's head;
    a person's counterpart is still the holder of his office."""
    found = calls(extract(text, published=date(2025, 3, 1)))
    assert {tuple(sorted(pair)): who for pair, who in found.items()} == expected
