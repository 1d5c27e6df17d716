"""Score the goal matrix (tests/data/goal_matrix.json, or the held-out rows with --held-out):
print the pass rate by row type and frame, and with --failures every failing cell.

A cell passes when its urged facts are exactly those it expects (none for a negative row or
frame). Usage: python scripts/goal_matrix.py [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from goal_matrix_cases import HELD_OUT, MATRIX, cells

from kg.extract import Extractor
from kg.read import Article


def main() -> None:
    """Print passes per row type (by frame) and in all, and the failures with --failures."""
    extractor = Extractor()
    matrix = cells(HELD_OUT if "--held-out" in sys.argv else MATRIX)
    frames = list(dict.fromkeys(cell.frame for cell in matrix))
    passed: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for cell in matrix:
        result = extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published))
        got = frozenset((fact.a.key, fact.topic or "") for fact in result.facts if fact.relation == "urged")
        for key in ((cell.row_type, cell.frame), (cell.row_type, "all"), ("all", cell.frame), ("all", "all")):
            passed[key][0] += got == cell.expected
            passed[key][1] += 1
        if got != cell.expected:
            failures.append(
                f"{cell.row_type}/{cell.frame}: {cell.text}\n   want {sorted(cell.expected)}\n   got  {sorted(got)}"
            )
    types = [*dict.fromkeys(cell.row_type for cell in matrix), "all"]
    print(f"{'row type':11}" + "".join(f"{name[:10]:>11}" for name in [*frames, "all"]))
    for row_type in types:
        line = f"{row_type:11}"
        for frame in [*frames, "all"]:
            score = passed.get((row_type, frame))
            line += f"{(f'{score[0]}/{score[1]}' if score else '-'):>11}"
        print(line)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
