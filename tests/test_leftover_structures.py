"""Structures round-1 helpers found and left undone, written as invented sentences.

A quote whose speaker is named only after it (in the same sentence, after «..» or in the next
sentence: «…». قال ذلك X، «…». بهذه الكلمات افتتح X …); a statement «لـ» an organisation's name;
a state's diplomacy (الدبلوماسية المصرية) as the actor; two objects under one goal head and the
goal phrases «كسر دائرة العنف»، «احتواء تداعيات الأزمة»; «من أبرز الداعين إلى …»، «X مع <goal>»،
an appeal that went unheard (لم تلق دعوات X … آذانا صاغية); a participle after a coordinated
verbal noun with a genitive actor; and warnings in an impersonal statement about a call. Each
group has negatives. Cases that still fail are strict xfails with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

DAY = date(2024, 5, 1)

Extract = Callable[..., ArticleResult]
Facts = set[tuple[str, ...]]

ERDOGAN = "person/recep-tayyip-erdogan"
SAFADI = "person/ayman-safadi"
MACRON = "person/emmanuel-macron"
SISI = "person/abdel-fattah-el-sisi"
FAISAL = "person/faisal-bin-farhan-al-saud"
ABDELATTY = "person/badr-abdelatty"


def _case(text: str, expected: Facts, fails: str = "") -> object:
    marks = pytest.mark.xfail(strict=True, reason=fails) if fails else ()
    return pytest.param(text, expected, marks=marks)


STANCE_AFTER = "أكد ذلك after the quote: أكد is read as a stance verb of its own, not the quote's speech verb"

QUOTE_THEN_SPEAKER = [
    _case("«يجب وقف إطلاق النار فورا»، قال الرئيس التركي رجب طيب أردوغان.", {(ERDOGAN, "Ceasefire")}),
    _case("«ندعو جميع الأطراف إلى ضبط النفس»، قال وزير الخارجية الأردني أيمن الصفدي.", {(SAFADI, "Restraint")}),
    _case("«لا بد من وقف الحرب على غزة». قال ذلك وزير الخارجية الأردني أيمن الصفدي.", {(SAFADI, "Ceasefire")}),
    _case(
        "«الحوار هو السبيل الوحيد لحل الأزمة». قال ذلك الرئيس الفرنسي إيمانويل ماكرون في مؤتمر صحفي.",
        {(MACRON, "DiplomaticSolution")},
    ),
    _case("«ندعو إلى التهدئة». أكد ذلك الرئيس التركي رجب طيب أردوغان.", {(ERDOGAN, "DeEscalation")}, STANCE_AFTER),
    _case("«ندعو إلى التهدئة». صرح بذلك الرئيس التركي رجب طيب أردوغان.", {(ERDOGAN, "DeEscalation")}),
    _case("«لا بد من وقف الحرب».. أردوغان يطالب الأطراف بالتحرك", {(ERDOGAN, "Ceasefire")}),
    _case("«يجب خفض التصعيد».. الصفدي يدعو المجتمع الدولي إلى التحرك", {(SAFADI, "DeEscalation")}),
    _case("«الحل السياسي هو الحل الوحيد».. ماكرون يحذر من اتساع الحرب", {(MACRON, "DiplomaticSolution")}),
    _case(
        "«نطالب بوقف فوري لإطلاق النار». بهذه الكلمات افتتح الرئيس المصري عبد الفتاح السيسي القمة.",
        {(SISI, "Ceasefire")},
    ),
    _case(
        "«ندعو إلى ضبط النفس». بهذه العبارة استهل وزير الخارجية السعودي فيصل بن فرحان كلمته.",
        {(FAISAL, "Restraint")},
    ),
    _case(
        "«نطالب بحل سياسي للأزمة»، بهذه الكلمات اختتم الرئيس الفرنسي إيمانويل ماكرون زيارته.",
        {(MACRON, "DiplomaticSolution")},
    ),
    _case("«لا بد من وقف الحرب».\nقال ذلك الرئيس التركي رجب طيب أردوغان خلال مؤتمر صحفي.", {(ERDOGAN, "Ceasefire")}),
    _case("«ندعو الطرفين إلى ضبط النفس».\nصرح بذلك وزير الخارجية الأردني أيمن الصفدي.", {(SAFADI, "Restraint")}),
    # Negatives: a rejection, a group of officials, a quote with no goal, a second quote.
    _case("«نرفض وقف إطلاق النار». قال ذلك الرئيس التركي رجب طيب أردوغان.", set()),
    _case("«يجب وقف إطلاق النار فورا». قال ذلك مسؤولون أتراك.", set()),
    _case("«الوضع خطير جدا». قال ذلك الرئيس الفرنسي إيمانويل ماكرون.", set()),
    _case("«الوضع خطير جدا».. أردوغان يصل إلى الدوحة", set()),
    _case("«الوضع خطير جدا».\nقال ذلك الرئيس التركي رجب طيب أردوغان.", set()),
    _case("«لا بد من وقف الحرب». وزار الرئيس التركي رجب طيب أردوغان الدوحة أمس.", set()),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_THEN_SPEAKER)
def test_a_quote_before_its_speaker(extract: Extract, text: str, expected: Facts) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


ISSUERS = [
    _case("بيان لمنظمة الصحة العالمية يدعو إلى إيصال المساعدات الإنسانية.", {("org/who", "HumanitarianAid")}),
    _case("ودعا بيان لجامعة الدول العربية إلى وقف إطلاق النار.", {("org/arab-league", "Ceasefire")}),
    _case("وحث بيان لمجلس التعاون الخليجي الأطراف على ضبط النفس.", {("org/gcc", "Restraint")}),
    _case(
        "ووفق بيان لمنظمة الصحة العالمية، فإنها تدعو إلى إيصال المساعدات الإنسانية.",
        {("org/who", "HumanitarianAid")},
    ),
    _case("ووفق بيان لمنظمة التعاون الإسلامي، فإنها تدعو إلى وقف إطلاق النار.", {("org/oic", "Ceasefire")}),
    _case(
        "ودعا رئيس اللجنة التنفيذية لمنظمة التحرير الفلسطينية حسين الشيخ إلى وقف إطلاق النار.",
        {("person/hussein-al-sheikh", "Ceasefire")},
    ),
    _case("ووفق بيان لجامعة الدول العربية، فإنها تدعو إلى وقف إطلاق النار.", {("org/arab-league", "Ceasefire")}),
    _case("وبحسب بيان لمجلس التعاون الخليجي، فإنه يدعو إلى التهدئة.", {("org/gcc", "DeEscalation")}),
    _case("ووفق بيان لوزارة الخارجية المصرية، فإنها تدعو إلى التهدئة.", {("state/EG", "DeEscalation")}),
    _case("ووفق تقرير لمنظمة الصحة العالمية، فإن الوضع الإنساني خطير.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ISSUERS)
def test_a_statement_of_an_organisation_after_la(extract: Extract, text: str, expected: Facts) -> None:
    """لمنظمة (kept whole as a word of a title) is read as لـ + منظمة where that makes a name."""
    assert keys(extract(text, published=date(2025, 6, 1)), "urged") == expected


STATE_DIPLOMACY = [
    _case("وتسعى الدبلوماسية المصرية إلى وقف إطلاق النار.", {("state/EG", "Ceasefire")}),
    _case("ودعت الدبلوماسية القطرية إلى التهدئة.", {("state/QA", "DeEscalation")}),
    _case("وتبذل الدبلوماسية الأردنية جهودا لوقف الحرب.", {("state/JO", "Ceasefire")}),
    _case("وأثمرت جهود الدبلوماسية المصرية عن التوصل إلى وقف إطلاق النار.", {("state/EG", "Ceasefire")}),
    _case("الدبلوماسية السعودية تدعو إلى ضبط النفس", {("state/SA", "Restraint")}),
    _case("وطالبت الدبلوماسية التركية بإيصال المساعدات الإنسانية إلى غزة.", {("state/TR", "HumanitarianAid")}),
    # الدبلوماسية as the goal's head stays a goal.
    _case("ودعا وزير الخارجية الأردني أيمن الصفدي إلى تفعيل الدبلوماسية.", {(SAFADI, "DiplomaticSolution")}),
    _case("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى تغليب الدبلوماسية.", {(MACRON, "DiplomaticSolution")}),
    _case("ودعت الصين إلى الدبلوماسية لحل الأزمة.", {("state/CN", "DiplomaticSolution")}),
    _case("وانتقد الرئيس التركي رجب طيب أردوغان الدبلوماسية الأمريكية.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STATE_DIPLOMACY)
def test_a_states_diplomacy_is_the_state(extract: Extract, text: str, expected: Facts) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


GOALS = [
    _case("ودعت مصر إلى وقف التصعيد والقتال.", {("state/EG", "DeEscalation"), ("state/EG", "Ceasefire")}),
    _case("ودعت الصين إلى وقف الحرب والتصعيد.", {("state/CN", "DeEscalation"), ("state/CN", "Ceasefire")}),
    _case(
        "وشددت قطر على ضرورة وقف التصعيد العسكري والأعمال القتالية.",
        {("state/QA", "DeEscalation"), ("state/QA", "Ceasefire")},
    ),
    _case("وطالب الأردن بخفض التصعيد والعنف.", {("state/JO", "DeEscalation")}),
    _case("وطالب الأردن بوقف الحرب والعدوان.", {("state/JO", "Ceasefire")}),
    _case("ودعت قطر إلى كسر دائرة العنف.", {("state/QA", "DeEscalation")}),
    _case("وطالبت تركيا بكسر حلقة العنف في المنطقة.", {("state/TR", "DeEscalation")}),
    _case("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى احتواء تداعيات الأزمة.", {(MACRON, "DeEscalation")}),
    _case("وشددت مصر على أهمية احتواء تداعيات التصعيد.", {("state/EG", "DeEscalation")}),
    # Ending the violence itself (إنهاء العنف) stays Ceasefire.
    _case("ودعا الرئيس التركي رجب طيب أردوغان إلى إنهاء دوامة العنف.", {(ERDOGAN, "Ceasefire")}),
    _case("ودعا الأردن إلى تخفيف تداعيات الأزمة على الاقتصاد.", set()),
    _case("وانتقدت قطر دائرة العنف في المنطقة.", set()),
    _case("وبحثت مصر تداعيات الأزمة على المنطقة.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GOALS)
def test_goal_objects(extract: Extract, text: str, expected: Facts) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


STANCES = [
    _case(
        "وكان من أبرز الداعين إلى وقف إطلاق النار مصر وقطر.",
        {("state/EG", "Ceasefire"), ("state/QA", "Ceasefire")},
        "«من أبرز الداعين إلى <goal> X وY» is no appeal of X and Y",
    ),
    _case(
        "ومن أبرز الداعين إلى الحوار الصين وروسيا.",
        {("state/CN", "DiplomaticSolution"), ("state/RU", "DiplomaticSolution")},
        "«من أبرز الداعين إلى <goal> X وY» is no appeal of X and Y",
    ),
    _case("وتعد تركيا من أبرز الداعين إلى التهدئة.", {("state/TR", "DeEscalation")}),
    _case("مصر مع الحل السياسي للأزمة.", {("state/EG", "DiplomaticSolution")}, "«X مع <goal>» is no stance"),
    _case(
        "وقال الرئيس السيسي إن مصر مع وقف إطلاق النار فورا.",
        {("state/EG", "Ceasefire")},
        "«X مع <goal>» is no stance",
    ),
    _case("وأكد أردوغان أن تركيا مع التهدئة.", {("state/TR", "DeEscalation")}, "«X مع <goal>» is no stance"),
    _case("وبحثت مصر مع قطر وقف إطلاق النار.", set()),
    _case("وأكد الرئيس الفرنسي إيمانويل ماكرون أن فرنسا ستساعد في إنهاء الحرب.", {(MACRON, "Ceasefire")}),
    _case(
        "وقال أردوغان: سنساعد في إنهاء الحرب.",
        {(ERDOGAN, "Ceasefire")},
        "a first-person future of helping after a bare name and a colon is not read",
    ),
    _case("ولم تلق دعوات الأمم المتحدة إلى وقف إطلاق النار آذانا صاغية.", {("org/un", "Ceasefire")}),
    _case("ولم تلق دعوات مصر إلى التهدئة آذانا صاغية.", {("state/EG", "DeEscalation")}),
    _case("ولم تجد دعوات تركيا إلى الحوار صدى لدى الأطراف.", {("state/TR", "DiplomaticSolution")}),
    _case("ولم تدع مصر إلى التهدئة.", set()),
    _case("ولم تصدر مصر أي دعوة إلى التهدئة.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STANCES)
def test_stances(extract: Extract, text: str, expected: Facts) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


PARTICIPLES = [
    _case(
        "أكد وزير الخارجية المصري بدر عبد العاطي ضرورة تنسيق الجهود، ودعم العراق للعمل العربي المشترك، "
        "لافتاً إلى ضرورة وقف إطلاق النار.",
        {(ABDELATTY, "Ceasefire")},
    ),
    _case(
        "أكد الرئيس السيسي أهمية تعزيز التعاون، ودعم الأردن للقضية الفلسطينية، مشدداً على ضرورة وقف التصعيد.",
        {(SISI, "DeEscalation")},
    ),
    _case(
        "وأكدت قطر أهمية تنسيق المواقف، ودعم تركيا للجهود الإنسانية، مشددة على ضرورة ضبط النفس.",
        {("state/QA", "Restraint")},
    ),
    _case("ودعم العراق الدعوة إلى وقف إطلاق النار.", {("state/IQ", "Ceasefire")}),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLES)
def test_a_participle_after_a_coordinated_verbal_noun(extract: Extract, text: str, expected: Facts) -> None:
    assert keys(extract(text, published=DAY), "urged") == expected


CALL = "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره المصري بدر عبد العاطي."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CALL + " وجرى خلال الاتصال التحذير من خطورة التصعيد في المنطقة.", {(SAFADI,), (ABDELATTY,)}),
        (CALL + " وتم التحذير من مغبة اتساع دائرة الصراع.", {(SAFADI,), (ABDELATTY,)}),
        (
            "تلقى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان، "
            "وجرى خلال الاتصال التحذير من مخاطر توسع الحرب.",
            {(MACRON,), (ERDOGAN,)},
        ),
        # Quoted from one party's readout: that party's; a warning with its own subject: his.
        (
            "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون. "
            "وقال أردوغان: «تم التحذير من مخاطر اتساع الحرب».",
            {(ERDOGAN,)},
        ),
        (CALL + " وحذر الصفدي خلال الاتصال من خطورة التصعيد.", {(SAFADI,)}),
        ("وجرى التحذير من مغبة توسع دائرة الصراع في المنطقة.", set()),
    ],
)
def test_a_warning_in_an_impersonal_statement_about_a_call_is_joint(
    extract: Extract, text: str, expected: Facts
) -> None:
    """The guideline's settled case: an impersonal statement about a call gives each party the fact."""
    assert keys(extract(text, published=DAY), "warned") == expected
