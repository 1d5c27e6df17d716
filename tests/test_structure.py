"""Structure and discourse (issue 14, items 3-4): bulleted and long lists of counterparts,
group anaphora resolved against the article's call parties, relative clauses after the
call noun. Sentences written for the phenomena of PHENOMENA.md's "S" part."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys, urgers

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)
ERDOGAN = "person/recep-tayyip-erdogan"
MACRON = "person/emmanuel-macron"
MERZ = "person/friedrich-merz"
MELONI = "person/giorgia-meloni"
STARMER = "person/keir-starmer"
LULA = "person/luiz-inacio-lula-da-silva"
SISI = "person/abdel-fattah-el-sisi"
TEBBOUNE = "person/abdelmadjid-tebboune"
RAMAPHOSA = "person/cyril-ramaphosa"
TINUBU = "person/bola-tinubu"
ALBARES = "person/jose-manuel-albares"
SAFADI = "person/ayman-safadi"
ABDELATTY = "person/badr-abdelatty"
ARAGHCHI = "person/abbas-araghchi"
FIDAN = "person/hakan-fidan"
LAVROV = "person/sergey-lavrov"
WANG_YI = "person/wang-yi"
BARROT = "person/jean-noel-barrot"
TAJANI = "person/antonio-tajani"
FAISAL = "person/faisal-bin-farhan-al-saud"


# -- S-group (a): الجميع / الكل after a list of callers ----------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالين من الرئيس الفرنسي إيمانويل ماكرون "
            "والمستشار الألماني فريدريش ميرتس. وأكد الجميع ضرورة وقف إطلاق النار.",
            {ERDOGAN, MACRON, MERZ},
        ),
        (
            "أجرى وزير الخارجية السعودي الأمير فيصل بن فرحان اتصالات هاتفية مع وزير الخارجية الأردني "
            "أيمن الصفدي ووزير الخارجية المصري بدر عبد العاطي. ودعا الكل إلى خفض التصعيد.",
            {FAISAL, SAFADI, ABDELATTY},
        ),
        (
            "وفي اتصالين هاتفيين منفصلين، بحث وزير الخارجية الروسي سيرغي لافروف مع نظيريه الصيني وانغ يي "
            "والتركي هاكان فيدان تطورات الأزمة. وشدد الجميع على أهمية الحوار.",
            {LAVROV, WANG_YI, FIDAN},
        ),
    ],
)
def test_everyone_after_calls_is_every_party(extract: Extract, text: str, expected: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == expected


def test_everyone_without_a_call_is_nobody(extract: Extract) -> None:
    text = (
        "التقى الرئيس التركي رجب طيب أردوغان الرئيس الفرنسي إيمانويل ماكرون في باريس. "
        "وشدد الجميع على ضرورة وقف إطلاق النار."
    )
    assert urgers(extract(text, published=DAY)) == set()


def test_everyone_as_an_object_is_nobody(extract: Extract) -> None:
    text = (
        "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي. "
        "وشكر أردوغان الجميع على جهودهم من أجل وقف إطلاق النار."
    )
    assert keys(extract(text, published=DAY), "thanked") == set()


# -- S-group (b): a dual descriptive NP after one party's two calls ----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أجرى الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا اتصالين مع رئيس الوزراء البريطاني كير ستارمر "
            "والرئيس الفرنسي إيمانويل ماكرون. وشدد الزعيمان الأوروبيان على أهمية الحل الدبلوماسي.",
            {STARMER, MACRON},
        ),
        (
            "تلقى وزير الخارجية المصري بدر عبد العاطي اتصالين هاتفيين من وزير الخارجية الإيراني عباس عراقجي "
            "ووزير الخارجية التركي هاكان فيدان. وأكد الوزيران ضرورة خفض التصعيد.",
            {ARAGHCHI, FIDAN},
        ),
        (
            "وأجرى الرئيس الجنوب أفريقي سيريل رامافوزا اتصالين هاتفيين مع رئيسة الوزراء الإيطالية جورجيا ميلوني "
            "والرئيس الجزائري عبد المجيد تبون، ودعا المسؤولان من جانبهما إلى ضبط النفس.",
            {MELONI, TEBBOUNE},
        ),
    ],
)
def test_dual_group_after_two_calls_is_the_two_called(extract: Extract, text: str, expected: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == expected


def test_dual_group_after_one_call_is_both_parties(extract: Extract) -> None:
    text = (
        "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي. "
        "وأكد الزعيمان ضرورة وقف إطلاق النار."
    )
    assert urgers(extract(text, published=DAY)) == {ERDOGAN, SISI}


def test_the_two_sides_are_never_two_counterparts(extract: Extract) -> None:
    text = (
        "أجرى الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا اتصالين مع رئيس الوزراء البريطاني كير ستارمر "
        "والرئيس الفرنسي إيمانويل ماكرون. وقدم لولا لماكرون مقترحات للتهدئة. "
        "واتفق الجانبان في نهاية الاتصال على مواصلة التنسيق."
    )
    expected = {tuple(sorted((LULA, STARMER))), tuple(sorted((LULA, MACRON)))}
    assert keys(extract(text, published=DAY), "called") == expected


# -- S-group (c): a dual verb after "X discussed with Y" ---------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "بحث وزير الخارجية الإسباني خوسيه مانويل ألباريس هاتفيا مع نظيره الأردني أيمن الصفدي "
            "الأوضاع في غزة والضفة الغربية. وأكدا أهمية وقف إطلاق النار.",
            {ALBARES, SAFADI},
        ),
        (
            "تلقى الرئيس الجزائري عبد المجيد تبون اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان "
            "تناول الأوضاع في ليبيا والسودان. وشددا على ضرورة الحل السياسي.",
            {TEBBOUNE, ERDOGAN},
        ),
        (
            "أجرى وزير الخارجية الفرنسي جان نويل بارو اتصالا هاتفيا مع نظيره الإيطالي أنطونيو تاياني "
            "حول الوضع في لبنان وسوريا، وأعربا عن دعمهما لوقف إطلاق النار.",
            {BARROT, TAJANI},
        ),
    ],
)
def test_dual_verb_after_a_call_is_both_parties(extract: Extract, text: str, expected: set[str]) -> None:
    assert urgers(extract(text, published=DAY)) == expected


def test_singular_verb_after_a_call_is_the_subject(extract: Extract) -> None:
    text = (
        "بحث وزير الخارجية الإسباني خوسيه مانويل ألباريس هاتفيا مع نظيره الأردني أيمن الصفدي "
        "الأوضاع في غزة والضفة الغربية. وأكد أهمية وقف إطلاق النار."
    )
    assert urgers(extract(text, published=DAY)) == {ALBARES}


# -- S-bullet: counterparts as bulleted lines under "تلقى X اتصالات من:" ------------------
def test_bulleted_callers(extract: Extract) -> None:
    text = (
        "وقالت الرئاسة التركية إن الرئيس رجب طيب أردوغان تلقى اتصالات من:\n"
        "- الرئيس الفرنسي إيمانويل ماكرون.\n"
        "- المستشار الألماني فريدريش ميرتس.\n"
        "- رئيس الوزراء البريطاني كير ستارمر."
    )
    calls = initiators(extract(text, published=DAY))
    assert calls == {
        frozenset((ERDOGAN, MACRON)): MACRON,
        frozenset((ERDOGAN, MERZ)): MERZ,
        frozenset((ERDOGAN, STARMER)): STARMER,
    }


def test_bulleted_callees_without_full_stops(extract: Extract) -> None:
    text = (
        "أجرى وزير الخارجية المصري بدر عبد العاطي اتصالات مع:\n"
        "• وزير الخارجية الإيراني عباس عراقجي\n"
        "• وزير الخارجية التركي هاكان فيدان"
    )
    calls = initiators(extract(text, published=DAY))
    assert calls == {frozenset((ABDELATTY, ARAGHCHI)): ABDELATTY, frozenset((ABDELATTY, FIDAN)): ABDELATTY}


def test_bulleted_list_with_blank_lines_then_everyone(extract: Extract) -> None:
    text = (
        "تلقت رئيسة الوزراء الإيطالية جورجيا ميلوني مكالمات من:\n\n"
        "- الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا.\n\n"
        "- الرئيس الجنوب أفريقي سيريل رامافوزا.\n\n"
        "وشدد الجميع على ضرورة وقف إطلاق النار."
    )
    result = extract(text, published=DAY)
    assert initiators(result) == {frozenset((MELONI, LULA)): LULA, frozenset((MELONI, RAMAPHOSA)): RAMAPHOSA}
    assert urgers(result) == {MELONI, LULA, RAMAPHOSA}


def test_bullets_without_a_call_are_no_calls(extract: Extract) -> None:
    text = "وأشار البيان إلى المشاركين في القمة:\n- الرئيس الفرنسي إيمانويل ماكرون.\n- المستشار الألماني فريدريش ميرتس."
    assert keys(extract(text, published=DAY), "called") == set()


def test_a_paragraph_closes_the_bulleted_list(extract: Extract) -> None:
    text = (
        "تلقى الرئيس رجب طيب أردوغان اتصالات من:\n"
        "- الرئيس الفرنسي إيمانويل ماكرون.\n"
        "وفي سياق آخر، استقبل الرئيس الجزائري عبد المجيد تبون وفدا برلمانيا.\n"
        "- رئيس الوزراء البريطاني كير ستارمر."
    )
    assert keys(extract(text, published=DAY), "called") == {tuple(sorted((ERDOGAN, MACRON)))}


# -- S-list: a second ومن / ومع after a list of counterparts ------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالات هاتفية من الرئيس الفرنسي إيمانويل ماكرون "
            "والمستشار الألماني فريدريش ميرتس، ومن رئيسة الوزراء الإيطالية جورجيا ميلوني.",
            {frozenset((SISI, MACRON)): MACRON, frozenset((SISI, MERZ)): MERZ, frozenset((SISI, MELONI)): MELONI},
        ),
        (
            "أجرى وزير الخارجية التركي هاكان فيدان اتصالات هاتفية مع نظرائه المصري والأردني، "
            "ومع وزير الخارجية الروسي سيرغي لافروف.",
            {
                frozenset((FIDAN, ABDELATTY)): FIDAN,
                frozenset((FIDAN, SAFADI)): FIDAN,
                frozenset((FIDAN, LAVROV)): FIDAN,
            },
        ),
        (
            "وكان رئيس الوزراء البريطاني كير ستارمر قد تلقى اتصالين من الرئيس الفرنسي إيمانويل ماكرون، "
            "ومن المستشار الألماني فريدريش ميرتس، أمس الأحد.",
            {frozenset((STARMER, MACRON)): MACRON, frozenset((STARMER, MERZ)): MERZ},
        ),
    ],
)
def test_second_preposition_names_more_counterparts(
    extract: Extract, text: str, expected: dict[frozenset[str], str]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a place after the second من: not one more caller
        "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون، "
        "ومن القاهرة قال المتحدث باسم الرئاسة إن الاتصال تناول الأوضاع في غزة.",
        # another preposition: not the one of the call
        "أجرى وزير الخارجية التركي هاكان فيدان اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون، "
        "ومن جهة أخرى استقبل وزير الخارجية الروسي سيرغي لافروف في أنقرة.",
    ],
)
def test_second_preposition_not_a_counterpart(extract: Extract, text: str) -> None:
    found = keys(extract(text, published=DAY), "called")
    assert len(found) == 1


# -- S-rel: relative clauses after the call noun ------------------------------------------
WANG = WANG_YI
ANAND = "person/anita-anand"
BOURITA = "person/nasser-bourita"


@pytest.mark.parametrize(
    ("text", "pair", "caller"),
    [
        # "الاتصال الذي تلقاه X من Y": Y placed the call
        (
            "وجاء ذلك خلال الاتصال الذي تلقاه الرئيس الجزائري عبد المجيد تبون من رئيسة الوزراء الإيطالية "
            "جورجيا ميلوني.",
            (TEBBOUNE, MELONI),
            MELONI,
        ),
        (
            "وأكد الرئيس التركي رجب طيب أردوغان، خلال الاتصال الهاتفي الذي تلقاه من المستشار الألماني "
            "فريدريش ميرتس، ضرورة وقف إطلاق النار.",
            (ERDOGAN, MERZ),
            MERZ,
        ),
        (
            "وفي المكالمة التي تلقتها رئيسة الوزراء الإيطالية جورجيا ميلوني من الرئيس البرازيلي "
            "لويس إيناسيو لولا دا سيلفا، جرى بحث العلاقات الثنائية.",
            (MELONI, LULA),
            LULA,
        ),
        # "مكالمة أجرتها معه Y": Y placed the call, the pronoun is the main clause's subject
        (
            "وأدلى وزير الخارجية المغربي ناصر بوريطة بهذه التصريحات أثناء مكالمة هاتفية أجرتها معه "
            "وزيرة الخارجية الكندية.",
            (BOURITA, ANAND),
            ANAND,
        ),
        (
            "وشدد الرئيس المصري عبد الفتاح السيسي على ضرورة التهدئة خلال مكالمة هاتفية أجراها معه "
            "الرئيس الفرنسي إيمانويل ماكرون.",
            (SISI, MACRON),
            MACRON,
        ),
        (
            "وقالت رئيسة الوزراء الإيطالية جورجيا ميلوني، في اتصال هاتفي أجراه معها رئيس الوزراء البريطاني "
            "كير ستارمر، إن روما تدعم الحوار.",
            (MELONI, STARMER),
            STARMER,
        ),
        # "اتصال أجراه X مع Y": X placed the call
        (
            "جاء ذلك في اتصال هاتفي أجراه وزير الخارجية التركي هاكان فيدان مع نظيره الروسي سيرغي لافروف.",
            (FIDAN, LAVROV),
            FIDAN,
        ),
        (
            "وجاء ذلك خلال الاتصال الذي أجراه وزير الخارجية الصيني وانغ يي مع نظيره الإيراني عباس عراقجي.",
            (WANG, ARAGHCHI),
            WANG,
        ),
        (
            "وأكد الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا، في اتصال أجراه مع الرئيس الجنوب أفريقي "
            "سيريل رامافوزا، أهمية الحوار.",
            (LULA, RAMAPHOSA),
            LULA,
        ),
    ],
)
def test_relative_clause_after_the_call_noun(extract: Extract, text: str, pair: tuple[str, str], caller: str) -> None:
    assert initiators(extract(text, published=DAY)) == {frozenset(pair): caller}


def test_relative_clause_without_the_other_party_is_no_call(extract: Extract) -> None:
    text = "وتحدث الرئيس التركي رجب طيب أردوغان للصحفيين عن الاتصال الذي تلقاه أمس."
    assert keys(extract(text, published=DAY), "called") == set()


def test_relative_clause_of_a_call_between_two_has_no_caller(extract: Extract) -> None:
    text = "وجاء ذلك خلال الاتصال الذي جرى بين الرئيس الفرنسي إيمانويل ماكرون ورئيسة الوزراء الإيطالية جورجيا ميلوني."
    assert initiators(extract(text, published=DAY)) == {frozenset((MACRON, MELONI)): None}
