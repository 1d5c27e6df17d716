"""Score the goal-grammar probe: invented sentences by sub-type, one goal each.

    PYTHONPATH=. .venv/bin/python scripts/goal_probe.py                # pass rate per sub-type + failures
    PYTHONPATH=. .venv/bin/python scripts/goal_probe.py --record       # write the failures as known_failures

The cases are ``tests/data/goal_probe.json`` (written from a thesaurus of the language, not from
corpus text). A case passes when the set of urged topics extracted from its sentence equals
the expected set (empty for the negatives). ``--record`` keeps the failing sentences in the
file's ``known_failures``, which ``tests/test_goal_probe.py`` expects to fail.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.extract import Extractor
from kg.read import Article

PROBE = Path(__file__).resolve().parent.parent / "tests" / "data" / "goal_probe.json"


def main() -> None:
    """Run every case, print the pass rate per sub-type and the failing sentences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="write the failures as known_failures")
    args = parser.parse_args()
    probe = json.loads(PROBE.read_text(encoding="utf-8"))
    extractor = Extractor()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for case in probe["cases"]:
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=None))
        found = sorted({fact.topic or "" for fact in result.facts if fact.relation == "urged"})
        passed = found == case["topics"]
        totals[case["sub"]][0] += passed
        totals[case["sub"]][1] += 1
        if not passed:
            failures.append(case["text"])
            print(f"FAIL {case['sub']:<11} want {case['topics']} got {found}: {case['text']}")
    print(f"\n{'sub-type':<11} pass")
    for sub, (good, total) in totals.items():
        print(f"{sub:<11} {good}/{total}")
    good = sum(g for g, _ in totals.values())
    total = sum(t for _, t in totals.values())
    print(f"{'all':<11} {good}/{total} ({good / total:.2f})")
    if args.record:
        probe["known_failures"] = failures
        PROBE.write_text(json.dumps(probe, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
