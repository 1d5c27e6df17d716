"""The file that marks a folder as a graph store (``kg build --store``), its check, and opening
the store's Oxigraph folder.

Kept apart from :mod:`kg.persist` so that ``kg serve``, ``kg query``, ``kg stats`` and
``kg viz`` can open a store without importing rdflib, which the store's own module needs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox

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


def store_version(path: Path) -> str:
    """A digest that changes whenever the store ``path``'s data does: its format version and the
    name, size and modification time of each file in its Oxigraph folder.

    Every write, and every opening for writing, changes the folder (RocksDB's log and
    manifest); opening it read-only does not. What is derived from the store (its summary,
    :mod:`kg.summaries`) is stamped with this and used only while it still holds.
    """
    digest = hashlib.sha256(f"{STORE_FORMAT} {STORE_VERSION}".encode())
    if not (path / "oxigraph").is_dir():
        return "no data folder"  # matches no summary; opening the store says what is wrong
    with os.scandir(path / "oxigraph") as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            found = entry.stat(follow_symlinks=False)
            digest.update(f"\n{entry.name} {found.st_size} {found.st_mtime_ns}".encode())
    return digest.hexdigest()


def open_store_folder(path: Path, *, read_only: bool = False, create: bool = False) -> ox.Store:
    """The Oxigraph store in the folder of the store ``path`` (marker already checked; ``create``: a
    new store's, made now); one-line errors."""
    folder = path / "oxigraph"
    if not create and not folder.is_dir():
        raise StoreError(f"{path}: the store's data folder {folder} is missing (moved or deleted?); not re-created")
    try:
        return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    except OSError as error:
        if "lock" in str(error).lower():
            raise StoreError(f"{path}: the store is in use by another process") from None
        raise StoreError(f"{path}: cannot open the store ({str(error).splitlines()[0]})") from None
    except Exception as error:  # pyoxigraph raises OSError or RuntimeError-like types
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "corrupt" in first.lower():
            raise StoreError(f"{path}: the store is damaged ({first}); rebuild it or restore a copy") from None
        raise StoreError(f"{path}: cannot open the store ({type(error).__name__}: {first})") from None
