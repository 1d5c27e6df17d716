"""Check a graph against the project's SHACL shapes (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Variable
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.store import Store
from rdflib.term import IdentifiedNode, Node

from .resources import shapes_path

#: The variable SHACL binds to the focus node in a SPARQL-based constraint.
THIS = Variable("this")
#: The SHACL target predicates.
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path and the message."""

    focus: str
    path: str | None
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph."""

    conforms: bool
    violations: list[Violation]
    text: str


class _PreparedQueries(Graph):
    """A graph that parses each SPARQL text once.

    pyshacl runs a SPARQL-based constraint once per focus node, as the same text with
    ``$this`` bound; rdflib would parse that text every time, which was two thirds of a
    validation.
    """

    def __init__(self, store: Store | str = "default", identifier: IdentifiedNode | str | None = None) -> None:
        super().__init__(store=store, identifier=identifier)
        self._prepared: dict[str, Query] = {}

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:
        """Run a query, parsing a text only the first time it is seen."""
        if isinstance(query_object, str) and not kwargs.get("initNs") and not (len(args) > 2 and args[2]):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


class ShapeValidator:
    """The project's SHACL shapes, parsed once, to validate many graphs.

    (``kg build --store`` validates every article it adds.) The shapes need no ontology:
    they name the classes the data is written with, so the graph is checked as it is
    (``tests/test_ontology.py`` also checks it with the ontology and under RDFS inference).
    """

    def __init__(self) -> None:
        self.shapes = targeted_property_shapes(Graph().parse(shapes_path(), format="turtle"))
        self.sparql_queries = {
            constraint: prepareQuery(str(text))
            for constraint in self.shapes.objects(None, SH.sparql)
            if (text := self.shapes.value(constraint, SH.select)) is not None
            and (constraint, SH.prefixes, None) not in self.shapes
        }

    def validate(self, graph: Graph, oxigraph: ox.Store | None = None) -> ValidationReport:
        """Validate ``graph`` against the shapes (``graph`` is not changed).

        ``oxigraph``, a store whose default graph holds the same triples, answers the
        SPARQL-based constraints' queries faster than rdflib (:func:`quiet_constraints`).
        """
        if type(graph) is Graph:
            # No inference, no rules: pyshacl only reads the data graph, so it reads this one.
            data = _PreparedQueries(store=graph.store, identifier=graph.identifier)
        else:
            data = _PreparedQueries()
            data.namespace_manager = graph.namespace_manager
            data.addN((s, p, o, data) for s, p, o in graph)
        shapes = Graph()
        shapes += self.shapes
        for subject, constraint in quiet_constraints(self.shapes, self.sparql_queries, data, oxigraph):
            shapes.remove((subject, SH.sparql, constraint))
        conforms, report, text = shacl_validate(
            data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True
        )
        assert isinstance(report, Graph)
        violations = []
        for result in report.subjects(SH.resultSeverity, None):
            path = report.value(result, SH.resultPath)
            violations.append(
                Violation(
                    focus=str(report.value(result, SH.focusNode)),
                    path=str(path) if path is not None else None,
                    message=str(report.value(result, SH.resultMessage) or ""),
                    severity=str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                )
            )
        violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
        return ValidationReport(conforms=bool(conforms), violations=violations, text=str(text))


def targeted_property_shapes(shapes: Graph) -> Graph:
    """The shapes with each property shape of a targeted node shape given that shape's targets.

    Both say the same (a node shape's ``sh:property`` checks each of its focus nodes against
    the property shape), but pyshacl checks a nested property shape once per focus node,
    reading its constraints anew each time, and a targeted one once for all its focus nodes.
    A property shape shared by several shapes, and those of a deactivated shape, stay nested.
    """
    flat = Graph()
    flat += shapes
    for shape in {s for target in TARGETS for s in shapes.subjects(target, None)}:
        if (shape, SH.deactivated, None) in shapes:
            continue
        targets = [(target, node) for target in TARGETS for node in shapes.objects(shape, target)]
        for prop in shapes.objects(shape, SH.property):
            if len(set(shapes.subjects(SH.property, prop))) != 1:
                continue
            flat.remove((shape, SH.property, prop))
            flat.add((prop, RDF.type, SH.PropertyShape))
            flat.addN((prop, target, node, flat) for target, node in targets)
    return flat


def quiet_constraints(
    shapes: Graph, queries: dict[Node, Query], data: Graph, oxigraph: ox.Store | None
) -> list[tuple[Node, Node]]:
    """The SPARQL-based constraints (with their shapes) that no focus node can violate in ``data``.

    pyshacl runs such a constraint's query once per focus node, with ``$this`` bound. A
    query whose every solution binds ``$this`` (:func:`binds`) has no solution for any node
    when it has none with ``$this`` free, run once over the whole graph; those constraints
    are left out. (Each focus node cost pyshacl about 0.2 ms before its query even ran.)
    """
    quiet = []
    for constraint, query in queries.items():
        if not binds(query.algebra, THIS):
            continue
        if oxigraph is not None:
            text = str(shapes.value(constraint, SH.select))
            solutions = oxigraph.query(text)
            assert isinstance(solutions, ox.QuerySolutions)
            found = next(iter(solutions), None) is not None
        else:
            found = next(iter(data.query(query)), None) is not None
        if not found:
            quiet += [(subject, constraint) for subject in shapes.subjects(SH.sparql, constraint)]
    return quiet


def binds(part: CompValue, variable: Variable) -> bool:
    """Whether every solution of this part of a SPARQL algebra binds ``variable`` (False when unsure)."""
    name = part.name
    if name == "BGP":
        return any(variable in triple for triple in part.triples)
    if name == "Join":
        return binds(part.p1, variable) or binds(part.p2, variable)
    if name == "Union":
        return binds(part.p1, variable) and binds(part.p2, variable)
    if name == "LeftJoin":
        return binds(part.p1, variable)
    if name in ("SelectQuery", "Project", "Filter", "Distinct", "Reduced", "Slice", "ToMultiSet"):
        return binds(part.p, variable)
    return False


def validate_graph(graph: Graph, oxigraph: ox.Store | None = None) -> ValidationReport:
    """Validate ``graph`` against ``ontology/shapes.ttl`` (``oxigraph``: see :meth:`ShapeValidator.validate`)."""
    return ShapeValidator().validate(graph, oxigraph)
