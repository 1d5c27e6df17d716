"""Stage 1 — read articles from disk into :class:`Article` records.

One reader for every engine: ``.txt`` files and folders of them (with ``.meta.json``
sidecars), glob patterns, and tables of articles — JSON Lines (``.jsonl``) and Parquet
(``.parquet``) files with one article a row (:func:`read_articles`).

Decoding is strict: UTF-8 (with or without BOM), then Windows-1256, the legacy Arabic
code page many archives still use. Anything else, binary files and empty files are
refused with an :class:`~kg.errors.InputError` naming the file.
"""

from __future__ import annotations

import errno
import glob
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .dates import parse_iso_date
from .decode import check_length, check_url, decode_bytes, normalize_line_ends, read_sidecar
from .errors import InputError
from .model import Article

#: Input suffixes read as tables of articles (one a row) rather than as one article each.
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
#: Fields of a table row beside ``id`` and ``text`` (the sidecar fields of a file).
RECORD_FIELDS = ("published", "url", "outlet", "title")
CLUSTER_HINT = "install the cluster extra: pip install 'arabic-diplomacy-kg[cluster]'"


def article_with_metadata(
    identifier: str, text: str, meta: dict[str, str], where: Path | str, **fields: Any
) -> Article:
    """An article and its metadata (``published``, ``url``, ``outlet``, ``title``).

    ``meta["published"]`` must be an ISO date and ``meta["url"]`` an http(s) URL; otherwise an
    :class:`InputError` names ``where``.
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
        url=check_url(meta.get("url"), where),
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        metadata=meta,
        **fields,
    )


def read_article(path: Path, warnings: list[str] | None = None) -> Article:
    """Read one article file (and its sidecar metadata); lines about what was repaired go to ``warnings``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not an article file") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from None
    text, encoding = decode_bytes(raw, path, warnings)
    check_length(text, path)
    sidecar = path.with_name(path.stem + ".meta.json")
    return article_with_metadata(path.stem, text, read_sidecar(path), sidecar, path=path, encoding=encoding)


def find_article_files(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Expand files and folders into article files (``*.txt``, sorted).

    A missing path is yielded as an :class:`InputError` so that callers can report it
    and go on with the rest.
    """
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*.txt")):
                if found.is_file():
                    yield found
                elif found.is_symlink():
                    yield InputError(found, f"{_broken_link(found)}: not read")
        elif path.exists():
            yield path
        else:
            yield InputError(path, "no such file or folder")


def _broken_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except (RuntimeError, OSError) as error:
        if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
            return "a symbolic link loop"
    return "a symbolic link to nothing" if not path.exists() else "a symbolic link to no file"


# ---------------------------------------------------------------- tables of articles


def expand_inputs(inputs: Iterable[str | Path], problems: list[str]) -> Iterator[Path]:
    """Input paths with glob patterns expanded (in sorted order); patterns matching nothing noted."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if not path.exists() and glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                problems.append(f"{text}: no files match")
            yield from (Path(m) for m in matches)
        else:
            yield path


def is_table(path: Path) -> bool:
    """Whether ``path`` is a JSON Lines or Parquet file of articles (one a row)."""
    return path.is_file() and path.suffix.lower() in JSONL_SUFFIXES | PARQUET_SUFFIXES


def parquet_module(path: Path) -> Any:
    """``pyarrow.parquet``, or an :class:`InputError` naming ``path`` when pyarrow is missing."""
    try:
        import pyarrow.parquet
    except ImportError:
        raise InputError(path, f"reading Parquet needs pyarrow: {CLUSTER_HINT}") from None
    return pyarrow.parquet


def _text_field(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return None
    text = str(value).strip() if not isinstance(value, str) else value.strip()
    return text or None


def article_from_record(record: Mapping[str, Any], where: str) -> Article:
    """An article from a table row: ``id``, ``text``, optional ``published``/``url``/``outlet``/``title``.

    The text is normalised as a file's would be (line ends, byte-order mark), so the
    article has the same content hash as the same text read from a ``.txt`` file.
    ``where`` names the row in errors (``corpus.jsonl:12``).
    """
    identifier = _text_field(record.get("id"))
    if identifier is None:
        raise InputError(where, "no 'id'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, f"article {identifier!r} has no text")
    text = check_length(normalize_line_ends(text), where)
    meta = {name: value for name in RECORD_FIELDS if (value := _text_field(record.get(name))) is not None}
    raw = record.get("published")
    if isinstance(raw, date):  # Parquet date or timestamp columns
        meta["published"] = (raw.date() if isinstance(raw, datetime) else raw).isoformat()
    return article_with_metadata(identifier, text, meta, where)


def jsonl_records(
    source: Path, start: int = 0, stop: int | None = None, first_line: int = 1
) -> Iterator[tuple[str, Any]]:
    """``(where, row)`` of the lines of a JSON Lines file (bytes ``start``–``stop``); bad lines as errors.

    The file is streamed line by line: memory does not grow with it.
    """
    try:
        handle = source.open("rb")
    except OSError as error:
        raise InputError(source, f"cannot read ({error.strerror})") from None
    with handle:
        handle.seek(start)
        offset = start
        for number, raw in enumerate(handle, start=first_line):
            if stop is not None and offset >= stop:
                return
            offset += len(raw)
            if not raw.strip():
                continue
            try:
                yield f"{source}:{number}", json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                yield f"{source}:{number}", InputError(f"{source}:{number}", f"not a JSON line ({error})")


def parquet_records(
    source: Path, row_group: int | None = None, start: int = 0, stop: int | None = None
) -> Iterator[tuple[str, Any]]:
    """``(where, row)`` of a Parquet file: rows ``start``–``stop`` of one row group, or every row."""
    try:
        reader = parquet_module(source).ParquetFile(str(source))
    except InputError:
        raise
    except Exception as error:  # pyarrow raises its own ArrowInvalid/OSError types
        raise InputError(source, f"not a readable Parquet file ({str(error).splitlines()[0][:200]})") from None
    groups = range(reader.metadata.num_row_groups) if row_group is None else [row_group]
    for group in groups:
        table = reader.read_row_group(group)
        end = table.num_rows if stop is None else stop
        for offset, row in enumerate(table.slice(start, end - start).to_pylist()):
            yield f"{source} row group {group} row {start + offset}", row


def articles_from_records(records: Iterable[tuple[str, Any]], problems: list[str]) -> Iterator[Article]:
    """The articles of table rows, in order; bad rows are recorded in ``problems``."""
    for where, record in records:
        if isinstance(record, InputError):
            problems.append(str(record))
            continue
        if not isinstance(record, Mapping):
            problems.append(f"{where}: not a JSON object")
            continue
        try:
            yield article_from_record(record, where)
        except InputError as error:
            problems.append(str(error))


def table_records(path: Path) -> Iterator[tuple[str, Any]]:
    """Every row of a JSON Lines or Parquet file."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        return jsonl_records(path)
    return parquet_records(path)


def check_inputs(inputs: Iterable[str | Path]) -> None:
    """Refuse at once (a one-line :class:`InputError`) an input that is missing or unreadable.

    Called before the extractor loads, so that a mistyped path fails in a moment. A glob
    pattern must match something; what a folder holds is checked as it is read (a bad
    file there is one line of the build's problems).
    """
    for item in inputs:
        text = str(item)
        path = Path(text)
        if not path.exists():
            if path.is_symlink():
                raise InputError(path, _broken_link(path))
            if not glob.has_magic(text):
                raise InputError(path, "no such file or folder")
            if not glob.glob(text, recursive=True):
                raise InputError(path, "no files match")
            continue
        if not os.access(path, os.R_OK | (os.X_OK if path.is_dir() else 0)):
            raise InputError(path, "not readable (permission denied)")


def read_articles(
    paths: Iterable[str | Path], problems: list[str], warnings: list[str] | None = None
) -> Iterator[Article]:
    """Articles from files, folders, glob patterns and tables of articles (``.jsonl``, ``.parquet``).

    Unreadable files and rows are recorded in ``problems`` (one line each) and skipped;
    so is a file named as one read before from another folder (articles are named by
    their file stem: the second would replace the first). What was read but repaired (a
    few stray bytes) is a line of ``warnings``.
    """
    named: dict[str, Path] = {}
    for path in expand_inputs(paths, problems):
        if is_table(path):
            try:
                yield from articles_from_records(table_records(path), problems)
            except InputError as error:
                problems.append(str(error))
            continue
        for item in find_article_files([path]):
            if isinstance(item, InputError):
                problems.append(str(item))
                continue
            first = named.setdefault(item.stem, item)
            if first != item:
                problems.append(f"{item}: same article name {item.stem!r} as {first} (named by the file stem)")
                continue
            try:
                yield read_article(item, warnings)
            except InputError as error:
                problems.append(str(error))


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles the paths hold (for progress bars): files, and rows of tables."""
    total = 0
    for path in expand_inputs(paths, []):
        if is_table(path) and path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif is_table(path):
            try:
                total += parquet_module(path).ParquetFile(str(path)).metadata.num_rows
            except Exception:  # an unreadable file is reported when read
                continue
        else:
            total += sum(1 for item in find_article_files([path]) if not isinstance(item, InputError))
    return total


#: ``Article`` is defined in :mod:`kg.model`; the extractor still imports it from here.
__all__ = [
    "JSONL_SUFFIXES",
    "PARQUET_SUFFIXES",
    "Article",
    "article_from_record",
    "article_with_metadata",
    "articles_from_records",
    "check_inputs",
    "count_articles",
    "decode_bytes",
    "expand_inputs",
    "find_article_files",
    "jsonl_records",
    "normalize_line_ends",
    "parquet_records",
    "read_article",
    "read_articles",
    "read_sidecar",
]
