"""A participle after the comma closing an أن-clause (issue 14, APPEALS family): "حذرت قطر من أن
القتال قد يدفع السودان نحو الحرب، داعية الأطراف إلى ضبط النفس". The participle states the
circumstance of the verb governing the clause: its subject urges, not the أن-clause's subject, and
a "may" inside the أن-clause does not make the appeal hypothetical. A participle of the other
gender than that verb goes with the أن-clause's subject; a negation or a relative clause inside the
أن-clause stays there. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
FIDAN = "person/hakan-fidan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "حذرت قطر من أن المعارك الأخيرة في الفاشر تدفع السودان نحو حرب جديدة،"
            " داعية جميع الأطراف السودانية إلى ضبط النفس.",
            {("state/QA", "Restraint")},
        ),
        (
            "حذرت الخارجية القطرية من أن القتال قد يدفع السودان نحو الفوضى،"
            " داعيةً جميع الأطراف السودانية إلى ضبط النفس.",
            {("state/QA", "Restraint")},
        ),
        (
            "وقال وزير الخارجية التركي هاكان فيدان إن التصعيد قد يجر المنطقة إلى حرب شاملة،"
            " داعيا إلى وقف إطلاق النار فورا.",
            {(FIDAN, "Ceasefire")},
        ),
        (
            "وأكد فيدان أن إسرائيل تدفع المنطقة نحو الحرب، داعيا إلى وقف إطلاق النار.",
            {(FIDAN, "Ceasefire")},
        ),
        (
            "وقالت وزارة الخارجية المصرية إن الهجمات قد تقوض جهود التهدئة، مطالبة بوقف فوري لإطلاق النار.",
            {("state/EG", "Ceasefire")},
        ),
    ],
)
def test_a_participle_after_a_that_clause_is_the_main_subjects(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text, DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation inside the أن-clause does not reach over its comma to the participle
        (
            "وقال الرئيس الفرنسي إيمانويل ماكرون إن الحرب لم تحقق شيئا، داعيا إلى وقف إطلاق النار.",
            {("person/emmanuel-macron", "Ceasefire")},
        ),
        (
            "وحذر وزير الخارجية التركي هاكان فيدان من أن الحل العسكري لن ينجح، مؤكدا ضرورة العودة إلى المفاوضات.",
            {(FIDAN, "DiplomaticSolution")},
        ),
        (
            "وأكدت قطر أن الهجمات لا تخدم أحدا، مطالبة بوقف التصعيد فورا.",
            {("state/QA", "DeEscalation")},
        ),
        # a relative clause inside the أن-clause names no agent of the participle
        (
            "وشدد الرئيس التركي رجب طيب أردوغان على أن الحرب التي بدأت بهجمات إسرائيل ألحقت خسائر جسيمة،"
            " داعيا إلى وقف التصعيد.",
            {("person/recep-tayyip-erdogan", "DeEscalation")},
        ),
        (
            "وأكد وزير الخارجية الأردني أيمن الصفدي أن العمليات التي تشنها روسيا تهدد المنطقة، داعيا إلى الحوار.",
            {("person/ayman-safadi", "DiplomaticSolution")},
        ),
    ],
)
def test_a_negation_or_relative_clause_inside_the_that_clause_stays_there(
    extract: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


def test_a_negation_after_the_comma_still_negates(extract: Extract) -> None:
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون إن الحرب مستمرة، ولم يدع إلى وقف إطلاق النار."
    assert keys(extract(text, published=DAY), "urged") == set()


def test_a_participle_of_the_other_gender_goes_with_the_that_clauses_subject(extract: Extract) -> None:
    text = "وذكرت الرئاسة الفرنسية أن ماكرون أبلغ بزشكيان بقلقه، داعيا إلى ضبط النفس."
    assert keys(extract(text, DAY), "urged") == {("person/emmanuel-macron", "Restraint")}


def test_a_may_governing_the_participle_itself_still_blocks(extract: Extract) -> None:
    text = "وقد تدعو قطر الأطراف السودانية إلى ضبط النفس."
    assert keys(extract(text, DAY), "urged") == set()


def test_a_participle_without_a_that_clause_keeps_the_clause_subject(extract: Extract) -> None:
    text = "استقبل الرئيس التركي رجب طيب أردوغان وزير الخارجية الإيراني عباس عراقجي، داعيا إلى الحوار."
    assert keys(extract(text, DAY), "urged") == {("person/recep-tayyip-erdogan", "DiplomaticSolution")}


# -- the statement named before as a subject ("وشدد البيان على …") -------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وأكدت قطر ومصر، في بيان مشترك، دعمهما للجهود الرامية إلى وقف الحرب."
            " وشدد البيان على ضرورة إدخال المساعدات الإنسانية.",
            {(a, t) for a in ("state/QA", "state/EG") for t in ("Ceasefire", "HumanitarianAid")},
        ),
        (
            "أعرب الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني فريدريش ميرتس في بيان مشترك عن قلقهما."
            " وطالب البيان بخفض التصعيد في المنطقة.",
            {("person/emmanuel-macron", "DeEscalation"), ("person/friedrich-merz", "DeEscalation")},
        ),
        (
            "وأكد وزير الخارجية التركي هاكان فيدان في بيان دعم بلاده للشعب السوداني."
            " ودعا البيان إلى وقف فوري لإطلاق النار.",
            {(FIDAN, "Ceasefire")},
        ),
    ],
)
def test_the_statement_as_subject_speaks_for_its_issuers(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text, DAY), "urged") == expected


def test_a_statement_with_no_issuer_before_urges_nothing(extract: Extract) -> None:
    assert keys(extract("وشدد البيان على ضرورة وقف إطلاق النار.", DAY), "urged") == set()


def test_a_statement_whose_issuer_is_named_keeps_it(extract: Extract) -> None:
    text = "وأكد أردوغان دعمه للحوار. ودعا بيان الخارجية المصرية إلى وقف إطلاق النار."
    assert keys(extract(text, DAY), "urged") >= {("state/EG", "Ceasefire")}
    assert (("person/recep-tayyip-erdogan", "Ceasefire")) not in keys(extract(text, DAY), "urged")
