"""The build as a Dask job: ``kg build --engine dask [--scheduler ADDRESS] -o SHARDS/``.

The corpus is cut into partitions (article files, line ranges of JSON Lines files, row
ranges of Parquet files); each partition is one task that reads its articles, extracts
them and returns its article graphs as N-Quads — one shard per partition. The merge of
reports into events needs every report of a key at once, so the tasks also return their
reports (small records, :class:`kg.reports.Report`) and the client merges them with
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
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV

from .errors import KGError
from .model import BuildReport
from .partitions import (
    DEFAULT_PARTITION_SIZE,
    Partition,
    PartitionOutput,
    build_partition,
    merge_events,
    nquads,
    plan_partitions,
)
from .rdf import ACTOR_CLASS, EVENT_CLASS, KG, SCHEMA
from .read import (
    CLUSTER_HINT,
)
from .reports import Report
from .resources import sample_corpus_dir
from .workers import ExtractorSpec

#: File name of partition ``i``'s shard, and of the merged events' shard.
SHARD_NAME = "part-{:05d}.nq"
EVENTS_SHARD = "events.nq"


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
        for party in report.parties:
            view.add((report.iri, KG.mediationParty, party))
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
            cluster = _local_cluster(dask, workers)
        with _client(dask, cluster, scheduler) as client:
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


def _local_cluster(dask: Any, workers: int | None) -> Any:
    """A local cluster of ``workers`` one-thread processes (default: one per core)."""
    return dask.LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        # The nannies' warnings (slow worker shutdown …) are noise to a build's user.
        silence_logs=logging.ERROR,
    )


def _client(dask: Any, cluster: Any, scheduler: str | None) -> Any:
    try:
        return dask.Client(cluster if cluster is not None else scheduler, timeout="30s")
    except OSError as error:
        raise KGError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None


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
    data, count = nquads(events)
    (folder / EVENTS_SHARD).write_bytes(data)
    shards = [folder / SHARD_NAME.format(o.index) for o in outputs] + [folder / EVENTS_SHARD]
    return DistributedBuild(report, folder, shards, len(outputs), quads + count)


__all__ = [
    "EVENTS_SHARD",
    "DistributedBuild",
    "build_distributed",
    "require_dask",
]
