"""An Oxigraph dataset behind rdflib's Store interface: named graphs read, written and replaced.

:class:`OxigraphDataset` is what :class:`kg.persist.GraphStore` is made of below the
articles and events: views of named graphs, quads, dumps (TriG, N-Quads, Turtle,
N-Triples) written by Oxigraph as it reads its indexes, and the replacement of named
graphs — with the default graph kept equal to their union — in one transaction.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from .errors import KGError, StoreError
from .event_delta import Delta, key_change
from .merge import merged_triples
from .model import ArticleResult
from .ntriples import (
    GraphContent,
    NamedView,
    PreparedArticle,
    Quad,
    as_text,
    in_graph,
    nt_term,
    plain,
    rdflib_term,
    to_ntriples,
)
from .rdf import ID, KG, actor_iri, article_graph_iri, article_iri, bind_prefixes
from .reports import MergeKey, Report, merged_graph_iri, stored_reports

#: Reports a store keeps in memory, by merge key, to recompute events without reading
#: them back (least recently used keys go first): about 40 MB at most.
CACHED_REPORTS = 100_000

EVENT_GRAPHS = str(ID["graph/event/"])


class OxigraphDataset:
    """Named graphs in Oxigraph (memory or disk), with the default graph as their union."""

    _store: OxigraphStore
    path: Path | None
    #: Read view: SPARQL and triple patterns over the union of all named graphs.
    view: Graph
    # The reports of recently touched merge keys, as the store holds them (kept up to
    # date by every write): much-named keys are read back once, not per article.
    _reports: OrderedDict[MergeKey, tuple[Report, ...]]
    _cached: int

    def _oxigraph(self) -> ox.Store:
        """The Oxigraph store inside (an error once closed)."""
        inner = self._store._store
        if inner is None:
            raise StoreError(f"{self.path or 'the in-memory store'}: already closed")
        return inner

    def oxigraph(self) -> ox.Store:
        """The Oxigraph store inside, for SPARQL run by Oxigraph itself (its default graph is the union)."""
        return self._oxigraph()

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

    def union(self) -> Graph:
        """The union of all named graphs as one in-memory graph (a copy; each term converted once)."""
        graph = Graph()
        bind_prefixes(graph)
        terms: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node] = {}
        for quad in self._oxigraph():
            if quad.graph_name != ox.DefaultGraph():
                s, p, o = (terms.get(t) or terms.setdefault(t, rdflib_term(t)) for t in quad.triple)
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
            # Graph by graph: the default graph (the union) is not part of the dataset. In
            # N-Triples a line ends with " .\n" and nowhere else (literals escape newlines).
            for name in sorted(inner.named_graphs(), key=str):
                lines = inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name) or b""
                output.write(lines.replace(b" .\n", f" {name} .\n".encode()))
        elif fmt == "trig":
            _write_trig(inner, prefixes, output)
        else:
            raise ValueError(f"cannot write a store as {fmt!r}: turtle, ntriples, nquads or trig")

    def copy_dataset(self) -> Dataset:
        """An in-memory copy with the named graphs (for TriG and N-Quads)."""
        dataset = Dataset()
        bind_prefixes(dataset)
        for s, p, o, name in self.quads():
            dataset.graph(URIRef(str(name))).add((s, p, o))
        return dataset

    def _describe(self, nodes: Iterable[Node], into: Graph, hops: int = 0, source: Graph | None = None) -> None:
        """Add what the store (or ``source``) says of ``nodes`` to ``into``; ``hops`` times, of the IRIs they name.

        An actor's description points at its positions and its state, and a position at
        its seat: a check of the actor needs their types (``kg:Position``, ``kg:State``).
        """
        source = self.view if source is None else source
        seen: set[Node] = set()
        todo = set(nodes)
        for hop in range(hops + 1):
            found: set[Node] = set()
            for node in todo - seen:
                seen.add(node)
                for p, o in source.predicate_objects(node):
                    into.add((node, p, o))
                    if hop < hops and isinstance(o, URIRef) and p != RDF.type and (o, RDF.type, None) not in into:
                        found.add(o)
            todo = found

    def _replace(self, changes: dict[URIRef, GraphContent | Delta]) -> None:
        """Replace named graphs (``None``: drop; text: N-Triples; a :class:`Delta` of one stored) in one transaction."""
        if not changes:
            return
        inner = self._oxigraph()
        existing = {name for name in changes if inner.contains_named_graph(ox.NamedNode(str(name)))}
        new = {name: content for name, content in changes.items() if not isinstance(content, Delta)}
        if not existing and len(new) == len(changes) and all(content is not None for content in new.values()):
            # New graphs only (a bulk build): one load of N-Quads, also atomic, and
            # cheaper than parsing and running an update.
            inner.load(_as_nquads(new), format=ox.RdfFormat.N_QUADS)
            return
        parts = []
        for name, graph in sorted(changes.items()):
            named = nt_term(name)
            if isinstance(graph, Delta):
                parts += _changed(named, to_ntriples(graph.gone).splitlines(), to_ntriples(graph.added).splitlines())
                continue
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
        named = nt_term(name)
        stored = self._oxigraph().quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
        old = {f"{q.subject} {q.predicate} {q.object} ." for q in stored}
        new = set(body.splitlines())
        return _changed(named, old - new, new - old)

    def _merged(
        self, keys: set[MergeKey], leaving: set[URIRef], new: Iterable[Report], *, whole: bool = False
    ) -> tuple[dict[MergeKey, GraphContent | Delta], dict[MergeKey, list[Report]]]:
        """The events of ``keys`` once the ``leaving`` articles' reports give way to ``new``; each key's reports.

        A stored key's events come as a :class:`Delta` around the changed reports
        (:func:`kg.event_delta.key_change`) unless ``whole``.
        """
        stored: dict[MergeKey, list[Report]] = {key: [] for key in keys}
        for report in self._reports_of(keys):
            stored[report.key].append(report)
        added: dict[MergeKey, list[Report]] = {key: [] for key in keys}
        for report in new:
            added[report.key].append(report)
        reports = {key: [r for r in stored[key] if r.article not in leaving] + added[key] for key in keys}
        if whole:
            return {key: merged_triples(key, group) for key, group in reports.items()}, reports
        return {key: key_change(key, stored[key], leaving, added[key]) for key in keys}, reports

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
            read = stored_reports(self._oxigraph(), missing, rdflib_term)
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

    def _refused(
        self,
        pending: dict[str, Pending],
        events: dict[MergeKey, GraphContent | Delta],
        reports: dict[MergeKey, list[Report]],
        check: Callable[[Graph], None],
    ) -> dict[str, KGError]:
        """The pending articles ``check`` refuses, each with its error."""
        batch = _batch_graph(p.ntriples for p, _ in pending.values()) if len(pending) > 1 else None
        refused: dict[str, KGError] = {}
        whole = {key: content for key, content in events.items() if not isinstance(content, Delta)}
        for identifier, (prepared, old) in pending.items():
            keys = {r.key for r in (*old, *prepared.reports)}
            article = article_iri(identifier)
            changes: dict[URIRef, GraphContent] = {article_graph_iri(identifier): prepared.ntriples}
            changes.update((merged_graph_iri(key), whole[key]) for key in keys)
            others = [r for key in keys for r in reports[key] if r.article != article]
            try:
                check(self._check_view(changes, others, keys, pending, batch))
            except KGError as error:
                refused[identifier] = error
        return refused

    def _check_view(
        self,
        changes: dict[URIRef, GraphContent],
        others: list[Report],
        keys: set[MergeKey],
        pending: dict[str, Pending],
        batch: Graph | None,
    ) -> Graph:
        """The new graphs with what their events point at (other articles' reports, evidence, actors).

        The other articles' nodes are described from the store, or, for articles of the
        same batch (``pending``), from ``batch`` (their new graphs).
        """
        view = Graph()
        for graph in changes.values():
            if isinstance(graph, str):
                view.parse(data=graph, format="nt")
            elif graph is not None:
                for triple in graph:
                    view.add(triple)
        batched = {article_iri(identifier) for identifier in pending}
        for source, group in (
            (self.view, [r for r in others if r.article not in batched]),
            (batch, [r for r in others if r.article in batched]),
        ):
            if source is not None and group:
                self._describe((r.iri for r in group), view, source=source)
                self._describe((r.article for r in group), view, source=source)
                self._describe((e for r in group for e in r.evidence), view, source=source)
        actors = {URIRef(part) for key in keys for part in key[1:] if part and not part.startswith(str(KG))}
        self._describe((a for a in actors if (a, RDF.type, None) not in view), view, hops=2)
        return view

    def _first_labels(
        self, result: ArticleResult, replaced: Collection[URIRef] = (), given: dict[URIRef, Literal] | None = None
    ) -> dict[URIRef, Literal]:
        """Arabic labels already stored for the article's unknown people (first spelling wins).

        Labels in the article's own graph or the ``replaced`` graphs do not count; labels
        ``given`` (by articles not stored yet) do.
        """
        labels: dict[URIRef, Literal] = {}
        skipped = {article_graph_iri(result.article.identifier), *replaced}
        for actor in result.actors.values():
            if actor.known:
                continue
            node = actor_iri(actor.key)
            if given and node in given:
                labels[node] = given[node]
            for _, _, o, name in self.quads((node, RDFS.label, None)):
                if isinstance(o, Literal) and o.language == "ar" and name not in skipped:
                    labels[node] = min(labels.get(node, o), o, key=str)
        return labels


def _write_trig(inner: ox.Store, prefixes: dict[str, str], output: BinaryIO) -> None:
    """The named graphs as TriG, each written by Oxigraph's Turtle writer and indented into its block.

    Oxigraph reads each graph from its index in one pass; giving the quads to its TriG
    writer through Python instead costs a third more (issue 15).
    """
    header = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items())
    output.write(header.encode())
    for name in sorted(inner.named_graphs(), key=str):
        text = inner.dump(format=ox.RdfFormat.TRIG, from_graph=name, prefixes=prefixes) or b""
        body = text.split(b"\n", len(prefixes))[-1]  # without its @prefix lines
        if body:
            output.write(f"{name} {{\n\t".encode() + body[:-1].replace(b"\n", b"\n\t") + b"\n}\n")


def _changed(named: str, gone: Iterable[str], added: Iterable[str]) -> list[str]:
    """Updates taking N-Triples lines out of the named graph ``named`` and the union, and putting others in."""
    parts = []
    if lines := "\n".join(sorted(gone)):
        parts += [f"DELETE DATA {{ GRAPH {named} {{\n{lines}\n}} }}", f"DELETE DATA {{\n{lines}\n}}"]
    if lines := "\n".join(sorted(added)):
        parts += [f"INSERT DATA {{ GRAPH {named} {{\n{lines}\n}} }}", f"INSERT DATA {{\n{lines}\n}}"]
    return parts


#: An article of a batch being written: its prepared graph and the reports it had in the store.
Pending = tuple[PreparedArticle, list[Report]]


def _batch_graph(graphs: Iterable[str]) -> Graph:
    """The batch's new article graphs (N-Triples) as one graph, in an Oxigraph store in memory."""
    inner = ox.Store()
    inner.load("".join(graphs), format=ox.RdfFormat.N_TRIPLES)
    return NamedView(store=OxigraphStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID)


def _as_nquads(changes: dict[URIRef, GraphContent]) -> str:
    """New named graphs as N-Quads, each triple also in the default graph (the union)."""
    chunks = []
    for name, content in changes.items():
        body = as_text(content)
        chunks += [in_graph(body, name), body]
    return "".join(chunks)


__all__ = ["CACHED_REPORTS", "EVENT_GRAPHS", "OxigraphDataset", "Pending"]
