"""The people matrix: office-holders and envoys written the ways outlets write them (rows) put
into the common frames of appeals, calls and thanks (columns).

tests/data/people_matrix.json holds the rows (a phrase, the actor it must resolve to or null for
a negative, a date the office was held, an optional first sentence) and the frame templates;
``cells`` expands them into sentences with the facts each must give, and ``found`` reads the
same view of the facts out of an extraction. ``tests/test_people_matrix.py`` asserts every
cell; ``scripts/people_matrix.py`` prints the pass rate by row type and frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conftest import keys

from kg.model import ArticleResult

DATA = Path(__file__).resolve().parent / "data"
MATRIX = DATA / "people_matrix.json"
HELD_OUT = DATA / "people_matrix_held_out.json"
#: Offices the gazetteer lacked (speakers, collective heads of state) and idioms for office-holders
#: (the seat of power, a title's field): the same frames, its own rows (tests/test_offices_matrix.py).
OFFICES = DATA / "offices_matrix.json"
OFFICES_HELD_OUT = DATA / "offices_matrix_held_out.json"

#: A comparable view of one relation's facts: actor keys (and the topic of an appeal).
Facts = frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class Cell:
    """One sentence of the matrix and the facts of its frame's relation it must give."""

    row_type: str
    frame: str
    relation: str
    text: str
    published: date
    expected: Facts
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _expected(frame: dict[str, Any], key: str | None, other: str | None) -> Facts:
    if key is None:
        return frozenset()
    if frame["relation"] == "urged":
        return frozenset({(key, frame["topic"])})
    assert other is not None
    if frame["relation"] == "called":
        return frozenset({tuple(sorted((key, other)))})
    return frozenset({(other, key)})


def _cell(row: dict[str, Any], name: str, frame: dict[str, Any]) -> Cell:
    template = frame["f"] if row.get("fem") and "f" in frame else frame["m"]
    other_phrase, other = frame.get("other", [None, None])
    if other is not None and other == row["key"]:
        other_phrase, other = frame["alt"]
    text = template.replace("{A}", row["phrase"]).replace("{O}", other_phrase or "")
    if row.get("before"):
        text = f"{row['before']} {text}"
    expected = _expected(frame, row["key"], other)
    fails = row.get("fails", {}).get(name)
    return Cell(row["type"], name, frame["relation"], text, date.fromisoformat(row["date"]), expected, fails)


def cells(path: Path = MATRIX) -> list[Cell]:
    """Every cell of a matrix file: each row in each of its frames."""
    matrix = json.loads(path.read_text(encoding="utf-8"))
    frames: dict[str, dict[str, Any]] = matrix["frames"]
    out: list[Cell] = []
    for row in matrix["rows"]:
        for name in row.get("frames", list(frames)):
            out.append(_cell(row, name, frames[name]))
    return out


def found(result: ArticleResult, relation: str) -> Facts:
    """The facts of one relation in an extraction, in the view of ``Cell.expected`` (``conftest.keys``)."""
    return frozenset(keys(result, relation))
