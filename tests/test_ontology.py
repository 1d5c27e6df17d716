"""The ontology and its shapes: labels in both languages, data that conforms in every pyshacl
mode (shapes alone, with the ontology, under RDFS inference), broken data that does not, the
mediation offer as a link to its parties, and the HTML page kept up to date."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery
from synthetic import ERDOGAN, PUTIN, RUSSIA, article, call, ev, graph_of

from kg import api
from kg.analyse import actor_network
from kg.event_records import read_events
from kg.explain import explain, explain_event
from kg.exports import event_rows
from kg.facts import iter_facts
from kg.knowledge import STATE
from kg.model import Actor, ArticleResult, Fact
from kg.ontology_docs import DOCS_PAGE, ontology_html
from kg.query import as_oxigraph
from kg.rdf import KG
from kg.resources import ontology_path, sample_corpus_dir, shapes_path
from kg.validate import THIS, ShapeValidator, binds

REPOSITORY = Path(__file__).resolve().parent.parent
UKRAINE = Actor("state/XU", STATE, "أوكرانيا", "Ukraine")
TURKEY = Actor("state/XT", STATE, "تركيا", "Turkey")

#: The three ways to run the shapes: alone, with the ontology mixed in, and under RDFS
#: inference (with the ontology, pyshacl's inference option).
MODES: dict[str, tuple[bool, str]] = {
    "shapes alone": (False, "none"),
    "with the ontology": (True, "none"),
    "rdfs inference": (True, "rdfs"),
}


def conforms(data: Graph, mode: str) -> tuple[bool, str]:
    """Whether ``data`` conforms to the shapes in one mode, and pyshacl's report text."""
    with_ontology, inference = MODES[mode]
    outcome, _, text = validate(
        data,
        shacl_graph=Graph().parse(shapes_path()),
        ont_graph=Graph().parse(ontology_path()) if with_ontology else None,
        inference=inference,
    )
    return bool(outcome), str(text)


@pytest.fixture(scope="module")
def invented() -> Graph:
    """Every relation once, with a mediation offer between two parties, merged across two articles."""
    offer = Fact("offeredMediation", TURKEY, ev("وأبدت تركيا استعدادها للوساطة بين روسيا وأوكرانيا.", 3))
    offer.parties = (RUSSIA, UKRAINE)
    again = Fact("offeredMediation", TURKEY, ev("وجددت أنقرة عرضها للتوسط.", 1))
    day = date(2024, 5, 2)
    one = [
        call(initiator="a", day=day),
        Fact("urged", PUTIN, ev("ودعا بوتين إلى ضبط النفس.", 1), topic="Restraint"),
        Fact("thanked", ERDOGAN, ev("وشكر أردوغان روسيا.", 2), b=RUSSIA),
        offer,
        Fact("warned", PUTIN, ev("وحذر بوتين من حرب شاملة.", 4), warned_of="حرب شاملة"),
    ]
    return graph_of(article("one", one, published=day), article("two", [again], published=day))


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The graph of the sample corpus, as kg build writes it."""
    target = tmp_path_factory.mktemp("samples") / "graph.ttl"
    api.build([sample_corpus_dir()], target, validate=False)
    return Graph().parse(target)


# ---------------------------------------------------------------- labels and comments


def test_every_class_and_property_has_english_and_arabic_labels_and_comments() -> None:
    ontology = Graph().parse(ontology_path())
    terms = {
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
    }
    assert KG.mediationParty in terms and KG.ActorRole in terms
    lacking = []
    for term in sorted(terms):
        for prop in (RDFS.label, RDFS.comment):
            languages = {getattr(v, "language", None) for v in ontology.objects(term, prop)}
            lacking += [f"{term} {prop} @{lang}" for lang in ("en", "ar") if lang not in languages]
    assert lacking == []


# ---------------------------------------------------------------- conforming data, three modes


@pytest.mark.parametrize("mode", list(MODES))
def test_built_data_conforms_in_every_mode(invented: Graph, samples: Graph, mode: str) -> None:
    for data in (invented, samples):
        outcome, text = conforms(data, mode)
        assert outcome, text


def test_the_pyshacl_command_accepts_the_data_under_rdfs_inference(invented: Graph, tmp_path: Path) -> None:
    command = shutil.which("pyshacl", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.skip("the pyshacl command is not installed beside this Python")
    data = tmp_path / "data.ttl"
    invented.serialize(data, format="turtle")
    args = [command, "-s", str(shapes_path()), "-e", str(ontology_path()), "-i", "rdfs", str(data)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    assert "Conforms: True" in done.stdout


# ---------------------------------------------------------------- broken data fails in every mode


def _call_report(graph: Graph) -> URIRef:
    return next(r for r in graph.subjects(KG.reportedType, KG.PhoneCall) if isinstance(r, URIRef))


def _drop_a_participant(graph: Graph) -> None:
    # Not the initiator: kg:initiator is a sub-property of kg:participant, so RDFS inference
    # would give the report its participant back.
    report = _call_report(graph)
    initiator = graph.value(report, KG.initiator)
    callee = next(p for p in graph.objects(report, KG.participant) if p != initiator)
    graph.remove((report, KG.participant, callee))


def _confidence_as_text(graph: Graph) -> None:
    report = _call_report(graph)
    graph.set((report, KG.confidence, Literal("high")))


def _boolean_mediation_shortcut(graph: Graph) -> None:
    turkey = next(graph.subjects(KG.offeredMediation, None))
    graph.add((turkey, KG.offeredMediation, Literal(True)))


def _untyped_party(graph: Graph) -> None:
    offer = next(graph.subjects(RDF.type, KG.MediationOffer))
    for report in list(graph.objects(offer, KG.hasReport)):
        graph.add((report, KG.mediationParty, URIRef("https://example.org/nobody")))
    graph.add((offer, KG.mediationParty, URIRef("https://example.org/nobody")))


def _event_of_another_type(graph: Graph) -> None:
    event = next(graph.subjects(RDF.type, KG.Appeal))
    graph.remove((event, RDF.type, KG.Appeal))
    graph.add((event, RDF.type, KG.Warning))


def _party_missing_from_the_event(graph: Graph) -> None:
    offer = next(graph.subjects(RDF.type, KG.MediationOffer))
    graph.remove((offer, KG.mediationParty, None))


BREAKAGES: dict[str, Callable[[Graph], None]] = {
    "a call report missing an actor": _drop_a_participant,
    "a confidence that is no decimal": _confidence_as_text,
    "kg:offeredMediation true": _boolean_mediation_shortcut,
    "a mediation party that is no actor": _untyped_party,
    "an event typed otherwise than its reports": _event_of_another_type,
    "an offer without its reports' parties": _party_missing_from_the_event,
}


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_data_fails_in_every_mode(invented: Graph, breakage: str, mode: str) -> None:
    broken = Graph()
    broken += invented
    BREAKAGES[breakage](broken)
    outcome, _ = conforms(broken, mode)
    assert not outcome, f"{breakage} passed ({mode})"


def _raw_violations(data: Graph) -> set[tuple[str, str, str]]:
    """pyshacl's results for the shapes file as it is: (focus node, path, message)."""
    _, report, _ = validate(data, shacl_graph=Graph().parse(shapes_path()), inference="none", advanced=True)
    assert isinstance(report, Graph)
    found = set()
    for result in report.subjects(SH.resultSeverity, None):
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        found.add((str(report.value(result, SH.focusNode)), _path_text(path), str(message or "")))
    return found


def _path_text(path: object) -> str:
    """A result's path: an IRI, or "(path)" for a sequence or inverse path (a blank node of the shapes)."""
    text = str(path) if path is not None else ""
    return text if text.startswith("http") or not text else "(path)"


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_the_faster_validator_reports_what_pyshacl_reports_on_the_shapes_file(invented: Graph, breakage: str) -> None:
    # kg.validate gives property shapes their node shapes' targets and leaves out the SPARQL
    # constraints nothing violates: the same violations, found sooner.
    broken = Graph()
    broken += invented
    BREAKAGES[breakage](broken)
    outcome = ShapeValidator().validate(broken)
    found = {(v.focus, _path_text(v.path), v.message) for v in outcome.violations}
    assert not outcome.conforms
    assert found == _raw_violations(broken)


def test_a_sparql_constraint_is_left_out_only_where_its_query_binds_the_focus_node() -> None:
    bound = prepareQuery("SELECT $this WHERE { $this <urn:p> ?v FILTER NOT EXISTS { ?v <urn:q> $this } }")
    optional = prepareQuery("SELECT $this WHERE { ?v <urn:p> ?w OPTIONAL { $this <urn:q> ?v } }")
    negated = prepareQuery("SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> ?v } }")
    assert binds(bound.algebra, THIS)
    assert not binds(optional.algebra, THIS) and not binds(negated.algebra, THIS)
    validator = ShapeValidator()
    assert all(binds(query.algebra, THIS) for query in validator.sparql_queries.values())


# ---------------------------------------------------------------- mediation offers link to their parties


def test_a_mediation_offer_links_its_agent_to_the_parties(invented: Graph) -> None:
    (offer,) = invented.subjects(RDF.type, KG.MediationOffer)
    parties = set(invented.objects(offer, KG.mediationParty))
    assert {str(p).rsplit("/", 1)[-1] for p in parties} == {"XR", "XU"}
    turkey = invented.value(offer, KG.agent)
    assert set(invented.objects(turkey, KG.offeredMediation)) == parties
    assert len(set(invented.objects(offer, KG.hasReport))) == 2  # the second report names no party
    assert Literal(True) not in set(invented.objects(None, KG.offeredMediation))


def test_the_facts_export_lists_the_parties_of_each_offer(invented: Graph) -> None:
    offers = sorted((f for f in iter_facts(invented) if f["rel"] == "offeredMediation"), key=lambda f: f["article"])
    assert [[p.get("en") for p in f["parties"]] for f in offers] == [["Russia", "Ukraine"], []]
    assert all(set(f) >= {"article", "rel", "a", "evidence"} and "b" not in f for f in offers)


def test_the_actor_network_draws_an_offer_to_each_of_its_parties(invented: Graph) -> None:
    network = actor_network(invented)
    offers = {
        (str(a).rsplit("/", 1)[-1], str(b).rsplit("/", 1)[-1])
        for a, b, data in network.edges(data=True)
        if data["relation"] == "offeredMediation"
    }
    assert offers == {("XT", "XR"), ("XT", "XU")}


def test_explain_and_the_event_table_show_the_parties_of_an_offer(invented: Graph) -> None:
    (offer,) = invented.subjects(RDF.type, KG.MediationOffer)
    assert "  mediation between/with: Russia (روسيا), Ukraine (أوكرانيا)" in explain_event(invented, URIRef(str(offer)))
    russia = next(invented.subjects(RDFS.label, Literal("Russia", lang="en")))
    assert f"MediationOffer id:event/{str(offer).rsplit('/', 1)[-1]}" in explain(invented, str(russia))
    (row,) = [r for r in event_rows(read_events(as_oxigraph(invented))) if r["EventCode"] == "039"]
    assert (row["Actor1Name"], row["Actor2Name"]) == ("Turkey", "Russia")


def test_the_extractor_reads_the_parties_of_a_mediation_offer(extract: Callable[..., ArticleResult]) -> None:
    text = "أعربت تركيا عن استعدادها للوساطة بين روسيا وأوكرانيا لإنهاء الحرب."
    (offer,) = [f for f in extract(text, published=date(2024, 3, 1)).facts if f.relation == "offeredMediation"]
    assert offer.a.key == "state/TR"
    assert [p.key for p in offer.parties] == ["state/RU", "state/UA"]


def test_an_offer_made_during_a_call_goes_to_the_other_party(extract: Callable[..., ArticleResult]) -> None:
    text = (
        "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين. "
        "وأكد أردوغان استعداده للوساطة."
    )
    (offer,) = [f for f in extract(text, published=date(2024, 3, 1)).facts if f.relation == "offeredMediation"]
    assert [p.key for p in offer.parties] == ["person/vladimir-putin"]


# ---------------------------------------------------------------- the HTML page


def test_the_committed_ontology_page_is_up_to_date() -> None:
    committed = (REPOSITORY / DOCS_PAGE).read_text(encoding="utf-8")
    assert committed == ontology_html(), "run: python scripts/ontology_docs.py"


def test_the_ontology_page_names_every_class_property_and_shape() -> None:
    page = (REPOSITORY / DOCS_PAGE).read_text(encoding="utf-8")
    ontology = Graph().parse(ontology_path())
    terms = {
        ontology.namespace_manager.normalizeUri(s)
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
    }
    missing = sorted(t for t in terms if f'id="{t.replace(":", "-")}"' not in page)
    assert missing == []
    shapes = Graph().parse(shapes_path())
    named = {shapes.namespace_manager.normalizeUri(s) for s in shapes.subjects(RDF.type, None) if isinstance(s, URIRef)}
    assert {n for n in named if f"<code>{n}</code>" not in page} == set()
    assert "طرف الوساطة" in page and "xsd:decimal" in page
