"""Score the composition matrix of the urged relation (tests/data/compose_matrix.json; the
held-out seed with --held-out): print the pass rate by actor type, attachment, goal type and
context, and by actor type × attachment and attachment × context; with --failures every failing cell.

A cell passes when its urged facts are exactly those it expects (none for a negative attachment).
Usage: python scripts/compose_matrix.py [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from compose_matrix_cases import Cell, cells, found
from matrix_tools import failure_report

from kg.extract import Extractor
from kg.read import Article


def _table(title: str, scores: dict[tuple[str, str], list[int]], rows: list[str], columns: list[str]) -> None:
    print(f"\n{title:16}" + "".join(f"{name[:9]:>10}" for name in columns))
    for row in rows:
        line = f"{row[:16]:16}"
        for column in columns:
            score = scores.get((row, column))
            line += f"{(f'{score[0]}/{score[1]}' if score else '-'):>10}"
        print(line)


def _marginals(matrix: list[Cell], passed: list[bool]) -> None:
    for name in ("actor", "attachment", "goal", "context"):
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for cell, ok in zip(matrix, passed, strict=True):
            totals[getattr(cell, name)][0] += ok
            totals[getattr(cell, name)][1] += 1
        print(f"{name}: " + ", ".join(f"{key} {p}/{n}" for key, (p, n) in sorted(totals.items())))


def main() -> None:
    """Print the pass rates by component and pairs of components, and the failures with --failures."""
    extractor = Extractor()
    matrix = cells(held_out="--held-out" in sys.argv)
    passed: list[bool] = []
    failures: list[str] = []
    for cell in matrix:
        got = found(extractor.extract(Article(identifier="compose", text=cell.text, published=cell.published)))
        passed.append(got == cell.expected)
        if got != cell.expected:
            tags = f"{cell.actor} × {cell.attachment} × {cell.goal} × {cell.context}"
            failures.append(failure_report(tags, cell.text, cell.expected, got))
    print(f"all: {sum(passed)}/{len(passed)}")
    _marginals(matrix, passed)
    for first, second in (("actor", "attachment"), ("attachment", "context")):
        pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for cell, ok in zip(matrix, passed, strict=True):
            pairs[(getattr(cell, first), getattr(cell, second))][0] += ok
            pairs[(getattr(cell, first), getattr(cell, second))][1] += 1
        rows = sorted({getattr(cell, first) for cell in matrix})
        columns = sorted({getattr(cell, second) for cell in matrix})
        _table(f"{first} × {second}", pairs, rows, columns)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
