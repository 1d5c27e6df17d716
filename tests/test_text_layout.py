"""Changes of form that carry no meaning: hard line wraps and invisible direction marks.

Some outlets' text reaches us wrapped at a fixed width (wire copy, e-mail, text taken from
PDF), with a line break in the middle of «وقف إطلاق\\nالنار»; web pages scatter right-to-left
marks after punctuation. Before these rules a wrapped article lost about half its facts
(`scripts/format_invariance.py`) and a mark after a comma hid the comma from the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys
from text_forms import TRANSFORMS

from kg.extract import BULLETS
from kg.model import ArticleResult
from kg.normalize import attach_loose_conjunctions, drop_invisible_marks, unwrap_hard_wraps

Extract = Callable[..., ArticleResult]
DAY = date(2025, 3, 10)

PARAGRAPHS = [
    "ماكرون والسيسي يبحثان هاتفيا الأوضاع في المنطقة",
    "أجرى الرئيس الفرنسي إيمانويل ماكرون اليوم الاثنين اتصالا هاتفيا مع الرئيس المصري عبد الفتاح"
    " السيسي، تناولا خلاله تطورات الأوضاع في قطاع غزة والضفة الغربية ولبنان.",
    "وشدد الرئيس الفرنسي خلال الاتصال على ضرورة التوصل إلى وقف فوري لإطلاق النار في القطاع وضمان"
    " وصول المساعدات الإنسانية إلى المدنيين دون عوائق، محذرا من خطر اتساع رقعة الصراع في المنطقة.",
    "من جانبه، دعا وزير الخارجية الأردني أيمن الصفدي في تصريح منفصل جميع الأطراف إلى ضبط النفس"
    " والعودة إلى طاولة المفاوضات من أجل التوصل إلى تسوية سياسية للأزمة.",
]


def wrap(paragraphs: list[str], width: int, blank: bool = True) -> str:
    """The paragraphs wrapped at ``width`` characters, a blank line (or none) between them."""
    out = []
    for paragraph in paragraphs:
        line, lines = "", []
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append("\n".join([*lines, line]))
    return ("\n\n" if blank else "\n").join(out)


def all_keys(result: ArticleResult) -> set[tuple[str, ...]]:
    return {(relation, *key) for relation in ("called", "urged", "warned") for key in keys(result, relation)}


@pytest.mark.parametrize(("width", "blank"), [(60, True), (72, False), (45, True), (80, False)])
def test_a_wrapped_article_gives_the_facts_of_its_paragraphs(extract: Extract, width: int, blank: bool) -> None:
    as_paragraphs = all_keys(extract("\n".join(PARAGRAPHS), published=DAY))
    assert ("urged", "person/ayman-safadi", "Restraint") in as_paragraphs
    assert all_keys(extract(wrap(PARAGRAPHS, width, blank), published=DAY)) == as_paragraphs


def test_wrapped_lines_are_joined_and_short_lines_keep_their_break() -> None:
    text = wrap(PARAGRAPHS, 60, blank=False)
    joined = unwrap_hard_wraps(text, BULLETS).split("\n")
    # The headline and each paragraph's last (short) line keep their breaks; nothing else does.
    assert joined[0] == PARAGRAPHS[0]
    assert [" ".join(line.split()) for line in joined[1:]] == PARAGRAPHS[1:]
    assert len(unwrap_hard_wraps(text, BULLETS)) == len(text)


def test_text_with_a_paragraph_a_line_is_left_as_it_is() -> None:
    text = "\n".join(PARAGRAPHS)
    assert unwrap_hard_wraps(text, BULLETS) == text


def test_a_list_of_short_headlines_is_not_joined() -> None:
    lines = [
        "عاجل | الخارجية القطرية: اتصال بين الوزير ونظيره الإيراني بشأن غزة",
        "عاجل | الرئيس التركي يبحث مع نظيره الروسي الحرب في أوكرانيا",
        "عاجل | الأمين العام للأمم المتحدة يدعو إلى وقف إطلاق النار في السودان",
        "عاجل | ولي العهد السعودي يتلقى اتصالا من رئيس الوزراء البريطاني",
        "عاجل | الاتحاد الأوروبي يعلن عن مساعدات جديدة للفلسطينيين",
    ]
    text = "\n".join(lines)
    assert unwrap_hard_wraps(text, BULLETS) == text


def test_bulleted_items_under_a_wrapped_paragraph_stay_items() -> None:
    text = wrap(PARAGRAPHS[1:3], 60, blank=False) + "\n- الرئيس التركي رجب طيب أردوغان\n- أمير قطر"
    unwrapped = unwrap_hard_wraps(text, BULLETS).split("\n")
    assert unwrapped[-2:] == ["- الرئيس التركي رجب طيب أردوغان", "- أمير قطر"]


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u202b", "\u2067", "\ufeff"])
def test_a_direction_mark_after_a_comma_does_not_hide_it(extract: Extract, mark: str) -> None:
    text = (
        "وأكد وزير الخارجية المصري بدر عبد العاطي،{m} خلال اتصال هاتفي مع نظيره القطري،{m} أن مصر"
        " تبذل جهودا مكثفة من أجل وقف إطلاق النار.{m}\nودعا الوزيران،{m} في ختام الاتصال،{m} إلى"
        " ضبط النفس.{m}"
    )
    plain = all_keys(extract(text.format(m=""), published=DAY))
    assert ("urged", "person/badr-abdelatty", "Restraint") in plain
    assert all_keys(extract(text.format(m=mark), published=DAY)) == plain
    assert mark not in drop_invisible_marks(text.format(m=mark))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "و أكد ولي العهد السعودي الأمير محمد بن سلمان أهمية التوصل إلى وقف فوري و دائم لإطلاق النار في السودان.",
            {("urged", "person/mohammed-bin-salman", "Ceasefire")},
        ),
        (
            "و دعت وزيرة الخارجية الألمانية أنالينا بيربوك إلى وقف شامل و مستدام للأعمال العدائية في السودان.",
            {("urged", "person/annalena-baerbock", "Ceasefire")},
        ),
        (
            "وقالت الرئاسة المصرية إن الجانبين الروسي و الأوكراني وافقا على الهدنة.",
            {("urged", "state/RU", "Ceasefire"), ("urged", "state/UA", "Ceasefire")},
        ),
    ],
)
def test_a_conjunction_typed_apart_reads_as_joined(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    joined = all_keys(extract(attach_loose_conjunctions(text), published=DAY))
    assert "و " not in attach_loose_conjunctions(text)
    assert {key for key in joined if key[0] == "urged"} == expected
    assert all_keys(extract(text, published=DAY)) == joined


def test_a_conjunction_before_a_number_or_inside_brackets_stays_apart() -> None:
    assert attach_loose_conjunctions("قتل 5 و 3 جرحى") == "قتل 5 و 3 جرحى"
    assert attach_loose_conjunctions("(و) دعا") == "(و) دعا"
    # A word that ends in و after a diacritic is not a loose conjunction.
    assert attach_loose_conjunctions("الأمم المتحدة تدعُو إلى التهدئة") == "الأمم المتحدة تدعُو إلى التهدئة"


ARTICLES = [
    "\n".join(PARAGRAPHS),
    "أردوغان يتلقى اتصالا من بوتين\n"
    "أنقرة (الأناضول) - تلقى الرئيس التركي رجب طيب أردوغان، مساء الثلاثاء، اتصالا هاتفيا من نظيره"
    " الروسي فلاديمير بوتين، بحثا خلاله العلاقات الثنائية والحرب في أوكرانيا.\n"
    "وأكد أردوغان خلال الاتصال استعداد بلاده للقيام بدور الوساطة بين موسكو وكييف، داعيا إلى وقف"
    " إطلاق النار والعودة إلى المفاوضات.\n"
    "كما شكر الرئيس الروسي نظيره التركي على جهوده.",
    "قطر ومصر تدعوان إلى التهدئة في غزة\n"
    "أعربت وزارة الخارجية القطرية في بيان، اليوم الأربعاء، عن قلقها البالغ من تداعيات التصعيد على"
    " أمن المنطقة، وحذرت من خطر اتساع دائرة العنف.\n"
    "وطالبت الوزارة المجتمع الدولي بالتحرك العاجل لضمان دخول المساعدات الإنسانية إلى القطاع.\n"
    "من جهتها، جددت مصر دعوتها إلى الوقف الفوري لإطلاق النار وتغليب لغة الحوار.",
]
#: Forms whose losses are known and not yet mended: a text with no full stops runs its sentences
#: together (quotes that run on into the narrator's sentence); without its headline an article
#: loses the facts only its headline states.
UNMENDED = {"no_full_stops", "no_headline"}


def every_key(result: ArticleResult) -> set[tuple[str, ...]]:
    relations = ("called", "urged", "warned", "thanked", "offeredMediation")
    return {(relation, *key) for relation in relations for key in keys(result, relation)}


@pytest.mark.parametrize("form", sorted(set(TRANSFORMS) - UNMENDED))
def test_changes_of_form_keep_the_facts(extract: Extract, form: str) -> None:
    for number, text in enumerate(ARTICLES):
        as_written = every_key(extract(text, published=DAY))
        assert len(as_written) >= 4, number
        assert every_key(extract(TRANSFORMS[form](text), published=DAY)) == as_written, number
