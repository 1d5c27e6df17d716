"""Envoys and ambassadors named by title and destination alone.

«دعا المبعوث الأممي إلى اليمن إلى وقف التصعيد» names nobody by name: the holder, on the
article's date, of the UN envoy's office whose destination (``"to"`` in kg/data/persons_*.json)
is Yemen. Before these rules such a title named nobody, since the UN and the United States each
have many envoys at once. A name after the title still wins; an undated article with several
past holders, a destination no envoy is sent to and a thematic envoy name nobody.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import urgers

from kg.gazetteer import check_knowledge
from kg.knowledge import load_knowledge
from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        # Yemen, four tenures
        ("دعا المبعوث الأممي إلى اليمن إلى وقف التصعيد في الحديدة.", date(2023, 4, 2), "hans-grundberg"),
        ("وحث المبعوث الأممي الخاص إلى اليمن الأطراف على ضبط النفس.", date(2019, 1, 15), "martin-griffiths"),
        ("طالب المبعوث الخاص للأمم المتحدة إلى اليمن بوقف إطلاق النار.", date(2016, 5, 10), "ismail-ould-cheikh-ahmed"),
        ("ودعا مبعوث الأمين العام للأمم المتحدة إلى اليمن إلى الحوار.", date(2014, 11, 3), "jamal-benomar"),
        ("دعا المبعوث الأممي لليمن الطرفين إلى التهدئة.", date(2022, 7, 1), "hans-grundberg"),
        # Syria
        ("دعا المبعوث الأممي الخاص إلى سوريا إلى حل سياسي للأزمة.", date(2016, 3, 14), "staffan-de-mistura"),
        ("وشدد المبعوث الأممي إلى سوريا على ضرورة وقف إطلاق النار.", date(2020, 3, 5), "geir-pedersen"),
        ("حث المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا على الحوار.", date(2017, 9, 20), "staffan-de-mistura"),
        # Libya, a woman's title too
        ("دعا مبعوث الأمين العام للأمم المتحدة إلى ليبيا إلى الحوار.", date(2018, 6, 1), "ghassan-salame"),
        ("دعت المبعوثة الأممية إلى ليبيا إلى التهدئة في طرابلس.", date(2024, 8, 20), "stephanie-koury"),
        ("وحثت المبعوثة الأممية بالإنابة إلى ليبيا الأطراف على الحوار.", date(2020, 6, 10), "stephanie-williams"),
        ("دعا المبعوث الأممي إلى ليبيا إلى وقف إطلاق النار.", date(2023, 2, 27), "abdoulaye-bathily"),
        # Sudan
        ("دعا المبعوث الأممي إلى السودان إلى وقف القتال.", date(2024, 2, 1), "ramtane-lamamra"),
        ("وحث المبعوث الأممي الخاص إلى السودان الجيش على الحوار.", date(2022, 5, 9), "volker-perthes"),
        ("طالب المبعوث الشخصي للأمين العام للأمم المتحدة إلى السودان بهدنة.", date(2025, 1, 12), "ramtane-lamamra"),
    ],
)
def test_a_un_envoy_by_destination_is_its_holder_that_day(extract: Extract, text: str, day: date, holder: str) -> None:
    assert urgers(extract(text, published=day)) == {f"person/{holder}"}


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        ("دعا المبعوث الأمريكي إلى سوريا إلى وقف إطلاق النار.", date(2025, 8, 1), "tom-barrack"),
        ("وحث المبعوث الأمريكي الخاص إلى اليمن الحوثيين على الحوار.", date(2022, 3, 3), "timothy-lenderking"),
        ("دعا المبعوث الروسي الخاص إلى سوريا إلى التهدئة.", date(2021, 10, 5), "alexander-lavrentiev"),
        ("طالب المبعوث الفرنسي إلى لبنان بالحوار بين الكتل.", date(2023, 9, 12), "jean-yves-le-drian"),
        ("دعا المبعوث الأمريكي إلى ليبيا إلى الحوار.", date(2022, 1, 18), "richard-norland"),
        # an ambassador, after لدى
        ("دعا السفير الأمريكي لدى لبنان إلى التهدئة.", date(2021, 8, 1), "dorothy-shea"),
        ("وحث السفير الأمريكي لدى إسرائيل على ضبط النفس.", date(2022, 5, 4), "tom-nides"),
        ("دعا السفير الإيراني لدى العراق إلى الحوار.", date(2020, 2, 2), "iraj-masjedi"),
    ],
)
def test_a_states_envoy_by_destination_is_its_holder(extract: Extract, text: str, day: date, holder: str) -> None:
    assert urgers(extract(text, published=day)) == {f"person/{holder}"}


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        # «الخاص بـ», «في», the Secretary-General's representative
        ("دعا المبعوث الأممي الخاص بسوريا إلى التهدئة.", date(2022, 6, 1), "geir-pedersen"),
        ("وحث المبعوث الأمريكي الخاص باليمن على وقف الهجمات.", date(2023, 1, 9), "timothy-lenderking"),
        ("دعا السفير السعودي في لبنان جميع الأطراف إلى الحوار.", date(2022, 6, 1), "walid-bukhari"),
        ("وطالبت السفيرة الأمريكية في بيروت بضبط النفس.", date(2022, 10, 3), "dorothy-shea"),
        (
            "دعت الممثلة الخاصة للأمين العام للأمم المتحدة في العراق إلى الحوار.",
            date(2022, 6, 1),
            "jeanine-hennis-plasschaert",
        ),
        ("دعا الممثل الخاص للأمين العام للأمم المتحدة في ليبيا إلى الحوار.", date(2019, 4, 8), "ghassan-salame"),
    ],
)
def test_other_words_for_the_destination(extract: Extract, text: str, day: date, holder: str) -> None:
    assert urgers(extract(text, published=day)) == {f"person/{holder}"}


def test_a_place_with_no_envoy_sent_there_after_in_is_where_he_is(extract: Extract) -> None:
    # France has one envoy then: in Baghdad he is still the one (as before these rules).
    result = extract("دعا المبعوث الفرنسي في بغداد إلى الحوار.", published=date(2024, 6, 1))
    assert urgers(result) == {"person/jean-yves-le-drian"}


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        # the name wins over the date's holder
        ("دعا المبعوث الأممي إلى اليمن هانس غروندبرغ إلى وقف التصعيد.", date(2019, 6, 1), "hans-grundberg"),
        ("حث المبعوث الأممي الخاص إلى سوريا غير بيدرسن على الحوار.", date(2017, 6, 1), "geir-pedersen"),
        ("دعا المبعوث الأمريكي إلى اليمن تيم ليندركينغ إلى التهدئة.", date(2024, 2, 1), "timothy-lenderking"),
    ],
)
def test_a_name_after_the_destination_still_wins(extract: Extract, text: str, day: date, holder: str) -> None:
    assert urgers(extract(text, published=day)) == {f"person/{holder}"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a destination no envoy of that seat is sent to
        ("دعا المبعوث الأممي إلى تشاد إلى التهدئة.", date(2016, 6, 1)),
        ("دعا المبعوث الفرنسي إلى العراق إلى الحوار.", date(2024, 3, 1)),
        ("حث المبعوث الأممي إلى اليمن الأطراف على الحوار.", date(2010, 1, 1)),
        # undated, several past holders
        ("دعا المبعوث الأممي إلى اليمن إلى وقف التصعيد.", None),
        ("حث المبعوث الأممي الخاص إلى سوريا الأطراف على الحوار.", None),
        ("دعت المبعوثة الأممية إلى ليبيا إلى التهدئة.", None),
        # a thematic envoy has no destination
        ("دعا المبعوث الأمريكي للمناخ إلى خفض التصعيد.", date(2022, 6, 1)),
        ("دعا المبعوث الأممي المعني بالمناخ إلى التهدئة.", date(2022, 6, 1)),
    ],
)
def test_no_holder_is_sent_there_then(extract: Extract, text: str, day: date | None) -> None:
    known = {key for key in urgers(extract(text, published=day)) if key.startswith("person/")}
    assert not {key for key in known if not key.startswith("person/unknown/")}


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        # the same title later without its destination is the envoy named with it
        (
            "دعا المبعوث الأممي إلى اليمن إلى وقف التصعيد. وحث المبعوث الأممي الأطراف على الحوار.",
            date(2019, 5, 5),
            "martin-griffiths",
        ),
        (
            "وصل المبعوث الأمريكي إلى سوريا إلى دمشق. ودعا المبعوث الأمريكي إلى ضبط النفس.",
            date(2025, 7, 1),
            "tom-barrack",
        ),
        (
            "التقى الوزير المبعوثة الأممية إلى ليبيا في تونس. وطالبت المبعوثة الأممية بالتهدئة.",
            date(2024, 9, 1),
            "stephanie-koury",
        ),
        # undated, the holder named before by name
        (
            "التقى وزير الخارجية اليمني هانس غروندبرغ في الرياض. ودعا المبعوث الأممي إلى اليمن إلى التهدئة.",
            None,
            "hans-grundberg",
        ),
    ],
)
def test_the_envoy_named_before_is_the_one_meant(extract: Extract, text: str, day: date | None, holder: str) -> None:
    assert f"person/{holder}" in urgers(extract(text, published=day))


def test_a_bare_envoy_title_with_none_named_before_is_nobody(extract: Extract) -> None:
    assert not urgers(extract("وحث المبعوث الأممي الأطراف على الحوار.", published=date(2019, 5, 5)))


def test_a_state_after_an_office_with_no_destinations_is_no_destination(extract: Extract) -> None:
    # «لإيران» after a president's title is whom he speaks to: Biden still urges.
    result = extract("وجه الرئيس الأمريكي لإيران دعوة إلى ضبط النفس.", published=date(2022, 6, 1))
    assert "person/joe-biden" in urgers(result)


def test_check_flags_a_destination_that_is_no_state(tmp_path: Path) -> None:
    (tmp_path / "roles.json").write_text('{"roles": [{"id": "envoy", "titles_ar": ["المبعوث"]}]}', encoding="utf-8")
    (tmp_path / "persons_test.json").write_text(
        '[{"id": "test-envoy", "en": "Test Envoy", "ar": ["مبعوث تجريبي"],'
        ' "offices": [{"role": "envoy", "org": "un", "to": "XX", "start": "2020"}]}]',
        encoding="utf-8",
    )
    knowledge = load_knowledge([tmp_path])
    assert knowledge["person/test-envoy"].offices[0].destination == "state/XX"
    problems = [p for p in check_knowledge(knowledge) if p.kind == "unknown-destination"]
    assert [p.message.split(":")[0] for p in problems] == ["person/test-envoy"]


def test_check_flags_two_envoys_sent_to_one_state_at_once(tmp_path: Path) -> None:
    (tmp_path / "roles.json").write_text('{"roles": [{"id": "envoy", "titles_ar": ["المبعوث"]}]}', encoding="utf-8")
    (tmp_path / "states.json").write_text('[{"id": "YE", "en": "Yemen", "ar": ["اليمن"]}]', encoding="utf-8")
    envoys = [
        ("first-envoy", "YE", "2018-03", "2021-07"),
        ("second-envoy", "YE", "2020-01", None),
        ("third-envoy", None, "2019-01", None),  # a thematic envoy at the same seat: no clash
    ]
    entries = [
        {
            "id": slug,
            "en": slug,
            "ar": [],
            "offices": [{"role": "envoy", "state": "YE", "to": to, "start": start, "end": end}],
        }
        for slug, to, start, end in envoys
    ]
    (tmp_path / "persons_test.json").write_text(json.dumps(entries), encoding="utf-8")
    problems = [p.message for p in check_knowledge(load_knowledge([tmp_path])) if p.kind == "overlapping-office"]
    assert len(problems) == 1
    assert "person/first-envoy" in problems[0] and "person/second-envoy" in problems[0]
