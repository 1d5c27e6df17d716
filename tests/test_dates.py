"""Dates in Arabic text."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kg.dates import (
    ARTICLE,
    FALLBACK,
    RELATIVE,
    STATED,
    article_date_from_text,
    date_from_url,
    find_dates,
    relative_date,
    resolve_weekday,
    sentence_date,
)
from kg.extract import Extractor
from kg.model import ArticleResult, BuildReport
from kg.read import read_article

#: A Thursday.
THURSDAY = date(2024, 5, 16)


def test_explicit_dates_in_three_styles() -> None:
    text = "في 10 مارس/آذار 2026، و10.03.2026، و2026-03-10 و٥ تشرين الأول ٢٠٢٣"
    assert [d for _, _, d in find_dates(text)] == [date(2026, 3, 10)] * 3 + [date(2023, 10, 5)]


def test_worded_date_without_year_needs_a_hint() -> None:
    assert find_dates("في 10 آذار") == []
    assert find_dates("في 10 آذار", year_hint=2024)[0][2] == date(2024, 3, 10)


def test_article_date_from_its_head() -> None:
    assert article_date_from_text("الجمعة 16 يناير 2026\nخارج الحدود") == date(2026, 1, 16)
    assert article_date_from_text("لا تاريخ هنا") is None


def test_weekday_resolves_to_the_latest_such_day() -> None:
    friday = date(2026, 1, 16)
    assert resolve_weekday(4, friday) == friday
    assert resolve_weekday(1, friday) == date(2026, 1, 13)


def test_publication_date_from_the_url() -> None:
    assert date_from_url("https://example.com/2024/12/20/وزير-يتلقى-اتصالا") == date(2024, 12, 20)
    assert date_from_url("https://news.example/amp/20250124/slug-1097122929.html") == date(2025, 1, 24)
    assert date_from_url("https://example.com/local/2026-03-01-1.2020435") == date(2026, 3, 1)
    # A day-first eight-digit query parameter (cdate=DDMMYYYY), as some outlets write it.
    assert date_from_url("https://example.com/view.aspx?cdate=07032024&id=655f") == date(2024, 3, 7)
    # Ids that merely look like dates, a month without its day, and dates to come are not dates.
    assert date_from_url("https://example.com/news/1899020.html") is None
    assert date_from_url("https://example.com/Web/News/2020/03/1286891.html") is None
    assert date_from_url("https://example.com/2031/05/06/x", latest=date(2026, 12, 7)) is None
    assert date_from_url(None) is None


def test_head_date_with_dashes_and_no_future() -> None:
    assert article_date_from_text("الأحد , 14 - أبريل - 2019\nأجرى الرئيس اتصالا") == date(2019, 4, 14)
    assert article_date_from_text("في 3 مارس، 2020 قال الوزير") == date(2020, 3, 3)
    # A date after the reference day is a typo or a plan, not the publication date.
    assert article_date_from_text("في 3 مارس 2029 يعقد مؤتمر", latest=date(2026, 12, 7)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أجرى الوزير اليوم اتصالا هاتفيا بنظيره", THURSDAY),
        ("وقال المتحدث مساء اليوم إن الرئيسين بحثا الأوضاع", THURSDAY),
        ("تلقى الأمير أمس اتصالا من الرئيس", date(2024, 5, 15)),
        ("وكان الوزيران قد تحادثا البارحة", date(2024, 5, 15)),
        ("وأمس بحث الطرفان التهدئة", date(2024, 5, 15)),
        ("أجرى الملك أول أمس مكالمة مع رئيس الوزراء", date(2024, 5, 14)),
        ("وجرى الاتصال أمس الأول بمبادرة من الجانب التركي", date(2024, 5, 14)),
    ],
)
def test_relative_days_count_from_the_article_date(text: str, expected: date) -> None:
    assert sentence_date(text, THURSDAY) == (expected, RELATIVE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بحث الرئيسان يوم الأحد التطورات", date(2024, 5, 12)),
        ("أجرى الوزير مساء الاثنين اتصالا بنظيره", date(2024, 5, 13)),
        ("تلقى الرئيس اليوم الثلاثاء اتصالا", date(2024, 5, 14)),
        ("والخميس دعا الأمين العام إلى التهدئة", THURSDAY),
        # A weekday with a past marker is last week's, even on the article's own weekday.
        ("وفي اتصال جرى الخميس الماضي أكد الجانبان", date(2024, 5, 9)),
        ("وكان الزعيمان قد تحادثا الأحد الماضي", date(2024, 5, 12)),
        ("ودعا الوزير السبت المنصرم إلى وقف التصعيد", date(2024, 5, 11)),
    ],
)
def test_weekdays_resolve_to_the_latest_such_day(text: str, expected: date) -> None:
    assert sentence_date(text, THURSDAY) == (expected, RELATIVE)


def test_last_week_and_until_today() -> None:
    assert sentence_date("تحادث الرئيسان الأسبوع الماضي", THURSDAY) == (date(2024, 5, 9), RELATIVE)
    assert relative_date("وجرى ذلك خلال الأسبوع المنصرم", THURSDAY) == date(2024, 5, 9)
    # "Until today" and "since today" name no day of an event.
    assert sentence_date("ولم يتلق الوزير ردا حتى اليوم", THURSDAY) is None
    assert relative_date("بقي الأمر معلقا إلى اليوم", THURSDAY) is None
    assert sentence_date("دعا الوزير إلى التهدئة", THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اتصل الرئيس بنظيره في 12 مارس", date(2024, 3, 12)),
        ("وكان الاتصال قد جرى في 12 آذار", date(2024, 3, 12)),
        ("بحثا في ١٢-٣-٢٠٢٤ سبل التهدئة", date(2024, 3, 12)),
        ("جرى الاتصال في 12 من شهر مايو", date(2024, 5, 12)),
        ("وفي 2024/05/02 تلقى الملك اتصالا", date(2024, 5, 2)),
        # A day and month after the article's date are last year's.
        ("تحادث الزعيمان في 28 ديسمبر", date(2023, 12, 28)),
        ("تحادثا في 3 جوان 2023 حول الأزمة", date(2023, 6, 3)),
    ],
)
def test_explicit_dates_in_the_sentence_are_stated(text: str, expected: date) -> None:
    assert sentence_date(text, THURSDAY) == (expected, STATED)


def test_an_explicit_date_beside_a_relative_day() -> None:
    # The weekday names the explicit date: the explicit date wins.
    assert sentence_date("أجرى الرئيس الأحد 12 مايو 2024 اتصالا", date(2024, 5, 20)) == (date(2024, 5, 12), STATED)
    # A date long before "today" is a reference to the past, not the event's date.
    text = "أكد الوزير اليوم خلال الاتصال أن الحرب مستمرة منذ 7 أكتوبر 2023"
    assert sentence_date(text, THURSDAY) == (THURSDAY, RELATIVE)
    # Against a --date fallback relative days are not resolved; a full date still is.
    assert sentence_date("تلقى الأمير أمس اتصالا", THURSDAY, resolve_relative=False) is None
    assert sentence_date("في 12 مارس 2024 تلقى الأمير اتصالا", THURSDAY, resolve_relative=False) == (
        date(2024, 3, 12),
        STATED,
    )
    assert sentence_date("في 12 مارس تلقى الأمير اتصالا", THURSDAY, resolve_relative=False) is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("الأحد 12 مايو 2024\nأجرى الرئيس اتصالا", date(2024, 5, 12)),
        ("الموقع | السبت ٢٣ / نوفمبر / ٢٠٢٤ | أخبار\nتلقى الملك اتصالا", date(2024, 11, 23)),
        ("نشر في 2024/05/12 - 10:30\nبحث الوزيران", date(2024, 5, 12)),
        ("03:48 م 23/11/2025\nقال الرئيس", date(2025, 11, 23)),
        ("تاريخ النشر: 5 - كانون الثاني - 2021\nدعا الأمين العام", date(2021, 1, 5)),
    ],
)
def test_datelines_at_the_head(head: str, expected: date) -> None:
    assert article_date_from_text(head, latest=date(2026, 12, 7)) == expected


def test_day_first_dates_in_url_paths() -> None:
    assert date_from_url("https://example.net/article/26/02/2022/slug-words") == date(2022, 2, 26)
    assert date_from_url("https://example.net/a/5/3/2021/x") == date(2021, 3, 5)
    assert date_from_url("https://example.net/news/12/34/2021/x") is None


def test_the_sidecar_date_dates_the_article_and_its_events(tmp_path: Path, extractor: Extractor) -> None:
    text = "أجرى الرئيس الروسي فلاديمير بوتين أمس اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.\n"
    text += "ودعا أردوغان إلى وقف إطلاق النار في أوكرانيا.\n"
    path = tmp_path / "a1.txt"
    path.write_text(text, encoding="utf-8")
    path.with_name("a1.meta.json").write_text(json.dumps({"published": "2024-05-16"}), encoding="utf-8")
    result = extractor.extract(read_article(path))
    assert (result.date, result.date_source) == (THURSDAY, "metadata")
    dates = {f.relation: (f.date, f.date_source) for f in result.facts}
    assert dates["called"] == (date(2024, 5, 15), RELATIVE)
    assert dates["urged"] == (THURSDAY, ARTICLE)


def test_the_fallback_date_is_marked_and_reported(extractor: Extractor) -> None:
    from kg.model import Article

    text = "أجرى الرئيس الروسي فلاديمير بوتين أمس اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.\n"
    result = extractor.extract(Article(identifier="undated", text=text), default_date=THURSDAY)
    assert result.date_source == "--date"
    # "أمس" is not resolved against a date the article does not give: the fallback stands, marked.
    assert {(f.date, f.date_source) for f in result.facts} == {(THURSDAY, FALLBACK)}
    report = BuildReport()
    report.add(result)
    assert report.date_sources["--date"] == 1
    assert any(n.startswith("undated: ") and "--date 2024-05-16" in n for n in report.notes)
    dated = extractor.extract(Article(identifier="dated", text=text, published=THURSDAY), default_date=THURSDAY)
    report.add(dated)
    assert not any(n.startswith("dated: ") for n in report.notes)


def test_office_holders_are_resolved_on_the_sentence_date(extract: Callable[..., ArticleResult]) -> None:
    # Rishi Sunak handed the office to Keir Starmer on 5 July 2024; the article is of Monday 8 July.
    text = (
        "أجرى رئيس الوزراء البريطاني الأربعاء الماضي اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن.\n"
        "ودعا رئيس الوزراء البريطاني اليوم إلى وقف إطلاق النار في غزة.\n"
    )
    result = extract(text, published=date(2024, 7, 8))
    call = next(f for f in result.facts if f.relation == "called")
    appeal = next(f for f in result.facts if f.relation == "urged")
    assert call.b is not None
    assert (call.date, {call.a.key, call.b.key}) == (date(2024, 7, 3), {"person/rishi-sunak", "person/joe-biden"})
    assert (appeal.date, appeal.a.key) == (date(2024, 7, 8), "person/keir-starmer")
