"""Calls probe in outlet voices (seventh session): short paragraphs written the way Gulf, Egyptian,
Levantine, Yemeni, Maghreb, Iranian, Russian, Turkish and Chinese agencies, Western and pan-Arab
broadcasters, UN News, wire translations, live blogs, bulleted summaries and headlines put a phone
call and its direction, and what is no call. The paragraphs are in tests/data/call_outlets_probe.json,
written from ANNOTATION.md and Arabic usage, not taken from any corpus;
``scripts/call_forms_probe.py --outlets`` prints the pass rate per outlet type and sub-type. A case
marked "fails" is a known miss kept as a strict xfail with its reason."""

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

PROBE = Path(__file__).resolve().parent / "data" / "call_outlets_probe.json"
DATA: dict[str, Any] = json.loads(PROBE.read_text(encoding="utf-8"))
PUBLISHED = date.fromisoformat(DATA["published"])


def _cases() -> list[Any]:
    params = []
    for n, case in enumerate(DATA["cases"]):
        marks = [pytest.mark.xfail(strict=True, reason=case["fails"])] if case.get("fails") else []
        params.append(pytest.param(case, id=f"{case['outlet']}-{case['type']}-{n}", marks=marks))
    return params


@pytest.mark.parametrize("case", _cases())
def test_outlet_call(extract: Extract, case: dict[str, Any]) -> None:
    """The calls found are the listed pairs (none for a negative), each with its initiator."""
    expected = {
        frozenset((f"person/{one}", f"person/{other}")): f"person/{who}" if who else None
        for one, other, who in case["calls"]
    }
    assert initiators(extract(case["text"], PUBLISHED)) == expected


def test_probe_covers_outlets_and_negatives() -> None:
    """The probe keeps its breadth: many outlet types, and negatives that must give nothing."""
    outlets = {case["outlet"] for case in DATA["cases"]}
    negatives = [case for case in DATA["cases"] if case["type"].startswith("neg_")]
    assert len(outlets) >= 15
    assert len(negatives) >= 20
    assert all(not case["calls"] for case in negatives)
