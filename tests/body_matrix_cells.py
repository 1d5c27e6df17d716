"""The cells of the state, body, organisation and statement matrix (tests/data/body_matrix.json):
each row's actor phrase set in each of its frames, with the facts the sentence must give. Shared by
tests/test_body_matrix.py and scripts/body_matrix.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conftest import keys

from kg.model import ArticleResult

MATRIX = Path(__file__).resolve().parent / "data" / "body_matrix.json"

#: The other party of a call or thanks frame, and the one used when the row is that party's state.
OTHERS = {
    "call_subject": (
        ("وزير الخارجية التركي هاكان فيدان", "person/hakan-fidan", "state/TR"),
        ("وزير الخارجية المصري بدر عبد العاطي", "person/badr-abdelatty", "state/EG"),
    ),
    "call_object": (
        ("الرئيس التركي رجب طيب أردوغان", "person/recep-tayyip-erdogan", "state/TR"),
        ("الرئيس المصري عبد الفتاح السيسي", "person/abdel-fattah-el-sisi", "state/EG"),
    ),
    "thanked": (
        ("الرئيس الفلسطيني محمود عباس", "person/mahmoud-abbas", "state/PS"),
        ("رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني", "person/mohammed-bin-abdulrahman-al-thani", "state/QA"),
    ),
}
SVO_VERBS = {"m": "يدعو", "f": "تدعو", "pl": "يدعون"}
VSO_VERBS = {"m": "ودعا", "f": "ودعت", "pl": "ودعا"}
CALL_VERBS = {"m": "أجرى", "f": "أجرت", "pl": "أجرى"}


@dataclass(frozen=True)
class Cell:
    """One sentence of the matrix and what it must (or must not) give."""

    row_type: str
    frame: str
    phrase: str
    text: str
    relation: str
    expected: frozenset[tuple[str, ...]]
    forbidden: str | None
    #: 0 for the first rows; 1, 2 for the held-out rounds written after fixes and scored before fixing them.
    heldout: int = 0


def _other(frame: str, keys: list[str]) -> tuple[str, str]:
    first, second = OTHERS[frame]
    chosen = second if first[2] in keys else first
    return chosen[0], chosen[1]


def _sentence(frame: str, row: dict[str, object], keys: list[str]) -> tuple[str, str, set[tuple[str, ...]]]:
    phrase, gender = str(row["phrase"]), str(row["g"])
    if frame == "urged_vso":
        return f"{VSO_VERBS[gender]} {phrase} إلى وقف إطلاق النار.", "urged", {(k, "Ceasefire") for k in keys}
    if frame == "urged_svo":
        verb = str(row.get("svo_verb") or SVO_VERBS[gender])
        return f"{phrase} {verb} إلى التهدئة", "urged", {(k, "DeEscalation") for k in keys}
    name, key = _other(frame, keys)
    if frame == "call_subject":
        text = f"{CALL_VERBS[gender]} {phrase} اتصالا هاتفيا مع {name}."
        return text, "called", {tuple(sorted((k, key))) for k in keys}
    if frame == "call_object":
        text = f"بحث {name} هاتفيا مع {phrase} الأوضاع في قطاع غزة."
        return text, "called", {tuple(sorted((k, key))) for k in keys}
    effort = "جهودها" if gender == "f" else "جهوده"
    return f"وشكر {name} {phrase} على {effort} في وقف الحرب.", "thanked", {(key, k) for k in keys}


def cells(matrix: dict[str, Any]) -> Iterator[Cell]:
    """Every cell of the matrix: each row in each of its frames."""
    for row in matrix["rows"]:
        forbidden = row.get("forbid")
        keys = [forbidden] if forbidden else list(row["keys"])
        for frame in row["frames"]:
            text, relation, expected = _sentence(frame, row, keys)
            heldout = int(row.get("heldout", 0))
            yield Cell(row["type"], frame, row["phrase"], text, relation, frozenset(expected), forbidden, heldout)


def facts(result: ArticleResult, relation: str) -> set[tuple[str, ...]]:
    """The facts of one relation in an extraction result, keyed like the cells (``conftest.keys``)."""
    return keys(result, relation)


def passes(cell: Cell, found: set[tuple[str, ...]]) -> bool:
    """Whether the facts found satisfy the cell."""
    if cell.forbidden is not None:
        return not any(cell.forbidden in fact for fact in found)
    return cell.expected <= found


def load() -> tuple[dict[str, Any], date]:
    """The matrix and the date its sentences are published on."""
    matrix = json.loads(MATRIX.read_text(encoding="utf-8"))
    return matrix, date.fromisoformat(matrix["published"])
