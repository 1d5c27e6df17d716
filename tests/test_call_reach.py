"""Calls whose parties stand further from their words than the plain forms: a phone adverb and
times between the verb and its subject, a time phrase before the one called, the latter named
after "بناء على طلب من", and negatives. Sentences written for this test (eighth session)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]
DAY = date(2025, 6, 1)
P = "person/"

CASES = [
    # the phone adverb and times between the verb and its subject (VSO)
    (
        "اتصل هاتفيا وزير الخارجية المصري بدر عبد العاطي بنظيره السعودي الأمير فيصل بن فرحان.",
        {("badr-abdelatty", "faisal-bin-farhan-al-saud"): "badr-abdelatty"},
    ),
    (
        "وتحدث هاتفيا مساء الأحد الرئيس الفرنسي إيمانويل ماكرون مع نظيره الأمريكي دونالد ترامب.",
        {("emmanuel-macron", "donald-trump"): None},
    ),
    (
        "هاتف صباح اليوم الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين.",
        {("recep-tayyip-erdogan", "vladimir-putin"): "recep-tayyip-erdogan"},
    ),
    (
        "ناقش هاتفيا يوم الجمعة العاهل الأردني الملك عبد الله الثاني مع الرئيس المصري عبد الفتاح السيسي الأوضاع.",
        {("abdullah-ii-of-jordan", "abdel-fattah-el-sisi"): None},
    ),
    # a time phrase between the call verb and the one called
    (
        "وكان الرئيس اللبناني جوزاف عون قد اتصل في وقت متأخر من مساء أمس بالرئيس الفرنسي إيمانويل ماكرون.",
        {("joseph-aoun", "emmanuel-macron"): "joseph-aoun"},
    ),
    (
        "واتصل ولي العهد السعودي الأمير محمد بن سلمان هاتفيا في وقت لاحق بأمير قطر الشيخ تميم بن حمد آل ثاني.",
        {("mohammed-bin-salman", "tamim-bin-hamad-al-thani"): "mohammed-bin-salman"},
    ),
    (
        "أجرى الرئيس الأمريكي دونالد ترامب يوم الأحد اتصالا هاتفيا مع رئيس الوزراء البريطاني كير ستارمر.",
        {("donald-trump", "keir-starmer"): "donald-trump"},
    ),
    # the latter or the former after بناء على طلب من / بمبادرة من
    (
        "جرى اتصال هاتفي بين الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين بناء على طلب من الأخير.",
        {("recep-tayyip-erdogan", "vladimir-putin"): "vladimir-putin"},
    ),
    (
        "جرت مكالمة هاتفية بين الرئيس المصري عبد الفتاح السيسي والرئيس الفرنسي إيمانويل ماكرون بناء على طلب من الأول.",
        {("abdel-fattah-el-sisi", "emmanuel-macron"): "abdel-fattah-el-sisi"},
    ),
    (
        "جرى اتصال هاتفي بين ملك البحرين حمد بن عيسى آل خليفة والرئيس الإيراني مسعود بزشكيان بمبادرة من الأخير",
        {("hamad-bin-isa-al-khalifa", "masoud-pezeshkian"): "masoud-pezeshkian"},
    ),
    # negatives: in person, planned, denied
    ("استقبل الرئيس التونسي قيس سعيد يوم الخميس في قصر قرطاج رئيسة الوزراء الإيطالية جورجيا ميلوني.", {}),
    ("سيتصل هاتفيا مساء الغد الرئيس الروسي فلاديمير بوتين بنظيره الأمريكي دونالد ترامب.", {}),
    ("نفى الكرملين أن يكون بوتين قد اتصل هاتفيا في وقت سابق من اليوم بالرئيس الفرنسي إيمانويل ماكرون.", {}),
]


@pytest.mark.parametrize(("text", "calls"), CASES)
def test_call_reach(extract: Extract, text: str, calls: dict[tuple[str, str], str | None]) -> None:
    """The calls found are the listed pairs, each with its initiator; none for a negative."""
    expected = {frozenset((P + a, P + b)): (P + who if who else None) for (a, b), who in calls.items()}
    assert initiators(extract(text, DAY)) == expected
