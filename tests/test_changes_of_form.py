"""Changes of form real outlets produce: a text on one line, datelines, respelled names.

A scraper that loses every line break glues the headline (and a dateline, photo credits) to
the first sentence; outlets open their first paragraph with datelines of many shapes («القاهرة
- أ ش أ:», «بيروت – "القدس العربي":», «أنقرة/ الأناضول»); and a foreign surname's *g* is
written غ, ج or ق. Each must give the facts of the text as written (scripts/format_invariance.py
measures the same on the tuning sets' articles).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys
from text_forms import one_paragraph

from kg.extract import BULLETS
from kg.model import ArticleResult
from kg.normalize import drop_datelines, restore_lost_breaks, unwrap_hard_wraps

Extract = Callable[..., ArticleResult]
DAY = date(2024, 5, 14)
VERBS = ["أجرى", "تلقى", "دعا", "أكد", "يؤكد", "تؤكد", "بحث"]
OPENERS = ["أن", "إن", "في", "من", "مع", "قد", "بعد"]
COMPLEMENTIZERS = ["أن", "إن", "بأن"]
AGENCIES = ["أ ش أ", "بترا", "الأناضول", "واس", "رويترز"]


def every_key(result: ArticleResult) -> set[tuple[str, ...]]:
    relations = ("called", "urged", "warned", "thanked", "offeredMediation")
    return {(relation, *key) for relation in relations for key in keys(result, relation)}


ARTICLES = [
    "الملك الأردني يتلقى اتصالا من الرئيس الفرنسي ويبحثان الأوضاع في غزة\nعمان\n14 أيار 2024\n"
    "تلقى العاهل الأردني الملك عبد الله الثاني، اليوم الثلاثاء، اتصالا هاتفيا من الرئيس الفرنسي"
    " إيمانويل ماكرون، تناولا خلاله التطورات في قطاع غزة.\nوأكد الملك خلال الاتصال ضرورة التوصل"
    " إلى وقف فوري لإطلاق النار في القطاع وحماية المدنيين.",
    "اتصال بين وزيري خارجية مصر وتركيا تناول التصعيد في المنطقة\n"
    "أجرى وزير الخارجية المصري سامح شكري اتصالا هاتفيا مع نظيره التركي هاكان فيدان، اليوم، بحثا"
    " خلاله مستجدات الأوضاع الإقليمية.\nودعا الوزيران جميع الأطراف إلى ضبط النفس وتجنب التصعيد.\n"
    "كما شدد شكري على أهمية إيصال المساعدات الإنسانية إلى المدنيين دون عوائق.",
    "الصفدي: ندعو إلى وقف العدوان على غزة فورا\nمنذ ساعتين\n"
    "دعا وزير الخارجية الأردني أيمن الصفدي المجتمع الدولي إلى العمل من أجل وقف فوري لإطلاق النار"
    " في غزة، خلال اتصال هاتفي مع نظيره البريطاني ديفيد كاميرون.\nوحذر الصفدي من أن استمرار الحرب"
    " يهدد بتوسيع رقعة الصراع في المنطقة كلها.",
]


@pytest.mark.parametrize("number", range(len(ARTICLES)))
def test_an_article_on_one_line_gives_the_facts_of_its_lines(extract: Extract, number: int) -> None:
    as_written = every_key(extract(ARTICLES[number], published=DAY))
    assert len(as_written) >= 2
    assert every_key(extract(one_paragraph(ARTICLES[number]), published=DAY)) == as_written


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("ماكرون يبحث مع السيسي الأوضاع في غزة القاهرة 12 مايو", "تلقى الرئيس المصري اتصالا "),
        ("بوتين وأردوغان يناقشان الحرب في أوكرانيا منذ ساعة", "أجرى الرئيس الروسي اتصالا "),
        ("غوتيريش: لا بد من وقف الحرب فورا", "دعا الأمين العام إلى التهدئة "),
        ("اتصال بين الرئيسين بحث الأوضاع في المنطقة", "تلقى ولي العهد اتصالا "),
    ],
)
def test_a_glued_headline_goes_back_on_its_line(head: str, body: str) -> None:
    text = head + " " + body + "كلمة " * 30
    assert restore_lost_breaks(text, VERBS, OPENERS, COMPLEMENTIZERS).split("\n") == [head, body + "كلمة " * 30]


@pytest.mark.parametrize(
    "text",
    [
        "عنوان الخبر\nتلقى الرئيس اتصالا " + "كلمة " * 30,  # lines of its own: left as written
        "قال المتحدث إن الوزير بعد أن أجرى اتصالا مع نظيره " + "كلمة " * 30,  # a particle before the verb
        "أشار الوزير إلى أن الرئيس أكد أن " + "كلمة " * 30,  # a complementizer after the verb
        "تلقى الرئيس اتصالا هاتفيا من نظيره. " + "كلمة " * 30,  # the first sentence opens the text
        "الرئيس يتلقى اتصالا " + "كلمة " * 10,  # too short to be an article
        # a complementizer before the verb: a reported sentence, not a headline
        "وذكرت الرئاسة في بيان أن الملك عبد الله الثاني تلقى اتصالا هاتفيا من الرئيس المصري " + "كلمة " * 30,
        # a comma before the verb: the text opens with its first sentence (عبر: a preposition here)
        "أعلن وزير الخارجية الهندي، أن البلدين اتفقا على الهدنة بعد أن كتب الرئيس في منشور عبر منصته " + "كلمة " * 30,
    ],
)
def test_text_without_a_glued_headline_is_left_as_it_is(text: str) -> None:
    assert restore_lost_breaks(text, VERBS, OPENERS, COMPLEMENTIZERS) == text


@pytest.mark.parametrize(
    "dateline",
    [
        "القاهرة - أ ش أ: ",
        "عمان – بترا: ",
        "الرياض — واس:",
        'بيروت – "القدس العربي": ',
        "لندن - «الشرق الأوسط»: ",
        "أنقرة/ الأناضول ",
        "واشنطن ـ رويترز: ",
    ],
)
def test_a_dateline_is_no_part_of_the_first_sentence(extract: Extract, dateline: str) -> None:
    body = (
        "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الإيراني إبراهيم رئيسي، بحثا خلاله"
        " الأوضاع في غزة.\nوشدد على ضرورة الوقف الفوري لإطلاق النار في القطاع."
    )
    as_written = every_key(extract("أردوغان يبحث مع رئيسي الأوضاع في غزة\n" + body, published=DAY))
    assert ("urged", "person/recep-tayyip-erdogan", "Ceasefire") in as_written
    dated = every_key(extract("أردوغان يبحث مع رئيسي الأوضاع في غزة\n" + dateline + body, published=DAY))
    assert dated == as_written
    assert drop_datelines(dateline + "أجرى", [*AGENCIES, "الشرق الأوسط"]) == "أجرى"


@pytest.mark.parametrize(
    "text",
    [
        "بيروت ـ فادي سماحة",  # a reporter's name, no agency
        "الرئيس - الذي وصل أمس: سنعمل على التهدئة",  # no agency before the colon
        "وقال الوزير - في بيان: ندعو إلى الهدوء",  # a sentence, not a place
        "حزب/ الوطني أعلن مشاركته",  # a slash before no agency
    ],
)
def test_a_dash_or_slash_without_an_agency_is_no_dateline(text: str) -> None:
    assert drop_datelines(text, AGENCIES) == text


@pytest.mark.parametrize(
    ("spelled", "key"),
    [
        ("رجب طيب أردوقان", "person/recep-tayyip-erdogan"),
        ("شي جين بينق", "person/xi-jinping"),
        ("أردوجان", "person/recep-tayyip-erdogan"),
    ],
)
def test_a_foreign_surname_with_its_g_respelled_is_the_same_person(extract: Extract, spelled: str, key: str) -> None:
    text = f"أجرى الرئيس {spelled} اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون بحثا خلاله الأوضاع في غزة."
    assert tuple(sorted((key, "person/emmanuel-macron"))) in keys(extract(text, published=DAY), "called")


def wrapped(paragraph: str, width: int = 58) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


PARAGRAPH = (
    "أجرى وزير الخارجية الصيني وانغ يي اتصالا هاتفيا مع نظيره الإيراني عباس عراقجي، بحثا خلاله"
    " التطورات في المنطقة. ودعا وانغ يي جميع الأطراف إلى ضبط النفس والعودة إلى طاولة الحوار، مؤكدا"
    " أن بلاده مستعدة لمواصلة جهودها من أجل تهدئة الأوضاع في الشرق الأوسط ومنع اتساع رقعة الصراع"
)


@pytest.mark.parametrize(
    "layout",
    [
        # tags under the story, each alone between blank lines
        lambda lines: "\n".join(lines) + ".\n\nالصين\n\nإيران\n\nالشرق الأوسط\n\nوانغ يي\n\nعراقجي",
        # a paragraph the page cut short: no line ends a sentence, full stops only inside lines
        lambda lines: "\n".join(lines),
    ],
)
def test_wrapped_text_with_tags_or_cut_short_is_joined(extract: Extract, layout: Callable[[list[str]], str]) -> None:
    text = "وانغ يي يبحث مع عراقجي الأوضاع في المنطقة\n\n" + layout(wrapped(PARAGRAPH))
    joined = unwrap_hard_wraps(text, BULLETS)
    assert PARAGRAPH in joined
    as_written = every_key(extract("وانغ يي يبحث مع عراقجي الأوضاع في المنطقة\n\n" + PARAGRAPH, published=DAY))
    assert ("urged", "person/wang-yi", "Restraint") in as_written
    assert every_key(extract(text, published=DAY)) >= as_written
