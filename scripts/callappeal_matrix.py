"""Score the call + appeal compositions (tests/data/callappeal_matrix.json; the held-out seed
with --held-out): print the pass rates of the pairs, the initiators, the appeals (urged) and the
other relations, by call form, by appeal form and by call form × appeal form; every failing
article with --failures.

Pairs pass when the calls found are exactly the expected pairs; initiators when, besides, each
pair has its expected initiator; appeals when the urged facts are exactly the expected
(actor, topic) set; others likewise for thanked/warned/offeredMediation.
Usage: python scripts/callappeal_matrix.py [--held-out] [--failures] [--cross]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from callappeal_matrix_cases import Cell, cells, found

from kg.extract import Extractor
from kg.read import Article

COMPONENTS = ("pairs", "initiators", "appeals", "others", "all")


def _passes(extractor: Extractor, cell: Cell) -> tuple[list[bool], str]:
    got_calls, urged, others = found(
        extractor.extract(Article(identifier="m", text=cell.text, published=cell.published))
    )
    pairs = set(got_calls) == set(cell.calls)
    result = [pairs, pairs and got_calls == cell.calls, urged == cell.urged, others == cell.others]
    report = (
        f"#{cell.number} {cell.call_form} × {cell.appeal_form} × {cell.headline_form}: {cell.text!r}\n"
        f"   want {sorted((sorted(p), w) for p, w in cell.calls.items())} {sorted(cell.urged)} {sorted(cell.others)}\n"
        f"   got  {sorted((sorted(p), w) for p, w in got_calls.items())} {sorted(urged)} {sorted(others)}"
    )
    return [*result, all(result)], report


def _table(title: str, scores: dict[str, list[int]]) -> None:
    print(f"\n{title:34}" + "".join(f"{name:>11}" for name in COMPONENTS))
    for name, score in sorted(scores.items()):
        total = score[-1]
        print(f"{name[:33]:34}" + "".join(f"{f'{passed}/{total}':>11}" for passed in score[:-1]))


def main() -> None:
    """Print the pass rates by component; the failing articles with --failures."""
    extractor = Extractor()
    matrix = cells(held_out="--held-out" in sys.argv)
    tables: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0] * (len(COMPONENTS) + 1)))
    failures = []
    for cell in matrix:
        passes, report = _passes(extractor, cell)
        keys = {"all": "all", "call form": cell.call_form, "appeal form": cell.appeal_form}
        keys["headline form"] = cell.headline_form
        if "--cross" in sys.argv:
            keys["call × appeal"] = f"{cell.call_form} × {cell.appeal_form}"
        for table, name in keys.items():
            score = tables[table][name]
            for index, passed in enumerate(passes):
                score[index] += passed
            score[-1] += 1
        if not passes[-1]:
            failures.append(report)
    for table, scores in tables.items():
        _table(table, scores)
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
