"""Run the probe of actor mentions as outlets write them (tests/data/mention_outlets_probe.json:
sentences written for it in a fixed frame, the actor's mention varied) and print the pass
rate per sub-type and per outlet; with --failing, the sentences that fail.

    PYTHONPATH=. python scripts/mention_probe.py [--failing]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

PROBE = Path(__file__).resolve().parent.parent / "tests" / "data" / "mention_outlets_probe.json"


def probe_facts(relation: str, facts: list[Any]) -> list[list[str]]:
    """The facts of ``relation`` as the probe writes them: agent keys, or sorted call pairs."""
    return sorted(
        sorted([fact.a.key, fact.b.key]) if relation == "called" and fact.b is not None else [fact.a.key]
        for fact in facts
        if fact.relation == relation
    )


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
    args = parser.parse_args()
    probe: dict[str, Any] = json.loads(PROBE.read_text(encoding="utf-8"))
    published = date.fromisoformat(probe["published"])
    extractor = Extractor()
    by_subtype: dict[str, list[bool]] = defaultdict(list)
    by_outlet: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    for case in probe["cases"]:
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=published))
        got = probe_facts(case["relation"], list(result.facts))
        expected = sorted(sorted(pair) for pair in case["expected"])
        by_subtype[case["subtype"]].append(got == expected)
        by_outlet[case["outlet"]].append(got == expected)
        if got != expected:
            failing.append(f"{case['subtype']}: {case['text']}\n    expected {expected} got {got}")
    _print_rates("sub-type", by_subtype)
    _print_rates("outlet", by_outlet)
    if args.failing:
        print("\n".join(failing))


if __name__ == "__main__":
    main()
