"""The call probes kept as JSON (tests/data/call_outlets_probe.json, tests/data/call_para_probe.json)
as pytest cases: each case lists the calls it reports as [one, other, initiator or null], and a case
marked "fails" is a known miss kept as a strict xfail with its reason."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CallProbe:
    """One probe file: its cases and the date they are read on."""

    cases: list[dict[str, Any]]
    published: date

    @classmethod
    def load(cls, name: str) -> CallProbe:
        """The probe ``tests/data/<name>``."""
        probe = json.loads((DATA / name).read_text(encoding="utf-8"))
        return cls(probe["cases"], date.fromisoformat(probe["published"]))

    def params(self, *id_keys: str) -> list[Any]:
        """A pytest parameter per case, named by ``id_keys`` and its index; a strict xfail where it fails."""
        params = []
        for n, case in enumerate(self.cases):
            marks = [pytest.mark.xfail(strict=True, reason=case["fails"])] if case.get("fails") else []
            case_id = "-".join([*(str(case[key]) for key in id_keys), str(n)])
            params.append(pytest.param(case, id=case_id, marks=marks))
        return params


def expected_calls(case: dict[str, Any]) -> dict[frozenset[str], str | None]:
    """The calls a case lists, by unordered pair of person keys, each with its initiator (or None)."""
    return {
        frozenset((f"person/{one}", f"person/{other}")): f"person/{who}" if who else None
        for one, other, who in case["calls"]
    }
