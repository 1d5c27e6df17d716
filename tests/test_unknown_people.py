"""People the gazetteer does not know, named after a title (issue 14, unknown people): a title
with its state, a bare title with none, honorifics before the name, link words inside it (بن، عبد،
آل), and a surname that looks like a clitic + article (كالاس). The unknown person keeps the
name as written (the scorer matches Arabic labels) and the title's state when it has one.
Common nouns after a title are no one. The names are invented; the sentences written for the
phenomena, not taken from any corpus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import Actor, ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)
SAFADI = "person/ayman-safadi"
ERDOGAN = "person/recep-tayyip-erdogan"
SISI = "person/abdel-fattah-el-sisi"


def unknown_parties(result: ArticleResult) -> list[Actor]:
    """The unknown people taking part in the article's calls and appeals."""
    return [
        who
        for fact in result.facts
        if fact.relation in {"called", "urged"}
        for who in (fact.a, fact.b)
        if who is not None and not who.known
    ]


# -- a title with its state, then a name nobody knows ---------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "state"),
    [
        (
            "أجرى وزير الخارجية الهولندي توماس فالدبرينك اتصالا هاتفيا مع نظيره الأردني أيمن الصفدي.",
            "توماس فالدبرينك",
            "state/NL",
        ),
        ("دعا وزير الخارجية النرويجي ليف تورسنس إلى وقف إطلاق النار في غزة.", "ليف تورسنس", "state/NO"),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من رئيس وزراء ماليزيا داتو سري هاشم رضوان.",
            "هاشم رضوان",
            "state/MY",
        ),
        (
            "أجرى الرئيس الفلسطيني, كريم داوود, اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.",
            "كريم داوود",
            "state/PS",
        ),
    ],
)
def test_state_title_names_an_unknown_person(extract: Extract, text: str, label: str, state: str) -> None:
    found = unknown_parties(extract(text, published=DAY))
    assert [(who.label_ar, who.state) for who in found] == [(label, state)]


# -- a bare title (no state), then a name nobody knows --------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "other"),
    [
        ("أجرى الرئيس غوران ميليتشيفو اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.", "غوران ميليتشيفو", ERDOGAN),
        (
            "تلقى وزير الخارجية الأمير فهد بن سلطان الرشيد اتصالا هاتفيا من نظيره الأردني أيمن الصفدي.",
            "فهد بن سلطان الرشيد",
            SAFADI,
        ),
        (
            "بحث رئيس الوزراء ماتياس كورنبلوم هاتفيا مع الرئيس المصري عبد الفتاح السيسي تطورات المنطقة.",
            "ماتياس كورنبلوم",
            SISI,
        ),
        (
            "أجرى وزير الخارجية الدكتور رامي صفوان اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.",
            "رامي صفوان",
            ERDOGAN,
        ),
    ],
)
def test_bare_title_names_an_unknown_person(extract: Extract, text: str, label: str, other: str) -> None:
    result = extract(text, published=DAY)
    found = unknown_parties(result)
    assert [(who.label_ar, who.state) for who in found] == [(label, None)]
    assert keys(result, "called") == {tuple(sorted((found[0].key, other)))}


# -- link words inside a name: the name goes past them, and does not end on one --------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "أجرى الرئيس السوداني ياسر بن علي الحسني اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.",
            "ياسر بن علي الحسني",
        ),
        ("دعا وزير الخارجية العماني سالم بن راشد الكندي إلى ضبط النفس.", "سالم بن راشد الكندي"),
        ("دعا رئيس الوزراء القطري منصور بن خالد آل ثامر إلى وقف إطلاق النار.", "منصور بن خالد آل ثامر"),
        ("أجرى وزير الخارجية الليبي خالد عبد الصمد اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.", "خالد عبد الصمد"),
        ("دعا رئيس الوزراء الأردني سمير عبد الرحيم الفايز إلى ضبط النفس.", "سمير عبد الرحيم الفايز"),
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالا من نظيره التونسي عبد الكريم الهمامي.",
            "عبد الكريم الهمامي",
        ),
    ],
)
def test_link_words_keep_the_name_going(extract: Extract, text: str, label: str) -> None:
    assert [who.label_ar for who in unknown_parties(extract(text, published=DAY))] == [label]


# -- a common noun after a bare title is no one ---------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "أكد الرئيس ضرورة وقف إطلاق النار في غزة.",
        "استقبل وزير الخارجية وفدا رفيعا من الاتحاد الأوروبي.",
        "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره الأردني أيمن الصفدي.",
        "دعا رئيس الوزراء جميع الأطراف إلى ضبط النفس.",
        "بحث رئيس الوزراء مستجدات الأوضاع الإقليمية مع الرئيس المصري عبد الفتاح السيسي.",
    ],
)
def test_common_nouns_after_a_title_are_no_one(extract: Extract, text: str) -> None:
    assert unknown_parties(extract(text, published=DAY)) == []


# -- an organisation's title, then a name that is not its holder's ---------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "أجرى رئيس المكتب السياسي لحركة حماس سامر عودة اتصالا هاتفيا مع وزير الخارجية التركي هاكان فيدان.",
            "سامر عودة",
        ),
        ("دعا الأمين العام لحلف الناتو يانيك سورنسن إلى ضبط النفس.", "يانيك سورنسن"),
        (
            "تلقى وزير الخارجية التركي هاكان فيدان اتصالا من الأمين العام لجامعة الدول العربية مراد قنديلي.",
            "مراد قنديلي",
        ),
    ],
)
def test_organisation_title_names_an_unknown_person(extract: Extract, text: str, label: str) -> None:
    assert [(who.label_ar, who.state) for who in unknown_parties(extract(text, published=DAY))] == [(label, None)]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("دعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار في غزة.", "person/antonio-guterres"),
        ("دعا الأمين العام لحلف الناتو إلى ضبط النفس.", "person/mark-rutte"),
        ("حث الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين على ضبط النفس.", "person/antonio-guterres"),
    ],
)
def test_organisation_title_alone_is_its_holder(extract: Extract, text: str, holder: str) -> None:
    result = extract(text, published=DAY)
    assert unknown_parties(result) == []
    assert {who for who, _ in keys(result, "urged")} == {holder}


# -- a counterpart with no state, then a name nobody knows -----------------------------------
@pytest.mark.parametrize(
    ("text", "label", "other"),
    [
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالا من نظيره عبد الكريم الهمامي.",
            "عبد الكريم الهمامي",
            ERDOGAN,
        ),
        (
            "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره، يوستين ماركوفيتش، تناول العلاقات.",
            "يوستين ماركوفيتش",
            SAFADI,
        ),
        (
            "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع نظيره السيد ألبرتو مارتينيلي.",
            "ألبرتو مارتينيلي",
            SISI,
        ),
    ],
)
def test_counterpart_without_state_names_an_unknown_person(extract: Extract, text: str, label: str, other: str) -> None:
    result = extract(text, published=DAY)
    found = unknown_parties(result)
    assert [(who.label_ar, who.state) for who in found] == [(label, None)]
    assert keys(result, "called") == {tuple(sorted((found[0].key, other)))}


@pytest.mark.parametrize(
    "text",
    [
        "أجرى وزير الخارجية التركي هاكان فيدان اتصالا هاتفيا مع نظيره أمس.",
        "بحث الرئيس التركي رجب طيب أردوغان هاتفيا مع نظيره مستجدات الأوضاع في غزة.",
        "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع نظيره لبحث التطورات.",
    ],
)
def test_counterpart_before_a_common_noun_is_no_one(extract: Extract, text: str) -> None:
    assert unknown_parties(extract(text, published=DAY)) == []


# -- an envoy's destination between the title and the name -----------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("دعا المبعوث الأممي إلى ليبيا يواكيم فالتر إلى وقف إطلاق النار.", "يواكيم فالتر"),
        ("دعا المبعوث الأممي لدى سوريا ماركوس هيلدبراند إلى ضبط النفس.", "ماركوس هيلدبراند"),
        ("دعا المبعوث الأممي إلى اليمن كارل برينستاد الأطراف إلى ضبط النفس.", "كارل برينستاد"),
    ],
)
def test_envoy_destination_comes_before_the_name(extract: Extract, text: str, label: str) -> None:
    assert [who.label_ar for who in unknown_parties(extract(text, published=DAY))] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "دعا المبعوث الأممي إلى اليمن إلى ضبط النفس.",
        "دعا السفير الأمريكي لدى لبنان إلى وقف إطلاق النار.",
        "دعا الرئيس الأمريكي إلى وقف إطلاق النار في غزة.",
    ],
)
def test_destination_without_a_name_is_no_one(extract: Extract, text: str) -> None:
    assert unknown_parties(extract(text, published=DAY)) == []


# -- a holder's name misspelled by a letter (PHENOMENA G2s) ----------------------------------
@pytest.mark.parametrize(
    ("text", "published", "holder"),
    [
        # undated: the one French president ever whose name this spells but for a letter
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرو.",
            None,
            "person/emmanuel-macron",
        ),
        (
            "أجرى وزير الخارجية المغربي ناصر بوريضة اتصالا هاتفيا مع نظيره الأردني أيمن الصفدي.",
            None,
            "person/nasser-bourita",
        ),
        (
            "دعا رئيس الوزراء البريطاني كير ستارمار إلى وقف فوري لإطلاق النار.",
            date(2025, 3, 1),
            "person/keir-starmer",
        ),
    ],
)
def test_a_misspelled_holder_is_the_holder(extract: Extract, text: str, published: date | None, holder: str) -> None:
    result = extract(text, published=published)
    assert holder in {who.key for fact in result.facts for who in (fact.a, fact.b) if who is not None}
    assert not unknown_parties(result)


@pytest.mark.parametrize(
    "text",
    [
        # another surname, and a first name two letters off: not the holder
        "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الفرنسي إيمانويل بونو.",
        "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الفرنسي إيمان ماكرو.",
        # one word only: too little to tell a misspelling from a namesake
        "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الفرنسي ماكرو.",
    ],
)
def test_a_name_further_off_is_not_the_holder(extract: Extract, text: str) -> None:
    result = extract(text)
    assert "person/emmanuel-macron" not in {who.key for fact in result.facts for who in (fact.a, fact.b) if who}


@pytest.mark.parametrize(
    "text",
    [
        "وأجرى الرئيس أمس الأول اتصالا هاتفيا مع نظيره الفرنسي إيمانويل ماكرون.",
        "وأجرى الرئيس البارحة اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.",
        "ودعا وزير الخارجية مساء اليوم إلى وقف إطلاق النار.",
    ],
)
def test_a_time_after_a_bare_title_is_no_name(extract: Extract, text: str) -> None:
    assert not unknown_parties(extract(text, published=DAY))
