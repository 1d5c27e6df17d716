"""Warnings stated as a threat or a harm to come, and the initiative noun before a call noun
(issue 14, "Warnings, thanks and direction"): sentences written for each sub-type, in other
names, states and word orders, beside negatives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)
RUTO = "person/william-ruto"
ERDOGAN = "person/recep-tayyip-erdogan"
SANCHEZ = "person/pedro-sanchez"
MACRON = "person/emmanuel-macron"
ZELENSKYY = "person/volodymyr-zelenskyy"
PUTIN = "person/vladimir-putin"
TINUBU = "person/bola-tinubu"
SISI = "person/abdel-fattah-el-sisi"


# -- 1. a threat of widening, a harm to come, said by a speaker -----------------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("وقال الرئيس الكيني وليام روتو إن استمرار القتال يهدد بانزلاق المنطقة إلى حرب أوسع.", RUTO),
        ("وأضاف رئيس الوزراء الإسباني بيدرو سانشيز أن الهجمات المتبادلة تهدد بتوسيع رقعة الصراع.", SANCHEZ),
        ("وقال الرئيس التركي رجب طيب أردوغان إن استمرار الحصار ينعكس سلبا على أمن المنطقة.", ERDOGAN),
        ("وأوضح الرئيس الفرنسي إيمانويل ماكرون أن التصعيد سينعكس سلبا على استقرار أوروبا.", MACRON),
    ],
)
def test_a_threat_or_harm_to_come_is_the_speakers_warning(extract: Extract, text: str, agent: str) -> None:
    assert (agent,) in keys(extract(text, published=DAY), "warned")


# -- 2. through an embedded أن-clause (من شأنه أن …) -----------------------------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("واعتبر الرئيس التركي رجب طيب أردوغان أن استمرار الحصار من شأنه أن ينعكس سلبا على المنطقة.", ERDOGAN),
        ("ورأى الرئيس الكيني وليام روتو أن الهجوم من شأنه أن يهدد بانفجار الأوضاع في الإقليم.", RUTO),
        ("وقال رئيس الوزراء الإسباني بيدرو سانشيز إن الحرب من شأنها أن تهدد باتساع الصراع.", SANCHEZ),
    ],
)
def test_a_danger_reported_through_two_clauses(extract: Extract, text: str, agent: str) -> None:
    assert (agent,) in keys(extract(text, published=DAY), "warned")


# -- 3. a grave consequence or the risks of escalation as the warning noun ------------------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("وشدد الرئيس التركي رجب طيب أردوغان على ضرورة التعامل بجدية مع مخاطر التصعيد الإقليمي.", ERDOGAN),
        ("وأدان الرئيس الكيني وليام روتو الهجمات محذرا من عواقب خطيرة على الأمن الإقليمي.", RUTO),
        ("ونبه الرئيس الفرنسي إيمانويل ماكرون إلى خطر اتساع الحرب في الشرق الأوسط.", MACRON),
    ],
)
def test_grave_consequences_and_risks_of_escalation(extract: Extract, text: str, agent: str) -> None:
    assert (agent,) in keys(extract(text, published=DAY), "warned")


@pytest.mark.parametrize(
    "text",
    [
        "ويهدد استمرار القتال بانزلاق المنطقة إلى حرب أوسع.",
        "وقال الرئيس الكيني وليام روتو إن الاتفاق لا ينعكس سلبا على أحد.",
        "وأضاف الرئيس التركي رجب طيب أردوغان أن التعاون بين البلدين سيتوسع.",
    ],
)
def test_no_speaker_negated_or_no_danger_no_warning(extract: Extract, text: str) -> None:
    assert not keys(extract(text, published=DAY), "warned")


# -- 4. بمبادرة + the call noun: the clause's subject placed the call ------------------------
def _initiators(result: ArticleResult) -> set[tuple[tuple[str, ...], str | None]]:
    """Each call as its sorted pair of parties with its initiator (``None`` when not said)."""
    out: set[tuple[tuple[str, ...], str | None]] = set()
    for fact in result.facts:
        if fact.relation == "called" and fact.b is not None:
            who = fact.a.key if fact.initiator == "a" else fact.b.key if fact.initiator == "b" else None
            out.add((tuple(sorted((fact.a.key, fact.b.key))), who))
    return out


@pytest.mark.parametrize(
    ("text", "initiator", "other"),
    [
        (
            "وبدأ الرئيس الأوكراني فولوديمير زيلينسكي ولايته بمبادرة الاتصال الهاتفي مع الرئيس الروسي فلاديمير بوتين.",
            ZELENSKYY,
            PUTIN,
        ),
        (
            "واستهل الرئيس الكيني وليام روتو زيارته بمبادرة اتصال هاتفي مع الرئيس النيجيري بولا تينوبو.",
            RUTO,
            TINUBU,
        ),
        (
            "وقام الرئيس المصري عبد الفتاح السيسي بمبادرة الاتصال مع الرئيس التركي رجب طيب أردوغان أمس.",
            SISI,
            ERDOGAN,
        ),
    ],
)
def test_initiative_noun_before_the_call_noun(extract: Extract, text: str, initiator: str, other: str) -> None:
    assert (tuple(sorted((initiator, other))), initiator) in _initiators(extract(text, published=DAY))


def test_appreciating_an_initiative_to_call_names_no_initiator(extract: Extract) -> None:
    text = "وأعرب الرئيس التركي رجب طيب أردوغان عن تقديره لمبادرة الاتصال الهاتفي مع الرئيس الفرنسي إيمانويل ماكرون."
    assert (tuple(sorted((ERDOGAN, MACRON))), ERDOGAN) not in _initiators(extract(text, published=DAY))


# -- 5. بمبادرة من الأخير / الأول: the latter or the former of the two named before ----------
@pytest.mark.parametrize(
    ("text", "initiator", "other"),
    [
        ("أجري اتصال هاتفي بين الرئيس الكيني وليام روتو والرئيس النيجيري بولا تينوبو بمبادرة من الأخير.", TINUBU, RUTO),
        (
            "وجرى اتصال بين الرئيس المصري عبد الفتاح السيسي والرئيس التركي رجب طيب أردوغان بمبادرة من الأول.",
            SISI,
            ERDOGAN,
        ),
        (
            "وتم اتصال هاتفي بين الرئيس الروسي فلاديمير بوتين والرئيس الفرنسي إيمانويل ماكرون بناء على طلب الأخير.",
            MACRON,
            PUTIN,
        ),
    ],
)
def test_initiative_of_the_latter_or_the_former(extract: Extract, text: str, initiator: str, other: str) -> None:
    assert (tuple(sorted((initiator, other))), initiator) in _initiators(extract(text, published=DAY))


# -- 6. اتصال من X إلى Y: X called Y ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "initiator", "other"),
    [
        ("وأجري اتصال هاتفي من الرئيس الكيني وليام روتو إلى الرئيس النيجيري بولا تينوبو.", RUTO, TINUBU),
        ("وجاء الاتصال من الرئيس التركي رجب طيب أردوغان إلى الرئيس المصري عبد الفتاح السيسي.", ERDOGAN, SISI),
        (
            "وكانت مكالمة هاتفية من الرئيس الفرنسي إيمانويل ماكرون إلى الرئيس الروسي فلاديمير بوتين قد سبقت القمة.",
            MACRON,
            PUTIN,
        ),
    ],
)
def test_a_call_from_one_to_another(extract: Extract, text: str, initiator: str, other: str) -> None:
    assert (tuple(sorted((initiator, other))), initiator) in _initiators(extract(text, published=DAY))


def test_from_without_to_is_no_directed_pair(extract: Extract) -> None:
    text = "وتلقى الرئيس المصري عبد الفتاح السيسي اتصالا من الرئيس التركي رجب طيب أردوغان إلى جانب رسائل أخرى."
    assert (tuple(sorted((SISI, ERDOGAN))), SISI) not in _initiators(extract(text, published=DAY))


# -- 7. "في اتصال هاتفي تلقاه من X، أكد Y": the pronoun on the verb is the main subject -------
@pytest.mark.parametrize(
    ("text", "initiator", "other"),
    [
        (
            "وفي اتصال هاتفي تلقاه من الرئيس التركي رجب طيب أردوغان، أكد الرئيس المصري عبد الفتاح السيسي"
            " ضرورة التهدئة.",
            ERDOGAN,
            SISI,
        ),
        (
            "وفي الاتصال الهاتفي الذي تلقاه من الرئيس الروسي فلاديمير بوتين، شدد الرئيس التركي رجب طيب أردوغان"
            " على الحوار.",
            PUTIN,
            ERDOGAN,
        ),
        (
            "أكد الرئيس الكيني وليام روتو، في اتصال هاتفي تلقاه من الرئيس النيجيري بولا تينوبو، دعم بلاده للتهدئة.",
            TINUBU,
            RUTO,
        ),
    ],
)
def test_a_call_received_in_a_relative_clause(extract: Extract, text: str, initiator: str, other: str) -> None:
    assert (tuple(sorted((initiator, other))), initiator) in _initiators(extract(text, published=DAY))


# -- 8. after a comma the relative clause is over: thanks and warnings in the main clause's name
MIKATI = "person/najib-mikati"
FRANCE = "state/FR"
GERMANY = "state/DE"
EGYPT = "state/EG"


@pytest.mark.parametrize(
    ("text", "agent", "thanked"),
    [
        (
            "وقال رئيس الوزراء اللبناني نجيب ميقاتي إنه يؤيد النداء الذي أصدرته فرنسا وألمانيا، معربا عن شكره"
            " للرئيس الفرنسي إيمانويل ماكرون على دعمه.",
            MIKATI,
            MACRON,
        ),
        (
            "ورحب الرئيس الكيني وليام روتو بالمبادرة التي أطلقتها مصر، وشكره للرئيس التركي رجب طيب أردوغان.",
            RUTO,
            ERDOGAN,
        ),
        (
            "وأيد الرئيس الأوكراني فولوديمير زيلينسكي الخطة التي قدمتها فرنسا، معربا عن امتنانه للرئيس المصري"
            " عبد الفتاح السيسي.",
            ZELENSKYY,
            SISI,
        ),
    ],
)
def test_thanks_after_a_relative_clause_are_the_main_subjects(
    extract: Extract, text: str, agent: str, thanked: str
) -> None:
    found = keys(extract(text, published=DAY), "thanked")
    assert (agent, thanked) in found
    assert not {a for a, _ in found} & {FRANCE, GERMANY, EGYPT}


def test_a_warning_after_a_relative_clause_is_the_main_subjects(extract: Extract) -> None:
    text = "وأشاد الرئيس الكيني وليام روتو بالمبادرة التي أطلقتها مصر، محذرا من عواقب وخيمة لاستمرار الحرب."
    warned = keys(extract(text, published=DAY), "warned")
    assert (RUTO,) in warned
    assert (EGYPT,) not in warned


def test_a_relative_clause_subject_thanks_without_a_comma(extract: Extract) -> None:
    text = "ونقل الرئيس المصري عبد الفتاح السيسي الرسالة التي شكرت فيها فرنسا الرئيس التركي رجب طيب أردوغان."
    assert (FRANCE, ERDOGAN) in keys(extract(text, published=DAY), "thanked")


# -- 9. a speech participle with no subject goes on with the speaker named in the sentence ----
@pytest.mark.parametrize(
    ("text", "agent", "thanked"),
    [
        (
            "استقبل الرئيس الفرنسي إيمانويل ماكرون الرئيس الأوكراني فولوديمير زيلينسكي. وقال زيلينسكي:"
            ' "نحن ممتنون لكم"، مضيفا أنه وجه الشكر لفرنسا على دعمها.',
            ZELENSKYY,
            FRANCE,
        ),
        (
            "التقى الرئيس التركي رجب طيب أردوغان الرئيس الكيني وليام روتو. وقال روتو إن المحادثات كانت مثمرة،"
            " مضيفا أنه أعرب عن شكره لتركيا على موقفها.",
            RUTO,
            "state/TR",
        ),
        (
            "اتصل الرئيس الروسي فلاديمير بوتين بالرئيس المصري عبد الفتاح السيسي. وصرح السيسي بأن الاتصال كان"
            " بناء، مضيفا أنه وجه الشكر إلى روسيا على موقفها.",
            SISI,
            "state/RU",
        ),
    ],
)
def test_a_speech_participle_goes_on_with_the_speaker(extract: Extract, text: str, agent: str, thanked: str) -> None:
    assert (agent, thanked) in keys(extract(text, published=DAY), "thanked")


# -- 10. thanks addressed with إلى -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "thanked"),
    [
        ("ووجه الرئيس المصري عبد الفتاح السيسي الشكر إلى روسيا على موقفها.", SISI, "state/RU"),
        ("وقدم الرئيس الكيني وليام روتو شكره إلى الرئيس النيجيري بولا تينوبو.", RUTO, TINUBU),
        ("وبعث الرئيس الفرنسي إيمانويل ماكرون بالشكر إلى الرئيس التركي رجب طيب أردوغان على جهوده.", MACRON, ERDOGAN),
    ],
)
def test_thanks_addressed_with_ila(extract: Extract, text: str, agent: str, thanked: str) -> None:
    assert (agent, thanked) in keys(extract(text, published=DAY), "thanked")


def test_a_place_after_the_thanks_is_not_thanked(extract: Extract) -> None:
    text = "وشكر الرئيس الكيني وليام روتو الحضور في ألمانيا على مشاركتهم."
    assert not {b for _, b in keys(extract(text, published=DAY), "thanked")} & {GERMANY}


# -- 11. a call word with no verb, then من and a person: that person called the subject ------
MERZ = "person/friedrich-merz"
MELONI = "person/giorgia-meloni"


@pytest.mark.parametrize(
    ("text", "initiator", "other"),
    [
        (
            "وقال الرئيس الكيني وليام روتو، خلال اتصال من الرئيس النيجيري بولا تينوبو، إن بلاده تدعم التهدئة.",
            TINUBU,
            RUTO,
        ),
        (
            "وأكد الرئيس المصري عبد الفتاح السيسي، في اتصال هاتفي من الرئيس التركي رجب طيب أردوغان، ضرورة التهدئة.",
            ERDOGAN,
            SISI,
        ),
        (
            "وخلال اتصال من المستشار الألماني فريدريش ميرتس، شددت رئيسة الوزراء الإيطالية جورجيا ميلوني على الحوار.",
            MERZ,
            MELONI,
        ),
    ],
)
def test_a_call_from_a_person_with_no_verb(extract: Extract, text: str, initiator: str, other: str) -> None:
    assert (tuple(sorted((initiator, other))), initiator) in _initiators(extract(text, published=DAY))


def test_a_call_from_a_city_is_no_call(extract: Extract) -> None:
    text = "وقال الرئيس الكيني وليام روتو، خلال اتصال من القاهرة، إن بلاده تدعم التهدئة."
    assert not keys(extract(text, published=DAY), "called")


# -- 12. a reply to a call (ردا على اتصال من X): على is not "in contact" here ---------------------
@pytest.mark.parametrize(
    ("text", "initiator", "other"),
    [
        (
            "وقال الرئيس الكيني وليام روتو، ردا على اتصال من الرئيس النيجيري بولا تينوبو، إن بلاده تدعم التهدئة.",
            TINUBU,
            RUTO,
        ),
        (
            "وأكدت رئيسة الوزراء الإيطالية جورجيا ميلوني، في ردها على اتصال من المستشار الألماني فريدريش ميرتس،"
            " دعمها للحوار.",
            MERZ,
            MELONI,
        ),
        (
            "وشدد الرئيس المصري عبد الفتاح السيسي، في رده على اتصال من الرئيس التركي رجب طيب أردوغان، على التهدئة.",
            ERDOGAN,
            SISI,
        ),
    ],
)
def test_a_reply_to_a_call(extract: Extract, text: str, initiator: str, other: str) -> None:
    assert (tuple(sorted((initiator, other))), initiator) in _initiators(extract(text, published=DAY))


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الرئيس المصري عبد الفتاح السيسي أن بلاده على اتصال دائم مع تركيا.",
        "وقال الرئيس الكيني وليام روتو إن بلاده على اتصال مع الرئيس النيجيري بولا تينوبو.",
        "وقال الرئيس الكيني وليام روتو إن مكتبه يرد على اتصالات المواطنين كل يوم.",
    ],
)
def test_in_contact_is_no_call(extract: Extract, text: str) -> None:
    assert not keys(extract(text, published=DAY), "called")


# -- 7. a danger stated by a stance verb, dangers named by a noun, and the writer's frame ------
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("وأكد الرئيس الكيني وليام روتو أن المنطقة تشهد تصعيدا خطيرا يهدد بتقويض أمنها.", RUTO),
        ("وشدد الرئيس التركي رجب طيب أردوغان على أن استمرار القتال يشكل تهديدا للمنطقة.", ERDOGAN),
        ("واعتبر الرئيس المصري عبد الفتاح السيسي أن الحصار يهدد باتساع رقعة الصراع.", SISI),
    ],
)
def test_a_danger_stated_after_a_stance_verb_is_a_warning(extract: Extract, text: str, agent: str) -> None:
    assert (agent,) in keys(extract(text, published=DAY), "warned")


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("ودعا الرئيس الكيني وليام روتو إلى تجنب أي تصعيد ستكون له بلا شك مآلات خطيرة.", RUTO),
        ("وقال الرئيس الفرنسي إيمانويل ماكرون إن الهجوم سيجر المنطقة إلى حرب مفتوحة.", MACRON),
        ("وحذر الرئيس النيجيري بولا تينوبو من مواجهة شاملة في الإقليم.", TINUBU),
    ],
)
def test_dangers_named_by_a_noun_phrase(extract: Extract, text: str, agent: str) -> None:
    assert (agent,) in keys(extract(text, published=DAY), "warned")


@pytest.mark.parametrize(
    "text",
    [
        "وبحث الرئيسان الأوضاع في المنطقة، وسط تصاعد المخاوف من انزلاق الوضع نحو مواجهة شاملة.",
        "وأكد الرئيس الكيني وليام روتو أن المحادثات جرت في أجواء ودية.",
        "وقالت الصحيفة إن المنطقة تشهد تصعيدا يهدد بتقويض أمنها.",
    ],
)
def test_a_framed_danger_or_no_danger_is_no_warning(extract: Extract, text: str) -> None:
    assert not keys(extract(text, published=DAY), "warned")
