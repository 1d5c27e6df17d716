"""The events in GDELT 2.0's event table layout: 61 tab-separated columns, no header.

One row per merged event, in the column order of the GDELT 2.0 Event Codebook
(GlobalEventID … SOURCEURL), so GDELT tools and loaders read it as they read GDELT's
``*.export.CSV`` files. What the graph knows fills its column; the rest stays empty
(ethnic, religion and known-group codes, tone, geography).

* GlobalEventID: integers 1…n in the order of the rows (date, then event IRI).
* Actor codes: the CAMEO country code of the state the actor acts for (states.json
  ``cameo``): a state alone (``RUS``), its officials with ``GOV`` (``RUSGOV``);
  ``IGO`` for organisations and the people acting for them. Actor1 is the caller (when the reports agree) or the agent.
* EventCode/EventBaseCode/EventRootCode from :mod:`kg.relations` (a warning has no CAMEO
  code: its row has none, and QuadClass 1 with no Goldstein value).
* QuadClass from the root code (01–05 verbal cooperation, 06–08 material cooperation,
  09–14 verbal conflict, 15–20 material conflict); GoldsteinScale from the shipped
  table ``kg/data/cameo_goldstein.json``.
* Day/MonthYear/Year/FractionDate from the event date; DATEADDED is that day at 00:00:00.
* NumMentions and NumArticles: the articles reporting the event; NumSources: their outlets.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from .event_records import ActorRecord, EventRecord, EventTable, short_id

#: The 61 columns of a GDELT 2.0 event row, in order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{part}"
        for n in (1, 2)
        for part in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{part}"
        for who in ("Actor1", "Actor2", "Action")
        for part in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED",
    "SOURCEURL",
)

_DATA = Path(__file__).resolve().parent / "data"


@cache
def country_codes() -> dict[str, str]:
    """CAMEO country codes by the ISO alpha-2 id of the shipped states (``RU`` → ``RUS``)."""
    states = json.loads((_DATA / "states.json").read_text(encoding="utf-8"))
    return {str(s["id"]): str(s["cameo"]) for s in states if s.get("cameo")}


@cache
def goldstein_scale() -> dict[str, float]:
    """Goldstein scale values by CAMEO code (the shipped table)."""
    table = json.loads((_DATA / "cameo_goldstein.json").read_text(encoding="utf-8"))
    return {code: float(entry["goldstein"]) for code, entry in table["codes"].items()}


def quad_class(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root code (1 verbal cooperation … 4 material conflict)."""
    number = int(root) if root.isdigit() else 1
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 14 else 4


def goldstein(code: str) -> float | None:
    """The Goldstein value of a CAMEO code, else of its base or root code; ``None`` when unknown."""
    table = goldstein_scale()
    for candidate in (code, code[:3], code[:2]):
        if candidate and candidate in table:
            return table[candidate]
    return None


def _country(seat: str) -> str:
    local = short_id(seat)
    if not local.startswith("state/"):
        return ""
    return country_codes().get(local.removeprefix("state/"), "")


def _actor_columns(iri: str, actor: ActorRecord | None, seat: str) -> list[str]:
    """The ten Actor columns: code, name, country, known group, ethnic, religion ×2, types ×3."""
    if not iri:
        return [""] * 10
    seat = seat or (actor.state if actor else "")
    country = _country(seat)
    kind = actor.kind if actor else ""
    if country:
        type_code = "" if kind == "State" else "GOV"
        code = country + type_code
    else:
        type_code = code = "IGO" if seat else ""
    name = _clean((actor.en or actor.ar if actor else short_id(iri)).upper())
    return [code, name, country, "", "", "", "", type_code, "", ""]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


@cache
def _code_columns(code: str) -> tuple[str, ...]:
    """EventCode … GoldsteinScale of a CAMEO code (the same for every event of the code)."""
    return (
        code,
        code[:3],
        code[:2],
        str(quad_class(code[:2])) if code else "",
        _number(goldstein(code)) if code else "",
    )


@lru_cache(maxsize=4096)
def _date_columns(day: str) -> tuple[tuple[str, ...], str]:
    """Day, MonthYear, Year and FractionDate of an ISO day, and its DATEADDED."""
    if not day:
        return ("", "", "", ""), ""
    when = date.fromisoformat(day)
    # strftime's %Y does not pad the year on this platform: neither does str().
    compact = f"{when.year}{when.month:02d}{when.day:02d}"
    fraction = f"{when.year + (when.month * 30 + when.day) / 365:.4f}"
    return (compact, compact[:-2], str(when.year), fraction), compact + "000000"


_EMPTY_TAIL = [""] * 24


def gdelt_row(
    number: int,
    event: EventRecord,
    actors: dict[str, ActorRecord],
    actor_columns: dict[tuple[str, str], list[str]] | None = None,
) -> list[str]:
    """One event as the 61 fields of a GDELT 2.0 row (``number``: its GlobalEventID).

    ``actor_columns`` keeps the ten Actor columns of each (actor, seat) met so far, for a
    caller that writes many rows.
    """
    known = {} if actor_columns is None else actor_columns
    dates, added = _date_columns(event.day)
    fields = [str(number), *dates]
    for iri in (event.actor1, event.actor2):
        seat = event.acting_for.get(iri, "")
        columns = known.get((iri, seat))
        if columns is None:
            columns = known[(iri, seat)] = _actor_columns(iri, actors.get(iri), seat)
        fields += columns
    articles = str(event.articles)
    fields += ["1", *_code_columns(event.cameo), articles, str(event.outlets), articles, ""]
    fields += _EMPTY_TAIL
    url = next((s.url for s in event.sources if s.url), "")
    fields += [added, url]
    return fields


def _clean(value: str) -> str:
    return " ".join(value.split())


#: The field that carries text from the graph besides the actor names (cleaned once per
#: actor in :func:`_actor_columns`): the source URL. The others are numbers, dates and codes,
#: which hold no white space.
_URL_FIELD = 60


def gdelt_text(table: EventTable) -> str:
    """The events as GDELT 2.0 rows: tab-separated, one line each, no header."""
    actor_columns: dict[tuple[str, str], list[str]] = {}
    lines = []
    for number, event in enumerate(table.events, start=1):
        fields = gdelt_row(number, event, table.actors, actor_columns)
        fields[_URL_FIELD] = _clean(fields[_URL_FIELD])
        lines.append("\t".join(fields))
    lines.append("")
    return "\n".join(lines) if len(lines) > 1 else ""


__all__ = ["GDELT_COLUMNS", "country_codes", "gdelt_row", "gdelt_text", "goldstein", "goldstein_scale", "quad_class"]
