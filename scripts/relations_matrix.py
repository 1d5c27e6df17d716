"""Score the relation-structure matrix (tests/data/relations_matrix.json; the held-out ways with
--held-out, the second round's columns with --round-two, the call columns with --calls): per
relation, a line per way with a mark per column (. passes, X fails, blank: no cell), the pass rate
by column and in all; with --failures every failing cell.

Usage: python scripts/relations_matrix.py [--held-out | --round-two | --calls] [--failures] [--relation NAME]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from matrix_tools import failure_report
from relations_matrix_cases import CALLS, HELD_OUT, MATRIX, ROUND_TWO, Cell, cells, found

from kg.extract import Extractor
from kg.read import Article


def _table(relation: str, scored: list[tuple[Cell, bool]]) -> None:
    """Print one relation's marks by way and column and its pass rates."""
    columns = list(dict.fromkeys(cell.column for cell, _ in scored))
    ways = list(dict.fromkeys(cell.way for cell, _ in scored))
    marks = {(cell.way, cell.column): "." if ok else "X" for cell, ok in scored}
    by_column: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for cell, ok in scored:
        by_column[cell.column][0] += ok
        by_column[cell.column][1] += 1
    passed = sum(ok for _, ok in scored)
    print(f"\n== {relation}: {passed}/{len(scored)} ({passed / len(scored):.2f})")
    for n, column in enumerate(columns):
        score = by_column[column]
        print(f"  col {n:2} {column:20} {score[0]}/{score[1]}")
    print(f"  {'way':32} " + "".join(f"{n % 10}" for n in range(len(columns))))
    for way in ways:
        line = "".join(marks.get((way, column), " ") for column in columns)
        ok = sum(mark == "." for mark in line)
        print(f"  {way:32} {line}  {ok}/{len(line.replace(' ', ''))}")


def main() -> None:
    """Score every cell and print the tables, and the failures with --failures."""
    extractor = Extractor()
    chosen = {"--held-out": HELD_OUT, "--round-two": ROUND_TWO, "--calls": CALLS}
    matrix = cells(next((path for flag, path in chosen.items() if flag in sys.argv), MATRIX))
    wanted = sys.argv[sys.argv.index("--relation") + 1] if "--relation" in sys.argv else None
    scored: dict[str, list[tuple[Cell, bool]]] = defaultdict(list)
    failures: list[str] = []
    for cell in matrix:
        if wanted and cell.relation != wanted:
            continue
        result = extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published))
        got = found(result, cell.relation)
        scored[cell.relation].append((cell, got == cell.expected))
        if got != cell.expected:
            label = f"{cell.relation}/{cell.way}/{cell.column}"
            failures.append(failure_report(label, cell.text, cell.expected, got))
    for relation, results in scored.items():
        _table(relation, results)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
