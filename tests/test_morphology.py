"""Inflected trigger words: each form a news text uses, in a sentence written for it.

Per family (appeal verbs, their verbal nouns, object suffixes, duals and plurals, warnings,
thanks, mediation, calls) the forms are put after or before a known actor; a negative case
per family keeps the form from firing on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PUTIN = "person/vladimir-putin"
ERDOGAN = "person/recep-tayyip-erdogan"
MELONI = "person/giorgia-meloni"
PEZESHKIAN = "person/masoud-pezeshkian"
RUSSIA = "state/RU"
DAY = date(2024, 5, 1)
SUBJECT = "الرئيس الروسي فلاديمير بوتين"
CEASEFIRE = "وقف إطلاق النار"

#: Appeal verbs, perfect and imperfect, masculine and feminine, with and without و/ف, and the
#: words that join each to its goal.
APPEAL_FORMS = [
    *[(form, f"إلى {CEASEFIRE}") for form in ("دعا", "ودعت", "يدعو", "وتدعو", "فدعا")],
    *[(form, f"على {CEASEFIRE}") for form in ("حث", "وحثت", "يحث", "وتحث", "فحث")],
    *[(form, f"ب{CEASEFIRE}") for form in ("طالب", "وطالبت", "يطالب", "وتطالب", "فطالب")],
    *[(form, f"الطرفين {CEASEFIRE}") for form in ("ناشد", "وناشدت", "يناشد", "وتناشد")],
    *[(form, f"على {CEASEFIRE}") for form in ("حض", "وحضت", "يحض", "وتحض")],
    *[(form, f"على ضرورة {CEASEFIRE}") for form in ("شدد", "وشددت", "يشدد", "وتشدد")],
    *[(form, f"ضرورة {CEASEFIRE}") for form in ("أكد", "وأكدت", "يؤكد", "وتؤكد")],
]


def urged(extract: Extract, text: str) -> set[tuple[str, ...]]:
    return keys(extract(text), "urged")


# -- appeal verbs, verb first -----------------------------------------------------------
@pytest.mark.parametrize(("form", "goal"), APPEAL_FORMS)
def test_appeal_verb_before_its_subject(extract: Extract, form: str, goal: str) -> None:
    assert urged(extract, f"{form} {SUBJECT} {goal}.") == {(PUTIN, "Ceasefire")}


@pytest.mark.parametrize(
    "text",
    [
        f"ولم يطالب {SUBJECT} ب{CEASEFIRE}.",
        f"ولم يناشد بوتين الطرفين {CEASEFIRE}.",
        f"ولم يحث بوتين وأردوغان على {CEASEFIRE}.",
    ],
)
def test_a_negated_appeal_verb_is_no_appeal(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()


# -- duals and plurals after two subjects -------------------------------------------------
@pytest.mark.parametrize(
    ("form", "goal"),
    [
        ("دعوا", "إلى"),
        ("دعيا", "إلى"),
        ("دعتا", "إلى"),
        ("يدعوان", "إلى"),
        ("تدعوان", "إلى"),
        ("حثا", "على"),
        ("يحثان", "على"),
        ("يحثون", "على"),
        ("يحضون", "على"),
        ("يحضان", "على"),
        ("تحضان", "على"),
        ("دعون", "إلى"),
        ("يناشدون", "الطرفين"),
        ("حضا", "على"),
        ("طالبا", "ب"),
        ("يطالبان", "ب"),
        ("ناشدا", "الطرفين"),
        ("شددا", "على ضرورة"),
        ("أكدا", "ضرورة"),
    ],
)
def test_dual_and_plural_appeal_verbs(extract: Extract, form: str, goal: str) -> None:
    joined = f"{goal}{CEASEFIRE}" if goal == "ب" else f"{goal} {CEASEFIRE}"
    text = f"وكان بوتين وأردوغان قد {form} {joined}."
    assert urged(extract, text) == {(PUTIN, "Ceasefire"), (ERDOGAN, "Ceasefire")}


# -- object pronoun suffixes: the subject urges, the suffix is whom it urges ----------------
@pytest.mark.parametrize(
    ("addressee", "verb"),
    [
        ("أردوغان", "ودعاه إلى"),
        ("أردوغان", "وحثه على"),
        ("أردوغان", "وطالبه ب"),
        ("أردوغان", "وناشده"),
        ("أردوغان", "وحضه على"),
        ("ميلوني", "ودعاها إلى"),
        ("ميلوني", "وحضها على"),
        ("ميلوني", "وطالبها ب"),
        ("الرئيسين", "وحضهما على"),
        ("الرئيسين", "ودعاهما إلى"),
    ],
)
def test_appeal_verbs_with_an_object_suffix(extract: Extract, addressee: str, verb: str) -> None:
    goal = f"{verb}{CEASEFIRE}" if verb.endswith("ب") else f"{verb} {CEASEFIRE}"
    assert urged(extract, f"والتقى بوتين {addressee} {goal}.") == {(PUTIN, "Ceasefire")}


# -- verbal nouns with a possessor suffix ---------------------------------------------------
@pytest.mark.parametrize(
    "noun",
    [
        f"دعوته إلى {CEASEFIRE}",
        f"دعواته إلى {CEASEFIRE}",
        f"مطالبته ب{CEASEFIRE}",
        f"مطالباته ب{CEASEFIRE}",
        f"مناشدته {CEASEFIRE}",
        f"حثه على {CEASEFIRE}",
        f"تأكيده على ضرورة {CEASEFIRE}",
        f"تشديده على ضرورة {CEASEFIRE}",
    ],
)
def test_appeal_nouns_of_the_subject(extract: Extract, noun: str) -> None:
    assert urged(extract, f"وجدد بوتين {noun}.") == {(PUTIN, "Ceasefire")}


@pytest.mark.parametrize(
    "noun",
    [f"دعوتهما إلى {CEASEFIRE}", f"مطالبتهما ب{CEASEFIRE}", f"مناشدتهما {CEASEFIRE}"],
)
def test_dual_possessors_of_an_appeal_noun(extract: Extract, noun: str) -> None:
    text = f"وجدد الرئيسان بوتين وأردوغان {noun}."
    assert urged(extract, text) == {(PUTIN, "Ceasefire"), (ERDOGAN, "Ceasefire")}


@pytest.mark.parametrize(
    "text",
    [
        f"وجدد المتحدث مطالبته ب{CEASEFIRE}.",
        f"وجدد الوزير مناشدته {CEASEFIRE}.",
        "ورفع بوتين دعوى قضائية ضد الشركة.",
    ],
)
def test_appeal_nouns_need_a_named_owner(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()


# -- warnings -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "form",
    ["تحذيره", "تحذيرها", "تحذيراته", "تحذيراتها", "تحذيرهما", "تحذيرهم", "تحذيراتهم"],
)
def test_warning_nouns_of_the_subject(extract: Extract, form: str) -> None:
    assert keys(extract(f"وجدد بوتين {form} من خطر اتساع رقعة الصراع."), "warned") == {(PUTIN,)}


@pytest.mark.parametrize("form", ["حذر", "وحذرت", "يحذر", "وتحذر", "نبه", "ونبهت", "ينبه"])
def test_warning_verbs(extract: Extract, form: str) -> None:
    text = f"{form} {SUBJECT} من أن استمرار الهجمات قد يجر المنطقة إلى حرب إقليمية."
    assert keys(extract(text), "warned") == {(PUTIN,)}


def test_a_negated_warning_verb_is_no_warning(extract: Extract) -> None:
    text = "ولم يحذر بوتين من أن استمرار الهجمات قد يجر المنطقة إلى حرب إقليمية."
    assert keys(extract(text), "warned") == set()


# -- thanks ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        *[f"{form} الرئيس الإيراني مسعود بيزشكيان روسيا على دعمها." for form in ("وشكر", "فشكر", "يشكر", "وتشكر")],
        "وأعرب بيزشكيان عن شكره لروسيا على دعمها.",
        "وجدد بيزشكيان شكره لروسيا على دعمها.",
    ],
)
def test_thanks_forms(extract: Extract, text: str) -> None:
    assert keys(extract(text), "thanked") == {(PEZESHKIAN, RUSSIA)}


def test_a_negated_thanks_is_none(extract: Extract) -> None:
    assert keys(extract("ولم يشكر بيزشكيان روسيا على دعمها."), "thanked") == set()


# -- mediation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وعرض أردوغان التوسط بين الطرفين.",
        "وعرض أردوغان وساطته بين الطرفين.",
        "وأكد أردوغان استعداده للوساطة بين الطرفين.",
        "وعرض أردوغان أن يتوسط بين الطرفين.",
    ],
)
def test_mediation_forms(extract: Extract, text: str) -> None:
    assert keys(extract(text), "offeredMediation") == {(ERDOGAN,)}


@pytest.mark.parametrize("text", ["ورفض أردوغان التوسط بين الطرفين.", "ولم يعرض أردوغان التوسط بين الطرفين."])
def test_refused_mediation_is_no_offer(extract: Extract, text: str) -> None:
    assert keys(extract(text), "offeredMediation") == set()


# -- calls -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        *[f"{form} بوتين بأردوغان هاتفيا." for form in ("واتصل", "فاتصل", "ويتصل")],
        *[f"{form} بوتين أردوغان." for form in ("وهاتف", "ويهاتف")],
        *[f"{form} بوتين اتصالا هاتفيا مع أردوغان." for form in ("وأجرى", "ويجري")],
        "وتلقى أردوغان اتصالا هاتفيا من بوتين.",
        "بوتين وأردوغان يجريان اتصالا هاتفيا.",
        "بوتين وأردوغان يتصلان هاتفيا.",
    ],
)
def test_call_verb_forms(extract: Extract, text: str) -> None:
    assert keys(extract(text, published=DAY), "called") == {tuple(sorted((PUTIN, ERDOGAN)))}


def test_a_negated_call_is_none(extract: Extract) -> None:
    assert keys(extract("ولم يتصل بوتين بأردوغان.", published=DAY), "called") == set()


@pytest.mark.parametrize(
    "text",
    [
        "ولم يتلق بوتين أي اتصال هاتفي من أردوغان.",
        "ولم تتلق الرئاسة الروسية أي اتصال هاتفي من الرئيس التركي رجب طيب أردوغان.",
        "ولم يتلقيا أي اتصال من أنقرة.",
    ],
)
def test_a_jussive_receipt_after_lam_is_a_negated_call(extract: Extract, text: str) -> None:
    """The jussive of تلقى (يتلق، تتلق، يتلقيا) after لم: the receipt is negated, so no call."""
    assert keys(extract(text, published=DAY), "called") == set()


# -- و/ف on a short first name (PHENOMENA G2s): "وبدر البوسعيدي" is و + the name ---------------
@pytest.mark.parametrize(
    ("text", "relation", "expected"),
    [
        (
            "أجرى وزير الخارجية الأمريكي أنتوني بلينكن اتصالات هاتفية مع وزير الخارجية السعودي فيصل بن فرحان"
            " وبدر البوسعيدي وأيمن الصفدي.",
            "called",
            {("person/antony-blinken", "person/badr-albusaidi"), ("person/antony-blinken", "person/ayman-safadi")},
        ),
        (
            "بحث الرئيس التركي رجب طيب أردوغان هاتفيا مع أمير قطر الشيخ تميم بن حمد آل ثاني وعمر البشير.",
            "called",
            {("person/omar-al-bashir", "person/recep-tayyip-erdogan")},
        ),
        (
            "دعا أيمن الصفدي وبدر البوسعيدي إلى وقف إطلاق النار.",
            "urged",
            {("person/ayman-safadi", "Ceasefire"), ("person/badr-albusaidi", "Ceasefire")},
        ),
        (
            "وأكد الرئيس الإيراني مسعود بزشكيان ضرورة التهدئة، فيما شدد حسن روحاني وفهد بن محمود على ضبط النفس.",
            "urged",
            {("person/hassan-rouhani", "Restraint")},
        ),
    ],
)
def test_a_conjunction_on_a_short_first_name(
    extract: Extract, text: str, relation: str, expected: set[tuple[str, ...]]
) -> None:
    assert expected <= keys(extract(text, published=date(2024, 5, 1)), relation)


def test_a_short_common_word_after_a_preposition_stays_whole(extract: Extract) -> None:
    # بعمر "at the age of": no conjunction, so no name is read out of it
    result = extract("توفي بعمر ناهز التسعين عاما، ودعا وزير الخارجية الأردني أيمن الصفدي إلى التهدئة.")
    assert keys(result, "urged") == {("person/ayman-safadi", "DeEscalation")}
