"""The appeal-forms probe (issue 14, urged): short sentences written for it from the grammar of
Arabic appeals and ANNOTATION.md, with goals the extractor surely knows, varying one thing at a
time on the APPEAL side: the verb's form (perfect, imperfect, participle, verbal noun, future,
clitics, object pronouns), the stance construction, and who the appealing actor is (name, title,
state body, pronoun, word order, a long coordinated subject, a speaker after a quote, a call).

Each case is (sub-type, text, the actors that must urge, the topic each of them urges); an empty
set of actors is a negative: nobody urges anything there. ``tests/test_appeal_forms.py`` runs
them; ``python tests/test_appeal_forms.py`` prints the pass rate per sub-type and the failures."""

from __future__ import annotations

ERDOGAN = "person/recep-tayyip-erdogan"
ABDELATTY = "person/badr-abdelatty"
GUTERRES = "person/antonio-guterres"
MACRON = "person/emmanuel-macron"
LAVROV = "person/sergey-lavrov"
SAFADI = "person/ayman-safadi"
FAISAL = "person/faisal-bin-farhan-al-saud"
ARAGHCHI = "person/abbas-araghchi"
PEZESHKIAN = "person/masoud-pezeshkian"
STARMER = "person/keir-starmer"
MERZ = "person/friedrich-merz"
FIDAN = "person/hakan-fidan"
EGYPT = "state/EG"
QATAR = "state/QA"
CHINA = "state/CN"
USA = "state/US"
TURKEY = "state/TR"
JORDAN = "state/JO"
RUSSIA = "state/RU"
FRANCE = "state/FR"
UN = "org/un"
UNSC = "org/unsc"
ARAB_LEAGUE = "org/arab-league"
TAMIM = "person/tamim-bin-hamad-al-thani"

R, C, D, S, H = "Restraint", "Ceasefire", "DeEscalation", "DiplomaticSolution", "HumanitarianAid"

Case = tuple[str, str, frozenset[str], str]


def case(kind: str, text: str, topic: str, *actors: str) -> Case:
    """One probe sentence: its sub-type, text, the topic and the actors who must urge it."""
    return (kind, text, frozenset(actors), topic)


CASES: list[Case] = [
    # -- دعا: perfect, imperfect, participles, clitics, gender and number -----------------
    case("da3a", "دعا الرئيس التركي رجب طيب أردوغان إلى ضبط النفس.", R, ERDOGAN),
    case("da3a", "ودعت مصر جميع الأطراف إلى خفض التصعيد.", D, EGYPT),
    case("da3a", "يدعو وزير الخارجية الروسي سيرغي لافروف إلى وقف إطلاق النار.", C, LAVROV),
    case("da3a", "وتدعو قطر إلى الحل الدبلوماسي للأزمة.", S, QATAR),
    case("da3a", "فدعا وزير الخارجية الأردني أيمن الصفدي إلى إيصال المساعدات إلى غزة.", H, SAFADI),
    case("da3a", "ودعا أردوغان وماكرون إلى ضبط النفس.", R, ERDOGAN, MACRON),
    case("da3a", "ويدعو الرئيسان التركي والفرنسي إلى وقف إطلاق النار.", C, ERDOGAN, MACRON),
    case("da3a", "واختتم الصفدي كلمته داعيا إلى خفض التصعيد.", D, SAFADI),
    case("da3a", "وأصدرت قطر بيانا داعية إلى ضبط النفس.", R, QATAR),
    case("da3a", "وتحدث لافروف وعراقجي للصحفيين داعين إلى الحل الدبلوماسي.", S, LAVROV, ARAGHCHI),
    case("da3a", "ودعا وزير الخارجية التركي هاكان فيدان الجانبين إلى وقف إطلاق النار.", C, FIDAN),
    case("da3a", "دعاهم الرئيس الفرنسي إيمانويل ماكرون إلى ضبط النفس.", R, MACRON),
    # -- دعوة as a verbal noun ------------------------------------------------------------
    case("da3wa", "ووجه غوتيريش دعوة إلى وقف إطلاق النار.", C, GUTERRES),
    case("da3wa", "وأطلقت مصر دعوة لخفض التصعيد.", D, EGYPT),
    case("da3wa", "وجدد أردوغان دعوته إلى ضبط النفس.", R, ERDOGAN),
    case("da3wa", "وكرر ماكرون دعواته إلى إيصال المساعدات.", H, MACRON),
    case("da3wa", "وجددت قطر الدعوة إلى الحل الدبلوماسي.", S, QATAR),
    case("da3wa", "وفي دعوة إلى ضبط النفس، قال لافروف إن الوضع خطير.", R, LAVROV),
    case("da3wa", "وأطلق الصفدي دعوات متكررة إلى وقف إطلاق النار.", C, SAFADI),
    # -- طالب ----------------------------------------------------------------------------
    case("talaba", "وطالب وزير الخارجية المصري بدر عبد العاطي بوقف إطلاق النار.", C, ABDELATTY),
    case("talaba", "وتطالب الصين بضبط النفس.", R, CHINA),
    case("talaba", "ويطالب غوتيريش بإيصال المساعدات دون عوائق.", H, GUTERRES),
    case("talaba", "وختم الصفدي حديثه مطالبا بخفض التصعيد.", D, SAFADI),
    case("talaba", "وجددت مصر مطالبتها بوقف إطلاق النار.", C, EGYPT),
    case("talaba", "وطالبت قطر المجتمع الدولي بالضغط من أجل وقف إطلاق النار.", C, QATAR),
    # -- حث / حض ---------------------------------------------------------------------------
    case("hathth", "وحث الرئيس الإيراني مسعود بزشكيان على ضبط النفس.", R, PEZESHKIAN),
    case("hathth", "وتحث مصر الأطراف على وقف إطلاق النار.", C, EGYPT),
    case("hathth", "ويحث غوتيريش الجميع على خفض التصعيد.", D, GUTERRES),
    case("hathth", "واتصل ماكرون بأردوغان وحثه على ضبط النفس.", R, MACRON),
    case("hathth", "واتصل لافروف بالصفدي وحثه على الحل الدبلوماسي.", S, LAVROV),
    case("hathth", "وهاتف أردوغان ماكرون حاثا على خفض التصعيد.", D, ERDOGAN),
    case("hathth", "وحثت الخارجية الأمريكية على إيصال المساعدات.", H, USA),
    # -- ناشد / أهاب ----------------------------------------------------------------------
    case("nashada", "وناشد غوتيريش جميع الأطراف وقف إطلاق النار.", C, GUTERRES),
    case("nashada", "وتناشد قطر الطرفين ضبط النفس.", R, QATAR),
    case("nashada", "ووجه الصفدي مناشدة لإيصال المساعدات.", H, SAFADI),
    case("nashada", "وأهاب وزير الخارجية المصري بدر عبد العاطي بالأطراف ضبط النفس.", R, ABDELATTY),
    case("nashada", "وأهابت مصر بالمجتمع الدولي العمل على خفض التصعيد.", D, EGYPT),
    case("nashada", "وختم أردوغان مناشدا الطرفين وقف إطلاق النار.", C, ERDOGAN),
    # -- شدد على ضرورة / أهمية -------------------------------------------------------------
    case("shaddada", "وشدد ماكرون على ضرورة ضبط النفس.", R, MACRON),
    case("shaddada", "وشددت الخارجية الصينية على أهمية الحل الدبلوماسي.", S, CHINA),
    case("shaddada", "ويشدد لافروف على ضرورة وقف إطلاق النار.", C, LAVROV),
    case("shaddada", "وأنهى فيدان زيارته مشددا على أهمية خفض التصعيد.", D, FIDAN),
    case("shaddada", "وأصدرت قطر بيانا مشددة على ضرورة إيصال المساعدات.", H, QATAR),
    case("shaddada", "وشدد الوزيران الأردني والسعودي على ضرورة وقف إطلاق النار.", C, SAFADI, FAISAL),
    # -- أكد ضرورة / على أهمية -------------------------------------------------------------
    case("akkada", "وأكد ستارمر ضرورة ضبط النفس.", R, STARMER),
    case("akkada", "وأكدت مصر على أهمية وقف إطلاق النار.", C, EGYPT),
    case("akkada", "ويؤكد عراقجي أهمية الحل الدبلوماسي.", S, ARAGHCHI),
    case("akkada", "وتحدث ميرتس للصحفيين مؤكدا ضرورة خفض التصعيد.", D, MERZ),
    case("akkada", "وأكد الصفدي على ضرورة إيصال المساعدات.", H, SAFADI),
    case("akkada", "وجدد أردوغان تأكيده على أهمية وقف إطلاق النار.", C, ERDOGAN),
    # -- جدد / كرر ------------------------------------------------------------------------
    case("renew", "وجدد غوتيريش مطالبته بوقف إطلاق النار.", C, GUTERRES),
    case("renew", "وكررت قطر دعوتها إلى ضبط النفس.", R, QATAR),
    case("renew", "وكرر لافروف تأكيده على ضرورة الحل الدبلوماسي.", S, LAVROV),
    case("renew", "وجددت الخارجية الصينية دعوتها لخفض التصعيد.", D, CHINA),
    case("renew", "وجدد الصفدي مناشدته لإيصال المساعدات.", H, SAFADI),
    # -- أعرب/عبّر عن أمله أو تطلعه ---------------------------------------------------------
    case("hope", "وأعرب غوتيريش عن أمله في وقف إطلاق النار.", C, GUTERRES),
    case("hope", "وعبر أردوغان عن أمله في خفض التصعيد.", D, ERDOGAN),
    case("hope", "وأعربت قطر عن تطلعها إلى الحل الدبلوماسي.", S, QATAR),
    case("hope", "وأعرب ماكرون عن تطلعه إلى وقف إطلاق النار.", C, MACRON),
    case("hope", "ويأمل لافروف في ضبط النفس.", R, LAVROV),
    case("hope", "وتتطلع مصر إلى وقف إطلاق النار.", C, EGYPT),
    case("hope", "وأبدى فيدان أمله في إيصال المساعدات.", H, FIDAN),
    # -- حرص على --------------------------------------------------------------------------
    case("keen", "وأكد أردوغان حرصه على خفض التصعيد.", D, ERDOGAN),
    case("keen", "وتحرص قطر على الحل الدبلوماسي.", S, QATAR),
    case("keen", "وأبدى الصفدي حرص الأردن على وقف إطلاق النار.", C, SAFADI),
    case("keen", "وحرصت مصر على إيصال المساعدات.", H, EGYPT),
    case("keen", "وقال ماكرون إن فرنسا حريصة على خفض التصعيد.", D, MACRON),
    # -- دعم / أيد / رحب -------------------------------------------------------------------
    case("support", "وأعلن أردوغان دعمه لوقف إطلاق النار.", C, ERDOGAN),
    case("support", "وأيدت الصين الحل الدبلوماسي.", S, CHINA),
    case("support", "ويؤيد لافروف وقف إطلاق النار.", C, LAVROV),
    case("support", "ورحبت قطر بوقف إطلاق النار.", C, QATAR),
    case("support", "وأبدى ماكرون تأييده للحل الدبلوماسي.", S, MACRON),
    case("support", "وأعرب الصفدي عن دعم الأردن لخفض التصعيد.", D, SAFADI),
    case("support", "وأعربت مصر عن ترحيبها بوقف إطلاق النار.", C, EGYPT),
    # -- سعى / يعمل على ---------------------------------------------------------------------
    case("work", "وتسعى قطر إلى وقف إطلاق النار.", C, QATAR),
    case("work", "وسعى أردوغان إلى خفض التصعيد.", D, ERDOGAN),
    case("work", "وتعمل مصر على إيصال المساعدات.", H, EGYPT),
    case("work", "ويعمل غوتيريش من أجل وقف إطلاق النار.", C, GUTERRES),
    case("work", "وتبذل الصين جهودا لخفض التصعيد.", D, CHINA),
    case("work", "وأكد فيدان سعي تركيا إلى الحل الدبلوماسي.", S, FIDAN),
    # -- passive / impersonal after a call --------------------------------------------------
    case(
        "passive",
        "وأجرى أردوغان اتصالا هاتفيا مع ماكرون. وجرى التأكيد على ضرورة وقف إطلاق النار.",
        C,
        ERDOGAN,
        MACRON,
    ),
    case(
        "passive",
        "وتلقى الصفدي اتصالا هاتفيا من لافروف، وتم خلاله التشديد على أهمية خفض التصعيد.",
        D,
        SAFADI,
        LAVROV,
    ),
    case(
        "passive",
        "وبحث عبد العاطي هاتفيا مع فيدان التطورات، وجرى التأكيد على ضرورة ضبط النفس.",
        R,
        ABDELATTY,
        FIDAN,
    ),
    case(
        "passive",
        "وبحث وزير الخارجية المصري بدر عبد العاطي هاتفيا مع فيدان التطورات، وجرى التأكيد على ضرورة ضبط النفس.",
        R,
        ABDELATTY,
        FIDAN,
    ),
    # -- future ------------------------------------------------------------------------------
    case("future", "وسيدعو أردوغان إلى وقف إطلاق النار.", C, ERDOGAN),
    case("future", "وستطالب مصر بإيصال المساعدات.", H, EGYPT),
    case("future", "وقال ماكرون إن فرنسا ستعمل على خفض التصعيد.", D, MACRON),
    case("future", "وسوف تدعو قطر إلى الحل الدبلوماسي.", S, QATAR),
    case("future", "وقال لافروف إن روسيا سوف تعمل على خفض التصعيد.", D, LAVROV),
    case("future", "وسوف يطالب غوتيريش بإيصال المساعدات.", H, GUTERRES),
    # -- the subject: pronoun after a first sentence, VSO, SVO, long coordination ------------
    case("pronoun", "ووصل أردوغان إلى الدوحة. ودعا إلى ضبط النفس.", R, ERDOGAN),
    case("pronoun", "وعقد الصفدي مؤتمرا صحفيا في عمان. وطالب بوقف إطلاق النار.", C, SAFADI),
    case("pronoun", "واستقبل غوتيريش وفدا في نيويورك. وشدد على ضرورة إيصال المساعدات.", H, GUTERRES),
    case("svo", "أردوغان يدعو إلى ضبط النفس.", R, ERDOGAN),
    case("svo", "ومصر تطالب بوقف إطلاق النار.", C, EGYPT),
    case("svo", "والرئيس الفرنسي إيمانويل ماكرون يشدد على ضرورة خفض التصعيد.", D, MACRON),
    case("svo", "وقطر تؤكد أهمية الحل الدبلوماسي.", S, QATAR),
    case(
        "long_subject",
        "ودعا الرئيس التركي رجب طيب أردوغان والرئيس الفرنسي إيمانويل ماكرون ورئيس الوزراء البريطاني "
        "كير ستارمر، في ختام اجتماعهم في إسطنبول، إلى ضبط النفس.",
        R,
        ERDOGAN,
        MACRON,
        STARMER,
    ),
    case(
        "long_subject",
        "وشدد وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية السعودي الأمير فيصل بن فرحان ووزير "
        "الخارجية المصري بدر عبد العاطي على ضرورة وقف إطلاق النار.",
        C,
        SAFADI,
        FAISAL,
        ABDELATTY,
    ),
    case(
        "long_subject",
        "وطالبت مصر وقطر والأردن، في بيان مشترك صدر مساء الأحد، بإيصال المساعدات.",
        H,
        EGYPT,
        QATAR,
        JORDAN,
    ),
    # -- statement of X, ministry of X --------------------------------------------------------
    case("statement", "ودعت وزارة الخارجية القطرية إلى ضبط النفس.", R, QATAR),
    case("statement", "وطالب بيان الخارجية المصرية بوقف إطلاق النار.", C, EGYPT),
    case("statement", "وشددت الرئاسة التركية على أهمية خفض التصعيد.", D, TURKEY),
    case("statement", "ودعت الحكومة الأردنية في بيان إلى إيصال المساعدات.", H, JORDAN),
    case("statement", "ودعا بيان الرئاسة التركية إلى وقف إطلاق النار.", C, TURKEY),
    case("statement", "وشدد بيان وزارة الخارجية الصينية على أهمية الحل الدبلوماسي.", S, CHINA),
    # -- a speaker after a quote -------------------------------------------------------------
    case("quote", "«ندعو جميع الأطراف إلى ضبط النفس»، قال أردوغان.", R, ERDOGAN),
    case("quote", "«نطالب بوقف إطلاق النار فورا»، قال الصفدي للصحفيين.", C, SAFADI),
    case("quote", "«لا بد من خفض التصعيد»، هكذا قال ماكرون.", D, MACRON),
    case("quote", "«نحث الطرفين على وقف إطلاق النار»، قالت قطر في بيان.", C, QATAR),
    case("quote", "«يجب إيصال المساعدات دون تأخير»، قال غوتيريش.", H, GUTERRES),
    case("quote", "«ندعو إلى الحل الدبلوماسي»، قال المتحدث باسم الخارجية الروسية.", S, RUSSIA),
    # -- in a call with Y, X urged -----------------------------------------------------------
    case("call", "وخلال اتصال هاتفي مع ماكرون، دعا أردوغان إلى ضبط النفس.", R, ERDOGAN),
    case("call", "وفي اتصال هاتفي مع لافروف، شدد عراقجي على ضرورة وقف إطلاق النار.", C, ARAGHCHI),
    case("call", "وأجرى الصفدي اتصالا هاتفيا مع فيدان، طالب خلاله بإيصال المساعدات.", H, SAFADI),
    case("call", "وأجرى أردوغان اتصالا هاتفيا مع ماكرون، دعا خلاله إلى خفض التصعيد.", D, ERDOGAN),
    case("call", "وتلقى الصفدي اتصالا هاتفيا من لافروف، حث خلاله على ضبط النفس.", R, LAVROV),
    case(
        "call",
        "وتلقى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان، "
        "دعا فيه إلى وقف إطلاق النار.",
        C,
        ERDOGAN,
    ),
    case("call", "وتلقى ماكرون اتصالا من أردوغان، أكد خلاله ماكرون ضرورة ضبط النفس.", R, MACRON),
    case("call", "وتلقى ماكرون اتصالا من أردوغان، وأكد ضرورة ضبط النفس.", R, MACRON),
    # -- X urged "all parties" / Y: the agent stays X ------------------------------------------
    case("addressee", "ودعا غوتيريش جميع الأطراف إلى وقف إطلاق النار.", C, GUTERRES),
    case("addressee", "وحثت مصر إسرائيل على وقف إطلاق النار.", C, EGYPT),
    case("addressee", "وطالب ماكرون روسيا بخفض التصعيد.", D, MACRON),
    case("addressee", "وناشد الصفدي الولايات المتحدة العمل على إيصال المساعدات.", H, SAFADI),
    # -- negatives: nobody urges ---------------------------------------------------------------
    case("negative", "ورفضت روسيا الدعوات إلى وقف إطلاق النار.", C),
    case("negative", "ورفض أردوغان دعوات ضبط النفس.", R),
    case("negative", "ونفت قطر أن تكون دعت إلى وقف إطلاق النار.", C),
    case("negative", "ولم يدع لافروف إلى ضبط النفس.", R),
    case("negative", "ولا تطالب الصين بوقف إطلاق النار.", C),
    case("negative", "وقد يدعو ماكرون إلى خفض التصعيد.", D),
    case("negative", "وبحث أردوغان مع ماكرون سبل خفض التصعيد.", D),
    case("negative", "ونفى لافروف أن يكون طالب بوقف إطلاق النار.", C),
    case("negative", "ونفت الخارجية الصينية أن تكون الصين دعت إلى ضبط النفس.", R),
    case("negative", "وقال ماكرون إنه لا بد من خفض التصعيد.", D, MACRON),
    # -- reported by a third party: the reporter does not urge --------------------------------
    case("reported", "وقال لافروف إن مصر تطالب بوقف إطلاق النار.", C, EGYPT),
    case("reported", "وذكرت الخارجية الروسية أن قطر دعت إلى ضبط النفس.", R, QATAR),
    case("reported", "وأفاد ماكرون بأن أردوغان حثه على خفض التصعيد.", D, ERDOGAN),
    # -- round 2: dual and feminine forms -----------------------------------------------------
    case("dual", "ودعت مصر وقطر إلى وقف إطلاق النار.", C, EGYPT, QATAR),
    case("dual", "وطالبت مصر وقطر بإيصال المساعدات.", H, EGYPT, QATAR),
    case("dual", "وتدعو مصر وقطر إلى ضبط النفس.", R, EGYPT, QATAR),
    case("dual", "وأكد أردوغان وماكرون ضرورة خفض التصعيد.", D, ERDOGAN, MACRON),
    case("dual", "وشددت الصين وروسيا على أهمية الحل الدبلوماسي.", S, CHINA, RUSSIA),
    # -- round 2: object pronouns and verbal nouns with a pronoun --------------------------------
    case("object_pronoun", "واتصلت قطر بالطرفين وحثتهما على وقف إطلاق النار.", C, QATAR),
    case("object_pronoun", "والتقى غوتيريش الوفدين ودعاهما إلى ضبط النفس.", R, GUTERRES),
    case("object_pronoun", "واستقبل ماكرون الوزير وطالبه بخفض التصعيد.", D, MACRON),
    case("object_pronoun", "وجدد لافروف تشديده على ضرورة الحل الدبلوماسي.", S, LAVROV),
    case("object_pronoun", "وأكدت مصر تمسكها بوقف إطلاق النار.", C, EGYPT),
    case("object_pronoun", "وأعلنت قطر تأييدها لوقف إطلاق النار.", C, QATAR),
    # -- round 2: words between the verb and the goal ------------------------------------------
    case("between", "ودعا أردوغان، الأحد، إلى ضبط النفس.", R, ERDOGAN),
    case(
        "between",
        "ودعا أردوغان في كلمة ألقاها أمام البرلمان في أنقرة إلى ضبط النفس.",
        R,
        ERDOGAN,
    ),
    case("between", "ودعت الصين، على لسان المتحدث باسم خارجيتها، إلى خفض التصعيد.", D, CHINA),
    case("between", "وطالبت مصر، في بيان لوزارة خارجيتها، بوقف إطلاق النار.", C, EGYPT),
    case(
        "between",
        "وطالب الصفدي، خلال مؤتمر صحفي مشترك مع نظيره التركي في عمان، بإيصال المساعدات.",
        H,
        SAFADI,
    ),
    # -- round 2: headlines --------------------------------------------------------------------
    case("headline", "غوتيريش يطالب بوقف إطلاق النار", C, GUTERRES),
    case("headline", "أردوغان: ندعو إلى ضبط النفس", R, ERDOGAN),
    case("headline", "قطر تدعو إلى خفض التصعيد", D, QATAR),
    case("headline", "مصر تحث على إيصال المساعدات", H, EGYPT),
    # -- round 2: negatives ----------------------------------------------------------------------
    case("negative2", "وانتقد لافروف الدعوات إلى وقف إطلاق النار.", C),
    case("negative2", "ولم تستجب روسيا للدعوات إلى ضبط النفس.", R),
    case("negative2", "ودعت دول عدة إلى وقف إطلاق النار.", C),
    case("negative2", "وطالبت مصادر دبلوماسية بخفض التصعيد.", D),
    case("negative2", "وتجاهلت روسيا دعوات الحل الدبلوماسي.", S),
    case("negative2", "وتساءل ماكرون: هل ندعو إلى وقف إطلاق النار؟", C),
    # -- round 3: "his country" and the speaker's own state ---------------------------------------
    case("own_state", "وقال أردوغان إن بلاده تدعو إلى وقف إطلاق النار.", C, ERDOGAN),
    case("own_state", "وأكد الصفدي أن بلاده تدعم الحل الدبلوماسي.", S, SAFADI),
    case("own_state", "وأوضح ماكرون أن فرنسا تطالب بإيصال المساعدات.", H, MACRON),
    case("own_state", "وأكد أمير قطر الشيخ تميم بن حمد آل ثاني أن قطر تسعى إلى خفض التصعيد.", D, TAMIM),
    # -- round 3: openers and carried subjects ----------------------------------------------------
    case("opener", "ومن جانبه، دعا لافروف إلى ضبط النفس.", R, LAVROV),
    case("opener", "من جهتها، طالبت قطر بوقف إطلاق النار.", C, QATAR),
    case("opener", "وبدوره، شدد غوتيريش على ضرورة إيصال المساعدات.", H, GUTERRES),
    case("opener", "وزار أردوغان الدوحة. كما دعا إلى الحل الدبلوماسي.", S, ERDOGAN),
    case("opener", "وقال ماكرون إن الوضع خطير. وأضاف أن فرنسا تدعو إلى خفض التصعيد.", D, MACRON),
    case(
        "opener",
        "وأجرى أردوغان اتصالا هاتفيا مع ماكرون. وأعرب الجانبان عن أملهما في وقف إطلاق النار.",
        C,
        ERDOGAN,
        MACRON,
    ),
    # -- round 3: relative clauses and appositions -----------------------------------------------
    case("relative", "وكان أردوغان، الذي يزور قطر، قد دعا إلى ضبط النفس.", R, ERDOGAN),
    case("relative", "وكانت قطر من بين الدول التي دعت إلى وقف إطلاق النار.", C, QATAR),
    case("relative", "وماكرون الذي طالب بخفض التصعيد التقى أردوغان.", D, MACRON),
    case("relative", "وأيد لافروف، وزير الخارجية الروسي، الحل الدبلوماسي.", S, LAVROV),
    case("relative", "ودعا ماكرون، الذي التقى أردوغان، إلى ضبط النفس.", R, MACRON),
    case("relative", "وقال أردوغان، الذي يزور قطر، إن تركيا تدعو إلى وقف إطلاق النار.", C, ERDOGAN),
    # -- round 3: organisations and rulers ------------------------------------------------------------
    case("organisation", "ودعت الأمم المتحدة إلى ضبط النفس.", R, UN),
    case("organisation", "وطالب مجلس الأمن في بيان بوقف إطلاق النار.", C, UNSC),
    case("organisation", "وحثت جامعة الدول العربية على خفض التصعيد.", D, ARAB_LEAGUE),
    case("organisation", "وناشدت الأمم المتحدة المجتمع الدولي إيصال المساعدات.", H, UN),
    # -- round 3: a goal phrased as a clause or a commitment ------------------------------------------
    case("clause_goal", "وأعرب غوتيريش عن أمله في أن يتم التوصل إلى وقف إطلاق النار.", C, GUTERRES),
    case("clause_goal", "وشدد الصفدي على ضرورة العمل على خفض التصعيد.", D, SAFADI),
    case("clause_goal", "ودعا أردوغان جميع الأطراف إلى الالتزام بوقف إطلاق النار.", C, ERDOGAN),
    case("clause_goal", "«نأمل في وقف إطلاق النار قريبا»، قال لافروف.", C, LAVROV),
    # -- round 3: negatives ------------------------------------------------------------------------
    case("negative3", "وقال لافروف إن روسيا لا تدعو إلى وقف إطلاق النار.", C),
    case("negative3", "ولم تطالب قطر بخفض التصعيد.", D),
    case("negative3", "وتساءلت مصر عما إذا كانت الأطراف ستلتزم بوقف إطلاق النار.", C),
    case("negative3", "وتجاهل ماكرون دعوة أردوغان إلى ضبط النفس.", R, ERDOGAN),
    # -- round 4: an appeal that asks someone to appeal, a fronted appeal noun -------------------
    case("embedded", "وحث ماكرون المبعوث الأممي على أن يدعو إسرائيل إلى ضبط النفس.", R, MACRON),
    case("embedded", "وطالب ماكرون بأن تدعو الأمم المتحدة إلى ضبط النفس.", R, MACRON),
    case("embedded", "وناشدت قطر الوسطاء أن يحثوا الطرفين على وقف إطلاق النار.", C, QATAR),
    case("embedded", "وشدد أردوغان على أن روسيا تدعو إلى وقف إطلاق النار.", C, RUSSIA),
    case("fronted", "وفي دعوة إلى ضبط النفس، قال لافروف إن الوضع خطير.", R, LAVROV),
    case("fronted", "وفي دعوة صريحة إلى وقف إطلاق النار، حث ماكرون الطرفين على التهدئة.", C, MACRON),
    case("fronted", "وفي مناشدة لإيصال المساعدات، أكد غوتيريش أن الوضع كارثي.", H, GUTERRES),
    case("fronted", "وفي ظل الدعوات إلى وقف إطلاق النار، قال لافروف إن الوضع خطير.", C),
    case("fronted", "وبعد دعوات إلى ضبط النفس، قال لافروف إن الوضع خطير.", R),
    # -- round 5: a verb joined after a reported clause, by its gender --------------------------
    case(
        "coordinated",
        "وذكرت الخارجية المصرية أن الصفدي نقل تحيات الملك إلى الرئيس، وشدد على أهمية الحل الدبلوماسي.",
        S,
        SAFADI,
    ),
    case(
        "coordinated",
        "وذكرت الخارجية المصرية أن الصفدي نقل تحيات الملك إلى الرئيس، وشددت على أهمية الحل الدبلوماسي.",
        S,
        EGYPT,
    ),
    case("coordinated", "وقال لافروف إن قطر استضافت المحادثات، ودعا إلى خفض التصعيد.", D, LAVROV),
    case("coordinated", "وقال لافروف إن قطر استضافت المحادثات، ودعت إلى خفض التصعيد.", D, QATAR),
    case("coordinated", "وأعلنت قطر أن أردوغان وصل إلى الدوحة، وطالب بوقف إطلاق النار.", C, ERDOGAN),
    case("coordinated", "وأعلنت قطر أن أردوغان وصل إلى الدوحة، وطالبت بوقف إطلاق النار.", C, QATAR),
    # -- round 6: appeal nouns owned by a genitive, his country's position, statements ------------
    case("owned", "وجاءت دعوة أردوغان إلى ضبط النفس بعد تصاعد القتال.", R, ERDOGAN),
    case("owned", "ورحب ماكرون بدعوة أردوغان إلى ضبط النفس.", R, ERDOGAN, MACRON),
    case("owned", "وأبدى أردوغان استعداد بلاده لدعم وقف إطلاق النار.", C, ERDOGAN),
    case("owned", "وجدد لافروف موقف بلاده الداعي إلى الحل الدبلوماسي.", S, LAVROV),
    case("owned", "وأصدرت مصر وقطر بيانا مشتركا يدعو إلى وقف إطلاق النار.", C, EGYPT, QATAR),
    case("modal", "وقال لافروف إنه يجب وقف إطلاق النار.", C, LAVROV),
    case("modal", "وأكد الصفدي أن الحل الدبلوماسي هو السبيل الوحيد.", S, SAFADI),
    case("modal", "وشدد ماكرون على أنه لا بديل عن الحل الدبلوماسي.", S, MACRON),
    case("quote2", "«أدعو جميع الأطراف إلى ضبط النفس»، قال غوتيريش.", R, GUTERRES),
    case("quote2", "وقال ماكرون في تغريدة على منصة إكس: «ندعو إلى خفض التصعيد».", D, MACRON),
    case(
        "quote2",
        "ونقلت وكالة الأنباء القطرية عن أمير قطر قوله إن قطر تدعو إلى وقف إطلاق النار.",
        C,
        TAMIM,
    ),
    case("quote2", "وقالت وزارة الخارجية القطرية في بيان إنها تدعو إلى ضبط النفس.", R, QATAR),
    case("quote2", "وأكد البيان الختامي للقمة ضرورة وقف إطلاق النار.", C),
]
