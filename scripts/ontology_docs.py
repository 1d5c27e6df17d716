"""Write docs/ontology.html from ontology/kg.ttl and ontology/shapes.ttl (offline).

Run from the repository root after changing the ontology or the shapes:
``python scripts/ontology_docs.py``; tests/test_ontology.py checks the page is up to date.
"""

from __future__ import annotations

from pathlib import Path

from kg.atomic import write_text_atomic
from kg.ontology_docs import DOCS_PAGE, ontology_html


def main() -> None:
    """Regenerate the page next to this script's repository."""
    target = Path(__file__).resolve().parent.parent / DOCS_PAGE
    write_text_atomic(target, ontology_html())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
