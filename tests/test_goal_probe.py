"""The goal-grammar probe (tests/data/goal_probe.json): invented sentences by sub-type.

Each case is one goal in a plain appeal frame; its urged topics must be exactly the expected
set (none for the negatives). The cases the grammar does not read yet are the file's
``known_failures`` (``scripts/goal_probe.py --record`` writes them): they must still fail,
so a fix that reads one moves it out of the list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE = json.loads((Path(__file__).parent / "data" / "goal_probe.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = set(PROBE["known_failures"])


def _cases() -> list[object]:
    return [
        pytest.param(
            case["text"],
            case["topics"],
            id=f"{case['sub']}-{index}",
            marks=[pytest.mark.xfail(strict=True, reason="known probe failure")]
            if case["text"] in KNOWN_FAILURES
            else [],
        )
        for index, case in enumerate(PROBE["cases"])
    ]


def test_every_sub_type_has_cases_and_negatives_pass() -> None:
    counts: dict[str, int] = {}
    for case in PROBE["cases"]:
        counts[case["sub"]] = counts.get(case["sub"], 0) + 1
    negatives = [case for case in PROBE["cases"] if not case["topics"] and case["text"] not in KNOWN_FAILURES]
    assert all(count >= 3 for count in counts.values()) and len(negatives) >= 3


@pytest.mark.parametrize(("text", "topics"), _cases())
def test_probe_case(extract: Extract, text: str, topics: list[str]) -> None:
    found = sorted({fact.topic or "" for fact in extract(text).facts if fact.relation == "urged"})
    assert found == topics
