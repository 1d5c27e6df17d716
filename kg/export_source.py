"""A graph file or store written by Oxigraph for ``kg export`` (no rdflib serializer).

A store folder is dumped as it is (its default graph is already the union of its named
graphs). A graph file is opened by :func:`kg.store.open_oxigraph` (its triples in the
default graph) for Turtle and N-Triples, and parsed with its named graphs kept for TriG and
N-Quads. Turtle, N-Triples, TriG and N-Quads are then written by Oxigraph (issue 15:
rdflib's Turtle serializer took 106 s for 1.2M triples).
"""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError
from .persist import GraphStore, is_store
from .store import OXIGRAPH_FORMATS, open_oxigraph, prefixes

#: Writers by the names of :mod:`kg.formats` (and of :meth:`GraphStore.write`).
_WRITERS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


def load_dataset(path: Path) -> ox.Store:
    """A graph file in an in-memory Oxigraph store with its named graphs kept (and nothing
    copied into the default graph); a file of a format Oxigraph does not parse (JSON-LD,
    with its context beside it) as :func:`kg.store.open_oxigraph` reads it."""
    path = Path(path)
    fmt = OXIGRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None or not path.is_file():
        return open_oxigraph(path)  # one-line errors naming the file
    store = ox.Store()
    try:
        store.bulk_extend(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as error:
        first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
        raise InputError(path, f"not a valid {fmt.name} file ({first})") from None
    return store


def rdf_bytes(source: Path, fmt: str) -> bytes:
    """``source`` written by Oxigraph as Turtle or N-Triples (the union) or TriG or N-Quads (named graphs)."""
    if Path(source).is_dir() and is_store(source):
        with GraphStore.open(source, read_only=True) as opened_store:
            return opened_store.dump(fmt)
    buffer = io.BytesIO()
    writer = _WRITERS[fmt]
    if fmt in {"trig", "nquads"}:
        load_dataset(source).dump(buffer, writer, prefixes=prefixes() if fmt == "trig" else None)
    else:
        union = open_oxigraph(source)
        union.dump(buffer, writer, from_graph=ox.DefaultGraph(), prefixes=prefixes() if fmt == "turtle" else None)
    return buffer.getvalue()


__all__ = ["load_dataset", "rdf_bytes"]
