"""A graph file or store opened in Oxigraph for ``kg export``: read, queried and written without rdflib.

A store folder is opened read-only (its default graph is already the union of its named
graphs); a graph file is parsed by Oxigraph into an in-memory store, its triples in the
default graph (TriG and N-Quads: the union of their graphs, or — for the dataset formats —
its named graphs kept). Turtle, N-Triples, TriG and N-Quads are then written by Oxigraph
(issue 15: rdflib's Turtle serializer took 106 s for 1.2M triples).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import InputError
from .persist import GraphStore, is_store
from .rdf import bind_prefixes

_SUFFIX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}
#: Writers by the names of :mod:`kg.formats` (and of :meth:`GraphStore.write`).
_WRITERS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
_WANTED_PREFIXES = {"kg", "schema", "prov", "skos", "dcterms", "owl", "wd", "rdf", "rdfs", "xsd"}


def prefixes() -> dict[str, str]:
    """The project's prefixes, for the Turtle and TriG that Oxigraph writes."""
    graph = bind_prefixes(Graph())
    return {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix in _WANTED_PREFIXES}


def load_file(path: Path, *, keep_graphs: bool = False) -> ox.Store:
    """A graph file in an in-memory Oxigraph store (its graphs merged into the default graph unless kept)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such graph file")
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)
    store = ox.Store()
    try:
        quads = ox.parse(path=str(path), format=fmt)
        if keep_graphs:
            store.bulk_extend(quads)
        else:
            store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    except (SyntaxError, ValueError, OSError) as error:
        first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
        raise InputError(path, f"not a valid {fmt.name} file ({first})") from None
    return store


@contextmanager
def opened(source: Path, *, keep_graphs: bool = False) -> Iterator[ox.Store]:
    """``source`` (store folder or graph file) as an Oxigraph store whose default graph is the union."""
    source = Path(source)
    if source.is_dir() and is_store(source):
        with GraphStore.open(source, read_only=True) as store:
            yield store._oxigraph()
        return
    if source.is_dir():
        raise InputError(source, "is a folder, not a graph file or a graph store")
    yield load_file(source, keep_graphs=keep_graphs)


def rdf_bytes(source: Path, fmt: str) -> bytes:
    """``source`` written by Oxigraph as Turtle or N-Triples (the union) or TriG or N-Quads (named graphs)."""
    if Path(source).is_dir() and is_store(source):
        with GraphStore.open(source, read_only=True) as opened_store:
            return opened_store.dump(fmt)
    dataset_format = fmt in {"trig", "nquads"}
    memory = load_file(source, keep_graphs=dataset_format)
    buffer = io.BytesIO()
    writer = _WRITERS[fmt]
    if dataset_format:
        memory.dump(buffer, writer, prefixes=prefixes() if fmt == "trig" else None)
    else:
        memory.dump(buffer, writer, from_graph=ox.DefaultGraph(), prefixes=prefixes() if fmt == "turtle" else None)
    return buffer.getvalue()


__all__ = ["load_file", "opened", "prefixes", "rdf_bytes"]
