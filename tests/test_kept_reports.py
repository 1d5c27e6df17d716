"""The reports a file build keeps for its final merge: in memory or in a side file, the same."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.kept_reports import KeptReports
from kg.reports import Report

ID = "https://example.org/id/"


def report(article: str, number: int, pair: tuple[str, str], day: int) -> Report:
    """A call report of ``article`` between the actors of ``pair``."""
    return Report(
        iri=URIRef(f"{ID}report/{article}-{number}"),
        relation="called",
        article=URIRef(f"{ID}article/{article}"),
        article_id=article,
        confidence=Decimal("0.8"),
        evidence=(URIRef(f"{ID}evidence/{article}-{number}"),),
        participants=(URIRef(ID + pair[0]), URIRef(ID + pair[1])),
        date=dt.date(2024, 1, day),
        article_date=dt.date(2024, 1, day),
    )


def grouped(kept: KeptReports) -> dict[tuple[str, ...], set[Report]]:
    return {key: set(group) for key, group in kept.by_key()}


@pytest.mark.parametrize("on_disk", [False, True])
def test_reports_come_back_by_key_and_an_article_given_again_keeps_its_later_reports(
    tmp_path: Path, on_disk: bool
) -> None:
    kept = KeptReports(tmp_path / "reports.sqlite" if on_disk else None)
    kept.keep("a1", [report("a1", 1, ("x", "y"), 1), report("a1", 2, ("y", "z"), 1)])
    kept.keep("a2", [report("a2", 1, ("y", "x"), 2)])
    kept.keep("a1", [report("a1", 3, ("x", "z"), 3)])  # the article again: its first reports go
    found = grouped(kept)
    kept.close()
    xy, xz = report("a2", 1, ("y", "x"), 2).key, report("a1", 3, ("x", "z"), 3).key
    assert found == {xy: {report("a2", 1, ("y", "x"), 2)}, xz: {report("a1", 3, ("x", "z"), 3)}}


def test_the_side_file_gives_what_memory_gives(tmp_path: Path) -> None:
    pairs = [("p1", "p2"), ("p2", "p3"), ("p1", "p3"), ("p4", "p1")]
    memory, disk = KeptReports(), KeptReports(tmp_path / "reports.sqlite")
    for number in range(40):
        reports = [report(f"a{number}", n, pairs[(number + n) % 4], 1 + number % 9) for n in range(3)]
        memory.keep(f"a{number}", reports)
        disk.keep(f"a{number}", reports)
    assert grouped(disk) == grouped(memory)
    assert sum(len(group) for group in grouped(memory).values()) == 120
    disk.close()
