"""The attachment matrix: the structures by which the urging actor attaches to an appeal in one
sentence (rows) × the goal phrases of the five topics (columns).

tests/data/attach_matrix.json holds the actor pools (persons in office on the matrix's date,
states with their nisba adjectives, ministries and bodies that stand for their state,
organisations), the goal columns, and the rows: a template, the pool each actor slot draws from,
and the slots that must urge the column's topic (none for a negative). A template writes
``{A}`` for an actor's phrase; ``{A:nm}``, ``{A:nf}``, ``{A:nmi}`` for its nisba adjective
(masculine, feminine, indefinite); ``{A:l}`` for it after the clitic لـ; ``{A|m|f}`` for a word
agreeing with its gender (``{AB|m|f}``: feminine when both are); and ``{G}``, ``{G:b}``,
``{G:l}`` for the goal phrase alone, after بـ and after لـ. Each cell draws other actors, so
every row is written with many. ``cells`` expands the file; ``tests/test_attach_matrix.py``
asserts every cell and ``scripts/attach_matrix.py`` prints the pass rate by row type and topic.
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
MATRIX = DATA / "attach_matrix.json"
HELD_OUT = DATA / "attach_matrix_held_out.json"

#: A comparable view of the urged facts: (actor key, topic).
Facts = frozenset[tuple[str, ...]]

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?(?:\|([^|}]*)\|([^|}]*))?\}")
_LAM = "ل"
_BA = "ب"
_ARTICLE = "ال"


@dataclass(frozen=True)
class Cell:
    """One sentence of the matrix and the urged facts it must give."""

    row_type: str
    topic: str
    text: str
    published: date
    expected: Facts
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _after_lam(phrase: str) -> str:
    """The phrase after the clitic لـ: the article's alef drops (للأمم، لمصر)."""
    return _LAM + (phrase[1:] if phrase.startswith(_ARTICLE) else phrase)


def _draw(pools: dict[str, list[dict[str, Any]]], row: dict[str, Any], seed: int) -> dict[str, dict[str, Any]]:
    """The actors of one cell: each slot from its pool, a different actor for each slot."""
    drawn: dict[str, dict[str, Any]] = {}
    for order, (slot, pool_name) in enumerate(row["slots"].items()):
        pool = pools[pool_name]
        index = seed + 7 * order
        while pool[index % len(pool)]["key"] in {actor["key"] for actor in drawn.values()}:
            index += 1
        drawn[slot] = pool[index % len(pool)]
    return drawn


def _fill(template: str, actors: dict[str, dict[str, Any]], goal: str) -> str:
    def one(match: re.Match[str]) -> str:
        name, form, masculine, feminine = match.groups()
        if masculine is not None:
            return feminine if all(actors[slot].get("fem") for slot in name) else masculine
        phrase = goal if name == "G" else actors[name]["p"]
        if form == "b":
            return _BA + phrase
        if form == "l":
            return _after_lam(phrase)
        if form in ("nm", "nf", "nmi"):
            return str(actors[name][form])
        return phrase

    return _SLOT.sub(one, template)


def cells(path: Path = MATRIX) -> list[Cell]:
    """Every cell of a matrix file: each row with each goal column."""
    matrix = json.loads(path.read_text(encoding="utf-8"))
    pools: dict[str, list[dict[str, Any]]] = matrix["pools"]
    published = date.fromisoformat(matrix["date"])
    out: list[Cell] = []
    for number, row in enumerate(matrix["rows"]):
        for column, (topic, goal) in enumerate(matrix["goals"].items()):
            if topic not in row.get("topics", matrix["goals"]):
                continue
            actors = _draw(pools, row, 5 * number + column)
            expected = frozenset((actors[slot]["key"], topic) for slot in row["expect"])
            fails = row.get("fails", {}).get(topic, row.get("fails", {}).get("*"))
            out.append(Cell(row["type"], topic, _fill(row["t"], actors, goal), published, expected, fails))
    return out


def found(result: ArticleResult) -> Facts:
    """The urged facts of an extraction, in the view of ``Cell.expected`` (``conftest.keys``)."""
    return frozenset(keys(result, "urged"))
