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
from collections.abc import Iterator
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


def _cells(table: EventTable) -> Iterator[tuple[str, ...]]:
    """The cells of each event's row, in :data:`CSV_COLUMNS` order."""
    actors = table.actors

    def name(iri: str) -> str:
        found = actors.get(iri)
        return found.label if found else short_id(iri)

    for event in table.events:
        urls = [s.url for s in event.sources if s.url]
        code = event.cameo
        yield (
            event.iri,
            event.day.replace("-", ""),
            short_id(event.actor1),
            name(event.actor1) if event.actor1 else "",
            short_id(event.actor2),
            name(event.actor2) if event.actor2 else "",
            code,
            code[:3],
            code[:2],
            event.event_class,
            event.topic,
            "1" if event.initiator == "disputed" else "0",
            "" if event.confidence is None else f"{event.confidence:g}",
            str(event.outlets),
            str(event.articles),
            urls[0] if urls else "",
            " ".join(urls),
            " ".join(s.identifier for s in event.sources),
        )


def event_rows(table: EventTable) -> list[dict[str, str]]:
    """One readable row per event (see :data:`CSV_COLUMNS`), ordered by date and id."""
    return [dict(zip(CSV_COLUMNS, cells, strict=True)) for cells in _cells(table)]


def events_csv(table: EventTable) -> str:
    """The readable event table as CSV text (formula-like cells quoted: :func:`kg.query.csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    # Only a cell whose first character could start a formula needs csv_cell's closer look.
    risky = frozenset(FORMULA_START)
    writer.writerows([csv_cell(cell) if cell[:1] in risky else cell for cell in cells] for cells in _cells(table))
    return buffer.getvalue()


def context_path(output: Path) -> Path:
    """Where the JSON-LD context is written beside an output file."""
    name = output.name.removesuffix(".jsonld").removesuffix(".json")
    return output.with_name(f"{name}.context.jsonld")


__all__ = ["CSV_COLUMNS", "context_path", "event_rows", "events_csv"]
