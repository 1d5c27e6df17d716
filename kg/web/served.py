"""The dataset ``kg serve`` serves: a store folder as it is, or a graph file loaded into Oxigraph.

Either way the server and its query workers open one Oxigraph folder read-only, which
takes a fraction of a second however big the data (the operating system's page cache,
not each worker, holds what queries read):

* a store folder (``kg build --store DIR``) is served in place — its named graphs (one per
  article, one per merged event key) and its default graph, which the store keeps equal
  to their union;
* a graph file of any format ``kg build`` writes (``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``,
  ``.trig``, ``.nq``) is bulk-loaded once into a temporary Oxigraph folder (under
  ``$TMPDIR``, removed when the server stops). A TriG or N-Quads file keeps its named
  graphs, and its default graph is made their union, as in a store, so that queries
  without ``GRAPH`` see everything once (Oxigraph's own union of named graphs would repeat
  a triple once per graph that holds it).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import InputError, StoreError
from ..store_marker import MARKER, check_marker

if TYPE_CHECKING:
    from rdflib import Graph

#: File suffix → (Oxigraph format, the name errors give it).
FILE_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".json": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"),
    ".xml": (ox.RdfFormat.RDF_XML, "xml"),
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
}


def _check_store(path: Path) -> Path:
    """The Oxigraph folder of a store folder, after the checks of its marker (one-line errors)."""
    marker = path / MARKER
    if not marker.is_file():
        raise InputError(path, "is a folder, not a graph store (kg build --store) nor a graph file")
    check_marker(path)
    folder = path / "oxigraph"
    if not folder.is_dir():
        raise StoreError(f"{path}: the store's data folder {folder} is missing (moved or deleted?)")
    return folder


@dataclass
class ServedData:
    """The Oxigraph folder to serve, and the temporary folder to remove afterwards (if any)."""

    source: Path
    folder: Path
    temporary: Path | None = None

    def open(self) -> ox.Store:
        """The dataset, read-only (each worker opens its own)."""
        return ox.Store.read_only(str(self.folder))

    def graph(self) -> Graph:
        """The default graph (the union) as an rdflib graph over Oxigraph, read-only."""
        from oxrdflib import OxigraphStore
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from ..ntriples import NamedView
        from ..rdf import bind_prefixes

        view = NamedView(store=OxigraphStore(store=self.open()), identifier=DATASET_DEFAULT_GRAPH_ID)
        return bind_prefixes(view)

    def cleanup(self) -> None:
        """Remove the temporary copy of a graph file (nothing for a store)."""
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)


def _with_union(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
    """Every quad, and its triple in the default graph too."""
    default = ox.DefaultGraph()
    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def _load_file(path: Path, folder: Path) -> None:
    fmt, name = FILE_FORMATS.get(path.suffix.lower(), (ox.RdfFormat.TURTLE, "turtle"))
    store = ox.Store(str(folder))
    try:
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            store.bulk_extend(_with_union(ox.parse(path=str(path), format=fmt)))
        else:
            store.bulk_load(path=str(path), format=fmt)
        store.flush()
    except (SyntaxError, ValueError, OSError) as error:
        text = str(error).strip()
        first_line = text.splitlines()[0] if text else type(error).__name__
        raise InputError(path, f"not a valid {name} graph ({first_line})") from None
    finally:
        del store  # closes the folder, so that it may be opened read-only


def prepare(source: Path) -> ServedData:
    """The Oxigraph folder for a store folder or a graph file (see the module doc).

    Raises :class:`~kg.errors.KGError` (one line) for a missing file, a folder that is no
    store, a damaged store or a file that does not parse.
    """
    source = Path(source)
    if not source.exists():
        raise InputError(source, "no such graph file or store folder")
    if source.is_dir():
        return ServedData(source, _check_store(source))  # damage: the workers that open it say so
    temporary = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        _load_file(source, temporary / "oxigraph")
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return ServedData(source, temporary / "oxigraph", temporary)


__all__ = ["FILE_FORMATS", "ServedData", "prepare"]
