"""The main job: read articles, extract facts, build the graph — with a report.

This is the engine behind :mod:`kg.api` (which the CLI wraps)::

    from kg.build import build, update_store
    graph, report = build([Path("articles/")])            # in memory, events merged
    report = update_store([Path("today/")], Path("kg-store"))  # add to an on-disk store
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Graph

from .errors import KGError
from .extraction import Extraction, unskipped
from .kept_reports import KeptReports
from .knowledge import Knowledge
from .model import Article, ArticleResult, BuildReport
from .ntriples import PreparedArticle
from .persist import ADDED, REPLACED, UNCHANGED, GraphStore
from .rdf import ACTOR_CLASS, EVENT_CLASS, bind_prefixes
from .read import count_articles, read_articles
from .resources import sample_corpus_dir
from .summaries import refresh_summary, summary_is_fresh
from .workers import extract_safely

if TYPE_CHECKING:  # the parent of a --jobs build never loads spaCy or the rules
    from .extract import Extractor

#: Articles between flushes of the on-disk store: Oxigraph buffers writes in memory until
#: flushed, and a build that never flushes grows by about 0.3 MB an article.
FLUSH_EVERY = 200
#: A file build of more articles than this keeps its graph in a temporary on-disk store
#: rather than in memory (about 0.18 MB an article there: 3.7 GB at 20,000 articles).
SPILL_ABOVE = 5_000
#: Articles a store build writes in one transaction (:meth:`GraphStore.put_many`): each
#: merge key they touch is recomputed once a batch rather than once an article.
WRITE_BATCH = 100
#: Triples from which a store build with ``jobs`` > 1 computes its summary in two processes
#: (:func:`kg.summaries.write_summaries`): below, starting a process costs more than it saves.
SUMMARY_PROCESS_ABOVE = 100_000


def count_article_files(paths: Iterable[Path]) -> int:
    """How many articles the paths hold (for progress bars): files, and rows of tables."""
    return count_articles(paths)


def extract_results(
    paths: Iterable[Path],
    extractor: Extractor,
    report: BuildReport,
    default_date: date | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
) -> Iterator[ArticleResult]:
    """Stream extraction results for the articles under ``paths``."""
    for result in unskipped(
        extract_safely(extractor, read_articles(paths, report.problems, report.warnings), default_date), report.problems
    ):
        report.add(result)
        if on_article is not None:
            on_article(result)
        yield result


def build(
    paths: Iterable[Path] = (),
    *,
    knowledge_dirs: Iterable[Path] = (),
    default_date: date | None = None,
    extractor: Extractor | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    model_dir: Path | None = None,
    jobs: int = 1,
) -> tuple[Graph, BuildReport]:
    """Build the knowledge graph of the articles under ``paths`` (default: the samples).

    The graph is the union of the article graphs and the merged events; see
    :func:`build_store` for the same kept apart as named graphs (and ``jobs``).
    """
    store, report = build_store(
        paths,
        knowledge_dirs=knowledge_dirs,
        default_date=default_date,
        extractor=extractor,
        on_article=on_article,
        model_dir=model_dir,
        jobs=jobs,
    )
    return store.union(), report


def build_store(
    paths: Iterable[Path] = (),
    *,
    knowledge_dirs: Iterable[Path] = (),
    default_date: date | None = None,
    extractor: Extractor | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    model_dir: Path | None = None,
    jobs: int = 1,
    on_phase: Callable[[str], None] | None = None,
) -> tuple[GraphStore, BuildReport]:
    """Build the graph of a corpus with its named graphs (articles, events), in memory or, when large, on disk.

    A corpus of more than :data:`SPILL_ABOVE` articles is built in a temporary store on
    disk, removed with the store. ``jobs`` > 1 extracts in that many worker processes
    (see :class:`Extraction`); the graph is the same as with one. ``on_phase`` sees the
    name of each step after extraction.
    """
    paths = list(paths) or [sample_corpus_dir()]
    extraction = Extraction(knowledge_dirs, model_dir=model_dir, extractor=extractor, jobs=jobs)
    report = BuildReport()
    store, folder = _build_target(paths)
    # The reports are kept for the one merge at the end rather than read back from the
    # store (by article: an identifier given twice replaces its graph), on disk beside a
    # spilled store.
    kept = KeptReports(None if folder is None else folder / "reports.sqlite")
    for prepared in extraction.prepared(
        read_articles(paths, report.problems, report.warnings), default_date, report.problems
    ):
        result = prepared.result
        report.add(result)
        store.put(prepared, extraction.knowledge, merge=False)
        if report.articles % FLUSH_EVERY == 0:
            store.flush()
        kept.keep(result.article.identifier, prepared.reports)
        report.added.append(result.article.identifier)
        if on_article is not None:
            on_article(result)
    if on_phase is not None:
        on_phase("merging reports into events")
    store.recompute(grouped=kept.by_key())
    kept.close()
    if on_phase is not None:
        on_phase("counting actors and events")
    count_nodes(store.view, report)
    report.triples = len(store.view)
    return store, report


def _build_target(paths: list[Path]) -> tuple[GraphStore, Path | None]:
    """Where a file build keeps its graph: in memory, or past :data:`SPILL_ABOVE` articles in a temporary folder.

    The folder (returned, for other scratch files of the build) is removed when the
    store is collected (or at exit).
    """
    if count_articles(paths) <= SPILL_ABOVE:
        return GraphStore.in_memory(), None
    folder = Path(tempfile.mkdtemp(prefix="kg-build-"))
    store = GraphStore.open(folder / "store")
    weakref.finalize(store, shutil.rmtree, folder, ignore_errors=True)
    return store, folder


def count_nodes(graph: Graph, report: BuildReport) -> None:
    """Fill in the report's actor and event counts from a graph."""
    # A graph holds each triple once, so counting type triples counts nodes without a set
    # of them all (which would grow with the corpus).
    for kind, cls in ACTOR_CLASS.items():
        report.actors[kind] = sum(1 for _ in graph.triples((None, RDF.type, cls)))
    for relation, cls in EVENT_CLASS.items():
        report.events[relation] = sum(1 for _ in graph.triples((None, RDF.type, cls)))


def shape_check(on_fail: Callable[[list[Any]], None] | None = None) -> Callable[[Graph], None]:
    """A check for :meth:`GraphStore.put` that refuses graphs violating the SHACL shapes.

    It raises a :class:`~kg.errors.KGError` naming the offending nodes; ``on_fail`` first
    sees the violations (:class:`kg.validate.Violation`).
    """
    from .validate import ShapeValidator

    validator = ShapeValidator()

    def check(graph: Graph) -> None:
        bind_prefixes(graph)
        outcome = validator.validate(graph)
        if not outcome.conforms:
            if on_fail is not None:
                on_fail(list(outcome.violations))
            nodes = sorted({str(v.focus) for v in outcome.violations})
            shown = ", ".join(nodes[:5]) + (f" and {len(nodes) - 5} more" if len(nodes) > 5 else "")
            raise KGError(f"{len(outcome.violations)} SHACL shape violations at {shown}")

    return check


def update_store(
    paths: Iterable[Path],
    store_dir: Path,
    *,
    knowledge_dirs: Iterable[Path] = (),
    default_date: date | None = None,
    extractor: Extractor | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    validate: bool = True,
    force: bool = False,
    model_dir: Path | None = None,
    jobs: int = 1,
    on_phase: Callable[[str], None] | None = None,
) -> BuildReport:
    """Add the articles under ``paths`` to the on-disk store in ``store_dir`` (created if new).

    An article already stored with the same text and metadata is skipped before
    extraction (``force`` re-extracts it, and rewrites it only if its graph changed);
    a changed one replaces its named graph. Articles are written :data:`WRITE_BATCH` at a
    time, each batch in one transaction with the events it touches (:func:`write_prepared`):
    a build killed at any point leaves the store as before or after a batch, and a rerun
    adds what is missing. Each article is first checked with SHACL (``validate``): a
    violation is one line in the report's problems, naming the article and the offending
    nodes; that article is not written, and the rest of its batch is.

    Articles stream through in batches (read, extracted, written), so memory does not
    grow with the corpus. ``jobs`` > 1 extracts in that many worker processes (see
    :class:`Extraction`); writes stay in this process, in input order, so the store is
    the same as with one. ``on_phase`` sees the name of the step after the writes.
    """
    extraction = Extraction(knowledge_dirs, model_dir=model_dir, extractor=extractor, jobs=jobs)
    report = BuildReport()
    check = shape_check() if validate else None
    fresh_summary = summary_is_fresh(store_dir)
    with GraphStore.open(store_dir) as store:

        def fresh(articles: Iterable[Article]) -> Iterator[Article]:
            for article in articles:
                if not force and store.unchanged(article):
                    report.unchanged.append(article.identifier)
                    continue
                yield article

        articles = fresh(read_articles(list(paths), report.problems, report.warnings))
        prepared = extraction.prepared(articles, default_date, report.problems, ahead=WRITE_BATCH)
        write_prepared(store, prepared, extraction.knowledge, report, check=check, force=force, on_article=on_article)
        if report.added or report.replaced:
            if on_phase is not None:
                on_phase("compacting the store")
            store.compact()
        if on_phase is not None:
            on_phase("counting actors and events")
        count_nodes(store.view, report)
        report.triples = len(store.view)
    if on_phase is not None:
        on_phase("writing the store's summary")
    jobs = extraction.jobs if report.triples >= SUMMARY_PROCESS_ABOVE else 1
    refresh_summary(store_dir, changed=bool(report.added or report.replaced), fresh=fresh_summary, jobs=jobs)
    return report


def write_prepared(
    store: GraphStore,
    items: Iterable[PreparedArticle],
    knowledge: Knowledge,
    report: BuildReport,
    *,
    check: Callable[[Graph], None] | None = None,
    force: bool = False,
    on_article: Callable[[ArticleResult], None] | None = None,
) -> None:
    """Write prepared articles to a store, :data:`WRITE_BATCH` at a time, each batch in one transaction.

    An article stored with the same text and metadata is skipped (unless ``force``); an
    identifier met again ends the batch, so that the later article replaces the earlier.
    """
    batch: dict[str, PreparedArticle] = {}

    def write() -> None:
        before = report.articles
        _put_batch(store, list(batch.values()), knowledge, check, report, on_article)
        batch.clear()
        if report.articles // FLUSH_EVERY != before // FLUSH_EVERY:
            store.flush()

    for prepared in items:
        identifier = prepared.result.article.identifier
        if identifier in batch:
            write()
        # Extraction runs a few batches ahead of the writes: an article whose
        # identifier came twice may have been stored meanwhile.
        if not force and store.unchanged(prepared.result.article):
            report.unchanged.append(identifier)
            continue
        batch[identifier] = prepared
        if len(batch) >= WRITE_BATCH:
            write()
    if batch:
        write()


def _put_batch(
    store: GraphStore,
    batch: list[PreparedArticle],
    knowledge: Knowledge,
    check: Callable[[Graph], None] | None,
    report: BuildReport,
    on_article: Callable[[ArticleResult], None] | None,
) -> None:
    """Store a batch in its transaction; an article the check refuses is a line of the report's problems."""
    for prepared, outcome in zip(batch, store.put_many(batch, knowledge, check=check), strict=True):
        identifier = prepared.result.article.identifier
        if isinstance(outcome, KGError):
            # Refused before the transaction ran: the store never holds it; the run goes on.
            report.problems.append(f"{identifier}: not stored: {outcome}")
            continue
        report.add(prepared.result)
        {ADDED: report.added, REPLACED: report.replaced, UNCHANGED: report.unchanged}[outcome].append(identifier)
        if on_article is not None:
            on_article(prepared.result)


def remove_articles(identifiers: Iterable[str], store_dir: Path) -> tuple[list[str], list[str]]:
    """Retract articles from a store; returns (removed, not found)."""
    removed: list[str] = []
    missing: list[str] = []
    fresh_summary = summary_is_fresh(store_dir)
    with GraphStore.open(store_dir, create=False) as store:
        for identifier in identifiers:
            (removed if store.remove(identifier) else missing).append(identifier)
    refresh_summary(store_dir, changed=bool(removed), fresh=fresh_summary)
    return removed, missing


__all__ = [
    "BuildReport",
    "Extraction",
    "build",
    "build_store",
    "count_article_files",
    "read_articles",
    "remove_articles",
    "update_store",
    "write_prepared",
]
