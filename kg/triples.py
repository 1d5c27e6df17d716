"""Fixed vocabularies and a light set of triples: what the graph builders of :mod:`kg.rdf` write into."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node


class Vocabulary(Namespace):
    """A namespace of a fixed vocabulary whose terms are made once.

    rdflib checks every new IRI it makes; the graph builders name the same few classes
    and properties hundreds of times an article.
    """

    _terms: dict[str, URIRef]

    def __new__(cls, value: str) -> Vocabulary:
        namespace = cast(Vocabulary, super().__new__(cls, value))
        namespace._terms = {}
        return namespace

    def term(self, name: str) -> URIRef:
        """The IRI of ``name`` in this namespace."""
        found = self._terms.get(name)
        if found is None:
            found = self._terms[name] = super().term(name)
        return found

    def __getattr__(self, name: str) -> URIRef:
        # KG.Person: the term made once, found without Namespace.__getattr__'s two calls.
        if name.startswith("__") or name == "_terms":
            raise AttributeError(name)
        found = self._terms.get(name)
        return found if found is not None else self.term(name)


Triple = tuple[Node, Node, Node]


class TripleSet:
    """A set of triples with a subject index: the little of a graph the builders need.

    Building an article graph in an rdflib :class:`~rdflib.Graph` costs more than
    extracting the article (each ``add`` updates several indexes and fires events);
    :func:`article_triples` and :mod:`kg.merge` write here instead, and the store or an
    rdflib graph takes the triples afterwards.
    """

    def __init__(self, identifier: URIRef | None = None) -> None:
        self.identifier = identifier
        self._by_subject: dict[Node, set[tuple[Node, Node]]] = {}

    def add(self, triple: Triple) -> TripleSet:
        """Add one triple (once)."""
        subject, predicate, value = triple
        self._by_subject.setdefault(subject, set()).add((predicate, value))
        return self

    def __contains__(self, triple: Triple) -> bool:
        subject, predicate, value = triple
        return (predicate, value) in self._by_subject.get(subject, ())

    def __iter__(self) -> Iterator[Triple]:
        for subject, pairs in self._by_subject.items():
            for predicate, value in pairs:
                yield (subject, predicate, value)

    def __len__(self) -> int:
        return sum(len(pairs) for pairs in self._by_subject.values())

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """The values of ``predicate`` on ``subject``."""
        return [o for p, o in self._by_subject.get(subject, ()) if p == predicate]

    def predicate_objects(self, subject: Node) -> list[tuple[Node, Node]]:
        """The (property, value) pairs of ``subject``."""
        return list(self._by_subject.get(subject, ()))

    def subjects(self, predicate: Node, value: Node) -> list[Node]:
        """The subjects that have ``predicate`` with ``value``."""
        return [s for s, pairs in self._by_subject.items() if (predicate, value) in pairs]

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One value of ``predicate`` on ``subject`` (the smallest, for determinism), or ``None``."""
        return min(self.objects(subject, predicate), key=str, default=None)

    def graph(self) -> Graph:
        """The triples as an rdflib graph with the same identifier."""
        graph = Graph(identifier=self.identifier)
        graph.addN((s, p, o, graph) for s, p, o in self)
        return graph


__all__ = ["Triple", "TripleSet", "Vocabulary"]
