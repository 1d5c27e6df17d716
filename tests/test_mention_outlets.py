"""The probe of actor mentions as outlets write them (tests/data/mention_outlets_probe.json):
long official titles, honorific chains, metonyms, capitals, state bodies, organisations and
their officials, non-state groups and spelling variants, in a fixed frame, with unnamed groups
as negatives. Every sentence the rules get right stays right; those listed as known_failing
are what scripts/probe_outlets.py tests/data/mention_outlets_probe.json reports as still
missed. Sentences written for the probe."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE_FILE = Path(__file__).parent / "data" / "mention_outlets_probe.json"
PROBE: dict[str, Any] = json.loads(PROBE_FILE.read_text(encoding="utf-8"))
PUBLISHED = date.fromisoformat(PROBE["published"])
KNOWN_FAILING = set(PROBE["known_failing"])
CASES = [case for case in PROBE["cases"] if case["text"] not in KNOWN_FAILING]
REASONS: dict[str, str] = PROBE["known_failing_reasons"]
FAILING = [
    pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=REASONS[case["text"]]), id=f"{case['subtype']}-{i}")
    for i, case in enumerate(c for c in PROBE["cases"] if c["text"] in KNOWN_FAILING)
]


def found(result: ArticleResult, relation: str) -> list[list[str]]:
    """The facts of ``relation`` as the probe writes them: agent keys, or sorted call pairs."""
    return sorted(
        sorted([fact.a.key, fact.b.key]) if relation == "called" and fact.b is not None else [fact.a.key]
        for fact in result.facts
        if fact.relation == relation
    )


def expected(case: dict[str, Any]) -> list[list[str]]:
    """The probe's expected facts in the order ``found`` gives them."""
    return sorted(sorted(pair) for pair in case["expected"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['subtype']}-{i}" for i, c in enumerate(CASES)])
def test_probe_sentence(extract: Extract, case: dict[str, Any]) -> None:
    result = extract(case["text"], published=PUBLISHED)
    assert found(result, case["relation"]) == expected(case)


@pytest.mark.parametrize("case", FAILING)
def test_known_failing_sentence(extract: Extract, case: dict[str, Any]) -> None:
    result = extract(case["text"], published=PUBLISHED)
    assert found(result, case["relation"]) == expected(case)


def test_known_failing_sentences_are_probe_sentences() -> None:
    """A sentence listed as failing must be one of the probe's (no stale entry)."""
    assert {case["text"] for case in PROBE["cases"]} >= KNOWN_FAILING
    assert set(REASONS) == KNOWN_FAILING
