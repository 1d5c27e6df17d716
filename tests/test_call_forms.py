"""Calls probe (issue 14, call forms): the call verbs and nouns in their forms, who placed the
call, and what is no call (in person, planned, denied, video, messages). The sentences are in
tests/data/call_forms_probe.json, written from ANNOTATION.md and Arabic grammar, not taken from
any corpus; scripts/call_forms_probe.py prints the pass rate per sub-type. A case marked
"fails" is a known miss kept as a strict xfail, so fixing it fails the test until the mark goes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import initiators

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE = Path(__file__).resolve().parent / "data" / "call_forms_probe.json"
PUBLISHED = date(2025, 6, 1)


def _cases() -> list[Any]:
    cases = json.loads(PROBE.read_text(encoding="utf-8"))["cases"]
    marks = {True: [pytest.mark.xfail(strict=True, reason="known miss of the calls probe")], False: []}
    return [
        pytest.param(case, id=f"{case['type']}-{n}", marks=marks[bool(case.get("fails"))])
        for n, case in enumerate(cases)
    ]


@pytest.mark.parametrize("case", _cases())
def test_call_form(extract: Extract, case: dict[str, Any]) -> None:
    """The calls found are the listed pairs (none for a negative), each with its initiator."""
    expected = {
        frozenset((f"person/{one}", f"person/{other}")): f"person/{who}" if who else None
        for one, other, who in case["calls"]
    }
    assert initiators(extract(case["text"], PUBLISHED)) == expected
