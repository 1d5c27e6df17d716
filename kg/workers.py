"""The worker bootstrap shared by the process pool (:mod:`kg.parallel`) and Dask (:mod:`kg.distributed`).

A spaCy pipeline is not something to ship between processes: each worker builds its own
:class:`~kg.extract.Extractor` once, from an :class:`ExtractorSpec` — the knowledge
folders and the model folder — and keeps it for every batch or task it is given
(:func:`worker_extractor`). A pool worker also leaves when its parent is gone
(:func:`start_worker`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KGError
from .model import Article, ArticleResult

if TYPE_CHECKING:  # imported where an extractor is built: the parent of --jobs needs none
    from .extract import Extractor


@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker process needs to build the same extractor as the parent would."""

    knowledge_dirs: tuple[Path, ...] = ()
    model_dir: Path | None = None

    @classmethod
    def resolved(cls, knowledge_dirs: Iterable[Path], model_dir: Path | None) -> ExtractorSpec:
        """A spec with absolute paths (for workers on other machines); a missing folder is an error."""
        spec = cls(tuple(Path(d).resolve() for d in knowledge_dirs), Path(model_dir).resolve() if model_dir else None)
        for folder in [*spec.knowledge_dirs, *([spec.model_dir] if spec.model_dir else [])]:
            if not folder.is_dir():
                raise KGError(f"{folder}: no such folder")
        return spec

    def create(self) -> Extractor:
        """Build the extractor (loads the knowledge and the spaCy pipeline)."""
        from .extract import Extractor

        return Extractor(self.knowledge_dirs, model_dir=self.model_dir)


@dataclass(frozen=True)
class Skipped:
    """An article whose extraction failed unexpectedly: it is reported, and the build goes on."""

    identifier: str
    problem: str

    def __str__(self) -> str:
        return f"{self.identifier}: {self.problem}"


def extract_safely(
    extractor: Extractor, articles: Iterable[Article], default_date: date | None = None, batch_size: int = 16
) -> Iterator[ArticleResult | Skipped]:
    """Extract ``articles`` in batches; an article that raises becomes a :class:`Skipped`, in its place.

    A batch that fails is extracted again one article at a time, so only the article at
    fault is skipped (a bug in a rule, a text spaCy refuses).
    """
    source = iter(articles)
    while batch := list(islice(source, batch_size)):
        try:
            yield from list(extractor.extract_many(batch, default_date, batch_size=len(batch)))
        except Exception:
            for article in batch:
                yield _extract_one(extractor, article, default_date)


def _extract_one(extractor: Extractor, article: Article, default_date: date | None) -> ArticleResult | Skipped:
    try:
        return next(iter(extractor.extract_many([article], default_date, batch_size=1)))
    except Exception as error:  # any bug of one article must not end the build
        reason = (str(error).strip().splitlines() or [""])[0][:200]
        return Skipped(article.identifier, f"extraction failed ({type(error).__name__}: {reason}); skipped")


# Once per worker process: building an Extractor loads the knowledge and the spaCy
# pipeline (seconds), and the tasks of one build share it. Keyed by the spec, so builds
# with other knowledge on the same Dask cluster get their own.
@lru_cache(maxsize=4)
def worker_extractor(spec: ExtractorSpec) -> Extractor:
    """The extractor of this worker process for ``spec`` (built on first use)."""
    return spec.create()


def start_worker(spec: ExtractorSpec, parent: int) -> Extractor | KGError:
    """Bootstrap a pool worker: watch the parent, build the extractor (or keep the one-line error)."""
    # A parent killed outright (SIGKILL, SIGTERM) cannot shut the pool down, and idle
    # workers would wait for batches forever: each worker leaves when its parent is gone.
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    try:
        return worker_extractor(spec)
    except KGError as error:
        # Subclasses such as InputError do not unpickle; the message is what users see.
        return KGError(str(error))


def _exit_with(parent: int) -> None:
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


__all__ = ["ExtractorSpec", "start_worker", "worker_extractor"]
