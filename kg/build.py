"""The main job: read articles, extract facts, build the graph — with a report.

This is the library API the CLI wraps::

    from kg.build import build
    graph, report = build([Path("articles/")])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import RDF, Graph

from .errors import InputError
from .extract import Extractor
from .model import ArticleResult
from .rdf import ACTOR_CLASS, build_graph
from .read import Article, find_article_files, read_article
from .resources import sample_corpus_dir


@dataclass
class BuildReport:
    """What a build read, skipped and found."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def add(self, result: ArticleResult) -> None:
        """Count one article's result."""
        self.articles += 1
        self.facts.update(f.relation for f in result.facts)
        for note in result.notes:
            self.notes.append(f"{result.article.identifier}: {note}")


def read_articles(paths: Iterable[Path], problems: list[str]) -> Iterator[Article]:
    """Articles from files and folders; unreadable ones are recorded in ``problems``."""
    for item in find_article_files(paths):
        if isinstance(item, InputError):
            problems.append(str(item))
            continue
        try:
            yield read_article(item)
        except InputError as error:
            problems.append(str(error))


def count_article_files(paths: Iterable[Path]) -> int:
    """How many article files the paths hold (for progress bars)."""
    return sum(1 for item in find_article_files(paths) if not isinstance(item, InputError))


def extract_results(
    paths: Iterable[Path],
    extractor: Extractor,
    report: BuildReport,
    default_date: date | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
) -> Iterator[ArticleResult]:
    """Stream extraction results for the articles under ``paths``."""
    for result in extractor.extract_many(read_articles(paths, report.problems), default_date):
        report.add(result)
        if on_article is not None:
            on_article(result)
        yield result


def build(
    paths: Iterable[Path] = (),
    *,
    knowledge_dirs: Iterable[Path] = (),
    default_date: date | None = None,
    extractor: Extractor | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
) -> tuple[Graph, BuildReport]:
    """Build the knowledge graph of the articles under ``paths`` (default: the samples)."""
    paths = list(paths) or [sample_corpus_dir()]
    extractor = extractor or Extractor(knowledge_dirs)
    report = BuildReport()
    results = extract_results(paths, extractor, report, default_date, on_article)
    graph = build_graph(results, extractor.knowledge)
    for kind, cls in ACTOR_CLASS.items():
        report.actors[kind] = len(set(graph.subjects(RDF.type, cls)))
    return graph, report
