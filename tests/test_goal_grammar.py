"""The goal grammar (kg/goals.py): HEAD + modifiers + OBJECT, on sentences written for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PUTIN = "person/vladimir-putin"
ERDOGAN = "person/recep-tayyip-erdogan"
MACRON = "person/emmanuel-macron"


def urged(extract: Extract, text: str) -> set[tuple[str, ...]]:
    return keys(extract(text), "urged")


# -- modifiers between head and object ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "دعا الرئيس الروسي فلاديمير بوتين إلى وقف فوري وشامل لإطلاق النار.",
        'وطالب الرئيس الروسي فلاديمير بوتين بوقف "عاجل ودائم" للقتال في المنطقة.',
        "وشدد الرئيس الروسي فلاديمير بوتين على ضرورة الوقف التام والنهائي للأعمال العدائية.",
        "وأكد الرئيس الروسي فلاديمير بوتين أهمية إنهاء «فوري» للحرب.",
    ],
)
def test_modifiers_inside_a_ceasefire(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(PUTIN, "Ceasefire")}


# -- quantifiers and measure nouns --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("دعا الرئيس الروسي فلاديمير بوتين إلى تفادي أي انزلاق نحو المواجهة.", "DeEscalation"),
        ("وحث الرئيس الروسي فلاديمير بوتين على منع المزيد من التوترات في الإقليم.", "DeEscalation"),
        ("وطالب الرئيس الروسي فلاديمير بوتين بوقف كافة العمليات العسكرية.", "Ceasefire"),
        ("وشدد الرئيس الروسي فلاديمير بوتين على ضرورة خفض مستوى التوتر بين البلدين.", "DeEscalation"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى وقف جميع أشكال العنف.", "Ceasefire"),
    ],
)
def test_quantifiers_inside_a_goal(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(PUTIN, topic)}


# -- synonyms of the head ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وطالب الرئيس التركي رجب طيب أردوغان بلجم التصعيد في المنطقة.",
        "ودعا الرئيس التركي رجب طيب أردوغان إلى كبح التوتر المتزايد.",
        "وشدد الرئيس التركي رجب طيب أردوغان على أهمية تطويق الأزمة.",
        "وأكد الرئيس التركي رجب طيب أردوغان ضرورة الحيلولة دون التصعيد.",
        "ودعا الرئيس التركي رجب طيب أردوغان إلى الحد من التوترات الإقليمية.",
    ],
)
def test_head_synonyms(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(ERDOGAN, "DeEscalation")}


# -- synonyms of the object ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى وقف الاقتتال بين الفصيلين.", "Ceasefire"),
        ("وطالب الرئيس الفرنسي إيمانويل ماكرون بإنهاء المعارك في الشمال.", "Ceasefire"),
        ("وحث الرئيس الفرنسي إيمانويل ماكرون على وقف إراقة الدماء.", "Ceasefire"),
        ("وشدد الرئيس الفرنسي إيمانويل ماكرون على ضرورة منع تدهور الأوضاع.", "DeEscalation"),
        ("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى تجنب الصدام بين الجيشين.", "DeEscalation"),
    ],
)
def test_object_synonyms(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(MACRON, topic)}


# -- plural objects ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الروسي فلاديمير بوتين إلى تسوية الأزمات في المنطقة.",
        "وشدد الرئيس الروسي فلاديمير بوتين على أهمية حل النزاعات بين الدول المجاورة.",
        "وأكد الرئيس الروسي فلاديمير بوتين ضرورة تسوية الخلافات العالقة.",
    ],
)
def test_plural_objects(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(PUTIN, "DiplomaticSolution")}


# -- humanitarian aid paraphrases ----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الفرنسي إيمانويل ماكرون إلى زيادة حجم المساعدات المقدمة للسكان.",
        "وشدد الرئيس الفرنسي إيمانويل ماكرون على ضرورة منع كارثة إنسانية في القطاع.",
        "وطالب الرئيس الفرنسي إيمانويل ماكرون بإدخال المزيد من المساعدات إلى المدينة.",
        "وحث الرئيس الفرنسي إيمانويل ماكرون على تسهيل وصول الإغاثة إلى المدنيين.",
        "وأكد الرئيس الفرنسي إيمانويل ماكرون أهمية تجنب أزمة إنسانية جديدة.",
    ],
)
def test_humanitarian_aid_paraphrases(extract: Extract, text: str) -> None:
    assert urged(extract, text) == {(MACRON, "HumanitarianAid")}


def test_two_grammar_goals_share_one_stance(extract: Extract) -> None:
    text = "وطالب الرئيس الروسي فلاديمير بوتين بلجم التصعيد ووقف فوري وشامل لإطلاق النار."
    assert urged(extract, text) == {(PUTIN, "DeEscalation"), (PUTIN, "Ceasefire")}


# -- what is not a goal --------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "بحث الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان سبل وقف التصعيد.",
        "بحث الجانبان سبل وقف التصعيد.",
        "ودعا الرئيس الروسي فلاديمير بوتين إلى العمل لوقف كل هذا.",
        "ودعا الرئيس الروسي فلاديمير بوتين إلى وقف الدعم المقدم للمتمردين.",
        "وطالب الرئيس الروسي فلاديمير بوتين بوقف المساعدات العسكرية.",
        "وأدان الرئيس الروسي فلاديمير بوتين استمرار الحرب.",
    ],
)
def test_no_goal_no_appeal(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()


# -- stance classes ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ووافق الرئيس التركي رجب طيب أردوغان على الهدنة المعلنة.", "Ceasefire"),
        ("وأعلن الرئيس التركي رجب طيب أردوغان الموافقة على وقف إطلاق النار.", "Ceasefire"),
        ("وأكد الرئيس التركي رجب طيب أردوغان قبوله بالهدنة.", "Ceasefire"),
        ("وقبلت تركيا وقف القتال في الإقليم.", "Ceasefire"),
    ],
)
def test_acceptance_is_urging(extract: Extract, text: str, topic: str) -> None:
    found = urged(extract, text)
    assert {t for _, t in found} == {topic} and len(found) == 1


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وشجع الرئيس الفرنسي إيمانويل ماكرون الطرفين على ضبط النفس.", "Restraint"),
        ("وشجع الرئيس الفرنسي إيمانويل ماكرون على الحوار بين الحكومة والمعارضة.", "DiplomaticSolution"),
        ("ويشجع الرئيس الفرنسي إيمانويل ماكرون كل مسعى لخفض التصعيد.", "DeEscalation"),
    ],
)
def test_encouragement(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(MACRON, topic)}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وتمسك الرئيس الروسي فلاديمير بوتين بالحل السياسي للأزمة.", "DiplomaticSolution"),
        ("وجدد الرئيس الروسي فلاديمير بوتين تمسكه بالتسوية السلمية.", "DiplomaticSolution"),
        ("وأكد الرئيس الروسي فلاديمير بوتين التمسك بالهدنة القائمة.", "Ceasefire"),
    ],
)
def test_insistence(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(PUTIN, topic)}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وجدد الرئيس الروسي فلاديمير بوتين التزامه بخفض التصعيد.", "DeEscalation"),
        ("وتعهد الرئيس الروسي فلاديمير بوتين بالعمل على وقف الحرب.", "Ceasefire"),
        ("وقال الرئيس الروسي فلاديمير بوتين إن بلاده ملتزمة بالحل الدبلوماسي.", "DiplomaticSolution"),
    ],
)
def test_commitment(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(PUTIN, topic)}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وتحدث الرئيس الروسي فلاديمير بوتين عن مساعيه لخفض التوتر.", "DeEscalation"),
        ("وعرض الرئيس الروسي فلاديمير بوتين خطته لإنهاء القتال.", "Ceasefire"),
        ("وأشار الرئيس الروسي فلاديمير بوتين إلى محاولات لإيجاد حل للأزمة.", "DiplomaticSolution"),
    ],
)
def test_efforts(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(PUTIN, topic)}


@pytest.mark.parametrize(
    "text",
    [
        "وأبدى الرئيس الفرنسي إيمانويل ماكرون استعداده لاستضافة المفاوضات.",
        "وأكد الرئيس الفرنسي إيمانويل ماكرون استعداد بلاده للحوار مع جميع الأطراف.",
        "وأبدت فرنسا استعدادها لدعم الحل السياسي، كما قال الرئيس الفرنسي إيمانويل ماكرون.",
    ],
)
def test_readiness_is_a_stance(extract: Extract, text: str) -> None:
    assert {t for _, t in urged(extract, text)} == {"DiplomaticSolution"}


@pytest.mark.parametrize(
    ("text", "appealer"),
    [
        ("اتصل الرئيس الروسي فلاديمير بوتين بالرئيس التركي رجب طيب أردوغان وحثه على ضبط النفس.", PUTIN),
        ("اتصل الرئيس التركي رجب طيب أردوغان بالرئيس الروسي فلاديمير بوتين، وحثه على ضبط النفس.", ERDOGAN),
        ("التقى الرئيس الفرنسي إيمانويل ماكرون بالرئيسة المولدوفية وحثها على ضبط النفس.", MACRON),
        ("وتلقى الرئيس الروسي فلاديمير بوتين رسائل من القادة فحثهم على ضبط النفس.", PUTIN),
    ],
)
def test_urging_with_an_object_pronoun(extract: Extract, text: str, appealer: str) -> None:
    assert (appealer, "Restraint") in urged(extract, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وقدم الرئيس الفرنسي إيمانويل ماكرون الورقة المقترحة للحل السياسي.", "DiplomaticSolution"),
        ("وأيد الرئيس الفرنسي إيمانويل ماكرون الخطة المقترحة لخفض التصعيد.", "DeEscalation"),
        ("وشرح الرئيس الفرنسي إيمانويل ماكرون الآلية المقترحة لإيصال المساعدات.", "HumanitarianAid"),
    ],
)
def test_the_feminine_participle_proposed(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(MACRON, topic)}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وقال الرئيس الروسي فلاديمير بوتين إنه يريد أن يواصل الطرفان المفاوضات.", "DiplomaticSolution"),
        ("وأضاف الرئيس الروسي فلاديمير بوتين أنه يريد وقف الحرب.", "Ceasefire"),
        ("وقال الرئيس الروسي فلاديمير بوتين إن روسيا تريد خفض التوتر.", "DeEscalation"),
    ],
)
def test_a_wish_for_a_goal_is_no_plan(extract: Extract, text: str, topic: str) -> None:
    assert {t for _, t in urged(extract, text)} == {topic}


def test_a_wish_for_a_call_is_still_a_plan(extract: Extract) -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين إنه يريد أن يتصل بالرئيس التركي رجب طيب أردوغان."
    assert keys(extract(text), "called") == set()


def test_a_speaker_stating_his_own_states_efforts_gets_the_fact(extract: Extract) -> None:
    text = "وشدد الرئيس الروسي فلاديمير بوتين على استمرار مساعي روسيا لخفض التصعيد."
    assert urged(extract, text) == {(PUTIN, "DeEscalation")}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ودعا الرئيس التركي رجب طيب أردوغان جميع الأطراف إلى الكف عن التصعيد.", "DeEscalation"),
        ("وشدد الرئيس التركي رجب طيب أردوغان على ضرورة تجنيب المنطقة ويلات الحرب.", "DeEscalation"),
        ("وطالب الرئيس التركي رجب طيب أردوغان بفك الحصار عن المدينة.", "HumanitarianAid"),
        ("ودعا الرئيس التركي رجب طيب أردوغان إلى فض النزاعات بالطرق السلمية.", "DiplomaticSolution"),
        ("وحث الرئيس التركي رجب طيب أردوغان على تجميد العمليات العسكرية.", "Ceasefire"),
    ],
)
def test_more_heads_from_the_thesaurus(extract: Extract, text: str, topic: str) -> None:
    assert (ERDOGAN, topic) in urged(extract, text)


# -- an indefinite construct (وقف إطلاق نار) -------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الروسي فلاديمير بوتين إلى تثبيت وقف إطلاق نار دائم.",
        "وأكد الرئيس التركي رجب طيب أردوغان ضرورة التوصل إلى وقف إطلاق نار في أقرب وقت.",
        "وطالب الرئيس الفرنسي إيمانويل ماكرون بوقف فوري لإطلاق نار يشمل كل الجبهات.",
    ],
)
def test_an_indefinite_construct_is_a_goal(extract: Extract, text: str) -> None:
    assert {topic for _, topic in urged(extract, text)} == {"Ceasefire"}


# -- conflict is fighting; deterioration and inflaming are tension (thesaurus) --------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى إنهاء الصراعات في المنطقة.", "Ceasefire"),
        ("وشدد الرئيس التركي رجب طيب أردوغان على ضرورة وقف النزاع المستمر.", "Ceasefire"),
        ("وأكد الرئيس الفرنسي إيمانويل ماكرون أهمية منع تداعي الأوضاع في لبنان.", "DeEscalation"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى تجنب تأجيج الصراعات.", "DeEscalation"),
        ("وحث الرئيس التركي رجب طيب أردوغان على تفادي إشعال حرب جديدة.", "DeEscalation"),
    ],
)
def test_conflict_and_deterioration_objects(extract: Extract, text: str, topic: str) -> None:
    assert topic in {t for _, t in urged(extract, text)}


def test_settling_a_conflict_stays_diplomatic(extract: Extract) -> None:
    text = "ودعا الرئيس الروسي فلاديمير بوتين إلى حل النزاع بالوسائل السلمية."
    assert "Ceasefire" not in {t for _, t in urged(extract, text)}


# -- dual stance verbs in the imperfect (headlines: "X وY تدعوان …") -----------------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        ("روسيا وتركيا تدعوان إلى ضبط النفس", {"state/RU", "state/TR"}),
        ("قطر والسعودية تؤكدان ضرورة وقف إطلاق النار", {"state/QA", "state/SA"}),
        ("مصر والأردن يطالبان بإيصال المساعدات إلى غزة", {"state/EG", "state/JO"}),
    ],
)
def test_dual_stance_verbs(extract: Extract, text: str, agents: set[str]) -> None:
    assert {a for a, _ in urged(extract, text)} == agents


# -- حضّ (urge) and military action as fighting ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وحض الرئيس الروسي فلاديمير بوتين الطرفين على وقف التحرك العسكري.",
        "وحضت تركيا الجانبين على وقف الأنشطة العسكرية في المنطقة.",
        "ماكرون وأردوغان حضا الأطراف على إنهاء التحركات العسكرية.",
    ],
)
def test_urging_to_stop_military_action(extract: Extract, text: str) -> None:
    assert {t for _, t in urged(extract, text)} == {"Ceasefire"}


# -- an object pronoun on the head stands for a goal object said before it ----------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وتحدث الرئيس الروسي فلاديمير بوتين عن القتال في الإقليم، ودعا إلى وقفه فورا.", "Ceasefire"),
        ("وتطرق الرئيس التركي رجب طيب أردوغان إلى التصعيد الأخير، مطالبا باحتوائه.", "DeEscalation"),
        ("وأشار الرئيس الفرنسي إيمانويل ماكرون إلى الحرب في السودان وشدد على ضرورة إنهائها.", "Ceasefire"),
        ("وتناول الرئيس الروسي فلاديمير بوتين الأزمة الليبية ودعا إلى حلها بالحوار.", "DiplomaticSolution"),
        ("وأثار الرئيس الفرنسي إيمانويل ماكرون مسألة المساعدات، وطالب بتسريع إدخالها.", "HumanitarianAid"),
    ],
)
def test_an_object_pronoun_names_the_goal(extract: Extract, text: str, topic: str) -> None:
    assert topic in {t for _, t in urged(extract, text)}


@pytest.mark.parametrize(
    "text",
    [
        "وتحدث الرئيس الروسي فلاديمير بوتين عن البرلمان، ودعا إلى حله.",
        "وأشاد الرئيس التركي رجب طيب أردوغان بالتعاون الاقتصادي ودعا إلى تعزيزه.",
        "وذكر الرئيس الفرنسي إيمانويل ماكرون الحرب. ثم دعا إلى وقفه.",
    ],
)
def test_a_pronoun_without_a_goal_object_before_it_is_no_goal(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()


# -- a noun and its adjectives agree in definiteness ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("وطالب الرئيس التركي رجب طيب أردوغان بتجنب الأعمال الاستفزازية.", "DeEscalation"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى الامتناع عن أعمال استفزازية.", "DeEscalation"),
        ("وشدد الرئيس الفرنسي إيمانويل ماكرون على ضرورة فتح الممرات الآمنة.", "HumanitarianAid"),
        ("ودعا الرئيس التركي رجب طيب أردوغان إلى إيجاد مخرج سلمي.", "DiplomaticSolution"),
        ("وأكد الرئيس الروسي فلاديمير بوتين أهمية المقاربة الدبلوماسية.", "DiplomaticSolution"),
    ],
)
def test_noun_adjective_goals_in_both_definiteness(extract: Extract, text: str, topic: str) -> None:
    assert topic in {t for _, t in urged(extract, text)}


# -- a word of another field right after a goal makes it none -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ودعا الرئيس الروسي فلاديمير بوتين إلى حل الأزمة المالية.",
        "وشدد الرئيس التركي رجب طيب أردوغان على أهمية المفاوضات التجارية.",
        "ودعا الرئيس الفرنسي إيمانويل ماكرون إلى تهدئة الأسواق.",
        "وطالب الرئيس الروسي فلاديمير بوتين بإنهاء الحرب التجارية.",
    ],
)
def test_a_goal_of_another_field_is_none(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()


def test_a_guard_word_joined_by_and_is_another_item(extract: Extract) -> None:
    text = "وأكد الرئيس الفرنسي إيمانويل ماكرون دعم الجهود الدبلوماسية والاقتصادية."
    assert urged(extract, text) == {(MACRON, "DiplomaticSolution")}


# -- occurrence nouns, not-widening, abstaining -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ودعا الرئيس التركي رجب طيب أردوغان إلى تجنب اندلاع حرب جديدة.", "DeEscalation"),
        ("وشدد الرئيس الروسي فلاديمير بوتين على ضرورة منع وقوع كارثة إنسانية.", "HumanitarianAid"),
        ("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى ألا تتسع رقعة المواجهات.", "DeEscalation"),
        ("وحث الرئيس التركي رجب طيب أردوغان الجانبين على الامتناع عن استخدام القوة.", "DeEscalation"),
        ("وطالب الرئيس الروسي فلاديمير بوتين بأن تهدأ الأوضاع على الحدود.", "DeEscalation"),
    ],
)
def test_occurrence_widening_and_abstaining(extract: Extract, text: str, topic: str) -> None:
    assert {t for _, t in urged(extract, text)} == {topic}


def test_a_siege_is_lifted_whatever_its_kind(extract: Extract) -> None:
    text = "وطالب الرئيس التركي رجب طيب أردوغان برفع الحصار الاقتصادي عن القطاع."
    assert urged(extract, text) == {(ERDOGAN, "HumanitarianAid")}


# -- Maghrebi access to aid (ولوج) ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ودعا وزير الخارجية المغربي ناصر بوريطة إلى تيسير ولوج المساعدات الإنسانية إلى غزة.",
            {("person/nasser-bourita", "HumanitarianAid")},
        ),
        ("ودعت تونس إلى ضمان ولوج المساعدات الإنسانية دون عوائق.", {("state/TN", "HumanitarianAid")}),
        ("وطالبت موريتانيا بولوج المساعدات إلى القطاع.", {("state/MR", "HumanitarianAid")}),
        # Access of anything but aid is no goal.
        ("وأكدت الرباط رفضها ولوج القوات الأجنبية إلى المنطقة.", set()),
    ],
)
def test_access_of_aid(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert urged(extract, text) == expected


# -- eighth session: adjectives in agreement, restraint and renouncing, relative clauses --
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("دعا الرئيس الروسي فلاديمير بوتين إلى تسوية شاملة وعادلة للنزاع في القوقاز.", "DiplomaticSolution"),
        ("وطالب الرئيس الروسي فلاديمير بوتين بتهدئة فورية وملموسة للأوضاع على الحدود.", "DeEscalation"),
        ("وشدد الرئيس الروسي فلاديمير بوتين على ضرورة تخفيف سريع وملموس للتوتر.", "DeEscalation"),
        ("وحث الرئيس الروسي فلاديمير بوتين الطرفين على ضبط أكبر للنفس.", "Restraint"),
        ("وطالب الرئيس الروسي فلاديمير بوتين بضبط أقصى للنفس في الأيام المقبلة.", "Restraint"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى نبذ كل صور التصعيد.", "DeEscalation"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى الامتناع عن الخطوات التي تؤجج التوتر.", "DeEscalation"),
        ("ودعا الرئيس الروسي فلاديمير بوتين إلى اتفاق يوقف القتال في المنطقة.", "Ceasefire"),
        ("ودعا الرئيس الروسي فلاديمير بوتين لتسهيل دخول الإغاثة إلى المدينة.", "HumanitarianAid"),
        ("وشدد الرئيس الروسي فلاديمير بوتين على أهمية العودة للمفاوضات.", "DiplomaticSolution"),
    ],
)
def test_agreeing_adjectives_and_relative_clauses(extract: Extract, text: str, topic: str) -> None:
    assert urged(extract, text) == {(PUTIN, topic)}


@pytest.mark.parametrize(
    "text",
    [
        "ونفى المتحدث باسم الرئيس الروسي أن يكون فلاديمير بوتين قد دعا إلى هدنة.",
        "ودعا الرئيس الروسي فلاديمير بوتين إلى نبذ الخلافات الحزبية.",
        "واستبعد الرئيس الروسي فلاديمير بوتين أن تتوقف الحرب قريبا.",
    ],
)
def test_denied_and_non_goals_give_nothing(extract: Extract, text: str) -> None:
    assert urged(extract, text) == set()


def test_a_list_joined_by_commas_alone_is_one_appeal(extract: Extract) -> None:
    """ "…، الإفراج عن …، إدخال …": the items of a list without و share the appeal."""
    text = "وشدد الرئيس الروسي فلاديمير بوتين على وقف القتال، تبادل الأسرى، إدخال المساعدات إلى المدينة."
    assert urged(extract, text) == {(PUTIN, "Ceasefire"), (PUTIN, "HumanitarianAid")}


def test_questioning_appeals_is_no_appeal(extract: Extract) -> None:
    assert urged(extract, "وتساءل الرئيس الروسي فلاديمير بوتين عن جدوى الدعوات إلى التهدئة.") == set()
