"""The library API: one thin function per thing the tool does, over the engines and stages.

The ``kg`` command (:mod:`kg.cli`) is a thin layer over these functions (and
:mod:`kg.errors`); notebooks and scripts may use them the same way::

    from kg import api
    report, target = api.build([Path("articles/")], Path("news.nt"))   # the format follows the suffix
    report = api.update_store([Path("today/")], Path("kgstore"))
    api.export(Path("kgstore"), "trig", Path("all.trig"))

Errors meant for users are :class:`~kg.errors.KGError` (one line). Large stacks (spaCy, SHACL, the web
server, Dask, training) are imported when first used, so ``kg --help`` starts at once (no hidden cycles).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import check_target
from .errors import KGError
from .model import ArticleResult, BuildReport
from .resources import sample_corpus_dir

if TYPE_CHECKING:
    from rdflib import Graph

    from .audit import AuditReport
    from .distributed import DistributedBuild
    from .evaluate import Evaluation
    from .gazetteer import Problem
    from .insights import Overview
    from .knowledge import ActorRecord, Knowledge
    from .persist import GraphStore
    from .push import PushReport
    from .query import Answer
    from .train import SilverReport, TrainReport
    from .validate import ValidationReport, Violation

OnArticle = Callable[[ArticleResult], None] | None
OnReport = Callable[[BuildReport], None] | None
OnPhase = Callable[[str], None]


def _quiet(_: str) -> None:
    """An ``on_phase`` that shows nothing."""


def sources(paths: Iterable[Path] | None) -> list[Path]:
    """The inputs of a build (each checked: exists, readable), else the sample corpus."""
    from .read import check_inputs

    check_inputs(given := list(paths or []))
    return given or [sample_corpus_dir()]


def count_articles(paths: Iterable[Path]) -> int:
    """How many articles the inputs hold (files, and rows of tables), for progress bars."""
    from .read import count_articles as count

    return count(paths)


def check_output(target: Path) -> None:
    """Refuse (a one-line :class:`KGError`) a suffix naming no RDF format, a folder, FIFO, missing folder."""
    from .formats import for_output

    for_output(target)
    check_target(target)


def build(
    paths: Iterable[Path] | None,
    output: Path = Path("graph.ttl"),
    *,
    knowledge_dirs: Iterable[Path] = (),
    model_dir: Path | None = None,
    jobs: int = 1,
    default_date: date | None = None,
    validate: bool = True,
    on_article: OnArticle = None,
    on_extracted: OnReport = None,
    on_violations: Callable[[list[Violation]], None] | None = None,
    on_phase: OnPhase = _quiet,
) -> BuildReport:
    """Build the graph of a corpus in memory and write it to ``output`` (its format from its suffix).

    With ``validate`` a graph violating the SHACL shapes is not written: ``on_violations``
    sees the violations, then a :class:`KGError` is raised. No readable article is an error too.
    ``on_extracted`` sees the report once extraction is done, before these checks;
    ``on_phase`` the name of each long step after extraction (merge, validation, write).
    """
    from .build import build_store
    from .formats import save_build

    check_output(output)
    inputs = sources(paths)
    memory, report = build_store(
        inputs, knowledge_dirs=knowledge_dirs, model_dir=model_dir, jobs=jobs, default_date=default_date,
        on_article=on_article, on_phase=on_phase,
    )  # fmt: skip
    if on_extracted is not None:
        on_extracted(report)
    _require_articles(report, inputs)
    # The union is for validation (and JSON-LD): TriG and N-Quads are written from the named graphs.
    union = _conforming(memory, on_violations, f"{output} was not written", on_phase) if validate else None
    on_phase(f"writing {output}")
    save_build(memory, output, union)
    return report


def update_store(
    paths: Iterable[Path] | None,
    store: Path,
    output: Path | None = None,
    *,
    knowledge_dirs: Iterable[Path] = (),
    model_dir: Path | None = None,
    jobs: int = 1,
    default_date: date | None = None,
    validate: bool = True,
    on_article: OnArticle = None,
    on_extracted: OnReport = None,
    on_phase: OnPhase = _quiet,
) -> BuildReport:
    """Add the articles to the on-disk store (created if new); also write the whole graph to ``output``."""
    from .build import update_store as update
    from .formats import save_build
    from .persist import GraphStore

    if output is not None:
        check_output(output)
    inputs = sources(paths)
    report = update(
        inputs, store, knowledge_dirs=knowledge_dirs, model_dir=model_dir, jobs=jobs, default_date=default_date,
        on_article=on_article, validate=validate, on_phase=on_phase,
    )  # fmt: skip
    if on_extracted is not None:
        on_extracted(report)
    if not report.unchanged:
        _require_articles(report, inputs)
    if output is not None:
        on_phase(f"writing {output}")
        with GraphStore.open(store, read_only=True) as opened:
            save_build(opened, output)
    return report


def _require_articles(report: BuildReport, inputs: Sequence[Path]) -> None:
    if report.articles == 0:
        raise KGError("no readable articles in " + ", ".join(map(str, inputs)))


def _conforming(
    memory: GraphStore, on_violations: Callable[[list[Violation]], None] | None, then: str, on_phase: OnPhase
) -> Graph:
    """The store's union graph, checked against the SHACL shapes (a :class:`KGError` if it does not conform)."""
    from .validate import validate_graph

    on_phase("validating against the SHACL shapes")
    outcome = validate_graph(graph := memory.union(), memory.oxigraph())
    if not outcome.conforms:
        if on_violations is not None:
            on_violations(list(outcome.violations))
        raise KGError(f"the graph does not conform to the SHACL shapes; {then}")
    return graph


def build_distributed(
    paths: Iterable[Path] | None,
    output_dir: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    knowledge_dirs: Iterable[Path] = (),
    model_dir: Path | None = None,
    default_date: date | None = None,
    partition_size: int = 200,
    validate: bool = True,
    on_partition: Callable[[int, int], None] | None = None,
) -> DistributedBuild:
    """The build as a Dask job writing a folder of N-Quads shards (:mod:`kg.distributed`)."""
    from .distributed import build_distributed as run
    from .distributed import require_dask

    require_dask()
    return run(
        list(paths or []), output_dir, scheduler=scheduler, workers=workers, knowledge_dirs=knowledge_dirs,
        model_dir=model_dir, default_date=default_date, partition_size=partition_size, validate=validate,
        on_partition=on_partition,
    )  # fmt: skip


def graph_suffixes() -> set[str]:
    """Suffixes of single graph files (which a Dask build's shard folder must not have)."""
    from .formats import GRAPH_SUFFIXES

    return {*GRAPH_SUFFIXES, ".rdf", ".xml"}


def remove(identifiers: Iterable[str], store: Path) -> tuple[list[str], list[str]]:
    """Retract articles from a store; returns (removed, not found)."""
    from .build import remove_articles

    return remove_articles(identifiers, store)


# ---------------------------------------------------------------- reading a graph


def load(graph_file: Path) -> Graph:
    """A graph file, or a store folder opened read-only."""
    from .store import load_graph

    return load_graph(graph_file)


def export(source: Path, fmt: str, output: Path | None = None) -> list[Path] | str | bytes:
    """Export a graph or store: the files written to ``output``, else the content itself."""
    from .formats import check_format, export_to, render

    name = check_format(fmt)  # and export_to checks the output before rendering
    return render(source, name) if output is None else export_to(source, name, output)


def query(graph_file: Path, sparql: str, *, limit: int | None = None, offset: int = 0, every: bool = False) -> Answer:
    """Run a SPARQL query (a ``.rq`` file, a shipped query's name, or text) on a graph or store, in Oxigraph.

    A listing query with an events page (:func:`kg.query.event_page`) is paged by events
    (``every``: all of them); any other query by rows.
    """
    from .query import page_request, read_query
    from .summaries import answer_query

    text, page, limit, offset = page_request(read_query(sparql), limit, offset, every)
    return answer_query(graph_file, text, page, limit=limit, offset=offset)


def explain(target: str, graph_file: Path) -> str:
    """Every fact on an event or actor, with its sentences and articles."""
    from .explain import explain as explain_text

    return explain_text(load(graph_file), target)


def stats(graph_file: Path, top: int = 10) -> dict[str, Any]:
    """Counts and a network analysis of a graph."""
    from .summaries import statistics

    return statistics(graph_file, top=top)


def overview(source: Path | Graph, top: int = 10) -> Overview:
    """Calls per pair over time, actor × goal counts, centrality and timeline (:func:`kg.insights.overview`)."""
    from .insights import overview as answer

    return answer(load(source) if isinstance(source, Path) else source, top)


def validate(graph_file: Path) -> ValidationReport:
    """The SHACL report of a graph or store."""
    from .validate import validate_graph

    return validate_graph(load(graph_file))


def viz(graph_file: Path, output: Path, top: int = 150) -> int:
    """Write the offline network page; how many actors it draws."""
    from .summaries import network_page

    check_target(output)
    return network_page(graph_file, output, top=top)


def serve(
    graph_file: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    max_rows: int = 10_000,
    workers: int = 2,
    verbose: bool = False,
    cors: Sequence[str] = (),
    worker_memory_mb: int | None = 4096,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve a dataset (file or store): read-only SPARQL, query editor, network page, until interrupted."""
    from .serve import ServeOptions
    from .serve import serve as run_server
    from .web.sparql import Limits

    limits = Limits(timeout=timeout, max_rows=max_rows, worker_memory_mb=worker_memory_mb)
    run_server(graph_file, ServeOptions(host, port, limits, workers, verbose, tuple(cors)), on_ready=on_ready)


# ---------------------------------------------------------------- knowledge, scores and models


def knowledge(knowledge_dirs: Iterable[Path] = ()) -> Knowledge:
    """The shipped knowledge with extra folders."""
    from .knowledge import load_knowledge

    return load_knowledge(knowledge_dirs)


def check_knowledge(data: Knowledge) -> list[Problem]:
    """Problems in the knowledge files."""
    from .gazetteer import check_knowledge as check

    return list(check(data))


def search_actors(data: Knowledge, search: str, kind: str | None) -> list[ActorRecord]:
    """Gazetteer actors whose names or spellings contain ``search``."""
    from .gazetteer import search_actors as search_in

    return list(search_in(data, search, kind))


def evaluate(
    gold_dir: Path,
    corpus: Path | None = None,
    actors: Path | None = None,
    knowledge_dirs: Iterable[Path] = (),
    json_out: Path | None = None,
    split: str | None = None,
    splits: Path | None = None,
) -> tuple[Evaluation, BuildReport]:
    """Build the graph of the gold's articles (one split of ``splits.json``, if named) and score it."""
    from .quality import evaluate_gold

    return evaluate_gold(gold_dir, corpus, actors, knowledge_dirs, json_out, split, splits)


def audit(
    paths: Iterable[Path], knowledge_dirs: Iterable[Path] = (), examples: int = 3, json_out: Path | None = None
) -> tuple[AuditReport, list[str]]:
    """Recall audit without gold: silent call and goal sentences by guessed phenomenon."""
    from .quality import audit_corpus

    return audit_corpus(paths, knowledge_dirs, examples, json_out)


def measures() -> tuple[str, ...]:
    """The measures :func:`evaluate` scores, in display order."""
    from .evaluate import MEASURES

    return tuple(MEASURES)


def train(gold_dirs: Sequence[Path], out: Path, **options: Any) -> TrainReport:
    """Train a statistical model (:func:`kg.train.train_model`)."""
    from .train import train_model

    return train_model(gold_dirs, out, **options)


def silver(
    paths: Sequence[Path], out: Path, knowledge_dirs: Iterable[Path] = (), default_date: date | None = None
) -> SilverReport:
    """Label unannotated articles with the rules (:func:`kg.train.write_silver`)."""
    from .train import write_silver

    return write_silver(paths, out, knowledge_dirs=list(knowledge_dirs), default_date=default_date)


def push(
    sources: Sequence[Path],
    endpoint: str,
    *,
    headers: Sequence[str] = (),
    user: str | None = None,
    password: str | None = None,
    **options: Any,
) -> PushReport:
    """Bulk-load shards, graph files or stores into a SPARQL server (:func:`kg.push.push`)."""
    from .push import basic_auth, parse_header
    from .push import push as push_quads

    found = dict(parse_header(h) for h in headers)
    if user is not None:
        found.update(basic_auth(user, password or ""))
    return push_quads(list(sources), endpoint, headers=found, **options)


__all__ = [
    "audit", "build", "build_distributed", "check_knowledge", "check_output", "count_articles", "evaluate", "explain",
    "export", "graph_suffixes", "knowledge", "load", "measures", "overview", "push", "query", "remove",
    "search_actors", "serve", "silver", "sources", "stats", "train", "update_store", "validate", "viz",
]  # fmt: skip
