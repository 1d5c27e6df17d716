"""Score the attachment matrix (tests/data/attach_matrix.json, or the held-out rows with
--held-out): print the pass rate by row type and topic, and with --failures every failing cell.

A cell passes when its urged facts are exactly those it expects (none for a negative row).
Usage: python scripts/attach_matrix.py [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from attach_matrix_cases import HELD_OUT, MATRIX, cells, found

from kg.extract import Extractor
from kg.read import Article


def main() -> None:
    """Print passes per row type (by topic) and in all, and the failures with --failures."""
    extractor = Extractor()
    matrix = cells(HELD_OUT if "--held-out" in sys.argv else MATRIX)
    topics = list(dict.fromkeys(cell.topic for cell in matrix))
    passed: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for cell in matrix:
        got = found(extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published)))
        for key in ((cell.row_type, cell.topic), (cell.row_type, "all"), ("all", cell.topic), ("all", "all")):
            passed[key][0] += got == cell.expected
            passed[key][1] += 1
        if got != cell.expected:
            failures.append(f"{cell.row_type}: {cell.text}\n   want {sorted(cell.expected)}\n   got  {sorted(got)}")
    types = [*dict.fromkeys(cell.row_type for cell in matrix), "all"]
    print(f"{'row type':16}" + "".join(f"{name[:12]:>13}" for name in [*topics, "all"]))
    for row_type in types:
        line = f"{row_type:16}"
        for topic in [*topics, "all"]:
            score = passed.get((row_type, topic))
            line += f"{(f'{score[0]}/{score[1]}' if score else '-'):>13}"
        print(line)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
