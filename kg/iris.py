"""The project's namespaces as plain IRI strings, for code that reads graphs in Oxigraph without rdflib.

``kg query``, ``kg stats``, ``kg viz`` and ``kg serve`` read graphs with SPARQL run by
Oxigraph and need no more than IRIs as text; importing rdflib (and oxrdflib) would
cost them a third of a second at every start. :mod:`kg.rdf` builds its rdflib
namespaces from the same strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

#: Where the project's IRIs live.
BASE = "https://w3id.org/arabic-diplomacy-kg/"


@dataclass(frozen=True)
class Namespace:
    """A namespace whose terms are IRI strings: ``KG.participant``, ``KG["PhoneCall"]``."""

    iri: str

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.iri + name

    def __getitem__(self, name: str) -> str:
        return self.iri + name

    def __str__(self) -> str:
        return self.iri


KG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

#: The prefixes of query answers and written Turtle, as rdflib binds them (``tests/test_queries.py`` checks).
PREFIXES: dict[str, str] = {
    "owl": OWL.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "xsd": XSD.iri,
    "kg": KG.iri,
    "id": ID.iri,
    "schema": SCHEMA.iri,
    "prov": PROV.iri,
    "skos": SKOS.iri,
    "dcterms": DCTERMS.iri,
    "wd": WD.iri,
}

#: Outlets are named by IRIs under this.
OUTLETS = ID["outlet/"]


def outlet_label(iri: str) -> str | None:
    """The outlet name an outlet IRI carries (``None`` for other IRIs)."""
    return unquote(iri.removeprefix(OUTLETS)) if iri.startswith(OUTLETS) else None


__all__ = [
    "BASE",
    "DCTERMS",
    "ID",
    "KG",
    "OUTLETS",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
    "Namespace",
    "outlet_label",
]
