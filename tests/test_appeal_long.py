"""The long-sentence probe of urged (tests/data/probe_appeal_long.json, seventh session):
multi-clause paragraphs written for the probe in many outlet voices, by structural sub-type (a
long titled subject after a dateline, two actors' positions joined by فيما/بينما, من جهته openers,
lists of points, reported speech two levels deep, an appeal after a call report, a stance verb far
from its goal, goals among other demands, negated parts beside affirmed ones), with negatives.
Every paragraph gives exactly its expected urged facts; those in known_failing (what
scripts/probe_outlets.py tests/data/probe_appeal_long.json reports as still missed) are strict xfails."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from urged_probes import UrgedProbe, urged_facts

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE = UrgedProbe.load("probe_appeal_long.json")


@pytest.mark.parametrize("case", PROBE.params())
def test_long_paragraph(extract: Extract, case: dict[str, Any]) -> None:
    assert urged_facts(extract(case["text"], published=PROBE.published)) == sorted(case["expected"])


def test_known_failing_are_probe_paragraphs() -> None:
    """A paragraph listed as failing must be one of the probe's (no stale entry)."""
    assert {case["text"] for case in PROBE.cases} >= set(PROBE.known_failing)


def test_the_probe_has_negatives_and_many_outlets() -> None:
    """The probe keeps paragraphs that must give nothing, and many outlet voices."""
    assert sum(1 for case in PROBE.cases if not case["expected"]) >= 7
    assert len({case["outlet"] for case in PROBE.cases}) >= 15
