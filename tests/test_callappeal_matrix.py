"""Call + appeal compositions (tests/callappeal_matrix_cases.py): every article of the plan's
seed and of its held-out seed gives exactly its calls with their initiators, its urged
(actor, topic) set and its thanks, warnings and mediation offers. Known misses are strict xfails
with their reasons. ``python scripts/callappeal_matrix.py`` prints the pass rates by component.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from callappeal_matrix_cases import Cell, cells, found
from matrix_tools import matrix_params

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(
        matrix, lambda _, cell: f"{cell.number}-{cell.call_form}-{cell.appeal_form}-{cell.headline_form}"
    )


def _check(extract: Extract, cell: Cell) -> None:
    got_calls, urged, others = found(extract(cell.text, published=cell.published))
    assert (got_calls, urged, others) == (cell.calls, cell.urged, cell.others)


@pytest.mark.parametrize("cell", _params(cells()))
def test_composed_article(extract: Extract, cell: Cell) -> None:
    """The calls (pairs and initiators), appeals and other relations of one composed article."""
    _check(extract, cell)


@pytest.mark.parametrize("cell", _params(cells(held_out=True)))
def test_held_out_article(extract: Extract, cell: Cell) -> None:
    """The held-out seed's articles, drawn after the first fixes, likewise."""
    _check(extract, cell)
