"""Calls whose parties stand further from their words than the plain forms: a phone adverb and
times between the verb and its subject, a time phrase before the one called, the latter named
after "بناء على طلب من", the one called behind a title nobody knows as a whole, a talk verb far
before its phone adverb, the caller as the genitive of إجراء, the one told after a fronted call
frame, and negatives. Sentences written for this test (eighth session)."""

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
    # the one called behind a title the gazetteer does not know as a whole
    (
        "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا من الممثل الأعلى للسياسة الخارجية والأمنية"
        " في الاتحاد الأوروبي كايا كالاس.",
        {("ayman-safadi", "kaja-kallas"): "kaja-kallas"},
    ),
    (
        "أجرى رئيس الوزراء العراقي محمد شياع السوداني اتصالا هاتفيا مع رئيس حكومة إقليم كردستان نيجيرفان بارزاني.",
        {("mohammed-shia-al-sudani", "nechirvan-barzani"): "mohammed-shia-al-sudani"},
    ),
    (
        "اتصل الرئيس السوري أحمد الشرع برئيس ما يسمى بـ«المجلس السياسي الأعلى» في صنعاء، مهدي المشاط.",
        {("ahmed-al-sharaa", "mahdi-al-mashat"): "ahmed-al-sharaa"},
    ),
    (
        "تلقى الرئيس التونسي قيس سعيد اتصالا هاتفيا من رئيس المجلس الرئاسي الليبي محمد المنفي.",
        {("kais-saied", "mohamed-al-menfi"): "mohamed-al-menfi"},
    ),
    # a talk verb far before its phone adverb, past a long subject
    (
        "ناقشت الممثلة العليا للاتحاد الأوروبي كايا كالاس، مساء الثلاثاء في بروكسل، مع وزير الخارجية الأردني"
        " أيمن الصفدي هاتفيا تطورات غزة.",
        {("kaja-kallas", "ayman-safadi"): None},
    ),
    (
        "بحثت رئيسة وزراء إيطاليا جورجيا ميلوني، رئيسة حزب إخوة إيطاليا، مع الرئيس الجزائري عبد المجيد تبون"
        " هاتفيا ملف الطاقة.",
        {("giorgia-meloni", "abdelmadjid-tebboune"): None},
    ),
    (
        "تحدث الرئيس الروسي فلاديمير بوتين، الذي يزور الصين حاليا في جولة آسيوية، مع الرئيس التركي رجب طيب"
        " أردوغان عبر الهاتف.",
        {("vladimir-putin", "recep-tayyip-erdogan"): None},
    ),
    # the caller as the genitive of the verbal noun إجراء
    (
        "أعلنت الرئاسة التركية عن إجراء الرئيس رجب طيب أردوغان اتصالا هاتفيا مع نظيره الأمريكي دونالد ترامب.",
        {("recep-tayyip-erdogan", "donald-trump"): "recep-tayyip-erdogan"},
    ),
    (
        "كشف الكرملين عن إجراء فلاديمير بوتين مكالمة هاتفية بالرئيس الإيراني مسعود بزشكيان.",
        {("vladimir-putin", "masoud-pezeshkian"): "vladimir-putin"},
    ),
    (
        "رحبت القاهرة بإجراء الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع العاهل الأردني الملك عبد الله الثاني.",
        {("emmanuel-macron", "abdullah-ii-of-jordan"): "emmanuel-macron"},
    ),
    (
        "أعلن الإليزيه عن إجراء مكالمة هاتفية بين ماكرون والرئيس الأمريكي دونالد ترامب.",
        {("emmanuel-macron", "donald-trump"): None},
    ),
    # the one told after a fronted call frame
    (
        "خلال مكالمة هاتفية، أبلغ رئيس الوزراء البريطاني كير ستارمر الرئيس الأوكراني فولوديمير زيلينسكي أن لندن"
        " ستواصل دعمها.",
        {("keir-starmer", "volodymyr-zelenskyy"): None},
    ),
    (
        "في اتصال هاتفي، أطلع وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الأمريكي ماركو روبيو على جهود المملكة.",
        {("faisal-bin-farhan-al-saud", "marco-rubio"): None},
    ),
    (
        "في مكالمة هاتفية، أبلغ وزير الخارجية الصيني وانغ يي نظيره الإيراني عباس عراقجي أن بكين تدعم الحوار.",
        {("wang-yi", "abbas-araghchi"): None},
    ),
    (
        "في اتصال هاتفي، هنأ الرئيس التركي رجب طيب أردوغان نظيره اللبناني جوزاف عون بانتخابه.",
        {("recep-tayyip-erdogan", "joseph-aoun"): None},
    ),
    (
        "وفي مكالمة هاتفية، عزى ولي العهد السعودي الأمير محمد بن سلمان الرئيس الإيراني مسعود بزشكيان.",
        {("mohammed-bin-salman", "masoud-pezeshkian"): None},
    ),
    (
        "في اتصال هاتفي مع نظيره الروسي، هنأ الرئيس التركي رجب طيب أردوغان الشعب الروسي.",
        {("recep-tayyip-erdogan", "vladimir-putin"): None},
    ),
    ("في اتصال هاتفي، قال مسؤول إن بوتين مستعد للحوار.", {}),
    ("في مكالمة هاتفية، أكد الرئيس الروسي فلاديمير بوتين أن روسيا مستعدة للحوار.", {}),
    ("في مقابلة صحفية، أبلغ الرئيس الفرنسي إيمانويل ماكرون الرئيس اللبناني جوزاف عون دعم باريس.", {}),
    (
        "أجرى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا مع رئيس الوزراء، وقال الوزير الأردني أيمن الصفدي"
        " إن الأمر مهم.",
        {},
    ),
    (
        "بحث الرئيس المصري عبد الفتاح السيسي مع رئيس الوزراء الفلسطيني محمد مصطفى، خلال لقاء في القاهرة، التطورات.",
        {},
    ),
    # calls received from a group of counterparts: the one named next is the caller, also
    # with the number after the noun and the call noun owned by the receiver
    (
        "تلقى أيمن الصفدي اتصالات عدة من نظرائه العرب. وبحث الصفدي مع نظيره العماني بدر البوسعيدي التطورات.",
        {("ayman-safadi", "badr-albusaidi"): "badr-albusaidi"},
    ),
    (
        "تلقى أيمن الصفدي عدة اتصالات من نظرائه العرب. وأكد الصفدي خلال اتصاله مع نظيره العماني بدر البوسعيدي"
        " أهمية التهدئة.",
        {("ayman-safadi", "badr-albusaidi"): "badr-albusaidi"},
    ),
    (
        "تلقى الرئيس المصري عبد الفتاح السيسي مكالمات عديدة من نظرائه. وتطرق السيسي خلال اتصاله بالعاهل الأردني"
        " الملك عبد الله الثاني إلى الأوضاع في غزة.",
        {("abdel-fattah-el-sisi", "abdullah-ii-of-jordan"): "abdullah-ii-of-jordan"},
    ),
    (
        "أكد وزير الخارجية المصري بدر عبد العاطي خلال اتصاله بنظيره التركي هاكان فيدان أهمية التهدئة.",
        {("badr-abdelatty", "hakan-fidan"): "badr-abdelatty"},
    ),
    ("أجرى الرئيس التركي رجب طيب أردوغان اتصالات عديدة مع قادة المنطقة.", {}),
    # a headline's present dual verb after two parties, a bare title among them
    (
        "ملك الأردن والرئيس الفرنسي يبحثان مستجدات المنطقة عبر مكالمة هاتفية",
        {("abdullah-ii-of-jordan", "emmanuel-macron"): None},
    ),
    ("بوتين وأردوغان يبحثان هاتفيا الأزمة الأوكرانية", {("vladimir-putin", "recep-tayyip-erdogan"): None}),
    ("السيسي وماكرون يناقشان هاتفيا التطورات في غزة", {("abdel-fattah-el-sisi", "emmanuel-macron"): None}),
    ("الرئيس المصري ونظيره الفرنسي يبحثان الأوضاع في غزة", {}),
    ("ولي العهد السعودي والرئيس الأمريكي يبحثان في الرياض التعاون الدفاعي", {}),
    # a verb of including after the call noun names its counterparts
    (
        "أجرى وزير الخارجية الإيراني عباس عراقجي سلسلة اتصالات هاتفية شملت نظراءه السعودي فيصل بن فرحان والقطري"
        " محمد بن عبد الرحمن آل ثاني والعماني بدر البوسعيدي.",
        {
            ("abbas-araghchi", "faisal-bin-farhan-al-saud"): "abbas-araghchi",
            ("abbas-araghchi", "mohammed-bin-abdulrahman-al-thani"): "abbas-araghchi",
            ("abbas-araghchi", "badr-albusaidi"): "abbas-araghchi",
        },
    ),
    (
        "تلقى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالات هاتفية شملت الرئيس الفرنسي إيمانويل ماكرون والمستشار"
        " الألماني فريدريش ميرتس.",
        {
            ("tamim-bin-hamad-al-thani", "emmanuel-macron"): "emmanuel-macron",
            ("tamim-bin-hamad-al-thani", "friedrich-merz"): "friedrich-merz",
        },
    ),
    (
        "وأجرت رئيسة الوزراء الإيطالية جورجيا ميلوني مكالمات هاتفية شملت الرئيس التونسي قيس سعيد.",
        {("giorgia-meloni", "kais-saied"): "giorgia-meloni"},
    ),
    ("أجرى الرئيس المصري عبد الفتاح السيسي اتصالات مكثفة شملت ملفات عدة.", {}),
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
