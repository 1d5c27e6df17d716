"""Run the calls probe (tests/data/call_forms_probe.json) and print its pass rate per sub-type;
with --outlets, the outlet-style probe (tests/data/call_outlets_probe.json), per outlet type too;
with --para, the paraphrases of real call sentences (tests/data/call_para_probe.json), per
dimension varied and sub-type.

A case passes "found" when the calls extracted are exactly the pairs it lists (none for a
negative), and "direction" when, besides, every pair has the initiator the case gives.
Usage: python scripts/call_forms_probe.py [--outlets | --para] [--failures]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from kg.extract import Extractor
from kg.read import Article

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
PROBE = DATA / "call_forms_probe.json"
OUTLETS_PROBE = DATA / "call_outlets_probe.json"
PARA_PROBE = DATA / "call_para_probe.json"
PUBLISHED = date(2025, 6, 1)

#: An unordered pair of actor keys and the key of its initiator (or None).
Calls = dict[frozenset[str], str | None]


def expected_calls(case: dict[str, object]) -> Calls:
    """The calls a probe case lists, keyed like the extractor's facts."""
    out: Calls = {}
    for one, other, who in case["calls"]:  # type: ignore[attr-defined]
        out[frozenset((f"person/{one}", f"person/{other}"))] = f"person/{who}" if who else None
    return out


def extracted_calls(extractor: Extractor, text: str) -> Calls:
    """The calls the extractor finds in ``text``."""
    result = extractor.extract(Article(identifier="probe", text=text, published=PUBLISHED))
    out: Calls = {}
    for fact in result.facts:
        if fact.relation == "called" and fact.b is not None:
            who = {"a": fact.a.key, "b": fact.b.key}.get(fact.initiator or "")
            out[frozenset((fact.a.key, fact.b.key))] = who
    return out


def main() -> None:
    """Print found / direction pass rates per sub-type (and outlet), and the failures with --failures."""
    probe, groupings = PROBE, ["type"]
    if "--outlets" in sys.argv:
        probe, groupings = OUTLETS_PROBE, ["type", "outlet"]
    elif "--para" in sys.argv:
        probe, groupings = PARA_PROBE, ["dim", "type"]
    outlets = len(groupings) > 1
    cases = json.loads(probe.read_text(encoding="utf-8"))["cases"]
    extractor = Extractor()
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    directed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for case in cases:
        want, got = expected_calls(case), extracted_calls(extractor, case["text"])
        pairs_right = set(want) == set(got)
        for kind in (f"{g}:{case[g]}" if outlets else case[g] for g in groupings):
            found[kind][0] += pairs_right
            found[kind][1] += 1
            if any(who is not None for who in want.values()):
                directed[kind][0] += pairs_right and want == got
                directed[kind][1] += 1
        if want != got:
            failures.append(
                f"{case['type']}: {case['text']!r}\n   want {sorted(want.items())}\n   got  {sorted(got.items())}"
            )
    for kind in found:
        row = f"{kind:24} found {found[kind][0]}/{found[kind][1]}"
        if kind in directed:
            row += f"  direction {directed[kind][0]}/{directed[kind][1]}"
        print(row)
    first = [k for k in found if k.startswith(groupings[0])] if outlets else list(found)
    total_found = sum(found[k][0] for k in first), sum(found[k][1] for k in first)
    total_dir = sum(directed[k][0] for k in first), sum(directed[k][1] for k in first)
    print(f"{'all':24} found {total_found[0]}/{total_found[1]}  direction {total_dir[0]}/{total_dir[1]}")
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
