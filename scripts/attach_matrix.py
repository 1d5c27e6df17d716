"""Score the attachment matrix (tests/data/attach_matrix.json, or the held-out rows with
--held-out): print the pass rate by row type and topic, and with --failures every failing cell.

A cell passes when its urged facts are exactly those it expects (none for a negative row).
Usage: python scripts/attach_matrix.py [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from attach_matrix_cases import HELD_OUT, MATRIX, cells, found
from matrix_tools import PassTable, failure_report

from kg.extract import Extractor
from kg.read import Article


def main() -> None:
    """Print passes per row type (by topic) and in all, and the failures with --failures."""
    extractor = Extractor()
    matrix = cells(HELD_OUT if "--held-out" in sys.argv else MATRIX)
    table = PassTable()
    failures: list[str] = []
    for cell in matrix:
        got = found(extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published)))
        table.add(cell.row_type, cell.topic, got == cell.expected)
        if got != cell.expected:
            failures.append(failure_report(cell.row_type, cell.text, cell.expected, got))
    table.show(label_width=16, column_width=13)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
