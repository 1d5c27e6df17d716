"""The partitions of a Dask build (:mod:`kg.distributed`): planned, read, and built on a worker.

The corpus is cut into article files, line ranges of JSON Lines files and row ranges of
Parquet files (:func:`plan_partitions`); a task reads one partition's articles through the
one reader of :mod:`kg.read` (:func:`read_partition`), extracts them with the worker's
extractor (:mod:`kg.workers`) and returns its shard and reports (:func:`build_partition`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef

from .build import shape_check
from .errors import InputError, KGError
from .merge import merged_graph
from .model import Article
from .ntriples import in_graph, to_ntriples
from .rdf import ACTOR_CLASS, TripleSet, actor_iri, article_triples
from .read import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    articles_from_records,
    expand_inputs,
    find_article_files,
    jsonl_records,
    parquet_module,
    parquet_records,
    read_article,
)
from .reports import MergeKey, Report, reports_in
from .workers import ExtractorSpec, Skipped, extract_safely, worker_extractor

#: Articles per partition unless told otherwise (one task each).
DEFAULT_PARTITION_SIZE = 200


# ---------------------------------------------------------------- planning


@dataclass(frozen=True)
class Partition:
    """A slice of the corpus that one task reads: article files, or a range of a table file.

    ``kind`` is ``"files"`` (``files`` lists them), ``"jsonl"`` (bytes ``start``–``stop``
    of ``source``, whose first line is line ``first_line``) or ``"parquet"`` (rows
    ``start``–``stop`` of row group ``row_group`` of ``source``).
    """

    index: int
    kind: str
    files: tuple[str, ...] = ()
    source: str = ""
    start: int = 0
    stop: int = 0
    first_line: int = 1
    row_group: int = 0


def _jsonl_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """``(start byte, stop byte, first line number)`` of blocks of ``size`` lines."""
    start, offset, line, lines = 0, 0, 1, 0
    with path.open("rb") as handle:
        for raw in handle:
            offset += len(raw)
            lines += 1
            if lines == size:
                yield start, offset, line
                start, line, lines = offset, line + lines, 0
    if offset > start:
        yield start, offset, line


def plan_partitions(
    inputs: Iterable[str | Path], size: int = DEFAULT_PARTITION_SIZE
) -> tuple[list[Partition], list[str]]:
    """Cut the corpus into partitions of at most ``size`` articles, in input order.

    Inputs are article files, folders of them (``*.txt``, as :func:`kg.build.build`
    reads them), glob patterns, JSON Lines files (``.jsonl``) and Parquet files
    (``.parquet``) of articles. JSON Lines files are scanned once here for line
    boundaries; Parquet files are cut within their row groups. Returns the partitions
    and one line per input that cannot be read (missing paths, patterns matching nothing).
    """
    if size < 1:
        raise KGError(f"partition size must be at least 1, not {size}")
    problems: list[str] = []
    partitions: list[Partition] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            partitions.append(Partition(len(partitions), "files", files=tuple(pending)))
            pending.clear()

    for path in expand_inputs(inputs, problems):
        suffix = path.suffix.lower()
        if path.is_file() and suffix in JSONL_SUFFIXES | PARQUET_SUFFIXES:
            flush()
            for start, stop, line, group in _table_ranges(path, size):
                partitions.append(
                    Partition(
                        len(partitions),
                        "jsonl" if suffix in JSONL_SUFFIXES else "parquet",
                        source=str(path.resolve()),
                        start=start,
                        stop=stop,
                        first_line=line,
                        row_group=group,
                    )
                )
            continue
        for item in find_article_files([path]):
            if isinstance(item, InputError):
                problems.append(str(item))
                continue
            pending.append(str(item.resolve()))
            if len(pending) == size:
                flush()
    flush()
    return partitions, problems


def _table_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int, int]]:
    """``(start, stop, first line, row group)`` of the partitions of a table file."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        for start, stop, line in _jsonl_ranges(path, size):
            yield start, stop, line, 0
        return
    parquet = parquet_module(path)
    try:
        metadata = parquet.ParquetFile(str(path)).metadata
    except Exception as error:  # pyarrow raises its own ArrowInvalid/OSError types
        raise InputError(path, f"not a readable Parquet file ({str(error).splitlines()[0][:200]})") from None
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        for start in range(0, rows, size):
            yield start, min(rows, start + size), 1, group


# ---------------------------------------------------------------- reading a partition


def read_partition(partition: Partition, problems: list[str]) -> Iterator[Article]:
    """The articles of a partition, in order; unreadable ones are recorded in ``problems``."""
    if partition.kind == "files":
        for name in partition.files:
            try:
                yield read_article(Path(name))
            except InputError as error:
                problems.append(str(error))
        return
    source = Path(partition.source)
    if partition.kind == "jsonl":
        records = jsonl_records(source, partition.start, partition.stop, partition.first_line)
    else:
        records = parquet_records(source, partition.row_group, partition.start, partition.stop)
    yield from articles_from_records(records, problems)


# ---------------------------------------------------------------- the task


@dataclass
class PartitionOutput:
    """What one task returns: its shard, its reports for the merge, and its counts."""

    index: int
    nquads: bytes
    quads: int
    article_ids: list[str]
    problems: list[str]
    facts: Counter[str]
    notes: list[str]
    reports: list[Report]
    #: Actor IRIs by kind (for the report's counts and the events' validation).
    actors: dict[str, set[str]]
    #: Arabic label chosen for each unknown person, by the first article naming them.
    labels: dict[str, str] = field(default_factory=dict)


def nquads(graphs: Iterable[Graph | TripleSet]) -> tuple[bytes, int]:
    """Named graphs as N-Quads (simple literals written plain), and how many quads."""
    text = "".join(in_graph(to_ntriples(graph), URIRef(str(graph.identifier))) for graph in graphs)
    return text.encode("utf-8"), text.count("\n")


def build_partition(
    partition: Partition,
    config: ExtractorSpec,
    default_date: date | None = None,
    labels: Mapping[str, str] | None = None,
    validate: bool = True,
) -> PartitionOutput:
    """Extract one partition into its shard (runs on a worker).

    ``labels`` imposes Arabic labels on unknown people (those chosen by earlier
    partitions). With ``validate`` the partition's article graphs are checked against
    the SHACL shapes; a violation raises a :class:`~kg.errors.KGError`.
    """
    try:
        return _build_partition(partition, config, default_date, labels or {}, validate)
    except KGError as error:
        # Subclasses with their own constructors (InputError) do not unpickle on the client.
        raise KGError(f"partition {partition.index}: {error}") from None


def _build_partition(
    partition: Partition,
    config: ExtractorSpec,
    default_date: date | None,
    imposed: Mapping[str, str],
    validate: bool,
) -> PartitionOutput:
    extractor = worker_extractor(config)
    problems: list[str] = []
    chosen: dict[URIRef, Literal] = {URIRef(node): Literal(label, lang="ar") for node, label in imposed.items()}
    own: dict[str, str] = {}
    graphs: list[TripleSet] = []
    output = PartitionOutput(partition.index, b"", 0, [], problems, Counter(), [], [], {})
    for result in extract_safely(extractor, read_partition(partition, problems), default_date):
        if isinstance(result, Skipped):
            problems.append(str(result))
            continue
        for actor in result.actors.values():
            node = actor_iri(actor.key)
            if not actor.known and node not in chosen:
                chosen[node] = Literal(actor.label_ar, lang="ar")
                own[str(node)] = actor.label_ar
        graph = article_triples(result, extractor.knowledge, chosen)
        graphs.append(graph)
        output.article_ids.append(result.article.identifier)
        output.facts.update(f.relation for f in result.facts)
        output.notes.extend(f"{result.article.identifier}: {note}" for note in result.notes)
        output.reports.extend(reports_in(graph))
    if validate and graphs:
        # Reports must belong to an event: check them with the partition's own events
        # (the events of the whole corpus are checked on the client, see _check_events).
        view = Graph()
        for graph in graphs:
            view.addN((s, p, o, view) for s, p, o in graph)
        for events in merge_events(output.reports):
            view += events
        shape_check()(view)
    for kind, cls in ACTOR_CLASS.items():
        output.actors[kind] = {str(s) for graph in graphs for s in graph.subjects(RDF.type, cls)}
    output.labels = own
    output.nquads, output.quads = nquads(graphs)
    return output


# ---------------------------------------------------------------- merging


def merge_events(reports: Iterable[Report]) -> list[Graph]:
    """The named graphs of the merged events of ``reports`` (one per merge key)."""
    by_key: dict[MergeKey, list[Report]] = defaultdict(list)
    for report in reports:
        by_key[report.key].append(report)
    graphs = []
    for key in sorted(by_key):
        graph = merged_graph(key, by_key[key])
        if graph is not None:
            graphs.append(graph)
    return graphs


__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "Partition",
    "PartitionOutput",
    "build_partition",
    "merge_events",
    "nquads",
    "plan_partitions",
    "read_partition",
]
