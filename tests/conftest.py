"""Shared fixtures: one extractor per test session (building it loads the gazetteer)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kg.extract import Extractor
from kg.model import ArticleResult
from kg.read import Article

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[..., ArticleResult]:
    """Extract facts from an Arabic text written in the test."""

    def run(text: str, published: date | None = None, identifier: str = "test") -> ArticleResult:
        return extractor.extract(Article(identifier=identifier, text=text, published=published))

    return run


def keys(result: ArticleResult, relation: str) -> set[tuple[str, ...]]:
    """Compact, comparable view of one relation's facts: actor keys (and topic)."""
    out: set[tuple[str, ...]] = set()
    for fact in result.facts:
        if fact.relation != relation:
            continue
        if relation == "called":
            assert fact.b is not None
            out.add(tuple(sorted((fact.a.key, fact.b.key))))
        elif relation == "urged":
            out.add((fact.a.key, fact.topic or ""))
        elif relation == "thanked":
            assert fact.b is not None
            out.add((fact.a.key, fact.b.key))
        else:
            out.add((fact.a.key,))
    return out


def initiators(result: ArticleResult) -> dict[frozenset[str], str | None]:
    """Who placed each call (actor key), by unordered pair."""
    out: dict[frozenset[str], str | None] = {}
    for fact in result.facts:
        if fact.relation == "called":
            assert fact.b is not None
            out[frozenset((fact.a.key, fact.b.key))] = {"a": fact.a.key, "b": fact.b.key}.get(fact.initiator or "")
    return out


def urgers(result: ArticleResult) -> set[str]:
    """The actors that urged any goal."""
    return {a for a, _ in keys(result, "urged")}


def urges_exactly(result: ArticleResult, expected: frozenset[str], topic: str) -> bool:
    """Whether exactly the expected actors urge, each of them the given topic."""
    found = keys(result, "urged")
    return {a for a, _ in found} == expected and all((a, topic) in found for a in expected)
