"""Where a build's extraction runs: in this process, or in worker processes (``--jobs N``).

:class:`Extraction` hands :mod:`kg.build` the extraction results, or the prepared article
graphs, of a stream of articles in input order, whichever way they were made.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .knowledge import Knowledge, load_knowledge
from .model import Article, ArticleResult
from .ntriples import PreparedArticle, prepare_article
from .parallel import extract_parallel, prepare_parallel
from .workers import ExtractorSpec, Skipped, extract_safely

if TYPE_CHECKING:  # only the process that extracts loads spaCy and the rules
    from .extract import Extractor

#: With ``jobs`` > 1, a corpus of fewer articles than this is extracted in this process:
#: starting the worker processes (a spaCy pipeline and the knowledge each) costs more
#: than the second core saves on so few articles (34 articles took 21 s with two workers
#: against 12 s in one process).
SERIAL_BELOW = 200
T = TypeVar("T")


class Extraction:
    """Where a build's extraction runs: in this process, or in ``jobs`` worker processes.

    With ``jobs`` > 1 each worker builds its own extractor from ``knowledge_dirs`` and
    ``model_dir`` (:mod:`kg.parallel`) and the article graphs, and this process only
    loads the knowledge (for the rare graph it must rebuild: an unknown person's earlier
    spelling); results come back in input order, so the graph is the same whatever ``jobs``.
    A ready ``extractor`` can only be used in this process.
    """

    def __init__(
        self,
        knowledge_dirs: Iterable[Path] = (),
        *,
        model_dir: Path | None = None,
        extractor: Extractor | None = None,
        jobs: int = 1,
    ) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        if extractor is not None and jobs > 1:
            raise ValueError("with jobs > 1 give knowledge_dirs and model_dir, not an extractor")
        self.spec = ExtractorSpec(tuple(knowledge_dirs), model_dir)
        self.jobs = jobs
        self.extractor = extractor if extractor is not None or jobs > 1 else self.spec.create()
        self.knowledge: Knowledge = (
            self.extractor.knowledge if self.extractor is not None else load_knowledge(self.spec.knowledge_dirs)
        )

    def results(
        self, articles: Iterable[Article], default_date: date | None = None, problems: list[str] | None = None
    ) -> Iterator[ArticleResult]:
        """Extraction results of ``articles``, streamed in input order.

        An article whose extraction raised is one line of ``problems`` (a
        :class:`~kg.workers.Skipped`), and the others go on.
        """
        articles = self._serial_if_small(articles)
        if self.extractor is not None:
            found = extract_safely(self.extractor, articles, default_date)
        else:
            found = extract_parallel(articles, self.spec, self.jobs, default_date)
        return unskipped(found, problems)

    def prepared(
        self,
        articles: Iterable[Article],
        default_date: date | None = None,
        problems: list[str] | None = None,
        *,
        ahead: int = 0,
    ) -> Iterator[PreparedArticle]:
        """Extraction results of ``articles`` with their graphs built, in input order (skips: see :meth:`results`).

        ``ahead``: articles the workers keep in flight at least (:func:`kg.parallel.prepare_parallel`).
        """
        articles = self._serial_if_small(articles)
        if self.extractor is None:
            return unskipped(prepare_parallel(articles, self.spec, self.jobs, default_date, ahead=ahead), problems)
        knowledge = self.knowledge
        return (prepare_article(result, knowledge) for result in self.results(articles, default_date, problems))

    def _serial_if_small(self, articles: Iterable[Article]) -> Iterable[Article]:
        """``articles`` unchanged; with fewer than :data:`SERIAL_BELOW` of them, this process extracts them.

        The same results either way (workers return them in input order), only sooner.
        """
        if self.extractor is not None:
            return articles
        source = iter(articles)
        head = list(islice(source, SERIAL_BELOW))
        if len(head) < SERIAL_BELOW:
            self.extractor = self.spec.create()
            self.knowledge = self.extractor.knowledge
            return head
        return chain(head, source)


def unskipped(items: Iterable[T | Skipped], problems: list[str] | None) -> Iterator[T]:
    """``items`` without the skipped articles, each of which is a line of ``problems``."""
    for item in items:
        if isinstance(item, Skipped):
            if problems is not None:
                problems.append(str(item))
            continue
        yield item


__all__ = ["SERIAL_BELOW", "Extraction", "unskipped"]
