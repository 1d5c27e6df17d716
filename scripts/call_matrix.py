"""Score the call matrix (tests/data/call_matrix.json, or the held-out rows with --held-out):
print the pass rate by row type and column, of the pairs and of the initiators, and with
--failures every failing cell.

A cell's pairs pass when the calls found are exactly the pairs it expects (none for a negative);
its initiators pass when, besides, every pair has the initiator it expects (null included).
Usage: python scripts/call_matrix.py [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from call_matrix_cases import HELD_OUT, MATRIX, Cell, calls, cells

from kg.extract import Extractor
from kg.read import Article

#: Passes of the pairs and of the initiators, and the number of cells, per (row type, column).
Scores = dict[tuple[str, str], list[int]]


def _score(extractor: Extractor, matrix: list[Cell]) -> tuple[Scores, list[str]]:
    scores: Scores = defaultdict(lambda: [0, 0, 0])
    failures: list[str] = []
    for cell in matrix:
        got = calls(extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published)))
        pairs = set(got) == set(cell.expected)
        for key in ((cell.row_type, cell.column), (cell.row_type, "all"), ("all", cell.column), ("all", "all")):
            scores[key][0] += pairs
            scores[key][1] += got == cell.expected
            scores[key][2] += 1
        if got != cell.expected:
            failures.append(
                f"{cell.row_type}/{cell.column}: {cell.text}\n   want {sorted(cell.expected.items())}"
                f"\n   got  {sorted(got.items())}"
            )
    return scores, failures


def main() -> None:
    """Print pairs/initiators passes per row type by column and in all; the failures with --failures."""
    matrix = cells(HELD_OUT if "--held-out" in sys.argv else MATRIX)
    scores, failures = _score(Extractor(), matrix)
    columns = [*dict.fromkeys(cell.column for cell in matrix), "all"]
    print("cells: pairs right / pairs and initiators right / cells")
    print(f"{'row type':17}" + "".join(f"{name[:12]:>13}" for name in columns))
    for row_type in [*dict.fromkeys(cell.row_type for cell in matrix), "all"]:
        line = f"{row_type[:16]:17}"
        for column in columns:
            score = scores.get((row_type, column))
            line += f"{(f'{score[0]}/{score[1]}/{score[2]}' if score else '-'):>13}"
        print(line)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
