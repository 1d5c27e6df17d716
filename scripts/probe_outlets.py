"""Run an outlet-style probe (default tests/data/probe_thanks_outlets.json: short paragraphs
written in the voices of many outlet types, with negatives) and print the pass rate per outlet
type and per sub-type; with --failing, the paragraphs that fail.

    PYTHONPATH=. python scripts/probe_outlets.py [PROBE.json] [--failing]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "probe_thanks_outlets.json"


def main() -> None:
    """Print the pass rate per outlet type and sub-type (and the failing paragraphs with --failing)."""
    from kg.extract import Extractor
    from kg.read import Article

    paths = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("--")]
    probe = json.loads((paths[0] if paths else DEFAULT).read_text(encoding="utf-8"))
    published = date.fromisoformat(probe["published"])
    extractor = Extractor()
    by_outlet: dict[str, list[bool]] = defaultdict(list)
    by_subtype: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    for case in probe["cases"]:
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=published))
        got = sorted(
            [fact.a.key, fact.b.key] if fact.b is not None and case["relation"] == "thanked" else [fact.a.key]
            for fact in result.facts
            if fact.relation == case["relation"]
        )
        ok = got == sorted(case["expected"])
        by_outlet[case["outlet"]].append(ok)
        by_subtype[case["subtype"]].append(ok)
        if not ok:
            where = f"{case['outlet']}/{case['subtype']}"
            failing.append(f"{where}: {case['text']}\n    expected {case['expected']} got {got}")
    for title, table in (("outlet", by_outlet), ("sub-type", by_subtype)):
        print(f"-- by {title}")
        for name, results in sorted(table.items()):
            print(f"{name:22} {sum(results):2}/{len(results):2}")
    total = [ok for results in by_outlet.values() for ok in results]
    print(f"{'all':22} {sum(total):3}/{len(total):3}")
    if "--failing" in sys.argv:
        print("\n".join(failing))


if __name__ == "__main__":
    main()
