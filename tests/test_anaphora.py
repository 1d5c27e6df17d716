"""Anaphora to an actor the article already named (issue 14, discourse layer): an honorific
pronoun (وشدد جلالته، وأكد سموه، وأعرب معاليه) stands for the one named before who carries its
style, a party to the call first; a bare office noun (الوزير، الملك، ولي العهد) for the holder
named before; a bare body noun (الحكومة، الوزارة، الرئاسة، الخارجية) for the state whose body was
named; a bare البيان for the issuer of the statement named. Where nobody carries the style, or
two do and the carried subject does not tell them apart, nothing is credited. Sentences written
for these tests (kg/rules/anaphora.py; the rule is described in docs/extraction.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

DAY = date(2025, 3, 1)

ABDULLAH = "person/abdullah-ii-of-jordan"
RUTO = "person/william-ruto"
TAMIM = "person/tamim-bin-hamad-al-thani"
MBS = "person/mohammed-bin-salman"
HAITHAM = "person/haitham-bin-tariq"
SISI = "person/abdel-fattah-el-sisi"
MACRON = "person/emmanuel-macron"
SAFADI = "person/ayman-safadi"
ALBARES = "person/jose-manuel-albares"
SANCHEZ = "person/pedro-sanchez"
MELONI = "person/giorgia-meloni"
M6 = "person/mohammed-vi-of-morocco"
BOURITA = "person/nasser-bourita"
PEZESHKIAN = "person/masoud-pezeshkian"
GUTERRES = "person/antonio-guterres"
HAMAD = "person/hamad-bin-isa-al-khalifa"
FIDAN = "person/hakan-fidan"
MBZ = "person/mohamed-bin-zayed-al-nahyan"
SALMAN_BH = "person/salman-bin-hamad-al-khalifa"
SHEINBAUM = "person/claudia-sheinbaum"
JO = "state/JO"
FR = "state/FR"
EG = "state/EG"
TR = "state/TR"
ES = "state/ES"
QA = "state/QA"
ERDOGAN = "person/recep-tayyip-erdogan"
WONG = "person/penny-wong"
BAERBOCK = "person/annalena-baerbock"


# -- honorific pronouns: the one named before who carries the style --
HONORIFIC_CASES = [
    (
        "أجرى الرئيس الكيني وليام روتو اتصالاً هاتفياً مع الملك عبدالله الثاني. وشدد جلالته على ضرورة وقف التصعيد.",
        [(ABDULLAH, "DeEscalation")],
        [RUTO],
    ),
    (
        (
            "أجرى الرئيس الكيني وليام روتو اتصالاً هاتفياً مع الملك عبدالله الثاني. وتم خلال المكالمة بحث "
            "العلاقات الثنائية، وشدد جلالته على أهمية الحل السياسي."
        ),
        [(ABDULLAH, "DiplomaticSolution")],
        [RUTO],
    ),
    (
        (
            "تلقى أمير دولة قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون. "
            "وأكد سموه أهمية الحوار لحل الأزمة."
        ),
        [(TAMIM, "DiplomaticSolution")],
        [MACRON],
    ),
    (
        (
            "بحث ولي العهد السعودي الأمير محمد بن سلمان مع الرئيس المصري عبد الفتاح السيسي هاتفيا تطورات "
            "الأوضاع في غزة. من جانبه، أكد فخامته ضرورة وقف إطلاق النار."
        ),
        [(SISI, "Ceasefire")],
        [MBS],
    ),
    (
        (
            "أجرى أمير قطر الشيخ تميم بن حمد اتصالا هاتفيا مع وزير الخارجية الإسباني خوسيه مانويل ألباريس، "
            "ودعا معاليه إلى ضبط النفس."
        ),
        [(ALBARES, "Restraint")],
        [TAMIM],
    ),
    (
        (
            "أجرى الملك عبدالله الثاني اتصالا هاتفيا مع رئيس الوزراء الإسباني بيدرو سانشيز. وشدد دولته على "
            "ضرورة ضبط النفس."
        ),
        [(SANCHEZ, "Restraint")],
        [ABDULLAH],
    ),
    (
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالاً هاتفياً من رئيسة الوزراء الإيطالية جورجيا ميلوني، "
            "وأكد سيادته أهمية تثبيت وقف إطلاق النار."
        ),
        [(SISI, "Ceasefire")],
        [MELONI],
    ),
    (
        "قال العاهل المغربي الملك محمد السادس إن المملكة تتابع الأوضاع بقلق.\nودعا جلالته إلى وقف فوري لإطلاق النار.",
        [(M6, "Ceasefire")],
        [],
    ),
    (
        "هاتف السلطان هيثم بن طارق الرئيس الإيراني مسعود بزشكيان. وحث جلالته على ضبط النفس وتجنب التصعيد.",
        [(HAITHAM, "Restraint")],
        [PEZESHKIAN],
    ),
    (
        "تلقى الملك عبدالله الثاني اتصالا هاتفيا من أمير قطر الشيخ تميم بن حمد، وأكد سموه على ضرورة خفض التصعيد.",
        [(TAMIM, "DeEscalation")],
        [ABDULLAH],
    ),
    (
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الملك عبدالله الثاني، وأعرب جلالته عن "
            "دعمه لوقف إطلاق النار في غزة."
        ),
        [(ABDULLAH, "Ceasefire")],
        [MACRON],
    ),
    (
        (
            "تلقى ملك البحرين الملك حمد بن عيسى آل خليفة اتصالا من الرئيس التركي رجب طيب أردوغان.\nمن جانبه، "
            "شدد جلالته على أهمية الحلول الدبلوماسية."
        ),
        [(HAMAD, "DiplomaticSolution")],
        [ERDOGAN],
    ),
    (
        (
            "أجرى الرئيس الكيني وليام روتو اتصالاً هاتفياً مع الملك عبدالله الثاني. وجرى خلال الاتصال "
            "استعراض الأوضاع في المنطقة، وحذر فخامته من خطر التصعيد، ودعا جلالته إلى الحوار."
        ),
        [(ABDULLAH, "DiplomaticSolution")],
        [],
    ),
    (
        "تلقى وزير الخارجية التركي هاكان فيدان اتصالا من أمير قطر الشيخ تميم بن حمد. وأكد معاليه ضرورة التهدئة.",
        [(FIDAN, "DeEscalation")],
        [TAMIM],
    ),
    (
        (
            "أجرى الملك عبدالله الثاني اتصالا مع الرئيس الفرنسي إيمانويل ماكرون. وقال فخامته إن بلاده تدعم "
            "وقف إطلاق النار."
        ),
        [(MACRON, "Ceasefire")],
        [ABDULLAH],
    ),
    (
        (
            "تلقى الرئيس الكيني وليام روتو اتصالا من الملك عبدالله الثاني.\nوقال جلالته إن الأردن يدعو جميع "
            "الأطراف إلى ضبط النفس."
        ),
        [(ABDULLAH, "Restraint")],
        [RUTO],
    ),
    (
        "هاتف الرئيس التركي رجب طيب أردوغان أمير قطر الشيخ تميم بن حمد آل ثاني، وجدد سموه دعوته إلى وقف إطلاق النار.",
        [(TAMIM, "Ceasefire")],
        [ERDOGAN],
    ),
    (
        (
            "تلقى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا من الرئيس الكيني وليام روتو. ورحب دولته بالجهود "
            "الرامية إلى وقف إطلاق النار، مؤكدا أهمية الحوار."
        ),
        [(SANCHEZ, "DiplomaticSolution")],
        [RUTO],
    ),
    (
        "أجرت وزيرة الخارجية الأسترالية بيني وونغ اتصالا مع أمير قطر الشيخ تميم بن حمد، وأكدت معاليها ضرورة التهدئة.",
        [(WONG, "DeEscalation")],
        [],
    ),
    (
        "أجرى الملك عبدالله الثاني اتصالا مع السلطان هيثم بن طارق. وشدد جلالته على ضرورة التهدئة.",
        [(ABDULLAH, "DeEscalation")],
        [HAITHAM],
    ),
    (
        "تلقى الملك عبدالله الثاني اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.\nوبحث الجانبان العلاقات الثنائية.\n"
        "وتناول الاتصال الأوضاع في المنطقة.\nوأعرب الرئيس الفرنسي عن تقديره للأردن.\n"
        "وفي سياق آخر، استقبل جلالة السلطان هيثم بن طارق في مسقط وفدا برلمانيا.\nوأكد جلالته ضرورة وقف التصعيد.",
        [(HAITHAM, "DeEscalation")],
        [ABDULLAH],
    ),
    (
        "أجرت وزيرة الخارجية الأسترالية بيني وونغ اتصالا مع نظيرها الأردني أيمن الصفدي.\n"
        "وأكد معاليه خلال الاتصال ضرورة حماية المدنيين ووقف إطلاق النار.",
        [(SAFADI, "Ceasefire")],
        [WONG],
    ),
    (
        "أجرى الرئيس الكيني وليام روتو اتصالا هاتفيا مع رئيسة المكسيك كلوديا شينباوم.\nوأكدت فخامتها أهمية الحوار.",
        [(SHEINBAUM, "DiplomaticSolution")],
        [RUTO],
    ),
]

# -- bare office nouns: the holder named before --
OFFICE_CASES = [
    (
        "استقبل الرئيس الكيني وليام روتو وزير الخارجية المغربي ناصر بوريطة في نيروبي.\nودعا الوزير إلى ضبط النفس.",
        [(BOURITA, "Restraint")],
        [RUTO],
    ),
    (
        (
            "تلقى الرئيس الفرنسي إيمانويل ماكرون اتصالا من ولي العهد السعودي الأمير محمد بن سلمان. وأكد ولي "
            "العهد أهمية خفض التصعيد."
        ),
        [(MBS, "DeEscalation")],
        [MACRON],
    ),
    (
        "أجرى الرئيس الكيني وليام روتو اتصالا مع العاهل الأردني الملك عبدالله الثاني. ودعا الملك إلى وقف إطلاق النار.",
        [(ABDULLAH, "Ceasefire")],
        [RUTO],
    ),
    (
        "رحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالاتفاق.\nوحث الأمين العام الأطراف على ضبط النفس.",
        [(GUTERRES, "Restraint")],
        [],
    ),
    (
        (
            "بحث الملك عبدالله الثاني مع الرئيس الفرنسي إيمانويل ماكرون هاتفيا الأوضاع في المنطقة. ودعا "
            "الرئيس إلى وقف إطلاق النار."
        ),
        [(MACRON, "Ceasefire")],
        [ABDULLAH],
    ),
    (
        "تلقى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا من الرئيس الكيني وليام روتو. وأكد رئيس الوزراء دعمه للحوار.",
        [(SANCHEZ, "DiplomaticSolution")],
        [RUTO],
    ),
    (
        "تلقى السلطان هيثم بن طارق اتصالا من الرئيس الإيراني مسعود بزشكيان. وشدد السلطان على أهمية الحلول الدبلوماسية.",
        [(HAITHAM, "DiplomaticSolution")],
        [PEZESHKIAN],
    ),
    (
        "تلقى أمير قطر الشيخ تميم بن حمد اتصالا من الرئيس الكيني وليام روتو. وشدد الأمير على ضرورة ضبط النفس.",
        [(TAMIM, "Restraint")],
        [RUTO],
    ),
    (
        "التقت وزيرة الخارجية الألمانية أنالينا بيربوك الرئيس الكيني وليام روتو في برلين.\nوحثت الوزيرة على ضبط النفس.",
        [(BAERBOCK, "Restraint")],
        [RUTO],
    ),
    (
        (
            "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع وزير الخارجية المغربي ناصر بوريطة. "
            "وشدد الوزير على ضرورة وقف التصعيد."
        ),
        [(SAFADI, "DeEscalation")],
        [BOURITA],
    ),
    (
        "تلقى الرئيس الكيني وليام روتو اتصالا من وزير الخارجية المغربي ناصر بوريطة. وتطرق الوزير خلال الاتصال "
        "إلى الأوضاع في الساحل، مشددا على ضرورة وقف التصعيد.",
        [(BOURITA, "DeEscalation")],
        [RUTO],
    ),
    (
        "استقبل الرئيس الكيني وليام روتو وزير الخارجية التركي هاكان فيدان في نيروبي.\n"
        "وقال متحدث باسم الخارجية التركية إن الوزير دعا إلى ضبط النفس.",
        [(FIDAN, "Restraint")],
        [RUTO, TR],
    ),
    (
        "أجرى وزير الخارجية الإسباني خوسيه مانويل ألباريس اتصالا مع الرئيس الكيني وليام روتو.\n"
        "وأوضح بيان للخارجية الإسبانية أن الوزير شدد على أهمية الحوار.",
        [(ALBARES, "DiplomaticSolution")],
        [RUTO, ES],
    ),
    (
        "أكد الرئيس المصري عبد الفتاح السيسي دعم مصر للشعب اللبناني.\n"
        "وفي سياق متصل، أجرى الملك عبدالله الثاني اتصالا مع الرئيس الفرنسي إيمانويل ماكرون.\n"
        "ودعا الرئيس إلى وقف إطلاق النار.",
        [(MACRON, "Ceasefire")],
        [SISI, ABDULLAH],
    ),
    (
        "أكد الرئيس المصري عبد الفتاح السيسي دعم مصر للشعب اللبناني.\n"
        "وفي سياق متصل، أجرى الملك عبدالله الثاني اتصالا مع الرئيس الفرنسي إيمانويل ماكرون، "
        "ودعا الرئيس إلى وقف إطلاق النار.",
        [(MACRON, "Ceasefire")],
        [SISI, ABDULLAH],
    ),
    (
        "أكد ولي عهد البحرين الأمير سلمان بن حمد آل خليفة دعم بلاده للشعب الفلسطيني.\n"
        "وفي سياق متصل، تلقى الرئيس الفرنسي إيمانويل ماكرون اتصالا من ولي العهد السعودي الأمير محمد بن سلمان.\n"
        "وأكد ولي العهد أهمية خفض التصعيد.",
        [(MBS, "DeEscalation")],
        [SALMAN_BH, MACRON],
    ),
]

# -- bare body nouns and statements: the state whose body spoke --
BODY_CASES = [
    (
        "قالت الحكومة الأردنية إنها تتابع التطورات.\nوحثت الحكومة المجتمع الدولي على التحرك لإنهاء الحرب.",
        [(JO, "Ceasefire")],
        [],
    ),
    (
        "أصدرت الرئاسة الفرنسية بياناً حول الأوضاع في المنطقة. وطالب البيان بوقف فوري لإطلاق النار.",
        [(FR, "Ceasefire")],
        [],
    ),
    ("أعربت وزارة الخارجية المصرية عن قلقها من التطورات الأخيرة. ودعت الوزارة إلى ضبط النفس.", [(EG, "Restraint")], []),
    (
        "تابعت الخارجية التركية الأحداث عن كثب. وشددت الخارجية على أهمية الحوار بين الطرفين.",
        [(TR, "DiplomaticSolution")],
        [],
    ),
    ("أصدرت الحكومة الإسبانية بيانا مساء الأحد.\nودعا البيان إلى خفض التصعيد.", [(ES, "DeEscalation")], []),
    (
        "رحبت الحكومة القطرية بالإفراج عن الرهائن. وأكدت الحكومة أنها ستواصل العمل من أجل وقف إطلاق النار.",
        [(QA, "Ceasefire")],
        [],
    ),
    ("أعلنت الرئاسة المصرية متابعتها للتطورات.\nودعت الرئاسة كافة الأطراف إلى ضبط النفس.", [(EG, "Restraint")], []),
    ("ذكر بيان للرئاسة التركية أن أردوغان تابع التطورات. ودعا البيان إلى ضبط النفس.", [(TR, "Restraint")], []),
    (
        "رحبت الحكومة الأردنية بالاتفاق، كما رحبت به الحكومة المصرية.\nوشددت الحكومة على ضرورة تثبيت وقف إطلاق النار.",
        [(EG, "Ceasefire")],
        [JO],
    ),
    (
        "أصدرت الحكومة الأردنية والحكومة المصرية بيانا حول الأوضاع.\nوطالب البيان بوقف فوري لإطلاق النار.",
        [(JO, "Ceasefire"), (EG, "Ceasefire")],
        [],
    ),
]

# -- no antecedent, or one the rule cannot tell: no fact --
NEGATIVE_CASES = [
    ("وشدد جلالته على ضرورة وقف التصعيد.", [], [ABDULLAH, M6, HAMAD]),
    (
        "أجرى الرئيس الكيني وليام روتو اتصالا مع الرئيس الفرنسي إيمانويل ماكرون. وشدد جلالته على ضرورة وقف التصعيد.",
        [],
        [RUTO, MACRON],
    ),
    ("وحثت الحكومة المجتمع الدولي على التحرك لإنهاء الحرب.", [], [JO, EG, FR]),
    (
        "أجرى الرئيس الكيني وليام روتو اتصالا مع الرئيس الفرنسي إيمانويل ماكرون. وأكد سموه أهمية الحوار.",
        [],
        [RUTO, MACRON],
    ),
    (
        "أجرى أمير قطر الشيخ تميم بن حمد اتصالا مع الرئيس الكيني وليام روتو. وأكد الوزير أهمية الحوار.",
        [],
        [RUTO, TAMIM],
    ),
    (
        (
            "التقى وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية المغربي ناصر بوريطة في عمان.\nوشدد "
            "الوزير على ضرورة وقف التصعيد."
        ),
        [],
        [SAFADI, BOURITA],
    ),
    (
        (
            "أجرى رئيس الوزراء الإسباني بيدرو سانشيز اتصالا مع الرئيس المصري عبد الفتاح السيسي. وأكد السيسي "
            "دعم دولته لوقف إطلاق النار."
        ),
        [(SISI, "Ceasefire")],
        [SANCHEZ],
    ),
    ("وطالب البيان بوقف فوري لإطلاق النار.", [], [FR, EG]),
    (
        "بحث الملك عبدالله الثاني والسلطان هيثم بن طارق هاتفيا الأوضاع في المنطقة. وشدد جلالته على ضرورة التهدئة.",
        [],
        [ABDULLAH, HAITHAM],
    ),
    (
        "أعربت الحكومة الأردنية عن قلقها.\nوقال الرئيس الكيني وليام روتو إن الحكومة ستعمل على خفض التصعيد.",
        [(RUTO, "DeEscalation")],
        [JO],
    ),
    ("وقال متحدث باسم الخارجية التركية إن الوزير دعا إلى ضبط النفس.", [], [FIDAN, TR]),
]


@pytest.mark.parametrize(("text", "present", "absent"), HONORIFIC_CASES + OFFICE_CASES + BODY_CASES + NEGATIVE_CASES)
def test_anaphor_is_resolved(extract: Extract, text: str, present: list[tuple[str, str]], absent: list[str]) -> None:
    urged = keys(extract(text, DAY), "urged")
    assert set(present) <= urged
    assert not {a for a, _ in urged} & set(absent)


# -- the other relations: an anaphor as a caller, the one called or thanked, a warner, a mediator --
QA, RU, SA = "state/QA", "state/RU", "state/SA"
RELATION_CASES = [
    (
        "استقبل أمير قطر الشيخ تميم بن حمد آل ثاني وفدا برلمانيا في الدوحة.\n"
        "وفي وقت لاحق، أجرى سموه اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون.",
        "called",
        (MACRON, TAMIM),
    ),
    (
        "افتتح الملك عبدالله الثاني مشروعا في عمان.\nوتلقى جلالته اتصالا هاتفيا من الرئيس الكيني وليام روتو.",
        "called",
        (ABDULLAH, RUTO),
    ),
    (
        "تلقى الرئيس الكيني وليام روتو اتصالا من الملك عبدالله الثاني. وشكر الرئيس الكيني جلالته على جهوده.",
        "thanked",
        (RUTO, ABDULLAH),
    ),
    (
        "تلقى الرئيس الكيني وليام روتو اتصالا من الملك عبدالله الثاني. وأعرب روتو عن شكره لجلالته على دعمه.",
        "thanked",
        (RUTO, ABDULLAH),
    ),
    (
        "تلقى أمير قطر الشيخ تميم بن حمد اتصالا من الرئيس الكيني وليام روتو. "
        "وأكد سموه استعداد قطر للوساطة بين الطرفين.",
        "offeredMediation",
        (TAMIM,),
    ),
    (
        "أجرى الرئيس الكيني وليام روتو اتصالا مع الملك عبدالله الثاني. وحذر جلالته من خطر اتساع الحرب.",
        "warned",
        (ABDULLAH,),
    ),
    (
        "تلقى الرئيس الكيني وليام روتو اتصالا من أمير قطر الشيخ تميم بن حمد، حيث أكد سموه أهمية الحوار.",
        "urged",
        (TAMIM, "DiplomaticSolution"),
    ),
    (
        "أعربت وزارة الخارجية القطرية عن ترحيبها بالاتفاق.\nوأكدت الوزارة ضرورة الالتزام بوقف إطلاق النار.",
        "urged",
        (QA, "Ceasefire"),
    ),
    (
        "قالت وزارة الخارجية الروسية إنها تتابع الوضع.\nودعت الخارجية الأطراف إلى ضبط النفس.",
        "urged",
        (RU, "Restraint"),
    ),
    (
        "أصدر الديوان الملكي السعودي بيانا مساء أمس. وحث البيان المجتمع الدولي على العمل من أجل وقف إطلاق النار.",
        "urged",
        (SA, "Ceasefire"),
    ),
]


@pytest.mark.parametrize(("text", "relation", "fact"), RELATION_CASES)
def test_anaphor_takes_part_in_other_relations(
    extract: Extract, text: str, relation: str, fact: tuple[str, ...]
) -> None:
    found = keys(extract(text, DAY), relation)
    assert (tuple(sorted(fact)) if relation == "called" else fact) in found


def test_anaphor_caller_keeps_the_direction(extract: Extract) -> None:
    """ "أجرى سموه اتصالا مع X": the one the pronoun stands for placed the call."""
    text = (
        "استقبل أمير قطر الشيخ تميم بن حمد آل ثاني وفدا برلمانيا في الدوحة.\n"
        "وفي وقت لاحق، أجرى سموه اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون."
    )
    assert initiators(extract(text, DAY)) == {frozenset((TAMIM, MACRON)): TAMIM}
