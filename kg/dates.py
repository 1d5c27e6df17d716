"""Dates in Arabic news: the article's own date, explicit dates and weekdays.

Arabic outlets write months in two systems (Egyptian/Gulf ``مارس`` and Levantine
``آذار``), often both (``مارس/آذار``), and refer to days by weekday (``اليوم الثلاثاء``),
which only a known publication date turns into a calendar date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .normalize import normalize

MONTHS: dict[str, int] = {
    normalize(name): number
    for number, names in enumerate(
        [
            ("يناير", "كانون الثاني"),
            ("فبراير", "شباط"),
            ("مارس", "آذار"),
            ("أبريل", "ابريل", "نيسان"),
            ("مايو", "أيار"),
            ("يونيو", "يونيه", "حزيران"),
            ("يوليو", "يوليه", "تموز"),
            ("أغسطس", "اغسطس", "آب"),
            ("سبتمبر", "أيلول"),
            ("أكتوبر", "اكتوبر", "تشرين الأول"),
            ("نوفمبر", "تشرين الثاني"),
            ("ديسمبر", "كانون الأول"),
        ],
        start=1,
    )
    for name in names
}

#: Python's weekday numbers (Monday = 0).
WEEKDAYS: dict[str, int] = {
    normalize(name): number
    for name, number in [
        ("الإثنين", 0),
        ("الاثنين", 0),
        ("الثلاثاء", 1),
        ("الأربعاء", 2),
        ("الخميس", 3),
        ("الجمعة", 4),
        ("السبت", 5),
        ("الأحد", 6),
    ]
}

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_month_alternation = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_ISO = re.compile(r"(?<!\d)(20\d\d|19\d\d)-(\d\d?)-(\d\d?)(?!\d)")
_DOTTED = re.compile(r"(?<!\d)(\d\d?)[./](\d\d?)[./](20\d\d|19\d\d)(?!\d)")
_WORDED = re.compile(
    rf"(?<!\d)(\d\d?)(?:\s+|\s*[-–]\s*)(?:من\s+)?(?:شهر\s+)?({_month_alternation})"
    rf"(?:\s*[/(]\s*(?:{_month_alternation})\s*\)?)?(?:\s*[-–,،]?\s*(?:عام|سنة)?\s*(20\d\d|19\d\d))?"
)


def parse_iso_date(value: str) -> date | None:
    """Parse ``YYYY-MM-DD`` (optionally with a time part); ``None`` if it is not one."""
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, year_hint: int | None = None) -> list[tuple[int, int, date]]:
    """Explicit calendar dates in a text as ``(start, end, date)`` spans, in order.

    Handles ISO (2026-03-10), dotted or slashed day-first dates (10.03.2026) and worded
    dates (10 مارس 2026, 10 مارس/آذار). A worded date without a year takes
    ``year_hint`` and is skipped when there is none.
    """
    folded = normalize(text.translate(_EASTERN_DIGITS))
    found: list[tuple[int, int, date]] = []
    for match in _ISO.finditer(folded):
        d = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if d:
            found.append((match.start(), match.end(), d))
    for match in _DOTTED.finditer(folded):
        d = _safe_date(int(match[3]), int(match[2]), int(match[1]))
        if d:
            found.append((match.start(), match.end(), d))
    for match in _WORDED.finditer(folded):
        year = int(match[3]) if match[3] else year_hint
        if year is None:
            continue
        d = _safe_date(year, MONTHS[match[2]], int(match[1]))
        if d:
            found.append((match.start(), match.end(), d))
    found.sort()
    return found


def article_date_from_text(text: str, head_chars: int = 600, latest: date | None = None) -> date | None:
    """The publication date an article states in its head (dateline, first lines), if it states one.

    Only the head is read, and a date after ``latest`` (default: today) is refused: the body's
    dates are as often historic references ("since 7 October 2023") as the day of the news.
    """
    latest = latest or date.today()
    dates = [d for _, _, d in find_dates(text[:head_chars]) if date(1990, 1, 1) <= d <= latest]
    return dates[0] if dates else None


def resolve_weekday(weekday: int, published: date) -> date:
    """The most recent day with this weekday on or before the publication date."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


_URL_DATES = (
    # /2024/12/20/ or /2024-12-20- (path segments, slugs)
    re.compile(r"(?<!\d)(20\d\d|19\d\d)[/-](\d\d?)[/-](\d\d?)(?=[/\-_.]|$)"),
    # /20250124/ or -20250124 (eight digits, year first)
    re.compile(r"(?<![\d])(20\d\d)(\d\d)(\d\d)(?![\d])"),
)
# ?cdate=07032024 or ?date=2024-03-07: a query parameter named after a date, day first when eight digits.
_URL_QUERY_DATE = re.compile(r"[?&](?:c?date|d|day)=(\d{8}|\d{4}-\d\d-\d\d)", re.I)


def date_from_url(url: str | None, latest: date | None = None) -> date | None:
    """The publication date an article's URL carries (``/YYYY/MM/DD/``, ``/YYYYMMDD/``, ``?date=``).

    Dates after ``latest`` (default: today) are refused as ids that merely look like dates.
    """
    if not url:
        return None
    latest = latest or date.today()
    found: list[date] = []
    query = _URL_QUERY_DATE.search(url)
    if query:
        value = query[1]
        parsed = parse_iso_date(value) if "-" in value else _safe_date(int(value[4:]), int(value[2:4]), int(value[:2]))
        if parsed is None and "-" not in value:
            parsed = _safe_date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if parsed:
            found.append(parsed)
    for pattern in _URL_DATES:
        for match in pattern.finditer(url):
            d = _safe_date(int(match[1]), int(match[2]), int(match[3]))
            if d:
                found.append(d)
    plausible = [d for d in found if date(1990, 1, 1) <= d <= latest]
    return plausible[0] if plausible else None
