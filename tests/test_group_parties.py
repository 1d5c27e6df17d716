"""Group words and joint statements resolved against the parties of the call (or meeting) just
reported (issue 14, discourse state): a dual group noun (الجانبان، الزعيمان الأوروبيان، من
جهتهما …) is the call's two parties, as persons where persons were on the call, not the last two
places or states of a "relations between the two countries" phrase; an impersonal statement of
the call is every party's; الجميع / جميعهم / المشاركون after a list are all of them. The
negatives: a group with no call before it, the sides addressed by a third party's appeal, and the
sides of someone else's war. Sentences written for these tests, varied in names, states, word
orders and group words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import urgers

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
PUTIN, ERDOGAN = "person/vladimir-putin", "person/recep-tayyip-erdogan"
MACRON, SISI = "person/emmanuel-macron", "person/abdel-fattah-el-sisi"
BIDEN, SCHOLZ = "person/joe-biden", "person/olaf-scholz"
MELONI, SANCHEZ = "person/giorgia-meloni", "person/pedro-sanchez"
LAVROV, SAFADI, SHOUKRY = "person/sergey-lavrov", "person/ayman-safadi", "person/sameh-shoukry"
BLINKEN, FAISAL = "person/antony-blinken", "person/faisal-bin-farhan-al-saud"
ABDULLAH_BZ = "person/abdullah-bin-zayed-al-nahyan"
TEBBOUNE, ABDULLAH = "person/abdelmadjid-tebboune", "person/abdullah-ii-of-jordan"
TAMIM, MBS = "person/tamim-bin-hamad-al-thani", "person/mohammed-bin-salman"
RUTO, TINUBU = "person/william-ruto", "person/bola-tinubu"
GUTERRES = "person/antonio-guterres"
USA = "state/US"

PUTIN_ERDOGAN = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان. "
MACRON_SISI = "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون. "
BLINKEN_FAISAL = "هاتف وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي الأمير فيصل بن فرحان. "
TAMIM_MBS = "تلقى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا من ولي العهد السعودي الأمير محمد بن سلمان. "
RUTO_TINUBU = "بحث الرئيس الكيني وليام روتو هاتفيا مع الرئيس النيجيري بولا تينوبو الأوضاع في المنطقة. "
TEBBOUNE_ABDULLAH = "اتصل الرئيس الجزائري عبد المجيد تبون بالعاهل الأردني الملك عبد الله الثاني. "


def probe(extract: Extract, text: str) -> set[str]:
    """Who urged any goal in ``text``."""
    return urgers(extract(text, published=DAY))


# -- 1. a dual group noun as subject is the call's two parties, as persons ------------------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        # the places of the sentence before the group are not its members
        (PUTIN_ERDOGAN + "وبحث الرئيسان الأوضاع في سوريا ولبنان، وأكد الجانبان أهمية الحوار.", {PUTIN, ERDOGAN}),
        (RUTO_TINUBU + "وتطرق الطرفان إلى الوضع في السودان وتشاد، وشددا على ضرورة وقف إطلاق النار.", {RUTO, TINUBU}),
        # the states of a "relations between" phrase are not the sides
        (
            MACRON_SISI + "وتناول الاتصال العلاقات بين مصر وفرنسا، وشدد الطرفان على ضرورة وقف إطلاق النار.",
            {MACRON, SISI},
        ),
        (
            TAMIM_MBS + "واستعرض الاتصال العلاقات الأخوية بين قطر والسعودية، وأكد الجانبان أهمية خفض التصعيد.",
            {TAMIM, MBS},
        ),
        (BLINKEN_FAISAL + "وأعرب المسؤولان عن دعمهما لجهود التهدئة في اليمن.", {BLINKEN, FAISAL}),
        (TEBBOUNE_ABDULLAH + "وأكد كل من الزعيمين ضرورة ضبط النفس.", {TEBBOUNE, ABDULLAH}),
        (TAMIM_MBS + "ومن جانبهما، دعا القائدان إلى خفض التصعيد في المنطقة.", {TAMIM, MBS}),
        (BLINKEN_FAISAL + "ومن جهتهما، شدد الوزيران على أهمية الحل السياسي في السودان.", {BLINKEN, FAISAL}),
        (RUTO_TINUBU + "وأوضح بيان الرئاسة أن الرئيسين اتفقا على ضرورة الحوار بين الفرقاء.", {RUTO, TINUBU}),
    ],
)
def test_a_dual_group_is_the_calls_parties(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- 1b. a descriptive adjective keeps the parties that fit it ------------------------------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "أجرى المستشار الألماني أولاف شولتس اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن ورئيسة الوزراء "
            "الإيطالية جورجيا ميلوني. وشدد الزعيمان الأوروبيان على ضرورة وقف إطلاق النار.",
            {SCHOLZ, MELONI},
        ),
        (
            "أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع المستشار الألماني أولاف شولتس ورئيس الوزراء "
            "الإسباني بيدرو سانشيز. وأكد الزعيمان الأوروبيان أهمية الحل الدبلوماسي.",
            {SCHOLZ, SANCHEZ},
        ),
        (
            "أجرى وزير الخارجية السعودي الأمير فيصل بن فرحان اتصالين هاتفيين مع وزير الخارجية الأمريكي أنتوني "
            "بلينكن ووزير الخارجية الإماراتي الشيخ عبد الله بن زايد. ودعا الوزيران الخليجيان إلى خفض التصعيد.",
            {FAISAL, ABDULLAH_BZ},
        ),
        (
            "أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا مع نظيريه الأردني أيمن الصفدي والمصري "
            "سامح شكري. وأكد الوزيران العربيان ضرورة وقف إطلاق النار في غزة.",
            {SAFADI, SHOUKRY},
        ),
        (
            "أجرى الرئيس الروسي فلاديمير بوتين اتصالين هاتفيين مع الرئيس التركي رجب طيب أردوغان والرئيس "
            "المصري عبد الفتاح السيسي. وأكد الرئيسان الروسي والتركي ضرورة الحوار.",
            {PUTIN, ERDOGAN},
        ),
    ],
)
def test_a_descriptive_group_keeps_the_parties_that_fit(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- 2. an impersonal statement of the call is each party's, as the persons on it ------------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            MACRON_SISI + "وجرى خلال الاتصال استعراض العلاقات بين البلدين، والتشديد على أهمية الحوار لحل "
            "الخلافات في المنطقة.",
            {MACRON, SISI},
        ),
        (
            PUTIN_ERDOGAN + "وتم خلال المكالمة بحث التعاون بين روسيا وتركيا، والتأكيد على ضرورة وقف إطلاق النار "
            "في سوريا.",
            {PUTIN, ERDOGAN},
        ),
        (TEBBOUNE_ABDULLAH + "كما جرى التأكيد على أهمية خفض التصعيد في لبنان.", {TEBBOUNE, ABDULLAH}),
        (
            RUTO_TINUBU + "وتم خلال الاتصال تبادل وجهات النظر حول العلاقات الثنائية، والتأكيد على ضرورة إيصال "
            "المساعدات إلى السودان.",
            {RUTO, TINUBU},
        ),
        (
            TAMIM_MBS + "وجرى خلال الاتصال بحث سبل تعزيز العلاقات بين البلدين الشقيقين، إضافة إلى التشديد على "
            "ضرورة ضبط النفس.",
            {TAMIM, MBS},
        ),
        (BLINKEN_FAISAL + "وجرى الاتفاق خلال الاتصال على أهمية الحل الدبلوماسي في اليمن.", {BLINKEN, FAISAL}),
    ],
)
def test_an_impersonal_statement_is_every_partys(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- 3. الجميع / جميعهم / المشاركون after a list are all of them -----------------------------------
MACRON_THREE = (
    "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالات هاتفية مع المستشار الألماني أولاف شولتس ورئيسة "
    "الوزراء الإيطالية جورجيا ميلوني ورئيس الوزراء الإسباني بيدرو سانشيز"
)


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (MACRON_THREE + "، وأكد الجميع ضرورة خفض التصعيد.", {MACRON, SCHOLZ, MELONI, SANCHEZ}),
        (MACRON_THREE + ". وشدد الكل على أهمية الحوار.", {MACRON, SCHOLZ, MELONI, SANCHEZ}),
        (MACRON_THREE + ". وأكدوا جميعا على ضرورة وقف إطلاق النار.", {MACRON, SCHOLZ, MELONI, SANCHEZ}),
        (MACRON_THREE + ". ودعا جميعهم إلى ضبط النفس.", {MACRON, SCHOLZ, MELONI, SANCHEZ}),
        (
            "شارك في الاجتماع وزير الخارجية المصري سامح شكري ونظيره الأردني أيمن الصفدي ووزير الخارجية "
            "السعودي الأمير فيصل بن فرحان. وأكد المشاركون ضرورة وقف إطلاق النار.",
            {SHOUKRY, SAFADI, FAISAL},
        ),
    ],
)
def test_everyone_after_a_list_is_all_of_them(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- 4. negatives -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "وشدد الزعيمان الأوروبيان على ضرورة الحوار.",
        "وأكد المسؤولان من جهتهما أهمية خفض التصعيد.",
        "وجرى التأكيد على ضرورة وقف إطلاق النار في القطاع.",
        "ودعا الجميع إلى ضبط النفس.",
        # the sides of someone else's war
        "وأعلن الطرفان المتحاربان في السودان التزامهما بالهدنة.",
        PUTIN_ERDOGAN + "وفي اليمن، دعا الطرفان المتنازعان إلى الحوار.",
    ],
)
def test_a_group_with_no_parties_names_nobody(extract: Extract, text: str) -> None:
    assert probe(extract, text) == set()


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (PUTIN_ERDOGAN + "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الجانبين إلى ضبط النفس.", {GUTERRES}),
        (RUTO_TINUBU + "وحث البيت الأبيض الطرفين على الحوار.", {USA}),
        (MACRON_SISI + "وطالب الرئيس التركي رجب طيب أردوغان الجانبين بوقف إطلاق النار.", {ERDOGAN}),
        (TAMIM_MBS + "ودعا الرئيس الأمريكي جو بايدن الجميع إلى خفض التصعيد.", {BIDEN}),
        # the callers urging the belligerents: the callers, not the belligerents
        (PUTIN_ERDOGAN + "وحث الزعيمان الطرفين المتحاربين على وقف إطلاق النار.", {PUTIN, ERDOGAN}),
    ],
)
def test_the_sides_addressed_by_an_appeal_are_not_its_agents(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- 5. the parties of an in-person meeting, and a meeting reported after a call -------------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "التقى الرئيس المصري عبد الفتاح السيسي العاهل الأردني الملك عبد الله الثاني في القاهرة. "
            "وجرى خلال اللقاء التأكيد على ضرورة وقف إطلاق النار.",
            {SISI, ABDULLAH},
        ),
        (
            "اجتمع الرئيس التركي رجب طيب أردوغان مع أمير قطر الشيخ تميم بن حمد آل ثاني في أنقرة، وتم خلال "
            "الاجتماع التشديد على أهمية خفض التصعيد.",
            {ERDOGAN, TAMIM},
        ),
        (
            "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف. وشدد الجانبان على "
            "أهمية الحل السياسي.",
            {SISI, LAVROV},
        ),
        (
            PUTIN_ERDOGAN + "وفي وقت لاحق، استقبل الرئيس الروسي فلاديمير بوتين الرئيس المصري عبد الفتاح السيسي "
            "في موسكو. وأكد الزعيمان ضرورة الحوار.",
            {PUTIN, SISI},
        ),
        (
            "اجتمع وزير الخارجية المصري سامح شكري ونظيره الأردني أيمن الصفدي ووزير الخارجية السعودي الأمير "
            "فيصل بن فرحان في عمان. وأكد الجميع ضرورة وقف إطلاق النار.",
            {SHOUKRY, SAFADI, FAISAL},
        ),
    ],
)
def test_the_parties_of_a_meeting(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- 6. more forms: كلا، من جهتهما inside the clause, a plural regional group, a statement's source --
SUNAK = "person/rishi-sunak"
BIDEN_THREE = (
    "أجرى الرئيس الأمريكي جو بايدن اتصالات هاتفية مع المستشار الألماني أولاف شولتس والرئيس الفرنسي "
    "إيمانويل ماكرون ورئيس الوزراء البريطاني ريشي سوناك. "
)


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (MACRON_SISI + "وأكد كلا الجانبين ضرورة الحوار.", {MACRON, SISI}),
        (PUTIN_ERDOGAN + "وشدد الزعيمان، من جهتهما، على ضرورة ضبط النفس.", {PUTIN, ERDOGAN}),
        (MACRON_SISI + "وأعرب الطرفان عن أملهما في التوصل إلى وقف لإطلاق النار.", {MACRON, SISI}),
        (BIDEN_THREE + "وأكد القادة الأوروبيون ضرورة خفض التصعيد.", {SCHOLZ, MACRON, SUNAK}),
        (PUTIN_ERDOGAN + "وبحسب الكرملين، تم التشديد على أهمية خفض التصعيد.", {PUTIN, ERDOGAN}),
        (BIDEN_THREE + "وأكد القادة الثلاثة جميعهم ضرورة خفض التصعيد.", {BIDEN, SCHOLZ, MACRON, SUNAK}),
        (PUTIN_ERDOGAN + "وتم الاتفاق بين الجانبين على أهمية الحل السياسي.", {PUTIN, ERDOGAN}),
        (TAMIM_MBS + "وشهد الاتصال تأكيد الطرفين على ضرورة وقف إطلاق النار.", {TAMIM, MBS}),
        (
            PUTIN_ERDOGAN + "وناقش الجانبان الوضع في أوكرانيا، وجدد الطرفان دعوتهما إلى الحل الدبلوماسي.",
            {PUTIN, ERDOGAN},
        ),
        (PUTIN_ERDOGAN + "ونقل البيان عن الزعيمين تأكيدهما على ضرورة ضبط النفس.", {PUTIN, ERDOGAN}),
        (
            "أجرى وزير الخارجية السعودي الأمير فيصل بن فرحان اتصالين هاتفيين مع وزير الخارجية الأمريكي أنتوني "
            "بلينكن ووزير الخارجية الإماراتي الشيخ عبد الله بن زايد. ونقل البيان عن الوزيرين الخليجيين "
            "دعوتهما إلى خفض التصعيد.",
            {FAISAL, ABDULLAH_BZ},
        ),
        (RUTO_TINUBU + "وأشار بيان الرئاسة إلى حرصهما على ضرورة إيصال المساعدات.", {RUTO, TINUBU}),
    ],
)
def test_more_forms_of_the_calls_parties(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- negatives: an adjective that fits no party, a new subject after the impersonal verb ------------
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (PUTIN_ERDOGAN + "وشدد الرئيسان الأفريقيان على ضرورة الحوار.", set()),
        (PUTIN_ERDOGAN + "وتم خلال الاتصال بحث العلاقات، وشدد بوتين على أهمية الحوار.", {PUTIN}),
        (PUTIN_ERDOGAN + "ودعا الرئيس الفرنسي إيمانويل ماكرون الزعيمين إلى الحوار.", {MACRON}),
        ("وجرى خلال الاجتماع التشديد على ضرورة الحوار.", set()),
        ("ونقل البيان تأكيدهما على ضرورة الحوار.", set()),
        (
            "استقبل الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون. وأكد الكل أهمية الحوار.",
            set(),
        ),
        (PUTIN_ERDOGAN + "وحثهما الأمين العام للأمم المتحدة أنطونيو غوتيريش على ضبط النفس.", {GUTERRES}),
        (MACRON_SISI + "وشدد الوزيران الخليجيان على أهمية وقف إطلاق النار.", set()),
    ],
)
def test_no_party_fits(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- negatives: the sides named in a third party's hope, also in a second «وأن» clause --------------
WANG, TURKEY = "person/wang-yi", "state/TR"


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "وأعرب وزير الخارجية الصيني وانغ يي عن أمله في أن يتحلى الجانبان الروسي والأوكراني بضبط النفس، "
            "وأن يعملا على خفض التصعيد.",
            {WANG},
        ),
        ("وتأمل تركيا أن يلتزم الطرفان السودانيان بالهدنة، وأن يعودا إلى طاولة الحوار.", {TURKEY}),
        (
            PUTIN_ERDOGAN + "وأعرب الرئيس الفرنسي إيمانويل ماكرون عن أمله في أن يواصل الزعيمان الحوار، وأن "
            "يدعوا إلى وقف إطلاق النار.",
            {MACRON},
        ),
    ],
)
def test_the_sides_in_a_third_partys_hope_are_not_its_agents(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- a feminine dual verb (حثتا، طالبتا، ناشدتا) carries the two named before; its object is addressed -
EGYPT, JORDAN, QATAR, SAUDI = "state/EG", "state/JO", "state/QA", "state/SA"


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        ("أكدت مصر والأردن، في بيان مشترك، وحثتا الأطراف على الحوار.", {EGYPT, JORDAN}),
        ("رحبت قطر والسعودية بالاتفاق، وطالبتا الأطراف بالالتزام بوقف إطلاق النار.", {QATAR, SAUDI}),
        ("وأدانت مصر وقطر الهجوم، وناشدتا الأطراف ضبط النفس.", {EGYPT, QATAR}),
    ],
)
def test_a_feminine_dual_verb_after_two_states(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents


# -- round 5: other word orders and tenses; المشاركون after a call; nationalities of addressed sides --
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (PUTIN_ERDOGAN + "الزعيمان يؤكدان ضرورة وقف إطلاق النار.", {PUTIN, ERDOGAN}),
        (TEBBOUNE_ABDULLAH + "ويؤكد الجانبان أهمية الحل السياسي.", {TEBBOUNE, ABDULLAH}),
        (MACRON_SISI + "وجدد الاتصال دعوة الطرفين إلى الحل السياسي.", {MACRON, SISI}),
        (
            BLINKEN_FAISAL + "وشدد المسؤولان، خلال الاتصال الذي استمر نصف ساعة، على ضرورة خفض التصعيد.",
            {BLINKEN, FAISAL},
        ),
        (RUTO_TINUBU + "وحث الرئيسان طرفي النزاع في السودان على وقف إطلاق النار.", {RUTO, TINUBU}),
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا جماعيا مع المستشار الألماني أولاف شولتس ورئيسة "
            "الوزراء الإيطالية جورجيا ميلوني. وأكد المشاركون في الاتصال ضرورة خفض التصعيد.",
            {MACRON, SCHOLZ, MELONI},
        ),
        (PUTIN_ERDOGAN + "ودعا بوتين الجانبين الأرميني والأذربيجاني إلى ضبط النفس.", {PUTIN}),
        ("وأكد المشاركون في المؤتمر ضرورة وقف إطلاق النار.", set()),
    ],
)
def test_other_orders_and_tenses(extract: Extract, text: str, agents: set[str]) -> None:
    assert probe(extract, text) == agents
