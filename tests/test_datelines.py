"""Datelines with a date and an agency before their dash: the place is no party (kg/rules/openers.py).

Wire stories open with "City، day month (Agency) -"; the city names its state, which must
not become the caller or the one who urges. Sentences written for this test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.extract import Extractor
from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a date after the place
        (
            "موسكو، 3 يونيو - أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الإيراني مسعود بزشكيان.",
            ("person/masoud-pezeshkian", "person/vladimir-putin"),
        ),
        (
            "الدوحة 7 يوليو 2025 - تلقى أمير قطر الشيخ تميم بن حمد اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.",
            ("person/emmanuel-macron", "person/tamim-bin-hamad-al-thani"),
        ),
        (
            "الرياض، الثلاثاء 4 مارس - "
            "بحث وزير الخارجية السعودي فيصل بن فرحان هاتفيا مع نظيره المصري بدر عبد العاطي الأوضاع.",
            ("person/badr-abdelatty", "person/faisal-bin-farhan-al-saud"),
        ),
        # a date after في, then an agency in brackets
        (
            "القاهرة في 5 مارس 2025 (أ ش أ) - "
            "تلقى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا من نظيره التركي هاكان فيدان.",
            ("person/badr-abdelatty", "person/hakan-fidan"),
        ),
        (
            "أنقرة، 12 أبريل/نيسان (الأناضول) - "
            "بحث وزير الخارجية التركي هاكان فيدان هاتفيا مع نظيره الأردني أيمن الصفدي التطورات.",
            ("person/ayman-safadi", "person/hakan-fidan"),
        ),
        (
            "طهران، 20 مايو (إرنا) – "
            "أجرى وزير الخارجية الإيراني عباس عراقجي اتصالا هاتفيا مع نظيره العماني بدر البوسعيدي.",
            ("person/abbas-araghchi", "person/badr-albusaidi"),
        ),
    ],
)
def test_dated_dateline_is_no_call_party(extract: Extract, text: str, pair: tuple[str, str]) -> None:
    assert keys(extract(text, DAY), "called") == {pair}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "موسكو، 3 يونيو (تاس) - دعا الرئيس الروسي فلاديمير بوتين جميع الأطراف إلى ضبط النفس.",
            "person/vladimir-putin",
        ),
        (
            "عمّان في 9 أغسطس (بترا) - طالب وزير الخارجية الأردني أيمن الصفدي بوقف فوري لإطلاق النار.",
            "person/ayman-safadi",
        ),
        (
            "باريس، 15 سبتمبر - دعا الرئيس الفرنسي إيمانويل ماكرون إلى خفض التصعيد في المنطقة.",
            "person/emmanuel-macron",
        ),
    ],
)
def test_dated_dateline_is_no_agent(extract: Extract, text: str, agent: str) -> None:
    agents = {fact.a.key for fact in extract(text, DAY).facts if fact.relation == "urged"}
    assert agents == {agent}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # a state that opens the sentence and is its subject: no dash closes a dateline
        ("قطر، في بيان صدر اليوم، دعت إلى وقف فوري لإطلاق النار.", "state/QA"),
        ("روسيا في 3 يونيو دعت إلى ضبط النفس.", "state/RU"),
        # a word that is no date before the dash: the state is part of the sentence
        ("تركيا تطالب - على لسان وزارة خارجيتها - بوقف إطلاق النار.", "state/TR"),
    ],
)
def test_a_state_subject_without_a_dateline_stays(extract: Extract, text: str, agent: str) -> None:
    agents = {fact.a.key for fact in extract(text, DAY).facts if fact.relation == "urged"}
    assert agent in agents


# Wire datelines with no dash: the agency in brackets or between slashes ("/أ ش أ/", as Egyptian
# outlets write it) closes them (lexicon dateline_agencies, kg/segment.py).
HEADLINE = "عنوان الخبر\n"


@pytest.mark.parametrize(
    ("opener", "agent"),
    [
        ("القاهرة (أ ف ب) ", "person/abdel-fattah-el-sisi"),
        ("القاهرة في 3 يونيو /أ ش أ/ ", "person/abdel-fattah-el-sisi"),
        ("القاهرة/ أ ش أ/ ", "person/abdel-fattah-el-sisi"),
        ("عمّان (بترا) ", "person/abdel-fattah-el-sisi"),
        ("الرياض 12 مارس /واس/ ", "person/abdel-fattah-el-sisi"),
        # the Anadolu style: an opening slash and the agency, with none to close it
        ("أنقرة/ الأناضول ", "person/abdel-fattah-el-sisi"),
        ("إسطنبول/ الأناضول ", "person/abdel-fattah-el-sisi"),
        ("الدوحة/ قنا ", "person/abdel-fattah-el-sisi"),
    ],
)
def test_an_agency_without_a_dash_closes_the_dateline(extract: Extract, opener: str, agent: str) -> None:
    text = (
        HEADLINE + opener + "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي "
        "إيمانويل ماكرون، ودعا إلى وقف إطلاق النار."
    )
    result = extract(text, DAY)
    assert {fact.a.key for fact in result.facts if fact.relation == "urged"} == {agent}
    assert [fact.initiator for fact in result.facts if fact.relation == "called"] == ["a"]


@pytest.mark.parametrize(
    "text",
    [
        # brackets after a person or a state that is the subject, and a slash between two names
        "بوتين (الرئيس الروسي) يهاتف الرئيس التركي رجب طيب أردوغان",
        "قطر (الوسيط الرئيسي) تدعو إلى التهدئة",
        "أردوغان/ بوتين يبحثان الأزمة هاتفيا",
    ],
)
def test_a_bracket_or_slash_that_is_no_agency_keeps_the_sentence(extractor: Extractor, text: str) -> None:
    assert len(list(extractor.nlp(HEADLINE + text).sents)) == 2


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("القاهرة (أ ش أ) - دعا الرئيس إلى وقف إطلاق النار في غزة.", "person/abdel-fattah-el-sisi"),
        ("الرياض (واس) - أكد ولي العهد ضرورة وقف إطلاق النار في غزة.", "person/mohammed-bin-salman"),
        ("الدوحة في 12 مارس /قنا/ دعا سمو الأمير إلى وقف التصعيد.", "person/tamim-bin-hamad-al-thani"),
        (
            "القاهرة (أ ش أ) - استقبل وزير الخارجية الأردني أيمن الصفدي. ودعا الرئيس إلى وقف إطلاق النار.",
            "person/abdel-fattah-el-sisi",
        ),
    ],
)
def test_a_bare_title_after_a_dateline_is_its_states_holder(extract: Extract, text: str, agent: str) -> None:
    """Agency copy says «الرئيس» for its own state's president: the dateline's state, not the place
    as a subject (which gave Egypt the appeal); a holder of the office named before still comes
    first (none here: the Jordanian minister is no president)."""
    assert {a for a, _ in keys(extract(text, published=date(2024, 5, 5)), "urged")} == {agent}


def test_a_bare_title_prefers_the_holder_named_before_the_dateline_state(extract: Extract) -> None:
    text = "القاهرة (أ ش أ) - استقبل الرئيس التركي رجب طيب أردوغان وفدا. ودعا الرئيس إلى وقف إطلاق النار."
    assert {a for a, _ in keys(extract(text, published=date(2024, 5, 5)), "urged")} == {"person/recep-tayyip-erdogan"}
