"""The relation-structure matrix: the ways offeredMediation, thanked and warned are written
(rows, from a thesaurus of Arabic and its grammar) put with agents of varied structures
(columns: verb first, headline, a participle after another verb, a title resolved by date, a
state, a ministry, an organisation, a pronoun after a first sentence, a quote).

tests/data/relations_matrix.json holds the columns and, per relation, the ways with their
templates (one per column structure) and what each must give; ``cells`` expands them into
sentences, ``found`` reads the same view of the facts out of an extraction (``conftest.keys``).
``tests/test_relations_matrix.py`` asserts every cell; ``scripts/relations_matrix.py`` prints
the pass rate by way and column.
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
MATRIX = DATA / "relations_matrix.json"
HELD_OUT = DATA / "relations_matrix_held_out.json"
#: Held-out columns of a second round, put with the ways of ``MATRIX``.
ROUND_TWO = DATA / "relations_matrix_round2.json"
#: Columns of calls (the caller's clause, an impersonal statement about the call), with those ways.
CALLS = DATA / "relations_matrix_calls.json"

#: A comparable view of one relation's facts: actor keys.
Facts = frozenset[tuple[str, ...]]

#: "{masculine|feminine}" in a template: the form agreeing with the column's agent.
GENDERED = re.compile(r"\{([^{}|]*)\|([^{}]*)\}")


@dataclass(frozen=True)
class Cell:
    """One sentence of the matrix and the facts of its relation it must give."""

    relation: str
    way: str
    column: str
    text: str
    published: date
    expected: Facts
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _text(way: dict[str, Any], column: dict[str, Any], matrix: dict[str, Any]) -> str | None:
    template = way.get({"call": "vso"}.get(column["s"], column["s"]))
    if template is None:
        return None
    if column["s"] == "call":  # "تلقى X اتصالا من {A}، أعرب خلاله عن …": the caller's clause
        verb, _, rest = template.replace("{A}", "").removeprefix("و").partition(" ")
        template = f"{column['lead']} {verb} خلاله {rest}"
    if column["s"] in {"part", "q"}:
        template = f"{column['lead']} {template}"
    if column.get("front"):  # a phrase fronted before the verb, which loses its و
        template = f"{column['front']} {template.removeprefix('و')}"
    feminine = bool(column.get("fem"))
    text = GENDERED.sub(lambda m: m.group(2) if feminine else m.group(1), template)
    nisba = matrix["nisba"].get(column["key"], "")
    text = text.replace("{ND}", matrix["nisba_definite"].get(column["key"], "")).replace("{N}", nisba)
    text = text.replace("{A}", column["phrase"]).replace("{I}", column.get("imp", ""))
    if column.get("before"):
        text = f"{column['before']} {text}"
    return re.sub(r"\s+", " ", text).replace(" ،", "،").strip()


def _expected(relation: str, way: dict[str, Any], column: dict[str, Any]) -> Facts | None:
    agents = column.get("keys", [column["key"]])  # an impersonal statement: each party of the call
    expect = way.get("expect", "agent")
    if expect == "none":
        return frozenset()
    if expect == "other":
        facts = [[part.replace("{key}", key) for part in fact] for fact in way["facts"] for key in agents]
        return frozenset(tuple(fact) for fact in facts)
    if relation != "thanked":
        return frozenset({*((key,) for key in agents), *(tuple(fact) for fact in way.get("with", []))})
    thanked = way["b"] if isinstance(way["b"], list) else [way["b"]]
    others = [b if isinstance(b, str) else b.get(column.get("role", "")) for b in thanked]
    if None in others or set(agents) & set(others):
        return None
    return frozenset((key, other) for key in agents for other in others if other is not None)


def _applies(way: dict[str, Any], column: dict[str, Any], matrix_nisba: dict[str, str]) -> bool:
    only = way.get("only")
    if only and column["kind"] not in only and column["col"] not in only:
        return False
    if way.get("nisba") and (column["key"] not in matrix_nisba or (not column["phrase"] and column["s"] != "vso")):
        return False
    unnamed = not column["phrase"] or column["s"] == "call" or column.get("role") == "spokesperson"
    return not (way.get("slot") == "genitive" and unnamed)


def cells(path: Path = MATRIX) -> list[Cell]:
    """Every cell of a matrix file: each way of each relation with each column it applies to."""
    matrix = json.loads(path.read_text(encoding="utf-8"))
    if "ways_from" in matrix:
        ways = json.loads((DATA / matrix["ways_from"]).read_text(encoding="utf-8"))
        matrix = {**ways, "columns": matrix["columns"], "fails": matrix.get("fails", {})}
        for one in (way for listed in matrix["relations"].values() for way in listed):
            one.pop("fails", None)  # the failures of the first columns are theirs
    out: list[Cell] = []
    for relation, ways in matrix["relations"].items():
        for way in ways:
            for column in matrix["columns"]:
                text = _text(way, column, matrix) if _applies(way, column, matrix["nisba"]) else None
                expected = _expected(relation, way, column)
                if text is None or expected is None:
                    continue
                listed = matrix.get("fails", {}).get(f"{relation}/{way['way']}", way.get("fails", {}))
                fails = listed.get(column["col"])
                published = date.fromisoformat(column["date"])
                out.append(Cell(relation, way["way"], column["col"], text, published, expected, fails))
    return out


def found(result: ArticleResult, relation: str) -> Facts:
    """The facts of one relation in an extraction, in the view of ``Cell.expected``."""
    return frozenset(keys(result, relation))
