"""Calls probe in outlet voices (seventh session): short paragraphs written the way Gulf, Egyptian,
Levantine, Yemeni, Maghreb, Iranian, Russian, Turkish and Chinese agencies, Western and pan-Arab
broadcasters, UN News, wire translations, live blogs, bulleted summaries and headlines put a phone
call and its direction, and what is no call. The paragraphs are in tests/data/call_outlets_probe.json,
written from ANNOTATION.md and Arabic usage, not taken from any corpus;
``scripts/call_forms_probe.py --outlets`` prints the pass rate per outlet type and sub-type. A case
marked "fails" is a known miss kept as a strict xfail with its reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from call_probes import CallProbe, expected_calls
from conftest import initiators

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE = CallProbe.load("call_outlets_probe.json")


@pytest.mark.parametrize("case", PROBE.params("outlet", "type"))
def test_outlet_call(extract: Extract, case: dict[str, Any]) -> None:
    """The calls found are the listed pairs (none for a negative), each with its initiator."""
    assert initiators(extract(case["text"], PROBE.published)) == expected_calls(case)


def test_probe_covers_outlets_and_negatives() -> None:
    """The probe keeps its breadth: many outlet types, and negatives that must give nothing."""
    outlets = {case["outlet"] for case in PROBE.cases}
    negatives = [case for case in PROBE.cases if case["type"].startswith("neg_")]
    assert len(outlets) >= 15
    assert len(negatives) >= 20
    assert all(not case["calls"] for case in negatives)
