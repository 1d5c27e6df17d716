"""offeredMediation (ANNOTATION.md): offers and readiness, mediation owned by its actor (a
relative clause, a role), joint mediation, the verbs of mediating; praise and calls for a role
are nobody's offer. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 5, 1)
ERDOGAN = "person/recep-tayyip-erdogan"
PUTIN = "person/vladimir-putin"
MACRON = "person/emmanuel-macron"
TAMIM = "person/tamim-bin-hamad-al-thani"
WANG_YI = "person/wang-yi"
EGYPT, QATAR, OMAN, CHINA, US = "state/EG", "state/QA", "state/OM", "state/CN", "state/US"
ALGERIA, TURKEY, JORDAN = "state/DZ", "state/TR", "state/JO"


def mediators(extract: Extract, text: str) -> set[str]:
    return {key for (key,) in keys(extract(text, published=DAY), "offeredMediation")}


# -- readiness and offers ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعرب بوتين عن استعداد روسيا لتسهيل الحوار بين أرمينيا وأذربيجان.", {PUTIN}),
        ("وأبدت الصين استعدادها لبذل مساعيها الحميدة بين الطرفين.", {CHINA}),
        ("أبدت سلطنة عمان استعدادها لاستضافة المحادثات بين طهران وواشنطن.", {OMAN}),
        ("وعرضت الجزائر وساطتها لحل الأزمة في مالي.", {ALGERIA}),
        ("وأبدى أردوغان استعداده للتوسط بين موسكو وكييف.", {ERDOGAN}),
    ],
)
def test_readiness_and_offers_to_mediate(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


# -- a role in ending a conflict ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأكد ماكرون استعداد فرنسا للقيام بدور بناء في تسوية الأزمة.", {MACRON}),
        ("وأبدى أردوغان استعداده للعب دور فاعل في إنهاء الحرب.", {ERDOGAN}),
        ("وقال وانغ يي إن الصين مستعدة للقيام بأي دور يسهم في التهدئة.", {WANG_YI}),
        ("وأشاد الرئيس بالدور المصري في التوصل إلى وقف إطلاق النار.", {EGYPT}),
        ("ثمن الملك الدور الذي تضطلع به قطر في إنهاء الحرب.", {QATAR}),
        ("وأشاد ماكرون بالدور المحوري للأردن في التوصل إلى وقف إطلاق النار.", {JORDAN}),
    ],
)
def test_a_role_in_ending_a_conflict_is_mediation(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ودعا أردوغان الصين إلى لعب دور في إنهاء الحرب.",
        "وأكد ماكرون أهمية الدور الثقافي للجامعات.",
        "ولم يبد أردوغان استعداده للقيام بدور في تسوية الأزمة.",
        "ودعا بوتين إلى دور أكبر للأمم المتحدة في حل الأزمة.",
        "وأكد أردوغان على دور الأمم المتحدة في إيصال المساعدات.",
        "وأشاد ماكرون بالدور المحوري لمصر في المنطقة.",
    ],
)
def test_a_role_asked_of_others_or_unrelated_is_no_offer(extract: Extract, text: str) -> None:
    assert mediators(extract, text) == set()


# -- mediation owned by an actor ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وبحث الجانبان الوساطة التي تقودها مصر بين الطرفين.", {EGYPT}),
        ("وأشاد بوتين بالوساطة التي يقوم بها أمير قطر الشيخ تميم بن حمد.", {TAMIM}),
        ("وأشاد ماكرون بالدور الذي تضطلع به مصر في الوساطة.", {EGYPT}),
        ("ثمن أردوغان جهود الوساطة التي تبذلها قطر ومصر.", {QATAR, EGYPT}),
        ("وتم التوصل إلى الاتفاق بوساطة الأردن.", {JORDAN}),
        # the mediators named in brackets after the mediator noun
        ("وأعلن الوسطاء (مصر وقطر) التوصل إلى اتفاق.", {EGYPT, QATAR}),
        ("وقال الوسطاء (الأردن ومصر) إن المحادثات ستستأنف.", {JORDAN, EGYPT}),
        ("ودعا الوسطاء (قطر والأردن) الطرفين إلى التهدئة.", {QATAR, JORDAN}),
    ],
)
def test_mediation_owned_by_its_actor(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وأشاد أردوغان بجهود الوساطة.",
        "وثمن ماكرون الوساطة بين الطرفين.",
        "ورحب بوتين بجهود الوساطة الجارية.",
    ],
)
def test_praise_of_unowned_mediation_is_nobodys(extract: Extract, text: str) -> None:
    assert mediators(extract, text) == set()


# -- joint mediation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أجرى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا مع رئيس الوزراء القطري الشيخ "
            "محمد بن عبد الرحمن آل ثاني. وتناول الاتصال جهود الوساطة المشتركة للتوصل إلى اتفاق.",
            {EGYPT, QATAR},
        ),
        ("وتناول الاتصال جهود الوساطة المشتركة بين مصر وقطر.", {EGYPT, QATAR}),
        ("وتتوسط مصر وقطر والولايات المتحدة بين الطرفين.", {EGYPT, QATAR, US}),
        ("وقالت الخارجية القطرية إن الوسيطين القطري والمصري يواصلان جهودهما.", {QATAR, EGYPT}),
    ],
)
def test_joint_mediators(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


def test_joint_mediation_with_no_call_names_nobody(extract: Extract) -> None:
    assert mediators(extract, "وتحدث التقرير عن جهود الوساطة المشتركة.") == set()


# -- verbs of mediating ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويتوسط أردوغان بين روسيا وأوكرانيا.", {ERDOGAN}),
        ("وتوسطت الجزائر بين الطرفين.", {ALGERIA}),
        ("وعرضت تركيا التوسط بين الجانبين.", {TURKEY}),
    ],
)
def test_verbs_of_mediating(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


@pytest.mark.parametrize("text", ["ولم تتوسط الجزائر بين الطرفين.", "ورفضت تركيا التوسط بين الجانبين."])
def test_negated_or_refused_mediating(extract: Extract, text: str) -> None:
    assert mediators(extract, text) == set()


# -- the capacity one acts in: كوسيط، بصفتها وسيطا -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتعمل قطر كوسيط بين إسرائيل وحماس.", {QATAR}),
        ("وشاركت مصر في المحادثات بصفتها وسيطا.", {EGYPT}),
        ("وقال أردوغان إن بلاده تعمل كوسيط بين موسكو وكييف.", {ERDOGAN}),
        ("وحضرت سلطنة عمان الجولة الثانية بوصفها وسيطا بين الجانبين.", {OMAN}),
    ],
)
def test_the_capacity_of_a_mediator(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    ["ولا تعمل قطر كوسيط في هذا الملف.", "وتحدث المسؤول كوسيط بين الطرفين.", "وقالت الصحيفة إن الوساطة متعثرة."],
)
def test_no_capacity_of_anyone_named(extract: Extract, text: str) -> None:
    assert mediators(extract, text) == set()


# -- a role played, as a reporter states it (rule_words.role_verbs) --------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتلعب مصر دورا محوريا في إنهاء الحرب.", {EGYPT}),
        ("ويؤدي الأردن دورا مهما في التوصل إلى تهدئة بين الجانبين.", {JORDAN}),
        ("واضطلعت الجزائر بدور بارز في المحادثات بين الفرقاء الليبيين.", {ALGERIA}),
        # talks between others, with no goal word (RuleSettings.talks_between_window)
        ("وتلعب قطر دورا محوريا في المفاوضات الجارية بين إسرائيل وحماس.", {QATAR}),
    ],
)
def test_a_role_played_in_ending_a_conflict_is_mediation(extract: Extract, text: str, expected: set[str]) -> None:
    assert mediators(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وتلعب إيران دورا في تأجيج الصراع في المنطقة.",  # no ending of a conflict
        "وتلعب مصر دورا في المفاوضات مع إسرائيل.",  # its own talks
        "ولا تلعب الصين أي دور في إنهاء الحرب.",  # negated
        "ويمكن أن تلعب تركيا دورا في إنهاء الحرب.",  # only possible
        "ودعا الرئيس التركي رجب طيب أردوغان الصين إلى لعب دور في إنهاء الحرب.",  # asked of another
    ],
)
def test_a_role_not_played_in_ending_a_conflict_is_none(extract: Extract, text: str) -> None:
    assert mediators(extract, text) == set()
