"""The readable event table: one CSV row per merged event, with GDELT's leading columns.

Each row has the event's date, actors, CAMEO code, type, goal, confidence, article and
source counts and source URLs/ids (:data:`CSV_COLUMNS`), from
:func:`kg.event_records.read_events`. The other exports live beside it: GDELT 2.0's own
61-column layout (:mod:`kg.gdelt`), the actor network for Gephi (:mod:`kg.exports_network`),
the actors CSV and Neo4j files (:mod:`kg.exports_tables`), JSON-LD (:mod:`kg.jsonld`), the
facts JSON Lines (:mod:`kg.facts`); their registry is :mod:`kg.formats`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from .event_records import EventTable, short_id
from .query import FORMULA_START, csv_cell

#: Columns of the readable CSV event table.
CSV_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "EventType",
    "Topic",
    "InitiatorDisputed",
    "Confidence",
    "NumSources",
    "NumArticles",
    "SOURCEURL",
    "SourceURLs",
    "SourceIds",
)


def _cells(table: EventTable, cell: Callable[[str], str] = str) -> Iterator[tuple[str, ...]]:
    """The cells of each event's row, in :data:`CSV_COLUMNS` order.

    ``cell`` is applied to the cells whose text comes from the data (actor ids and names,
    source URLs and ids); the others are the project's own IRIs, dates, codes and numbers.
    """
    actors = table.actors
    # An actor's id and name cells, made once per actor rather than once per event.
    seen: dict[str, tuple[str, str]] = {"": ("", "")}

    def actor_cells(iri: str) -> tuple[str, str]:
        found = seen.get(iri)
        if found is None:
            record = actors.get(iri)
            ident = short_id(iri)
            found = seen[iri] = (cell(ident), cell(record.label if record else ident))
        return found

    confidences: dict[float | None, str] = {None: ""}
    for event in table.events:
        sources = event.sources
        if len(sources) == 1:  # most events: no list to build and join
            url = cell(sources[0].url)
            first_url, all_urls, identifiers = url, url, cell(sources[0].identifier)
        else:
            urls = [s.url for s in sources if s.url]
            first_url = cell(urls[0]) if urls else ""
            all_urls = cell(" ".join(urls))
            identifiers = cell(" ".join(s.identifier for s in sources))
        confidence = confidences.get(event.confidence)
        if confidence is None:
            confidence = confidences[event.confidence] = f"{event.confidence:g}"
        code = event.cameo
        actor1 = actor_cells(event.actor1)
        actor2 = actor_cells(event.actor2)
        yield (
            event.iri,
            event.day.replace("-", ""),
            actor1[0],
            actor1[1],
            actor2[0],
            actor2[1],
            code,
            code[:3],
            code[:2],
            event.event_class,
            event.topic,
            "1" if event.initiator == "disputed" else "0",
            confidence,
            str(event.outlets),
            str(event.articles),
            first_url,
            all_urls,
            identifiers,
        )


def event_rows(table: EventTable) -> list[dict[str, str]]:
    """One readable row per event (see :data:`CSV_COLUMNS`), ordered by date and id."""
    return [dict(zip(CSV_COLUMNS, cells, strict=True)) for cells in _cells(table)]


def events_csv(table: EventTable) -> str:
    """The readable event table as CSV text (formula-like cells quoted: :func:`kg.query.csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_cells(table, _safe_cell))
    return buffer.getvalue()


def _safe_cell(text: str) -> str:
    # Only a cell whose first character could start a formula needs csv_cell's closer look.
    return csv_cell(text) if text[:1] in _RISKY else text


_RISKY = frozenset(FORMULA_START)


def context_path(output: Path) -> Path:
    """Where the JSON-LD context is written beside an output file."""
    name = output.name.removesuffix(".jsonld").removesuffix(".json")
    return output.with_name(f"{name}.context.jsonld")


__all__ = ["CSV_COLUMNS", "context_path", "event_rows", "events_csv"]
