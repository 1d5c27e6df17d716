"""The probes of urged written as paragraphs (tests/data/probe_outlets.json,
tests/data/probe_appeal_long.json) as pytest cases: every paragraph gives exactly its expected
[actor, topic] urged facts, and those listed in the file's known_failing (text → reason) run as
strict xfails."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.model import ArticleResult

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class UrgedProbe:
    """One probe file: its paragraphs, the date they are read on, and the ones known to fail."""

    cases: list[dict[str, Any]]
    published: date
    known_failing: dict[str, str]

    @classmethod
    def load(cls, name: str) -> UrgedProbe:
        """The probe ``tests/data/<name>``."""
        probe = json.loads((DATA / name).read_text(encoding="utf-8"))
        return cls(probe["cases"], date.fromisoformat(probe["published"]), probe["known_failing"])

    def params(self) -> list[Any]:
        """A pytest parameter per paragraph, a strict xfail with its reason where it is known to fail."""
        return [
            pytest.param(
                case,
                id=f"{case['sub']}-{case['outlet']}-{index}",
                marks=[pytest.mark.xfail(strict=True, reason=self.known_failing[case["text"]])]
                if case["text"] in self.known_failing
                else [],
            )
            for index, case in enumerate(self.cases)
        ]


def urged_facts(result: ArticleResult) -> list[list[str]]:
    """The [actor, topic] pairs of a result's urged facts, sorted."""
    return sorted([fact.a.key, fact.topic or ""] for fact in result.facts if fact.relation == "urged")
