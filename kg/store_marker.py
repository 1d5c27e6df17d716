"""The file that marks a folder as a graph store (``kg build --store``), and its check.

Kept apart from :mod:`kg.persist` so that ``kg serve`` can check a store without importing
rdflib, which the store's own module needs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import StoreError

#: The file that marks a folder as a store, beside Oxigraph's own folder.
MARKER = "kg-store.json"
#: What the marker says.
STORE_FORMAT = "arabic-diplomacy-kg store"
STORE_VERSION = 1


def marker_info() -> dict[str, Any]:
    """What a new store's marker holds."""
    return {"format": STORE_FORMAT, "version": STORE_VERSION, "engine": "oxigraph"}


def check_marker(path: Path) -> None:
    """Check the marker of the store in folder ``path``: a one-line :class:`StoreError` when it
    cannot be read, is not this tool's, or is of another store version."""
    marker = path / MARKER
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{marker}: unreadable store marker ({error})") from None
    if not isinstance(info, dict) or info.get("format") != STORE_FORMAT:
        raise StoreError(f"{marker}: not a marker of this tool's stores")
    if info.get("version") != STORE_VERSION:
        raise StoreError(f"{path}: store version {info.get('version')}, this tool reads {STORE_VERSION}")
