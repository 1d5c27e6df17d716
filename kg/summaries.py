"""Summaries of a graph store, written when a build or update of the store ends, read instead of SPARQL.

A store's whole-graph aggregates cost seconds at a million triples, most of it Oxigraph
reading terms out of RocksDB. So once ``kg build --store`` (or ``kg remove``) has closed
the store, :func:`write_summaries` computes them once and keeps them in an SQLite file
beside the store's marker (:data:`SUMMARY_FILE`):

* the answers of the shipped aggregate queries (:data:`SUMMARISED_QUERIES`), as Oxigraph
  serialises them (SPARQL JSON), keyed by a digest of the query's text: ``kg query STORE
  calls_per_pair`` reads them back when the query's text is the shipped one, unchanged;
* what ``kg stats`` and ``kg viz`` read (:class:`kg.readback.NetworkInputs`, the counts);
* the event table of the event exports (:func:`kg.event_records.read_events`).

Each summary is stamped with the store's version (:func:`kg.store_marker.store_version`,
which changes with every write) and a digest of the code that computed it. A missing or
stale summary is never used: the answer comes from SPARQL, and a line on stderr says so.
The summary holds nothing the graph does not: the RDF is the same with or without it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .atomic import write_with
from .collector import collector_paused
from .iris import KG
from .query import Answer, EventPage, following_page, run_oxigraph
from .resources import query_dir
from .store import open_oxigraph
from .store_marker import MARKER, open_store_folder, store_version

if TYPE_CHECKING:
    from .event_records import EventTable
    from .readback import NetworkInputs

#: The summary file, in the store's folder beside its marker.
SUMMARY_FILE = "kg-summaries.sqlite"
#: The shipped queries whose answers the summary keeps (whole-graph aggregates; the others answer in milliseconds).
SUMMARISED_QUERIES = ("called_and_urged_deescalation", "calls_per_pair", "state_dyads_per_month", "state_urged")
#: The ``--top`` of ``kg viz`` whose page's sentences the summary keeps (the default: fewer actors show fewer).
PAGE_ACTORS = 150
#: The summary's parts in the order they are written (``network`` also gives ``sentences``).
_ORDER = (*(f"query:{name}" for name in SUMMARISED_QUERIES), "network", "sentences", "counts", "events")
#: The parts in two halves that take about as long as each other (CPU seconds on a
#: 2,000-article store: queries 0.2-0.6 each, network and sentences 1.2, counts 0.1, events 1.9).
_HALVES = (
    ("network", "counts", "query:calls_per_pair", "query:state_dyads_per_month"),
    ("events", "query:called_and_urged_deescalation", "query:state_urged"),
)
#: The modules whose code decides what a summary holds: a change to any of them makes older summaries stale.
_CODE = ("summaries.py", "readback.py", "analyse.py", "event_records.py", "relations.py", "reports.py", "viz_layout.py")


def text_digest(text: str) -> str:
    """The SHA-256 of a query's text, which names its answer in a summary."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _code_digest() -> str:
    digest = hashlib.sha256()
    for name in _CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def _stamp(path: Path) -> str:
    """What a summary of the store ``path`` must be stamped with to be used: the store's version and the code's."""
    return f"{store_version(path)} {_code_digest()}"


def _is_store(path: Path) -> bool:
    return path.is_dir() and (path / MARKER).is_file()


def write_summaries(path: Path, jobs: int = 1) -> bool:
    """Compute the summary of the store ``path`` (closed for writing) and write it beside the store.

    The store is read read-only; if its version changed meanwhile (another process wrote
    to it), nothing is written and ``False`` is returned. ``jobs`` > 1: in two processes.
    """
    stamp = _stamp(path)
    parts = _parts(path, open_store_folder(path, read_only=True), jobs)
    if _stamp(path) != stamp:
        return False

    def write(target: Path) -> None:
        with sqlite3.connect(target) as db:
            db.execute("CREATE TABLE stamp (value TEXT NOT NULL)")
            db.execute("INSERT INTO stamp VALUES (?)", (stamp,))
            db.execute("CREATE TABLE parts (name TEXT PRIMARY KEY, digest TEXT NOT NULL, data BLOB NOT NULL)")
            db.executemany("INSERT INTO parts VALUES (?, ?, ?)", parts)
        db.close()

    write_with(path / SUMMARY_FILE, write)
    return True


def summary_is_fresh(path: Path) -> bool:
    """Whether the store ``path`` has a summary of the store as it is now (nothing said either way)."""
    path = Path(path)
    return _is_store(path) and (path / SUMMARY_FILE).is_file() and _read_stamp(path / SUMMARY_FILE) == _stamp(path)


def refresh_summary(path: Path, *, changed: bool, fresh: bool, jobs: int = 1) -> None:
    """Bring the summary of the store ``path`` up to date after it was opened for writing.

    ``changed``: whether any article was written or removed; ``fresh``: whether the summary
    was of the store as it was before. Opening a store for writing changes its version but
    not its data, so a fresh summary of a store left unchanged is stamped anew; otherwise a
    new one is written (:func:`write_summaries`, in ``jobs`` processes).
    """
    if fresh and not changed:
        with sqlite3.connect(Path(path) / SUMMARY_FILE) as db:
            db.execute("UPDATE stamp SET value = ?", (_stamp(path),))
        db.close()
        return
    write_summaries(path, jobs)


def _read_stamp(file: Path) -> str | None:
    """The stamp of the summary ``file``, ``None`` when it is not a readable summary."""
    try:
        db = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM stamp").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _parts(path: Path, store: ox.Store, jobs: int = 1) -> list[tuple[str, str, bytes]]:
    """The summary's parts: (name, digest of the query text or ``""``, data).

    With ``jobs`` > 1 another process computes half of them (:data:`_HALVES`, as long as
    each other) from its own read-only opening of the store ``path``, meanwhile: this is the
    serial end of a ``--store`` build, when its extraction workers are done (issue 15).
    """
    if jobs < 2:
        found = _half(store, 0) + _half(store, 1)
    else:
        from concurrent.futures import ProcessPoolExecutor

        from .parallel import process_context

        with ProcessPoolExecutor(max_workers=1, mp_context=process_context()) as pool:
            other = pool.submit(_half_of_folder, path, 1)
            found = _half(store, 0) + other.result()
    return sorted(found, key=lambda part: _ORDER.index(part[0]))


def _half_of_folder(path: Path, half: int) -> list[tuple[str, str, bytes]]:
    """:func:`_half` of the store ``path``, opened read-only here (in another process)."""
    return _half(open_store_folder(path, read_only=True), half)


def _half(store: ox.Store, half: int) -> list[tuple[str, str, bytes]]:
    """The parts of one of :data:`_HALVES`."""
    from .analyse import graph_counts
    from .event_records import read_events
    from .readback import network_inputs

    parts = []
    for name in _HALVES[half]:
        if name.startswith("query:"):
            text = (query_dir() / f"{name.removeprefix('query:')}.rq").read_text(encoding="utf-8")
            found = store.query(text)
            assert isinstance(found, ox.QuerySolutions)
            parts.append((name, text_digest(text), found.serialize(format=ox.QueryResultsFormat.JSON) or b""))
        elif name == "network":
            inputs = network_inputs(store, evidence=False, dates=True)
            network = {"labels": inputs.labels, "kinds": inputs.kinds, "events": [_row(e) for e in inputs.events]}
            parts.append(("network", "", _json(network)))
            parts.append(("sentences", "", _page_sentences(store, inputs)))
        elif name == "counts":
            parts.append(("counts", "", _json(graph_counts(store))))
        else:
            table = read_events(store)
            events = {"events": [_row(e) for e in table.events], "actors": [_row(a) for a in table.actors.values()]}
            parts.append(("events", "", _json(events)))
    return parts


def _page_sentences(store: ox.Store, inputs: NetworkInputs) -> bytes:
    """The evidence triples of the events whose sentences ``kg viz``'s page of :data:`PAGE_ACTORS` actors shows, as
    N-Triples (the page of fewer actors shows a part of them: :mod:`kg.viz_layout`)."""
    from .analyse import actor_network
    from .viz_layout import tooltip_events

    network = actor_network(store, evidence=False, inputs=inputs)
    events = " ".join(sorted({f"<{event['event']}>" for event in tooltip_events(network, PAGE_ACTORS)}))
    found = store.query(
        f"SELECT ?e ?n ?t ?i WHERE {{ VALUES ?e {{ {events} }} ?e <{KG.hasEvidence}> ?n . "
        f"?n <{KG.sentenceText}> ?t OPTIONAL {{ ?n <{KG.sentenceIndex}> ?i }} }}"
    )
    assert isinstance(found, ox.QuerySolutions)
    has, text, index = ox.NamedNode(KG.hasEvidence), ox.NamedNode(KG.sentenceText), ox.NamedNode(KG.sentenceIndex)
    triples = []
    for event, node, sentence, number in found:
        triples += [ox.Triple(event, has, node), ox.Triple(node, text, sentence)]
        if number is not None:
            triples.append(ox.Triple(node, index, number))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _row(record: Any) -> list[Any]:
    """A record (dataclass) as the list of its fields' values in field order; a list of records as lists too."""
    values = (getattr(record, each.name) for each in fields(record))
    return [
        [_row(v) for v in value] if isinstance(value, list) and value and is_dataclass(value[0]) else value
        for value in values
    ]


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Summary:
    """A store's summary, checked to be of the store as it is now (:func:`open_summary`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def _part(self, name: str) -> Any:
        row = self._db.execute("SELECT data FROM parts WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        return json.loads(row[0])

    def query_results(self, text: str) -> ox.QuerySolutions | None:
        """The answer to the query of text ``text`` when the summary keeps it, else ``None``."""
        row = self._db.execute("SELECT data FROM parts WHERE digest = ?", (text_digest(text),)).fetchone()
        if row is None:
            return None
        found = ox.parse_query_results(bytes(row[0]), format=ox.QueryResultsFormat.JSON)
        assert isinstance(found, ox.QuerySolutions)
        return found

    def network_inputs(self, *, dates: bool = True) -> NetworkInputs:
        """What ``kg stats`` and ``kg viz`` read: labels, actor kinds, events (no evidence; ``dates``: dated)."""
        from .readback import Event, NetworkInputs

        with collector_paused():
            data = self._part("network")
            known = {iri: (en, ar) for iri, (en, ar) in data["labels"].items()}
            events = [Event(*row) for row in data["events"]]
        if not dates:
            for event in events:
                event.date = None
        return NetworkInputs(known, data["kinds"], events)

    def page_sentences(self) -> ox.Store:
        """The sentences of the events ``kg viz --top`` :data:`PAGE_ACTORS` (or fewer) shows, in a store of its own."""
        store = ox.Store()
        row = self._db.execute("SELECT data FROM parts WHERE name = 'sentences'").fetchone()
        store.load(bytes(row[0]), format=ox.RdfFormat.N_TRIPLES)
        return store

    def counts(self) -> dict[str, int]:
        """The counts of ``kg stats`` (:func:`kg.analyse.graph_counts`)."""
        found: dict[str, int] = self._part("counts")
        return found

    def event_table(self) -> EventTable:
        """The events and actors of the event exports (:func:`kg.event_records.read_events`)."""
        from .event_records import ActorRecord, EventRecord, EventTable, Source

        width = len(fields(EventRecord))
        sources = [each.name for each in fields(EventRecord)].index("sources")
        events = []
        with collector_paused():
            data = self._part("events")
            for row in data["events"]:
                if len(row) != width:
                    raise ValueError(f"an event row of {len(row)} fields, not {width}")
                row[sources] = [Source(*source) for source in row[sources]]
                events.append(EventRecord(*row))
            actors = [ActorRecord(*row) for row in data["actors"]]
        return EventTable(events, {actor.iri: actor for actor in actors})

    def close(self) -> None:
        """Close the summary file."""
        self._db.close()


def open_summary(path: Path) -> Summary | None:
    """The summary of the store ``path`` when there is one of the store as it is now.

    ``None`` for a graph file; for a store whose summary is missing or stale, ``None`` and
    one line on stderr saying that SPARQL answers instead.
    """
    path = Path(path)
    if not _is_store(path):
        return None
    file = path / SUMMARY_FILE
    stamp = _read_stamp(file) if file.is_file() else None
    if stamp is None or stamp != _stamp(path):
        why = (
            f"{path} has no summary ({SUMMARY_FILE})"
            if not file.is_file()
            else f"{file} is not a readable summary"
            if stamp is None
            else f"the summary of {path} is older than the store or this version of kg"
        )
        sys.stderr.write(f"note: {why}; answering from the graph with SPARQL (kg build --store writes a new one)\n")
        return None
    return Summary(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True))


def answer_query(
    graph_file: Path, text: str, page: EventPage | None, *, limit: int | None = None, offset: int = 0
) -> Answer:
    """``kg query``: the answer from the summary of a store for a shipped aggregate query, else Oxigraph's."""
    store = open_oxigraph(graph_file)
    shipped = {text_digest((query_dir() / f"{name}.rq").read_text(encoding="utf-8")) for name in SUMMARISED_QUERIES}
    summary = open_summary(graph_file) if text_digest(text) in shipped else None
    answered = summary.query_results(text) if summary is not None else None
    answer = run_oxigraph(store, text, limit=limit, offset=offset, answered=answered)
    answer.next_page = following_page(store, text, page)
    return answer


def statistics(graph_file: Path, top: int = 10) -> dict[str, Any]:
    """``kg stats``: :func:`kg.analyse.graph_statistics`, from the summary of a store when it has one."""
    from .analyse import graph_statistics

    store = open_oxigraph(graph_file)
    summary = open_summary(graph_file)
    if summary is None:
        return graph_statistics(store, top=top)
    with collector_paused():
        return graph_statistics(store, top=top, inputs=summary.network_inputs(dates=False), counts=summary.counts())


def network_page(graph_file: Path, output: Path, top: int = 150) -> int:
    """``kg viz``: :func:`kg.viz.write_network_html`, from the summary of a store when it has one."""
    from .viz import write_network_html

    summary = open_summary(graph_file)
    if summary is None:
        return write_network_html(open_oxigraph(graph_file), output, top=top)
    # With its inputs given, the page reads only its events' sentences from the store it is given.
    sentences = summary.page_sentences() if top <= PAGE_ACTORS else open_oxigraph(graph_file)
    with collector_paused():
        return write_network_html(sentences, output, top=top, inputs=summary.network_inputs())


def event_table(source: Path) -> EventTable:
    """The events and actors of a graph file or store, from the summary of a store when it has one."""
    from .event_records import read_events

    summary = open_summary(source)
    return summary.event_table() if summary is not None else read_events(open_oxigraph(source))


__all__ = [
    "SUMMARISED_QUERIES",
    "SUMMARY_FILE",
    "Summary",
    "answer_query",
    "event_table",
    "network_page",
    "open_summary",
    "refresh_summary",
    "statistics",
    "summary_is_fresh",
    "text_digest",
    "write_summaries",
]
