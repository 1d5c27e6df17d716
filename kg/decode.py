"""Stage 1a — bytes of an article file (and its sidecar) into text, or a one-line refusal.

UTF-8 (with or without BOM), then Windows-1256, the legacy Arabic code page many
archives still use. Anything else, binary files and empty files are refused with an
:class:`~kg.errors.InputError` naming the file.
"""

from __future__ import annotations

import codecs
import json
import re
import urllib.parse
from pathlib import Path

from .errors import InputError

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
#: Unicode's control characters (category Cc: C0, DEL and C1) but the white-space ones
#: (tab, line feed, vertical tab, form feed, carriage return).
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: The longest text the language pipeline reads at once (spaCy's ``max_length``).
MAX_CHARS = 1_000_000


def decode_bytes(raw: bytes, path: Path, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise :class:`InputError`.

    Text that is UTF-8 but for a few stray bytes is read as UTF-8, the stray bytes
    replaced by U+FFFD and a line added to ``warnings``; Windows-1256 is tried only when
    UTF-8 fails broadly (a whole cp1256 file is mostly invalid UTF-8). UTF-16 is read when
    it says so (a byte-order mark). Binary data and HTML pages are refused.
    """
    if not raw.strip():
        raise InputError(path, "file is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _utf16(raw, path), "utf-16"
    elif b"\x00" in raw[:4096]:
        hint = " (UTF-16 without a byte-order mark? save it as UTF-8)" if _looks_utf16(raw) else ""
        raise InputError(path, f"binary file (contains NUL bytes), not an article{hint}")
    else:
        text, encoding = _utf8_or_cp1256(raw, path, warnings)
    if not text.strip():
        raise InputError(path, "file is empty")
    _refuse_non_text(text, path)
    return normalize_line_ends(text), encoding


def _utf8_or_cp1256(raw: bytes, path: Path, warnings: list[str] | None) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, bad = _mostly_utf8(raw)
        if not bad:
            return _cp1256(raw, path), "cp1256"
        if warnings is not None:
            warnings.append(f"{path}: {bad} stray bytes are not UTF-8: read as UTF-8, they became U+FFFD")
        return text, "utf-8"


def _utf16(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as error:
        raise InputError(path, f"UTF-16 (byte-order mark) but not valid UTF-16 ({error.reason})") from None


def _looks_utf16(raw: bytes) -> bool:
    """Whether the NUL bytes all sit on one side of the byte pairs, as UTF-16 puts them."""
    evens, odds = raw[:4096:2].count(0), raw[1:4096:2].count(0)
    return (evens == 0) != (odds == 0)


def _refuse_non_text(text: str, path: Path) -> None:
    """Refuse binary data that decoded anyway, and HTML pages."""
    controls = len(CONTROL_CHARACTER.findall(text, 0, 20_000))
    if controls > max(2, len(text[:20_000]) // 200):
        raise InputError(path, f"binary data ({controls} control characters), not article text")
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head>" in head:
        raise InputError(path, "an HTML page, not article text: keep the article's text only")


def _mostly_utf8(raw: bytes) -> tuple[str, int]:
    """``(text, stray bytes)`` when ``raw`` is UTF-8 but for a few bytes, else ``("", 0)``."""
    text = raw.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return (text, bad) if bad > 0 and bad * 20 <= good else ("", 0)


def _cp1256(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError as error:
        raise InputError(path, f"neither UTF-8 nor Windows-1256 text ({error.reason})") from None
    if len(ARABIC_LETTER.findall(text)) < 0.3 * sum(ch.isalpha() for ch in text):
        raise InputError(path, "not UTF-8, and not Arabic text in Windows-1256") from None
    return text


def check_length(text: str, where: Path | str) -> str:
    """``text``, or an :class:`InputError` when it is over :data:`MAX_CHARS` (spaCy's E088)."""
    if len(text) > MAX_CHARS:
        raise InputError(
            where, f"{len(text):,} characters, over the {MAX_CHARS:,} the language pipeline reads: split the article"
        )
    return text


def normalize_line_ends(text: str) -> str:
    """Text with ``\n`` line ends and no byte-order mark, as articles are stored and hashed."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_sidecar(path: Path) -> dict[str, str]:
    """Read ``<stem>.meta.json`` beside an article, if there is one (UTF-8, with or without BOM).

    Every value must be a string (or null); ``url`` is checked with the article
    (:func:`check_url`).
    """
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(meta, f"unreadable metadata ({error})") from None
    if not isinstance(data, dict):
        raise InputError(meta, "metadata must be a JSON object")
    for key, value in data.items():
        if value is not None and not isinstance(value, str):
            raise InputError(meta, f"{key!r} must be a string, not {type(value).__name__} ({json.dumps(value)[:60]})")
    return {str(k): v for k, v in data.items() if v is not None}


def check_url(url: str | None, where: Path | str) -> str | None:
    """An article's ``url``, or an :class:`InputError` naming ``where`` when it is not http(s)."""
    if url is not None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme.lower() not in {"http", "https"} or not parsed.netloc:
            raise InputError(where, f"'url' must be an http(s) URL, not {url[:80]!r}")
    return url


__all__ = [
    "ARABIC_LETTER",
    "MAX_CHARS",
    "check_length",
    "check_url",
    "decode_bytes",
    "normalize_line_ends",
    "read_sidecar",
]
