"""Parallel extraction over a process pool (``kg build --jobs N``).

Extraction (spaCy pipeline + rules) and building each article's graph are the CPU-bound
stages of a build; they are independent from one article to the next, so N worker
processes extract batches of articles and serialise their graphs
(:func:`prepare_parallel`) while the parent reads files, merges events and writes the
graph or store. Each worker builds
its own :class:`~kg.extract.Extractor` once (the pool's initializer, :mod:`kg.workers`,
shared with the Dask engine), from an :class:`~kg.workers.ExtractorSpec` — the knowledge
folders and model folder — since a spaCy pipeline is not something to ship between processes.

Results come back **in input order**, whatever the number of workers, so the parent
writes the same graph (same IRIs, same first-spelling labels, same merge order) as a
one-process build. At most ``2 × jobs`` batches are in flight: the corpus streams through
and memory does not grow with it (a caller that takes results many at a time
asks for more ahead: ``ahead``). (spaCy's own ``nlp.pipe(n_process=…)`` was measured
slower than one process on short news articles: it ships docs, not results, back.)
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from .errors import KGError
from .model import Article, ArticleResult
from .ntriples import PreparedArticle, prepare_article
from .workers import ExtractorSpec, Skipped, extract_safely, start_worker

if TYPE_CHECKING:  # the workers import it when they build their extractor; the parent never does
    from .extract import Extractor

T = TypeVar("T")

#: Articles sent to a worker at once: large enough to amortise the pickling round trip,
#: small enough to keep both workers busy until the end and the progress bar moving.
BATCH_SIZE = 16


# Worker-process global: the pool initializer sets it once per worker process; the
# parent process never touches it. It holds the worker's Extractor, or the one-line
# error that building it raised (reported by the first batch the worker is given).
_worker: Extractor | KGError | None = None


def _init_worker(spec: ExtractorSpec, parent: int) -> None:
    global _worker
    _worker = start_worker(spec, parent)


def _worker_extractor() -> Extractor:
    if isinstance(_worker, KGError):
        raise _worker
    if _worker is None:
        raise KGError("extraction worker was not initialised")
    return _worker


def _extract_batch(articles: list[Article], default_date: date | None) -> list[ArticleResult | Skipped]:
    return list(extract_safely(_worker_extractor(), articles, default_date, batch_size=len(articles) or 1))


def _prepare_batch(articles: list[Article], default_date: date | None) -> list[PreparedArticle | Skipped]:
    knowledge = _worker_extractor().knowledge
    results = _extract_batch(articles, default_date)
    return [r if isinstance(r, Skipped) else prepare_article(r, knowledge) for r in results]


def process_context() -> multiprocessing.context.BaseContext:
    """How the build's worker processes start: from a fork server where there is one, else spawned."""
    # forkserver: workers start from a clean single-threaded process (the parent may hold
    # Oxigraph's and the progress bar's threads, which fork would copy in a bad state).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def extract_parallel(
    articles: Iterable[Article],
    spec: ExtractorSpec,
    jobs: int,
    default_date: date | None = None,
    batch_size: int | None = None,
) -> Iterator[ArticleResult | Skipped]:
    """Extract ``articles`` in ``jobs`` worker processes; results in input order.

    An article whose extraction raised comes back as a :class:`~kg.workers.Skipped`.

    Articles go to the workers ``batch_size`` at a time (default :data:`BATCH_SIZE`).

    ``articles`` is consumed lazily, a few batches ahead of the results. A worker that
    cannot build its extractor (a bad model folder) raises a :class:`~kg.errors.KGError`.
    """
    return _run_parallel(articles, spec, jobs, _extract_batch, default_date, batch_size)


def prepare_parallel(
    articles: Iterable[Article],
    spec: ExtractorSpec,
    jobs: int,
    default_date: date | None = None,
    batch_size: int | None = None,
    ahead: int = 0,
) -> Iterator[PreparedArticle | Skipped]:
    """Extract ``articles`` and build their graphs in ``jobs`` worker processes, in input order.

    As :func:`extract_parallel`, but each worker also builds and serialises the article
    graph (:func:`kg.persist.prepare_article`), so the parent only has to store it.
    ``ahead``: at least this many articles in flight, for a caller that takes them
    that many at a time (a store build writes :data:`kg.build.WRITE_BATCH` in one
    transaction): the workers go on extracting while it writes.
    """
    return _run_parallel(articles, spec, jobs, _prepare_batch, default_date, batch_size, ahead)


def _run_parallel(
    articles: Iterable[Article],
    spec: ExtractorSpec,
    jobs: int,
    task: Callable[[list[Article], date | None], list[T]],
    default_date: date | None,
    batch_size: int | None,
    ahead: int = 0,
) -> Iterator[T]:
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    source = iter(articles)
    size = batch_size or BATCH_SIZE
    # Batches in flight: two a worker, and enough to cover what the caller takes at once.
    in_flight = max(2 * jobs, -(-ahead // size) + jobs)
    pending: deque[Future[list[T]]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=process_context(), initializer=_init_worker, initargs=(spec, os.getpid())
    ) as pool:
        try:

            def submit() -> bool:
                batch = list(islice(source, size))
                if batch:
                    pending.append(pool.submit(task, batch, default_date))
                return bool(batch)

            while len(pending) < in_flight and submit():
                pass
            while pending:
                results = pending.popleft().result()
                submit()
                yield from results
        except BrokenProcessPool as error:
            raise KGError(f"an extraction worker process died ({error})") from None
        finally:
            for future in pending:
                future.cancel()


__all__ = ["BATCH_SIZE", "extract_parallel", "prepare_parallel", "process_context"]
