"""Long titles of envoys and international officials before their holder's name.

Written for the titles of UN and national envoys, coordinators and commissioners, which fill the
diplomacy news of Yemen, Syria, Libya, Sudan and Gaza: an adjective that keeps the office after
the title's state or organisation (الخاص، الشخصي), the title's field (لعملية السلام في الشرق
الأوسط) and the organisation's short name in brackets between the title and the name, an acting
holder (القائم بأعمال). Before these rules the appeal of such a sentence was lost, or went to the
organisation, and a goal word of the title's field (لعملية السلام) was read as a goal urged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys

from kg.model import ArticleResult

DAY = date(2024, 6, 1)

Extract = Callable[..., ArticleResult]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "دعا المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ إلى وقف التصعيد.",
            {("person/hans-grundberg", "DeEscalation")},
        ),
        (
            "حث المبعوث الأممي الخاص إلى ليبيا عبد الله باتيلي الأطراف الليبية على الحوار.",
            {("person/abdoulaye-bathily", "DiplomaticSolution")},
        ),
        (
            "ودعا المبعوث الأمريكي الخاص إلى اليمن تيم ليندركينغ إلى التهدئة.",
            {("person/timothy-lenderking", "DeEscalation")},
        ),
        (
            "دعا المبعوث الأممي الخاص إلى سوريا غير بيدرسن إلى حل سياسي.",
            {("person/geir-pedersen", "DiplomaticSolution")},
        ),
        (
            "دعا المبعوث الأمريكي الخاص لشؤون الرهائن آدم بوهلر إلى التهدئة.",
            {("person/adam-boehler", "DeEscalation")},
        ),
    ],
)
def test_an_adjective_that_keeps_the_office_before_the_name(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "طالب منسق الأمم المتحدة الخاص لعملية السلام في الشرق الأوسط تور وينسلاند بوقف إطلاق النار.",
            {("person/tor-wennesland", "Ceasefire")},
        ),
        (
            "دعا المفوض العام لوكالة غوث وتشغيل اللاجئين الفلسطينيين (أونروا) فيليب لازاريني إلى وقف إطلاق النار.",
            {("person/philippe-lazzarini", "Ceasefire")},
        ),
        (
            "دعت القائمة بأعمال رئيس بعثة الأمم المتحدة للدعم في ليبيا ستيفاني خوري إلى الحوار.",
            {("person/stephanie-koury", "DiplomaticSolution")},
        ),
        (
            "ودعا القائم بأعمال رئيس بعثة الأمم المتحدة في ليبيا عبد الله باتيلي إلى التهدئة.",
            {("person/abdoulaye-bathily", "DeEscalation")},
        ),
    ],
)
def test_an_organisations_title_and_field_before_a_known_name(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    """The person named, not the organisation of the title, urges."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أكد منسق الأمم المتحدة الخاص لعملية السلام تور وينسلاند ضرورة خفض التصعيد.",
            {("person/tor-wennesland", "DeEscalation")},
        ),
        (
            "دعا المبعوث الأمريكي الخاص لعملية السلام ستيف ويتكوف إلى ضبط النفس.",
            {("person/steve-witkoff", "Restraint")},
        ),
        (
            "دعا المنسق الأممي الخاص لعملية السلام في الشرق الأوسط سيغريد كاغ إلى ضبط النفس.",
            {("person/sigrid-kaag", "Restraint")},
        ),
        (
            "دعا المبعوث الأممي الخاص لوقف الحرب في اليمن هانس غروندبرغ إلى ضبط النفس.",
            {("person/hans-grundberg", "Restraint")},
        ),
    ],
)
def test_a_goal_in_the_titles_field_is_not_urged(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دعا الرئيس الفرنسي لوقف إطلاق النار في غزة.", {("person/emmanuel-macron", "Ceasefire")}),
        ("ودعت وزيرة الخارجية الألمانية لوقف إطلاق النار في السودان.", {("person/annalena-baerbock", "Ceasefire")}),
        (
            "دعا الأمين العام لجامعة الدول العربية أحمد أبو الغيط لوقف إطلاق النار.",
            {("person/ahmed-aboul-gheit", "Ceasefire")},
        ),
    ],
)
def test_a_goal_after_a_title_with_no_name_after_it_is_urged(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    """لـ right after a title, or after the holder's name, is the appeal's own preposition."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        (
            "دعا رئيس الحكومة اللبنانية المكلف نواف سلام إلى وقف الاعتداءات.",
            date(2025, 1, 20),
            {("person/nawaf-salam", "Ceasefire")},
        ),
        (
            "وطالب رئيس الوزراء العراقي المكلف محمد شياع السوداني بوقف التصعيد.",
            date(2022, 10, 20),
            {("person/mohammed-shia-al-sudani", "DeEscalation")},
        ),
        (
            "وشدد رئيس الحكومة اللبنانية المكلف نجيب ميقاتي على ضرورة التهدئة.",
            date(2021, 8, 20),
            {("person/najib-mikati", "DeEscalation")},
        ),
        ("دعا رئيس الحكومة اللبنانية المكلف إلى وقف الاعتداءات.", date(2025, 1, 20), set()),
    ],
)
def test_a_designate_is_the_one_named_not_the_holder_on_the_day(
    extract: Extract, text: str, day: date, expected: set[tuple[str, ...]]
) -> None:
    """رئيس الحكومة المكلف: the one asked to form a government, not the outgoing head; unnamed, nobody."""
    assert keys(extract(text, published=day), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ودعا مبعوث الرئيس الأمريكي ستيف ويتكوف إلى وقف إطلاق النار.",
            {("person/steve-witkoff", "Ceasefire")},
        ),
        (
            "وطالب مستشار ترامب للشؤون الأفريقية مسعد بولس بوقف القتال في السودان.",
            {("person/massad-boulos", "Ceasefire")},
        ),
        (
            "وحث مبعوث بوتين الخاص كيريل دميترييف الجانبين على ضبط النفس.",
            {("person/kirill-dmitriev", "Restraint")},
        ),
        ("دعا مبعوث البيت الأبيض ستيف ويتكوف إلى التهدئة.", {("person/steve-witkoff", "DeEscalation")}),
        (
            "ودعا مبعوث الولايات المتحدة إلى سوريا توم باراك إلى الحوار.",
            {("person/tom-barrack", "DiplomaticSolution")},
        ),
        ("ودعا مبعوث ترامب إلى وقف إطلاق النار.", set()),
        ("وحث مستشار بوتين الجانبين على ضبط النفس.", set()),
    ],
)
def test_the_one_a_title_serves_is_not_its_holder(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    """مبعوث/مستشار + the one served + the holder's name: the holder urges; with no name, nobody
    (the envoy is not the president he serves)."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "pair", "caller"),
    [
        (
            "تلقى مستشار ترامب للشؤون العربية مسعد بولس اتصالا هاتفيا من وزير الخارجية المصري بدر عبد العاطي.",
            frozenset({"person/massad-boulos", "person/badr-abdelatty"}),
            "person/badr-abdelatty",
        ),
        (
            "أجرى مبعوث الرئيس الأمريكي ستيف ويتكوف اتصالا هاتفيا مع رئيس الوزراء القطري"
            " الشيخ محمد بن عبد الرحمن آل ثاني.",
            frozenset({"person/steve-witkoff", "person/mohammed-bin-abdulrahman-al-thani"}),
            "person/steve-witkoff",
        ),
        (
            "بحث المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ في اتصال هاتفي مع وزير الخارجية"
            " العماني بدر البوسعيدي جهود التهدئة.",
            frozenset({"person/hans-grundberg", "person/badr-albusaidi"}),
            None,
        ),
    ],
)
def test_calls_of_envoys_and_advisers(extract: Extract, text: str, pair: frozenset[str], caller: str | None) -> None:
    calls = initiators(extract(text, published=DAY))
    assert set(calls) == {pair}
    if caller is not None:
        assert calls[pair] == caller


def test_a_bare_minister_title_and_a_nisba_before_the_name(extract: Extract) -> None:
    """الوزير names no office of its own (no portfolio); the name after it and its nisba tells who."""
    day = date(2025, 6, 1)
    assert keys(extract("ودعا الوزير المصري بدر عبد العاطي إلى وقف إطلاق النار في غزة.", published=day), "urged") == {
        ("person/badr-abdelatty", "Ceasefire")
    }
    assert keys(extract("وحث الوزير الأمريكي روبيو الطرفين على ضبط النفس.", published=day), "urged") == {
        ("person/marco-rubio", "Restraint")
    }
    calls = initiators(
        extract("تلقى الوزير المصري بدر عبد العاطي اتصالا هاتفيا من نظيره الإيراني عباس عراقجي.", published=day)
    )
    assert calls == {frozenset({"person/badr-abdelatty", "person/abbas-araghchi"}): "person/abbas-araghchi"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ودعت منظمة الإيغاد إلى وقف إطلاق النار في السودان.", {("org/igad", "Ceasefire")}),
        ("وطالبت منظمة الإيكواس بالحوار بين الأطراف.", {("org/ecowas", "DiplomaticSolution")}),
        ("وحثت منظمة اليونيسف الأطراف على إدخال المساعدات الإنسانية.", {("org/unicef", "HumanitarianAid")}),
        ("ودعت مجموعة الإيكواس إلى التهدئة.", {("org/ecowas", "DeEscalation")}),
        ("ودعت منظمة غير حكومية إلى التهدئة.", set()),
    ],
)
def test_the_head_noun_of_an_organisations_name_before_it(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    """منظمة، مجموعة before an organisation's short name is part of its name, not another subject."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دعا المتحدث باسم الخارجية الإيرانية إلى ضبط النفس.", {"state/IR"}),
        ("ودعا الناطق باسم وزارة الخارجية الإيرانية إلى ضبط النفس.", {"state/IR"}),
        ("ودعا المتحدث باسم الحكومة الإسرائيلية إلى ضبط النفس.", {"state/IL"}),
        ("وفي طهران، دعا المتحدث باسم الخارجية الإيرانية إلى ضبط النفس.", {"state/IR"}),
        ("ودعا مساعد وزير الخارجية الإيراني إلى ضبط النفس.", set()),
    ],
)
def test_a_spokesperson_nobody_names_speaks_for_his_body(extract: Extract, text: str, expected: set[str]) -> None:
    """DECISIONS.md: a spokesperson's appeal is his state's, named or not; an assistant nobody names
    holds no office the gazetteer knows, so his appeal is nobody's."""
    assert {a for a, _ in keys(extract(text, published=DAY), "urged")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وشكر المتحدث باسم الخارجية الإيرانية سلطنة عمان على جهودها.", {("state/IR", "state/OM")}),
        ("وشكر المتحدث باسم الخارجية الإيرانية إسماعيل بقائي سلطنة عمان على جهودها.", {("state/IR", "state/OM")}),
        ("وشكر مساعد وزير الخارجية الأمريكي قطر على جهودها.", set()),
    ],
)
def test_the_object_after_a_body_in_a_title_is_no_subject(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    """Only a person's name right after a title's body is its holder; a state there is the object
    (it was made the one who thanks, and the spokesman's state the one thanked)."""
    assert keys(extract(text, published=date(2025, 3, 5)), "thanked") == expected
