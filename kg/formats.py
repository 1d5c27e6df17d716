"""The formats registry: every output the tool writes, by name and by suffix.

One table (:data:`FORMATS`) says, for each format, its file suffixes, whether it keeps
the named graphs (one per article, one per merged event key — see :mod:`kg.persist`),
how ``kg export`` renders a graph file or store in it, and — for RDF formats — how
``kg build -o`` writes a freshly built store in it. An output's format follows its
suffix: ``kg build -o graph.nt`` writes N-Triples, ``-o graph.xyz`` is refused before
any extraction (:func:`for_output`).

* RDF: Turtle, N-Triples and JSON-LD (the union of all graphs), TriG and N-Quads (named
  graphs kept), all written by Oxigraph (:mod:`kg.export_source`) or, for JSON-LD, by
  :mod:`kg.jsonld` from Oxigraph's terms (files opened by :func:`kg.store.open_oxigraph`).
  JSON-LD carries its context, which is also written beside the output file as
  ``<name>.context.jsonld``.
* Tables and networks from the graph's events (:mod:`kg.event_records`): the actor network
  for Gephi (GEXF, GraphML: :mod:`kg.exports_network`), the readable event CSV
  (:mod:`kg.exports`), GDELT 2.0's event layout (:mod:`kg.gdelt`), the actors CSV and the
  Neo4j import folder (:mod:`kg.exports_tables`), and the facts JSON Lines of the
  annotation guideline (:mod:`kg.facts`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .atomic import check_target, write_text_atomic, write_with
from .collector import collector_paused
from .errors import InputError, KGError
from .event_records import EventTable
from .export_source import rdf_bytes
from .exports import context_path, events_csv
from .exports_network import gexf_bytes, graphml_bytes
from .exports_tables import actors_csv, neo4j_files
from .facts import facts_jsonl
from .gdelt import gdelt_text
from .jsonld import jsonld_bytes, jsonld_context
from .persist import GraphStore, is_store
from .store import load_graph, open_oxigraph
from .summaries import event_table as summarised_events

#: Renders a graph file or store folder (``kg export``): text, or bytes.
Render = Callable[[Path], "str | bytes"]
#: Writes a built store to a file (``kg build -o``); the union graph when already made.
Save = Callable[[GraphStore, "Graph | None", Path], None]
#: Writes the files of a folder format (``kg export -o FOLDER``), by name.
Files = Callable[[Path], dict[str, str]]


@dataclass(frozen=True)
class Format:
    """One output format: its name, suffixes, named graphs, and its writers."""

    name: str
    suffixes: tuple[str, ...]
    #: Whether the named graphs are kept (TriG, N-Quads) or their union written.
    named_graphs: bool
    render: Render
    #: How ``kg build -o`` writes a built store in this format (RDF formats only).
    save: Save | None = None
    aliases: tuple[str, ...] = ()
    #: Whether a JSON-LD context file is written beside the output.
    context: bool = False
    #: For a folder of files (Neo4j): the files, written into ``-o FOLDER``.
    files: Files | None = None


# ---------------------------------------------------------------- rendering a source (kg export)


def load_dataset(path: Path) -> Dataset:
    """A graph file or store as an rdflib dataset: named graphs kept where the source has them."""
    path = Path(path)
    if path.is_dir() and is_store(path):
        with GraphStore.open(path, read_only=True) as store:
            copy: Dataset = store.copy_dataset()
            return copy
    dataset = Dataset()
    if path.suffix.lower() in {".trig", ".nq"}:
        fmt = "trig" if path.suffix.lower() == ".trig" else "nquads"
        try:
            dataset.parse(str(path), format=fmt)
        except Exception as error:  # rdflib raises parser-specific types
            raise InputError(path, f"not a valid {fmt} file ({str(error).strip().splitlines()[0][:200]})") from None
        return dataset
    graph = load_graph(path)
    default = dataset.default_graph
    for triple in graph:
        default.add(triple)
    return dataset


def _render_rdf(fmt: str) -> Render:
    return lambda source: rdf_bytes(source, fmt)


def _render_jsonld(source: Path) -> bytes:
    return jsonld_bytes(open_oxigraph(source))


def event_table(source: Path) -> EventTable:
    """The events and actors of a graph file or store (:func:`kg.event_records.read_events`; a store's
    summary when it has one of the store as it is, :mod:`kg.summaries`)."""
    return summarised_events(source)


def _from_events(render: Callable[[EventTable], str | bytes]) -> Render:
    def export(source: Path) -> str | bytes:
        # The table's records are gone (freed as render returns) before the collector comes
        # back, so it does not sweep hundreds of thousands of them once more for nothing.
        with collector_paused():
            return render(event_table(source))

    return export


def _neo4j_files(source: Path) -> dict[str, str]:
    return neo4j_files(event_table(source))


def _folder_only(source: Path) -> str:
    raise KGError("--format neo4j writes a folder of files: give it with -o FOLDER")


# ---------------------------------------------------------------- saving a built store (kg build -o)


def _save_store(fmt: str) -> Save:
    def save(store: GraphStore, union: Graph | None, target: Path) -> None:
        def write(path: Path) -> None:
            with path.open("wb") as output:
                store.write(fmt, output)

        write_with(target, write)

    return save


def _save_jsonld(store: GraphStore, union: Graph | None, target: Path) -> None:
    data = jsonld_bytes(store._oxigraph())

    def write(path: Path) -> None:
        path.write_bytes(data)

    write_with(target, write)
    write_text_atomic(context_path(target), json.dumps(jsonld_context(), indent=1) + "\n")


FORMATS: tuple[Format, ...] = (
    Format("turtle", (".ttl",), False, _render_rdf("turtle"), _save_store("turtle"), aliases=("ttl",)),
    Format("nt", (".nt",), False, _render_rdf("ntriples"), _save_store("ntriples"), aliases=("ntriples",)),
    Format("jsonld", (".jsonld", ".json"), False, _render_jsonld, _save_jsonld, aliases=("json-ld",), context=True),
    Format("trig", (".trig",), True, _render_rdf("trig"), _save_store("trig")),
    Format("nquads", (".nq",), True, _render_rdf("nquads"), _save_store("nquads"), aliases=("nq",)),
    Format("graphml", (".graphml",), False, _from_events(graphml_bytes)),
    Format("gexf", (".gexf",), False, _from_events(gexf_bytes)),
    Format("csv", (".csv",), False, _from_events(events_csv), aliases=("events",)),
    Format("gdelt", (".tsv",), False, _from_events(gdelt_text)),
    Format("actors", (".csv",), False, _from_events(actors_csv), aliases=("actors-csv",)),
    Format("neo4j", (), False, _folder_only, files=_neo4j_files),
    Format("facts", (".jsonl",), False, lambda source: facts_jsonl(open_oxigraph(source))),
)

#: Formats by name.
BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
#: ``--format`` values of ``kg export``.
EXPORT_FORMATS: tuple[str, ...] = tuple(BY_NAME)
#: Formats ``kg build -o`` writes, by suffix.
GRAPH_SUFFIXES: dict[str, Format] = {s: f for f in FORMATS if f.save is not None for s in f.suffixes}


def check_format(fmt: str) -> str:
    """The format name, or a one-line error listing the known ones."""
    name = fmt.strip().lower()
    name = next((f.name for f in FORMATS if name in f.aliases), name)
    if name not in BY_NAME:
        raise KGError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    return name


def for_output(target: Path) -> Format:
    """The RDF format of a graph file to build, from its suffix (a one-line error for others)."""
    found = GRAPH_SUFFIXES.get(Path(target).suffix.lower())
    if found is None:
        known = ", ".join(GRAPH_SUFFIXES)
        raise KGError(f"-o {target}: unknown graph format {Path(target).suffix or '(no suffix)'!r}; use {known}")
    return found


def render(source: Path, fmt: str) -> str | bytes:
    """The export of a graph file or store in ``fmt`` (text, or bytes for GraphML/GEXF)."""
    return BY_NAME[check_format(fmt)].render(source)


def save_build(store: GraphStore, target: Path, union: Graph | None = None) -> None:
    """Write a built graph in the format of ``target``'s suffix (TriG and N-Quads keep the named graphs)."""
    save = for_output(target).save
    assert save is not None
    save(store, union, target)


def export_to(source: Path, fmt: str, output: Path) -> list[Path]:
    """Write the export of ``source`` to ``output`` (atomically); the files written."""
    found = BY_NAME[check_format(fmt)]
    if found.files is not None:
        if output.exists() and not output.is_dir():
            raise KGError(f"-o {output}: exists and is not a folder")
        return _write_folder(found.files(source), output)
    check_target(output)
    content = found.render(source)
    written = [output]
    if isinstance(content, bytes):
        data = content

        def write(path: Path) -> None:
            path.write_bytes(data)

        write_with(output, write)
    else:
        write_text_atomic(output, content)
    if found.context:
        context = context_path(output)
        write_text_atomic(context, json.dumps(jsonld_context(), indent=1) + "\n")
        written.append(context)
    return written


def _write_folder(files: dict[str, str], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        write_text_atomic(folder / name, text)
        written.append(folder / name)
    return written


__all__ = [
    "BY_NAME",
    "EXPORT_FORMATS",
    "FORMATS",
    "GRAPH_SUFFIXES",
    "Format",
    "check_format",
    "event_table",
    "export_to",
    "for_output",
    "load_dataset",
    "render",
    "save_build",
]
