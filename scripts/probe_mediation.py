"""Run the probe of offeredMediation, thanked and warned (tests/data/probe_mediation.json:
sentences written from ANNOTATION.md and Arabic grammar, one thing varied at a time, with
negatives) and print the pass rate per sub-type; with --failing, the sentences that fail.

    PYTHONPATH=. python scripts/probe_mediation.py [--failing]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

PROBE = Path(__file__).resolve().parent.parent / "tests" / "data" / "probe_mediation.json"


def main() -> None:
    """Print the pass rate per sub-type (and the failing sentences with --failing)."""
    from kg.extract import Extractor
    from kg.read import Article

    probe = json.loads(PROBE.read_text(encoding="utf-8"))
    published = date.fromisoformat(probe["published"])
    extractor = Extractor()
    passed: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    for case in probe["cases"]:
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=published))
        got = sorted(
            [fact.a.key, fact.b.key] if fact.b is not None and case["relation"] == "thanked" else [fact.a.key]
            for fact in result.facts
            if fact.relation == case["relation"]
        )
        expected = sorted(case["expected"])
        passed[case["subtype"]].append(got == expected)
        if got != expected:
            failing.append(f"{case['subtype']}: {case['text']}\n    expected {expected} got {got}")
    for subtype, results in passed.items():
        print(f"{subtype:22} {sum(results):2}/{len(results):2}")
    total = [ok for results in passed.values() for ok in results]
    print(f"{'all':22} {sum(total):3}/{len(total):3}")
    if "--failing" in sys.argv:
        print("\n".join(failing))


if __name__ == "__main__":
    main()
