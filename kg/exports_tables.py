"""Tables of the graph's actors and events: the actors CSV and the Neo4j import files.

* :func:`actors_csv`: one row per actor — id, Arabic and English labels, type, the state
  or organisation it acts for, and how many events of each relation it took part in.
* :func:`neo4j_files`: node and relationship CSV files with the headers of
  ``neo4j-admin database import full`` (``:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
  ``:TYPE``, typed properties such as ``date:date`` and ``confidence:float``), and a
  ``load.cypher`` that loads the same files with ``LOAD CSV`` into a running database.

Actors are ``Actor`` nodes (and ``Person``, ``State`` or ``Organization``); events are
``Event`` nodes (and their class: ``PhoneCall`` …) that actors ``TOOK_PART`` in (``role``
``actor1`` or ``actor2``, as in :mod:`kg.event_records`); an event with two actors is also
a direct edge from the first to the second, typed by its relation (``CALLED``, ``URGED``,
``THANKED``, ``OFFERED_MEDIATION``, ``WARNED``).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable

from .event_records import EventTable, short_id
from .query import csv_cell
from .relations import RELATIONS

ACTOR_COLUMNS: tuple[str, ...] = (
    "id",
    "label_ar",
    "label_en",
    "type",
    "acts_for",
    "acts_for_label",
    "events",
    *(r.name for r in RELATIONS),
)

ACTOR_HEADER = ("actorId:ID", "name", "name_en", "name_ar", "kind", "actsFor", "events:int", ":LABEL")
EVENT_HEADER = (
    "eventId:ID",
    "relation",
    "goal",
    "date:date",
    "cameo",
    "initiator",
    "confidence:float",
    "articles:int",
    "outlets:int",
    "sources:string[]",
    ":LABEL",
)
TOOK_PART_HEADER = (":START_ID", ":END_ID", ":TYPE", "role", "actsFor")
DIRECT_HEADER = (":START_ID", ":END_ID", ":TYPE", "eventId", "date:date", "goal", "cameo", "confidence:float")


def relation_type(name: str) -> str:
    """The Neo4j relationship type of a relation (``offeredMediation`` → ``OFFERED_MEDIATION``)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def _table(header: Iterable[str], rows: Iterable[Iterable[object]], *, quote_cells: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(str(v)) if quote_cells else str(v) for v in row])
    return buffer.getvalue()


def _participation(table: EventTable) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for event in table.events:
        for actor in {event.actor1, event.actor2} - {""}:
            counts.setdefault(actor, Counter())[event.relation] += 1
    return counts


def actors_csv(table: EventTable) -> str:
    """The actors that take part in events, most active first (see :data:`ACTOR_COLUMNS`)."""
    counts = _participation(table)
    rows = []
    for iri, per_relation in sorted(counts.items(), key=lambda item: (-item[1].total(), item[0])):
        actor = table.actors.get(iri)
        seat = actor.state if actor else ""
        seat_actor = table.actors.get(seat)
        rows.append(
            [
                short_id(iri),
                actor.ar if actor else "",
                actor.en if actor else "",
                actor.kind if actor else "",
                short_id(seat) if seat else "",
                seat_actor.label if seat_actor else (short_id(seat) if seat else ""),
                per_relation.total(),
                *(per_relation[r.name] for r in RELATIONS),
            ]
        )
    return _table(ACTOR_COLUMNS, rows)


def neo4j_files(table: EventTable) -> dict[str, str]:
    """The Neo4j import files by name: actors, events, their two relationship files, and ``load.cypher``."""
    counts = _participation(table)
    actors = []
    for iri in sorted(counts):
        actor = table.actors.get(iri)
        kind = actor.kind if actor and actor.kind else ""
        seat = short_id(actor.state) if actor and actor.state else ""
        labels = ";".join(["Actor", kind] if kind else ["Actor"])
        name = actor.label if actor else short_id(iri)
        en, ar = (actor.en, actor.ar) if actor else ("", "")
        actors.append([short_id(iri), name, en, ar, kind, seat, counts[iri].total(), labels])
    events, took_part, direct = [], [], []
    for event in table.events:
        ident = short_id(event.iri)
        confidence = "" if event.confidence is None else f"{event.confidence:g}"
        sources = ";".join(s.url or s.identifier for s in event.sources)
        head = [ident, event.relation, event.topic, event.day, event.cameo, event.initiator, confidence]
        events.append([*head, event.articles, event.outlets, sources, f"Event;{event.event_class}"])
        for role, actor_iri in (("actor1", event.actor1), ("actor2", event.actor2)):
            if actor_iri:
                seat = event.acting_for.get(actor_iri, "")
                took_part.append([short_id(actor_iri), ident, "TOOK_PART", role, short_id(seat) if seat else ""])
        if event.actor1 and event.actor2:
            ends = [short_id(event.actor1), short_id(event.actor2), relation_type(event.relation), ident]
            direct.append([*ends, event.day, event.topic, event.cameo, confidence])
    return {
        "actors.csv": _table(ACTOR_HEADER, actors, quote_cells=False),
        "events.csv": _table(EVENT_HEADER, events, quote_cells=False),
        "took_part.csv": _table(TOOK_PART_HEADER, took_part, quote_cells=False),
        "relations.csv": _table(DIRECT_HEADER, direct, quote_cells=False),
        "load.cypher": load_cypher(),
    }


def load_cypher() -> str:
    """Cypher that loads the files of :func:`neo4j_files` with ``LOAD CSV`` (from Neo4j's import folder)."""
    kinds = ("Person", "State", "Organization")
    classes = tuple(r.event_class for r in RELATIONS)
    lines = [
        "// Load the files of `kg export --format neo4j` into a running Neo4j 5 (copy them to its import folder).",
        "// For an empty database, `neo4j-admin database import full --nodes=actors.csv --nodes=events.csv",
        "// --relationships=took_part.csv --relationships=relations.csv` reads the same files faster.",
        "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;",
        "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;",
        "LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row",
        "MERGE (a:Actor {id: row.`actorId:ID`})",
        "SET a.name = row.name, a.name_en = row.name_en, a.name_ar = row.name_ar, a.kind = row.kind,",
        "    a.actsFor = row.actsFor, a.events = toInteger(row.`events:int`)",
        *(f"FOREACH (_ IN CASE WHEN row.kind = '{k}' THEN [1] ELSE [] END | SET a:{k})" for k in kinds),
        ";",
        "LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row",
        "MERGE (e:Event {id: row.`eventId:ID`})",
        "SET e.relation = row.relation, e.goal = row.goal, e.date = date(nullIf(row.`date:date`, '')),",
        "    e.cameo = row.cameo, e.initiator = row.initiator,",
        "    e.confidence = toFloat(row.`confidence:float`), e.articles = toInteger(row.`articles:int`),",
        "    e.outlets = toInteger(row.`outlets:int`), e.sources = split(row.`sources:string[]`, ';')",
        *(f"FOREACH (_ IN CASE WHEN row.`:LABEL` ENDS WITH ';{c}' THEN [1] ELSE [] END | SET e:{c})" for c in classes),
        ";",
        "LOAD CSV WITH HEADERS FROM 'file:///took_part.csv' AS row",
        "MATCH (a:Actor {id: row.`:START_ID`}), (e:Event {id: row.`:END_ID`})",
        "MERGE (a)-[t:TOOK_PART {role: row.role}]->(e) SET t.actsFor = row.actsFor;",
    ]
    for relation in RELATIONS:
        kind = relation_type(relation.name)
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{kind}'",
            "MATCH (a:Actor {id: row.`:START_ID`}), (b:Actor {id: row.`:END_ID`})",
            f"MERGE (a)-[r:{kind} {{eventId: row.eventId}}]->(b)",
            "SET r.date = date(nullIf(row.`date:date`, '')), r.goal = row.goal, r.cameo = row.cameo,",
            "    r.confidence = toFloat(row.`confidence:float`);",
        ]
    return "\n".join(lines) + "\n"


__all__ = ["ACTOR_COLUMNS", "actors_csv", "load_cypher", "neo4j_files", "relation_type"]
