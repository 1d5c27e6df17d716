"""The call matrix: call structures (rows) written with parties in many styles (columns).

tests/data/call_matrix.json holds the rows (a template with the parties {1} {2} {3} in the order
written, the calls it states as [i, j, initiator index or null], [] for a negative, optional
column types it skips and known misses) and the columns (three parties of one style, with a date
they held office). ``cells`` expands them into sentences with the calls each must give; ``calls``
reads the same view out of an extraction. ``tests/test_call_matrix.py`` asserts every cell and
``scripts/call_matrix.py`` prints the pass rate, of the pairs and of the initiators, by row type
and column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.model import ArticleResult

DATA = Path(__file__).resolve().parent / "data"
MATRIX = DATA / "call_matrix.json"
HELD_OUT = DATA / "call_matrix_held_out.json"

#: Each call as an unordered pair of actor keys, with the key of its initiator (or None).
Calls = dict[frozenset[str], str | None]


@dataclass(frozen=True)
class Cell:
    """One sentence of the matrix and the calls it must give."""

    row_type: str
    column: str
    text: str
    published: date
    expected: Calls
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _fill(template: str, parties: list[list[str]]) -> str:
    text = template
    for index, (phrase, _) in enumerate(parties, start=1):
        # The preposition لـ before the article is written لل (ل + الرئيس → للرئيس).
        if phrase.startswith("ال"):
            text = text.replace(f"ل{{{index}}}", "لل" + phrase[2:])
        text = text.replace(f"{{{index}}}", phrase)
    return text


def _expected(row: dict[str, Any], parties: list[list[str]]) -> Calls:
    key = {index: f"person/{person}" for index, (_, person) in enumerate(parties, start=1)}
    return {frozenset((key[one], key[other])): key[who] if who else None for one, other, who in row["calls"]}


def cells(path: Path = MATRIX) -> list[Cell]:
    """Every cell of a matrix file: each row written with each column's parties it does not skip."""
    matrix = json.loads(path.read_text(encoding="utf-8"))
    out: list[Cell] = []
    for row in matrix["rows"]:
        for column in matrix["columns"]:
            if column["type"] in row.get("skip", []):
                continue
            out.append(
                Cell(
                    row["type"],
                    column["type"],
                    _fill(row["text"], column["p"]),
                    date.fromisoformat(column["date"]),
                    _expected(row, column["p"]),
                    row.get("fails", {}).get(column["type"]),
                )
            )
    return out


def calls(result: ArticleResult) -> Calls:
    """The calls of an extraction in the view of ``Cell.expected``."""
    out: Calls = {}
    for fact in result.facts:
        if fact.relation == "called" and fact.b is not None:
            out[frozenset((fact.a.key, fact.b.key))] = {"a": fact.a.key, "b": fact.b.key}.get(fact.initiator or "")
    return out
