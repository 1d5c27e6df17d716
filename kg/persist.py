"""The graph store: one named graph per article, merged events derived from them.

A :class:`GraphStore` is an Oxigraph dataset behind rdflib's ``Store`` interface
(through ``oxrdflib``): in memory for one-off builds, or on disk for a store that grows
article by article (``kg build … --store DIR``). Its named graphs:

* ``id/graph/article/<article>`` — everything one article contributes: the article
  node (with its content hash), the actors it names, its evidence sentences and its
  ``kg:EventReport`` nodes (:func:`kg.rdf.article_graph`);
* ``id/graph/event/<relation>-<digest>`` — the events of one merge key and their
  shortcut triples, derived from the reports of every article (:mod:`kg.merge`).

Putting articles replaces their named graphs and recomputes, once per batch, the event
graphs of every key their old or new reports have; removing one drops its graph and
recomputes the same way, so that no event keeps a source that is gone. Each batch is one
SPARQL update, which Oxigraph applies in one transaction: a build killed at any point
leaves the store as it was before the batch being written, or after it, never between.

Every article graph describes the actors it names, so the same triple is in many named
graphs. Oxigraph's "union of the named graphs" repeats a triple once per graph it is in,
which multiplies the rows of any query that looks up labels. The store therefore
keeps its *default graph* as the union of the named graphs, without repeats, updated in
the same transaction; queries and :attr:`GraphStore.view` read that graph.
"""

from __future__ import annotations

import json
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF
from rdflib.term import Node

from .atomic import write_text_atomic
from .dataset import EVENT_GRAPHS, OxigraphDataset, Pending
from .errors import KGError, StoreError
from .event_delta import Delta
from .knowledge import Knowledge
from .merge import merged_triples
from .model import Article, ArticleResult
from .ntriples import GraphContent, NamedView, PreparedArticle, to_ntriples
from .rdf import ID, KG, SCHEMA, TripleSet, add_article, article_graph_iri, article_iri, article_triples, bind_prefixes
from .reports import MergeKey, Report, find_reports, merged_graph_iri, reports_in
from .store_marker import MARKER, check_marker, marker_info, open_store_folder

ARTICLE_GRAPHS = str(ID["graph/article/"])

#: Merge keys :meth:`GraphStore.recompute` writes in one transaction.
MERGE_CHUNK = 5_000
#: Outcomes of :meth:`GraphStore.put`.
ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"

#: The article properties compared to decide that an article is unchanged.
_ARTICLE_FIELDS = (
    KG.contentHash,
    *(SCHEMA[name] for name in ("identifier", "datePublished", "url", "publisher", "headline")),
)


class GraphStore(OxigraphDataset):
    """Article graphs and merged events in one dataset (memory or Oxigraph on disk)."""

    def __init__(self, store: OxigraphStore, *, path: Path | None = None, read_only: bool = False) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only
        self._reports = OrderedDict()
        self._cached = 0
        #: Read view: the default graph, which :meth:`_replace` keeps equal to the union of the named graphs.
        self.view: Graph = NamedView(store=store, identifier=DATASET_DEFAULT_GRAPH_ID)
        bind_prefixes(self.view)

    # ------------------------------------------------------------ opening
    @classmethod
    def in_memory(cls) -> GraphStore:
        """A store in memory (Oxigraph's), for one-off builds."""
        return cls(OxigraphStore(store=ox.Store()))

    @classmethod
    def open(cls, path: Path, *, create: bool = True, read_only: bool = False) -> GraphStore:
        """Open (or create) the on-disk store in folder ``path`` (Oxigraph via oxrdflib)."""
        path = Path(path)
        marker = path / MARKER
        marker_found = marker.is_file()
        if not marker_found:
            if read_only or not create:
                raise StoreError(f"{path}: not a graph store (no {MARKER}); make one with kg build --store {path}")
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise StoreError(f"{path}: exists and is not a graph store; give a new or empty folder")
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{path}: cannot create the store folder ({error.strerror})") from None
            write_text_atomic(marker, json.dumps(marker_info()))
        else:
            check_marker(path)
        inner = open_store_folder(path, read_only=read_only, create=not marker_found)
        return cls(OxigraphStore(store=inner), path=path, read_only=read_only)

    def flush(self) -> None:
        """Write Oxigraph's in-memory buffers to disk (unflushed, a build grows ~0.3 MB an article)."""
        if self._store._store is not None and self.path is not None and not self.read_only:
            self._store._store.flush()

    def compact(self) -> None:
        """Compact the store on disk (RocksDB's full compaction): written batch by batch, its
        data lies in many overlapping files, and every later read (exports, queries, the
        server) pays for it: reading a 1.2M-triple store took 2-2.5x the CPU before (issue 15)."""
        if self._store._store is not None and self.path is not None and not self.read_only:
            self._store._store.optimize()

    def close(self) -> None:
        """Flush and release the store (other processes may open it afterwards)."""
        self.flush()
        self._store.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------ reading
    def article_ids(self) -> list[str]:
        """Identifiers of the articles in the store."""
        found = []
        for name in self.graph_names():
            if str(name).startswith(ARTICLE_GRAPHS):
                identifier = next(self.named(name).objects(None, SCHEMA.identifier), None)
                if identifier is not None:
                    found.append(str(identifier))
        return sorted(found)

    def has_article(self, identifier: str) -> bool:
        """Whether the store holds an article with this identifier."""
        return (article_iri(identifier), RDF.type, SCHEMA.NewsArticle) in self.named(article_graph_iri(identifier))

    def unchanged(self, article: Article) -> bool:
        """Whether the store holds this article with the same text (content hash) and metadata."""
        node = article_iri(article.identifier)
        stored: dict[Node, set[Node]] = defaultdict(set)
        for field, value in self.named(article_graph_iri(article.identifier)).predicate_objects(node):
            stored[field].add(value)
        if not stored[KG.contentHash]:
            return False
        expected = TripleSet()
        add_article(expected, article)
        return all(stored[field] == set(expected.objects(node, field)) for field in _ARTICLE_FIELDS)

    # ------------------------------------------------------------ writing
    def put(
        self,
        result: ArticleResult | PreparedArticle,
        knowledge: Knowledge,
        *,
        merge: bool = True,
        check: Callable[[Graph], None] | None = None,
    ) -> str:
        """Add or replace one article with the events it touches (:meth:`put_many`); a refusal of ``check`` is raised.

        With ``merge=False`` events are left for :meth:`recompute` (fast bulk loading).
        """
        if merge:
            outcome = self.put_many([result], knowledge, check=check)[0]
            if isinstance(outcome, KGError):
                raise outcome
            return outcome
        self._writable()
        prepared = self._prepared(result, knowledge)
        if (stored := self._stored(prepared)) is None:
            return UNCHANGED
        if check is not None:
            check(prepared.graph())
        self._replace({article_graph_iri(prepared.result.article.identifier): prepared.ntriples})
        self._forget({r.key for r in (*prepared.reports, *stored[1])})
        return REPLACED if stored[0] else ADDED

    def _stored(self, prepared: PreparedArticle) -> tuple[bool, list[Report]] | None:
        """Whether the article is stored, and its stored reports; ``None`` when its graph would not change."""
        name = article_graph_iri(prepared.result.article.identifier)
        if not self.has_article(prepared.result.article.identifier):
            return (False, [])
        if set(to_ntriples(self.named(name)).splitlines()) == set(prepared.ntriples.splitlines()):
            return None
        return (True, reports_in(self.named(name)))

    def put_many(
        self,
        results: Sequence[ArticleResult | PreparedArticle],
        knowledge: Knowledge,
        *,
        check: Callable[[Graph], None] | None = None,
    ) -> list[str | KGError]:
        """Add or replace articles (distinct identifiers) in one transaction with the events they touch.

        ``results`` are extraction results, or ones whose graph was already built
        (:func:`prepare_article`, done by the workers of ``kg build --jobs``). Each merge
        key the articles touch is recomputed once, from all its reports — the store is
        the same as after putting the articles one by one. ``check`` sees each new article
        graph with its recomputed events and what they point at, and may raise a
        :class:`KGError` to refuse it: that article is not written (its outcome is the
        error), the others are. Other outcomes: :data:`ADDED`, :data:`REPLACED`,
        :data:`UNCHANGED` (the article graph would be the same: not written).
        """
        self._writable()
        identifiers = [
            r.result.article.identifier if isinstance(r, PreparedArticle) else r.article.identifier for r in results
        ]
        if len(set(identifiers)) < len(identifiers):
            raise ValueError("put_many: an identifier given twice (put them in separate batches)")
        outcomes: list[str | KGError] = []
        pending: dict[str, Pending] = {}
        for prepared in self._prepared_batch(results, knowledge):
            if (stored := self._stored(prepared)) is not None:
                pending[prepared.result.article.identifier] = (prepared, stored[1])
            outcomes.append(UNCHANGED if stored is None else REPLACED if stored[0] else ADDED)

        def merged() -> tuple[dict[MergeKey, GraphContent | Delta], dict[MergeKey, list[Report]]]:
            keys = {r.key for prepared, old in pending.values() for r in (*old, *prepared.reports)}
            new = [r for prepared, _ in pending.values() for r in prepared.reports]
            # The check sees each key's whole graph.
            return self._merged(keys, {article_iri(i) for i in pending}, new, whole=check is not None)

        events, reports = merged()
        if check is not None:
            refused = self._refused(pending, events, reports, check)
            if refused:
                outcomes = [refused.get(i, outcome) for i, outcome in zip(identifiers, outcomes, strict=True)]
                pending = {i: p for i, p in pending.items() if i not in refused}
                events, reports = merged()
        self._write({article_graph_iri(i): p.ntriples for i, (p, _) in pending.items()}, events, reports)
        return outcomes

    def _prepared_batch(
        self, results: Iterable[ArticleResult | PreparedArticle], knowledge: Knowledge
    ) -> list[PreparedArticle]:
        """The articles' graphs with the labels of :meth:`_prepared`, each as if the earlier ones were stored."""
        done: list[PreparedArticle] = []
        replaced: set[URIRef] = set()
        given: dict[URIRef, Literal] = {}
        for result in results:
            prepared = self._prepared(result, knowledge, replaced, given)
            replaced.add(article_graph_iri(prepared.result.article.identifier))
            for node, label in prepared.unknown_labels.items():
                given[node] = min(given.get(node, label), label, key=str)
            done.append(prepared)
        return done

    def _write(
        self,
        changes: dict[URIRef, GraphContent | Delta],
        events: dict[MergeKey, GraphContent | Delta],
        reports: dict[MergeKey, list[Report]],
    ) -> None:
        """Write article graphs and events in one transaction; remember the reports of the events' keys."""
        changes.update((merged_graph_iri(key), triples) for key, triples in events.items())
        self._replace(changes)
        self._remember(set(events), (r for group in reports.values() for r in group))

    def _prepared(
        self,
        result: ArticleResult | PreparedArticle,
        knowledge: Knowledge,
        replaced: Collection[URIRef] = (),
        given: dict[URIRef, Literal] | None = None,
    ) -> PreparedArticle:
        """The article's graph, with the Arabic labels already stored for its unknown people.

        An unknown person met in several articles keeps the spelling first stored (less the
        ``replaced`` graphs; with the labels ``given``); a graph prepared elsewhere with
        another spelling is rebuilt here (rare).
        """
        article = result.result if isinstance(result, PreparedArticle) else result
        stored = self._first_labels(article, replaced, given or {})
        if not isinstance(result, PreparedArticle):
            return PreparedArticle.of(article_triples(result, knowledge, stored), result)
        if all(result.unknown_labels.get(node) == label for node, label in stored.items()):
            return result
        return PreparedArticle.of(article_triples(result.result, knowledge, stored), result.result)

    def remove(self, identifier: str) -> bool:
        """Retract an article and recompute its events; ``False`` when it is not in the store."""
        self._writable()
        if not self.has_article(identifier):
            return False
        name = article_graph_iri(identifier)
        keys = {r.key for r in reports_in(self.named(name))}
        self._write({name: None}, *self._merged(keys, {article_iri(identifier)}, ()))
        return True

    def recompute(
        self,
        keys: Iterable[MergeKey] | None = None,
        *,
        reports: Iterable[Report] | None = None,
        grouped: Iterable[tuple[MergeKey, list[Report]]] | None = None,
    ) -> int:
        """Recompute the events of ``keys`` (default: all, dropping stale event graphs); how many graphs.

        ``reports`` (with no ``keys``) are every report in the store, when the caller
        kept them (a bulk build): they are not read back from the graph; ``grouped`` are
        the same already grouped by key (one key at a time: :class:`kg.kept_reports.KeptReports`).
        Events are written :data:`MERGE_CHUNK` keys a transaction.
        """
        self._writable()
        self._forget()
        if keys is None:
            reports = reports_in(self.view) if reports is None and grouped is None else reports
            stale = [n for n in self.graph_names() if str(n).startswith(EVENT_GRAPHS)]
        else:
            reports = find_reports(self.view, keys)
            stale = [merged_graph_iri(k) for k in keys]
        if grouped is None:
            by_key: dict[MergeKey, list[Report]] = defaultdict(list)
            for report in reports or ():
                by_key[report.key].append(report)
            grouped = by_key.items()
        changes: dict[URIRef, GraphContent | Delta] = dict.fromkeys(stale)
        known, total = set(stale), len(stale)
        for count, (key, group) in enumerate(grouped, 1):
            name = merged_graph_iri(key)
            total += name not in known
            changes[name] = merged_triples(key, group)
            if count % MERGE_CHUNK == 0:  # bounded memory: the events of a chunk of keys at a time
                self._replace(changes)
                changes = {}
        self._replace(changes)
        return total

    # ------------------------------------------------------------ internals
    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")


def is_store(path: Path) -> bool:
    """Whether ``path`` is a store folder made by :meth:`GraphStore.open`."""
    return Path(path).is_dir() and (Path(path) / MARKER).is_file()


def open_graph(path: Path) -> Graph:
    """A read-only view of a store folder as one graph (SPARQL runs in Oxigraph)."""
    store = GraphStore.open(path, read_only=True)
    view: Graph = store.view
    return view


def build_graph(results: Iterable[ArticleResult], knowledge: Knowledge, graph: Graph | None = None) -> Graph:
    """The union of the article graphs and merged events of extraction results (a new graph unless one is given)."""
    store = GraphStore.in_memory()
    for result in results:
        store.put(result, knowledge, merge=False)
    store.recompute()
    graph = bind_prefixes(graph if graph is not None else Graph())
    for s, p, o, _ in store.quads():
        graph.add((s, p, o))
    return graph


__all__ = [
    "ADDED",
    "EVENT_GRAPHS",
    "MARKER",
    "REPLACED",
    "UNCHANGED",
    "GraphStore",
    "StoreError",
    "build_graph",
    "is_store",
    "open_graph",
]
