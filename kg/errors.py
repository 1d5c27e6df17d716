"""Every exception class of the package: errors reported to users in one line each, naming the file.

All but :class:`FilterError` are :class:`KGError`: the CLI prints their message and exits
1, without a traceback. Defining them here, at the bottom of the house, lets any layer
raise or catch any of them without importing the layer that raises it.
"""

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


class StoreError(KGError):
    """A store folder that cannot be opened or written (one line, naming the folder)."""


class PushError(KGError):
    """A push the server refused or that could not reach it (one line, naming the batch)."""


class ModelError(KGError):
    """A trained model that cannot be used (missing, not a spaCy pipeline, missing extra)."""


class TrainingDataError(KGError):
    """Annotations that cannot become training data (empty folder, malformed file)."""


class FilterError(ValueError):
    """A filter parameter the network page (or a user) sent that makes no sense."""


class ResultTooLarge(Exception):
    """Raised into Oxigraph's result writer to stop it: the result has more rows than ``kg serve`` allows."""
