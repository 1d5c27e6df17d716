"""Run the outlet-style probe of urged (tests/data/probe_outlets.json: paragraphs written in the
voices of many outlet types, by sub-type, with negatives) and print the pass rate per outlet
type and per sub-type; with --failing, the paragraphs that fail; with --record, write them as
the file's known_failing, text → reason (tests/test_appeal_outlets.py expects those to fail).

    PYTHONPATH=. python scripts/probe_outlets.py [--failing] [--record] [--probe tests/data/probe_appeal_long.json]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

PROBE = Path(__file__).resolve().parent.parent / "tests" / "data" / "probe_outlets.json"


def main() -> None:
    """Print the pass rate per outlet type and sub-type (and the failing paragraphs with --failing)."""
    from kg.extract import Extractor
    from kg.read import Article

    path = Path(sys.argv[sys.argv.index("--probe") + 1]) if "--probe" in sys.argv else PROBE
    probe = json.loads(path.read_text(encoding="utf-8"))
    published = date.fromisoformat(probe["published"])
    extractor = Extractor()
    by_outlet: dict[str, list[bool]] = defaultdict(list)
    by_sub: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    lines: list[str] = []
    for case in probe["cases"]:
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=published))
        got = sorted({(f.a.key, f.topic or "") for f in result.facts if f.relation == "urged"})
        passed = got == sorted(tuple(e) for e in case["expected"])
        by_outlet[case["outlet"]].append(passed)
        by_sub[case["sub"]].append(passed)
        if not passed:
            failing.append(case["text"])
            lines.append(f"{case['sub']}/{case['outlet']}: {case['text']}\n    expected {case['expected']} got {got}")
    for title, table in (("outlet", by_outlet), ("sub-type", by_sub)):
        print(f"-- by {title}")
        for name, results in sorted(table.items()):
            print(f"{name:12} {sum(results):3}/{len(results):3}")
    total = [ok for results in by_sub.values() for ok in results]
    print(f"{'all':12} {sum(total):3}/{len(total):3}")
    if "--failing" in sys.argv:
        print("\n".join(lines))
    if "--record" in sys.argv:  # keep the reasons already written for paragraphs still failing
        reasons = probe["known_failing"]
        probe["known_failing"] = {text: reasons.get(text, "not read yet") for text in failing}
        path.write_text(json.dumps(probe, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
