"""Who owns an appeal (issue 14, APPEALS family): a person stating his own state's stance in
an أن-clause, efforts named before a relative clause, a participle qualifying someone's
statement (الداعية، الرامية), the welcomer of owned efforts, and an offer of mediation for a
goal. Sentences written for these tests, in other names, states and word orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
ERDOGAN = "person/recep-tayyip-erdogan"
PUTIN = "person/vladimir-putin"
MACRON = "person/emmanuel-macron"
TRUMP = "person/donald-trump"
SISI = "person/abdel-fattah-el-sisi"
TAMIM = "person/tamim-bin-hamad-al-thani"
ARAGHCHI = "person/abbas-araghchi"
TURKEY = "state/TR"
RUSSIA = "state/RU"
FRANCE = "state/FR"
EGYPT = "state/EG"
QATAR = "state/QA"
ISRAEL = "state/IL"


def urged(result: ArticleResult) -> set[tuple[str, ...]]:
    return keys(result, "urged")


def mediators(result: ArticleResult) -> set[str]:
    return {a for (a,) in keys(result, "offeredMediation")}


# -- 1. a stance on an أن-clause about the speaker's own state is the speaker's -------------
@pytest.mark.parametrize(
    ("text", "person", "state", "topic"),
    [
        (
            "وقال مكتب الرئاسة إن أردوغان شدد على أن تركيا مستعدة للقيام بدور الوسيط لخفض التصعيد.",
            ERDOGAN,
            TURKEY,
            "DeEscalation",
        ),
        (
            "وأكد الرئيس الروسي فلاديمير بوتين على أن روسيا تدعم وقف إطلاق النار.",
            PUTIN,
            RUSSIA,
            "Ceasefire",
        ),
        (
            "وذكر البيان أن الرئيس الفرنسي إيمانويل ماكرون شدد على أن فرنسا تدعو إلى ضبط النفس.",
            MACRON,
            FRANCE,
            "Restraint",
        ),
    ],
)
def test_a_stance_on_ones_own_state_is_the_speakers(
    extract: Extract, text: str, person: str, state: str, topic: str
) -> None:
    found = urged(extract(text, published=DAY))
    assert (person, topic) in found
    assert (state, topic) not in found


def test_readiness_to_mediate_of_ones_own_state_is_the_speakers(extract: Extract) -> None:
    text = "وقال مكتب الرئاسة إن أردوغان شدد على أن تركيا مستعدة للقيام بدور الوسيط بين الطرفين."
    assert mediators(extract(text, published=DAY)) == {ERDOGAN}


def test_another_states_stance_stays_its_own(extract: Extract) -> None:
    text = "وأكد الرئيس الروسي فلاديمير بوتين أن قطر تدعو إلى وقف إطلاق النار."
    assert (QATAR, "Ceasefire") in urged(extract(text, published=DAY))


# -- 2. a relative clause on owned efforts is the owner's --------------------------------------
@pytest.mark.parametrize(
    ("text", "owner", "other", "topic"),
    [
        (
            "أعرب أمير قطر تميم بن حمد عن تقديره للجهود المصرية التي أفضت للتوصل إلى وقف لإطلاق النار.",
            EGYPT,
            TAMIM,
            "Ceasefire",
        ),
        (
            "وأشاد الرئيس المصري عبد الفتاح السيسي بالمساعي القطرية التي تهدف إلى خفض التصعيد.",
            QATAR,
            SISI,
            "DeEscalation",
        ),
        (
            "وثمن وزير الخارجية الإيراني عباس عراقجي جهود روسيا التي ترمي إلى التوصل إلى تسوية سياسية.",
            RUSSIA,
            ARAGHCHI,
            "DiplomaticSolution",
        ),
    ],
)
def test_a_relative_clause_on_efforts_is_the_owners(
    extract: Extract, text: str, owner: str, other: str, topic: str
) -> None:
    found = urged(extract(text, published=DAY))
    assert (owner, topic) in found
    assert (other, topic) not in found


@pytest.mark.parametrize(
    ("text", "owner", "topic"),
    [
        (
            "وأشاد وزير الخارجية الإيراني عباس عراقجي بالجهود والمبادرات الدبلوماسية المتميزة التي تبذلها مصر.",
            EGYPT,
            "DiplomaticSolution",
        ),
        ("ونوه الرئيس التركي رجب طيب أردوغان بالمساعي الدبلوماسية التي تقوم بها قطر.", QATAR, "DiplomaticSolution"),
    ],
)
def test_a_goal_qualifying_the_efforts_finds_their_owner_after_it(
    extract: Extract, text: str, owner: str, topic: str
) -> None:
    assert (owner, topic) in urged(extract(text, published=DAY))


def test_a_purpose_goal_does_not_take_a_later_adjective_as_owner(extract: Extract) -> None:
    text = "وأكد ولي العهد السعودي ضرورة تكثيف الجهود لوقف الاعتداءات الإسرائيلية المتواصلة."
    assert (ISRAEL, "Ceasefire") not in urged(extract(text, published=DAY))


# -- 3. a participle qualifying someone's statement (الداعية، الرامية) is its owner's appeal ---
@pytest.mark.parametrize(
    ("text", "owner", "topic"),
    [
        ("وأشاد الرئيس التركي رجب طيب أردوغان بتصريحات ترامب الأخيرة الداعية إلى إنهاء الصراع.", TRUMP, "Ceasefire"),
        ("ونوه الرئيس الفرنسي إيمانويل ماكرون بمبادرة السيسي الرامية إلى خفض التصعيد.", SISI, "DeEscalation"),
        ("وتناول المقال رسالة بوتين الهادفة إلى وقف إطلاق النار.", PUTIN, "Ceasefire"),
    ],
)
def test_a_qualifying_participle_is_the_owners_appeal(extract: Extract, text: str, owner: str, topic: str) -> None:
    assert (owner, topic) in urged(extract(text, published=DAY))


# -- 4. who welcomes owned efforts for a goal supports it too (DECISIONS.md) -----------------
@pytest.mark.parametrize(
    ("text", "agents", "topic"),
    [
        (
            "ورحب الرئيس الروسي فلاديمير بوتين بجهود قطر لوقف إطلاق النار.",
            {PUTIN, QATAR},
            "Ceasefire",
        ),
        (
            "ورحب الرئيس التركي رجب طيب أردوغان خلال المكالمة بتصريحات ترامب الداعية إلى إنهاء الصراع.",
            {ERDOGAN, TRUMP},
            "Ceasefire",
        ),
        (
            "كما رحب الرئيس الفرنسي إيمانويل ماكرون بالجهود المصرية الرامية إلى خفض التصعيد.",
            {MACRON, EGYPT},
            "DeEscalation",
        ),
    ],
)
def test_welcoming_owned_efforts_is_support(extract: Extract, text: str, agents: set[str], topic: str) -> None:
    found = urged(extract(text, published=DAY))
    assert {(a, topic) for a in agents} <= found


def test_praising_owned_efforts_is_not_urging(extract: Extract) -> None:
    text = "وأشاد الرئيس الروسي فلاديمير بوتين بجهود قطر لوقف إطلاق النار."
    assert urged(extract(text, published=DAY)) == {(QATAR, "Ceasefire")}


# -- 5. an offer of mediation for a goal urges the goal ----------------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("وكانت تركيا قد عرضت وساطة لإنهاء التوتر بين السودان والإمارات.", TURKEY, "DeEscalation"),
        ("وعرضت قطر وساطتها للتوصل إلى وقف إطلاق النار.", QATAR, "Ceasefire"),
        ("ويعرض الرئيس التركي رجب طيب أردوغان الوساطة من أجل تسوية سياسية للأزمة.", ERDOGAN, "DiplomaticSolution"),
    ],
)
def test_an_offer_to_mediate_for_a_goal_urges_it(extract: Extract, text: str, agent: str, topic: str) -> None:
    result = extract(text, published=DAY)
    assert (agent, topic) in urged(result)
    assert agent in mediators(result)


# -- 6. leaders stating the positions of their own states each get the appeal ----------------
@pytest.mark.parametrize(
    ("text", "agents", "absent"),
    [
        (
            "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
            'وشدد الزعيمان على "المواقف المبدئية" لروسيا وتركيا الداعية إلى وقف إطلاق النار.',
            {PUTIN, ERDOGAN},
            {RUSSIA, TURKEY},
        ),
        (
            "وأكد الرئيس الروسي فلاديمير بوتين مواقف روسيا وقطر الداعية إلى وقف إطلاق النار.",
            {PUTIN, QATAR},
            {RUSSIA},
        ),
        (
            "وأكد الرئيس الفرنسي إيمانويل ماكرون موقف فرنسا الداعي إلى وقف إطلاق النار.",
            {MACRON},
            {FRANCE},
        ),
    ],
)
def test_leaders_stating_their_states_positions(
    extract: Extract, text: str, agents: set[str], absent: set[str]
) -> None:
    found = {a for a, topic in urged(extract(text, published=DAY)) if topic == "Ceasefire"}
    assert agents <= found
    assert not absent & found
