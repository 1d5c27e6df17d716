"""Where the project's shipped files live, installed or in a checkout.

In a checkout they are top-level folders (``ontology/``, ``queries/``,
``data/samples/``); a built wheel carries copies inside the package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder ``name`` (e.g. ``"queries"``, ``"data/samples"``) of the installation."""
    inside = PACKAGE_DIR / "_shipped" / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def ontology_path() -> Path:
    """The ontology Turtle file."""
    return resource_dir("ontology") / "kg.ttl"


def shapes_path() -> Path:
    """The SHACL shapes Turtle file."""
    return resource_dir("ontology") / "shapes.ttl"


def query_dir() -> Path:
    """The folder of shipped SPARQL queries."""
    return resource_dir("queries")


def facts_query_path() -> Path:
    """The SPARQL query behind the facts export and ``kg eval`` (internal: not one of the analyst queries)."""
    return PACKAGE_DIR / "data" / "facts.rq"


def sample_corpus_dir() -> Path:
    """The embedded sample corpus (the five seed articles)."""
    return resource_dir("data/samples")
