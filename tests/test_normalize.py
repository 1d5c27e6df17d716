"""Arabic normalisation and clitics."""

from __future__ import annotations

from kg.normalize import clitic_readings, normalize, normalize_phrase, strip_clitics


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
