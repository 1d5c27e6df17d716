"""What the commands that read graphs import: no rdflib, spaCy or torch where Oxigraph does the work.

Speed itself is measured in ``benchmarks/`` (figures in ``benchmarks/README.md``); this
checks the imports that made ``kg query``, ``kg stats``, ``kg viz`` and ``kg serve`` slow
to start, and that the plain-string IRIs of :mod:`kg.iris` say what rdflib's namespaces say.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Graph

from kg import iris, rdf
from kg.store import prefixes

HEAVY = ("rdflib", "oxrdflib", "spacy", "torch")


def _imported_after(code: str) -> list[str]:
    """The heavy packages a fresh interpreter has imported after running ``code``."""
    check = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent
    )
    return done.stdout.split()


def test_the_graph_reading_commands_import_no_rdflib() -> None:
    modules = "kg.cli, kg.api, kg.query, kg.store, kg.readback, kg.analyse, kg.viz, kg.web.network, kg.serve"
    assert _imported_after(f"import {modules}") == []


def test_a_query_on_a_graph_file_runs_without_rdflib(tmp_path: Path) -> None:
    graph = tmp_path / "g.nt"
    graph.write_text("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n", encoding="utf-8")
    code = (
        f"from kg import api\nassert api.query({str(graph)!r}, 'SELECT * {{ ?s ?p ?o }}').text('csv').count('\\n') == 2"
    )
    assert _imported_after(code) == []


def test_the_string_iris_are_rdflibs() -> None:
    for name in ("KG", "ID", "SCHEMA", "WD"):
        assert str(getattr(iris, name)) == str(getattr(rdf, name))
    assert iris.KG.participant == str(rdf.KG.participant) and iris.KG["PhoneCall"] == str(rdf.KG["PhoneCall"])
    bound = {
        str(prefix): str(namespace)
        for prefix, namespace in rdf.bind_prefixes(Graph(bind_namespaces="core")).namespaces()
        if prefix and prefix != "xml"
    }
    assert bound == iris.PREFIXES
    written = {str(p): str(n) for p, n in rdf.bind_prefixes(Graph()).namespaces() if str(p) in prefixes()}
    assert list(prefixes().items()) == list(written.items())


def test_outlet_labels_are_read_from_outlet_iris() -> None:
    assert iris.outlet_label(iris.ID["outlet/Al%20Jazeera"]) == "Al Jazeera"
    assert iris.outlet_label(iris.ID["person/x"]) is None
    assert str(rdf.outlet_name(rdf.ID["outlet/Al%20Jazeera"])) == "Al Jazeera"
