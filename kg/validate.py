"""Check a graph against the project's SHACL shapes (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from .resources import ontology_path, shapes_path


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


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` against ``ontology/shapes.ttl`` (with the ontology's class tree)."""
    shapes = Graph().parse(shapes_path(), format="turtle")
    ontology = Graph().parse(ontology_path(), format="turtle")
    conforms, report, text = shacl_validate(
        graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
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
