"""Write (or check) the README's quality table from ``kg eval`` on every gold set.

    python scripts/quality_table.py          # rewrite the table in README.md
    python scripts/quality_table.py --check  # exit 1 when README.md's table is stale

The rows are what ``kg eval GOLD [--split NAME] --markdown`` prints. ``dev`` and ``seeds`` are
read from ``../shared/eval`` and the pool's articles from ``../shared/corpus/pool``; without
``../shared`` the table cannot be produced and the script says so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import api
from kg.atomic import write_text_atomic
from kg.evaluate import QUALITY_TABLE_HEADER

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
README = ROOT / "README.md"
BEGIN = "<!-- quality-table: written by scripts/quality_table.py from kg eval; do not edit by hand -->"
END = "<!-- /quality-table -->"

BLIND = ROOT / "eval" / "probes" / "blind"

# (row name, gold folder, split of eval/splits.json or None, corpus folder or None for the default)
SETS: tuple[tuple[str, Path, str | None, Path | None], ...] = (
    ("dev", SHARED / "eval" / "gold" / "dev", None, None),
    ("seeds", SHARED / "eval" / "gold" / "seeds", None, None),
    ("pool-train", ROOT / "eval" / "gold" / "pool", "pool-train", None),
    ("pool-test", ROOT / "eval" / "gold" / "pool", "pool-test", None),
    ("blind-test", BLIND / "gold", "blind-test", BLIND / "corpus"),
)


def missing_inputs() -> list[Path]:
    """The folders the table needs that this checkout cannot see."""
    needed = [gold for _, gold, _, _ in SETS] + [SHARED / "corpus" / "pool"]
    return [path for path in needed if not path.is_dir()]


def quality_table() -> str:
    """The table, one ``kg eval --markdown`` row per gold set."""
    rows = []
    for name, gold, split, corpus in SETS:
        # The blind set has its own actors' file and splits (eval/probes/README.md).
        actors, splits = (ROOT / "eval" / "actors.json", BLIND / "splits.json") if corpus else (None, None)
        result, _ = api.evaluate(gold, corpus, actors, split=split, splits=splits)
        rows.append(result.markdown_row(name))
    return "\n".join([QUALITY_TABLE_HEADER, *rows])


def replace_table(readme: str, table: str) -> str:
    """The README text with the block between the markers replaced by ``table``."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{README}: the quality-table markers are missing")
    return readme[: start + len(BEGIN)] + "\n" + table + "\n" + readme[end:]


def main() -> int:
    """Rewrite or check the README's quality table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that README.md is up to date")
    args = parser.parse_args()
    missing = missing_inputs()
    if missing:
        print(f"cannot produce the quality table: {missing[0]} is missing", file=sys.stderr)
        return 2
    readme = README.read_text(encoding="utf-8")
    updated = replace_table(readme, quality_table())
    if args.check:
        if updated != readme:
            print(f"{README}: the quality table is stale; run python scripts/quality_table.py", file=sys.stderr)
            return 1
        return 0
    write_text_atomic(README, updated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
