"""Run a probe of invented sentences and print its pass rate per sub-type and per outlet type.

Every probe of ``tests/data`` whose cases carry a relation (urged when none is given), the
expected facts and a sub-type: ``probe_outlets.json`` (urged, the default),
``probe_appeal_long.json``, ``probe_thanks_outlets.json``, ``probe_mediation.json``,
``probe_mediation_outlets.json``, ``mention_outlets_probe.json``. With --failing, the sentences
that fail; with --record, write them as the probe's ``known_failing``, text → reason (for a probe
that keeps such a list: tests/test_appeal_outlets.py expects those to fail).

    PYTHONPATH=. python scripts/probe_outlets.py [tests/data/PROBE.json] [--failing] [--record]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "probe_outlets.json"


def found(result: Any, relation: str) -> list[list[str]]:
    """What a probe case compares: [agent, topic] of urged, [agent, addressee] of thanked, the sorted
    pair of a call, else [agent]."""
    got: list[list[str]] = []
    for fact in result.facts:
        if fact.relation != relation:
            continue
        if relation == "urged":
            got.append([fact.a.key, fact.topic or ""])
        elif relation == "thanked" and fact.b is not None:
            got.append([fact.a.key, fact.b.key])
        elif relation == "called" and fact.b is not None:
            got.append(sorted([fact.a.key, fact.b.key]))
        else:
            got.append([fact.a.key])
    return sorted(map(list, {tuple(g) for g in got})) if relation == "urged" else sorted(got)


def main() -> None:
    """Print the pass rate per outlet type and sub-type (and the failing paragraphs with --failing)."""
    from kg.extract import Extractor
    from kg.read import Article

    paths = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("--")]
    path = paths[0] if paths else DEFAULT
    probe = json.loads(path.read_text(encoding="utf-8"))
    published = date.fromisoformat(probe["published"])
    extractor = Extractor()
    by_outlet: dict[str, list[bool]] = defaultdict(list)
    by_sub: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    lines: list[str] = []
    for case in probe["cases"]:
        sub, relation = case.get("sub") or case["subtype"], case.get("relation", "urged")
        result = extractor.extract(Article(identifier="probe", text=case["text"], published=published))
        got = found(result, relation)
        if relation == "urged" and case["expected"] and all(len(e) == 1 for e in case["expected"]):
            got = sorted([agent] for agent, _ in got)  # a probe of who urges, not of what
        expected = [sorted(e) if relation == "called" else list(e) for e in case["expected"]]
        passed = got == sorted(expected)
        by_outlet[case.get("outlet", "-")].append(passed)
        by_sub[sub].append(passed)
        if not passed:
            failing.append(case["text"])
            lines.append(f"{case.get('outlet', '-')}/{sub}: {case['text']}\n    expected {case['expected']} got {got}")
    for title, table in (("outlet", by_outlet), ("sub-type", by_sub)):
        print(f"-- by {title}")
        for name, results in sorted(table.items()):
            print(f"{name:22} {sum(results):3}/{len(results):3}")
    total = [ok for results in by_sub.values() for ok in results]
    print(f"{'all':22} {sum(total):3}/{len(total):3}")
    if "--failing" in sys.argv:
        print("\n".join(lines))
    if "--record" in sys.argv and "known_failing" in probe:  # keep the reasons of paragraphs still failing
        if isinstance(probe["known_failing"], list):  # a list, with its reasons kept beside it
            reasons = probe.get("known_failing_reasons", {})
            probe["known_failing"] = failing
            probe["known_failing_reasons"] = {text: reasons.get(text, "not read yet") for text in failing}
        else:
            reasons = probe["known_failing"]
            probe["known_failing"] = {text: reasons.get(text, "not read yet") for text in failing}
        path.write_text(json.dumps(probe, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
