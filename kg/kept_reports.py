"""The reports of a file build, kept for its one merge at the end: in memory, or in a side file on disk.

A build merges every report once all articles are read (:meth:`kg.persist.GraphStore.recompute`).
A small build keeps them in a dict; a large one (``kg.build.SPILL_ABOVE``) in an SQLite
file beside its temporary store, so that memory does not grow with the reports (about
1.2 million at 100,000 articles). Either way an article given twice keeps only its later
reports, and :meth:`KeptReports.by_key` hands them back one merge key at a time.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path

from .reports import MergeKey, Report

#: Rows written to the side file in one transaction.
_COMMIT_EVERY = 20_000


class KeptReports:
    """Reports by article, in memory (``path`` is ``None``) or in an SQLite file at ``path``."""

    def __init__(self, path: Path | None = None) -> None:
        self._memory: dict[str, tuple[Report, ...]] = {}
        self._db: sqlite3.Connection | None = None
        self._uncommitted = 0
        if path is not None:
            self._db = sqlite3.connect(path)
            # A scratch file removed with the build: no journal, no waiting for the disk.
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "CREATE TABLE reports (key TEXT NOT NULL, article TEXT NOT NULL, report BLOB NOT NULL);"
                "CREATE INDEX by_article ON reports (article);"
            )

    def keep(self, article: str, reports: Sequence[Report]) -> None:
        """Keep an article's reports, replacing those it had."""
        if self._db is None:
            self._memory[article] = tuple(reports)
            return
        self._db.execute("DELETE FROM reports WHERE article = ?", (article,))
        rows = [("\t".join(r.key), article, pickle.dumps(r, pickle.HIGHEST_PROTOCOL)) for r in reports]
        self._db.executemany("INSERT INTO reports VALUES (?, ?, ?)", rows)
        self._uncommitted += len(rows) + 1
        if self._uncommitted >= _COMMIT_EVERY:
            self._db.commit()
            self._uncommitted = 0

    def by_key(self) -> Iterator[tuple[MergeKey, list[Report]]]:
        """Every kept report, grouped by merge key (one key's reports in memory at a time on disk)."""
        if self._db is None:
            grouped: dict[MergeKey, list[Report]] = defaultdict(list)
            for group in self._memory.values():
                for report in group:
                    grouped[report.key].append(report)
            yield from grouped.items()
            return
        self._db.commit()
        self._db.execute("CREATE INDEX by_key ON reports (key)")
        rows = self._db.execute("SELECT key, report FROM reports ORDER BY key")
        for _, same_key in groupby(rows, key=lambda row: row[0]):
            found: list[Report] = [pickle.loads(blob) for _, blob in same_key]
            yield found[0].key, found

    def close(self) -> None:
        """Release the side file (its folder is removed by the caller)."""
        if self._db is not None:
            self._db.close()
            self._db = None


__all__ = ["KeptReports"]
