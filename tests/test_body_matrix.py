"""Matrix of states, state bodies, organisations and statements × frames (round 2 of the eighth
session): each row is a real actor of our gazetteers written the way outlets write it (formal and
short state names, capitals, presidencies and royal courts, ministries with a nisba or a genitive,
dual bodies, organisations by full name, short name, abbreviation, head noun or bracketed
abbreviation, UN organs, movements, statements, lists of states, and negatives that name no actor),
set in an appeal (verb first and headline), a call (caller and the one called after مع) and a
thanks. The rows are in tests/data/body_matrix.json, the frames in tests/body_matrix_cells.py;
``scripts/body_matrix.py`` prints the pass rate per row type and frame. A cell listed under the
row's "fails" is a known miss kept as a strict xfail with its reason. Rows marked "heldout" (rounds 1
and 2) were written after fixes and scored before fixing them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from body_matrix_cells import Cell, cells, facts, load, passes

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

MATRIX, PUBLISHED = load()


def _cells() -> list[Any]:
    fails: dict[str, dict[str, str]] = {str(row["phrase"]): dict(row.get("fails", {})) for row in MATRIX["rows"]}
    params = []
    for cell in cells(MATRIX):
        reason = fails[cell.phrase].get(cell.frame)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(cell, id=f"{cell.row_type}-{cell.frame}-{cell.phrase}", marks=marks))
    return params


@pytest.mark.parametrize("cell", _cells())
def test_actor_phrase_in_frame(extract: Extract, cell: Cell) -> None:
    """Every key of the row gets the frame's fact; a negative row's forbidden key gets none."""
    found = facts(extract(cell.text, PUBLISHED), cell.relation)
    assert passes(cell, found), (cell.text, sorted(found))


def test_matrix_keeps_its_breadth() -> None:
    """The matrix spans every row type with several real actors each."""
    rows = [row for row in MATRIX["rows"] if not row.get("heldout")]
    types = {row["type"] for row in rows}
    assert len(rows) >= 150
    assert all(sum(row["type"] == kind for row in rows) >= 5 for kind in types)
    assert sum(1 for row in MATRIX["rows"] if row.get("heldout")) >= 30
