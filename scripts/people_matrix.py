"""Score the people matrix (tests/data/people_matrix.json, or the held-out rows with --held-out):
print the pass rate by row type and frame, and with --failures every failing cell. With --offices
the offices matrix (tests/data/offices_matrix.json, its held-out rows with --held-out) instead.

A cell passes when the facts of its frame's relation are exactly those it expects (none for a
negative row). Usage: python scripts/people_matrix.py [--offices] [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from matrix_tools import PassTable, failure_report
from people_matrix_cases import HELD_OUT, MATRIX, OFFICES, OFFICES_HELD_OUT, cells, found

from kg.extract import Extractor
from kg.read import Article


def main() -> None:
    """Print passes per row type (by frame) and in all, and the failures with --failures."""
    extractor = Extractor()
    files = (OFFICES, OFFICES_HELD_OUT) if "--offices" in sys.argv else (MATRIX, HELD_OUT)
    matrix = cells(files["--held-out" in sys.argv])
    table = PassTable()
    failures: list[str] = []
    for cell in matrix:
        result = extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published))
        got = found(result, cell.relation)
        table.add(cell.row_type, cell.frame, got == cell.expected)
        if got != cell.expected:
            failures.append(failure_report(f"{cell.row_type}/{cell.frame}", cell.text, cell.expected, got))
    table.show(label_width=15, column_width=15)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
