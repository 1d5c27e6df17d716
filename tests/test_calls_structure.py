"""Calls: the noun phrases around a call (issue 14, calls family). A dateline before a dash,
a title in apposition to the name before it, the next member of a list after a title, an
acting minister of a formal state name, a subject behind a title nobody knows, "spoke to"
(تحدث إلى), officials named by their states, a minister of state title before the real one,
and a title joined by و to the named one's title. Sentences written for the phenomena, not
taken from any corpus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)
SAFADI = "person/ayman-safadi"
ABDELATTY = "person/badr-abdelatty"
ARAGHCHI = "person/abbas-araghchi"
FIDAN = "person/hakan-fidan"
BOURITA = "person/nasser-bourita"
MEKDAD = "person/faisal-mekdad"
BAGHERI = "person/ali-bagheri-kani"
ATTAF = "person/ahmed-attaf"
MACRON = "person/emmanuel-macron"
SISI = "person/abdel-fattah-el-sisi"
ERDOGAN = "person/recep-tayyip-erdogan"
MENFI = "person/mohamed-al-menfi"
NORLAND = "person/richard-norland"
TEBBOUNE = "person/abdelmadjid-tebboune"
TRUMP = "person/donald-trump"
SANCHEZ = "person/pedro-sanchez"


def pair(one: str, other: str) -> tuple[str, ...]:
    return tuple(sorted((one, other)))


# -- a place before a dash opens the sentence: a dateline, not a party --------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "عمان – أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره التركي هاكان فيدان.",
            {pair(SAFADI, FIDAN)},
        ),
        (
            "القاهرة - تلقى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا من نظيره الأردني أيمن الصفدي.",
            {pair(ABDELATTY, SAFADI)},
        ),
        (
            "طهران — بحث وزير الخارجية الإيراني عباس عراقجي هاتفيا مع وزير الخارجية المصري بدر عبد العاطي "
            "تطورات المنطقة.",
            {pair(ARAGHCHI, ABDELATTY)},
        ),
    ],
)
def test_dateline_names_no_party(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


def test_dateline_direction_is_the_verbs(extract: Extract) -> None:
    text = "الرباط – أجرى وزير الخارجية المغربي ناصر بوريطة اتصالا هاتفيا مع نظيره التركي هاكان فيدان."
    assert initiators(extract(text, published=DAY)) == {frozenset((BOURITA, FIDAN)): BOURITA}


# -- a title in apposition after a name, and the next member after و -----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وأفادت الوكالة أن السيد عباس عراقجي، وزير خارجية إيران، والسيد بدر عبد العاطي، وزير خارجية مصر، "
            "أجريا اتصالا هاتفيا مساء الأحد.",
            {pair(ARAGHCHI, ABDELATTY)},
        ),
        (
            "أجرى السيد هاكان فيدان، وزير الخارجية التركي، والدكتور أيمن الصفدي، وزير الخارجية الأردني، "
            "مكالمة هاتفية تناولت الأوضاع في غزة.",
            {pair(FIDAN, SAFADI)},
        ),
        (
            "وذكر البيان أن ناصر بوريطة، وزير الخارجية المغربي، والسيد بدر عبد العاطي، وزير الخارجية المصري، "
            "أجريا محادثة هاتفية.",
            {pair(BOURITA, ABDELATTY)},
        ),
    ],
)
def test_appositive_title_is_the_named_person(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


def test_appositive_title_keeps_an_older_name(extract: Extract) -> None:
    # In an article dated after his term, "the Iranian foreign minister" after his name is still him.
    text = (
        "أجرى السيد علي باقري كني، وزير خارجية إيران بالإنابة، والسيد أحمد عطاف، وزير الخارجية الجزائري، اتصالا هاتفيا."
    )
    assert keys(extract(text, published=DAY), "called") == {pair(BAGHERI, ATTAF)}


# -- an acting minister, and a formal state name after في / بـ ----------------------------
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "تلقى وزير الخارجية الجزائري أحمد عطاف مكالمة هاتفية من وزير الخارجية بالإنابة في الجمهورية "
            "الإسلامية الإيرانية، علي باقري كني.",
            date(2024, 7, 1),
            {frozenset((ATTAF, BAGHERI)): BAGHERI},
        ),
        (
            "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا من وزير الخارجية والمغتربين بالجمهورية "
            "العربية السورية، فيصل المقداد.",
            date(2023, 5, 1),
            {frozenset((SAFADI, MEKDAD)): MEKDAD},
        ),
        (
            "أجرى وزير الخارجية بالإنابة في الجمهورية الإسلامية الإيرانية، علي باقري كني، اتصالا هاتفيا "
            "مع وزير الخارجية المصري سامح شكري.",
            date(2024, 6, 10),
            {frozenset((BAGHERI, "person/sameh-shoukry")): BAGHERI},
        ),
    ],
)
def test_title_of_a_formal_state_name(
    extract: Extract, text: str, published: date, expected: dict[frozenset[str], str]
) -> None:
    assert initiators(extract(text, published=published)) == expected


def test_a_place_after_a_title_is_not_its_state(extract: Extract) -> None:
    # "in Baghdad" is where the minister is, not whose minister he is: the bare title stays
    # the last foreign minister named (Safadi), never Iraq's.
    text = (
        "وصل وزير الخارجية الأردني أيمن الصفدي إلى العراق. وأجرى وزير الخارجية في بغداد اتصالا هاتفيا "
        "مع نظيره المصري بدر عبد العاطي."
    )
    assert keys(extract(text, published=DAY), "called") == {pair(SAFADI, ABDELATTY)}


# -- a subject behind a title nobody knows (VSO) ------------------------------------------
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "تباحث رئيس المجلس الرئاسي الليبي محمد المنفي هاتفيا مع المبعوث الأمريكي ريتشارد نورلاند بشأن الانتخابات.",
            date(2022, 7, 1),
            {frozenset((MENFI, NORLAND)): None},
        ),
        (
            "تلقى وزير الشؤون الخارجية والجالية الوطنية بالخارج، أحمد عطاف، مكالمة هاتفية من نظيره "
            "الأردني أيمن الصفدي.",
            DAY,
            {frozenset((ATTAF, SAFADI)): SAFADI},
        ),
        (
            "أجرى رئيس الدبلوماسية المغربية ناصر بوريطة، اليوم، اتصالا هاتفيا مع وزير الخارجية التركي هاكان فيدان.",
            DAY,
            {frozenset((BOURITA, FIDAN)): BOURITA},
        ),
    ],
)
def test_subject_behind_a_long_title(
    extract: Extract, text: str, published: date, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=published)) == expected


# -- "تحدث X إلى Y": spoke to -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تحدث الرئيس الفرنسي إيمانويل ماكرون هاتفيا إلى كل من نظيريه المصري عبد الفتاح السيسي "
            "والتركي رجب طيب أردوغان.",
            {pair(MACRON, SISI), pair(MACRON, ERDOGAN)},
        ),
        (
            "وتحدث وزير الخارجية الأردني أيمن الصفدي هاتفيا إلى نظيره التركي هاكان فيدان حول غزة.",
            {pair(SAFADI, FIDAN)},
        ),
        (
            "وكان الرئيس المصري عبد الفتاح السيسي قد تحدث عبر الهاتف إلى الرئيس التركي رجب طيب أردوغان.",
            {pair(SISI, ERDOGAN)},
        ),
    ],
)
def test_spoke_to_is_a_call(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


def test_spoke_to_without_a_phone_is_no_call(extract: Extract) -> None:
    text = "وتحدث الرئيس الفرنسي إيمانويل ماكرون إلى الصحفيين عن الرئيس التركي رجب طيب أردوغان."
    assert keys(extract(text, published=DAY), "called") == set()


# -- a counterpart's name after "newly elected" words or quotes ---------------------------
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "هاتف الرئيس التركي رجب طيب أردوغان نظيره الجزائري المنتخب حديثا عبد المجيد تبون وهنأه بفوزه.",
            date(2019, 12, 15),
            {frozenset((ERDOGAN, TEBBOUNE)): ERDOGAN},
        ),
        (
            "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع نظيره الفرنسي «إيمانويل ماكرون».",
            DAY,
            {frozenset((SISI, MACRON)): SISI},
        ),
        (
            "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا من نظيره التركي الجديد، هاكان فيدان.",
            date(2023, 6, 10),
            {frozenset((SAFADI, FIDAN)): FIDAN},
        ),
    ],
)
def test_counterpart_named_after_descriptors(
    extract: Extract, text: str, published: date, expected: dict[frozenset[str], str]
) -> None:
    assert initiators(extract(text, published=published)) == expected


# -- times between the call word and its party add no distance -----------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "هاتف الرئيس الأمريكي، “دونالد ترامب”، اليوم الجمعة، الرئيس التركي “رجب طيب أردوغان”.",
            {frozenset((TRUMP, ERDOGAN)): TRUMP},
        ),
        (
            "تناول اتصال هاتفي جرى مساء اليوم الأحد بين الرئيس المصري عبد الفتاح السيسي "
            "والرئيس الفرنسي إيمانويل ماكرون الأوضاع في غزة.",
            {frozenset((SISI, MACRON)): None},
        ),
        (
            "ناقشت مكالمة هاتفية جرت، صباح الاثنين، بين وزير الخارجية الأردني أيمن الصفدي ونظيره التركي "
            "هاكان فيدان تطورات المنطقة.",
            {frozenset((SAFADI, FIDAN)): None},
        ),
    ],
)
def test_times_add_no_distance(extract: Extract, text: str, expected: dict[frozenset[str], str | None]) -> None:
    assert initiators(extract(text, published=DAY)) == expected


def test_far_with_after_a_quote_is_no_party(extract: Extract) -> None:
    text = (
        "أجرى الرئيس الأمريكي دونالد ترامب اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي. "
        'وأكد ترامب خلال الاتصال، "استمرار الإدارة الأميركية في بذل الجهود الدؤوبة، والتنسيق مع تركيا".'
    )
    assert keys(extract(text, published=DAY), "called") == {pair(TRUMP, SISI)}


# -- "أبلغ X نظيره Y في مكالمة هاتفية": the object before the call's frame --------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أبلغ الرئيس الفرنسي «إيمانويل ماكرون» نظيره المصري «عبد الفتاح السيسي» في مكالمة هاتفية "
            "أن فرنسا تدعم التهدئة.",
            {pair(MACRON, SISI)},
        ),
        (
            "وهنأ وزير الخارجية التركي هاكان فيدان نظيره الأردني أيمن الصفدي خلال اتصال هاتفي بحلول العيد.",
            {pair(FIDAN, SAFADI)},
        ),
        (
            "وأطلع الرئيس التركي رجب طيب أردوغان الرئيس الأمريكي دونالد ترامب في الاتصال الهاتفي على نتائج زيارته.",
            {pair(ERDOGAN, TRUMP)},
        ),
    ],
)
def test_object_before_the_calls_frame(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    result = extract(text, published=DAY)
    assert keys(result, "called") == expected
    assert set(initiators(result).values()) == {None}


def test_subject_alone_before_the_frame_is_no_pair(extract: Extract) -> None:
    text = "وأكد الرئيس الفرنسي إيمانويل ماكرون في اتصال هاتفي أن فرنسا تدعم التهدئة."
    assert keys(extract(text, published=DAY), "called") == set()


# -- a call naming a state is the call its person made, when the article reports that one ----
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تركيا تجري اتصالا مع الأردن\nأجرى وزير الخارجية التركي هاكان فيدان اتصالا هاتفيا مع نظيره "
            "الأردني أيمن الصفدي.",
            {pair(FIDAN, SAFADI)},
        ),
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
            "ولم تحدد الحكومة الفرنسية مدة المكالمة مع أردوغان.",
            {pair(MACRON, ERDOGAN)},
        ),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون. "
            "وقالت الرئاسة الفرنسية إن المكالمة مع مصر تناولت غزة.",
            {pair(SISI, MACRON)},
        ),
    ],
)
def test_state_call_covered_by_its_persons_call(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


def test_state_call_with_another_party_stays(extract: Extract) -> None:
    text = (
        "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
        "وأجرت فرنسا اتصالا هاتفيا مع الأردن."
    )
    assert keys(extract(text, published=DAY), "called") == {pair(MACRON, ERDOGAN), pair("state/FR", "state/JO")}


# -- an opening attribution ends at its complementizer ("وبحسب الوكالة فإن X …") -------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وبحسب الوكالة الرسمية فإن الرئيس المصري عبد الفتاح السيسي دعا خلال اتصال هاتفي تلقاه من "
            "الرئيس الفرنسي إيمانويل ماكرون إلى التهدئة.",
            {frozenset((SISI, MACRON)): MACRON},
        ),
        (
            "ووفقا للبيان فإن وزير الخارجية الأردني أيمن الصفدي أجرى اتصالا هاتفيا مع نظيره التركي هاكان فيدان.",
            {frozenset((SAFADI, FIDAN)): SAFADI},
        ),
        (
            "وحسب مصادر دبلوماسية فإن الرئيس التركي رجب طيب أردوغان تلقى اتصالا هاتفيا من الرئيس الأمريكي "
            "دونالد ترامب.",
            {frozenset((ERDOGAN, TRUMP)): TRUMP},
        ),
    ],
)
def test_attribution_ends_at_its_complementizer(
    extract: Extract, text: str, expected: dict[frozenset[str], str]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


# -- the honorific دولة before a prime minister's title ------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من دولة رئيس الوزراء الإسباني بيدرو سانشيز.",
            {frozenset((SISI, SANCHEZ)): SANCHEZ},
        ),
        (
            "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع دولة رئيس وزراء إسبانيا بيدرو سانشيز.",
            {frozenset((SAFADI, SANCHEZ)): SAFADI},
        ),
        (
            "وبحث الرئيس الفرنسي إيمانويل ماكرون هاتفيا مع دولة رئيس الوزراء الإسباني بيدرو سانشيز الأوضاع.",
            {frozenset((MACRON, SANCHEZ)): None},
        ),
    ],
)
def test_state_honorific_before_a_title(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


# -- "بين الرئيسين الروسي X والأمريكي Y": a dual title over named members ---------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال المتحدث إن اتصالا هاتفيا جرى بين الرئيسين الفرنسي إيمانويل ماكرون والمصري عبد الفتاح السيسي.",
            {pair(MACRON, SISI)},
        ),
        (
            "تناولت مكالمة هاتفية بين الوزيرين الأردني أيمن الصفدي والتركي هاكان فيدان الوضع في غزة.",
            {pair(SAFADI, FIDAN)},
        ),
        (
            "جرى اتصال هاتفي بين الزعيمين التركي رجب طيب أردوغان والأمريكي دونالد ترامب.",
            {pair(ERDOGAN, TRUMP)},
        ),
    ],
)
def test_dual_title_over_named_members(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


# -- "أجرى X اتصالا من Y": من after أجرى names a person called, not a place --------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.",
            {frozenset((SISI, MACRON)): SISI},
        ),
        (
            "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من أنقرة مع الرئيس الأمريكي دونالد ترامب.",
            {frozenset((ERDOGAN, TRUMP)): ERDOGAN},
        ),
        (
            "وأجرى وزير الخارجية الأردني أيمن الصفدي، مساء اليوم، مكالمة هاتفية من نظيره التركي هاكان فيدان.",
            {frozenset((SAFADI, FIDAN)): SAFADI},
        ),
    ],
)
def test_from_after_placed_call_names_a_person(
    extract: Extract, text: str, expected: dict[frozenset[str], str]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


# -- a dual counterpart over two nationalities: one counterpart each ------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وأجرى وزير الخارجية التركي هاكان فيدان اتصالين هاتفيين بنظيريه الأردني والمصري، ودعاهما إلى التهدئة.",
            {pair(FIDAN, SAFADI), pair(FIDAN, ABDELATTY)},
        ),
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالين هاتفيين من نظيريه المصري والفرنسي.",
            {pair(ERDOGAN, SISI), pair(ERDOGAN, MACRON)},
        ),
        (
            "تحدث الرئيس الفرنسي إيمانويل ماكرون هاتفيا مع نظيريه الأمريكي دونالد ترامب والمصري عبد الفتاح السيسي.",
            {pair(MACRON, TRUMP), pair(MACRON, SISI)},
        ),
    ],
)
def test_dual_counterparts(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


# -- "بين X أمير قطر، مع Y": a بين with one party, the other after مع ------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "جاء ذلك في اتصال هاتفي بين الشيخ تميم بن حمد آل ثاني أمير قطر، مع الرئيس الأمريكي دونالد ترامب.",
            {pair("person/tamim-bin-hamad-al-thani", TRUMP)},
        ),
        (
            "وتم ذلك خلال اتصال هاتفي بين الرئيس المصري عبد الفتاح السيسي، مع الرئيس الفرنسي إيمانويل ماكرون.",
            {pair(SISI, MACRON)},
        ),
        (
            "جرى اتصال هاتفي بين أيمن الصفدي وزير الخارجية الأردني، مع نظيره التركي هاكان فيدان.",
            {pair(SAFADI, FIDAN)},
        ),
    ],
)
def test_between_then_with(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


# -- a title of the one newly elected: named after, or nobody -------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أردوغان يهاتف الرئيس الجزائري الجديد", set()),
        ("السيسي يهاتف الرئيس الأمريكي المنتخب", set()),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الأمريكي المنتخب دونالد ترامب.",
            {pair(SISI, TRUMP)},
        ),
    ],
)
def test_elect_title(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=date(2024, 11, 20)), "called") == expected


# -- a subject behind a title with its organisation (رئيس المجلس الرئاسي لحكومة الوفاق X) ------
def test_subject_behind_title_and_its_organisation(extract: Extract) -> None:
    text = (
        "أجرى مساء اليوم رئيس المجلس الرئاسي لحكومة الوفاق الليبية محمد المنفي اتصالا هاتفيا مع "
        "الرئيس التركي رجب طيب أردوغان."
    )
    assert initiators(extract(text, published=DAY)) == {frozenset((MENFI, ERDOGAN)): MENFI}


SUDANI = "person/mohammed-shia-al-sudani"
ABDULLAH = "person/abdullah-ii-of-jordan"
SABBAGH = "person/bassam-al-sabbagh"


# -- officials named by the states and bodies they serve (المسؤولين في مصر وقطر) ------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى رئيس الوزراء العراقي محمد شياع السوداني اتصالا هاتفيا من المسؤولين في مصر وقطر.",
            {pair(SUDANI, "state/EG"), pair(SUDANI, "state/QA")},
        ),
        (
            "تلقى رئيس الوزراء العراقي محمد شياع السوداني اتصالات من المسؤولين في مصر، وقطر والأمم المتحدة، "
            "بحث خلالها التطورات.",
            {pair(SUDANI, "state/EG"), pair(SUDANI, "state/QA"), pair(SUDANI, "org/un")},
        ),
        (
            "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالات مع المسؤولين في تركيا وإيران لبحث التصعيد.",
            {pair(SAFADI, "state/TR"), pair(SAFADI, "state/IR")},
        ),
        # A capital is where the officials are, not whom they serve; no call, no party.
        ("أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع المسؤولين في الرياض.", set()),
        ("بحث المسؤولون في مصر الأوضاع في غزة مع وفد أوروبي.", set()),
    ],
)
def test_officials_of_states(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


# -- a minister of state title stacked before the real one; commas and times add no distance --
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى، مساء اليوم الأحد، وزير الدولة، وزير الشؤون الخارجية والجالية الوطنية بالخارج "
            "والشؤون الإفريقية، أحمد عطاف، مكالمة هاتفية من وزير الخارجية السوري باسم الصباغ.",
            {pair(ATTAF, SABBAGH)},
        ),
        (
            "تلقى وزير الدولة، وزير الشؤون الخارجية الجزائري أحمد عطاف مكالمة هاتفية من نظيره السوري باسم الصباغ.",
            {pair(ATTAF, SABBAGH)},
        ),
        (
            "أجرى وزير الدولة، وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع وزير الخارجية التركي هاكان فيدان.",
            {pair(SAFADI, FIDAN)},
        ),
        # A minister of state nobody names is no party.
        ("أجرى وزير الدولة للشؤون الخارجية اتصالا هاتفيا مع وزير الخارجية التركي هاكان فيدان.", set()),
    ],
)
def test_minister_of_state_before_title(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=date(2024, 6, 1)), "called") == expected


# -- a title that names nobody, joined by و to the named one's title, is his first title -------
@pytest.mark.parametrize(
    ("text", "expected", "caller"),
    [
        (
            "تلقى رئيس الوزراء العراقي محمد شياع السوداني اتصالا هاتفيا من نائب رئيس الوزراء الأردني "
            "ووزير الخارجية أيمن الصفدي.",
            {pair(SUDANI, SAFADI)},
            SAFADI,
        ),
        (
            "أجرى نائب رئيس الوزراء ووزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع وزير الخارجية "
            "التركي هاكان فيدان.",
            {pair(SAFADI, FIDAN)},
            SAFADI,
        ),
        (
            "بحث وزير الخارجية التركي هاكان فيدان هاتفيا مع نائب رئيس الوزراء ووزير الخارجية الأردني "
            "أيمن الصفدي تطورات المنطقة.",
            {pair(FIDAN, SAFADI)},
            None,  # "بحث … مع": a conversation, nobody placed it
        ),
        # A first title that names its own holder stays his: two callers, not one.
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي والملك الأردني عبد الله الثاني اتصالا هاتفيا من الرئيس "
            "الفرنسي إيمانويل ماكرون.",
            {pair(SISI, MACRON), pair(ABDULLAH, MACRON)},
            MACRON,
        ),
    ],
)
def test_coordinated_titles(extract: Extract, text: str, expected: set[tuple[str, ...]], caller: str | None) -> None:
    result = extract(text, published=DAY)
    assert keys(result, "called") == expected
    assert set(initiators(result).values()) == {caller}


@pytest.mark.parametrize(
    ("text", "callers", "called"),
    [
        (
            "هاتف الرئيس التركي رجب طيب أردوغان ورئيسة الوزراء الإيطالية جورجيا ميلوني، مساء الأحد،"
            " الرئيس الأوكراني فولوديمير زيلينسكي قبيل لقائه المرتقب مع الرئيس الأمريكي دونالد ترامب.",
            ("person/recep-tayyip-erdogan", "person/giorgia-meloni"),
            "person/volodymyr-zelenskyy",
        ),
        (
            "هاتف المستشار الألماني فريدريش ميرتس ورئيس الوزراء البريطاني كير ستارمر، مساء الثلاثاء،"
            " الرئيس الأمريكي دونالد ترامب لبحث الحرب في أوكرانيا.",
            ("person/friedrich-merz", "person/keir-starmer"),
            "person/donald-trump",
        ),
        (
            "اتصل الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني فريدريش ميرتس، اليوم السبت،"
            " بالرئيس الأوكراني فولوديمير زيلينسكي.",
            (MACRON, "person/friedrich-merz"),
            "person/volodymyr-zelenskyy",
        ),
    ],
)
def test_a_time_between_commas_ends_the_list_of_callers(
    extract: Extract, text: str, callers: tuple[str, str], called: str
) -> None:
    """ "هاتف X وY، مساء الأحد، Z": the one after the time is the object, not a third caller."""
    result = extract(text, DAY)
    assert keys(result, "called") == {tuple(sorted((c, called))) for c in callers}
    assert set(initiators(result).values()) == set(callers)


def test_a_list_joined_by_and_across_a_time_goes_on(extract: Extract) -> None:
    text = (
        "أجرى الرئيس التركي رجب طيب أردوغان، مساء الأحد، ورئيسة الوزراء الإيطالية جورجيا ميلوني"
        " اتصالا هاتفيا مع الرئيس الأوكراني فولوديمير زيلينسكي."
    )
    pairs = keys(extract(text, DAY), "called")
    assert ("person/giorgia-meloni", "person/volodymyr-zelenskyy") in pairs


@pytest.mark.parametrize(
    ("text", "pair", "caller"),
    [
        (
            "تلقى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا من وزير الدولة وزير الشؤون الخارجية"
            " الجزائري أحمد عطاف.",
            (ABDELATTY, ATTAF),
            ATTAF,
        ),
        (
            "تلقى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا من رئيس مجلس الوزراء وزير الخارجية القطري"
            " الشيخ محمد بن عبدالرحمن آل ثاني.",
            (ABDELATTY, "person/mohammed-bin-abdulrahman-al-thani"),
            "person/mohammed-bin-abdulrahman-al-thani",
        ),
        (
            "وتلقى وزير الخارجية التركي هاكان فيدان اتصالا هاتفيا اليوم من رئيس الوزراء وزير الخارجية القطري"
            " الشيخ محمد بن عبدالرحمن آل ثاني.",
            (FIDAN, "person/mohammed-bin-abdulrahman-al-thani"),
            "person/mohammed-bin-abdulrahman-al-thani",
        ),
    ],
)
def test_a_nameless_office_stacked_before_the_callers_title(
    extract: Extract, text: str, pair: tuple[str, str], caller: str
) -> None:
    """ "من وزير الدولة وزير الشؤون الخارجية X": the من governs X past the office stacked before."""
    result = extract(text, DAY)
    assert keys(result, "called") == {tuple(sorted(pair))}
    assert initiators(result) == {frozenset(pair): caller}


def test_an_office_alone_after_from_names_no_caller(extract: Extract) -> None:
    text = "تلقى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا من وزير الدولة."
    assert keys(extract(text, DAY), "called") == set()
