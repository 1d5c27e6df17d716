"""Merging: one event node per real-world event, every source kept, conflicts shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from synthetic import EMPTY, ERDOGAN, PUTIN, RAISI, article, call, calls, ev, graph_of, sources, synthetic_result

from kg.extract import Extractor
from kg.facts import iter_facts
from kg.knowledge import PERSON
from kg.merge import MAX_CONFIDENCE
from kg.model import Actor, ArticleResult, Fact
from kg.persist import build_graph
from kg.rdf import ID, KG, article_iri
from kg.validate import validate_graph

# ---------------------------------------------------------------- the acceptance case


def test_two_articles_about_one_call_give_one_phone_call_with_two_sources() -> None:
    one = article("a1", [call(day=date(2024, 4, 14))], published=date(2024, 4, 15), url="https://one.example/1")
    two = article(
        "a2", [call(day=date(2024, 4, 14), index=3)], published=date(2024, 4, 15), url="https://two.example/2"
    )
    graph = graph_of(one, two)
    (event,) = calls(graph)
    assert sources(graph, event) == {article_iri("a1"), article_iri("a2")}
    assert graph.value(event, KG.sourceCount) == Literal(2)
    assert len(set(graph.objects(event, KG.hasReport))) == 2
    # every evidence sentence is kept, each with its own article
    evidence = set(graph.objects(event, KG.hasEvidence))
    assert {graph.value(e, PROV.wasDerivedFrom) for e in evidence} == {article_iri("a1"), article_iri("a2")}
    # confidence grows with independent sources
    single = graph_of(one)
    (alone,) = calls(single)
    merged_confidence = graph.value(event, KG.confidence)
    single_confidence = single.value(alone, KG.confidence)
    assert isinstance(merged_confidence, Literal) and isinstance(single_confidence, Literal)
    assert merged_confidence.toPython() > single_confidence.toPython()
    assert validate_graph(graph).conforms


def test_the_facts_export_stays_per_article_after_merging() -> None:
    one = article("a1", [call(initiator="a", day=date(2024, 4, 14))], published=date(2024, 4, 15))
    two = article("a2", [call(day=date(2024, 4, 15))], published=date(2024, 4, 15))
    graph = graph_of(one, two)
    facts = [f for f in iter_facts(graph) if f["rel"] == "called"]
    assert sorted(f["article"] for f in facts) == ["a1", "a2"]
    by_article = {f["article"]: f for f in facts}
    assert by_article["a1"]["date"] == "2024-04-14" and by_article["a2"]["date"] == "2024-04-15"
    assert len({f["event"] for f in facts}) == 1  # one merged event
    assert by_article["a1"]["initiator"] in {"a", "b"} and by_article["a2"]["initiator"] is None
    assert by_article["a1"]["report"] != by_article["a2"]["report"]


def test_conflicting_initiators_are_kept_per_source_and_the_call_is_disputed() -> None:
    # One outlet: Putin called Erdogan. Another: Putin received Erdogan's call.
    one = article("a1", [call(initiator="a", day=date(2024, 4, 14))], published=date(2024, 4, 14))
    two = article("a2", [call(initiator="b", day=date(2024, 4, 14))], published=date(2024, 4, 14))
    graph = graph_of(one, two)
    (event,) = calls(graph)
    assert graph.value(event, KG.initiator) is None
    assert graph.value(event, KG.initiatorDisputed) == Literal(True)
    claims = {graph.value(r, KG.initiator) for r in graph.objects(event, KG.hasReport)}
    assert claims == {ID[PUTIN.key], ID[ERDOGAN.key]}
    # both directions of the shortcut: the graph does not pick one silently
    assert (ID[PUTIN.key], KG.called, ID[ERDOGAN.key]) in graph
    assert (ID[ERDOGAN.key], KG.called, ID[PUTIN.key]) in graph
    assert validate_graph(graph).conforms
    # one source naming the caller and one silent: the caller stands, not disputed
    three = article("a3", [call(day=date(2024, 4, 14))], published=date(2024, 4, 14))
    agreed = graph_of(one, three)
    (event,) = calls(agreed)
    assert agreed.value(event, KG.initiator) == ID[PUTIN.key]
    assert agreed.value(event, KG.initiatorDisputed) is None


def test_a_silently_picked_initiator_is_a_shape_violation() -> None:
    one = article("a1", [call(initiator="a", day=date(2024, 4, 14))], published=date(2024, 4, 14))
    two = article("a2", [call(initiator="b", day=date(2024, 4, 14))], published=date(2024, 4, 14))
    graph = graph_of(one, two)
    (event,) = calls(graph)
    graph.remove((event, KG.initiatorDisputed, None))
    graph.add((event, KG.initiator, ID[PUTIN.key]))
    outcome = validate_graph(graph)
    assert not outcome.conforms
    assert str(event) in {v.focus for v in outcome.violations}


def test_dates_a_day_apart_merge_two_days_apart_do_not() -> None:
    day = date(2024, 4, 14)
    near = graph_of(
        article("a1", [call(day=day)], published=day),
        article("a2", [call(day=date(2024, 4, 15))], published=date(2024, 4, 15)),
    )
    assert len(calls(near)) == 1
    far = graph_of(
        article("a1", [call(day=day)], published=day),
        article("a2", [call(day=date(2024, 4, 16))], published=date(2024, 4, 16)),
    )
    assert len(calls(far)) == 2


def test_a_chain_of_daily_calls_does_not_collapse_into_one() -> None:
    results = [article(f"a{i}", [call(day=date(2024, 4, 10 + i))], published=date(2024, 4, 10 + i)) for i in range(3)]
    graph = graph_of(*results)
    groups = sorted(len(sources(graph, e)) for e in calls(graph))
    assert groups == [1, 2]


def test_a_missing_date_merges_only_when_the_articles_dates_agree() -> None:
    dated = article("a1", [call(day=date(2024, 4, 14))], published=date(2024, 4, 14))
    # undated call in an article of the next day: merged
    assert len(calls(graph_of(dated, article("a2", [call()], published=date(2024, 4, 15))))) == 1
    # undated call in an article three days later: the call it reports may be another one
    assert len(calls(graph_of(dated, article("a2", [call()], published=date(2024, 4, 17))))) == 2
    # the articles are a day apart but the dated call was a week before the other article
    early = article("a1", [call(day=date(2024, 4, 7))], published=date(2024, 4, 14))
    assert len(calls(graph_of(early, article("a2", [call()], published=date(2024, 4, 15))))) == 2
    # neither call dated: the articles' dates decide
    assert (
        len(
            calls(
                graph_of(
                    article("a1", [call()], published=date(2024, 4, 14)),
                    article("a2", [call()], published=date(2024, 4, 14)),
                )
            )
        )
        == 1
    )
    # an undated article never merges
    assert len(calls(graph_of(article("a1", [call()], published=date(2024, 4, 14)), article("a2", [call()])))) == 2


def test_other_relations_merge_by_agent_and_goal() -> None:
    day = date(2024, 4, 14)
    appeal = Fact("urged", PUTIN, ev("دعا بوتين إلى خفض التصعيد."), topic="DeEscalation")
    other_goal = Fact("urged", PUTIN, ev("دعا بوتين إلى وقف إطلاق النار.", 1), topic="Ceasefire")
    graph = graph_of(article("a1", [appeal], published=day), article("a2", [appeal, other_goal], published=day))
    appeals = list(graph.subjects(RDF.type, KG.Appeal))
    assert len(appeals) == 2
    by_topic = {graph.value(a, KG.topic): URIRef(str(a)) for a in appeals}
    assert len(sources(graph, by_topic[KG.DeEscalation])) == 2
    assert len(sources(graph, by_topic[KG.Ceasefire])) == 1
    assert validate_graph(graph).conforms


def test_actors_are_one_node_across_articles_and_unknown_people_keep_one_label() -> None:
    envoy_one = Actor("person/unknown/XR/ivan-petrov", PERSON, "إيفان بيتروف", state="state/XR", known=False)
    envoy_two = Actor("person/unknown/XR/ivan-petrov", PERSON, "ايفان بتروف", state="state/XR", known=False)
    day = date(2024, 4, 14)
    graph = graph_of(
        article("a1", [call(envoy_one, RAISI, day=day)], published=day),
        article("a2", [call(envoy_two, RAISI, day=day)], published=day),
    )
    people = set(graph.subjects(RDF.type, KG.Person))
    assert len(people) == 2
    envoy = next(p for p in people if "unknown" in str(p))
    assert len([label for label in graph.objects(envoy, RDFS.label) if label.language == "ar"]) == 1  # type: ignore[attr-defined]
    assert len(calls(graph)) == 1
    assert validate_graph(graph).conforms


def test_confidence_counts_independent_sources_not_copies() -> None:
    day = date(2024, 4, 14)
    same_outlet = graph_of(
        article("a1", [call(day=day)], published=day, url="https://one.example/1"),
        article("a2", [call(day=day)], published=day, url="https://www.one.example/2"),
    )
    two_outlets = graph_of(
        article("a1", [call(day=day)], published=day, url="https://one.example/1"),
        article("a2", [call(day=day)], published=day, url="https://two.example/2"),
    )
    (copy_event,) = calls(same_outlet)
    (independent_event,) = calls(two_outlets)
    copies = same_outlet.value(copy_event, KG.confidence)
    independent = two_outlets.value(independent_event, KG.confidence)
    assert isinstance(copies, Literal) and isinstance(independent, Literal)
    assert copies.toPython() == Decimal("0.8")
    assert independent.toPython() == Decimal("0.96")
    many = graph_of(*(article(f"a{i}", [call(day=day)], published=day, url=f"https://o{i}.example/") for i in range(9)))
    (event,) = calls(many)
    value = many.value(event, KG.confidence)
    assert isinstance(value, Literal) and value.toPython() == MAX_CONFIDENCE


def test_merged_event_date_is_the_one_most_sources_give() -> None:
    graph = graph_of(
        article("a1", [call(day=date(2024, 4, 14))], published=date(2024, 4, 15)),
        article("a2", [call(day=date(2024, 4, 15))], published=date(2024, 4, 15)),
        article("a3", [call(day=date(2024, 4, 15))], published=date(2024, 4, 15)),
    )
    (event,) = calls(graph)
    assert graph.value(event, DCTERMS.date) == Literal(date(2024, 4, 15))


def dated_call(day: date, source: str) -> Fact:
    """A call dated ``day``, found as ``source`` says (stated, relative, article, fallback)."""
    fact = call(day=day)
    fact.date_source = source
    return fact


def test_the_event_date_prefers_what_the_sentences_say_over_the_articles_dates() -> None:
    # Two articles of the 15th say nothing of the day; one says the call was yesterday.
    graph = graph_of(
        article("a1", [dated_call(date(2024, 4, 15), "article")], published=date(2024, 4, 15)),
        article("a2", [dated_call(date(2024, 4, 15), "article")], published=date(2024, 4, 15)),
        article("a3", [dated_call(date(2024, 4, 14), "relative")], published=date(2024, 4, 15)),
    )
    (event,) = calls(graph)
    assert graph.value(event, DCTERMS.date) == Literal(date(2024, 4, 14))
    assert graph.value(event, KG.dateSource) == Literal("relative")
    reports = set(graph.objects(event, KG.hasReport))
    assert {str(graph.value(r, KG.dateSource)) for r in reports} == {"article", "relative"}
    assert validate_graph(graph).conforms
    graph.set((event, KG.dateSource, Literal("guessed")))
    assert not validate_graph(graph).conforms


def test_calls_dated_by_the_fallback_do_not_merge() -> None:
    # Two undated articles given one --date: their calls may be months apart.
    fallback = date(2024, 4, 15)
    graph = graph_of(
        article("a1", [dated_call(fallback, "fallback")], published=None),
        article("a2", [dated_call(fallback, "fallback")], published=None),
    )
    assert len(calls(graph)) == 2
    assert {graph.value(e, KG.dateSource) for e in calls(graph)} == {Literal("fallback")}
    # A full date a sentence states still merges with a dated article's report of that day.
    stated = graph_of(
        article("a1", [dated_call(date(2024, 3, 12), "stated")], published=None),
        article("a2", [dated_call(date(2024, 3, 12), "article")], published=date(2024, 3, 12)),
    )
    assert len(calls(stated)) == 1


def test_in_memory_merge_equals_incremental_merge() -> None:
    from kg.persist import GraphStore

    results = [synthetic_result(i, facts_per_article=12) for i in range(6)]
    bulk = graph_of(*results)
    store = GraphStore.in_memory()
    for result in results:
        store.put(result, EMPTY)
    incremental = store.union()
    assert set(bulk) == set(incremental)


def test_two_arabic_articles_about_one_call(extract: Callable[..., ArticleResult], extractor: Extractor) -> None:
    """From text: two outlets report the same call, one says who placed it."""
    day = date(2024, 4, 16)
    one = extract(
        "أجرى الرئيس الروسي فلاديمير بوتين اليوم اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.",
        published=day,
        identifier="text-1",
    )
    two = extract(
        "جرى اليوم اتصال هاتفي بين الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين.",
        published=day,
        identifier="text-2",
    )
    graph = build_graph([one, two], extractor.knowledge)
    pair = {URIRef(ID["person/vladimir-putin"]), URIRef(ID["person/recep-tayyip-erdogan"])}
    events = [e for e in calls(graph) if set(graph.objects(e, KG.participant)) == pair]
    assert len(events) == 1
    assert sources(graph, events[0]) == {article_iri("text-1"), article_iri("text-2")}
