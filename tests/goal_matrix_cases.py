"""The goal matrix: goal phrases written from a thesaurus of the language (rows) put into the
common frames of appeals, each with its actor (columns).

tests/data/goal_matrix.json holds the rows (a goal phrase, the topics an appeal for it must
give or none for a negative row, an optional accusative form and the columns it goes into) and
the frame templates (an actor for an appeal frame, none for a negative frame: a goal only
discussed or a call rejected). ``cells`` expands them into sentences with the urged facts each
must give. ``tests/test_goal_matrix.py`` asserts every cell; ``scripts/goal_matrix.py`` prints
the pass rate by row type and frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
MATRIX = DATA / "goal_matrix.json"
HELD_OUT = DATA / "goal_matrix_held_out.json"

#: The urged facts of a cell: (actor key, topic).
Facts = frozenset[tuple[str, str]]

#: Article and proclitic letters the templates join to a goal.
_ARTICLE, _BA, _LAM = "ال", "ب", "ل"


@dataclass(frozen=True)
class Cell:
    """One sentence of the matrix and the urged facts it must give."""

    row_type: str
    frame: str
    text: str
    published: date
    expected: Facts
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _with_lam(goal: str) -> str:
    """لـ joined to a goal: لـ + ال is written لل (للتهدئة), else ل + the word (لوقف)."""
    return _LAM + goal[1:] if goal.startswith(_ARTICLE) else _LAM + goal


def _text(template: str, row: dict[str, Any]) -> str:
    goal: str = row["goal"]
    return (
        template.replace("{bG}", _BA + goal)
        .replace("{lG}", _with_lam(goal))
        .replace("{aG}", row.get("acc") or goal)
        .replace("{G}", goal)
    )


def _cell(row: dict[str, Any], name: str, frame: dict[str, Any], published: date) -> Cell:
    # An appeal frame names one actor, or a list of them (each party to a call); a negative frame none.
    actors = frame["key"] if isinstance(frame["key"], list) else [frame["key"]] if frame["key"] else []
    expected = frozenset((key, topic) for key in actors for topic in row["topics"])
    fails = row.get("fails", {}).get(name)
    return Cell(row["type"], name, _text(frame["m"], row), published, expected, fails)


def cells(path: Path = MATRIX) -> list[Cell]:
    """Every cell of a matrix file: each row in each of its frames."""
    matrix = json.loads(path.read_text(encoding="utf-8"))
    frames: dict[str, dict[str, Any]] = matrix["frames"]
    published = date.fromisoformat(matrix["date"])
    return [
        _cell(row, name, frames[name], published) for row in matrix["rows"] for name in row.get("frames", list(frames))
    ]
