"""The speaker matrix: the ways a paragraph introduces who speaks (rows) before the sentence
that holds the appeal (columns: one goal each, written as the object of a stance verb, after
دعا, in a first-person quote or as the bare goal).

tests/data/speaker_matrix.json holds the rows (a paragraph with one slot, the actors that must
urge the column's goal, a date the offices were held, known failures by column) and the
columns; ``cells`` expands them into paragraphs with the urged facts each must give.
``tests/test_speaker_matrix.py`` asserts every cell; ``scripts/speaker_matrix.py`` prints the
pass rate by row type and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conftest import keys

from kg.model import ArticleResult

DATA = Path(__file__).resolve().parent / "data"
MATRIX = DATA / "speaker_matrix.json"
HELD_OUT = DATA / "speaker_matrix_held_out.json"

#: The urged facts of a paragraph: (actor key, topic) pairs.
Facts = frozenset[tuple[str, ...]]

_SLOT = re.compile(r"\{(obj|ila|quote|noun)\}")


@dataclass(frozen=True)
class Cell:
    """One paragraph of the matrix and the urged facts it must give."""

    row_type: str
    column: str
    text: str
    published: date
    expected: Facts
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _cell(row: dict[str, Any], name: str, column: dict[str, str]) -> Cell:
    text = _SLOT.sub(lambda slot: column[slot.group(1)], row["text"])
    expected = frozenset((key, column["topic"]) for key in row["keys"])
    fails = row.get("fails", {}).get(name)
    return Cell(row["type"], name, text, date.fromisoformat(row["date"]), expected, fails)


def cells(path: Path = MATRIX) -> list[Cell]:
    """Every cell of a matrix file: each row with each column's appeal in its slot."""
    matrix = json.loads(path.read_text(encoding="utf-8"))
    columns: dict[str, dict[str, str]] = matrix["columns"]
    return [_cell(row, name, columns[name]) for row in matrix["rows"] for name in columns]


def found(result: ArticleResult) -> Facts:
    """The urged facts of an extraction, in the view of ``Cell.expected`` (``conftest.keys``)."""
    return frozenset(keys(result, "urged"))
