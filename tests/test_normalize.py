"""Arabic normalisation and clitics."""

from __future__ import annotations

from kg.normalize import clitic_readings, normalize, normalize_phrase, strip_clitics, word_readings


def test_folds_hamza_alef_ta_marbuta_alef_maqsura_and_diacritics() -> None:
    assert normalize("إيران") == normalize("ايران") == "ايران"
    assert normalize("اتصالًا هاتفيًا") == "اتصالا هاتفيا"
    assert normalize("الإماراتيّة") == "الاماراتيه"
    assert normalize("مصطفى") == "مصطفي"
    assert normalize("الـرئيـس") == "الرييس"


def test_phrase_normalisation_drops_punctuation() -> None:
    assert normalize_phrase("«بوتين»، و(أردوغان)") == "بوتين و اردوغان"


def test_clitics_are_stripped_only_down_to_known_words() -> None:
    known = {"بوتين", "نتنياهو", "الرييس", "بلينكن"}.__contains__
    assert strip_clitics(normalize("وبوتين"), known) == "بوتين"
    assert strip_clitics(normalize("لنتنياهو"), known) == "نتنياهو"
    assert strip_clitics(normalize("للرئيس"), known) == "الرييس"
    assert strip_clitics(normalize("بلينكن"), known) == "بلينكن"  # ب is part of the name
    assert strip_clitics(normalize("بلاد"), known) == "بلاد"  # unknown stays as it is


def test_clitic_readings_include_article_behind_lam_lam() -> None:
    assert "الرييس" in clitic_readings("للرييس")
    assert "رييس" in clitic_readings("وبالرييس")


def test_common_words_are_not_split_into_a_clitic_and_a_fragment_of_a_name() -> None:
    from kg.knowledge import load_knowledge
    from kg.nlp import Vocabulary

    vocabulary = Vocabulary(load_knowledge(()))
    # "يان" is a word of a longer name in the gazetteer; "بيان" (a statement) stays whole.
    assert vocabulary.analyse(normalize("بيان")) == ("", "بيان", "")
    assert vocabulary.analyse(normalize("كان"))[1] == "كان"
    # One-word names and long name words still lose their proclitics.
    assert vocabulary.analyse(normalize("وقطر")) == ("و", "قطر", "")
    assert vocabulary.analyse(normalize("لبوتين")) == ("ل", "بوتين", "")


def test_loanword_spellings_fold_together() -> None:
    assert normalize("الديبلوماسية") == normalize("الدبلوماسية")


def test_no_name_holds_a_call_noun() -> None:
    # A name form with الاتصال ("مجموعة الاتصال") makes the word a known name word, which the
    # normaliser then reads as it is: every "الاتصال" of a text stops being the call noun.
    from kg.gazetteer import check_knowledge
    from kg.knowledge import load_knowledge

    assert [p for p in check_knowledge(load_knowledge()) if p.kind == "call-noun-in-name"] == []


def test_the_call_noun_with_its_article_is_read(extract) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    text = (
        "وتناول الاتصال بين وزير الخارجية الأمريكي أنتوني بلينكن ورئيس الوزراء اللبناني نجيب ميقاتي الوضع في الجنوب.\n"
    )
    result = extract(text, published=date(2024, 1, 10))
    calls = [f for f in result.facts if f.relation == "called"]
    assert [{calls[0].a.key, calls[0].b.key}] == [{"person/najib-mikati", "person/antony-blinken"}]


def test_word_readings_are_the_clitic_readings_with_and_without_the_article() -> None:
    readings = word_readings(normalize("وبالوساطة"))
    assert {"وبالوساطه", "بالوساطه", "الوساطه", "وساطه"} <= readings
    assert readings == frozenset(clitic_readings(normalize("وبالوساطة"))) | {"وساطه"}
    assert word_readings(normalize("للوسيط")) >= {"الوسيط", "وسيط"}
    assert "ب" not in word_readings("بل")


def test_a_clitic_written_inside_a_lexicon_phrase_still_comes_off_the_word() -> None:
    """ "التحلي بضبط النفس" and "التوصل لتسوية" are lexicon phrases: بضبط and لتسوية are still
    ب + ضبط and ل + تسوية wherever they stand, not words of their own."""
    from kg.knowledge import load_knowledge
    from kg.nlp import Vocabulary

    vocabulary = Vocabulary(load_knowledge(()))
    assert vocabulary.analyse(normalize("بضبط")) == ("ب", "ضبط", "")
    assert vocabulary.analyse(normalize("لتسوية")) == ("ل", "تسويه", "")
    assert vocabulary.analyse(normalize("للتوصل")) == ("ل", "التوصل", "")
    assert vocabulary.analyse(normalize("والدبلوماسية")) == ("و", "الدبلوماسيه", "")
    # A one-word phrase is a word as written; so are the initiative phrases' words and stems
    # that begin with ف or ك.
    for whole in ("بحث", "للتوسط", "بطلب", "بمبادرة", "كامل", "فعلي", "بأن"):
        assert vocabulary.analyse(normalize(whole))[0] == "", whole
