"""The outlet-style probe of thanked and warned (tests/data/probe_thanks_outlets.json): short
paragraphs written for it in the voices of many outlet types — Gulf agencies with honorifics,
Egyptian, Levant, Iraqi, Yemeni, Maghreb, Iranian, Russian, Turkish and Chinese Arabic services,
Western broadcasters, pan-Arab papers, UN News, wire translations, live blogs — beside negatives
(praise, concern about what is under way, anonymous sources, a denied warning). Every paragraph
the rules get right stays right; those listed in known_failing are strict xfails with the reason.
scripts/probe_outlets.py prints the pass rate per outlet type and sub-type."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE_FILE = Path(__file__).parent / "data" / "probe_thanks_outlets.json"
PROBE: dict[str, Any] = json.loads(PROBE_FILE.read_text(encoding="utf-8"))
PUBLISHED = date.fromisoformat(PROBE["published"])
KNOWN_FAILING: dict[str, str] = PROBE["known_failing"]


def _param(case: dict[str, Any], index: int) -> Any:
    reason = KNOWN_FAILING.get(case["text"])
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(case, id=f"{case['outlet']}-{case['subtype']}-{index}", marks=marks)


def found(result: ArticleResult, relation: str) -> list[list[str]]:
    """The facts of ``relation`` as the probe writes them: [agent, thanked] pairs or [agent]."""
    return sorted(
        [fact.a.key, fact.b.key] if relation == "thanked" and fact.b is not None else [fact.a.key]
        for fact in result.facts
        if fact.relation == relation
    )


@pytest.mark.parametrize("case", [_param(case, i) for i, case in enumerate(PROBE["cases"])])
def test_outlet_paragraph(extract: Extract, case: dict[str, Any]) -> None:
    result = extract(case["text"], published=PUBLISHED)
    assert found(result, case["relation"]) == sorted(case["expected"])


def test_known_failing_paragraphs_are_probe_paragraphs() -> None:
    """A paragraph listed as failing must be one of the probe's (no stale entry)."""
    assert {case["text"] for case in PROBE["cases"]} >= set(KNOWN_FAILING)
