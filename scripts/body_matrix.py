"""Run the matrix of state, body, organisation and statement phrases × frames
(tests/data/body_matrix.json) and print its pass rate per row type and frame.

Each row is an actor phrase as outlets write it («جمهورية مصر العربية»، «الخارجية الأمريكية»،
«منظمة الإيغاد»، «بيان مشترك صادر عن …») with the keys it stands for; each frame sets it in one
sentence (an appeal in verb-first order, a headline appeal in subject-first order, the caller of a
call, the one called after مع, the one thanked). A cell passes when the frame's relation gives a
fact to every key of the row (the appeal's goal, the call's or thanks' other party included); a
negative row passes when its forbidden key gets no such fact.
Usage: python scripts/body_matrix.py [--failures]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from body_matrix_cells import cells, facts, load, passes

from kg.extract import Extractor
from kg.read import Article

Tally = dict[tuple[str, str], list[int]]


def print_table(title: str, tally: Tally) -> None:
    """Print one table of pass rates, a row per row type and a column per frame."""
    frames = sorted({frame for _, frame in tally})
    types = list(dict.fromkeys(row_type for row_type, _ in tally))
    print(f"{title}\n" + "type".ljust(18) + "".join(f.ljust(14) for f in frames) + "all")
    for row_type in types:
        line = row_type.ljust(18)
        done = total = 0
        for frame in frames:
            got, count = tally.get((row_type, frame), [0, 0])
            done, total = done + got, total + count
            line += (f"{got}/{count}" if count else "-").ljust(14)
        print(line + f"{done}/{total}")
    passed = sum(got for got, _ in tally.values())
    print(f"total {passed}/{sum(count for _, count in tally.values())}\n")


def main() -> None:
    """Print the pass rate per row type × frame (the first rows, then each round of held-out ones), and the
    failing cells with --failures."""
    matrix, published = load()
    extractor = Extractor()
    tallies: dict[int, Tally] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    failures: list[str] = []
    for cell in cells(matrix):
        result = extractor.extract(Article(identifier="matrix", text=cell.text, published=published))
        found = facts(result, cell.relation)
        ok = passes(cell, found)
        tallies[cell.heldout][(cell.row_type, cell.frame)][0] += ok
        tallies[cell.heldout][(cell.row_type, cell.frame)][1] += 1
        if not ok:
            failures.append(f"{cell.row_type}\t{cell.frame}\t{cell.text}\t{sorted(found)}")
    for round_ in sorted(tallies):
        print_table(f"held-out rows, round {round_}" if round_ else "first rows", tallies[round_])
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
