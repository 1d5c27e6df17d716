"""Qualifiers of a statement: negated, hypothetical, planned (future), framed by the writer,
or reported speech. The cues are trigger labels and lexicon words (``negation``,
``hypothetical``, ``modal_may``, ``framing_words``, ``speech_verbs``, ``rule_words.past_kana``)."""

from __future__ import annotations

from ..normalize import normalize, word_readings
from .asides import aside_tokens, outside_asides
from .clauses import Sentence
from .lang_ar import (
    AND,
    COLON,
    COMMAS,
    FEMININE_PERFECT_ENDINGS,
    FUTURE_NEXT_LETTERS,
    FUTURE_PREFIX,
    IMPERFECT_PREFIXES,
)
from .records import Mention


def negated_or_hypothetical(s: Sentence, i: int, commitment: bool = False) -> bool:
    """Whether the statement at token ``i`` is negated, planned or hypothetical; with
    ``commitment``, a stance in the future tense is a stated commitment, not a plan
    ("ستعمل تركيا على خفض التصعيد", "سندعم أي حل دبلوماسي": ANNOTATION.md, settled cases)."""
    return _negated(s, i) or _hypothetical(s, i, future=not commitment)


def negated(s: Sentence, i: int) -> bool:
    """Whether the statement at token ``i`` is negated (planned or hypothetical ones aside)."""
    return _negated(s, i)


def _negated(s: Sentence, i: int) -> bool:
    """A negation word a few tokens before ``i`` in its clause (لم يجر، نفى أن …)."""
    start, _ = s.clause_of(i)
    lo = reach_back(s, i, s.settings.negation_window, start)
    # "قال إن الحرب لم تحقق شيئا، داعيا إلى …": a negation does not reach over a comma.
    lo = max((k + 1 for k in range(lo, i) if s.doc[k].text in COMMAS), default=lo)
    # "لا بد من خفض التصعيد": a negation inside the stance phrase itself negates nothing.
    own = next((p for p in s.spans("STANCE") if p.start <= i < p.end), None)
    # "لا بد من التوصل إلى هدنة": nor does one inside an earlier stance phrase the goal's stance is under.
    phrases = {k for p in s.spans("STANCE") if p.end - p.start > 1 for k in range(p.start, p.end)}
    if any(_negating(s, k) for k in range(lo, own.start if own else i) if k not in phrases):
        return True
    if i > start and s.doc[i - 1].norm_ in s.words.adjacent_negation:
        return True  # "موسكو غير مستعدة للمساعدة"
    return _denied_clause(s, start)


def _negated_host_of_owned_appeal(s: Sentence, k: int) -> bool:
    """ "لم تلق دعوات X إلى … آذانا صاغية": the verb right after the negation is no stance and
    its subject is an appeal noun with its owner right after it; the appeal was made."""
    verb = k + 1
    if verb + 2 >= s.sentence.end or s.has(verb, "STANCE") or not s.has(verb + 1, "STANCE"):
        return False
    return any(m.start == verb + 2 and not m.prepositional for m in s.mentions)


def _negating(s: Sentence, k: int) -> bool:
    """A negation word at ``k`` that negates, not one that affirms with a verb of sparing (لن ندخر
    جهدا) or of stopping with its preposition (لن تتوقف عن بذل الجهود)."""
    if not (s.has(k, "NEGATION") and s.doc[k].norm_ in s.words.negating):
        return False
    if _negated_host_of_owned_appeal(s, k):
        return False
    words = s.words
    # The words after the negation, a named subject's words not counted ("لم يتوان الرئيس التركي
    # رجب طيب أردوغان عن …"), as the negation itself reaches over them.
    named = [j for j in range(k + 1, s.sentence.end) if j == k + 1 or not s.in_mention(j)]
    after = [s.doc[j].norm_ for j in named[: 1 + s.settings.litotes_preposition_window]]
    if after[:1] and (after[0] in words.litotes_verbs or f"{s.doc[k].norm_} {after[0]}" in words.not_negating_pairs):
        return False  # "لن ندخر جهدا"; "لما لها من تداعيات خطيرة": for what it has, no negation
    # "لن تتوقف عن …", "لم تتردد فرنسا في …": the preposition after the verb, or after its subject.
    stopping = after[1:] and after[0] in words.cessation_litotes_verbs
    return not (stopping and any(word in words.cessation_litotes_prepositions for word in after[1:]))


def _denied_clause(s: Sentence, start: int) -> bool:
    """ "نفت قطر أن تكون دعت إلى …": the أن-clause at ``start`` is the object of a denial verb, or
    of a negation right before أن (دون أن، بدون أن)."""
    if start <= s.sentence.start or not s.has(start - 1, "THAT"):
        return False
    # "ندد بالهجوم دون أن يدعو إلى …": a negation right before أن (not غير أن, 'but') negates its clause.
    before = s.doc[start - 2] if start - 2 >= s.sentence.start else None
    if before is not None and s.has(before.i, "NEGATION") and before.norm_ not in s.words.adjacent_negation:
        return True
    outer, _ = s.clause_of(start - 1)
    # "نفى المتحدث باسم الأمين العام أن يكون …": the denier's subject may stand between.
    lo = max(outer, start - 1 - s.settings.vso_subject_window)
    if any(s.has(k, "DENIAL") for k in range(lo, start - 1)):
        return True
    # "لن يطالب X بأن تتحلى الأطراف بضبط النفس": the clause asked by a negated appeal verb.
    asking = next((k for k in range(start - 2, lo - 1, -1) if s.has(k, "STANCE") and s.verb(k)), None)
    # Not over a comma: "لا يطالب بوقف …، غير أنه دعا إلى …" opens a clause of its own.
    if asking is None or any(s.doc[k].text in COMMAS for k in range(asking, start)):
        return False
    return _negated(s, asking)


def _hypothetical(s: Sentence, i: int, future: bool = True) -> bool:
    """A hypothetical marker, a future verb (when ``future``) or قد + imperfect before ``i`` in its clause."""
    settings = s.settings
    start, _ = s.clause_of(i)
    participle = circumstantial_participle(s, i)
    if participle is not None:
        start = participle  # "حذرت من أن القتال قد يتسع، داعية إلى …": the may is the أن-clause's
    # "من المقرر أن يجري …": the marker governs the أن-clause.
    elif start > s.sentence.start and s.has(start - 1, "THAT"):
        outer, _ = s.clause_of(start - 1)
        if any(s.has(k, "HYPOTHETICAL") for k in range(max(outer, start - settings.hypothetical_before_that), start)):
            return True
    # "ستدعم أي مبادرة إذا التزمت إسرائيل بوقف …": a conditional particle that opens the clause.
    opened = start - 1 if start > s.sentence.start and s.has(start - 1, "HYPOTHETICAL") else start
    for k in range(reach_back(s, i, settings.qualifier_window, opened), i + 1):
        if not future and s.doc[k].norm_ in s.words.future_particles:
            continue  # "وسوف تدعو قطر إلى …": a stated commitment, like ستدعو
        # "يريد أن يواصل الطرفان المفاوضات": a wish that is the stance itself is no plan.
        if s.has(k, "HYPOTHETICAL") and not (k == i and s.doc[k].norm_ in s.words.wish_words):
            return True
        if future and k >= i - settings.future_window and _future(s, k):
            return True
        if s.has(k, "MAY") and k + 1 < s.sentence.end and not _past_perfect(s, start, k):
            nxt = normalize(s.doc[k + 1].text)
            if nxt in s.words.past_ta_verbs or _feminine_perfect(s, nxt):
                continue  # "فقد تلقى شكري اتصالا": قد + a past verb in ت- is "has", not "may"
            if nxt[:1] in IMPERFECT_PREFIXES or nxt.startswith(FUTURE_PREFIX):
                return True
    return False


def reach_back(s: Sentence, i: int, window: int, start: int) -> int:
    """The token ``window`` words before ``i`` (not before ``start``), the words of a named actor
    or of an aside not counted: "يعتزم حضرة صاحب السمو الشيخ … أمير البلاد الدعوة إلى …", "رفض
    الوزير، خلال مؤتمر صحفي في العاصمة، الدعوات إلى …" (a qualifier reaches over its subject)."""
    asides = aside_tokens(s)
    k, counted = i, 0
    while k > start and counted < window:
        k -= 1
        counted += not (s.in_mention(k) or k in asides)
    return k


def through_aside(s: Sentence, start: int) -> int:
    """The start of the clause an aside interrupted when the clause at ``start`` opens right after
    the aside's closing comma ("رفض لافروف، خلال مؤتمر صحفي، الدعوات إلى …"); else ``start``."""
    return outside_asides(s, start - 1) if start - 1 in aside_tokens(s) else start


def conditional_between(s: Sentence, stance: int, goal: int) -> bool:
    """Whether a conditional particle (إذا، لو) stands between a stance and its goal after it:
    "ستدعم أي مبادرة إذا التزمت إسرائيل بوقف …" names the goal as the condition, not the appeal."""
    return any(s.doc[k].norm_ in s.words.conditional_particles for k in range(stance + 1, goal))


def circumstantial_participle(s: Sentence, i: int) -> int | None:
    """ "…، داعيا إلى …", "…، مؤكدا ضرورة …": the participle after a comma at or right before the
    stance at ``i``, which states the circumstance of the sentence's main verb; else None."""
    for k in (i, i - 1):
        if k > s.sentence.start and s.has(k, "PARTICIPLE") and s.doc[k - 1].text in COMMAS:
            return k
    return None


def _feminine_perfect(s: Sentence, word: str) -> bool:
    """ "وكانت السعودية قد توسطت", "وقد نجحت قطر": a perfect in ت- with the feminine ending ت (تا
    for the dual), whose stem is a word of the lexicon; an imperfect (قد تتوسع) has none."""
    for ending in FEMININE_PERFECT_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] in s.words.term_words
    return False


def _past_perfect(s: Sentence, start: int, may: int) -> bool:
    """ "وكان هنية قد تلقى اتصالا": كان … قد is a past perfect, not "may"."""
    return any(s.doc[j].norm_ in s.words.past_kana for j in range(start, may))


def _future(s: Sentence, k: int) -> bool:
    """A verb with the future prefix سـ (سيجري، ستدعو، سأتحدث)."""
    norm = s.doc[k].norm_
    if len(norm) <= 3 or norm[0] != FUTURE_PREFIX or norm[1] not in FUTURE_NEXT_LETTERS:
        return False
    # سيجري → يجري; سأتحدث → تحدث
    return norm[1:] in s.words.term_words or norm[2:] in s.words.term_words


def framed(s: Sentence, i: int) -> bool:
    """ "في ظل تنامي المخاوف من حرب شاملة": the writer's setting, not anyone's statement."""
    start, _ = s.clause_of(i)
    return any(s.doc[k].norm_ in s.words.framing_words for k in range(max(start, i - s.settings.framing_window), i))


def speech_clause(s: Sentence, clause_start: int) -> int | None:
    """Start of the clause that reports the one at ``clause_start`` (قال … أن), if it is reported."""
    # "قال X إن …", and the quote after a colon: "وقال X: «نحن ممتنون …»".
    opener = clause_start - 1
    while opener > s.sentence.start and s.doc[opener].is_quote:
        opener -= 1
    if clause_start == s.sentence.start or not (s.has(opener, "THAT") or s.doc[opener].text == COLON):
        return None
    clause_start = opener + 1
    # "وقال X، خلال محادثات أجراها مع ضيفه الذي يزور البلاد، إن …": the speech verb before the aside.
    prior_start = outside_asides(s, s.resumed(s.clause_of(clause_start - 1)[0]))
    if any(s.has(k, "SPEECH") for k in range(prior_start, clause_start)):
        return prior_start
    if s.doc[opener].text != COLON:
        return None
    # "وأكد لافروف: «بلادنا على استعداد …»": a stance verb before a colon reports, as قال does.
    stated = any(s.has(k, "STANCE") and s.verb(k) for k in range(prior_start, clause_start))
    return prior_start if stated or _named_only(s, prior_start, opener) else None


def _named_only(s: Sentence, start: int, end: int) -> bool:
    """ "السيسي: مصر مستعدة …", "- عُمان: مستعدون …": a headline's or a bullet's speaker, one
    mention and nothing else (but punctuation) before the colon, stands for a reporting verb."""
    named = [m for m in s.mentions if start <= m.start < end]
    if len(named) != 1 or named[0].end != end:
        return False
    return all(s.doc[k].is_punct or s.doc[k].is_space for k in range(start, named[0].start))


def after_speech(s: Sentence, mention: Mention) -> bool:
    """Whether a mention is the speaker of a reporting verb (قال X إن …)."""
    start, end = s.clause_of(mention.start)
    # "بحسب بيان …، رحب الجانبان": an attribution is no reporting verb of the subject.
    speech = any(
        s.has(k, "SPEECH") and s.doc[k].norm_ not in s.words.attribution_words for k in range(start, mention.start)
    )
    return speech and end < s.sentence.end


def coordinated_predicate(s: Sentence, clause_start: int) -> bool:
    """Whether the clause at ``clause_start`` opens with a verb joined by و and is not reported
    speech: "وأشار X إلى …، وأكد ضرورة …" (the second verb goes on with the first one's subject,
    though the first verb reports)."""
    if speech_clause(s, clause_start) is not None:
        return False
    first = next((t for t in s.doc[clause_start : s.sentence.end] if not (t.is_punct or t.is_space)), None)
    if first is None or not s.verb(first.i):
        return False
    return bool(str(first._.clitic).startswith(AND) or first.text.startswith(AND))


def reads_as(s: Sentence, k: int, words: frozenset[str]) -> bool:
    """Whether token ``k``, with its proclitics or article stripped, is one of ``words``."""
    return not word_readings(str(s.doc[k].norm_)).isdisjoint(words)


def rejected(s: Sentence, i: int) -> bool:
    """ "رفض الرئيس X الدعوات لوقف إطلاق النار", "رفض مبادرة التهدئة": the appeal noun at ``i``
    is the object of a rejection verb, so the agent does not make the appeal; a participle after a
    comma ("أكد X أن العراق يرفض توسيع الحرب، داعيا إلى الحوار") or a verb joined by و is a
    predicate of its own."""
    if circumstantial_participle(s, i) is not None:
        return False
    if (s.verb(i) or s.first_person_verb(i)) and str(s.doc[i]._.clitic).startswith(AND):
        return False  # "نرفض التهجير وندعو إلى …": a verb joined by و is a predicate of its own
    start = through_aside(s, s.clause_of(i)[0])
    i = min((p.start for p in s.spans("STANCE") if p.start <= i < p.end), default=i)  # "يستبعد التوصل إلى"
    for k in range(i - 1, reach_back(s, i, s.settings.rejection_window, start) - 1, -1):
        if reads_as(s, k, s.words.rejection_words):
            return True
        if s.in_mention(k):
            continue
        if s.has(k, "STANCE") or s.verb(k):
            return False  # another predicate stands between: "رفض …، ودعا إلى …"
    return False


def impersonal(s: Sentence, stance: int) -> bool:
    """ "جرى التشديد على أهمية …", "تم التأكيد (من قبل الجانبين) على …": no agent of its own but the call's."""
    start, _ = s.clause_of(stance)
    for k in range(stance, start - 1, -1):
        # A mention after a preposition is no agent: "تم بحث التعاون بين روسيا وتركيا، والتأكيد على …".
        if any(m.start <= k < m.end and m.kind != "group" and not s.oblique(m) for m in s.mentions):
            return False
        if s.has(k, "IMPERSONAL") and not _call_relative(s, k):
            return True
    return False


def _call_relative(s: Sentence, k: int) -> bool:
    """ "خلال اتصال هاتفي جرى بينهما": the impersonal verb right after a call word, with بين after
    it, tells the call took place; it states nothing (the appeal after it has an agent of its own)."""
    # "وخلال الاتصال، جرى التشديد على …" stays impersonal: only "جرى بين(هما)" is the call's.
    if k + 1 >= s.sentence.end or s.doc[k + 1].norm_ != s.words.word_between:
        return False
    before = range(max(s.sentence.start, k - s.settings.one_call_gap), k)
    return any(s.has(j, "CALL_NOUN") or s.has(j, "CALL_ADV") for j in before)
