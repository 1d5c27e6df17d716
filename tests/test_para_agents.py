"""The paraphrase probe of urged, agent and frame side (tests/data/probe_para_agents.json, eighth
session): each case keeps the structure of a real urged sentence of a pool-train or dev article
(its id is the case's source) and rewrites it with other actors and wording, varying one dimension
of who urges and how the appeal is framed: tense and mood, gender and number, word order, clitics,
a pronoun or bare title subject, apposition, the reported-speech frame, coordinated subjects, the
passive, and negatives. Every case gives exactly its expected urged facts; those in known_failing
are strict xfails with their reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from urged_probes import UrgedProbe, urged_facts

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE = UrgedProbe.load("probe_para_agents.json")


@pytest.mark.parametrize("case", PROBE.params())
def test_paraphrase(extract: Extract, case: dict[str, Any]) -> None:
    assert urged_facts(extract(case["text"], published=PROBE.published)) == sorted(case["expected"])


def test_known_failing_are_probe_cases() -> None:
    """A case listed as failing must be one of the probe's (no stale entry)."""
    assert {case["text"] for case in PROBE.cases} >= set(PROBE.known_failing)


def test_every_case_names_its_source_and_dimension() -> None:
    """Each case records the article it paraphrases and the one dimension it varies."""
    assert all(case["source"] and case["dim"] == case["sub"] for case in PROBE.cases)


def test_the_probe_has_negatives_and_many_sources() -> None:
    """The probe keeps cases that must give nothing, over many source articles."""
    assert sum(1 for case in PROBE.cases if not case["expected"]) >= 15
    assert len({case["source"] for case in PROBE.cases}) >= 25
