"""The graph store: one named graph per article, merged events derived from them.

A :class:`GraphStore` is an Oxigraph dataset behind rdflib's ``Store`` interface
(through ``oxrdflib``): in memory for one-off builds, or on disk for a store that grows
article by article (``kg build … --store DIR``). Its named graphs:

* ``id/graph/article/<article>`` — everything one article contributes: the article
  node (with its content hash), the actors it names, its evidence sentences and its
  ``kg:EventReport`` nodes (:func:`kg.rdf.article_graph`);
* ``id/graph/event/<relation>-<digest>`` — the events of one merge key and their
  shortcut triples, derived from the reports of every article (:mod:`kg.merge`).

Putting an article replaces its named graph and recomputes the event graphs of every
key its old or new reports have; removing it drops its graph and recomputes the same
way, so that no event keeps a source that is gone. Each of these is one SPARQL update,
which Oxigraph applies in one transaction: a build killed at any point
leaves the store as it was before the article being written, or after it, never in
between.

Every article graph describes the actors it names, so the same triple is in many named
graphs. Oxigraph's "union of the named graphs" repeats a triple once per graph it is in,
which multiplies the rows of any query that looks up labels. The store therefore
keeps its *default graph* as the union of the named graphs, without repeats, updated in
the same transaction; queries and :attr:`GraphStore.view` read that graph.
"""

from __future__ import annotations

import json
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF
from rdflib.term import Node

from .atomic import write_text_atomic
from .dataset import EVENT_GRAPHS, OxigraphDataset
from .errors import StoreError
from .knowledge import Knowledge
from .merge import merged_triples
from .model import Article, ArticleResult
from .ntriples import GraphContent, NamedView, PreparedArticle, to_ntriples
from .rdf import (
    ID,
    KG,
    SCHEMA,
    TripleSet,
    add_article,
    article_graph_iri,
    article_iri,
    article_triples,
    bind_prefixes,
)
from .reports import MergeKey, Report, find_reports, merged_graph_iri, reports_in, reports_of_events

#: The file that marks a folder as a store, beside Oxigraph's own folder.
MARKER = "kg-store.json"
#: What the marker says.
STORE_FORMAT = "arabic-diplomacy-kg store"
STORE_VERSION = 1
ARTICLE_GRAPHS = str(ID["graph/article/"])

#: Reports a store keeps in memory, by merge key, to recompute events without reading
#: them back (least recently used keys go first): about 40 MB at most.
CACHED_REPORTS = 100_000

#: Outcomes of :meth:`GraphStore.put`.
ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"

#: The article properties compared to decide that an article is unchanged.
_ARTICLE_FIELDS = (
    SCHEMA.identifier,
    KG.contentHash,
    SCHEMA.datePublished,
    SCHEMA.url,
    SCHEMA.publisher,
    SCHEMA.headline,
)


class GraphStore(OxigraphDataset):
    """Article graphs and merged events in one dataset (memory or Oxigraph on disk)."""

    def __init__(self, store: OxigraphStore, *, path: Path | None = None, read_only: bool = False) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only
        # The reports of recently touched merge keys, as the store holds them (kept up to
        # date by put and remove): much-named keys are read back once, not per article.
        self._reports: OrderedDict[MergeKey, tuple[Report, ...]] = OrderedDict()
        self._cached = 0
        #: Read view: SPARQL and triple patterns over the union of all named graphs (the
        #: default graph, which :meth:`_replace` keeps equal to that union).
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
            info = {"format": STORE_FORMAT, "version": STORE_VERSION, "engine": "oxigraph"}
            write_text_atomic(marker, json.dumps(info))
        else:
            try:
                info = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise StoreError(f"{marker}: unreadable store marker ({error})") from None
            if not isinstance(info, dict) or info.get("format") != STORE_FORMAT:
                raise StoreError(f"{marker}: not a marker of this tool's stores")
            if info.get("version") != STORE_VERSION:
                raise StoreError(f"{path}: store version {info.get('version')}, this tool reads {STORE_VERSION}")
        folder = str(path / "oxigraph")
        if marker_found and not Path(folder).is_dir():
            raise StoreError(f"{path}: the store's data folder {folder} is missing (moved or deleted?); not re-created")
        try:
            inner = ox.Store.read_only(folder) if read_only else ox.Store(folder)
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreError(f"{path}: the store is in use by another process") from None
            raise StoreError(f"{path}: cannot open the store ({str(error).splitlines()[0]})") from None
        except Exception as error:  # pyoxigraph raises OSError or RuntimeError-like types
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            if "corrupt" in first.lower():
                raise StoreError(f"{path}: the store is damaged ({first}); rebuild it or restore a copy") from None
            raise StoreError(f"{path}: cannot open the store ({type(error).__name__}: {first})") from None
        return cls(OxigraphStore(store=inner), path=path, read_only=read_only)

    def flush(self) -> None:
        """Write Oxigraph's in-memory buffers to disk (a no-op for in-memory stores).

        Oxigraph keeps written data in memory until flushed: a long build that does not
        flush now and then grows by about 0.3 MB per article (``kg build --store``).
        """
        if self._store._store is not None and self.path is not None and not self.read_only:
            self._store._store.flush()

    def close(self) -> None:
        """Flush and release the store (other processes may open it afterwards)."""
        if self._store._store is not None and self.path is not None and not self.read_only:
            self._store._store.flush()
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
        """Add or replace one article; recompute the events it touches.

        ``result`` is an extraction result, or one whose graph was already built
        (:func:`prepare_article`, done by the workers of ``kg build --jobs``). Returns
        :data:`ADDED`, :data:`REPLACED` or :data:`UNCHANGED` (the article graph would be
        the same: nothing is written). ``check`` sees the new article graph with the
        recomputed events and what they point at before anything is written, and may
        raise to refuse the article. With ``merge=False`` events are left for
        :meth:`recompute` (fast bulk loading).
        """
        self._writable()
        prepared = self._prepared(result, knowledge)
        identifier = prepared.result.article.identifier
        name = article_graph_iri(identifier)
        existed = self.has_article(identifier)
        if existed and set(to_ntriples(self.named(name)).splitlines()) == set(prepared.ntriples.splitlines()):
            return UNCHANGED
        changes: dict[URIRef, GraphContent] = {name: prepared.ntriples}
        if merge:
            old_reports = reports_in(self.named(name)) if existed else []
            keys = {r.key for r in (*old_reports, *prepared.reports)}
            article = article_iri(identifier)
            others = [r for r in self._reports_of(keys) if r.article != article]
            for key in keys:
                changes[merged_graph_iri(key)] = merged_triples(key, [*others, *prepared.reports])
            if check is not None:
                check(self._check_view(changes, others, keys))
            self._replace(changes)
            self._remember(keys, [*others, *prepared.reports])
            return REPLACED if existed else ADDED
        if check is not None:
            check(prepared.graph())
        stale = {r.key for r in (*prepared.reports, *(reports_in(self.named(name)) if existed else []))}
        self._replace(changes)
        self._forget(stale)
        return REPLACED if existed else ADDED

    def _prepared(self, result: ArticleResult | PreparedArticle, knowledge: Knowledge) -> PreparedArticle:
        """The article's graph, with the Arabic labels already stored for its unknown people.

        An unknown person met in several articles keeps the spelling first stored; a
        graph prepared elsewhere with another spelling is rebuilt here (rare).
        """
        stored = self._first_labels(result.result if isinstance(result, PreparedArticle) else result)
        if isinstance(result, PreparedArticle):
            if all(result.unknown_labels.get(node) == label for node, label in stored.items()):
                return result
            result = result.result
        return PreparedArticle.of(article_triples(result, knowledge, stored), result)

    def remove(self, identifier: str) -> bool:
        """Retract an article and recompute its events; ``False`` when it is not in the store."""
        self._writable()
        if not self.has_article(identifier):
            return False
        name = article_graph_iri(identifier)
        keys = {r.key for r in reports_in(self.named(name))}
        article = article_iri(identifier)
        others = [r for r in self._reports_of(keys) if r.article != article]
        changes: dict[URIRef, GraphContent] = {name: None}
        for key in keys:
            changes[merged_graph_iri(key)] = merged_triples(key, others)
        self._replace(changes)
        self._remember(keys, others)
        return True

    def recompute(self, keys: Iterable[MergeKey] | None = None, *, reports: Iterable[Report] | None = None) -> int:
        """Recompute the events of ``keys`` (default: all, dropping stale event graphs); how many graphs.

        ``reports`` (with no ``keys``) are every report in the store, when the caller
        kept them (a bulk build): they are not read back from the graph.
        """
        self._writable()
        self._forget()
        if keys is None:
            reports = reports_in(self.view) if reports is None else reports
            stale = [n for n in self.graph_names() if str(n).startswith(EVENT_GRAPHS)]
        else:
            reports = find_reports(self.view, keys)
            stale = [merged_graph_iri(k) for k in keys]
        by_key: dict[MergeKey, list[Report]] = defaultdict(list)
        for report in reports:
            by_key[report.key].append(report)
        changes: dict[URIRef, GraphContent] = dict.fromkeys(stale)
        for key, group in by_key.items():
            changes[merged_graph_iri(key)] = merged_triples(key, group)
        self._replace(changes)
        return len(changes)

    # ------------------------------------------------------------ internals
    def _reports_of(self, keys: set[MergeKey]) -> list[Report]:
        """The stored reports of ``keys``: from memory when recently seen, else from the store."""
        found: list[Report] = []
        missing = set()
        for key in keys:
            if key in self._reports:
                self._reports.move_to_end(key)
                found.extend(self._reports[key])
            else:
                missing.add(key)
        if missing:
            read = reports_of_events(self.view, missing)
            found.extend(read)
            self._remember(missing, read)
        return found

    def _remember(self, keys: set[MergeKey], reports: Iterable[Report]) -> None:
        """Keep the reports of ``keys`` (all of them, as now stored), evicting the oldest keys."""
        by_key: dict[MergeKey, list[Report]] = {key: [] for key in keys}
        for report in reports:
            if report.key in by_key:
                by_key[report.key].append(report)
        self._forget(keys)
        for key, group in by_key.items():
            self._reports[key] = tuple(group)
            self._cached += len(group)
        while self._cached > CACHED_REPORTS and self._reports:
            _, dropped = self._reports.popitem(last=False)
            self._cached -= len(dropped)

    def _forget(self, keys: Iterable[MergeKey] | None = None) -> None:
        """Drop the remembered reports of ``keys`` (default: all)."""
        if keys is None:
            self._reports.clear()
            self._cached = 0
            return
        for key in keys:
            self._cached -= len(self._reports.pop(key, ()))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def _check_view(self, changes: dict[URIRef, GraphContent], others: list[Report], keys: set[MergeKey]) -> Graph:
        """The new graphs with what their events point at (other articles' reports, evidence, actors)."""
        view = Graph()
        for graph in changes.values():
            if isinstance(graph, str):
                view.parse(data=graph, format="nt")
            elif graph is not None:
                for triple in graph:
                    view.add(triple)
        self._describe((r.iri for r in others), view)
        self._describe((r.article for r in others), view)
        self._describe((e for r in others for e in r.evidence), view)
        actors = {URIRef(part) for key in keys for part in key[1:] if part and not part.startswith(str(KG))}
        self._describe((a for a in actors if (a, RDF.type, None) not in view), view, hops=2)
        return view


def is_store(path: Path) -> bool:
    """Whether ``path`` is a store folder made by :meth:`GraphStore.open`."""
    return Path(path).is_dir() and (Path(path) / MARKER).is_file()


def open_graph(path: Path) -> Graph:
    """A read-only view of a store folder as one graph (SPARQL runs in Oxigraph)."""
    store = GraphStore.open(path, read_only=True)
    view: Graph = store.view
    return view


def build_graph(results: Iterable[ArticleResult], knowledge: Knowledge, graph: Graph | None = None) -> Graph:
    """An RDF graph of extraction results, events merged across articles.

    The result is the union of the article graphs and the merged events (a new
    in-memory graph unless one is given); :func:`kg.persist.GraphStore` keeps them
    apart as named graphs.
    """
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
