"""The ontology as an HTML page (``docs/ontology.html``), generated offline from ``ontology/``.

Classes, properties (domain, range, labels in English and Arabic, comments), the concept
schemes and a summary of the SHACL shapes, read with rdflib and written with a Jinja2
template. ``scripts/ontology_docs.py`` writes the page; a test checks the committed page is
what the ontology gives today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import BNode, Node

from .resources import ontology_path, shapes_path

#: Where the page lives in the repository.
DOCS_PAGE = Path("docs") / "ontology.html"


@dataclass(frozen=True)
class Term:
    """A class or property of the ontology, as the page shows it."""

    name: str
    anchor: str
    label_en: str
    label_ar: str
    comment_en: str
    comment_ar: str
    kinds: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    domain: str = ""
    range: str = ""


@dataclass(frozen=True)
class Concept:
    """A SKOS concept of one of the ontology's schemes."""

    name: str
    label_en: str
    label_ar: str
    notation: str
    definition: str
    cameo: str


@dataclass(frozen=True)
class ShapeSummary:
    """A node shape: what it targets and the constraints it checks, one line each."""

    name: str
    targets: list[str]
    constraints: list[str]


def _text(graph: Graph, node: Node, prop: URIRef, lang: str | None = None) -> str:
    values = sorted(
        str(v) for v in graph.objects(node, prop) if isinstance(v, Literal) and (lang is None or v.language == lang)
    )
    return " ".join(values)


def _name(graph: Graph, node: Node | None) -> str:
    """A node as the page names it: a prefixed name, a union of classes, or a blank node's text."""
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node)
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return " or ".join(_name(graph, m) for m in Collection(graph, members))
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return f"^{_name(graph, inverse)}"
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            return " | ".join(_name(graph, m) for m in Collection(graph, alternatives))
        if (node, RDF.first, None) in graph:
            return " / ".join(_name(graph, m) for m in Collection(graph, node))
    return str(node)


def _term(graph: Graph, node: URIRef, kinds: list[str]) -> Term:
    name = _name(graph, node)
    return Term(
        name=name,
        anchor=name.replace(":", "-"),
        label_en=_text(graph, node, RDFS.label, "en"),
        label_ar=_text(graph, node, RDFS.label, "ar"),
        comment_en=_text(graph, node, RDFS.comment, "en"),
        comment_ar=_text(graph, node, RDFS.comment, "ar"),
        kinds=kinds,
        parents=sorted(_name(graph, p) for p in graph.objects(node, RDFS.subClassOf))
        + sorted(_name(graph, p) for p in graph.objects(node, RDFS.subPropertyOf)),
        domain=" ; ".join(sorted(_name(graph, d) for d in graph.objects(node, RDFS.domain))),
        range=" ; ".join(sorted(_name(graph, r) for r in graph.objects(node, RDFS.range))),
    )


def ontology_terms(graph: Graph, kind: URIRef) -> list[Term]:
    """The ontology's own classes (``owl:Class``) or properties of one kind, by name."""
    found = []
    for node in sorted({s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}):
        extra = [_name(graph, t) for t in sorted(graph.objects(node, RDF.type), key=str) if t != kind]
        found.append(_term(graph, node, extra))
    return found


def concepts(graph: Graph) -> list[tuple[str, list[Concept]]]:
    """Each concept scheme's label and its concepts."""
    schemes = []
    for scheme in sorted(s for s in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)):
        members = [
            Concept(
                name=_name(graph, c),
                label_en=_text(graph, c, SKOS.prefLabel, "en"),
                label_ar=_text(graph, c, SKOS.prefLabel, "ar"),
                notation=_text(graph, c, SKOS.notation),
                definition=_text(graph, c, SKOS.definition, "en"),
                cameo=_text(graph, c, URIRef(str(graph.namespace_manager.expand_curie("kg:cameoCode")))),
            )
            for c in sorted(graph.subjects(SKOS.inScheme, scheme), key=str)
        ]
        label = f"{_text(graph, scheme, SKOS.prefLabel, 'en')} ({_name(graph, scheme)})"
        schemes.append((label, members))
    return schemes


#: Constraint parameters a summary line shows, in this order.
_PARAMETERS = (
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH.node,
    SH.nodeKind,
    SH.hasValue,
    SH["in"],
    SH.equals,
    SH.pattern,
    SH.languageIn,
    SH.minInclusive,
    SH.maxInclusive,
    SH.qualifiedMinCount,
)


def _parameters(graph: Graph, node: Node) -> list[str]:
    parts = []
    for parameter in _PARAMETERS:
        for value in sorted(graph.objects(node, parameter), key=str):
            shown = _name(graph, value)
            if isinstance(value, Literal):
                shown = str(value) if value.datatype not in (None, XSD.string) else f'"{value}"'
            if isinstance(value, BNode) and (value, RDF.first, None) in graph:
                shown = "(" + " ".join(_name(graph, v) for v in Collection(graph, value)) + ")"
            qualified = graph.value(node, SH.qualifiedValueShape) if parameter == SH.qualifiedMinCount else None
            if qualified is not None:
                shown += " with " + ", ".join(_parameters(graph, qualified))
            parts.append(f"{_name(graph, parameter).removeprefix('sh:')} {shown}")
    for negated in graph.objects(node, SH["not"]):
        parts.append("not " + ", ".join(_parameters(graph, negated)))
    return parts


def _constraints(graph: Graph, shape: Node) -> list[str]:
    lines = []
    for prop in graph.objects(shape, SH.property):
        path = graph.value(prop, SH.path)
        text = f"{_name(graph, path)}: {', '.join(_parameters(graph, prop)) or 'any value'}"
        message = _text(graph, prop, SH.message)
        lines.append(f"{text} — {message}" if message else text)
    own = _parameters(graph, shape)
    if own:
        lines.append("the node itself: " + ", ".join(own))
    if (shape, SH["or"], None) in graph:
        lines.append("one of several alternatives (sh:or) — " + (_text(graph, shape, SH.message) or "see the shape"))
    for sparql in graph.objects(shape, SH.sparql):
        lines.append("SPARQL: " + _text(graph, sparql, SH.message))
    return sorted(lines)


def shape_summaries(shapes: Graph) -> list[ShapeSummary]:
    """Every named node shape: its targets and constraints."""
    found = []
    for shape in sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)):
        targets = [
            f"{_name(shapes, kind).removeprefix('sh:')} {_name(shapes, value)}"
            for kind in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
            for value in sorted(shapes.objects(shape, kind), key=str)
        ]
        found.append(ShapeSummary(_name(shapes, shape), targets, _constraints(shapes, shape)))
    return found


def ontology_html(ontology: Path | None = None, shapes: Path | None = None) -> str:
    """The HTML page of the ontology and its shapes."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    graph = Graph().parse(ontology or ontology_path(), format="turtle")
    shape_graph = Graph().parse(shapes or shapes_path(), format="turtle")
    head = next(iter(graph.subjects(RDF.type, OWL.Ontology)))
    environment = Environment(
        loader=PackageLoader("kg", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("ontology.html").render(
        iri=str(head),
        title_en=_text(graph, head, DCTERMS.title, "en"),
        title_ar=_text(graph, head, DCTERMS.title, "ar"),
        description=_text(graph, head, DCTERMS.description, "en"),
        version=_text(graph, head, OWL.versionInfo),
        namespace=str(graph.namespace_manager.expand_curie("kg:x"))[:-1],
        classes=ontology_terms(graph, OWL.Class),
        object_properties=ontology_terms(graph, OWL.ObjectProperty),
        datatype_properties=ontology_terms(graph, OWL.DatatypeProperty),
        schemes=concepts(graph),
        shapes=shape_summaries(shape_graph),
    )


__all__ = ["DOCS_PAGE", "ontology_html", "ontology_terms", "shape_summaries"]
