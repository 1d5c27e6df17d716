"""Stage 5 — load, save and query graphs.

Writes are atomic (:mod:`kg.atomic`): an interrupted or failed write never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.query import Result, ResultRow

from .atomic import write_with
from .errors import InputError, QueryError
from .persist import is_store, open_graph
from .rdf import bind_prefixes
from .resources import query_dir

#: CLI format name → (rdflib format, file suffix).
RDF_FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", ".ttl"),
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "ntriples": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
    "xml": ("xml", ".rdf"),
}
_SUFFIX_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".trig": "trig",
    ".nq": "nquads",
}


def save_graph(graph: Graph, target: Path, fmt: str = "turtle") -> None:
    """Serialise ``graph`` to ``target`` in an rdflib format, atomically."""

    def write(path: Path) -> None:
        graph.serialize(destination=str(path), format=fmt, encoding="utf-8")

    write_with(target, write)


def load_graph(path: Path) -> Graph:
    """Load a graph file, or open a store folder (``kg build --store``) read-only.

    A file's format comes from its suffix (Turtle by default); TriG and N-Quads files
    are read as the union of their graphs. A store is not copied into memory: queries
    on it run in Oxigraph.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such graph file")
    if path.is_dir():
        if not is_store(path):
            raise InputError(path, "is a folder, not a graph file or a graph store")
        store_graph: Graph = open_graph(path)
        return store_graph
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower(), "turtle")
    graph: Graph = bind_prefixes(Graph())
    try:
        if fmt in {"trig", "nquads"}:
            dataset = Dataset()
            dataset.parse(str(path), format=fmt)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(str(path), format=fmt)
    except Exception as error:  # rdflib raises many parser-specific types
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(path, f"not a valid {fmt} graph ({first_line})") from None
    return graph


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
    """Run a SPARQL query (text) on ``graph``; errors become :class:`QueryError`."""
    try:
        return graph.query(query)
    except Exception as error:  # pyparsing and rdflib raise assorted types
        message = " ".join(str(error).split())
        raise QueryError(f"invalid SPARQL query: {message[:300]}") from None


def result_rows(result: Result) -> tuple[list[str], list[list[Any]]]:
    """Column names and rows (rdflib terms) of a SELECT result."""
    names = [str(v) for v in (result.vars or [])]
    rows: list[list[Any]] = []
    for row in result:
        values = row.asdict() if isinstance(row, ResultRow) else {}
        rows.append([values.get(name) for name in names])
    return names, rows


def result_to_csv(result: Result) -> str:
    """A SELECT result as CSV text (plain values), an ASK result as true/false."""
    if result.type == "ASK":
        return f"{str(bool(result.askAnswer)).lower()}\n"
    names, rows = result_rows(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if v is None else str(v) for v in row])
    return buffer.getvalue()


def result_to_json(result: Result) -> str:
    """A result as SPARQL 1.1 Query Results JSON (CONSTRUCT: JSON-LD)."""
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        assert result.graph is not None
        return result.graph.serialize(format="json-ld")
    data = result.serialize(format="json")
    assert data is not None
    return json.dumps(json.loads(data), ensure_ascii=False, indent=1)
