"""Guards against overreach (issue 14, item 5; PHENOMENA.md "F" and "L-warn"): each guard on
sentences written for it, in other names, states and word orders, each beside the positive
counterpart that must still give its fact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys, urgers

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)
PUTIN = "person/vladimir-putin"
ZELENSKYY = "person/volodymyr-zelenskyy"
AFWERKI = "person/isaias-afwerki"
RUTO = "person/william-ruto"
TINUBU = "person/bola-tinubu"
MACRON = "person/emmanuel-macron"
SISI = "person/abdel-fattah-el-sisi"
SANCHEZ = "person/pedro-sanchez"
MERZ = "person/friedrich-merz"
ABDELATTY = "person/badr-abdelatty"
SHOUKRY = "person/sameh-shoukry"
ERDOGAN = "person/recep-tayyip-erdogan"
MAHAMA = "person/john-mahama"
ALBARES = "person/jose-manuel-albares"
BOURITA = "person/nasser-bourita"
RAISI = "person/ebrahim-raisi"
ABDULLAH = "person/abdullah-ii-of-jordan"
ISRAEL = "state/IL"
SPAIN = "state/ES"
QATAR = "state/QA"
TURKEY = "state/TR"
GERMANY = "state/DE"

CALL_RUTO_TINUBU = "أجرى الرئيس الكيني وليام روتو اتصالا هاتفيا مع الرئيس النيجيري بولا تينوبو. "


# -- 1. rejection: رفض + an appeal noun is not urging --------------------------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("ورفض الرئيس الإريتري أسياس أفورقي مبادرة التهدئة.", AFWERKI),
        ("ورفض الرئيس الروسي فلاديمير بوتين الدعوات الغربية لوقف إطلاق النار.", PUTIN),
        ("رفضت إسرائيل الدعوات الدولية إلى وقف إطلاق النار في غزة.", ISRAEL),
        ("ويرفض الرئيس الأوكراني فولوديمير زيلينسكي أي مقترح لوقف إطلاق النار لا يضمن الانسحاب.", ZELENSKYY),
        ("وأبدى الرئيس الإريتري أسياس أفورقي رفضه لنداءات ضبط النفس.", AFWERKI),
    ],
)
def test_rejecting_an_appeal_is_no_appeal(extract: Extract, text: str, agent: str) -> None:
    assert agent not in urgers(extract(text, published=DAY))


@pytest.mark.parametrize(
    ("text", "agent", "topic"),
    [
        ("دعا الرئيس الروسي فلاديمير بوتين إلى وقف إطلاق النار.", PUTIN, "Ceasefire"),
        ("وأيدت إسرائيل الدعوات الدولية إلى وقف إطلاق النار في غزة.", ISRAEL, "Ceasefire"),
        # a rejected proposal is still its owner's appeal (not the rejecter's)
        ("ورفض الرئيس الإريتري أسياس أفورقي المقترح القطري لوقف إطلاق النار.", QATAR, "Ceasefire"),
        # the rejection is of something else; the appeal after it is a new predicate
        (
            "ورفض الرئيس الإريتري أسياس أفورقي الاتهامات، ودعا إلى ضبط النفس.",
            AFWERKI,
            "Restraint",
        ),
    ],
)
def test_appeals_without_rejection_still_count(extract: Extract, text: str, agent: str, topic: str) -> None:
    assert (agent, topic) in keys(extract(text, published=DAY), "urged")


# -- 2. travel and visit verbs, talks held in a place: in person, not calls -----------------
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            CALL_RUTO_TINUBU + "وتوجه وزير الخارجية الإسباني خوسيه مانويل ألباريس إلى الرباط حيث أجرى محادثات"
            " مع نظيره المغربي ناصر بوريطة.",
            (ALBARES, BOURITA),
        ),
        (
            CALL_RUTO_TINUBU + "وزار الرئيس الكيني أكرا وبحث مع الرئيس الغاني جون ماهاما الأوضاع الإقليمية.",
            (MAHAMA, RUTO),
        ),
        (
            CALL_RUTO_TINUBU + "وبحث روتو في أبوجا مع الرئيس الغاني جون ماهاما الأوضاع الإقليمية.",
            (MAHAMA, RUTO),
        ),
        (
            "ووضع الرئيس الكيني وليام روتو نظيره النيجيري بولا تينوبو في صورة نتائج مباحثاته في باريس"
            " مع الرئيس الفرنسي إيمانويل ماكرون، في مكالمة هاتفية.",
            (MACRON, RUTO),
        ),
    ],
)
def test_in_person_talks_are_no_call(extract: Extract, text: str, pair: tuple[str, str]) -> None:
    assert tuple(sorted(pair)) not in keys(extract(text, published=DAY), "called")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (CALL_RUTO_TINUBU + "وتحدث روتو مع الرئيس الغاني جون ماهاما حول الأوضاع الإقليمية.", (MAHAMA, RUTO)),
        (
            "توجه وزير الخارجية المغربي ناصر بوريطة إلى مدريد، بعد أن أجرى اتصالا هاتفيا مع نظيره الإسباني"
            " خوسيه مانويل ألباريس.",
            (ALBARES, BOURITA),
        ),
        (
            "بحث الرئيس الفرنسي إيمانويل ماكرون في اتصال هاتفي مع الرئيس الكيني وليام روتو الأوضاع في السودان.",
            (MACRON, RUTO),
        ),
    ],
)
def test_calls_beside_travel_still_count(extract: Extract, text: str, pair: tuple[str, str]) -> None:
    assert tuple(sorted(pair)) in keys(extract(text, published=DAY), "called")


# -- 3. a capital inside an event name is no actor --------------------------------------
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("وأشاد المشاركون باستئناف محادثات مدريد، مؤكدين أهمية الحل السياسي.", SPAIN),
        ("ودعا البيان الختامي لمؤتمر برلين إلى وقف إطلاق النار في ليبيا.", GERMANY),
        ("وطالب المجتمعون في إطار مسار أستانا بخفض التصعيد في سوريا.", "state/KZ"),
        ("وشدد الموقعون على اتفاق الدوحة على أهمية الحوار.", QATAR),
    ],
)
def test_capital_in_an_event_name_is_no_actor(extract: Extract, text: str, state: str) -> None:
    assert state not in urgers(extract(text, published=DAY))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("وأكدت مدريد أهمية الحل السياسي.", SPAIN),
        ("ودعت برلين إلى وقف إطلاق النار في ليبيا.", GERMANY),
        ("وشددت الدوحة على أهمية الحوار.", QATAR),
    ],
)
def test_capital_as_metonym_is_still_the_state(extract: Extract, text: str, state: str) -> None:
    assert state in urgers(extract(text, published=DAY))


# -- 4. the one killed, absent or mourned is no agent -----------------------------------
@pytest.mark.parametrize(
    ("text", "absent", "speaker"),
    [
        ("وقال الرئيس الكيني وليام روتو إن غياب إبراهيم رئيسي يستوجب تكثيف الحوار.", RAISI, RUTO),
        (
            "وقال وزير الخارجية المصري سامح شكري إن رحيل الرئيس الإيراني إبراهيم رئيسي يستوجب ضبط النفس.",
            RAISI,
            SHOUKRY,
        ),
        ("وأكد أردوغان أن مقتل إبراهيم رئيسي يحتم العمل على خفض التصعيد.", RAISI, ERDOGAN),
    ],
)
def test_the_deceased_is_no_agent(extract: Extract, text: str, absent: str, speaker: str) -> None:
    agents = urgers(extract(text, published=date(2024, 5, 25)))
    assert absent not in agents
    assert speaker in agents


def test_a_living_subject_still_urges(extract: Extract) -> None:
    text = "وقال الرئيس الإيراني إبراهيم رئيسي إن بلاده تدعو إلى ضبط النفس."
    assert RAISI in urgers(extract(text, published=date(2024, 4, 20)))


# -- 5. concern is a warning only with a danger to come ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وأعرب الرئيس الكيني وليام روتو عن قلقه إزاء التصعيد الجاري في الإقليم.",
        "وأعرب الرئيس الفرنسي إيمانويل ماكرون عن قلقه من استمرار الهجمات على المدنيين.",
        "وعبر المستشار الألماني فريدريش ميرتس عن بالغ القلق حيال التوترات الحالية.",
    ],
)
def test_concern_about_what_is_under_way_is_no_warning(extract: Extract, text: str) -> None:
    assert not keys(extract(text, published=DAY), "warned")


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("وأعرب الرئيس الكيني وليام روتو عن قلقه من تداعيات التصعيد.", RUTO),
        ("وأعرب الرئيس الفرنسي إيمانويل ماكرون عن قلقه البالغ من خطر اتساع الصراع في المنطقة.", MACRON),
        ("وأبدى المستشار الألماني فريدريش ميرتس مخاوفه من انزلاق المنطقة إلى حرب شاملة.", MERZ),
        ("من جانبه، أعرب ماكرون عن قلقه، مشيرا إلى أن لبنان لن يتعافى من حرب شاملة.", MACRON),
    ],
)
def test_concern_about_a_danger_is_a_warning(extract: Extract, text: str, agent: str) -> None:
    assert (agent,) in keys(extract(text, published=DAY), "warned")


# -- 6. warnings without a warning verb (L-warn) ----------------------------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("وقال الرئيس الكيني وليام روتو إن استمرار القتال يشكل تهديدا حقيقيا للمنطقة.", RUTO),
        (
            "وأكد وزير الخارجية المصري بدر عبد العاطي أن التصعيد الإسرائيلي سيكون له عواقب وخيمة على أمن المنطقة.",
            ABDELATTY,
        ),
        ("وقال الرئيس التركي رجب طيب أردوغان إن إسرائيل تضع المنطقة أمام مخاطر جسيمة.", ERDOGAN),
        ("وأضاف رئيس الوزراء الإسباني بيدرو سانشيز أن الحصار يمثل خطرا على استقرار الشرق الأوسط.", SANCHEZ),
    ],
)
def test_a_stated_danger_is_the_speakers_warning(extract: Extract, text: str, agent: str) -> None:
    warned = keys(extract(text, published=DAY), "warned")
    assert (agent,) in warned
    assert (ISRAEL,) not in warned  # what poses the danger does not warn


@pytest.mark.parametrize(
    "text",
    [
        "ويشكل استمرار الحرب تهديدا للمنطقة بأسرها.",
        "وقال الرئيس التركي رجب طيب أردوغان إن إسرائيل لا تشكل تهديدا لبلاده.",
        "وتضع الحرب المنطقة أمام مخاطر جسيمة.",
    ],
)
def test_no_speaker_or_negated_no_warning(extract: Extract, text: str) -> None:
    assert not keys(extract(text, published=DAY), "warned")


def test_a_warning_verb_still_warns(extract: Extract) -> None:
    text = "وحذر الرئيس التركي رجب طيب أردوغان من حرب إقليمية."
    assert (ERDOGAN,) in keys(extract(text, published=DAY), "warned")


# -- 7. unowned efforts under a discussion verb; the impersonal scope ------------------
@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            CALL_RUTO_TINUBU.replace(". ", "، ")
            + "واستعرض الجانبان المساعي الإقليمية الرامية إلى إنهاء النزاع في الساحل.",
            {RUTO, TINUBU},
        ),
        (
            "وبحث الرئيس المصري عبد الفتاح السيسي مع أمير قطر تميم بن حمد آل ثاني الجهود الإقليمية لوقف"
            " إطلاق النار في غزة.",
            {SISI, "person/tamim-bin-hamad-al-thani"},
        ),
        (
            "وناقش رئيس الوزراء الإسباني بيدرو سانشيز مع الرئيس الكيني وليام روتو الجهود الدولية المبذولة"
            " لوقف إطلاق النار في السودان.",
            {SANCHEZ, RUTO},
        ),
    ],
)
def test_discussing_unowned_efforts_is_no_appeal(extract: Extract, text: str, parties: set[str]) -> None:
    assert not urgers(extract(text, published=DAY)) & parties


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        # owned efforts are their owner's appeal, also under a discussion verb
        (
            "وبحث الرئيس الكيني وليام روتو مع الرئيس الفرنسي إيمانويل ماكرون الجهود القطرية لوقف إطلاق النار في غزة.",
            {QATAR},
        ),
        # a stance before unowned efforts keeps the appeal
        ("وأكد الرئيس المصري عبد الفتاح السيسي دعمه للجهود الدولية لوقف إطلاق النار في غزة.", {SISI}),
        # the impersonal statement about the call is joint
        (
            "أجرى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا هاتفيا مع الرئيس الكيني وليام روتو، وجرى التأكيد"
            " على ضرورة وقف إطلاق النار في السودان.",
            {SANCHEZ, RUTO},
        ),
    ],
)
def test_owned_efforts_and_joint_statements_still_count(extract: Extract, text: str, agents: set[str]) -> None:
    assert agents <= urgers(extract(text, published=DAY))


@pytest.mark.parametrize(
    ("text", "speaker", "other"),
    [
        (
            CALL_RUTO_TINUBU + "وجرى خلال الاتصال بحث الأوضاع في الساحل وأكد الرئيس الكيني على أهمية الحل السياسي.",
            RUTO,
            TINUBU,
        ),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون، وتم خلال"
            " الاتصال استعراض تطورات غزة وشدد الرئيس الفرنسي على ضرورة وقف إطلاق النار.",
            MACRON,
            SISI,
        ),
        (
            "أجرى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا هاتفيا مع الرئيس الكيني وليام روتو. وتم خلال"
            " الاتصال بحث الأوضاع في السودان ودعا سانشيز إلى وقف إطلاق النار.",
            SANCHEZ,
            RUTO,
        ),
    ],
)
def test_impersonal_scope_stops_at_a_verb_with_its_subject(
    extract: Extract, text: str, speaker: str, other: str
) -> None:
    agents = urgers(extract(text, published=DAY))
    assert speaker in agents
    assert other not in agents


# -- 9. caution (الحذر، بحذر) is a manner, not a warning; نبّه إلى warns ------------------
@pytest.mark.parametrize(
    "text",
    [
        "حث الرئيس الفرنسي إيمانويل ماكرون الجانبين على التعامل مع الأزمة بأقصى قدر من الحذر.",
        "وطالب الرئيس التركي رجب طيب أردوغان بالتصرف بحذر في المنطقة.",
        "ودعا الرئيس المصري عبد الفتاح السيسي إلى توخي الحذر في التعامل مع الأوضاع.",
        "أعرب رئيس الوزراء اللبناني نجيب ميقاتي عن تفاؤل حذر بإمكانية التوصل إلى اتفاق.",
        "آمال حذرة في عودة الهدوء إلى المنطقة",
        "وأبدى الرئيس التركي رجب طيب أردوغان ترحيبا حذرا بالاتفاق.",
    ],
)
def test_caution_is_no_warning(extract: Extract, text: str) -> None:
    assert keys(extract(text, published=DAY), "warned") == set()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("ونبه العاهل الأردني الملك عبد الله الثاني إلى أن التصعيد قد يوسع دائرة الصراع.", ABDULLAH),
        ("ونبّه الرئيس الإيراني إبراهيم رئيسي من أن المنطقة مقبلة على حرب شاملة.", RAISI),
        ("وأنذر الرئيس التركي رجب طيب أردوغان من عواقب وخيمة لاستمرار الهجمات.", ERDOGAN),
        ("وحذر الرئيس الفرنسي إيمانويل ماكرون من الحذر المفرط في التعامل مع الأزمة.", MACRON),
        ("رئيس الوزراء اللبناني نجيب ميقاتي حذر من حرب شاملة.", "person/najib-mikati"),
    ],
)
def test_alerting_to_a_danger_is_a_warning(extract: Extract, text: str, agent: str) -> None:
    assert keys(extract(text, published=DAY), "warned") == {(agent,)}


# -- 10. unowned efforts under a discussion verb stay no appeal through their relative clause --
@pytest.mark.parametrize(
    "text",
    [
        "وتطرق الرئيس الكيني وليام روتو إلى جهود الأطراف الإقليمية التي تعمل من أجل الحوار.",
        "وبحث الرئيس الفرنسي إيمانويل ماكرون المساعي الدولية التي تهدف إلى وقف إطلاق النار.",
        "واستعرض الرئيس التركي رجب طيب أردوغان المبادرات التي ترمي إلى خفض التصعيد في المنطقة.",
    ],
)
def test_discussed_efforts_in_a_relative_clause_are_no_appeal(extract: Extract, text: str) -> None:
    assert urgers(extract(text, published=DAY)) == set()
