"""Calls, fourth pass (issue 14, calls family): who a call is with when the article names the
other side loosely. A title nobody can tell on the article's date names nobody (not its state)
and does not end a list; a written ta marbuta is no pronoun on a name (الرئيسية is not رئيسي +
ه); a headline's state call is the body's call with the head of a movement. Sentences written
for the phenomena, not taken from any corpus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import initiators, keys

from kg.dates import sentence_date
from kg.extract import Extractor
from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

HUSSEIN = "person/fuad-hussein"
SAFADI = "person/ayman-safadi"
SUDANI = "person/mohammed-shia-al-sudani"
ERDOGAN = "person/recep-tayyip-erdogan"
BOURITA = "person/nasser-bourita"
RAISI = "person/ebrahim-raisi"
MASHAT = "person/mahdi-al-mashat"
TAMIM = "person/tamim-bin-hamad-al-thani"
SHARAA = "person/ahmed-al-sharaa"
HOUTHI = "person/abdul-malik-al-houthi"


def pair(one: str, other: str) -> tuple[str, ...]:
    return tuple(sorted((one, other)))


# -- an undated title with two possible holders names nobody, and the list goes on ---------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أجرى وزير الخارجية العراقي فؤاد حسين اتصالات هاتفية مع وزير خارجية جمهورية مصر العربية، "
            "ووزير خارجية المملكة الأردنية الهاشمية.",
            {pair(HUSSEIN, SAFADI)},
        ),
        (
            "بحث رئيس الوزراء العراقي محمد شياع السوداني هاتفيا مع وزير خارجية مصر، والرئيس التركي "
            "رجب طيب أردوغان، تطورات المنطقة.",
            {pair(SUDANI, ERDOGAN)},
        ),
        (
            "وتلقى وزير الخارجية المغربي ناصر بوريطة اتصالات هاتفية من وزير خارجية مصر، ومن وزير "
            "الخارجية الأردني أيمن الصفدي.",
            {pair(BOURITA, SAFADI)},
        ),
    ],
)
def test_undated_title_names_nobody_and_the_list_goes_on(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text), "called") == expected


@pytest.mark.parametrize(
    "text",
    [
        "تلقى وزير الخارجية العراقي فؤاد حسين اتصالا هاتفيا من وزير خارجية مصر.",
        "وأجرى رئيس الوزراء العراقي محمد شياع السوداني اتصالا هاتفيا مع وزير الخارجية المصري.",
    ],
)
def test_undated_title_is_not_its_state(extract: Extract, text: str) -> None:
    # Egypt's foreign minister changed in 2024: undated, the call is with nobody we can tell.
    assert keys(extract(text), "called") == set()


def test_dated_title_is_its_holder(extract: Extract) -> None:
    text = "تلقى وزير الخارجية العراقي فؤاد حسين اتصالا هاتفيا من وزير خارجية مصر."
    assert keys(extract(text, published=date(2025, 3, 1)), "called") == {pair(HUSSEIN, "person/badr-abdelatty")}


# -- a written ta marbuta is no pronoun: "الرئيسية" is not Raisi ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "الرئيسية - أخبار - إيران تجري اتصالا مع اليمن\n"
        "أجرى الرئيس الإيراني إبراهيم رئيسي اتصالا هاتفيا مع مهدي المشاط.",
        "أجرى الرئيس الإيراني إبراهيم رئيسي اتصالا هاتفيا مع أمير قطر. "
        "وقالت الرئيسية في بيان إن قطر تلقت اتصالا من تركيا.",
        "تلقى أمير قطر اتصالا هاتفيا من إبراهيم رئيسي. وكانت القضية الرئيسية في الاتصال مع اليمن.",
    ],
)
def test_feminine_adjective_is_not_a_name(extract: Extract, text: str) -> None:
    result = extract(text, published=date(2023, 5, 1))
    assert all(RAISI not in pair_ or len(set(pair_) & {MASHAT, TAMIM}) for pair_ in keys(result, "called"))


# -- a headline's state call is the body's call with the head of a movement -----------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "إيران تجري أول اتصال مع صنعاء\nأجرى الرئيس الإيراني إبراهيم رئيسي اتصالا هاتفيا مع مهدي المشاط.",
            {pair(RAISI, MASHAT)},
        ),
        (
            "سوريا تبحث هاتفيا مع اليمن تطورات المنطقة\n"
            "وأجرى الرئيس السوري أحمد الشرع اتصالا هاتفيا مع عبد الملك الحوثي.",
            {pair(SHARAA, HOUTHI)},
        ),
        (
            "اتصال هاتفي بين طهران وصنعاء\nتلقى مهدي المشاط اتصالا هاتفيا من الرئيس الإيراني إبراهيم رئيسي.",
            {pair(RAISI, MASHAT)},
        ),
    ],
)
def test_headline_state_call_is_the_body_call(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=date(2023, 5, 1)), "called") == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A body sentence is a call of its own.
        (
            "وبحثت سوريا هاتفيا مع العراق تطورات المنطقة. وأجرى الرئيس السوري أحمد الشرع اتصالا مع عبد الملك الحوثي.",
            pair("state/SY", "state/IQ"),
        ),
        # A headline with two states called cannot tell which one the movement stands for.
        (
            "سوريا تجري اتصالات مع العراق والأردن\nوأجرى الرئيس السوري أحمد الشرع اتصالا مع عبد الملك الحوثي.",
            pair("state/SY", "state/IQ"),
        ),
    ],
)
def test_state_call_kept_beside_a_movement_call(extract: Extract, text: str, kept: tuple[str, ...]) -> None:
    assert kept in keys(extract(text, published=date(2025, 3, 1)), "called")


# -- two states' names glued at their و are two names ---------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وجرى اتصال هاتفي بين روسياوأوكرانيا لبحث تبادل الأسرى.", {pair("state/RU", "state/UA")}),
        (
            "أجرت مصروقطر اتصالات هاتفية مع الجانب الأمريكي.",
            {pair("state/EG", "state/US"), pair("state/QA", "state/US")},
        ),
        (
            "بحثت تركيا هاتفيا مع سورياوالعراق أمن الحدود.",
            {pair("state/TR", "state/SY"), pair("state/TR", "state/IQ")},
        ),
    ],
)
def test_glued_states_are_two(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    result = extract(text, published=date(2025, 3, 1))
    assert keys(result, "called") == expected
    assert text in {f.evidence.sentence for f in result.facts}  # the text is kept as written


def test_glued_split_keeps_other_words(extractor: Extractor) -> None:
    doc = extractor.nlp("وقالت الهندوباكستان والكونغو وموزمبيق ووزير الخارجية.")
    assert doc.text == "وقالت الهندوباكستان والكونغو وموزمبيق ووزير الخارجية."
    assert [t.text for t in doc][:4] == ["وقالت", "الهند", "وباكستان", "والكونغو"]
    assert "ووزير" in [t.text for t in doc]


# -- a call reported with one party: the one who replies "on his part" is the other ----------
MACRON = "person/emmanuel-macron"
NETANYAHU = "person/benjamin-netanyahu"
PEZESHKIAN = "person/masoud-pezeshkian"
SISI = "person/abdel-fattah-el-sisi"
ABDULLAH = "person/abdullah-ii-of-jordan"
ABDELATTY = "person/badr-abdelatty"
FIDAN = "person/hakan-fidan"
DAY = date(2025, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "في اتصال هاتفي، أكد الرئيس الفرنسي إيمانويل ماكرون دعم بلاده للحوار. من جانبه، رد رئيس "
            "الوزراء الإسرائيلي بنيامين نتنياهو بأن إسرائيل ستواصل عملياتها.",
            {frozenset((MACRON, NETANYAHU)): None},
        ),
        (
            "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا أكد فيه أهمية التهدئة. بدوره، قال الرئيس "
            "الإيراني مسعود بزشكيان إن بلاده لا تريد الحرب.",
            {frozenset((ERDOGAN, PEZESHKIAN)): ERDOGAN},
        ),
        (
            "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا، بحث خلاله تطورات المنطقة. وفي المقابل، "
            "أعرب الملك عبد الله الثاني عن تقديره لمصر.",
            {frozenset((SISI, ABDULLAH)): ABDULLAH},
        ),
    ],
)
def test_reply_on_his_part_is_the_other_party(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone of the caller's own state speaks on his part: not the one called.
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا تناول الأوضاع. من جانبه، قال وزير الخارجية "
            "الفرنسي جان نويل بارو إن باريس تدعم الحوار.",
            set(),
        ),
        # The call named its other party already.
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين. من جانبه، "
            "قال الرئيس التركي رجب طيب أردوغان إن بلاده تدعم الحوار.",
            {pair(MACRON, "person/vladimir-putin")},
        ),
        # A ministry is no person on the line.
        (
            "في اتصال هاتفي، أكد الرئيس الفرنسي إيمانويل ماكرون دعم بلاده للحوار. من جانبها، قالت وزارة "
            "الخارجية الإيرانية إن طهران تدعم الحوار.",
            set(),
        ),
        # Too far after the call.
        (
            "في اتصال هاتفي، أكد الرئيس الفرنسي إيمانويل ماكرون دعم بلاده للحوار. وتابع أن باريس تعمل. "
            "وأضاف أن الحل ممكن. وقال إن الوضع صعب. وشدد على الحوار. من جانبه، قال رئيس الوزراء الإسرائيلي "
            "بنيامين نتنياهو إن إسرائيل ستواصل.",
            set(),
        ),
    ],
)
def test_reply_that_is_no_party(extract: Extract, text: str, expected: set[tuple[str, ...]]) -> None:
    assert keys(extract(text, published=DAY), "called") == expected


# -- calls received from a group of counterparts: the calls named next were theirs ------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلقى وزير الخارجية العراقي فؤاد حسين عدة اتصالات من نظرائه العرب. وبحث حسين مع وزير الخارجية "
            "الأردني أيمن الصفدي تطورات المنطقة.",
            {frozenset((HUSSEIN, SAFADI)): SAFADI},
        ),
        (
            "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالات هاتفية من عدد من نظرائه. وناقش الصفدي مع كل من "
            "وزير الخارجية المصري بدر عبد العاطي، ووزير الخارجية التركي هاكان فيدان الأوضاع.",
            {frozenset((SAFADI, ABDELATTY)): ABDELATTY, frozenset((SAFADI, FIDAN)): FIDAN},
        ),
        (
            "وتلقى الرئيس التركي رجب طيب أردوغان اتصالات من نظرائه في دول الخليج. وتحدث أردوغان مع أمير قطر "
            "الشيخ تميم بن حمد آل ثاني عن التهدئة.",
            {frozenset((ERDOGAN, TAMIM)): TAMIM},
        ),
        # A call he placed himself stays his.
        (
            "تلقى وزير الخارجية العراقي فؤاد حسين عدة اتصالات من نظرائه. وأجرى حسين اتصالا هاتفيا مع وزير "
            "الخارجية الأردني أيمن الصفدي.",
            {frozenset((HUSSEIN, SAFADI)): HUSSEIN},
        ),
    ],
)
def test_calls_received_from_counterparts(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


# -- earlier talks with no phone cue are a call only when the article reports them ------------
SCHOLZ = "person/olaf-scholz"
PUTIN = "person/vladimir-putin"
BIDEN = "person/joe-biden"
TALKS_DAY = date(2024, 11, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أجرى المستشار الألماني أولاف شولتس اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين. وكان شولتس "
            "قد تحدث في وقت سابق مع الرئيس الأوكراني فولوديمير زيلينسكي.",
            {pair(SCHOLZ, PUTIN)},
        ),
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين. وكان أردوغان "
            "قد ناقش مع رئيس الوزراء المجري فيكتور أوربان الأوضاع في أوكرانيا.",
            {pair(ERDOGAN, PUTIN)},
        ),
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن. وبحث بايدن في "
            "وقت سابق مع المستشار الألماني أولاف شولتس دعم أوكرانيا.",
            {pair(MACRON, BIDEN)},
        ),
    ],
)
def test_earlier_talks_with_someone_else_are_no_call(
    extract: Extract, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert keys(extract(text, published=TALKS_DAY), "called") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The call named its caller only: the talks name the one called.
        (
            "أجرى الرئيس الإيراني مسعود بزشكيان اتصالا هاتفيا تناول الأوضاع الإقليمية. وبحث بزشكيان مع أمير "
            "قطر الشيخ تميم بن حمد آل ثاني سبل التهدئة.",
            {frozenset((PEZESHKIAN, TAMIM)): PEZESHKIAN},
        ),
        # The same pair again.
        (
            "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن. وكان ماكرون قد "
            "بحث مع بايدن دعم أوكرانيا.",
            {frozenset((MACRON, BIDEN)): MACRON},
        ),
        # Talks in the lead sentence are the calls the article goes on to report.
        (
            "تحدث الرئيس الروسي فلاديمير بوتين، الاثنين، مع الرئيس الأمريكي جو بايدن، والرئيس الفرنسي "
            "إيمانويل ماكرون. وقال الكرملين إن المكالمة تناولت أوكرانيا.",
            {frozenset((PUTIN, BIDEN)): None, frozenset((PUTIN, MACRON)): None},
        ),
        # Calls received from counterparts, named next.
        (
            "تلقى الرئيس التركي رجب طيب أردوغان اتصالات من نظرائه. وتحدث أردوغان مع الرئيس الفرنسي "
            "إيمانويل ماكرون عن التهدئة.",
            {frozenset((ERDOGAN, MACRON)): MACRON},
        ),
    ],
)
def test_talks_that_refer_to_a_reported_call(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=TALKS_DAY)) == expected


# -- "وفي اتصال أجراه معه X، أكد Y": a fronted call with the main clause's subject as its object --
MELONI = "person/giorgia-meloni"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وفي اتصال أجراه معه الرئيس الفرنسي إيمانويل ماكرون، أكد الرئيس المصري عبد الفتاح السيسي ضرورة التهدئة.",
            {frozenset((SISI, MACRON)): MACRON},
        ),
        (
            "وخلال مكالمة هاتفية أجرتها معه رئيسة الوزراء الإيطالية جورجيا ميلوني، شدد الرئيس التركي رجب طيب "
            "أردوغان على الحوار.",
            {frozenset((ERDOGAN, MELONI)): MELONI},
        ),
        (
            "وفي اتصال هاتفي أجراه معه أمير قطر الشيخ تميم بن حمد آل ثاني، أعرب الرئيس الإيراني مسعود بزشكيان "
            "عن تقديره.",
            {frozenset((PEZESHKIAN, TAMIM)): TAMIM},
        ),
    ],
)
def test_fronted_call_with_a_pronoun_object(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


def test_fronted_call_statement_is_the_main_subjects(extract: Extract) -> None:
    text = "وفي اتصال أجراه معه الرئيس الفرنسي إيمانويل ماكرون، أكد الرئيس المصري عبد الفتاح السيسي ضرورة التهدئة."
    assert {a for a, _ in keys(extract(text, published=DAY), "urged")} == {SISI}


# -- "الأخير" right after a verb is the one named last ---------------------------------------
RUBIO = "person/marco-rubio"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "استقبل الملك عبد الله الثاني وزير الخارجية الأمريكي ماركو روبيو. وتلقى الأخير اتصالا هاتفيا من "
            "الرئيس الفرنسي إيمانويل ماكرون.",
            {frozenset((RUBIO, MACRON)): MACRON},
        ),
        (
            "التقى الرئيس التركي رجب طيب أردوغان أمير قطر الشيخ تميم بن حمد آل ثاني. وأجرى الأخير لاحقا اتصالا "
            "هاتفيا مع الرئيس الإيراني مسعود بزشكيان.",
            {frozenset((TAMIM, PEZESHKIAN)): TAMIM},
        ),
        # "الأخير" after a noun is an adjective (the last meeting), not the one named last.
        (
            "وخلال الاجتماع الأخير أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي "
            "إيمانويل ماكرون.",
            {frozenset((SISI, MACRON)): SISI},
        ),
    ],
)
def test_the_latter_is_the_one_named_last(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


def test_the_latter_speaks_in_its_own_sentence(extract: Extract) -> None:
    text = (
        "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي، وأكد الأخير "
        "ضرورة وقف إطلاق النار."
    )
    assert keys(extract(text, published=DAY), "urged") == {(SISI, "Ceasefire")}


# -- "وهو الذي": the relative clause is said of the one the pronoun stands for ------------------
ZELENSKY = "person/volodymyr-zelenskyy"
TRUMP = "person/donald-trump"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وصل الرئيس الأوكراني فولوديمير زيلينسكي إلى كييف، وهو الذي أجرى أمس اتصالا هاتفيا مع الرئيس "
            "الأمريكي دونالد ترامب.",
            {frozenset((ZELENSKY, TRUMP)): ZELENSKY},
        ),
        (
            "وأقصد هنا الرئيس الأوكراني فولوديمير زيلينسكي سريع البديهة، وهو الذي بدأ عهده بمبادرة الاتصال "
            "الهاتفي مع رئيس الفدرالية الروسية فلاديمير بوتين.",
            {frozenset((ZELENSKY, PUTIN)): ZELENSKY},
        ),
        (
            "تحدثت رئيسة الوزراء الإيطالية جورجيا ميلوني في روما عن أوكرانيا، وهي التي أجرت اتصالا هاتفيا مع "
            "الرئيس التركي رجب طيب أردوغان.",
            {frozenset((MELONI, ERDOGAN)): MELONI},
        ),
    ],
)
def test_relative_clause_after_an_independent_pronoun(
    extract: Extract, text: str, expected: dict[frozenset[str], str | None]
) -> None:
    assert initiators(extract(text, published=DAY)) == expected


# -- a day after منذ starts a period: it dates no event (nor the titles of the sentence) ---------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وكانت المكالمة هي الأولى منذ أن تولى الوزير منصبه، في يوم الاثنين الماضي.", None),
        ("وأجرى الرئيس اتصالا هاتفيا منذ أمس مع نظيره.", None),
        ("وأجرى الرئيس أمس اتصالا هاتفيا هو الأول منذ يوم الأحد الماضي.", date(2025, 1, 23)),
    ],
)
def test_days_after_since_date_no_event(text: str, expected: date | None) -> None:
    found = sentence_date(text, date(2025, 1, 24))
    assert (found[0] if found else None) == expected


def test_title_resolved_on_the_article_day_not_the_since_day(extract: Extract) -> None:
    # Rubio took office on 21 January 2025; the call was reported on the 24th.
    text = (
        "وكانت المحادثة الهاتفية هي أول تواصل بين وزيري الخارجية الصيني والأمريكي، منذ أن تولى روبيو "
        "منصبه، في يوم الاثنين الماضي."
    )
    assert keys(extract(text, published=date(2025, 1, 24)), "called") == {pair("person/wang-yi", RUBIO)}
