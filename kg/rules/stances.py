"""Where an appeal's stance stands: the words back from a goal (punctuation, dates and a named
actor's inner words add no distance), and the stance before the complementizer or colon that
opens the goal's clause."""

from __future__ import annotations

from collections.abc import Iterator

from ..normalize import normalize, strip_article
from .asides import aside_tokens
from .clauses import Sentence
from .lang_ar import ARTICLE, BA, COLON, LAM, TA_MARBUTA
from .qualifiers import negated_or_hypothetical, reads_as


def words_back(s: Sentence, i: int, start: int, words: int) -> Iterator[int]:
    """The tokens before ``i`` back to ``start``, as far as ``words`` words reach: punctuation,
    numbers, dates, times and a circumstance aside (:func:`aside_tokens`) add no distance, and a
    named actor counts as one word ("دعت وزارة
    الخارجية الروسية، في 6 آذار / مارس، الأطراف إلى …"; a long coordinated subject)."""
    inner = {k for m in s.mentions for k in range(m.start + 1, m.end)} | aside_tokens(s)
    counted = 0
    for k in range(i - 1, start - 1, -1):
        yield k
        token = s.doc[k]
        filler = token.is_punct or token.like_num or token.norm_ in s.words.date_words
        if not filler and k not in inner:
            counted += 1
            if counted >= words:
                return


def feminine_homograph(s: Sentence, k: int) -> bool:
    """ "دعاة حماية البيئة" (advocates): written with ة, it folds into the stance دعاه (called him)."""
    return s.doc[k].text.endswith(TA_MARBUTA) and s.doc[k].norm_ in s.words.suffixed_stances


def governing_stance(s: Sentence, i: int, start: int, labels: tuple[str, ...]) -> int | None:
    """The stance right before the complementizer or colon that opens the clause of token ``i``:
    "أعربا عن أملهما في أن تسهم في …", "دعا إلى أن", "وأكد: «نؤمن بأن … إنهاء هذه الحرب»" (a quote
    after a stance verb and its colon, through the أن-clauses inside it), unless the goal itself is
    negated there ("وأكد: «لن نقبل بالهدنة»")."""
    opener, goal, quoted = start - 1, i, False
    for hop in range(s.settings.stance_clause_hops):
        if opener <= s.sentence.start or not (s.has(opener, "THAT") or s.doc[opener].text == COLON):
            return None
        quoted = quoted or hop > 0 or s.doc[opener].text == COLON
        # The goal must stand within the stance window of its clause's opening word.
        if goal > opener + 1 and min(words_back(s, goal, opener + 1, s.settings.stance_window)) > opener + 1:
            return None
        prior_start, _ = s.clause_of(opener - 1)
        for k in words_back(s, opener, prior_start, s.settings.stance_before_that):
            if any(s.has(k, label) for label in labels):
                return None if quoted and negated_or_hypothetical(s, i) else k
        opener, goal = prior_start - 1, opener
    return None


def relative_on_goal(s: Sentence, goal_end: int, i: int) -> bool:
    """Whether token ``i`` stands in a relative clause on the goal ending at ``goal_end``, within
    the stance window of its pronoun: "ترحب بوقف إطلاق النار الذي يسهم في … رفع الحصار" (what the
    goal brings is urged with it)."""
    start, _ = s.clause_of(i)
    pronoun = start - 1
    if pronoun <= s.sentence.start or s.doc[pronoun].norm_ not in s.words.relative_pronouns:
        return False
    if not goal_end <= pronoun <= goal_end + s.settings.goal_relative_gap:
        return False
    return i == start or min(words_back(s, i, start, s.settings.stance_window)) == start


def travel_purpose(s: Sentence, discuss: int, start: int) -> int | None:
    """The journey whose purpose a discussion verb with lam states: "توجه هوشستين إلى إسرائيل
    لبحث شروط وقف إطلاق النار" (an envoy travelling to discuss a goal works for it:
    eval/DECISIONS.md); a meeting or a call to discuss it ("التقى X لبحث …") is no appeal."""
    while discuss > start and s.has(discuss - 1, "DISCUSS"):
        discuss -= 1  # "لمناقشة سبل التهدئة"
    if LAM not in str(s.doc[discuss]._.clitic) or discuss <= start:
        return None
    # The purpose may open a clause of its own: the journey ends the one before it.
    for k in words_back(s, discuss, s.clause_of(discuss - 1)[0], s.settings.travel_purpose_window):
        if reads_as(s, k, s.words.travel_words):
            return k
        if s.has(k, "STANCE") or s.has(k, "DISCUSS") or s.has(k, "CALL_NOUN"):
            return None
    return None


def predicate_stance(s: Sentence, goal_end: int) -> int | None:
    """The predicate that makes a goal ending at ``goal_end`` its subject's stance: "is the only /
    best way" ("الحوار هو السبيل الوحيد لحل الأزمة", "يبقى الحل السياسي الخيار الأمثل" aside, the
    goal first) or a word of necessity or priority ("الحل السياسي ضروري", "التهدئة أمر ملح");
    the copula may be left out."""
    words = s.words
    k = goal_end
    # "الحوار الشامل يبقى الطريق الوحيد", "المفاوضات المباشرة بين الطرفين تبقى السبيل الأنجع":
    # the goal's own qualifiers may stand before the copula.
    for j in range(goal_end, min(goal_end + s.settings.predicate_subject_gap + 1, s.sentence.end)):
        if s.doc[j].norm_ in words.predicate_copulas:
            k = j + 1
            break
        # "الحل السياسي للأزمة ضرورة ملحة": the goal's complement may stand before a bare predicate.
        if j > goal_end and strip_article(s.doc[j].norm_) in words.necessity_predicates:
            return j
        if s.doc[j].is_punct or s.has(j, "STANCE") or s.verb(j):
            break
    if k >= s.sentence.end:
        return None
    word = strip_article(s.doc[k].norm_)
    if word in words.necessity_heads and k + 1 < s.sentence.end:
        k, word = k + 1, strip_article(s.doc[k + 1].norm_)
    if word in words.necessity_predicates:
        return k
    if k + 1 >= s.sentence.end or word not in words.way_nouns:
        return None
    return k if strip_article(s.doc[k + 1].norm_) in words.preference_adjectives else None


def way_subject_stance(s: Sentence, goal_start: int) -> int | None:
    """The way noun a goal starting at ``goal_start`` is the predicate of: "المخرج الوحيد يكمن في
    الحوار", "السبيل الوحيد لإنهاء الأزمة هو الدبلوماسية" (the way first, then a copula or a verb
    of lying in, then the goal); the goal is urged by whoever states it, as in
    :func:`predicate_stance`. The way noun's own qualifiers may stand before the copula."""
    words, k = s.words, goal_start - 1
    if k > s.sentence.start and s.doc[k].norm_ == s.words.word_in and s.doc[k - 1].norm_ in words.lying_verbs:
        k -= 1
    elif not (k > s.sentence.start and s.doc[k].norm_ in words.predicate_copulas):
        return None
    for j in range(k - 1, max(s.sentence.start, k - 2 - s.settings.predicate_subject_gap) - 1, -1):
        if s.doc[j].is_punct or s.has(j, "STANCE") or s.verb(j):
            return None
        written = normalize(s.doc[j].text)[len(str(s.doc[j]._.clitic)) :]
        if strip_article(s.doc[j].norm_) in words.way_nouns and written.startswith(ARTICLE):
            return j  # "السبيل"، not a construct's head ("حل الأزمة")
    return None


def appeal_noun_of(s: Sentence, k: int, start: int) -> int | None:
    """ "دعوة أردوغان المتكررة له بضرورة الحوار": a stance noun after ب (بضرورة، بأهمية) that states
    what an appeal noun a few words before it asks for (its owner and qualifiers between) makes
    that appeal noun the stance, so the appeal is its owner's; None when no such noun stands there."""
    if s.verb(k) or BA not in str(s.doc[k]._.clitic):
        return None
    for j in words_back(s, k, start, s.settings.stance_window):
        if s.has(j, "STANCE"):
            return j if s.has(j, "POSSESSOR_NOUN") and not s.verb(j) else None
    return None
