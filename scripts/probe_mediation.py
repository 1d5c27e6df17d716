"""Run a probe of offeredMediation, thanked and warned (tests/data/probe_mediation.json:
sentences written from ANNOTATION.md and Arabic grammar, one thing varied at a time, with
negatives; tests/data/probe_mediation_outlets.json: short paragraphs in the voices of many
outlets) and print the pass rate per sub-type, and per outlet where the probe names them;
with --failing, the sentences that fail.

    PYTHONPATH=. python scripts/probe_mediation.py [--failing] [--probe tests/data/probe_mediation_outlets.json]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

PROBE = Path(__file__).resolve().parent.parent / "tests" / "data" / "probe_mediation.json"


def _print_rates(title: str, passed: dict[str, list[bool]]) -> None:
    """Print one table of pass rates, a row per group and one for all."""
    print(f"-- per {title}")
    for group, results in sorted(passed.items()):
        print(f"{group:24} {sum(results):3}/{len(results):3}")
    total = [ok for results in passed.values() for ok in results]
    print(f"{'all':24} {sum(total):3}/{len(total):3}")


def main() -> None:
    """Print the pass rates (and the failing sentences with --failing)."""
    from kg.extract import Extractor
    from kg.read import Article

    parser = argparse.ArgumentParser()
    parser.add_argument("--failing", action="store_true")
    parser.add_argument("--probe", type=Path, default=PROBE)
    args = parser.parse_args()
    probe: dict[str, Any] = json.loads(args.probe.read_text(encoding="utf-8"))
    published = date.fromisoformat(probe["published"])
    extractor = Extractor()
    by_subtype: dict[str, list[bool]] = defaultdict(list)
    by_outlet: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    for case in probe["cases"]:
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=published))
        got = sorted(
            [fact.a.key, fact.b.key] if fact.b is not None and case["relation"] == "thanked" else [fact.a.key]
            for fact in result.facts
            if fact.relation == case["relation"]
        )
        expected = sorted(case["expected"])
        by_subtype[case["subtype"]].append(got == expected)
        if "outlet" in case:
            by_outlet[case["outlet"]].append(got == expected)
        if got != expected:
            failing.append(f"{case['subtype']}: {case['text']}\n    expected {expected} got {got}")
    _print_rates("sub-type", by_subtype)
    if by_outlet:
        _print_rates("outlet", by_outlet)
    if args.failing:
        print("\n".join(failing))


if __name__ == "__main__":
    main()
