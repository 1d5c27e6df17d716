"""Dates in Arabic news: the article's own date, explicit dates, weekdays and relative days.

Arabic outlets write months in two systems (Egyptian/Gulf ``مارس`` and Levantine
``آذار``; the Maghreb's ``جوان``), often both (``مارس/آذار``), and refer to days by weekday
(``اليوم الثلاثاء``, ``الأحد الماضي``) or relative day (``أمس``, ``أول أمس``), which only a
known publication date turns into a calendar date. The words are data: ``kg/data/dates.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from .normalize import normalize

DATES_FILE = Path(__file__).resolve().parent / "data" / "dates.json"

#: How a report's date was found (``kg:dateSource``): the sentence states it, the sentence
#: says it relative to the article's date, it is the article's date, or the ``--date`` fallback.
STATED, RELATIVE, ARTICLE, FALLBACK = "stated", "relative", "article", "fallback"
DATE_SOURCES = (STATED, RELATIVE, ARTICLE, FALLBACK)
#: The sources of dates the sentence itself gives.
SENTENCE_SOURCES = frozenset({STATED, RELATIVE})


@dataclass(frozen=True)
class DateWords:
    """The words of dates, normalised (from ``kg/data/dates.json``)."""

    months: dict[str, int]
    #: Python's weekday numbers (Monday = 0).
    weekdays: dict[str, int]
    #: Relative days and their offset from the article's date, longest phrase first.
    relative_days: tuple[tuple[tuple[str, ...], int], ...]
    #: Words before ``اليوم`` that make it "until today", not a date.
    until_words: frozenset[str]
    #: "منذ": a relative day after it starts a period (منذ أن تولى منصبه يوم الاثنين), no event's day.
    since_words: frozenset[str]
    #: Words after a weekday that make it the one before this week's (الأحد الماضي).
    past_markers: frozenset[str]
    year_words: tuple[str, ...]
    month_word: str
    #: Words between a day and its month (12 من مارس).
    day_month_joiners: tuple[str, ...]


@cache
def date_words() -> DateWords:
    """The date words of ``kg/data/dates.json``, normalised."""
    data = json.loads(DATES_FILE.read_text(encoding="utf-8"))
    relative = [(tuple(normalize(phrase).split()), offset) for phrase, offset in data["relative_days"].items()]
    return DateWords(
        months={normalize(name): number for number, names in enumerate(data["months"], start=1) for name in names},
        weekdays={normalize(name): number for name, number in data["weekdays"].items()},
        relative_days=tuple(sorted(relative, key=lambda item: -len(item[0]))),
        until_words=frozenset(normalize(w) for w in data["not_today_after"]),
        since_words=frozenset(normalize(w) for w in data["since_words"]),
        past_markers=frozenset(normalize(w) for w in data["past_markers"]),
        year_words=tuple(normalize(w) for w in data["year_words"]),
        month_word=normalize(data["month_word"]),
        day_month_joiners=tuple(normalize(w) for w in data["day_month_joiners"]),
    )


MONTHS: dict[str, int] = date_words().months
#: Python's weekday numbers (Monday = 0).
WEEKDAYS: dict[str, int] = date_words().weekdays

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_month_alternation = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_year_words = "|".join(re.escape(w) for w in date_words().year_words)
_month_word = re.escape(date_words().month_word)
_joiners = "|".join(re.escape(w) for w in date_words().day_month_joiners)
_ISO = re.compile(r"(?<!\d)(20\d\d|19\d\d)([-/])(\d\d?)\2(\d\d?)(?!\d)")
_DOTTED = re.compile(r"(?<!\d)(\d\d?)\s?([./-])\s?(\d\d?)\s?\2\s?(20\d\d|19\d\d)(?!\d)")
# "12 مارس 2024", "12 من شهر مارس", "12 مارس/آذار", "23 / نوفمبر / 2024", "14 - أبريل - 2019"
_WORDED = re.compile(
    rf"(?<!\d)(\d\d?)(?:\s+|\s*[-–/]\s*)(?:(?:{_joiners})\s+)?(?:{_month_word}\s+)?({_month_alternation})(?!\w)"
    rf"(?:\s*[/(]\s*(?:{_month_alternation})\s*\)?)?(?:\s*[-–,،/]?\s*(?:{_year_words})?\s*(20\d\d|19\d\d))?"
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


def find_dates(text: str, year_hint: int | None = None, reference: date | None = None) -> list[tuple[int, int, date]]:
    """Explicit calendar dates in a text as ``(start, end, date)`` spans, in order.

    Handles ISO (2026-03-10, 2026/03/10), dotted, slashed or dashed day-first dates
    (10.03.2026, ١٠-٣-٢٠٢٦) and worded dates (10 مارس 2026, 10 مارس/آذار, 23 / نوفمبر / 2024).
    A worded date without a year takes ``year_hint``, or the year of ``reference`` (the
    article's date) such that it is not days after it ("28 ديسمبر" in a January article is
    last year's); it is skipped when there is neither.
    """
    if year_hint is None and reference is not None:
        year_hint = reference.year
    folded = normalize(text.translate(_EASTERN_DIGITS))
    found: list[tuple[int, int, date]] = []
    for match in _ISO.finditer(folded):
        d = _safe_date(int(match[1]), int(match[3]), int(match[4]))
        if d:
            found.append((match.start(), match.end(), d))
    for match in _DOTTED.finditer(folded):
        day, month = int(match[1]), int(match[3])
        if month > 12 >= day:  # month first (11/23/2025), as a few outlets write it
            day, month = month, day
        d = _safe_date(int(match[4]), month, day)
        if d:
            found.append((match.start(), match.end(), d))
    for match in _WORDED.finditer(folded):
        year = int(match[3]) if match[3] else year_hint
        if year is None:
            continue
        d = _safe_date(year, MONTHS[match[2]], int(match[1]))
        if d and not match[3] and reference is not None and d > reference + timedelta(days=2):
            d = _safe_date(year - 1, d.month, d.day)
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
    re.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)[/-](?P<m>\d\d?)[/-](?P<d>\d\d?)(?=[/\-_.]|$)"),
    # /26/02/2022/ (day first, as path segments)
    re.compile(r"/(?P<d>\d\d?)/(?P<m>\d\d?)/(?P<y>20\d\d)(?=/)"),
    # /20250124/ or -20250124 (eight digits, year first)
    re.compile(r"(?<![\d])(?P<y>20\d\d)(?P<m>\d\d)(?P<d>\d\d)(?![\d])"),
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
            d = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if d:
                found.append(d)
    plausible = [d for d in found if date(1990, 1, 1) <= d <= latest]
    return plausible[0] if plausible else None


_WORD = re.compile(r"\w+")
#: Proclitics a date word may carry (والخميس, وأمس).
_PROCLITICS = ("و", "ف", "ب")


@dataclass(frozen=True)
class _RelativeIndex:
    """The date words a relative date starts with, for a quick look-up."""

    #: Weekdays and the words of relative days.
    known: frozenset[str]
    #: Relative days by their first word, in the order of ``DateWords.relative_days``.
    by_first: dict[str, tuple[tuple[tuple[str, ...], int], ...]]
    #: Any of ``known`` inside a text (a text without one names no relative date).
    any_known: re.Pattern[str]


@cache
def _relative_index() -> _RelativeIndex:
    words = date_words()
    known = frozenset(words.weekdays) | {w for phrase, _ in words.relative_days for w in phrase}
    by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase, offset in words.relative_days:
        by_first.setdefault(phrase[0], []).append((phrase, offset))
    alternation = "|".join(sorted(map(re.escape, known), key=len, reverse=True))
    return _RelativeIndex(known, {w: tuple(p) for w, p in by_first.items()}, re.compile(alternation))


def _date_tokens(folded: str) -> list[str]:
    """The words of a normalised text, a proclitic dropped where the rest is a date word."""
    known = _relative_index().known
    tokens = []
    for token in _WORD.findall(folded):
        if token not in known and token[:1] in _PROCLITICS and token[1:] in known:
            token = token[1:]
        tokens.append(token)
    return tokens


def relative_date(text: str, published: date) -> date | None:
    """The first day a text names relative to the article's date ``published``.

    Relative days (اليوم, أمس, أول أمس, الأسبوع الماضي) count from ``published``; a weekday
    (الأحد, يوم الأحد, مساء الاثنين) is the latest such day on or before it, and one followed
    by a past marker (الأحد الماضي) the latest before it. "Until today" (حتى اليوم) is no date,
    and "today" followed by a weekday (اليوم الثلاثاء) is that weekday.
    """
    words, index = date_words(), _relative_index()
    # Every date word is in the text as it is or after a proclitic: most sentences have none.
    folded = normalize(text)
    if not index.any_known.search(folded):
        return None
    tokens = _date_tokens(folded)
    for i, token in enumerate(tokens):
        if token in words.since_words:
            return None  # the days after منذ start a period; one before it was returned already
        for phrase, offset in index.by_first.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) != phrase:
                continue
            if offset == 0 and len(phrase) == 1:
                if i > 0 and tokens[i - 1] in words.until_words:
                    break
                if i + 1 < len(tokens) and tokens[i + 1] in words.weekdays:
                    break
            return published + timedelta(days=offset)
        weekday = words.weekdays.get(token)
        if weekday is not None:
            past = i + 1 < len(tokens) and tokens[i + 1] in words.past_markers
            back = (published.weekday() - weekday) % 7 or (7 if past else 0)
            return published - timedelta(days=back)
    return None


def _same_weekday_before(stated: date, relative: date) -> bool:
    """Whether ``stated`` is the weekday of ``relative`` within five weeks before it ("الأحد 12 مايو")."""
    return stated.weekday() == relative.weekday() and 0 < (relative - stated).days <= 35


def sentence_date(text: str, article_date: date | None, resolve_relative: bool = True) -> tuple[date, str] | None:
    """The date a sentence gives its event, and how it gives it (:data:`STATED` or :data:`RELATIVE`).

    Relative days and weekdays are resolved against ``article_date`` (only when
    ``resolve_relative``: not against a ``--date`` fallback, which is no publication date).
    An explicit date wins when the sentence states none relatively, or states one within a
    week of its relative day or on its weekday a few weeks before ("الأحد 12 مايو" in an
    article of a later week); otherwise the
    relative day wins, since an explicit date beside "today" is most often a past reference
    ("منذ 7 أكتوبر").
    """
    reference = article_date if resolve_relative else None
    explicit = [d for _, _, d in find_dates(text, reference=reference)]
    relative = relative_date(text, reference) if reference is not None else None
    if relative is None:
        return (explicit[0], STATED) if explicit else None
    near = [d for d in explicit if abs((d - relative).days) <= 6 or _same_weekday_before(d, relative)]
    return (near[0], STATED) if near else (relative, RELATIVE)
