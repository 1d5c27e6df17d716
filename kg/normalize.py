"""Arabic normalisation for matching.

The text of an article is data: these functions build *keys* to compare words and
names, while the original strings stay untouched for labels and evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

# Harakat, tanween, shadda, sukun, dagger alef, Quranic marks and tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        "گ": "ك",
        # Persian letters outlets write in foreign names (ويتكوڤ, پزشكيان): v and p.
        "ڤ": "ف",
        "پ": "ب",
        "\u200c": None,
        "\u200d": None,
        "\u200f": None,
        "\u200e": None,
    }
)
# Bidirectional-text controls, joiners, soft hyphens and byte-order marks that web pages
# scatter through Arabic text: invisible, they glue to punctuation ("،\u200f") and hide it.
_INVISIBLE = re.compile("[\u200c-\u200f\u061c\u202a-\u202e\u2066-\u2069\u00ad\ufeff]")
# The conjunction و never stands alone in Arabic spelling: «و دعا» is a typing slip for «ودعا».
_LOOSE_WAW = re.compile("(?<![\\w\u0610-\u061a\u064b-\u065f\u0670\u0640])و (?=[\u0621-\u063a\u0641-\u064a])")
#: What a line ends with when its sentence ends there, not a wrap in mid-sentence.
LINE_ENDS = tuple('.!?؟:»"”)')
#: What ends a sentence of prose.
SENTENCE_ENDS = ".!?؟"
_SENTENCE_INSIDE = re.compile(r"[.!?؟](?:\s|$)")
_SENTENCE_CLOSE = re.compile('\\w["»”)]?[.!?؟]["»”]*$')
_PUNCT = re.compile(r"[\"'«»“”‘’`()\[\]{}،,؛;:.!?؟\-‐–—_/]+")

#: Proclitics, longest first: conjunction (و ف), preposition (ب ل ك) and their
#: combinations with the article. "لل" is لِ + ال with the alef dropped.
PROCLITICS: tuple[str, ...] = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "وللت",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "فب",
    "فل",
    "وك",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


def normalize(text: str) -> str:
    """Fold an Arabic string to its matching key.

    Removes diacritics (tanween included) and tatweel, unifies alef/hamza forms,
    ta marbuta → ha, alef maqsura → ya, and lower-cases Latin letters. Punctuation and
    spacing are left alone: use :func:`normalize_phrase` for multi-word keys.
    """
    text = unicodedata.normalize("NFKC", text)
    folded = _DIACRITICS.sub("", text).translate(_LETTERS).lower()
    # Loanwords outlets spell two ways: ديبلوماسي/دبلوماسي.
    return folded.replace("ديبلوماس", "دبلوماس") if "ديبلوماس" in folded else folded


# The knowledge's phrases are normalised again by each index built over them (names,
# variants, the normaliser's vocabulary, the matchers' patterns): a third of the calls are new.
@lru_cache(maxsize=2**16)
def normalize_phrase(text: str) -> str:
    """Normalise a phrase and collapse punctuation and whitespace to single spaces."""
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


def strip_article(word: str) -> str:
    """Drop a leading definite article from a normalised word (الروسي → روسي)."""
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def clitic_readings(word: str) -> list[str]:
    """All readings of a normalised word with proclitics stripped, longest word first.

    ``وبالرئيس`` gives ``["وبالرئيس", "بالرئيس", "رئيس", "الرئيس", ...]``-like candidates;
    callers keep the first one that they know. A reading keeps at least two letters.
    """
    readings = [word]
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            rest = word[len(clitic) :]
            # لل + word hides the article: للرئيس = ل + الرئيس
            if clitic.endswith("لل"):
                readings.append("ال" + rest)
            readings.append(rest)
    return readings


# The rules ask of most tokens of a sentence whether they read as one of a word set; a
# news corpus repeats its words, so each is taken apart once.
@lru_cache(maxsize=2**16)
def word_readings(word: str) -> frozenset[str]:
    """Every reading of a normalised word: its :func:`clitic_readings`, each also without its article."""
    readings = clitic_readings(word)
    return frozenset(readings).union(strip_article(r) for r in readings)


def article_reading(word: str) -> tuple[str, str] | None:
    """A normalised word that begins with لل read as لـ + ال: ``(clitic, reading)``, if it does.

    ``للامم`` → ``("ل", "الامم")``; a word known as a whole ("للامم" of an organisation's name)
    also has this reading, and the longest match of a name decides which one the text means.
    """
    if word.startswith("لل") and len(word) >= 4:
        return "ل", "ال" + word[2:]
    return None


#: The proclitics a lexicon phrase may write on a word it also knows bare (بضبط، لتسوية، والدواء):
#: not ف or ك, which begin many stems (فعلي، كامل).
GLUED_PROCLITIC_LETTERS = frozenset("وبل")


def glued_clitic(word: str, known: Callable[[str], bool]) -> bool:
    """Whether a normalised ``word`` begins with a و, ب or ل (لل) on another word ``known`` accepts."""
    return word[:1] in GLUED_PROCLITIC_LETTERS and any(r != word and known(r) for r in clitic_readings(word)[1:])


def strip_clitics(word: str, known: Callable[[str], bool]) -> str:
    """Return the first clitic reading of ``word`` that ``known`` accepts, else ``word``.

    Stripping only when what remains is known keeps names such as ``بلينكن`` or
    ``فلاديمير`` intact while ``وبوتين`` and ``لنتنياهو`` become ``بوتين`` and ``نتنياهو``.
    """
    if known(word):
        return word
    for reading in clitic_readings(word)[1:]:
        if known(reading):
            return reading
    return word


def phrase_keys(phrases: Iterable[str]) -> set[str]:
    """Normalised keys of several phrases, without empties."""
    return {key for key in (normalize_phrase(p) for p in phrases) if key}


def drop_invisible_marks(text: str) -> str:
    """The text without direction marks, joiners, soft hyphens and byte-order marks."""
    return _INVISIBLE.sub("", text)


def attach_loose_conjunctions(text: str) -> str:
    """«و دعا» written «ودعا»: the conjunction و typed as a word of its own, joined to the next."""
    return _LOOSE_WAW.sub("و", text)


def unwrap_hard_wraps(
    text: str, bullets: Iterable[str] = (), widest: int = 100, full: float = 0.75, share: float = 0.4
) -> str:
    """Text wrapped at a fixed width, its lines joined back into paragraphs; other text unchanged.

    Text is wrapped when nine lines in ten are at most ``widest`` characters (the wrap width),
    some line ends a sentence, and at least three lines, and ``share`` of all (but those standing
    alone between blank lines: tags, captions), are *full*:
    ``full`` of that width or more and ending in mid-sentence (the first line, a headline, only
    when too long to take the next line's first word within the width). Each full line is
    joined to the next by a space (same length: evidence keeps its offsets), unless the next
    line is blank or opens with one of ``bullets``. Short lines (a headline, a paragraph's last
    line) keep their breaks.
    """
    lines = text.split("\n")
    filled = sorted(len(line.strip()) for line in lines if line.strip())
    if len(filled) < 4:
        return text
    items = frozenset(bullets)
    width = filled[int(0.9 * (len(filled) - 1))]
    if width > widest:
        return text
    joins = [
        i
        for i, line in enumerate(lines[:-1])
        if (after := lines[i + 1].split())
        and len(line.strip()) >= full * width
        # A headline is followed by its text: it goes on only where the next word could not fit.
        and (i > 0 or len(line.strip()) + 1 + len(after[0]) > width)
        and not line.rstrip().endswith(LINE_ENDS)
        and after[0][:1] not in items
    ]
    # Wrapped prose ends its paragraphs with full stops; a list of headlines or items does not.
    # (or inside a line: a paragraph cut short by the page ends on no full stop).
    ended = any(_SENTENCE_INSIDE.search(line) for line in lines)
    # A line standing alone between blank lines (a tag, a caption, a one-line paragraph) was never wrapped.
    alone = sum(
        1
        for k, line in enumerate(lines)
        if line.strip() and all(not lines[j].strip() for j in (k - 1, k + 1) if 0 <= j < len(lines))
    )
    if not ended or len(joins) < 3 or len(joins) < share * (len(filled) - alone):
        return text
    for i in joins:
        lines[i + 1] = lines[i] + " " + lines[i + 1]
    joined = set(joins)
    return "\n".join(line for k, line in enumerate(lines) if k not in joined)


def restore_lost_breaks(
    text: str,
    verbs: Iterable[str],
    openers: Iterable[str],
    complementizers: Iterable[str] = (),
    fewest: int = 30,
    longest: int = 25,
) -> str:
    """Text a scraper put on one line, its headline set back on a line of its own.

    A text of at least ``fewest`` words with no line break glues its headline (and a dateline,
    photo credits) to the first sentence: «X يتلقى اتصالا من Y عمان 22 أبريل تلقى X …». The
    first sentence then starts at the last bare perfect verb of ``verbs`` (a clause verb with no
    و: تلقى, أجرى, أكد; an imperfect «يؤكد»/«تؤكد» is a headline's own verb) before the first
    full stop that follows a word of the headline with no punctuation and no particle of
    ``openers`` (a preposition, a complementizer: «بعد أن أجرى») and is followed by a word
    (its subject), within the first ``longest`` words and before any comma or word of
    ``complementizers`` («وذكرت الرئاسة أن X تلقى …»): a text that opens with a sentence of its
    own has no headline to set apart. Other text is unchanged.
    """
    if "\n" in text.strip():
        return text
    words = text.split(" ")
    if len(words) < fewest:
        return text
    opening = {normalize(w) for w in openers}
    clausal = {normalize(w) for w in complementizers}
    bare = {normalize(w) for w in verbs}
    # "عبر": a verb (عبّر) written like a preposition is never taken for the body's first verb.
    perfect = {w for w in bare if not w.startswith("ي") and "ي" + w[1:] not in bare} - opening
    cut = None
    for k, word in enumerate(words):
        if _SENTENCE_CLOSE.search(word):
            break
        previous = words[k - 1] if k else ""
        if (previous and previous[-1] in "،,;؛") or normalize(previous) in clausal or k > longest:
            break  # a headline is a short phrase with no clause punctuation: this is the body
        # After a colon, a dash or a dateline's slash («/ وام /»), the verb is already the body's.
        if k < 3 or normalize(word) not in perfect or not previous or previous[-1:] in ":-–—/":
            continue
        if normalize(previous) not in opening and k + 1 < len(words) and normalize(words[k + 1]) not in opening:
            cut = k
    if cut is None:
        return text
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


_DATELINE = re.compile(
    r"^(?P<place>[^\W\d]+(?: [^\W\d]+)?) ?(?:[-–—ـ] ?"
    r"(?:(?P<quoted>[\"«“][^\"«“»”\n]{2,30}[\"»”])|(?P<agency>[^\W\d][^:\n]{0,20}?)) ?:"
    r"|/ ?(?P<slashed>[^\W\d][^/\n]{0,20}?)(?= [^\W\d]))[ \t]*",
    re.M,
)


def drop_datelines(text: str, agencies: Iterable[str]) -> str:
    """Lines without the dateline that opens them: «القاهرة - أ ش أ: أكد …» → «أكد …».

    A place (a word or two), a dash, then a news agency of ``agencies`` or an outlet's name in
    quotes («بيروت – "القدس العربي":»), then a colon; or a place, a slash and an agency with
    no closing slash («أنقرة/ الأناضول أكد …», Anadolu's style). A dateline states where the
    story was filed, no fact: its place is no actor a later sentence may refer back to. Other
    lines are unchanged.
    """
    if not _DATELINE.search(text):
        return text
    known = {normalize_phrase(a) for a in agencies}

    def cut(match: re.Match[str]) -> str:
        agency = match.group("agency") or match.group("slashed")
        if agency is not None and normalize_phrase(agency) not in known:
            return match.group(0)
        return ""

    return _DATELINE.sub(cut, text)
