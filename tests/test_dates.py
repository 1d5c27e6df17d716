"""Dates in Arabic text."""

from __future__ import annotations

from datetime import date

from kg.dates import article_date_from_text, find_dates, resolve_weekday


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
