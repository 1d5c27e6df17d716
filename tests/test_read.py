"""Reading articles: encodings, bad input, sidecar metadata."""

from __future__ import annotations

import json
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from kg.build import build
from kg.decode import CONTROL_CHARACTER
from kg.errors import InputError
from kg.read import find_article_files, read_article

TEXT = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.\n"


def test_reads_utf8_and_keeps_text(tmp_path: Path) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = read_article(path)
    assert article.identifier == "a1"
    assert article.text == TEXT
    assert article.encoding == "utf-8"
    assert len(article.sha256) == 64


def test_reads_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_article(path).text == TEXT


def test_decodes_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(TEXT.encode("cp1256"))
    article = read_article(path)
    assert article.text == TEXT
    assert article.encoding == "cp1256"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        ("Ünïcödé in latin-1 ÿþ".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_are_one_line_errors_naming_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert problem in message
    assert "\n" not in message


def test_control_characters_are_unicodes_cc_but_white_space() -> None:
    expected = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cc"} - set("\t\n\r\f\v")
    every_character = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = set(CONTROL_CHARACTER.findall(every_character))
    assert found == expected


@pytest.mark.parametrize("controls", ["\x01\x02\x03\x04\x05\x06", "\x85\x90\x9f\x80\x81\x82"])
def test_text_full_of_control_characters_is_refused_as_binary(tmp_path: Path, controls: str) -> None:
    path = tmp_path / "noise.txt"
    path.write_text(controls.join(["أجرى", "الرئيس", "اتصالا"]) * 3, encoding="utf-8")
    with pytest.raises(InputError, match=r"noise\.txt: binary data \(\d+ control characters\)"):
        read_article(path)


def test_white_space_controls_and_a_stray_control_are_text(tmp_path: Path) -> None:
    path = tmp_path / "tabs.txt"
    path.write_text(TEXT.replace(" ", "\t", 2) + "\f\v\x07", encoding="utf-8")
    assert read_article(path).text.startswith(TEXT.replace(" ", "\t", 2))


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    items = list(find_article_files([tmp_path / "nope.txt"]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "no such file" in str(items[0])


def test_sidecar_metadata_gives_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "m1.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "m1.meta.json").write_text(
        json.dumps({"published": "2024-04-16", "url": "https://example.org/a", "outlet": "مثال"}), encoding="utf-8"
    )
    article = read_article(path)
    assert article.published == date(2024, 4, 16)
    assert article.url == "https://example.org/a"
    assert article.outlet == "مثال"


def test_bad_sidecar_date_names_the_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "m2.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "m2.meta.json").write_text(json.dumps({"published": "yesterday"}), encoding="utf-8")
    with pytest.raises(InputError, match=r"m2\.meta\.json: 'published' is not a date"):
        read_article(path)


def test_build_skips_bad_files_and_processes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00")
    _, report = build([tmp_path, tmp_path / "missing.txt"])
    assert report.articles == 1
    assert len(report.problems) == 3
    assert any("empty.txt: file is empty" in p for p in report.problems)
    assert any("missing.txt: no such file" in p for p in report.problems)
    assert report.facts["called"] == 1
