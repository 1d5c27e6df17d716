"""N-Triples text of graphs (as Oxigraph writes it), and article graphs prepared to store.

Building and serialising an article graph costs more than storing it: ``kg build --jobs N``
does it in the worker processes (:func:`prepare_article`) and ships a
:class:`PreparedArticle` to the process that writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDFS, XSD
from rdflib.term import Node

from .errors import StoreError
from .knowledge import Knowledge
from .model import ArticleResult
from .rdf import GraphLike, actor_iri, article_graph_iri, article_triples
from .reports import Report, reports_in

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
            text = cache[node] = nt_term(node)
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
    suffix = f" {nt_term(name)} .\n"
    return "".join(line[:-2] + suffix for line in ntriples.splitlines())


#: Characters an N-Triples IRI cannot hold as they are.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


#: Characters an N-Triples literal escapes (Oxigraph escapes these and no others).
_ESCAPED_IN_LITERAL = re.compile(r'[\x00-\x1f"\\\x7f]')
#: Language tags Oxigraph writes as they are (it lower-cases tags).
_PLAIN_LANGUAGES = frozenset({"ar", "en"})


def nt_term(term: Node) -> str:
    """An rdflib IRI or literal in N-Triples syntax (as Oxigraph writes it)."""
    if isinstance(term, URIRef):
        # Most IRIs need no checking by Oxigraph (the other ones it rejects or escapes).
        return f"<{term}>" if not _NOT_IN_IRI.search(term) else str(ox.NamedNode(str(term)))
    if isinstance(term, Literal):
        written = _unescaped_literal(term)
        if written is not None:
            return written
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        if term.datatype is not None and term.datatype != XSD.string:
            return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
        return str(ox.Literal(str(term)))
    raise StoreError(f"cannot store {term!r}: the store holds IRIs and literals only")


def _unescaped_literal(term: Literal) -> str | None:
    """A literal with nothing to escape, written without asking Oxigraph (``None`` otherwise)."""
    text = str(term)
    if _ESCAPED_IN_LITERAL.search(text):
        return None
    language, datatype = term.language, term.datatype
    if language is not None:
        return f'"{text}"@{language}' if language in _PLAIN_LANGUAGES else None
    if datatype is None or datatype == XSD.string:
        return f'"{text}"'
    return f'"{text}"^^<{datatype}>' if not _NOT_IN_IRI.search(datatype) else None


def plain(term: Node) -> Node:
    """``"x"^^xsd:string`` (as Oxigraph returns simple literals) as the simple literal ``"x"``."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An Oxigraph term as rdflib's (``"x"^^xsd:string`` as the simple literal ``"x"``, as :func:`plain`).

    A term at a time through oxrdflib, a build's union graph took longer to copy than to validate.
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


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


__all__ = [
    "GraphContent",
    "NamedView",
    "PreparedArticle",
    "Quad",
    "as_text",
    "in_graph",
    "nt_term",
    "plain",
    "prepare_article",
    "to_ntriples",
]
