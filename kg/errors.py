"""Errors the tool reports to users: one class, one line each, naming the file."""

from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """An error with a one-line message meant for the user (no traceback)."""


class InputError(KGError):
    """A file the user gave cannot be used."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class QueryError(KGError):
    """A SPARQL query that cannot be parsed or run."""


class KnowledgeError(KGError):
    """A knowledge data file that is malformed."""
