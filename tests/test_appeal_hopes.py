"""A hope that others act (issue 14, APPEALS family): "تأمل روسيا أن يلتزم الطرفان بالتهدئة",
"أعرب X عن أمله في أن تلتزم الأطراف بوقف إطلاق النار". Those named in the أن-clause are asked
to act; the one who hopes urges the goal. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال لافروف إن روسيا تأمل أن يتحلى الجانبان الإيراني والإسرائيلي بضبط النفس.",
            {("person/sergey-lavrov", "Restraint")},
        ),
        (
            "وقال ماكرون إن فرنسا تأمل أن يلتزم الطرفان الهندي والباكستاني بالتهدئة.",
            {("person/emmanuel-macron", "DeEscalation")},
        ),
        (
            "وتأمل تركيا أن يلتزم الجانبان الأذربيجاني والأرميني بالهدنة.",
            {("state/TR", "Ceasefire")},
        ),
        (
            "وتتمنى قطر أن تلتزم حماس وإسرائيل بوقف إطلاق النار.",
            {("state/QA", "Ceasefire")},
        ),
        (
            "وأعرب وزير الخارجية المصري بدر عبد العاطي عن أمله في أن تلتزم الأطراف اليمنية بوقف إطلاق النار.",
            {("person/badr-abdelatty", "Ceasefire")},
        ),
    ],
)
def test_the_one_who_hopes_urges_not_those_hoped_to_act(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text, DAY), "urged") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not a hope: a state's own appeal reported in an أن-clause stays that state's.
        ("وأكد بوتين أن إيران تدعو إلى الحوار.", {("state/IR", "DiplomaticSolution")}),
        # The speaker's own state: the speaker.
        ("وقال أردوغان إن تركيا تدعو إلى وقف إطلاق النار.", {("person/recep-tayyip-erdogan", "Ceasefire")}),
        # A hope with its own goal and no أن-clause is unchanged.
        (
            "ويأمل الرئيس الروسي فلاديمير بوتين في التوصل إلى حل سياسي للأزمة السورية.",
            {("person/vladimir-putin", "DiplomaticSolution")},
        ),
    ],
)
def test_appeals_without_a_hope_keep_their_subject(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, DAY), "urged") == expected


def test_a_hope_negated_gives_nothing(extract: Extract) -> None:
    assert keys(extract("ولا تأمل روسيا أن يلتزم الطرفان بالهدنة قريبا.", DAY), "urged") == set()
