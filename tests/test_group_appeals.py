"""Appeals of group, dual and joint subjects (issue 14, discourse state / group anaphora): a group
of countries after a call between people is their states; "the two sides" of a person and a state
are two states; a group after a verbal noun or after أن is its subject; a dual verb with no subject
is the two parties of the call just reported; «غداة» (the day after) is no "tomorrow". Sentences
written for these tests, in other names, states and word orders; the negatives name no pair."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys, urgers

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
PUTIN = "person/vladimir-putin"
ERDOGAN = "person/recep-tayyip-erdogan"
MACRON = "person/emmanuel-macron"
SISI = "person/abdel-fattah-el-sisi"
TEBBOUNE = "person/abdelmadjid-tebboune"
ABDULLAH = "person/abdullah-ii-of-jordan"
RAMAPHOSA = "person/cyril-ramaphosa"
LULA = "person/luiz-inacio-lula-da-silva"
RUSSIA, TURKEY, FRANCE, EGYPT = "state/RU", "state/TR", "state/FR", "state/EG"
ALGERIA, JORDAN, ARMENIA, AZERBAIJAN = "state/DZ", "state/JO", "state/AM", "state/AZ"
SOUTH_AFRICA, BRAZIL, QATAR, UKRAINE = "state/ZA", "state/BR", "state/QA", "state/UA"

PUTIN_ERDOGAN = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
MACRON_SISI = "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون. "
TEBBOUNE_ABDULLAH = "بحث الرئيس الجزائري عبد المجيد تبون هاتفيا مع العاهل الأردني الملك عبد الله الثاني الأوضاع. "


# -- 1. a group of countries after a call between people is the states of those people ---------
@pytest.mark.parametrize(
    ("text", "agents", "topic"),
    [
        (PUTIN_ERDOGAN + "وأكد البلدان على ضرورة وقف إطلاق النار في المنطقة.", {RUSSIA, TURKEY}, "Ceasefire"),
        (
            MACRON_SISI + "وشهد الاتصال تأكيد البلدين على أهمية الحل السياسي للأزمة.",
            {FRANCE, EGYPT},
            "DiplomaticSolution",
        ),
        (TEBBOUNE_ABDULLAH + "ودعت الدولتان إلى خفض التصعيد في غزة.", {ALGERIA, JORDAN}, "DeEscalation"),
    ],
)
def test_a_group_of_countries_is_the_states_of_the_call(
    extract: Extract, text: str, agents: set[str], topic: str
) -> None:
    assert keys(extract(text, published=DAY), "urged") == {(a, topic) for a in agents}


def test_countries_named_in_the_sentence_stay_those_states(extract: Extract) -> None:
    text = PUTIN_ERDOGAN + "وقال المتحدث إن قطر وأوكرانيا تتابعان الوضع، وأكد البلدان على ضرورة وقف إطلاق النار."
    assert urgers(extract(text, published=DAY)) == {QATAR, UKRAINE}


# -- 2. "the two sides" of a person and a state are two states ----------------------------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "أشاد رئيس الوزراء الأرميني نيكول باشينيان بسلام تاريخي مع أذربيجان بعد توقيع الطرفين "
            "على اتفاق يقضي بوقف إطلاق النار.",
            {ARMENIA, AZERBAIJAN},
        ),
        (
            "رحب الرئيس البرازيلي لولا دا سيلفا بالتقارب مع جنوب أفريقيا، وأكد الجانبان ضرورة الحوار.",
            {BRAZIL, SOUTH_AFRICA},
        ),
        (
            "استقبلت قطر اتصالا من الرئيس الفرنسي إيمانويل ماكرون، ودعا الطرفان إلى ضبط النفس.",
            {QATAR, FRANCE},
        ),
    ],
)
def test_sides_of_a_person_and_a_state_are_two_states(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


def test_sides_of_two_people_stay_the_people(extract: Extract) -> None:
    text = PUTIN_ERDOGAN + "وأكد الجانبان ضرورة وقف إطلاق النار."
    assert urgers(extract(text, published=DAY)) == {PUTIN, ERDOGAN}


# -- 3. a group after a verbal noun or after أن is the subject, not an object -----------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (PUTIN_ERDOGAN + "وجرى خلال الاتصال تأكيد الجانبين على ضرورة وقف إطلاق النار.", {PUTIN, ERDOGAN}),
        (MACRON_SISI + "وذكر البيان أن الرئيسين أكدا على أهمية خفض التصعيد.", {MACRON, SISI}),
        (TEBBOUNE_ABDULLAH + "وأعلن الديوان أن الزعيمين شددا على ضرورة إيصال المساعدات.", {TEBBOUNE, ABDULLAH}),
    ],
)
def test_a_group_after_a_verbal_noun_or_that_is_the_subject(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


# -- 4. a dual verb with no subject is the two parties of the call just reported ----------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (PUTIN_ERDOGAN + "كما دعوا إلى وقف إطلاق النار.", {PUTIN, ERDOGAN}),
        (MACRON_SISI + "وناشدا الأطراف العمل على إيصال المساعدات.", {MACRON, SISI}),
        (TEBBOUNE_ABDULLAH + "وتعهدا بالعمل على خفض التصعيد.", {TEBBOUNE, ABDULLAH}),
    ],
)
def test_a_dual_verb_after_a_call_is_its_two_parties(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


# -- 5. «غداة» is "the day after", no "tomorrow" that would make the sentence planned ----------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("دعا الرئيس الروسي فلاديمير بوتين غداة الاتصال إلى وقف إطلاق النار.", PUTIN),
        ("وغداة القمة، شدد الرئيس التركي رجب طيب أردوغان على أهمية الحوار.", ERDOGAN),
        ("أكد الرئيس الجنوب أفريقي سيريل رامافوزا غداة لقائه الوزير ضرورة ضبط النفس.", RAMAPHOSA),
    ],
)
def test_the_day_after_is_no_plan(extract: Extract, text: str, agent: str) -> None:
    assert agent in urgers(extract(text, published=DAY))


def test_tomorrow_still_makes_a_plan(extract: Extract) -> None:
    text = "وغدا يدعو الرئيس الروسي فلاديمير بوتين إلى وقف إطلاق النار."
    assert urgers(extract(text, published=DAY)) == set()


# -- negatives: a dual verb or a group with no known pair names nobody ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وأكدا على ضرورة وقف إطلاق النار في القطاع.",
        "ودعا البلدان إلى خفض التصعيد على الحدود.",
        "وشدد الطرفان على أهمية الحوار.",
        "وأكد الجانبان ضرورة ضبط النفس بعد الاشتباكات.",
    ],
)
def test_a_group_with_no_known_pair_names_nobody(extract: Extract, text: str) -> None:
    assert urgers(extract(text, published=DAY)) == set()


def test_the_sides_addressed_by_an_appeal_are_not_its_subject(extract: Extract) -> None:
    text = PUTIN_ERDOGAN + "ودعا الرئيس الفرنسي إيمانويل ماكرون الطرفين إلى وقف إطلاق النار."
    assert urgers(extract(text, published=DAY)) == {MACRON}


# -- 6. joint efforts (التنسيق، الجهود المشتركة) with no single subject are the call's parties' ----
@pytest.mark.parametrize(
    ("text", "agents", "topic"),
    [
        (PUTIN_ERDOGAN + "وتناول الاتصال التنسيق لاحتواء التصعيد في المنطقة.", {PUTIN, ERDOGAN}, "DeEscalation"),
        (
            MACRON_SISI + "وأوضح البيان أن الرئيسين تحدثا بشأن التنسيق المكثف لإيصال المساعدات.",
            {MACRON, SISI},
            "HumanitarianAid",
        ),
        (
            TEBBOUNE_ABDULLAH + "واستعرض الزعيمان الجهود المشتركة للتوصل إلى حل سياسي.",
            {TEBBOUNE, ABDULLAH},
            "DiplomaticSolution",
        ),
    ],
)
def test_joint_efforts_are_the_call_parties(extract: Extract, text: str, agents: set[str], topic: str) -> None:
    assert keys(extract(text, published=DAY), "urged") == {(a, topic) for a in agents}


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            MACRON_SISI + "وتناول الاتصال جهود الوساطة المشتركة للتوصل إلى وقف لإطلاق النار، والتنسيق لاحتواء التصعيد.",
            {FRANCE, EGYPT},
        ),
        (PUTIN_ERDOGAN + "وتناول الاتصال الوساطة المشتركة الرامية إلى إنهاء الحرب.", {RUSSIA, TURKEY}),
        (TEBBOUNE_ABDULLAH + "واستعرضا جهود الوساطة المشتركة لوقف إطلاق النار.", {ALGERIA, JORDAN}),
    ],
)
def test_a_joint_mediation_is_the_parties_states(extract: Extract, text: str, states: set[str]) -> None:
    result = extract(text, published=DAY)
    assert urgers(result) == states
    assert {a for (a,) in keys(result, "offeredMediation")} == states


def test_joint_efforts_of_a_named_subject_are_his(extract: Extract) -> None:
    text = PUTIN_ERDOGAN + "وأكد الرئيس الفرنسي إيمانويل ماكرون على التنسيق مع ألمانيا لوقف الحرب."
    assert urgers(extract(text, published=DAY)) == {MACRON}


def test_joint_efforts_with_no_call_name_nobody(extract: Extract) -> None:
    text = "وتناول الاجتماع التنسيق لاحتواء التصعيد والجهود المشتركة لوقف إطلاق النار."
    assert urgers(extract(text, published=DAY)) == set()


# -- 7. pushing a party to a goal (لحمل X على وقف …) in a group's agreement is the group's appeal --
@pytest.mark.parametrize(
    ("text", "agents", "topic"),
    [
        (
            PUTIN_ERDOGAN + "واتفق الرئيسان على ضرورة تكثيف الجهود الدولية، على كل المستويات والمنظمات "
            "الإقليمية والدولية، لحمل الأطراف على وقف إطلاق النار.",
            {PUTIN, ERDOGAN},
            "Ceasefire",
        ),
        (MACRON_SISI + "وشدد الجانبان على العمل لحمل إسرائيل على خفض التصعيد.", {MACRON, SISI}, "DeEscalation"),
        (
            TEBBOUNE_ABDULLAH + "وأكدا ضرورة الضغط لحمل سلطات الاحتلال على رفع الحصار عن غزة.",
            {TEBBOUNE, ABDULLAH},
            "HumanitarianAid",
        ),
    ],
)
def test_pushing_a_party_to_a_goal_is_an_appeal(extract: Extract, text: str, agents: set[str], topic: str) -> None:
    assert keys(extract(text, published=DAY), "urged") >= {(a, topic) for a in agents}


def test_carrying_weapons_is_no_appeal(extract: Extract) -> None:
    text = PUTIN_ERDOGAN + "وأشار الجانبان إلى أن الدعوات لحمل السلاح تتزايد في المنطقة."
    assert urgers(extract(text, published=DAY)) == set()


# -- 8. a clause of purpose sparing someone tension (بما يجنبها مزيدا من التوترات) ------------------
@pytest.mark.parametrize(
    "text",
    [
        PUTIN_ERDOGAN + "وأكد الجانبان ضرورة تغليب الحوار بما يحفظ أمن المنطقة ويجنبها مزيدا من التوترات.",
        MACRON_SISI + "ودعا الرئيسان إلى العمل المشترك بما يجنب المنطقة التصعيد.",
        TEBBOUNE_ABDULLAH + "وشدد الزعيمان على ضرورة الحكمة بما يجنبهما مزيدا من التصعيد.",
    ],
)
def test_sparing_someone_tension_is_de_escalation(extract: Extract, text: str) -> None:
    assert "DeEscalation" in {topic for _, topic in keys(extract(text, published=DAY), "urged")}


# -- 9. a shared appeal in the call's own sentence: a group or a dual verb after the call -------
PUTIN_ERDOGAN_CALL = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان، "


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (PUTIN_ERDOGAN_CALL + "أكدا خلاله ضرورة وقف إطلاق النار.", {PUTIN, ERDOGAN}),
        (PUTIN_ERDOGAN_CALL + "دعا خلاله الزعيمان إلى خفض التصعيد.", {PUTIN, ERDOGAN}),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا من الرئيس الفرنسي إيمانويل ماكرون، "
            "شدد فيه الجانبان على أهمية إيصال المساعدات.",
            {MACRON, SISI},
        ),
        (
            "بحث الرئيس الجزائري عبد المجيد تبون هاتفيا مع العاهل الأردني الملك عبد الله الثاني "
            "الأوضاع، وطالبا بوقف إطلاق النار.",
            {TEBBOUNE, ABDULLAH},
        ),
    ],
)
def test_a_shared_appeal_after_the_call_in_its_sentence(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


@pytest.mark.parametrize(
    "text",
    [
        PUTIN_ERDOGAN_CALL + "دعا خلاله بوتين إلى خفض التصعيد.",
        PUTIN_ERDOGAN_CALL + "وقد دعا بوتين الطرفين إلى خفض التصعيد.",
    ],
)
def test_one_subject_after_the_call_stays_one(extract: Extract, text: str) -> None:
    assert urgers(extract(text, published=DAY)) == {PUTIN}


# -- 10. an impersonal statement "by the two sides" (من قبل الجانبين) is the call's parties' ------
@pytest.mark.parametrize(
    "text",
    [
        PUTIN_ERDOGAN + "وتم التأكيد من قبل الجانبين على ضرورة الحوار.",
        PUTIN_ERDOGAN + "وجرى التشديد من قبل الطرفين على أهمية وقف إطلاق النار.",
        PUTIN_ERDOGAN + "وتم خلال الاتصال التأكيد من جانب الزعيمين على ضرورة ضبط النفس.",
    ],
)
def test_an_impersonal_statement_by_the_sides(extract: Extract, text: str) -> None:
    assert urgers(extract(text, published=DAY)) == {PUTIN, ERDOGAN}


# -- 11. "X ونظيره التركي" as a coordinated subject: the counterpart is the first one's ------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        ("الرئيس الروسي فلاديمير بوتين ونظيره التركي يؤكدان ضرورة وقف إطلاق النار", {PUTIN, ERDOGAN}),
        ("الرئيس الفرنسي إيمانويل ماكرون ونظيره المصري يدعوان إلى إيصال المساعدات إلى غزة", {MACRON, SISI}),
        ("وأكد الرئيس الجزائري عبد المجيد تبون ونظيره المصري على ضرورة الحل السياسي.", {TEBBOUNE, SISI}),
    ],
)
def test_a_counterpart_in_a_coordinated_subject(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


def test_a_counterpart_of_no_state_with_no_call_names_nobody(extract: Extract) -> None:
    text = "وأكد الرئيس الروسي فلاديمير بوتين ونظيره على ضرورة الحوار."
    assert urgers(extract(text, published=DAY)) == {PUTIN}


# -- negatives: a group agreeing to go on with its own talks urges nothing (ANNOTATION.md) -------
@pytest.mark.parametrize(
    "text",
    [
        PUTIN_ERDOGAN + "واتفق الجانبان على مواصلة الحوار.",
        MACRON_SISI + "واتفق الزعيمان على مواصلة الاتصالات والتنسيق بينهما.",
        TEBBOUNE_ABDULLAH + "كما اتفق البلدان على استمرار التشاور والحوار بشأن الأزمة.",
    ],
)
def test_agreeing_to_go_on_talking_is_no_appeal(extract: Extract, text: str) -> None:
    assert urgers(extract(text, published=DAY)) == set()


# -- negatives: a group qualified as the sides of someone else's conflict names nobody -----------
@pytest.mark.parametrize(
    "text",
    [
        PUTIN_ERDOGAN + "وفي السودان، أعلن الطرفان المتحاربان التزامهما بوقف إطلاق النار.",
        MACRON_SISI + "وأكد الطرفان السودانيان التزامهما بالهدنة.",
        TEBBOUNE_ABDULLAH + "وفي ليبيا، شدد الجانبان المتنازعان على أهمية الحوار.",
    ],
)
def test_the_sides_of_another_conflict_are_no_parties(extract: Extract, text: str) -> None:
    assert urgers(extract(text, published=DAY)) == set()


# -- a group thanked after a call leaves out the thanker's own state ------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "thanked"),
    [
        (PUTIN_ERDOGAN + "وشكر بوتين البلدين على جهودهما.", PUTIN, TURKEY),
        (MACRON_SISI + "وأعرب السيسي عن شكره للبلدين على التنسيق.", SISI, FRANCE),
        (TEBBOUNE_ABDULLAH + "وتوجه الملك عبد الله الثاني بالشكر إلى البلدين.", ABDULLAH, ALGERIA),
    ],
)
def test_a_thanked_group_leaves_out_the_thankers_state(extract: Extract, text: str, agent: str, thanked: str) -> None:
    assert keys(extract(text, published=DAY), "thanked") == {(agent, thanked)}
