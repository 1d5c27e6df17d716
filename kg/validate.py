"""Check a graph against the project's SHACL shapes (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from .resources import shapes_path


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

    def __init__(self) -> None:
        super().__init__()
        self._prepared: dict[str, Query] = {}

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:
        """Run a query, parsing a text only the first time it is seen."""
        if isinstance(query_object, str) and not kwargs.get("initNs"):
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
        self.shapes = Graph().parse(shapes_path(), format="turtle")

    def validate(self, graph: Graph) -> ValidationReport:
        """Validate ``graph`` against the shapes (``graph`` is not changed: a copy is validated)."""
        data = _PreparedQueries()
        data.namespace_manager = graph.namespace_manager
        data.addN((s, p, o, data) for s, p, o in graph)
        conforms, report, text = shacl_validate(
            data,
            shacl_graph=self.shapes,
            inference="none",
            advanced=True,
            allow_warnings=True,
            inplace=True,
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


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` against ``ontology/shapes.ttl``."""
    return ShapeValidator().validate(graph)
