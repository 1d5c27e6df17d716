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

import io
import json
import re
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from .atomic import write_text_atomic
from .errors import StoreError
from .knowledge import Knowledge
from .merge import MergeKey, Report, find_reports, merged_graph_iri, merged_triples, reports_in, reports_of_events
from .model import Article, ArticleResult
from .rdf import (
    ID,
    KG,
    SCHEMA,
    GraphLike,
    TripleSet,
    actor_iri,
    add_article,
    article_graph_iri,
    article_iri,
    article_triples,
    bind_prefixes,
)

#: The file that marks a folder as a store, beside Oxigraph's own folder.
MARKER = "kg-store.json"
#: What the marker says.
STORE_FORMAT = "arabic-diplomacy-kg store"
STORE_VERSION = 1
ARTICLE_GRAPHS = str(ID["graph/article/"])
EVENT_GRAPHS = str(ID["graph/event/"])

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

Quad = tuple[Node, Node, Node, Node]
#: A named graph's new content: triples, N-Triples text, or ``None`` to drop the graph.
GraphContent = Iterable[tuple[Node, Node, Node]] | str | None



@dataclass(frozen=True)
class PreparedArticle:
    """One article's graph, made ready to store where it was extracted.

    Building and serialising an article graph costs more than storing it, so
    ``kg build --jobs N`` does it in the worker processes (:func:`prepare_article`) and
    ships this to the process that writes: the extraction result, the graph as N-Triples
    lines, the reports the merge needs, and the Arabic labels the graph gives unknown
    people (which the writer replaces by an earlier spelling, if one is stored).
    """

    result: ArticleResult
    ntriples: str
    reports: tuple[Report, ...]
    unknown_labels: dict[URIRef, Literal]

    @classmethod
    def of(cls, graph: GraphLike, result: ArticleResult) -> PreparedArticle:
        """Wrap an article graph already built for ``result``."""
        labels: dict[URIRef, Literal] = {}
        for actor in result.actors.values():
            if not actor.known:
                node = actor_iri(actor.key)
                for label in graph.objects(node, RDFS.label):
                    if isinstance(label, Literal) and label.language == "ar":
                        labels[node] = label
        return cls(result, to_ntriples(graph), tuple(reports_in(graph)), labels)

    def graph(self) -> Graph:
        """The article graph as an rdflib graph (parsed back from the N-Triples)."""
        graph = Graph(identifier=article_graph_iri(self.result.article.identifier))
        if self.ntriples:
            graph.parse(data=self.ntriples, format="nt")
        return graph


def prepare_article(result: ArticleResult, knowledge: Knowledge) -> PreparedArticle:
    """Build one article's graph and what storing it needs (see :class:`PreparedArticle`)."""
    return PreparedArticle.of(article_triples(result, knowledge), result)


def to_ntriples(graph: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples as N-Triples lines (Oxigraph's syntax), one per line, in no particular order."""
    cache: dict[Node, str] = {}

    def term(node: Node) -> str:
        text = cache.get(node)
        if text is None:
            text = cache[node] = _nt(node)
        return text

    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in graph)


def as_text(content: GraphContent) -> str:
    """A named graph's new content as N-Triples text (empty for ``None``)."""
    if isinstance(content, str):
        return content
    return to_ntriples(content) if content is not None else ""


def in_graph(ntriples: str, name: URIRef) -> str:
    """N-Triples lines as N-Quads of the graph ``name``."""
    # Each N-Triples line ends with " ." (literals escape their line breaks).
    suffix = f" {_nt(name)} .\n"
    return "".join(line[:-2] + suffix for line in ntriples.splitlines())


def is_store(path: Path) -> bool:
    """Whether ``path`` is a store folder made by :meth:`GraphStore.open`."""
    return Path(path).is_dir() and (Path(path) / MARKER).is_file()


#: Characters an N-Triples IRI cannot hold as they are.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _nt(term: Node) -> str:
    """An rdflib IRI or literal in N-Triples syntax (as Oxigraph writes it)."""
    if isinstance(term, URIRef):
        # Most IRIs need no checking by Oxigraph (the other ones it rejects or escapes).
        return f"<{term}>" if not _NOT_IN_IRI.search(term) else str(ox.NamedNode(str(term)))
    if isinstance(term, Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        if term.datatype is not None and term.datatype != XSD.string:
            return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
        return str(ox.Literal(str(term)))
    raise StoreError(f"cannot store {term!r}: the store holds IRIs and literals only")


def plain(term: Node) -> Node:
    """``"x"^^xsd:string`` (as Oxigraph returns simple literals) as the simple literal ``"x"``."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


class NamedView(Graph):
    """One named graph of a store, simple literals read back as written."""

    def triples(  # type: ignore[override]
        self, triple: tuple[Node | None, Node | None, Node | None]
    ) -> Iterator[tuple[Node, Node, Node]]:
        """Triples of this graph matching a pattern."""
        for s, p, o in super().triples(triple):
            yield (s, p, plain(o))

    def __len__(self) -> int:
        # oxrdflib counts DISTINCT triples, which holds them all in memory (hundreds of MB
        # at a million); a graph has no duplicates, so a plain count is the same.
        store = self.store
        assert isinstance(store, OxigraphStore)
        name = ox.DefaultGraph() if self.identifier == DATASET_DEFAULT_GRAPH_ID else ox.NamedNode(str(self.identifier))
        solutions = store._inner.query("SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }", default_graph=name)
        assert isinstance(solutions, ox.QuerySolutions)
        count = next(solutions)["c"]
        return int(count.value) if isinstance(count, ox.Literal) else 0


class GraphStore:
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
        if not marker.is_file():
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
        try:
            inner = ox.Store.read_only(folder) if read_only else ox.Store(folder)
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreError(f"{path}: the store is in use by another process") from None
            raise StoreError(f"{path}: cannot open the store ({str(error).splitlines()[0]})") from None
        except Exception as error:  # pyoxigraph raises OSError or RuntimeError-like types
            name = type(error).__name__
            raise StoreError(f"{path}: cannot open the store while it is being written ({name})") from None
        return cls(OxigraphStore(store=inner), path=path, read_only=read_only)

    def _oxigraph(self) -> ox.Store:
        """The Oxigraph store inside (an error once closed)."""
        inner = self._store._store
        if inner is None:
            raise StoreError(f"{self.path or 'the in-memory store'}: already closed")
        return inner

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
    def named(self, name: URIRef) -> Graph:
        """A view of one named graph."""
        return NamedView(store=self._store, identifier=name)

    def quads(self, pattern: tuple[Node | None, Node | None, Node | None] = (None, None, None)) -> Iterator[Quad]:
        """The quads ``(s, p, o, graph name)`` of the store's named graphs that match ``pattern``."""
        for (s, p, o), contexts in self._store.triples(pattern, None):
            for context in contexts:
                name = context.identifier if isinstance(context, Graph) else context
                if name is None or name == DATASET_DEFAULT_GRAPH_ID:
                    continue
                yield (s, p, plain(o), name)

    def graph_names(self) -> list[URIRef]:
        """The names of the store's named graphs."""
        names = set()
        for context in self._store.contexts():
            name = context.identifier if isinstance(context, Graph) else context
            if isinstance(name, URIRef) and name != DATASET_DEFAULT_GRAPH_ID:
                names.add(name)
        return sorted(names)

    def article_ids(self) -> list[str]:
        """Identifiers of the articles in the store."""
        found = []
        for name in self.graph_names():
            if str(name).startswith(ARTICLE_GRAPHS):
                identifier = next(self.named(name).objects(None, SCHEMA.identifier), None)
                if identifier is not None:
                    found.append(str(identifier))
        return sorted(found)

    def union(self) -> Graph:
        """The union of all named graphs as one in-memory graph (a copy)."""
        graph = Graph()
        bind_prefixes(graph)
        for s, p, o, _ in self.quads():
            graph.add((s, p, o))
        return graph

    def dump(self, fmt: str) -> bytes:
        """The named graphs as TriG or N-Quads, or their union as Turtle, written by Oxigraph."""
        buffer = io.BytesIO()
        self.write(fmt, buffer)
        return buffer.getvalue()

    def write(self, fmt: str, output: BinaryIO) -> None:
        """Write the named graphs as TriG or N-Quads, or their union as Turtle or N-Triples, to ``output``.

        Oxigraph writes them as it reads its indexes, without a copy in memory; the
        subjects come grouped (each written once with all its properties), in no
        particular order.
        """
        inner = self._oxigraph()
        wanted = {"kg", "schema", "prov", "skos", "dcterms", "owl", "wd", "rdf", "rdfs", "xsd"}
        prefixes = {prefix: str(namespace) for prefix, namespace in self.view.namespaces() if prefix in wanted}
        if fmt == "turtle":
            inner.dump(output, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        elif fmt == "ntriples":
            inner.dump(output, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        elif fmt == "nquads":
            # Graph by graph: the default graph (the union) is not part of the dataset.
            for name in sorted(inner.named_graphs(), key=str):
                lines = inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name) or b""
                suffix = f" {name} .".encode()
                output.write(b"".join(line[:-2] + suffix + b"\n" for line in lines.splitlines()))
        elif fmt == "trig":
            quads = (
                q for q in inner.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)
            )
            ox.serialize(quads, output, ox.RdfFormat.TRIG, prefixes=prefixes)
        else:
            raise ValueError(f"cannot write a store as {fmt!r}: turtle, ntriples, nquads or trig")

    def copy_dataset(self) -> Dataset:
        """An in-memory copy with the named graphs (for TriG and N-Quads)."""
        dataset = Dataset()
        bind_prefixes(dataset)
        for s, p, o, name in self.quads():
            dataset.graph(URIRef(str(name))).add((s, p, o))
        return dataset

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

    def _first_labels(self, result: ArticleResult) -> dict[URIRef, Literal]:
        """Arabic labels already stored for the article's unknown people (first spelling wins)."""
        labels: dict[URIRef, Literal] = {}
        own = article_graph_iri(result.article.identifier)
        for actor in result.actors.values():
            if actor.known:
                continue
            node = actor_iri(actor.key)
            for _, _, o, name in self.quads((node, RDFS.label, None)):
                if isinstance(o, Literal) and o.language == "ar" and name != own:
                    labels[node] = min(labels.get(node, o), o, key=str)
        return labels

    def _describe(self, nodes: Iterable[Node], into: Graph) -> None:
        for node in set(nodes):
            for p, o in self.view.predicate_objects(node):
                into.add((node, p, o))

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
        self._describe((a for a in actors if (a, RDF.type, None) not in view), view)
        return view

    def _replace(self, changes: dict[URIRef, GraphContent]) -> None:
        """Replace named graphs (``None``: drop; text: N-Triples) in one transaction."""
        if not changes:
            return
        inner = self._oxigraph()
        existing = {name for name in changes if inner.contains_named_graph(ox.NamedNode(str(name)))}
        if not existing and all(content is not None for content in changes.values()):
            # New graphs only (a bulk build): one load of N-Quads, also atomic, and
            # cheaper than parsing and running an update.
            inner.load(_as_nquads(changes), format=ox.RdfFormat.N_QUADS)
            return
        parts = []
        for name, graph in sorted(changes.items()):
            named = _nt(name)
            body = as_text(graph)
            event_graph = str(name).startswith(EVENT_GRAPHS)
            if name in existing:
                # Take the graph's triples out of the default graph (the union). An event
                # graph's triples are about its own events, or shortcuts of its own key:
                # no other graph holds them.
                if event_graph and graph is not None:
                    parts += self._difference(name, body)
                    continue
                if event_graph:
                    parts.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {named} {{ ?s ?p ?o }} }}")
                else:
                    # Article graphs share their actors' descriptions: keep what another has.
                    parts.append(
                        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {named} {{ ?s ?p ?o }} "
                        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {named}) }} }}"
                    )
                parts.append(f"DROP GRAPH {named}")
            if body:
                parts.append(f"INSERT DATA {{ GRAPH {named} {{\n{body}\n}} }}")
                parts.append(f"INSERT DATA {{\n{body}\n}}")
        if parts:
            self._store.update(" ;\n".join(parts), {}, {}, DATASET_DEFAULT_GRAPH_ID)

    def _difference(self, name: URIRef, body: str) -> list[str]:
        """Updates that turn a stored event graph (and its share of the union) into ``body``.

        A key named by many articles has a big graph of which one article changes little.
        """
        named = _nt(name)
        stored = self._oxigraph().quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
        old = {f"{q.subject} {q.predicate} {q.object} ." for q in stored}
        new = set(body.splitlines())
        gone, added = "\n".join(sorted(old - new)), "\n".join(sorted(new - old))
        parts = []
        if gone:
            parts += [f"DELETE DATA {{ GRAPH {named} {{\n{gone}\n}} }}", f"DELETE DATA {{\n{gone}\n}}"]
        if added:
            parts += [f"INSERT DATA {{ GRAPH {named} {{\n{added}\n}} }}", f"INSERT DATA {{\n{added}\n}}"]
        return parts


def _as_nquads(changes: dict[URIRef, GraphContent]) -> str:
    """New named graphs as N-Quads, each triple also in the default graph (the union)."""
    chunks = []
    for name, content in changes.items():
        body = as_text(content)
        chunks += [in_graph(body, name), body]
    return "".join(chunks)


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
    "MARKER",
    "REPLACED",
    "UNCHANGED",
    "GraphStore",
    "StoreError",
    "as_text",
    "build_graph",
    "in_graph",
    "is_store",
    "open_graph",
]
