"""Dates in Arabic text."""

from __future__ import annotations

from datetime import date

from kg.dates import article_date_from_text, date_from_url, find_dates, resolve_weekday


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
