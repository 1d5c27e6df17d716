"""Who speaks an appeal across the sentences of a paragraph (the speaker matrix).

Rows (tests/data/speaker_matrix.json) are the ways Arabic news introduces the speaker before
the sentence that holds the appeal: a call or a meeting then «وأكد الجانبان/الوزيران/الزعيمان»,
an impersonal «وجرى خلال الاتصال التأكيد على» (both parties), one party named again,
«من جانبه» (the other party), subject-less verbs (وأضاف، لفت، أشار، شددت، دعا), «وقال: "…"»,
a quote before its speaker, honorific pronouns (سموه، جلالته، معاليه، فخامته), a bare title,
statements and what they add, agency reports, «وفي السياق ذاته» with a new or the same
subject, a quote over two paragraphs, a third person reported in between, spokespeople (who
speak for their state), and negatives (an unnamed new subject, the reporter's own view, a
planned, hypothetical or negated appeal). Each row goes into every column: one goal each as
the object of a stance verb, after دعا, in a first-person quote or as the bare goal.
``python scripts/speaker_matrix.py`` prints the pass rate by row type and column.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys
from matrix_tools import matrix_params
from speaker_matrix_cases import HELD_OUT, MATRIX, Cell, cells, found

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]


def _params(matrix: list[Cell]) -> list[object]:
    return matrix_params(matrix, lambda n, cell: f"{cell.row_type}-{cell.column}-{n}")


@pytest.mark.parametrize("cell", _params(cells(MATRIX)))
def test_matrix_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published)) == cell.expected


@pytest.mark.parametrize("cell", _params(cells(HELD_OUT)) if HELD_OUT.exists() else [])
def test_held_out_cell(extract: Extract, cell: Cell) -> None:
    assert found(extract(cell.text, published=cell.published)) == cell.expected


def test_the_matrix_has_negatives_and_many_row_types() -> None:
    """Rows that must give nothing, and many introduction structures."""
    matrix = cells(MATRIX)
    assert sum(1 for cell in matrix if not cell.expected) >= 25
    assert len({cell.row_type for cell in matrix}) >= 15


DAY = date(2024, 5, 1)
ERDOGAN, SISI = "person/recep-tayyip-erdogan", "person/abdel-fattah-el-sisi"
MELONI = "person/giorgia-meloni"
CALL = "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي. "


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("ودعا ناشطون حقوقيون إلى وقف إطلاق النار.", set()),
        ("وطالب محتجون غاضبون بوقف إطلاق النار.", set()),
        ("وشدد مراقبون دوليون على ضرورة ضبط النفس.", set()),
        ("ودعا الناشطين إلى ضبط النفس.", {(ERDOGAN, "Restraint")}),
        ("ودعا المحتجين إلى التهدئة.", {(ERDOGAN, "DeEscalation")}),
        (
            "وأكد المجتمعون ضرورة وقف إطلاق النار.",
            {(ERDOGAN, "Ceasefire"), (SISI, "Ceasefire")},
        ),
    ],
)
def test_a_nominative_plural_after_the_verb_is_a_subject_nobody_names(
    extract: Extract, second: str, expected: set[tuple[str, str]]
) -> None:
    """ "ودعا ناشطون …" (nominative ون) has a subject of its own, nobody the rules know; "ودعا
    الناشطين …" (accusative ين) is the addressee, the subject carried from before still urges;
    "المجتمعون" (those meeting) are the parties just named."""
    assert keys(extract(CALL + second, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("وتناول الاتصال ضرورة وقف إطلاق النار.", {(ERDOGAN, "Ceasefire"), (SISI, "Ceasefire")}),
        ("وتطرق الاتصال إلى أهمية الحل الدبلوماسي.", {(ERDOGAN, "DiplomaticSolution"), (SISI, "DiplomaticSolution")}),
        ("وتناول الاتصال تطورات الأوضاع وسبل وقف إطلاق النار.", set()),
    ],
)
def test_a_call_as_the_subject_of_a_stance_is_both_parties(
    extract: Extract, second: str, expected: set[tuple[str, str]]
) -> None:
    """The call as its verb's subject makes a stance joint, as an impersonal statement does; a
    discussion with no stance word urges nothing."""
    assert keys(extract(CALL + second, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CALL + "وأكد أردوغان موقف بلاده. ومن جانبه، شدد على ضرورة ضبط النفس.", {(SISI, "Restraint")}),
        (CALL + "بدوره، دعا إلى وقف إطلاق النار.", {(SISI, "Ceasefire")}),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون. "
            "وأكد السيسي موقف مصر الثابت. من جهته، شدد على أهمية ضبط النفس.",
            {("person/emmanuel-macron", "Restraint")},
        ),
        ("قال الرئيس المصري عبد الفتاح السيسي إن الوضع خطير. ومن جانبه، دعا إلى وقف إطلاق النار.", set()),
        (
            "تلقت رئيسة الوزراء الإيطالية جورجيا ميلوني اتصالا هاتفيا من الرئيس المصري عبد الفتاح السيسي، "
            "الذي عرض رؤية مصر للتسوية. بدورها، شددت على ضرورة ضبط النفس.",
            {(MELONI, "Restraint")},
        ),
        (
            "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع رئيسة الوزراء الإيطالية جورجيا ميلوني. "
            "وأكد السيسي موقف مصر. ومن جانبها، دعت إلى وقف إطلاق النار.",
            {(MELONI, "Ceasefire")},
        ),
        (
            "تلقت رئيسة الوزراء الإيطالية جورجيا ميلوني اتصالا هاتفيا من الرئيس المصري عبد الفتاح السيسي. "
            "وأعربت ميلوني عن تقديرها لمصر. ومن جانبه، دعا إلى وقف إطلاق النار.",
            {(SISI, "Ceasefire")},
        ),
    ],
)
def test_on_his_part_is_the_other_party(extract: Extract, text: str, expected: set[tuple[str, str]]) -> None:
    """ "من جانبه" / "بدوره" / "من جهته" with no subject: the party of the call who did not speak
    last, and "بدورها" / "من جانبها" the woman of the call; with no call or meeting there is no
    other party to take."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ونقلت وكالة الأنباء الأردنية عن وزير الخارجية أيمن الصفدي قوله إن المملكة ترفض التهجير. "
            "ودعا إلى وقف إطلاق النار.",
            {("person/ayman-safadi", "Ceasefire")},
        ),
        (
            CALL + "ونقل التلفزيون الرسمي عن وزير الخارجية التركي هاكان فيدان تأكيده أن أنقرة تتابع الوضع. "
            "وشدد على ضرورة خفض التصعيد.",
            {("person/hakan-fidan", "DeEscalation")},
        ),
        (
            "ونقلت وكالة الأنباء القطرية عن مصدر مسؤول قوله إن الدوحة تتابع الوضع. ودعا إلى وقف إطلاق النار.",
            set(),
        ),
    ],
)
def test_a_subject_less_verb_after_a_relayed_speaker_is_his(
    extract: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    """ "ونقلت وكالة … عن X قوله …. ودعا …": X goes on speaking; an unnamed source passes nothing on."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أصدرت وزارة الخارجية الكويتية بيانا حول الأوضاع. وجاء في البيان: «ندعو إلى وقف إطلاق النار».",
            {("state/KW", "Ceasefire")},
        ),
        (
            "وجاء في بيان لوزارة الخارجية المصرية: «نطالب بإدخال المساعدات الإنسانية».",
            {("state/EG", "HumanitarianAid")},
        ),
        (
            'أصدرت الرئاسة التركية بيانا عقب الاتصال. وأضاف البيان: "ندعم الحل الدبلوماسي للأزمة".',
            {("state/TR", "DiplomaticSolution")},
        ),
        (
            "أصدرت مصر والأردن بيانا مشتركا. وجاء في البيان المشترك: «ندعو إلى وقف إطلاق النار».",
            set(),
        ),
        ("وجاء في تقرير للأمم المتحدة: «ندعو إلى وقف إطلاق النار».", set()),
    ],
)
def test_a_statements_first_person_quote_is_its_issuers(
    extract: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    """ "وجاء في البيان: «ندعو …»": the statement speaks for its issuer, named right after it or
    issuing the statement named before; a joint statement is left to the joint rules, and a
    report is no statement."""
    assert keys(extract(text, published=DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "علق المتحدث باسم الخارجية الإيرانية ناصر كنعاني على التطورات. ودعا المتحدث إلى ضبط النفس.",
            {("state/IR", "Restraint")},
        ),
        (
            "قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو تتابع الوضع. "
            "وشددت المتحدثة على ضرورة خفض التصعيد.",
            {("state/RU", "DeEscalation")},
        ),
        (
            "وقال الناطق باسم الخارجية الصينية لين جيان إن بكين قلقة. ودعا الناطق إلى الحوار.",
            {("state/CN", "DiplomaticSolution")},
        ),
        ("ودعا المتحدث إلى الحوار.", set()),
    ],
)
def test_a_bare_spokesperson_is_the_one_named_before(
    extract: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    """A bare «المتحدث» / «الناطق» after a verb is the spokesperson named before, who speaks for his
    state; nobody when none was named."""
    assert keys(extract(text, published=DAY), "urged") == expected
