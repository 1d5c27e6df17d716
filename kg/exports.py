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
from pathlib import Path

from .event_records import EventTable, short_id
from .query import csv_cell

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


def event_rows(table: EventTable) -> list[dict[str, str]]:
    """One readable row per event (see :data:`CSV_COLUMNS`), ordered by date and id."""

    def name(iri: str) -> str:
        found = table.actors.get(iri)
        return found.label if found else short_id(iri)

    rows = []
    for event in table.events:
        urls = [s.url for s in event.sources if s.url]
        code = event.cameo
        rows.append(
            {
                "GLOBALEVENTID": event.iri,
                "SQLDATE": event.day.replace("-", ""),
                "Actor1Code": short_id(event.actor1),
                "Actor1Name": name(event.actor1) if event.actor1 else "",
                "Actor2Code": short_id(event.actor2),
                "Actor2Name": name(event.actor2) if event.actor2 else "",
                "EventCode": code,
                "EventBaseCode": code[:3],
                "EventRootCode": code[:2],
                "EventType": event.event_class,
                "Topic": event.topic,
                "InitiatorDisputed": "1" if event.initiator == "disputed" else "0",
                "Confidence": "" if event.confidence is None else f"{event.confidence:g}",
                "NumSources": str(event.outlets),
                "NumArticles": str(event.articles),
                "SOURCEURL": urls[0] if urls else "",
                "SourceURLs": " ".join(urls),
                "SourceIds": " ".join(s.identifier for s in event.sources),
            }
        )
    return rows


def events_csv(table: EventTable) -> str:
    """The readable event table as CSV text (formula-like cells quoted: :func:`kg.query.csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: csv_cell(value) for name, value in row.items()} for row in event_rows(table))
    return buffer.getvalue()


def context_path(output: Path) -> Path:
    """Where the JSON-LD context is written beside an output file."""
    name = output.name.removesuffix(".jsonld").removesuffix(".json")
    return output.with_name(f"{name}.context.jsonld")


__all__ = ["CSV_COLUMNS", "context_path", "event_rows", "events_csv"]
