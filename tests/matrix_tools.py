"""What the matrix probes share: their pytest parameters (a cell per test, a known miss kept as
a strict xfail with its reason) and, for the scorer scripts in scripts/, the table of passes by
row type and column and the lines that show a failing cell."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

import pytest


class MatrixCell(Protocol):
    """A matrix cell: whatever it holds, it may carry why the extractor still fails it."""

    @property
    def fails(self) -> str | None:
        """Why the extractor still fails this cell (a strict xfail), or None when it passes."""
        ...


CellT = TypeVar("CellT", bound=MatrixCell)


def matrix_params(cells: Sequence[CellT], ident: Callable[[int, CellT], str]) -> list[object]:
    """A pytest.param per cell, named by ``ident(position, cell)``; a cell with a reason to fail
    is marked a strict xfail with that reason."""
    return [
        pytest.param(
            cell,
            id=ident(n, cell),
            marks=pytest.mark.xfail(strict=True, reason=cell.fails) if cell.fails else (),
        )
        for n, cell in enumerate(cells)
    ]


def failure_report(label: str, text: str, want: Iterable[Any], got: Iterable[Any]) -> str:
    """The lines a scorer prints for a failing cell: its label and text, then what it wants and got."""
    return f"{label}: {text}\n   want {sorted(want)}\n   got  {sorted(got)}"


class PassTable:
    """Passes and cells per (row type, column), per row type, per column and in all, in the order
    row types and columns were first added."""

    def __init__(self) -> None:
        """An empty table."""
        self.scores: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.row_types: dict[str, None] = {}
        self.columns: dict[str, None] = {}

    def add(self, row_type: str, column: str, passed: bool) -> None:
        """Count one cell of ``row_type`` in ``column``, passed or not."""
        self.row_types.setdefault(row_type)
        self.columns.setdefault(column)
        for key in ((row_type, column), (row_type, "all"), ("all", column), ("all", "all")):
            self.scores[key][0] += passed
            self.scores[key][1] += 1

    def show(self, label_width: int, column_width: int) -> None:
        """Print a header of column names (cut to fit), then a line of passed/cells per row type
        and one for all ('-' where a row type has no cell in a column)."""
        columns = [*self.columns, "all"]
        print(
            f"{'row type':{label_width}}" + "".join(f"{name[: column_width - 1]:>{column_width}}" for name in columns)
        )
        for row_type in [*self.row_types, "all"]:
            line = f"{row_type:{label_width}}"
            for column in columns:
                score = self.scores.get((row_type, column))
                line += f"{(f'{score[0]}/{score[1]}' if score else '-'):>{column_width}}"
            print(line)
