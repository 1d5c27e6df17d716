"""Calls, third pass (issue 14, calls family): how a call is referred to and who started it.
Times before a بين; the title عاهل and the plural قادة; a line wrapped after قد; the verbs بدأها /
بادر naming the initiator; جمعهما (the call joined the two named before it); a call noun with no
subject after a quoted statement; readiness for a call; على اتصال هاتفي; a carried pair under a
singular verb; a one-word title without its article; a call noun referring back to a call.
Sentences written for the phenomena, not taken from any corpus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)
SAFADI = "person/ayman-safadi"
FIDAN = "person/hakan-fidan"
ARAGHCHI = "person/abbas-araghchi"
ABDELATTY = "person/badr-abdelatty"
BOURITA = "person/nasser-bourita"
SISI = "person/abdel-fattah-el-sisi"
ABDULLAH = "person/abdullah-ii-of-jordan"
ERDOGAN = "person/recep-tayyip-erdogan"
PEZESHKIAN = "person/masoud-pezeshkian"
PUTIN = "person/vladimir-putin"
PASHINYAN = "person/nikol-pashinyan"
TRUMP = "person/donald-trump"
ZELENSKY = "person/volodymyr-zelenskyy"
MACRON = "person/emmanuel-macron"
MELONI = "person/giorgia-meloni"
SANCHEZ = "person/pedro-sanchez"


def pair(one: str, other: str) -> tuple[str, ...]:
    return tuple(sorted((one, other)))


def calls(extract: Extract, text: str) -> set[tuple[str, ...]]:
    return keys(extract(text, published=DAY), "called")


# -- times and commas between a call word and its بين ------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تناولت مكالمة هاتفية جرت، عصر اليوم الخميس، بين الرئيس المصري عبد الفتاح السيسي "
            "ورئيسة الوزراء الإيطالية جورجيا ميلوني ملف الهجرة.",
            pair(SISI, MELONI),
        ),
        (
            "وكان الاتصال الهاتفي، ظهر أمس الأحد، بين وزير الخارجية الأردني أيمن الصفدي ونظيره التركي هاكان فيدان.",
            pair(SAFADI, FIDAN),
        ),
        (
            "جرت محادثة هاتفية، فجر الجمعة، بين الرئيس التركي رجب طيب أردوغان ونظيره الإيراني مسعود بزشكيان.",
            pair(ERDOGAN, PEZESHKIAN),
        ),
    ],
)
def test_times_add_no_distance_to_between(extract: Extract, text: str, expected: tuple[str, ...]) -> None:
    assert expected in calls(extract, text)


# -- the title عاهل, and قادة over a list of states ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا بعاهل الأردن الملك عبد الله الثاني.",
        "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من عاهل المملكة الأردنية الهاشمية.",
        "بحث عاهل الأردن هاتفيا مع الرئيس المصري عبد الفتاح السيسي تطورات غزة.",
    ],
)
def test_the_title_aahil_is_the_king(extract: Extract, text: str) -> None:
    assert calls(extract, text) == {pair(SISI, ABDULLAH)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أجرى قادة روسيا وأرمينيا محادثة هاتفية ناقشوا خلالها الوضع على الحدود.", pair(PUTIN, PASHINYAN)),
        ("بحث قادة تركيا وإيران هاتفيا التصعيد في المنطقة.", pair(ERDOGAN, PEZESHKIAN)),
        ("جرى اتصال هاتفي بين قادة فرنسا وإيطاليا.", pair(MACRON, MELONI)),
    ],
)
def test_leaders_of_listed_states(extract: Extract, text: str, expected: tuple[str, ...]) -> None:
    assert calls(extract, text) == {expected}


def test_a_line_wrapped_after_qad_goes_on(extract: Extract) -> None:
    text = (
        "تلقى وزير الخارجية الإيراني عباس عراقجي اتصالا من نظيره المصري بدر عبد العاطي.\n"
        "وكان عبد العاطي، قد\nأجرى في وقت سابق اتصالا هاتفيا مع نظيره التركي هاكان فيدان."
    )
    result = extract(text, published=DAY)
    assert keys(result, "called") == {pair(ARAGHCHI, ABDELATTY), pair(ABDELATTY, FIDAN)}
    (fact,) = [f for f in result.facts if FIDAN in {f.a.key, f.b.key if f.b else ""}]
    assert fact.evidence.sentence.startswith("وكان عبد العاطي")  # one sentence across the wrap


# -- بدأها / بادر: the one who started the call ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "caller"),
    [
        (
            "أجرى قادة روسيا وأرمينيا محادثة هاتفية. المحادثة التي جرت اليوم بدأها رئيس الوزراء الأرميني.",
            PASHINYAN,
        ),
        (
            "جرى اتصال هاتفي بين الرئيس التركي رجب طيب أردوغان والرئيس الإيراني مسعود بزشكيان. "
            "وبادر أردوغان بالاتصال بعد الهجوم.",
            ERDOGAN,
        ),
        (
            "بحث وزير الخارجية الأردني أيمن الصفدي هاتفيا مع وزير الخارجية التركي هاكان فيدان الأوضاع. "
            "وكانت المكالمة قد بدأها فيدان.",
            FIDAN,
        ),
    ],
)
def test_initiative_verbs_name_the_caller(extract: Extract, text: str, caller: str) -> None:
    found = initiators(extract(text, published=DAY))
    assert caller in set(found.values())


def test_initiative_verb_without_a_call_names_nobody(extract: Extract) -> None:
    text = (
        "جرى اتصال هاتفي بين الرئيس التركي رجب طيب أردوغان والرئيس الإيراني مسعود بزشكيان. "
        "وبادر أردوغان بإرسال مساعدات إلى المنطقة."
    )
    assert set(initiators(extract(text, published=DAY)).values()) == {None}


# -- جمعهما: the two named right before the call --------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ولم يعلق الرئيس الأوكراني فولوديمير زيلينسكي على موافقة الرئيس الأمريكي دونالد ترامب "
            "على لقاء الرئيس الروسي فلاديمير بوتين خلال اتصال هاتفي جمعهما أمس.",
            {pair(TRUMP, PUTIN)},
        ),
        (
            "وأشاد الرئيس الفرنسي إيمانويل ماكرون برئيس الوزراء الإسباني بيدرو سانشيز في مكالمة هاتفية جمعتهما.",
            {pair(MACRON, SANCHEZ)},
        ),
        (
            "وقال وزير الخارجية المغربي ناصر بوريطة إن نظيره المصري بدر عبد العاطي أكد له، "
            "في اتصال جمعهما مساء الأحد، دعم بلاده.",
            {pair(BOURITA, ABDELATTY)},
        ),
    ],
)
def test_a_call_that_joined_the_two(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert calls(extract, text) == expected


# -- a call noun with no subject after a statement: the speaker's --------------------------
@pytest.mark.parametrize(
    "follow",
    [
        "وجاءت تصريحاته في اتصال هاتفي مع نظيره التركي هاكان فيدان.",
        "وجاء ذلك في اتصال هاتفي مع وزير الخارجية التركي هاكان فيدان.",
        "وجاءت أقواله خلال مكالمة هاتفية مع نظيره التركي هاكان فيدان.",
    ],
)
def test_a_call_after_a_statement_is_the_speakers(extract: Extract, follow: str) -> None:
    text = "قال وزير الخارجية الأردني أيمن الصفدي إن التصعيد خطير على المنطقة. " + follow
    assert calls(extract, text) == {pair(SAFADI, FIDAN)}


# -- readiness for a call, arrangements of a call: no call ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "الرئيس الأوكراني فولوديمير زيلينسكي يعلن أنه مستعد للاتصال بالرئيس الروسي فلاديمير بوتين",
        "أبدى الرئيس الروسي فلاديمير بوتين استعداده للحوار وسط غياب أي ترتيبات رسمية لمكالمة هاتفية "
        "بينه وبين الرئيس الأمريكي دونالد ترامب.",
        "أعرب وزير الخارجية التركي هاكان فيدان عن استعداده لإجراء اتصال هاتفي مع نظيره الإيراني عباس عراقجي.",
    ],
)
def test_readiness_for_a_call_is_no_call(extract: Extract, text: str) -> None:
    assert calls(extract, text) == set()


def test_readiness_after_a_call_keeps_the_call(extract: Extract) -> None:
    text = "اتصل الرئيس الأوكراني فولوديمير زيلينسكي بالرئيس الروسي فلاديمير بوتين وأكد استعداده للحوار."
    assert calls(extract, text) == {pair(ZELENSKY, PUTIN)}


# -- على اتصال هاتفي: a call; على اتصال مع: in touch ----------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الكرملين يعلق على اتصال هاتفي بين بوتين وترامب", {pair(PUTIN, TRUMP)}),
        (
            "وعلق المتحدث باسم الخارجية على اتصال هاتفي جرى بين الرئيس الروسي فلاديمير بوتين "
            "والرئيس التركي رجب طيب أردوغان.",
            {pair(PUTIN, ERDOGAN)},
        ),
        ("وبقي وزير الخارجية التركي هاكان فيدان على اتصال مع نظيره الإيراني عباس عراقجي.", set()),
    ],
)
def test_on_a_phone_call(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert calls(extract, text) == expected


# -- a one-word title without its article heads the noun after it --------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وصرح الرئيس الإيراني مسعود بزشكيان بأن الوضع خطير. "
        "وتلقى رئيس مجلس الحكم المحلي اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان.",
        "وقال الرئيس التركي رجب طيب أردوغان إن الوضع خطير. "
        "وأجرى رئيس سلطة المياه اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون.",
        "وأوضح الرئيس الفرنسي إيمانويل ماكرون أن الوضع خطير. "
        "وتلقى رئيس اللجنة الأولمبية اتصالا هاتفيا من رئيس الوزراء الإسباني بيدرو سانشيز.",
    ],
)
def test_an_indefinite_title_is_no_bare_title(extract: Extract, text: str) -> None:
    assert calls(extract, text) == set()


# -- a call noun referring back to a call -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أبلغ الرئيس التركي رجب طيب أردوغان نظيره الإيراني مسعود بزشكيان استعداد بلاده للوساطة. "
            "وتزامن هذا الاتصال مع تصاعد التوتر.",
            {pair(ERDOGAN, PEZESHKIAN): None},
        ),
        (
            "تلقى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا هاتفيا من الرئيس ماكغون. "
            "وقال الرئيس الفرنسي إيمانويل ماكرون إن الوضع خطير. وجرى خلال الاتصال بحث الأوضاع.",
            {pair(SANCHEZ, MACRON): MACRON},
        ),
        (
            "وأكد وزير الخارجية الأردني أيمن الصفدي أهمية التهدئة. وأشاد نظيره التركي هاكان فيدان بالموقف. "
            "وتناولت هذه المكالمة الأوضاع في غزة.",
            {pair(SAFADI, FIDAN): None},
        ),
    ],
)
def test_a_call_of_the_only_two_named(extract: Extract, text: str, expected: dict[tuple[str, ...], str | None]) -> None:
    found = initiators(extract(text, published=DAY))
    assert {tuple(sorted(k)): v for k, v in found.items()} == expected


def test_a_call_referred_back_names_no_third(extract: Extract) -> None:
    text = (
        "أكد وزير الخارجية الأردني أيمن الصفدي أهمية التهدئة. وأشاد وزير الخارجية التركي هاكان فيدان بالموقف. "
        "ورحب وزير الخارجية الإيراني عباس عراقجي بذلك. وتناولت هذه المكالمة الأوضاع في غزة."
    )
    assert calls(extract, text) == set()


def test_a_definite_call_noun_is_the_call_just_reported(extract: Extract) -> None:
    text = (
        "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره التركي هاكان فيدان. "
        "وتناول الاتصال الأوضاع في غزة."
    )
    result = extract(text, published=DAY)
    assert keys(result, "called") == {pair(SAFADI, FIDAN)}
    (fact,) = [f for f in result.facts if f.relation == "called"]
    assert initiators(result) == {frozenset((SAFADI, FIDAN)): SAFADI}
    assert {e.index for e in [fact.evidence, *fact.extra_evidence]} == {0, 1}


# -- statements that disagree on who called: the surer one wins ---------------------------
@pytest.mark.parametrize(
    ("text", "caller"),
    [
        (
            "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره التركي هاكان فيدان. "
            "وكان الصفدي قد تلقى اتصالا من فيدان بشأن التطورات.",
            FIDAN,
        ),
        (
            "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون. "
            "وبحسب بيان الرئاسة فقد تلقى السيسي اتصالا من ماكرون.",
            MACRON,
        ),
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الإيراني مسعود بزشكيان. "
            "وجرى الاتصال بمبادرة من أردوغان.",
            ERDOGAN,
        ),
    ],
)
def test_the_surer_statement_names_the_caller(extract: Extract, text: str, caller: str) -> None:
    assert set(initiators(extract(text, published=DAY)).values()) == {caller}


def test_a_plain_statement_does_not_override_a_receipt(extract: Extract) -> None:
    text = (
        "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا من نظيره التركي هاكان فيدان. "
        "وأجرى الصفدي اتصالا هاتفيا مع فيدان تناول التطورات."
    )
    assert set(initiators(extract(text, published=DAY)).values()) == {FIDAN}


# -- قد before a past verb in ت- is "has", not "may" ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وبحسب بيان الخارجية فقد تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا من نظيره التركي هاكان فيدان.",
        "وقد تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا من نظيره التركي هاكان فيدان.",
        "ووفقا للوكالة فقد تحدث وزير الخارجية التركي هاكان فيدان هاتفيا مع نظيره الأردني أيمن الصفدي.",
    ],
)
def test_qad_before_a_past_verb(extract: Extract, text: str) -> None:
    assert calls(extract, text) == {pair(SAFADI, FIDAN)}


def test_qad_before_an_imperfect_is_may(extract: Extract) -> None:
    text = "وقد يتلقى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا من نظيره التركي هاكان فيدان."
    assert calls(extract, text) == set()


@pytest.mark.parametrize(
    "caller",
    ["رئيس سلطة المياه", "رئيس مجلس الحكم المحلي", "رئيس اللجنة الأولمبية"],
)
def test_a_call_from_someone_nobody_knows_is_not_paired_with_whoever_is_named(extract: Extract, caller: str) -> None:
    text = (
        f"تلقى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا هاتفيا من {caller}. "
        "وقال الرئيس الفرنسي إيمانويل ماكرون إن الوضع خطير. وجرى خلال الاتصال بحث الأوضاع."
    )
    assert initiators(extract(text, published=DAY)) == {}
