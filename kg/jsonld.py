"""JSON-LD that reads as plain JSON: a context with a term for every property and class used.

The context (:func:`jsonld_context`) has ``@vocab`` (the ``kg:`` ontology), ``@base`` (the
project's ``id/`` namespace, so node ids read ``person/vladimir-putin``), ``id`` and
``type`` for ``@id`` and ``@type``, and a term definition for every ``kg:`` property and
class of the ontology and every ``schema:``, ``dcterms:``, ``prov:``, ``rdfs:``, ``skos:``
and ``owl:`` property the graphs use — with its value type: ``@id`` for links to nodes,
``@vocab`` for links to ontology terms (``"topic": "Ceasefire"``), ``xsd:date`` for dates,
``xsd:decimal`` for confidences, and language maps for labels
(``"label": {"ar": "…", "en": "…"}``). Integers and booleans are JSON numbers and booleans.

:func:`jsonld_bytes` writes a graph with it by hand (Oxigraph terms in, one node object per
subject out), which is much faster than rdflib's JSON-LD serializer; a value the context
cannot say plainly (a literal of another datatype) is written in full (``@value``/``@type``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .collector import collector_paused
from .rdf import ID, KG, SCHEMA, WD
from .resources import ontology_path

_PREFIXES = {
    "kg": str(KG),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "wd": str(WD),
}
#: Terms outside ``kg:`` the project's graphs use: name → (IRI, value type or container).
_OTHER_TERMS: dict[str, tuple[str, str]] = {
    "label": (str(RDFS.label), "@language"),
    "prefLabel": (str(SKOS.prefLabel), "@language"),
    "altLabel": (str(SKOS.altLabel), "@language"),
    "sameAs": (str(OWL.sameAs), "@id"),
    "wasDerivedFrom": (str(PROV.wasDerivedFrom), "@id"),
    "date": (str(DCTERMS.date), str(XSD.date)),
    "identifier": (str(SCHEMA.identifier), ""),
    "url": (str(SCHEMA.url), str(XSD.anyURI)),
    "publisher": (str(SCHEMA.publisher), "@id"),
    "name": (str(SCHEMA.name), ""),
    "headline": (str(SCHEMA.headline), ""),
    "datePublished": (str(SCHEMA.datePublished), str(XSD.date)),
    "startDate": (str(SCHEMA.startDate), str(XSD.date)),
    "endDate": (str(SCHEMA.endDate), str(XSD.date)),
    "inLanguage": (str(SCHEMA.inLanguage), ""),
    "NewsArticle": (str(SCHEMA.NewsArticle), "class"),
}
#: Datatypes written as native JSON values (a term with no ``@type``; strings are plain JSON strings).
_NATIVE = {str(XSD.integer), str(XSD.boolean)}
_RDF_TYPE = str(RDF.type)
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = str(XSD.string), str(XSD.integer), str(XSD.boolean)


def _ontology_terms() -> dict[str, tuple[str, str]]:
    """``kg:`` properties and classes of the ontology with their value types."""
    kinds: dict[str, set[str]] = defaultdict(set)
    ranges: dict[str, str] = {}
    for quad in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE):
        subject = quad.subject
        if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(str(KG)):
            continue
        if quad.predicate.value == _RDF_TYPE:
            kinds[subject.value].add(quad.object.value)
        elif quad.predicate.value == str(RDFS.range) and isinstance(quad.object, ox.NamedNode):
            ranges[subject.value] = quad.object.value
    terms: dict[str, tuple[str, str]] = {}
    for iri, types in sorted(kinds.items()):
        name = iri.removeprefix(str(KG))
        if str(OWL.Class) in types:
            terms[name] = (iri, "class")
        elif str(OWL.ObjectProperty) in types:
            concept = ranges.get(iri) in {str(SKOS.Concept), str(OWL.Class), str(OWL.ObjectProperty)}
            terms[name] = (iri, "@vocab" if concept else "@id")
        elif str(OWL.DatatypeProperty) in types:
            datatype = ranges.get(iri, "")
            plain = datatype in _NATIVE or datatype in {str(XSD.string), str(RDF.langString)}
            terms[name] = (iri, "" if plain else datatype)
    return terms


def _terms() -> dict[str, tuple[str, str]]:
    terms = _ontology_terms()
    terms.update(_OTHER_TERMS)
    return terms


def _compact(iri: str) -> str:
    for prefix, namespace in _PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri.removeprefix(namespace)}"
    return iri


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of the project's vocabulary (see the module's doc)."""
    context: dict[str, Any] = {"@vocab": str(KG), "@base": str(ID), "id": "@id", "type": "@type", **_PREFIXES}
    for name, (iri, kind) in sorted(_terms().items()):
        if kind == "class":
            context[name] = _compact(iri)
        elif kind == "@language":
            context[name] = {"@id": _compact(iri), "@container": "@language"}
        elif kind:
            context[name] = {"@id": _compact(iri), "@type": kind if kind.startswith("@") else _compact(kind)}
        else:
            context[name] = {"@id": _compact(iri)}
    return {"@context": context}


class _Writer:
    """Node objects of triples, compacted with :func:`jsonld_context`'s terms."""

    def __init__(self) -> None:
        terms = _terms()
        self.by_iri = {iri: (name, kind) for name, (iri, kind) in terms.items() if kind != "class"}
        self.classes = {iri: name for name, (iri, kind) in terms.items() if kind == "class"}
        self.names = {name: iri for name, (iri, _) in terms.items()}
        #: (property, named node) → key and value, worked out once.
        self.entries: dict[tuple[str, str], tuple[str, Any]] = {}

    def node_id(self, term: Any) -> str:
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        local = term.value.removeprefix(str(ID))
        if local != term.value and local and ":" not in local.split("/", 1)[0] and not local.startswith(("_", "/")):
            return str(local)
        return _compact(str(term.value))

    def vocab(self, term: Any) -> str:
        iri = str(term.value)
        if iri in self.classes:
            return self.classes[iri]
        local = iri.removeprefix(str(KG))
        if local != iri and self.names.get(local, iri) == iri and local.isidentifier():
            return local
        return _compact(iri)

    def literal(self, term: ox.Literal) -> Any:
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return term.value
        if datatype == _XSD_INTEGER and term.value.lstrip("-").isdigit():
            return int(term.value)
        if datatype == _XSD_BOOLEAN and term.value in {"true", "false"}:
            return term.value == "true"
        return {"@value": term.value, "@type": _compact(datatype)}

    def value(self, kind: str, term: Any) -> Any:
        """``term`` as the value of a property whose term has value type ``kind``."""
        if isinstance(term, ox.Literal):
            if kind and not kind.startswith("@") and not term.language and term.datatype.value == kind:
                return term.value
            if kind in {"@id", "@vocab"} or (kind and not kind.startswith("@")):
                return None  # the term cannot say it: written under the full IRI
            return self.literal(term)
        if kind == "@id":
            return self.node_id(term)
        if kind == "@vocab":
            return self.vocab(term)
        if kind and kind != "@language":
            return None
        return {"@id": self.node_id(term)}

    def entry(self, iri: str, obj: Any) -> tuple[str, Any]:
        """The key and JSON value of one property value (a language-tagged label's key is ``""``)."""
        if iri == _RDF_TYPE and not isinstance(obj, ox.Literal):
            return "type", self.vocab(obj)
        name, kind = self.by_iri.get(iri, ("", ""))
        if kind == "@language" and isinstance(obj, ox.Literal) and obj.language:
            return "", None
        written = self.value(kind, obj) if name else None
        if written is None:
            return _compact(iri), self.literal(obj) if isinstance(obj, ox.Literal) else self.value("", obj)
        return name, written

    def node(self, subject: Any, pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
        """The node object of ``subject`` with its (predicate, object) pairs.

        The key and value of a link to a named node depend only on the property and the
        node: they are worked out once per pair (most links point at a few nodes).
        """
        node: dict[str, Any] = {"id": self.node_id(subject)}
        values: dict[str, list[Any]] = {}
        languages: dict[str, dict[str, list[str]]] = {}
        known = self.entries
        for predicate, obj in pairs:
            iri = predicate.value
            if isinstance(obj, ox.NamedNode):
                pair = (iri, obj.value)
                found = known.get(pair)
                if found is None:
                    found = known[pair] = self.entry(iri, obj)
                key, written = found
            else:
                key, written = self.entry(iri, obj)
                if not key:
                    name = self.by_iri[iri][0]
                    languages.setdefault(name, {}).setdefault(obj.language, []).append(obj.value)
                    continue
            items = values.get(key)
            if items is None:
                values[key] = [written]
            else:
                items.append(written)
        for key in sorted(values):
            items = values[key]
            if len(items) == 1:
                node[key] = items[0]
            else:
                node[key] = sorted(items, key=_sort_key)
        for key in sorted(languages):
            by_language = languages[key]
            node[key] = {lang: sorted(v)[0] if len(v) == 1 else sorted(v) for lang, v in sorted(by_language.items())}
        return node


def _sort_key(value: Any) -> str:
    """How the values of a property are ordered: by their JSON text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def jsonld_document(triples: Iterable[Any]) -> dict[str, Any]:
    """Oxigraph triples (or quads: their graph ignored) as one compacted JSON-LD document."""
    by_subject: dict[Any, list[tuple[Any, Any]]] = {}
    for triple in triples:
        pairs = by_subject.get(triple.subject)
        if pairs is None:
            pairs = by_subject[triple.subject] = []
        pairs.append((triple.predicate, triple.object))
    writer = _Writer()
    nodes = [writer.node(subject, pairs) for subject, pairs in by_subject.items()]
    nodes.sort(key=lambda n: str(n["id"]))
    return {**jsonld_context(), "@graph": nodes}


def jsonld_bytes(store: ox.Store) -> bytes:
    """The default graph of ``store`` as compacted JSON-LD (UTF-8, one line per node)."""
    with collector_paused():
        document = jsonld_document(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    head = json.dumps(document["@context"], ensure_ascii=False, indent=1)
    body = ",\n".join(json.dumps(n, ensure_ascii=False) for n in document["@graph"])
    return f'{{"@context": {head},\n"@graph": [\n{body}\n]}}\n'.encode()


__all__ = ["jsonld_bytes", "jsonld_context", "jsonld_document"]
