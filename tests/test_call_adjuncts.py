"""A call named in an adjunct of another verb (issue 14, CALLS family): "بحث X، خلال اتصال هاتفي
تلقاه من Y، …" (the relative call verb's pronoun is the main subject, the one after من called),
"أعرب X عن شكره لـY، خلال اتصال هاتفي جرى بينهما" (the call joined the two named before it).
Sentences written for these tests, in other names, states and word orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)
SISI = "person/abdel-fattah-el-sisi"
MACRON = "person/emmanuel-macron"
MBS = "person/mohammed-bin-salman"
ERDOGAN = "person/recep-tayyip-erdogan"
TAMIM = "person/tamim-bin-hamad-al-thani"
ZARDARI = "person/asif-ali-zardari"
MERZ = "person/friedrich-merz"


@pytest.mark.parametrize(
    ("text", "pair", "caller"),
    [
        (
            "بحث الرئيس المصري عبد الفتاح السيسي،"
            " خلال اتصال هاتفي تلقاه من الرئيس الفرنسي إيمانويل ماكرون، الأوضاع في غزة.",
            (SISI, MACRON),
            MACRON,
        ),
        (
            "وبحث الرئيس المصري عبد الفتاح السيسي في اتصال هاتفي تلقاه من الرئيس الفرنسي "
            "إيمانويل ماكرون الأوضاع في غزة.",
            (SISI, MACRON),
            MACRON,
        ),
        (
            "استعرض ولي العهد السعودي الأمير محمد بن سلمان،"
            " خلال اتصال هاتفي تلقاه من الرئيس التركي رجب طيب أردوغان، العلاقات الثنائية.",
            (MBS, ERDOGAN),
            ERDOGAN,
        ),
        (
            "ناقش ولي العهد السعودي الأمير محمد بن سلمان،"
            " خلال اتصال هاتفي أجراه مع الرئيس التركي رجب طيب أردوغان، التطورات في المنطقة.",
            (MBS, ERDOGAN),
            MBS,
        ),
    ],
)
def test_a_relative_call_verb_after_a_talk_verb_names_the_parties(
    extract: Extract, text: str, pair: tuple[str, str], caller: str
) -> None:
    result = extract(text, DAY)
    assert keys(result, "called") == {tuple(sorted(pair))}
    assert initiators(result) == {frozenset(pair): caller}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "أعرب الرئيس الباكستاني آصف علي زرداري عن شكره للرئيس التركي رجب طيب أردوغان، "
            "خلال اتصال هاتفي جرى بينهما، على دعم تركيا.",
            (ZARDARI, ERDOGAN),
        ),
        (
            "وأكد الرئيس الفرنسي إيمانويل ماكرون للمستشار الألماني فريدريش ميرتس،"
            " في مكالمة هاتفية جرت بينهما مساء الثلاثاء، دعم باريس لأوكرانيا.",
            (MACRON, MERZ),
        ),
        (
            "وبحث أمير قطر الشيخ تميم بن حمد آل ثاني والرئيس الإيراني مسعود بزشكيان في اتصال "
            "هاتفي بينهما التطورات في المنطقة.",
            (TAMIM, "person/masoud-pezeshkian"),
        ),
    ],
)
def test_a_call_between_them_joins_the_two_named_before(extract: Extract, text: str, pair: tuple[str, str]) -> None:
    assert keys(extract(text, DAY), "called") == {tuple(sorted(pair))}


def test_between_them_without_a_call_is_no_call(extract: Extract) -> None:
    text = "وقال الرئيس التركي رجب طيب أردوغان إن الخلافات بينهما لا تحل إلا بالحوار."
    assert keys(extract(text, DAY), "called") == set()


def test_a_talk_without_a_call_verb_after_it_is_no_call(extract: Extract) -> None:
    text = "بحث الرئيس المصري عبد الفتاح السيسي، خلال لقائه الرئيس الفرنسي إيمانويل ماكرون في القاهرة، الأوضاع في غزة."
    assert keys(extract(text, DAY), "called") == set()


def test_efforts_thanked_for_during_a_call_stay_their_owners(extract: Extract) -> None:
    """ "جرى بينهما" tells the call took place; it makes no impersonal statement of both parties."""
    text = (
        "أعرب الرئيس التركي رجب طيب أردوغان عن شكره لأمير قطر الشيخ تميم بن حمد، خلال اتصال هاتفي"
        " جرى بينهما، على جهود قطر لخفض التصعيد."
    )
    assert keys(extract(text, DAY), "urged") == {("state/QA", "DeEscalation")}


def test_an_impersonal_statement_after_the_call_word_is_both_parties(extract: Extract) -> None:
    text = (
        "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من أمير قطر الشيخ تميم بن حمد."
        " وخلال الاتصال جرى التأكيد على ضرورة خفض التصعيد."
    )
    assert keys(extract(text, DAY), "urged") == {(ERDOGAN, "DeEscalation"), (TAMIM, "DeEscalation")}


# -- earlier callers listed after the call: "…، بعد كل من A وB" ----------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أصبح الرئيس الفرنسي إيمانويل ماكرون ثالث زعيم يتصل هاتفيا بالرئيس الأمريكي دونالد ترامب،"
            " بعد كل من المستشار الألماني فريدريش ميرتس ورئيس الوزراء البريطاني كير ستارمر.",
            {MACRON: "person/donald-trump", MERZ: "person/donald-trump", "person/keir-starmer": "person/donald-trump"},
        ),
        (
            "وأجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا بالرئيس الأوكراني فولوديمير زيلينسكي،"
            " بعد كل من الرئيس الفرنسي إيمانويل ماكرون ورئيسة الوزراء الإيطالية جورجيا ميلوني.",
            {
                ERDOGAN: "person/volodymyr-zelenskyy",
                MACRON: "person/volodymyr-zelenskyy",
                "person/giorgia-meloni": "person/volodymyr-zelenskyy",
            },
        ),
        (
            "وتلقى أمير قطر الشيخ تميم بن حمد اتصالا هاتفيا من الرئيس الإيراني مسعود بزشكيان،"
            " بعد كل من الرئيس التركي رجب طيب أردوغان والرئيس المصري عبد الفتاح السيسي.",
            {"person/masoud-pezeshkian": TAMIM, ERDOGAN: TAMIM, SISI: TAMIM},
        ),
    ],
)
def test_those_listed_after_a_call_called_the_same_one_before(
    extract: Extract, text: str, expected: dict[str, str]
) -> None:
    result = extract(text, DAY)
    assert keys(result, "called") == {tuple(sorted(pair)) for pair in expected.items()}
    assert initiators(result) == {frozenset(pair): pair[0] for pair in expected.items()}


@pytest.mark.parametrize(
    "text",
    [
        "اتصل الرئيس الفرنسي إيمانويل ماكرون بالرئيس الأمريكي دونالد ترامب بعد لقائه المستشار الألماني فريدريش ميرتس.",
        "بحث الرئيس الفرنسي إيمانويل ماكرون مع الرئيس الأمريكي دونالد ترامب هاتفيا الأوضاع،"
        " بعد كل من الاجتماعات الأخيرة.",
    ],
)
def test_after_without_a_list_of_people_adds_no_call(extract: Extract, text: str) -> None:
    assert keys(extract(text, DAY), "called") == {tuple(sorted((MACRON, "person/donald-trump")))}


# The caller before an aside, and the one who took the initiative before its verb.
PUTIN = "person/vladimir-putin"


@pytest.mark.parametrize(
    ("text", "caller", "called"),
    [
        (
            "وأجرى الرئيس الروسي فلاديمير بوتين، الذي يزور الصين، اتصالا هاتفيا بالرئيس التركي رجب طيب أردوغان.",
            PUTIN,
            ERDOGAN,
        ),
        (
            "وأجرى الرئيس الفرنسي إيمانويل ماكرون (الذي يزور الرياض) اتصالا هاتفيا بالرئيس المصري عبد الفتاح السيسي.",
            MACRON,
            SISI,
        ),
        (
            "وتلقى الرئيس التركي رجب طيب أردوغان، الذي يزور قطر، اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين.",
            PUTIN,
            ERDOGAN,
        ),
        ("وكان الرئيس الروسي فلاديمير بوتين قد بادر بالاتصال بنظيره التركي رجب طيب أردوغان.", PUTIN, ERDOGAN),
        (
            "وبحث أمير قطر الشيخ تميم بن حمد مع الرئيس التركي رجب طيب أردوغان هاتفيا الأوضاع، "
            "وكان أردوغان قد بادر بالاتصال.",
            ERDOGAN,
            TAMIM,
        ),
    ],
)
def test_the_caller_across_an_aside_or_before_his_initiative(
    extract: Extract, text: str, caller: str, called: str
) -> None:
    assert initiators(extract("عنوان الخبر\n" + text, DAY)) == {frozenset((caller, called)): caller}
