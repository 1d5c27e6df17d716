"""Score the people matrix (tests/data/people_matrix.json, or the held-out rows with --held-out):
print the pass rate by row type and frame, and with --failures every failing cell. With --offices
the offices matrix (tests/data/offices_matrix.json, its held-out rows with --held-out) instead.

A cell passes when the facts of its frame's relation are exactly those it expects (none for a
negative row). Usage: python scripts/people_matrix.py [--offices] [--held-out] [--failures]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from people_matrix_cases import HELD_OUT, MATRIX, OFFICES, OFFICES_HELD_OUT, cells, found

from kg.extract import Extractor
from kg.read import Article


def main() -> None:
    """Print passes per row type (by frame) and in all, and the failures with --failures."""
    extractor = Extractor()
    files = (OFFICES, OFFICES_HELD_OUT) if "--offices" in sys.argv else (MATRIX, HELD_OUT)
    matrix = cells(files["--held-out" in sys.argv])
    frames = list(dict.fromkeys(cell.frame for cell in matrix))
    passed: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for cell in matrix:
        result = extractor.extract(Article(identifier="matrix", text=cell.text, published=cell.published))
        got = found(result, cell.relation)
        for key in ((cell.row_type, cell.frame), (cell.row_type, "all"), ("all", cell.frame), ("all", "all")):
            passed[key][0] += got == cell.expected
            passed[key][1] += 1
        if got != cell.expected:
            failures.append(
                f"{cell.row_type}/{cell.frame}: {cell.text}\n   want {sorted(cell.expected)}\n   got  {sorted(got)}"
            )
    types = [*dict.fromkeys(cell.row_type for cell in matrix), "all"]
    print(f"{'row type':15}" + "".join(f"{name[:14]:>15}" for name in [*frames, "all"]))
    for row_type in types:
        line = f"{row_type:15}"
        for frame in [*frames, "all"]:
            score = passed.get((row_type, frame))
            line += f"{(f'{score[0]}/{score[1]}' if score else '-'):>15}"
        print(line)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
