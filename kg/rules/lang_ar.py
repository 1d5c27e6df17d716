"""Arabic orthography the rules need: letters, clitics, suffixes and punctuation.

Only spelling lives here (no domain word: those are in ``kg/data/lexicon.json``). Every
value is compared with ``token.norm_``, ``token.text``, ``token._.clitic`` or ``token._.suffix``.
"""

from __future__ import annotations

import re

#: A word written in Arabic letters only (with diacritics and tatweel).
ARABIC_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0640]+")
#: The definite article.
ARTICLE = "ال"
#: The conjunction و, written as a word or as a proclitic.
AND = "و"
#: The proclitics that make a verb start a statement of its own (وأكد، فأكد).
CONJUNCTION_CLITICS = frozenset({"و", "ف"})
#: Proclitic prepositions (bi-, li-, ka-).
PREPOSITION_CLITICS = frozenset("بلك")
#: The proclitic preposition لـ ("to, for") and بـ ("with, by").
LAM = "ل"
BA = "ب"
#: The proclitic "as" (كوسيط: as a mediator).
KAF = "ك"
#: A proclitic glued to the article (للـ، بالـ، والـ، فالـ، كالـ).
CLITIC_ARTICLES = ("لل", "بال", "وال", "فال", "كال")
#: The pronoun suffixes "him"/"her" on a noun or verb (شكره، اتصالها).
SINGULAR_OBJECT_SUFFIXES = frozenset({"ه", "ها"})
#: The ta marbuta that ends a feminine noun as written (دعاة); the normaliser folds it into ه,
#: the pronoun suffix "him" (دعاه "he called him").
TA_MARBUTA = "ة"
HA = "ه"
#: The ending of a past verb in the masculine plural (حثوا، دعوا): its subject is in the verb,
#: so a noun after it is its object.
PLURAL_VERB_ENDING = "وا"
#: Every pronoun suffix of a noun, verb or preposition (فيه، فيها، فيهما، فيهم).
OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")
#: The dual pronoun suffix "their (two)" (تأكيدهما، دعوتهما).
DUAL_PRONOUN = "هما"
#: Pronoun suffixes that end a name ("وحديثهما").
PRONOUN_ENDINGS = ("هما", "هم", "ها")
#: The third-person feminine singular pronoun suffix (جانبها، بدورها).
FEMININE_PRONOUN = "ها"
#: The plural endings of a nisba adjective (المصريون، عمانيين).
NISBA_PLURAL_ENDINGS = ("يون", "يين")
#: The nominative dual ending of a nisba adjective (الطرفان السودانيان).
NISBA_DUAL_ENDING = "يان"
#: The oblique (accusative/genitive) ending of duals and sound plurals: الطرفين، المسؤولين.
OBLIQUE_ENDING = "ين"
#: The nominative ending of a sound masculine plural (ناشطون، مسؤولون): a subject, not an object.
NOMINATIVE_PLURAL_ENDING = "ون"
#: The ending of a dual in construct, oblique (لوزيري خارجية X وY، لوفدي الطرفين).
DUAL_CONSTRUCT_ENDING = "ي"
#: The future prefix سـ and the imperfect prefixes it may stand before (سيجري، سأتحدث).
FUTURE_PREFIX = "س"
FUTURE_NEXT_LETTERS = "يتنا"
#: The imperfect prefixes (a verb after قد "may").
IMPERFECT_PREFIXES = frozenset({"ي", "ت", "ن"})

#: The endings of a feminine perfect, dual first: نجحت، توسطتا.
FEMININE_PERFECT_ENDINGS = ("تا", "ت")
#: The ending of a perfect verb whose subject is feminine singular (ذكرت، شددت): a verb without it
#: does not go on with a feminine subject (وشدد after ذكرت الخارجية).
FEMININE_PERFECT_ENDING = "ت"
#: The first-person plural imperfect prefix (نشكر، ندعو) and the third person's (يشكر); the singular
#: أ is left out: folded, أجري "I hold" is أجرى "he held".
FIRST_PERSON_PREFIXES = frozenset({"ن"})
IMPERFECT_THIRD = "ي"
#: The imperfect prefix of a feminine singular subject (تؤكد، تدعو), where its ي form is a verb.
IMPERFECT_FEMININE = "ت"

#: Commas, Arabic and Latin.
COMMAS = frozenset({"،", ","})
#: The marks that end a sentence of body text (a headline has none).
SENTENCE_ENDS = (".", "!", "?", "؟", ":", "…")
#: Quotes that may stand between a title and a name.
QUOTES = frozenset({"«", "»", '"', "“", "”"})
#: Quotation marks that open or close a quote (a straight " does either).
OPENING_QUOTES = frozenset({"«", "“"})
CLOSING_QUOTES = frozenset({"»", "”"})
STRAIGHT_QUOTE = '"'
#: Marks that may open a quoted object after its preposition (لـ «حماس»).
OPENING_MARKS = frozenset({"«", '"', "“", "(", "'"})
#: "السيد/ X": the slash Egyptian outlets write between an honorific and the name.
HONORIFIC_SLASH = "/"
#: Punctuation that closes a clause.
COLON = ":"
CLAUSE_PUNCTUATION = (COLON, "؛", ";")
#: Punctuation that may stand inside a coordinated list of actors.
LIST_PUNCTUATION = frozenset({"،", ",", "(", ")", "-"})
#: Dashes that close a dateline ("القاهرة – أجرى …").
DASHES = frozenset({"-", "–", "—"})
#: Brackets that open and close an aside: a dateline's agency, a list in apposition.
OPENING_BRACKETS = frozenset({"(", "["})
CLOSING_BRACKETS = frozenset({")", "]"})
#: Marks that open a bulleted line.
BULLETS = frozenset({"-", "•", "*", "▪", "–", "—", "·"})


def without_clitics(word: str) -> str:
    """A normalised word without its leading و / ف and the لـ before it (وللاشقاء → الاشقاء)."""
    word = word[1:] if word[:1] in CONJUNCTION_CLITICS and len(word) > 3 else word
    if word.startswith(LAM + LAM):
        return ARTICLE + word[2:]
    return word[1:] if word.startswith(LAM) and len(word) > 3 else word
