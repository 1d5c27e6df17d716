"""Who speaks an appeal (issue 14, APPEALS family): the subject after a fronted frame, the
speaker of a quote after a colon or quoted with عن, the addressee of an appeal verb, the
items of one list of demands, and the speaker of a statement about his own state. Sentences
written for these tests, in other names, states and word orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys, urgers

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
SHARIF = "person/shehbaz-sharif"
AMIR_ABDOLLAHIAN = "person/hossein-amir-abdollahian"
AOUN = "person/joseph-aoun"
GUTERRES = "person/antonio-guterres"
ERDOGAN = "person/recep-tayyip-erdogan"
MACRON = "person/emmanuel-macron"
ZELENSKYY = "person/volodymyr-zelenskyy"
BLINKEN = "person/antony-blinken"
BORRELL = "person/josep-borrell"
PUTIN = "person/vladimir-putin"
LAVROV = "person/sergey-lavrov"
MBS = "person/mohammed-bin-salman"
UNGA = "org/unga"
FRANCE = "state/FR"
US = "state/US"
TURKEY = "state/TR"
RUSSIA = "state/RU"


# -- 1. a fronted frame (في، خلال، بعد، أمام …) holds no subject: the actor after the verb is it --
@pytest.mark.parametrize(
    ("text", "agent", "absent"),
    [
        (
            "وفي كلمته أمام الجمعية العامة للأمم المتحدة، دعا رئيس الوزراء الباكستاني شهباز شريف إلى ضبط النفس.",
            SHARIF,
            UNGA,
        ),
        (
            "وبعد جولة شملت كلا من العراق وسوريا والأردن، دعا وزير الخارجية الإيراني "
            "حسين أمير عبد اللهيان إلى وقف إطلاق النار.",
            AMIR_ABDOLLAHIAN,
            "state/SY",
        ),
        (
            "خلال استقباله الأمين العام للأمم المتحدة أنطونيو غوتيريش أكد الرئيس اللبناني "
            "جوزاف عون ضرورة وقف إطلاق النار.",
            AOUN,
            GUTERRES,
        ),
        (
            "وأثناء زيارته إلى فرنسا، شدد الرئيس التركي رجب طيب أردوغان على أهمية الحوار.",
            ERDOGAN,
            FRANCE,
        ),
    ],
)
def test_the_actor_after_a_fronted_frame_is_the_subject(extract: Extract, text: str, agent: str, absent: str) -> None:
    found = urgers(extract(text, published=DAY))
    assert agent in found
    assert absent not in found


def test_a_subject_before_its_verb_still_counts(extract: Extract) -> None:
    text = "الرئيس التركي رجب طيب أردوغان دعا في كلمته إلى وقف إطلاق النار."
    assert ERDOGAN in urgers(extract(text, published=DAY))


def test_a_warning_after_a_fronted_frame_is_the_speakers(extract: Extract) -> None:
    text = "وفي كلمته أمام الجمعية العامة للأمم المتحدة، حذر رئيس الوزراء الباكستاني شهباز شريف من حرب شاملة."
    assert keys(extract(text, published=DAY), "warned") == {(SHARIF,)}


# -- 2. a quote after a colon is its speaker's; so is a quote taken "عن X" -------------------
def test_a_past_verb_in_a_quote_keeps_its_subject(extract: Extract) -> None:
    text = (
        'وجاء في البيان: "في 10 مارس، أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا '
        'مع الرئيس التركي رجب طيب أردوغان".'
    )
    assert keys(extract(text, published=DAY), "called") == {tuple(sorted((PUTIN, ERDOGAN)))}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ('وقال الرئيس الفرنسي إيمانويل ماكرون: "ندعو إلى وقف إطلاق النار فورا".', MACRON),
        ("وأضاف وزير الخارجية الروسي سيرغي لافروف: «نحث الطرفين على ضبط النفس».", LAVROV),
        ('ونقل حساب وزارة الخارجية الأمريكية عن بلينكن قوله: "نطالب بإيصال المساعدات الإنسانية".', BLINKEN),
        ("ونقلت وكالة الأنباء الروسية عن الرئيس فلاديمير بوتين قوله: «ندعم الحل الدبلوماسي».", PUTIN),
    ],
)
def test_a_quote_belongs_to_its_speaker(extract: Extract, text: str, agent: str) -> None:
    assert urgers(extract(text, published=DAY)) == {agent}


@pytest.mark.parametrize(
    "text",
    [
        'وقال الرئيس الأوكراني فولوديمير زيلينسكي: "أنا ممتن لفرنسا على دعمها".',
        "وكتب الرئيس الأوكراني فولوديمير زيلينسكي: «نحن ممتنون لفرنسا».",
        'وأضاف الرئيس الأوكراني فولوديمير زيلينسكي: "نشكر فرنسا على دعمها لبلادنا".',
    ],
)
def test_thanks_in_a_quote_are_the_speakers(extract: Extract, text: str) -> None:
    assert keys(extract(text, published=DAY), "thanked") == {(ZELENSKYY, FRANCE)}


# -- 3. "حث كافة الأطراف": a quantified group after an appeal verb is its addressee -----------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("التقى الممثل الأعلى جوزيب بوريل بالصحفيين، وحث كافة الأطراف على التحلي بضبط النفس.", BORRELL),
        ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت، ودعا جميع الأطراف إلى وقف إطلاق النار.", MACRON),
        ("استقبل ولي العهد السعودي الأمير محمد بن سلمان الوفد، وناشد كل الأطراف تجنب التصعيد.", MBS),
    ],
)
def test_a_quantified_group_is_the_addressee(extract: Extract, text: str, agent: str) -> None:
    assert agent in urgers(extract(text, published=DAY))


def test_an_unnamed_subject_still_names_nobody(extract: Extract) -> None:
    text = "وطالبت دول عدة بوقف إطلاق النار."
    assert urgers(extract(text, published=DAY)) == set()


# -- 4. one stance governs every item of its list of demands ----------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "topics"),
    [
        (
            "وشدد الرئيس الفرنسي إيمانويل ماكرون على ضرورة التوصل لوقف فوري لإطلاق النار في غزة، "
            "وحماية المدنيين الأبرياء، ومضاعفة إيصال المساعدات الإنسانية إلى القطاع.",
            MACRON,
            {"Ceasefire", "HumanitarianAid"},
        ),
        (
            "أكد ولي العهد السعودي الأمير محمد بن سلمان أهمية الوقف الفوري لإطلاق النار وحماية السكان، "
            "واستمرار فتح المعابر لدخول المساعدات الإنسانية.",
            MBS,
            {"Ceasefire", "HumanitarianAid"},
        ),
        (
            "ودعا الرئيس التركي رجب طيب أردوغان إلى ضبط النفس، والإفراج عن المحتجزين، والعودة إلى طاولة المفاوضات.",
            ERDOGAN,
            {"Restraint", "DiplomaticSolution"},
        ),
    ],
)
def test_a_list_of_demands_shares_its_stance(extract: Extract, text: str, agent: str, topics: set[str]) -> None:
    found = {topic for a, topic in keys(extract(text, published=DAY), "urged") if a == agent}
    assert topics <= found


def test_a_goal_after_a_discussion_verb_leaves_the_list(extract: Extract) -> None:
    text = "دعا الرئيس التركي رجب طيب أردوغان إلى وقف إطلاق النار في غزة، وبحث مع الرئيس الفرنسي إيصال المساعدات."
    topics = {topic for _, topic in keys(extract(text, published=DAY), "urged")}
    assert topics == {"Ceasefire"}


# -- 5. a date stamped before the text does not hide the first sentence's subject ------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "date 2024-05-02 تحدث الرئيس الفرنسي إيمانويل ماكرون مع الصحفيين.\nوشدد على أهمية الحل الدبلوماسي.",
            MACRON,
        ),
        (
            "date 2024-03 استقبل الرئيس التركي رجب طيب أردوغان الوفد.\nودعا إلى وقف إطلاق النار.",
            ERDOGAN,
        ),
        (
            "date 2023 زار وزير الخارجية الروسي سيرغي لافروف المنطقة.\nوحث على ضبط النفس.",
            LAVROV,
        ),
    ],
)
def test_a_stamped_date_keeps_the_subject(extract: Extract, text: str, agent: str) -> None:
    assert urgers(extract(text, published=DAY)) == {agent}


# -- 6. thanks to a coordinated list thank each of them --------------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "thanked"),
    [
        (
            "وأعرب رئيس المجلس الرئاسي الليبي فائز السراج عن شكره للرئيس التركي رجب طيب أردوغان والحكومة التركية.",
            "person/fayez-al-sarraj",
            {ERDOGAN, TURKEY},
        ),
        ("وأعرب الرئيس الفلسطيني محمود عباس عن امتنانه لمصر وقطر.", "person/mahmoud-abbas", {"state/EG", "state/QA"}),
        (
            "وشكر الرئيس الأوكراني فولوديمير زيلينسكي فرنسا، وتركيا على دعمهما.",
            ZELENSKYY,
            {FRANCE, TURKEY},
        ),
    ],
)
def test_thanks_to_a_list_thank_each(extract: Extract, text: str, agent: str, thanked: set[str]) -> None:
    assert keys(extract(text, published=DAY), "thanked") == {(agent, b) for b in thanked}


# -- 7. a goal as a finite verb after أن: the verb of a goal head, its subject, its object ----
@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("ودعا الرئيس الفرنسي إيمانويل ماكرون إلى أن توقف إسرائيل عملياتها العسكرية في غزة.", MACRON, "Ceasefire"),
        ("وطالب وزير الخارجية الروسي سيرغي لافروف بأن تتوقف الحرب فورا.", LAVROV, "Ceasefire"),
        ("وحث الرئيس التركي رجب طيب أردوغان على أن يتجنب الجانبان أي تصعيد.", ERDOGAN, "DeEscalation"),
        (
            "وشدد الأمين العام للأمم المتحدة أنطونيو غوتيريش على أن ترفع إسرائيل الحصار عن القطاع.",
            GUTERRES,
            "HumanitarianAid",
        ),
    ],
)
def test_a_goal_as_a_finite_verb(extract: Extract, text: str, agent: str, topic: str) -> None:
    assert (agent, topic) in keys(extract(text, published=DAY), "urged")


@pytest.mark.parametrize(
    "text",
    [
        # a report of what a stop did: no stance governs it
        "وذكرت وكالة الأنباء الرسمية أن توقف الحرب أدى إلى عودة النازحين.",
        # widening a war is no goal verb
        "وقال الرئيس الفرنسي إيمانويل ماكرون إن إسرائيل تريد أن توسع الحرب.",
        # a goal verb whose object is no goal object
        "ودعا الرئيس الفرنسي إيمانويل ماكرون إلى أن توقف الشركات صادراتها.",
    ],
)
def test_a_finite_verb_without_a_stance_or_a_goal_object_urges_nothing(extract: Extract, text: str) -> None:
    assert keys(extract(text, published=DAY), "urged") == set()


# -- 8. a group of people named by nationality is the people of the call just reported -------
FIDAN = "person/hakan-fidan"


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "تلقى وزير الخارجية الروسي سيرغي لافروف اتصالا من نظيره التركي هاكان فيدان. "
            "ودعا الوزيران الروسي والتركي إلى خفض التصعيد.",
            {LAVROV, FIDAN},
        ),
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
            "وشدد الزعيمان الفرنسي والتركي على ضرورة وقف إطلاق النار.",
            {MACRON, ERDOGAN},
        ),
        (
            "بحث وزير الخارجية التركي هاكان فيدان مع نظيره الروسي سيرغي لافروف الأوضاع في سوريا. "
            "وأكد المسؤولان التركي والروسي أهمية الحل الدبلوماسي.",
            {LAVROV, FIDAN},
        ),
    ],
)
def test_a_group_of_people_by_nationality_is_the_call_parties(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


def test_sides_by_nationality_stay_the_states(extract: Extract) -> None:
    text = (
        "تلقى وزير الخارجية الروسي سيرغي لافروف اتصالا من نظيره التركي هاكان فيدان. "
        "ودعا الجانبان الروسي والتركي إلى خفض التصعيد."
    )
    assert urgers(extract(text, published=DAY)) == {RUSSIA, TURKEY}


def test_a_group_of_people_of_states_nobody_named_stays_the_states(extract: Extract) -> None:
    text = (
        "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
        "ودعا الوزيران الروسي والأمريكي إلى خفض التصعيد."
    )
    assert not urgers(extract(text, published=DAY)) & {MACRON, ERDOGAN}


# -- 9. a stance noun with a dual or plural owner (دعوتهما) is its owners' appeal -------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
            "وجدد الرئيسان دعوتهما إلى وقف التصعيد.",
            {MACRON, ERDOGAN},
        ),
        (
            "أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا مع نظيره الأمريكي أنتوني بلينكن. "
            "وأكد الوزيران حرصهما على التوصل إلى حل دبلوماسي للأزمة.",
            {LAVROV, BLINKEN},
        ),
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
            "وجدد الزعيمان تمسكهما بوقف إطلاق النار.",
            {MACRON, ERDOGAN},
        ),
    ],
)
def test_a_dual_owned_stance_noun_is_the_pairs_appeal(extract: Extract, text: str, agents: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == agents


# -- 10. an appeal verb with a pronoun object keeps the subject of its clause -----------------
@pytest.mark.parametrize(
    ("text", "agent", "absent"),
    [
        ("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان، ودعاه إلى وقف التصعيد.", MACRON, ERDOGAN),
        ("استقبل وزير الخارجية الروسي سيرغي لافروف الوفد الأوكراني، وحثهما على وقف إطلاق النار.", LAVROV, ZELENSKYY),
        (
            "استقبل الرئيس التركي رجب طيب أردوغان الرئيس الفرنسي إيمانويل ماكرون. وطالبه بوقف إطلاق النار.",
            ERDOGAN,
            MACRON,
        ),
    ],
)
def test_a_pronoun_object_leaves_the_subject(extract: Extract, text: str, agent: str, absent: str) -> None:
    found = urgers(extract(text, published=DAY))
    assert agent in found
    assert absent not in found


# -- 11. a quote that names no speaker goes on with the one who spoke last ---------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "وقال الرئيس التركي رجب طيب أردوغان في مؤتمر صحفي إن الوضع في غزة خطير.\n"
            '"ندعو المجتمع الدولي إلى وقف إطلاق النار فورا".',
            ERDOGAN,
        ),
        (
            "وقال وزير الخارجية الروسي سيرغي لافروف: «إن الوضع يزداد سوءا».\nوتابع: «نحث الجميع على ضبط النفس».",
            LAVROV,
        ),
        (
            'وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش: "الوضع لا يحتمل". '
            '"نطالب بإيصال المساعدات الإنسانية دون عوائق".',
            GUTERRES,
        ),
    ],
)
def test_an_unattributed_quote_is_the_last_speakers(extract: Extract, text: str, agent: str) -> None:
    assert urgers(extract(text, published=DAY)) == {agent}


def test_a_first_person_verb_outside_any_quote_names_nobody(extract: Extract) -> None:
    text = "وقال الرئيس التركي رجب طيب أردوغان إن الوضع خطير.\nندعو القراء إلى متابعة التغطية."
    assert urgers(extract(text, published=DAY)) == set()


def test_a_named_speaker_of_the_new_quote_wins(extract: Extract) -> None:
    text = (
        "وقال الرئيس التركي رجب طيب أردوغان إن الوضع خطير.\n"
        'وقال الرئيس الفرنسي إيمانويل ماكرون: "ندعو إلى وقف إطلاق النار فورا".'
    )
    assert urgers(extract(text, published=DAY)) == {MACRON}


def test_a_quote_of_someone_unnamed_is_not_the_last_speakers(extract: Extract) -> None:
    text = (
        "وقال الرئيس التركي رجب طيب أردوغان إن الوضع خطير.\n"
        'وقال مسؤول أمريكي رفيع للصحفيين: "ندعو إلى وقف إطلاق النار فورا".'
    )
    assert ERDOGAN not in urgers(extract(text, published=DAY))
