"""Stage 5 — load and save graph files, and open store folders as graphs (queries: :mod:`kg.query`).

Writes are atomic (:mod:`kg.atomic`): an interrupted or failed write never leaves half a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .atomic import write_with
from .errors import InputError
from .iris import PREFIXES
from .store_marker import MARKER, check_marker, open_store_folder

if TYPE_CHECKING:  # rdflib is imported where it is used: opening a graph in Oxigraph needs none of it
    from rdflib import Graph

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


#: Oxigraph's parsers by suffix; quad formats are queried as the union of their graphs.
OXIGRAPH_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}


#: The prefixes of the Turtle and TriG that Oxigraph writes, in the order written (rdflib's binding order).
_WRITTEN_PREFIXES = ("dcterms", "prov", "schema", "skos", "owl", "rdf", "rdfs", "xsd", "kg", "wd")


def prefixes() -> dict[str, str]:
    """The project's prefixes, for the Turtle and TriG that Oxigraph writes."""
    return {prefix: PREFIXES[prefix] for prefix in _WRITTEN_PREFIXES}


def open_oxigraph(path: Path) -> ox.Store:
    """A graph file loaded into an in-memory Oxigraph store, or a store folder opened read-only.

    Its default graph is the union of its graphs (as a store folder's is): the triples of
    a TriG or N-Quads file are copied into it, once each. Files are parsed by Oxigraph,
    except JSON-LD (its context is a file beside it), which rdflib reads (:func:`load_graph`).
    """
    path = Path(path)
    if path.is_dir() and (path / MARKER).is_file():
        check_marker(path)
        return open_store_folder(path, read_only=True)
    fmt = OXIGRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None or not path.is_file():
        graph = load_graph(path)  # errors naming the file; JSON-LD and unknown suffixes
        store = ox.Store()
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return store
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(path, f"not a valid {_SUFFIX_FORMATS[path.suffix.lower()]} graph ({first_line})") from None
    if fmt in {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS}:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def save_graph(graph: Graph, target: Path, fmt: str = "turtle") -> None:
    """Serialise ``graph`` to ``target`` atomically (Turtle and N-Triples by Oxigraph, others by rdflib)."""
    from .ntriples import to_ntriples

    writer = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES}.get(fmt)

    def write(path: Path) -> None:
        if writer is None:
            graph.serialize(destination=str(path), format=fmt, encoding="utf-8")
            return
        triples = ox.parse(to_ntriples(graph).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        with path.open("wb") as output:
            ox.serialize(triples, output, writer, prefixes=prefixes() if writer == ox.RdfFormat.TURTLE else None)

    write_with(target, write)


def load_graph(path: Path) -> Graph:
    """Load a graph file, or open a store folder (``kg build --store``) read-only.

    A file's format comes from its suffix (Turtle by default); TriG and N-Quads files
    are read as the union of their graphs. A store is not copied into memory: queries
    on it run in Oxigraph.
    """
    from rdflib import Dataset, Graph

    from .persist import is_store, open_graph
    from .rdf import bind_prefixes

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


__all__ = ["OXIGRAPH_FORMATS", "load_graph", "open_oxigraph", "prefixes", "save_graph"]
