"""SPARQL on a graph: find a query (file, shipped name or text), run it, and write its results.

``kg query`` runs in Oxigraph (:func:`run_oxigraph`, on a store from
:func:`kg.store.open_oxigraph`) and formats what Oxigraph answers: a readable table with
prefixed names, or the SPARQL results formats (CSV, TSV, JSON). :func:`run_query` runs a
query on an rdflib graph (the facts export).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .atomic import check_target, write_text_atomic
from .errors import InputError, QueryError
from .iris import PREFIXES
from .resources import query_dir

if TYPE_CHECKING:  # rdflib is imported where it is used: kg query runs in Oxigraph alone
    from rdflib import Graph
    from rdflib.query import Result

#: The formats ``kg query`` writes; ``table`` is for people, the others are SPARQL results formats.
QUERY_FORMATS = ("table", "csv", "tsv", "json")
#: A table cell longer than this is cut, with an ellipsis.
CELL_WIDTH = 48
#: The page of a shipped listing query: a sub-select of its events with ``LIMIT n OFFSET m``.
_EVENT_PAGE = re.compile(
    r"(\{\s*SELECT\s+\?\w+\s+WHERE\s*\{[^{}]*\}\s*)LIMIT\s+(\d+)\s+OFFSET\s+(\d+)(\s*\})", re.IGNORECASE
)


@dataclass(frozen=True)
class EventPage:
    """The events a listing query answers: ``size`` of them (``None``: all) from ``offset``."""

    size: int | None
    offset: int


def event_page(query: str) -> EventPage | None:
    """The page a listing query's events sub-select asks for, or ``None`` for a query without one."""
    found = _EVENT_PAGE.search(query)
    return None if found is None else EventPage(int(found.group(2)), int(found.group(3)))


def with_event_page(query: str, page: EventPage) -> str:
    """``query`` with its events sub-select paged as ``page`` (no ``LIMIT``/``OFFSET`` for all events)."""
    window = "" if page.size is None else f"LIMIT {page.size} OFFSET {page.offset}"
    return _EVENT_PAGE.sub(lambda found: f"{found.group(1)}{window}{found.group(4)}", query, count=1)


def following_page(store: ox.Store, query: str, page: EventPage | None) -> EventPage | None:
    """The page after ``page`` when the store has events past it, else ``None``."""
    found = _EVENT_PAGE.search(query)
    if page is None or page.size is None or found is None:
        return None
    following = EventPage(page.size, page.offset + page.size)
    probe = f"{_prefix_lines(query)}{found.group(1).strip()[1:]} LIMIT 1 OFFSET {following.offset}"
    found_more = store.query(probe)
    return following if isinstance(found_more, ox.QuerySolutions) and any(True for _ in found_more) else None


def _prefix_lines(query: str) -> str:
    """The ``PREFIX`` lines ``query`` declares, to run a part of it on its own."""
    return "".join(line + "\n" for line in query.splitlines() if line.lstrip().upper().startswith("PREFIX"))


def page_request(
    query: str, limit: int | None, offset: int, every: bool
) -> tuple[str, EventPage | None, int | None, int]:
    """Apply ``--limit/--offset/--all`` to a query: to its events page if it has one, else to its rows.

    Returns the query to run, its events page (``None`` when it has none), and the row limit and offset
    still to apply to the solutions.
    """
    page = event_page(query)
    if page is None:
        return query, None, limit, offset
    if not every and limit is None and offset == 0:
        return query, page, None, 0
    wanted = EventPage(None if every else (page.size if limit is None else limit), 0 if every else offset)
    return with_event_page(query, wanted), wanted, None, 0


def read_query(query: str) -> str:
    """A SPARQL query from a ``.rq`` file path, a name in ``queries/``, or the text itself."""
    candidate = Path(query)
    if candidate.suffix in {".rq", ".sparql"}:
        if candidate.exists():
            return str(candidate.read_text(encoding="utf-8"))
        named = query_dir() / candidate.name
        if named.exists():
            return str(named.read_text(encoding="utf-8"))
        raise InputError(candidate, "no such query file")
    named = query_dir() / f"{query}.rq"
    if "\n" not in query and " " not in query and named.exists():
        return str(named.read_text(encoding="utf-8"))
    return query


def run_query(graph: Graph, query: str) -> Result:
    """Run a SPARQL query (text) on an rdflib ``graph``; errors become :class:`QueryError`."""
    try:
        return graph.query(query)
    except Exception as error:  # pyparsing and rdflib raise assorted types
        raise QueryError(f"invalid SPARQL query: {_one_line(error)}") from None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:300]


def known_prefixes(query: str = "") -> dict[str, str]:
    """The project's prefixes (``kg:``, ``id:``, ``schema:``, ``rdf:``, ``xsd:`` …) and those the query declares."""
    found = dict(PREFIXES)
    for prefix, namespace in re.findall(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", query, flags=re.IGNORECASE):
        if prefix:
            found[prefix] = namespace
    return found


@dataclass
class Answer:
    """What Oxigraph answered: SELECT solutions, an ASK boolean, or CONSTRUCT/DESCRIBE triples.

    Solutions and triples stream from Oxigraph and are read once, by :meth:`text` or :meth:`cells`.
    """

    kind: str
    names: list[str]
    solutions: Iterable[Any]
    boolean: bool | None
    prefixes: dict[str, str]
    #: The next events page of a paged listing query (``who_called_whom`` …) when there are more events.
    next_page: EventPage | None = None

    def text(self, fmt: str) -> str:
        """The answer as ``csv``, ``tsv`` or ``json`` (SPARQL results formats); triples as Turtle or JSON-LD."""
        if self.kind == "ASK":
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": bool(self.boolean)}) + "\n"
            return f"{str(bool(self.boolean)).lower()}\n"
        if self.kind == "GRAPH":
            rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
            text = _text(ox.serialize(self.solutions, format=rdf, prefixes=self.prefixes))
            return text if text.endswith("\n") or not text else text + "\n"
        if fmt == "csv":
            return _csv(self.names, self.solutions)
        results = _Solutions(self.names, self.solutions)
        target = ox.QueryResultsFormat.TSV if fmt == "tsv" else ox.QueryResultsFormat.JSON
        return results.serialize(target) + ("\n" if fmt == "json" else "")

    def save(self, fmt: str, output: Path) -> None:
        """Write :meth:`text` to ``output``, atomically (a failed write leaves what was there)."""
        write_text_atomic(check_target(output), self.text(fmt))

    def widths(self, rows: list[list[str]], room: int) -> list[int]:
        """Column widths for ``rows`` in a table ``room`` characters wide (:func:`column_widths`)."""
        return column_widths(self.names, rows, room)

    def cells(self, width: int = CELL_WIDTH) -> Iterator[list[str]]:
        """The rows of a SELECT answer as table cells: prefixed names, plain values, long ones cut."""
        compact = _compactor(self.prefixes)
        for solution in self.solutions:
            yield [_cut(_display(solution[name], compact), width) for name in self.names]


def column_widths(names: list[str], rows: list[list[str]], room: int) -> list[int]:
    """Widths for the columns of a table ``room`` characters wide: narrow columns whole, the rest share alike.

    Each column asks for its widest cell (or name); in order of that need, each gets the
    smaller of its need and an equal share of what is left (max-min fairness).
    """
    from rich.cells import cell_len

    needs = [max([cell_len(name), *(cell_len(row[i]) for row in rows)]) for i, name in enumerate(names)]
    widths = [0] * len(names)
    left = room
    for done, index in enumerate(sorted(range(len(names)), key=lambda i: needs[i])):
        share = max(1, left // (len(names) - done))
        widths[index] = min(needs[index], share)
        left -= widths[index]
    return widths


class _Solutions:
    """Solutions already read (paged), written back in a SPARQL results format by Oxigraph."""

    def __init__(self, names: list[str], solutions: Iterable[Any]) -> None:
        self.names = names
        self.solutions = solutions

    def serialize(self, fmt: ox.QueryResultsFormat) -> str:
        """The solutions in ``fmt``, through Oxigraph's results parser and serialiser."""
        if isinstance(self.solutions, ox.QuerySolutions):
            return _text(self.solutions.serialize(format=fmt))
        # Paged solutions are no longer an Oxigraph result: written as JSON, read back, then serialised.
        rows = [{n: _json_term(s[n]) for n in self.names if s[n] is not None} for s in self.solutions]
        data = json.dumps({"head": {"vars": self.names}, "results": {"bindings": rows}})
        parsed = ox.parse_query_results(data.encode(), format=ox.QueryResultsFormat.JSON)
        assert isinstance(parsed, ox.QuerySolutions)
        return _text(parsed.serialize(format=fmt))


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8")


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    found = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        found["datatype"] = term.datatype.value
    return found


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell safe to open in a spreadsheet: text that would start a formula gets a leading ``'``.

    Numbers (``-2.5``) are left as they are.
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def _csv(names: list[str], solutions: Iterable[Any]) -> str:
    """SPARQL CSV (plain values), with formula-like cells quoted (:func:`csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for solution in solutions:
        writer.writerow([csv_cell(None if (term := solution[n]) is None else term.value) for n in names])
    return buffer.getvalue()


def _compactor(prefixes: dict[str, str]) -> Any:
    """A function writing an IRI as ``prefix:local`` under the longest namespace that holds it."""
    ordered = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    def compact(iri: str) -> str:
        for prefix, namespace in ordered:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"

    return compact


def _display(term: Any, compact: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return str(compact(term.value))
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return " ".join(str(term.value).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def as_oxigraph(graph: Graph | ox.Store) -> ox.Store:
    """An Oxigraph store whose default graph holds ``graph``'s triples.

    A store is used as it is; so is the Oxigraph store behind a view of a store's union
    (:class:`kg.persist.GraphStore`); any other rdflib graph is copied into a new one.
    """
    if isinstance(graph, ox.Store):
        return graph
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    inner = getattr(graph.store, "_store", None)
    if (
        isinstance(graph.store, OxigraphStore)
        and isinstance(inner, ox.Store)
        and graph.identifier == DATASET_DEFAULT_GRAPH_ID
    ):
        return inner
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def run_oxigraph(
    store: ox.Store, query: str, *, limit: int | None = None, offset: int = 0, answered: ox.QuerySolutions | None = None
) -> Answer:
    """Run ``query`` in Oxigraph, on the store's default graph.

    ``limit`` and ``offset`` page the solutions (or triples). Errors become :class:`QueryError`.
    ``answered``: the query's solutions, known already (a store's summary, :mod:`kg.summaries`).
    """
    try:
        found = answered if answered is not None else store.query(query)
    except (SyntaxError, ValueError, OSError) as error:
        raise QueryError(f"invalid SPARQL query: {_one_line(error)}") from None
    prefixes = known_prefixes(query)
    if isinstance(found, ox.QueryBoolean):
        return Answer("ASK", [], (), bool(found), prefixes)
    paged = offset > 0 or limit is not None
    if isinstance(found, ox.QueryTriples):
        triples = itertools.islice(found, offset, None if limit is None else offset + limit) if paged else found
        return Answer("GRAPH", [], triples, None, prefixes)
    names = [variable.value for variable in found.variables]
    solutions = itertools.islice(found, offset, None if limit is None else offset + limit) if paged else found
    return Answer("SELECT", names, solutions, None, prefixes)


__all__ = [
    "CELL_WIDTH",
    "FORMULA_START",
    "QUERY_FORMATS",
    "Answer",
    "EventPage",
    "as_oxigraph",
    "column_widths",
    "csv_cell",
    "event_page",
    "following_page",
    "known_prefixes",
    "page_request",
    "read_query",
    "run_oxigraph",
    "run_query",
    "with_event_page",
]
