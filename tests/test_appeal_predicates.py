"""Appeals whose stance is not a verb before the goal.

* "لا بديل عن الحل السياسي", "لا خيار سوى الحوار": no alternative to a goal is a stance
  (`stance.verbs`); the negation is part of the phrase.
* "لن تتوقف عن بذل الجهود لوقف الحرب", "لن نتوانى عن": a verb of stopping or holding back,
  negated, with عن or في after it, affirms (`rule_words.cessation_litotes_verbs`,
  kg/rules/qualifiers.py); without the preposition ("لن تتوقف الحرب") the negation still holds.
* "الحوار هو السبيل الوحيد لحل الأزمة", "الحل السياسي ضروري": the goal first, then a predicate
  of the only / best way or of necessity (`rule_words.way_nouns`, `necessity_predicates`;
  kg/rules/stances.py `predicate_stance`); the one who states it urges it.
* "أردوغان (الذي يزور موسكو) دعا إلى …": a relative clause in brackets or between dashes is an
  aside, as one set off by commas (kg/rules/clauses.py).

Sentences written for this test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "وقال وزير الخارجية الأردني أيمن الصفدي إنه لا بديل عن الحل السياسي للأزمة.",
            ("person/ayman-safadi", "DiplomaticSolution"),
        ),
        (
            "وأوضح الرئيس الفرنسي إيمانويل ماكرون أن لا خيار سوى الحوار بين الطرفين.",
            ("person/emmanuel-macron", "DiplomaticSolution"),
        ),
        (
            "وقال المستشار الألماني فريدريش ميرتس: لا بديل من وقف فوري لإطلاق النار.",
            ("person/friedrich-merz", "Ceasefire"),
        ),
    ],
)
def test_no_alternative_to_a_goal_is_a_stance(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert fact in keys(extract(text, DAY), "urged")


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "وأكد الرئيس المصري عبد الفتاح السيسي أن مصر لن تتوقف عن بذل الجهود لوقف إطلاق النار.",
            ("person/abdel-fattah-el-sisi", "Ceasefire"),
        ),
        (
            "وقال وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني إن الدوحة لن تتوانى عن العمل من أجل التهدئة.",
            ("person/mohammed-bin-abdulrahman-al-thani", "DeEscalation"),
        ),
        (
            "وشدد رئيس الوزراء الإسباني بيدرو سانشيز على أن إسبانيا لا تتردد في دعم الحل السياسي.",
            ("person/pedro-sanchez", "DiplomaticSolution"),
        ),
        (
            "وأكد وزير الخارجية التركي هاكان فيدان أن تركيا لن تكف عن الدعوة إلى ضبط النفس.",
            ("person/hakan-fidan", "Restraint"),
        ),
        # the subject between the verb and its preposition
        ("ولم تتردد فرنسا في الدعوة إلى هدنة إنسانية.", ("state/FR", "Ceasefire")),
        (
            "ولم يتوان الرئيس التركي رجب طيب أردوغان عن المطالبة بوقف الحرب.",
            ("person/recep-tayyip-erdogan", "Ceasefire"),
        ),
    ],
)
def test_not_stopping_to_work_for_a_goal_is_a_commitment(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert fact in keys(extract(text, DAY), "urged")


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "ورأى وزير الخارجية العماني بدر البوسعيدي أن الحوار هو السبيل الوحيد لحل الأزمة.",
            ("person/badr-albusaidi", "DiplomaticSolution"),
        ),
        (
            "واعتبر الرئيس الفرنسي إيمانويل ماكرون أن المفاوضات هي الطريق الأمثل لإنهاء النزاع.",
            ("person/emmanuel-macron", "DiplomaticSolution"),
        ),
        (
            "ويرى الرئيس التركي رجب طيب أردوغان أن وقف إطلاق النار هو المخرج الوحيد من الأزمة.",
            ("person/recep-tayyip-erdogan", "Ceasefire"),
        ),
        (
            "وقال رئيس الوزراء الإسباني بيدرو سانشيز إن الحل السياسي يبقى الخيار الأفضل.",
            ("person/pedro-sanchez", "DiplomaticSolution"),
        ),
    ],
)
def test_a_goal_as_the_only_way_is_urged_by_who_says_it(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert fact in keys(extract(text, DAY), "urged")


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "وقال وزير الخارجية العماني بدر البوسعيدي إن الحل السياسي ضروري.",
            ("person/badr-albusaidi", "DiplomaticSolution"),
        ),
        (
            "وأكد الأمين العام للأمم المتحدة أنطونيو غوتيريش أن وقف إطلاق النار أمر ملح.",
            ("person/antonio-guterres", "Ceasefire"),
        ),
        (
            "واعتبر وزير الخارجية السعودي الأمير فيصل بن فرحان أن خفض التصعيد أولوية قصوى.",
            ("person/faisal-bin-farhan-al-saud", "DeEscalation"),
        ),
    ],
)
def test_a_goal_said_to_be_necessary_is_urged(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert fact in keys(extract(text, DAY), "urged")


@pytest.mark.parametrize(
    "text",
    [
        # The negation of a verb of stopping with no preposition still negates.
        "وأكد وزير الخارجية الإيراني عباس عراقجي أن الحرب لن تتوقف قريبا.",
        "وأكد وزير الخارجية الإيراني عباس عراقجي أن الحرب لن تتوقف في غزة قريبا.",
        "ولم يدع وزير الخارجية الإيراني عباس عراقجي في كلمته إلى التهدئة.",
        # Not a goal, or no predicate of preference or necessity.
        "وقال وزير الخارجية العماني بدر البوسعيدي إن الحل العسكري هو الخيار الوحيد.",
        "ورأى وزير الخارجية العماني بدر البوسعيدي أن الحوار هو السبيل.",
        "وقال وزير الخارجية العماني بدر البوسعيدي إن وقف إطلاق النار لم يعد ضروريا.",
        # A reporter's sentence with nobody who states it.
        "الحوار هو السبيل الوحيد لحل الأزمة.",
    ],
)
def test_no_appeal_without_the_predicate_or_its_speaker(extract: Extract, text: str) -> None:
    assert keys(extract(text, DAY), "urged") == set()


# A relative clause in brackets after the subject is an aside: the actor inside it is no agent
# (kg/rules/clauses.py, as for one set off by commas).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "الرئيس التركي رجب طيب أردوغان (الذي يزور موسكو حاليا) دعا إلى التهدئة.",
            ("person/recep-tayyip-erdogan", "DeEscalation"),
        ),
        (
            "وقال الرئيس الفرنسي إيمانويل ماكرون (الذي التقى الرئيس الصيني شي جين بينغ أمس) إن الحل السياسي ضروري.",
            ("person/emmanuel-macron", "DiplomaticSolution"),
        ),
        (
            "وطالب وزير الخارجية الأردني أيمن الصفدي (الذي وصل إلى القاهرة صباح اليوم) بوقف فوري لإطلاق النار.",
            ("person/ayman-safadi", "Ceasefire"),
        ),
        ("وكان أردوغان – الذي يزور موسكو حاليا – قد دعا إلى التهدئة.", ("person/recep-tayyip-erdogan", "DeEscalation")),
    ],
)
def test_a_relative_clause_in_brackets_is_an_aside(extract: Extract, text: str, fact: tuple[str, str]) -> None:
    assert keys(extract("عنوان الخبر\n" + text, DAY), "urged") == {fact}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("واعتبر وزير الخارجية السعودي أن الحوار هو الحل الوحيد.", "person/faisal-bin-farhan-al-saud"),
        ("واعتبر وزير الخارجية السعودي أن الحل الوحيد هو الحوار.", "person/faisal-bin-farhan-al-saud"),
        ("وقال الرئيس التركي إن الحل الأنجع للأزمة يكمن في الحوار.", "person/recep-tayyip-erdogan"),
    ],
)
def test_the_only_solution_a_word_of_two_root_letters(extract: Extract, text: str, agent: str) -> None:
    """الحل keeps its article when normalised (two root letters), and is still a way noun."""
    assert keys(extract(text, published=date(2025, 6, 1)), "urged") == {(agent, "DiplomaticSolution")}
