"""The probe of offeredMediation, thanked and warned (tests/data/probe_mediation.json, issue
14): every sentence the rules get right stays right; those listed as known_failing are what
scripts/probe_outlets.py tests/data/probe_mediation.json reports as still missed. Sentences written for the probe."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE_FILE = Path(__file__).parent / "data" / "probe_mediation.json"
PROBE: dict[str, Any] = json.loads(PROBE_FILE.read_text(encoding="utf-8"))
PUBLISHED = date.fromisoformat(PROBE["published"])
KNOWN_FAILING = set(PROBE["known_failing"])
CASES = [case for case in PROBE["cases"] if case["text"] not in KNOWN_FAILING]


def found(result: ArticleResult, relation: str) -> list[list[str]]:
    """The facts of ``relation`` as the probe writes them: agent keys, or [agent, thanked] pairs."""
    return sorted(
        [fact.a.key, fact.b.key] if relation == "thanked" and fact.b is not None else [fact.a.key]
        for fact in result.facts
        if fact.relation == relation
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{c['subtype']}-{i}" for i, c in enumerate(CASES)])
def test_probe_sentence(extract: Extract, case: dict[str, Any]) -> None:
    result = extract(case["text"], published=PUBLISHED)
    assert found(result, case["relation"]) == sorted(case["expected"])


def test_known_failing_sentences_are_probe_sentences() -> None:
    """A sentence listed as failing must be one of the probe's (no stale entry)."""
    assert {case["text"] for case in PROBE["cases"]} >= KNOWN_FAILING
