"""The outlet-style probe of urged (tests/data/probe_outlets.json, seventh session): short
paragraphs written for the probe in the voices of many outlet types (Gulf and Egyptian state
agencies, Levant, Maghreb, Iranian, Russian, Turkish and Chinese Arabic services, Western
broadcasters, UN News, wire translations, headlines with colons, bullets, live blogs), by
sub-type, with negatives. Every paragraph gives exactly its expected urged facts; those in
known_failing (what scripts/probe_outlets.py reports as still missed) are strict xfails."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from urged_probes import UrgedProbe, urged_facts

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE = UrgedProbe.load("probe_outlets.json")


@pytest.mark.parametrize("case", PROBE.params())
def test_outlet_paragraph(extract: Extract, case: dict[str, Any]) -> None:
    assert urged_facts(extract(case["text"], published=PROBE.published)) == sorted(case["expected"])


def test_known_failing_are_probe_paragraphs() -> None:
    """A paragraph listed as failing must be one of the probe's (no stale entry)."""
    assert {case["text"] for case in PROBE.cases} >= set(PROBE.known_failing)


def test_the_probe_has_negatives_and_many_outlets() -> None:
    """The probe keeps paragraphs that must give nothing, and many outlet voices."""
    assert sum(1 for case in PROBE.cases if not case["expected"]) >= 10
    assert len({case["outlet"] for case in PROBE.cases}) >= 15
