"""Stage 1 — read articles from disk into :class:`Article` records.

Decoding is strict: UTF-8 (with or without BOM), then Windows-1256, the legacy Arabic
code page many archives still use. Anything else, binary files and empty files are
refused with an :class:`~kg.errors.InputError` naming the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .dates import parse_iso_date
from .errors import InputError
from .model import Article

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def decode_bytes(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise :class:`InputError`."""
    if not raw.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in raw[:4096]:
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    try:
        text = raw.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1256")
        except UnicodeDecodeError as error:
            raise InputError(path, f"neither UTF-8 nor Windows-1256 text ({error.reason})") from None
        if len(ARABIC_LETTER.findall(text)) < 0.3 * sum(ch.isalpha() for ch in text):
            raise InputError(path, "not UTF-8, and not Arabic text in Windows-1256") from None
        encoding = "cp1256"
    if not text.strip():
        raise InputError(path, "file is empty")
    return normalize_line_ends(text), encoding


def normalize_line_ends(text: str) -> str:
    """Text with ``\n`` line ends and no byte-order mark, as articles are stored and hashed."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def article_with_metadata(
    identifier: str, text: str, meta: dict[str, str], where: Path | str, **fields: Any
) -> Article:
    """An article and its metadata (``published``, ``url``, ``outlet``, ``title``).

    ``meta["published"]`` must be an ISO date; otherwise an :class:`InputError` names ``where``.
    """
    published = None
    if meta.get("published"):
        published = parse_iso_date(meta["published"])
        if published is None:
            raise InputError(where, f"'published' is not a date: {meta['published']!r}")
    return Article(
        identifier=identifier,
        text=text,
        published=published,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        metadata=meta,
        **fields,
    )


def read_sidecar(path: Path) -> dict[str, str]:
    """Read ``<stem>.meta.json`` beside an article, if there is one."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(meta, f"unreadable metadata ({error})") from None
    if not isinstance(data, dict):
        raise InputError(meta, "metadata must be a JSON object")
    return {str(k): str(v) for k, v in data.items() if v is not None}


def read_article(path: Path) -> Article:
    """Read one article file (and its sidecar metadata)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not an article file") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from None
    text, encoding = decode_bytes(raw, path)
    sidecar = path.with_name(path.stem + ".meta.json")
    return article_with_metadata(path.stem, text, read_sidecar(path), sidecar, path=path, encoding=encoding)


def find_article_files(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Expand files and folders into article files (``*.txt``, sorted).

    A missing path is yielded as an :class:`InputError` so that callers can report it
    and go on with the rest.
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.exists():
            yield path
        else:
            yield InputError(path, "no such file or folder")


#: ``Article`` is defined in :mod:`kg.model`; the extractor still imports it from here.
__all__ = [
    "Article",
    "article_with_metadata",
    "decode_bytes",
    "find_article_files",
    "normalize_line_ends",
    "read_article",
    "read_sidecar",
]
