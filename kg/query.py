"""SPARQL on a graph: find a query (file, shipped name or text), run it, and write its results.

Graphs come from :func:`kg.store.load_graph` (files and store folders alike).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.query import Result, ResultRow

from .errors import InputError, QueryError
from .resources import query_dir


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


def result_to_csv(result: Result) -> str:
    """A SELECT result as CSV text (plain values, :func:`csv_cell`), an ASK result as true/false."""
    if result.type == "ASK":
        return f"{str(bool(result.askAnswer)).lower()}\n"
    names, rows = result_rows(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue()


def result_to_json(result: Result) -> str:
    """A result as SPARQL 1.1 Query Results JSON (CONSTRUCT: JSON-LD)."""
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        assert result.graph is not None
        return result.graph.serialize(format="json-ld")
    data = result.serialize(format="json")
    assert data is not None
    return json.dumps(json.loads(data), ensure_ascii=False, indent=1)


__all__ = ["FORMULA_START", "csv_cell", "read_query", "result_rows", "result_to_csv", "result_to_json", "run_query"]
