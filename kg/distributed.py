"""The build as a Dask job: ``kg build --engine dask [--scheduler ADDRESS] -o SHARDS/``.

The corpus is cut into partitions (article files, line ranges of JSON Lines files, row
ranges of Parquet files); each partition is one task that reads its articles, extracts
them and returns its article graphs as N-Quads — one shard per partition. The merge of
reports into events needs every report of a key at once, so the tasks also return their
reports (small records, :class:`kg.merge.Report`) and the client merges them with
:mod:`kg.merge` into one more shard, ``events.nq``::

    from kg.distributed import build_distributed
    outcome = build_distributed(["corpus.jsonl"], Path("shards"), scheduler="tcp://10.0.0.5:8786")

The union of the shards is the same dataset as the one-process build of the same
articles in the same order (:func:`kg.build.build_store` written as N-Quads): same IRIs,
same named graphs, same quads. One thing in an article graph depends on the articles
before it: an unknown person met under several spellings keeps the spelling of the first
article that names them. Each task applies that rule within its partition and returns
the spellings it chose; a partition whose choice differs from an earlier partition's is
extracted again with the earlier spelling imposed (rare: it takes the same unknown
person, spelled differently, in two partitions).

Workers must be able to read the input paths, the knowledge folders and the model folder
(a shared file system, or the same paths on every machine). Shards come back to the
client, which writes them: the output folder need only exist where the client runs.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV

from .build import shape_check
from .errors import InputError, KGError
from .merge import MergeKey, Report, merged_graph, reports_in
from .model import Article, BuildReport
from .ntriples import in_graph, to_ntriples
from .rdf import ACTOR_CLASS, EVENT_CLASS, KG, SCHEMA, TripleSet, actor_iri, article_triples
from .read import (
    CLUSTER_HINT,
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
from .resources import sample_corpus_dir
from .workers import ExtractorSpec, worker_extractor

#: Articles per partition unless told otherwise (one task each).
DEFAULT_PARTITION_SIZE = 200
#: File name of partition ``i``'s shard, and of the merged events' shard.
SHARD_NAME = "part-{:05d}.nq"
EVENTS_SHARD = "events.nq"
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


def _nquads(graphs: Iterable[Graph | TripleSet]) -> tuple[bytes, int]:
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
    for result in extractor.extract_many(read_partition(partition, problems), default_date):
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
    output.nquads, output.quads = _nquads(graphs)
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


def _check_events(events: list[Graph], reports: list[Report], actors: Mapping[str, set[str]]) -> None:
    """Validate the event nodes, with the types of what they point at in the article shards."""
    from .validate import validate_graph

    view = Graph()
    for graph in events:
        view += graph
    nodes = {str(s) for graph in events for cls in EVENT_CLASS.values() for s in graph.subjects(RDF.type, cls)}
    for report in reports:
        # What the event shapes follow from an event to its reports (kept in the article shards).
        view.add((report.iri, RDF.type, KG.EventReport))
        view.add((report.iri, KG.reportedType, EVENT_CLASS[report.relation]))
        view.add((report.iri, PROV.wasDerivedFrom, report.article))
        view.add((report.article, RDF.type, SCHEMA.NewsArticle))
        for participant in report.participants:
            view.add((report.iri, KG.participant, participant))
        for prop, value in (
            (KG.agent, report.agent),
            (KG.addressee, report.addressee),
            (KG.topic, report.topic),
            (KG.initiator, report.initiator),
        ):
            if value is not None:
                view.add((report.iri, prop, value))
        for evidence in report.evidence:
            view.add((report.iri, KG.hasEvidence, evidence))
            view.add((evidence, RDF.type, KG.Evidence))
    for kind, iris in actors.items():
        for iri in iris:
            view.add((URIRef(iri), RDF.type, ACTOR_CLASS[kind]))
    outcome = validate_graph(view)
    found = sorted({v.focus for v in outcome.violations if v.focus in nodes})
    if found:
        shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
        raise KGError(f"merged events violate the SHACL shapes at {shown}")


# ---------------------------------------------------------------- the job


@dataclass
class DistributedBuild:
    """What a Dask build wrote and found (``report.triples`` stays 0: see ``quads``)."""

    report: BuildReport
    output_dir: Path
    shards: list[Path]
    partitions: int
    #: Quads written, summed over the shards (an actor named by two articles counts twice).
    quads: int
    #: Partitions extracted again to give an unknown person an earlier partition's spelling.
    relabelled: list[int] = field(default_factory=list)


def _prepare_output(output_dir: Path) -> Path:
    """A fresh temporary folder beside ``output_dir`` (which must be new or empty)."""
    if output_dir.exists() and (not output_dir.is_dir() or any(output_dir.iterdir())):
        raise KGError(f"{output_dir}: exists and is not an empty folder; give a new or empty folder for the shards")
    parent = output_dir.parent if str(output_dir.parent) else Path(".")
    if not parent.is_dir():
        raise KGError(f"{output_dir}: folder {parent} does not exist")
    return Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.", suffix=".partial", dir=parent))


def require_dask() -> None:
    """Raise a one-line :class:`~kg.errors.KGError` when dask.distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise KGError(f"--engine dask needs dask.distributed: {CLUSTER_HINT}") from None


def build_distributed(
    inputs: Sequence[str | Path],
    output_dir: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    knowledge_dirs: Iterable[Path] = (),
    model_dir: Path | None = None,
    default_date: date | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    validate: bool = True,
    on_partition: Callable[[int, int], None] | None = None,
) -> DistributedBuild:
    """Build the graph of ``inputs`` (default: the samples) on a Dask cluster into N-Quads shards.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without
    it a local cluster of ``workers`` processes (default: one per core) runs the job.
    ``output_dir`` (new or empty) receives ``part-NNNNN.nq`` per partition and
    ``events.nq``; it appears only when the build succeeded. ``on_partition(done,
    total)`` is called as partitions finish. Raises :class:`~kg.errors.KGError` with a
    one-line message on bad input, a failed task or a SHACL violation.
    """
    require_dask()
    import distributed

    # Typed loosely: the cluster extra may be absent where mypy runs (the base install).
    dask: Any = distributed

    output_dir = Path(output_dir)
    partitions, problems = plan_partitions(list(inputs) or [sample_corpus_dir()], partition_size)
    config = ExtractorSpec.resolved(knowledge_dirs, model_dir)
    temporary = _prepare_output(output_dir)
    cluster = None
    try:
        if scheduler is None:
            cluster = dask.LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                # The nannies' warnings (slow worker shutdown …) are noise to a build's user.
                silence_logs=logging.ERROR,
            )
        try:
            client = dask.Client(cluster if cluster is not None else scheduler, timeout="30s")
        except OSError as error:
            raise KGError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
        with client:
            outputs, relabelled = _run(
                client, dask.as_completed, partitions, config, default_date, validate, temporary, on_partition
            )
        outcome = _finish(outputs, problems, temporary, validate)
        outcome.relabelled = relabelled
        if output_dir.exists():
            output_dir.rmdir()
        os.replace(temporary, output_dir)
        outcome.output_dir = output_dir
        outcome.shards = [output_dir / shard.name for shard in outcome.shards]
        return outcome
    finally:
        if cluster is not None:
            cluster.close()
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


def _run(
    client: Any,
    as_completed: Any,
    partitions: list[Partition],
    config: ExtractorSpec,
    default_date: date | None,
    validate: bool,
    folder: Path,
    on_partition: Callable[[int, int], None] | None,
) -> tuple[list[PartitionOutput], list[int]]:
    """Run the partition tasks, write their shards; redo those whose labels an earlier one decided."""

    def submit(partition: Partition, labels: Mapping[str, str] | None = None) -> Any:
        # pure=False: a retried build must not reuse results cached by the scheduler.
        return client.submit(build_partition, partition, config, default_date, labels, validate, pure=False)

    def write(output: PartitionOutput) -> None:
        (folder / SHARD_NAME.format(output.index)).write_bytes(output.nquads)
        output.nquads = b""  # written: keep only the small records in memory

    def result(future: Any) -> PartitionOutput:
        try:
            output: PartitionOutput = future.result()
        except KGError:
            raise
        except Exception as error:  # a worker died, a task could not be sent …
            raise KGError(f"a partition task failed: {type(error).__name__}: {error}") from None
        return output

    outputs: dict[int, PartitionOutput] = {}
    for done, future in enumerate(as_completed([submit(p) for p in partitions]), start=1):
        output = result(future)
        write(output)
        outputs[output.index] = output
        future.release()
        if on_partition is not None:
            on_partition(done, len(partitions))
    first: dict[str, str] = {}
    redo: dict[int, dict[str, str]] = {}
    for index in sorted(outputs):
        for node, label in outputs[index].labels.items():
            earlier = first.setdefault(node, label)
            if earlier != label:
                redo.setdefault(index, {})[node] = earlier
    for future in as_completed([submit(partitions[i], labels) for i, labels in redo.items()]):
        output = result(future)
        write(output)
        output.labels = outputs[output.index].labels
        outputs[output.index] = output
    return [outputs[i] for i in sorted(outputs)], sorted(redo)


def _finish(outputs: list[PartitionOutput], problems: list[str], folder: Path, validate: bool) -> DistributedBuild:
    """Check identifiers, merge the events into their shard, and sum up the report."""
    report = BuildReport(problems=list(problems))
    seen: dict[str, int] = {}
    actors: dict[str, set[str]] = defaultdict(set)
    reports: list[Report] = []
    quads = 0
    for output in outputs:
        for identifier in output.article_ids:
            if identifier in seen:
                raise KGError(
                    f"article {identifier!r} is in partitions {seen[identifier]} and {output.index}: "
                    "article identifiers must be unique"
                )
            seen[identifier] = output.index
        report.articles += len(output.article_ids)
        report.added.extend(output.article_ids)
        report.problems.extend(output.problems)
        report.facts.update(output.facts)
        report.notes.extend(output.notes)
        for kind, iris in output.actors.items():
            actors[kind] |= iris
        reports.extend(output.reports)
        quads += output.quads
    if report.articles == 0:
        raise KGError("no readable articles in the input")
    events = merge_events(reports)
    if validate and events:
        _check_events(events, reports, actors)
    for relation, cls in EVENT_CLASS.items():
        report.events[relation] = sum(len(set(g.subjects(RDF.type, cls))) for g in events)
    report.actors.update({kind: len(iris) for kind, iris in actors.items()})
    data, count = _nquads(events)
    (folder / EVENTS_SHARD).write_bytes(data)
    shards = [folder / SHARD_NAME.format(o.index) for o in outputs] + [folder / EVENTS_SHARD]
    return DistributedBuild(report, folder, shards, len(outputs), quads + count)


__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "EVENTS_SHARD",
    "DistributedBuild",
    "Partition",
    "PartitionOutput",
    "build_distributed",
    "build_partition",
    "merge_events",
    "plan_partitions",
    "read_partition",
    "require_dask",
]
