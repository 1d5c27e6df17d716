"""Who makes an appeal when its stance stands in a construction of its own: a verb joined by و
after a reported clause, told by its gender ("وذكرت الخارجية أن X نقل …، وشدد على …"); an appeal
asking someone else to appeal ("حث X المبعوث على أن يدعو إسرائيل إلى …"); an appeal noun in a
fronted frame ("وفي دعوة إلى ضبط النفس، قال X …"); a similar appeal (نداءات مماثلة) and one's own
talks, which are no appeal."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ..model import URGED, Actor, Fact
from ..normalize import clitic_readings, normalize, strip_article
from .anaphora import statement_issuer
from .clauses import Sentence
from .lang_ar import (
    AND,
    CLOSING_QUOTES,
    COMMAS,
    FEMININE_PERFECT_ENDING,
    FUTURE_PREFIX,
    HA,
    IMPERFECT_PREFIXES,
    LAM,
    OPENING_QUOTES,
    PREPOSITION_CLITICS,
    TA_MARBUTA,
)
from .mentions import read_mentions
from .offices import actor, nisba_state
from .qualifiers import circumstantial_participle, negated_or_hypothetical, reads_as, through_aside
from .stances import words_back
from .subjects import chain_from, resolve_chain, subject_for


def reported_subject(s: Sentence, stance: int) -> list[Actor]:
    """ "وذكرت الخارجية المصرية أن X نقل تحيات الملك، وشدد على …": a verb joined by و after a
    reported أن-clause, whose gender (perfect, ت or not) differs from the reporting verb's, cannot
    go on with the reporter: it goes on with the أن-clause's subject."""
    back = range(stance, max(s.sentence.start, stance - s.settings.stance_verb_window) - 1, -1)
    stance = next((k for k in back if s.verb(k) and not s.in_mention(k)), stance)  # "وشدد على أهمية"
    if s.clause_of(stance)[0] != stance or not str(s.doc[stance]._.clitic).startswith(AND):
        return []
    that = next((k for k in range(stance - 1, s.sentence.start, -1) if s.has(k, "THAT")), None)
    if that is None:
        return []
    reporter = next((k for k in range(that - 1, s.sentence.start - 1, -1) if s.verb(k)), None)
    inner = next((m for m in s.mentions if that < m.start < stance and not m.prepositional), None)
    if reporter is None or inner is None or not (_perfect(s, reporter) and _perfect(s, stance)):
        return []
    feminine = [str(s.doc[k].norm_).endswith(FEMININE_PERFECT_ENDING) for k in (reporter, stance)]
    return resolve_chain(s, chain_from(s, inner, stance, strict=True)) if feminine[0] != feminine[1] else []


def _perfect(s: Sentence, k: int) -> bool:
    """Whether the verb at ``k`` reads as a perfect (no imperfect or future prefix), as far as
    its first letter tells."""
    norm = str(s.doc[k].norm_)
    return len(norm) >= 3 and norm[0] not in IMPERFECT_PREFIXES and not norm.startswith(FUTURE_PREFIX)


def framed_appeal(s: Sentence, stance: int) -> int | None:
    """ "وفي دعوة إلى ضبط النفس، قال X …": an indefinite appeal noun right after a fronted في (the
    manner of what follows, not a time: "بعد الدعوات …", "في ظل الدعوات …"), or after a frame
    noun there ("وفي تجديد لدعوته إلى …، وفي إطار جهودها لـ…": ``frame_heads``), that names nobody
    is the appeal of the subject of the verb right after the frame's comma (that verb's position)."""
    first = next((t for t in s.sentence if not (t.is_punct or t.is_space)), None)
    if first is None or first.norm_ != s.words.word_in or first.i + 2 >= s.sentence.end:
        return None
    frame = first.i + 1 + (s.doc[first.i + 1].norm_ in s.words.frame_heads)
    if stance < frame or not s.has(frame, "STANCE") or s.verb(frame):
        return None
    written = normalize(s.doc[frame].text)
    if strip_article(written) != written:
        return None
    comma = next((t.i for t in s.doc[frame : s.sentence.end] if t.text in COMMAS), None)
    # "وفي تجديد لدعوته إلى وقف الحرب في السودان، …": a place in the frame is no owner.
    if comma is None or stance > comma or any(m.start < comma and not s.oblique(m) for m in s.mentions):
        return None
    after = [t.i for t in s.doc[comma + 1 : s.sentence.end] if not (t.is_punct or t.is_space)]
    return after[0] if after and s.verb(after[0]) else None


def governing_appeal(s: Sentence, stance: int) -> int | None:
    """ "حث X المبعوث على أن يدعو إسرائيل إلى …", "طالب X بأن تدعو الأمم المتحدة إلى …": a stance
    verb right after a complementiser that is the object of an appeal (على أن، إلى أن، بأن) states
    what the appeal asks for; the appeal's subject urges the goal, not whoever it asks."""
    start, _ = s.clause_of(stance)
    if start != stance or start - 1 <= s.sentence.start or not s.has(start - 1, "THAT"):
        return None
    that = s.doc[start - 1]
    # بأن is one word; لأن ("because") is no object of an appeal.
    glued = str(that._.clitic or that.norm_[:1])[:1] in PREPOSITION_CLITICS - {LAM}
    if not glued and s.has(start - 2, "STANCE"):
        return start - 2  # "شدد على ضرورة أن تتحلى الأطراف بضبط النفس": the stance noun governs it
    # After a governed أن stands a verb, listed as one or not: "دعا إلى أن تتحلى الأطراف بضبط النفس".
    if not (glued or s.doc[start - 2].norm_ in s.words.prepositions):
        return None
    outer, _ = s.clause_of(start - 1)
    for k in words_back(s, start - 1, outer, s.settings.stance_window):
        if s.has(k, "STANCE"):
            return k
    return None


def object_masdar_appeal(s: Sentence, stance: int) -> int | None:
    """ "ناشدت منظمات إنسانية الرئيس الفرنسي العمل على وقف …": a stance noun right after the one
    an appeal asks (its object) is what the appeal asks for; the appeal's subject urges the goal,
    not its object. Returns the appeal word before them, with no verb or stance between."""
    head = min((p.start for p in s.spans("STANCE") if p.start <= stance < p.end), default=stance)  # العمل على
    if s.verb(head):
        return None
    asked = next((m for m in s.mentions if m.end == head and not s.oblique(m)), None)
    if asked is None or asked.kind == "group":
        return None
    start, _ = s.clause_of(stance)
    for k in range(asked.start - 1, max(start, asked.start - 1 - s.settings.vso_subject_window) - 1, -1):
        if s.has(k, "STANCE"):
            # "وأكد X ضرورة …": the one right after the verb is its subject, not the one asked.
            return k if k < asked.start - 1 else None
        if s.verb(k) or s.doc[k].is_punct:
            return None
    return None


def hoped_appeal(s: Sentence, stance: int) -> int | None:
    """ "تأمل الصين أن يتحلى الجانبان بضبط النفس", "أعرب X عن أمله في أن تلتزم الأطراف بالهدنة":
    a stance verb opening an أن-clause that a hope word governs is the act hoped for; those
    named in it are asked to act, and the hope's subject urges the goal. Returns the hope word."""
    start, _ = s.clause_of(stance)
    # The stance is the clause's verb, or the preposition right after it (يعملا على).
    if start - 1 <= s.sentence.start or not s.has(start - 1, "THAT"):
        return None
    if 0 <= stance - start <= 1:
        return _hope_before(s, start - 1)
    # "تأمل أن يتحلى الجانبان بضبط النفس، وأن يعملا على …": a second أن joined by و, inside the
    # first one's clause, right before the stance (or its verb), goes with the same hope.
    second = AND + normalize(s.doc[start - 1].text)
    if any(k > start and normalize(s.doc[k].text) == second for k in (stance - 1, stance - 2)):
        return _hope_before(s, start - 1)
    return None


def _hope_before(s: Sentence, that: int) -> int | None:
    """The hope word governing the complementiser at ``that`` (prepositions and the hoper may
    stand between), or None."""
    outer, _ = s.clause_of(that)
    words = 0  # the hoper may stand between: "تأمل تركيا أن …"
    for k in range(that - 1, outer - 1, -1):
        if reads_as(s, k, s.words.hope_words):
            return k
        if s.in_mention(k):
            continue
        words += 1
        if words > s.settings.hope_that_gap or s.doc[k].norm_ not in s.words.prepositions:
            return None
    return None


def circumstantial_verb(s: Sentence, stance: int) -> int | None:
    """ "حذرت قطر من أن القتال يدفع السودان نحو الحرب، داعية الأطراف إلى …": a participle after
    the comma closing an أن-clause states the circumstance of the verb governing that clause; its
    subject is that verb's, not the أن-clause's. Returns that verb, or None."""
    participle = circumstantial_participle(s, stance)
    if participle is None:
        return None
    start, _ = s.clause_of(participle)
    # "أن الحرب التي بدأت بهجمات X ألحقت …، داعيا": a relative clause inside the أن-clause.
    while start - 2 > s.sentence.start and s.doc[start - 1].norm_ in s.words.relative_pronouns:
        start, _ = s.clause_of(start - 2)
    if start <= s.sentence.start or not s.has(start - 1, "THAT"):
        return None
    outer, _ = s.clause_of(start - 1)
    verb = next((k for k in range(start - 2, outer - 1, -1) if s.verb(k) and not s.in_mention(k)), None)
    if verb is None or not _perfect(s, verb):
        return verb
    # "وذكرت الرئاسة أن ماكرون أبلغه بقلقه، داعيا …": a participle of the other gender than the
    # governing verb goes with the أن-clause's subject.
    feminine = str(s.doc[verb].norm_).endswith(FEMININE_PERFECT_ENDING)
    ending = str(s.doc[participle].norm_)[-1:]
    return verb if feminine == (ending in {TA_MARBUTA, HA}) else None


def statement_issuers(s: Sentence, stance: int) -> list[Actor]:
    """ "أكدت قطر ومصر في بيان مشترك … . وشدد البيان على …": the statement named before, as the
    subject right after the stance verb with no actor named before it, speaks for its issuer:
    who issued the statement named before ("أصدرت الرئاسة الفرنسية بيانا": France), else the
    subject of the sentences before."""
    verb = _statement_verb(s, stance)
    if verb is None:
        return _fronted_statement_issuers(s, stance)
    # "ونقل البيان عن الزعيمين تأكيدهما …": a statement that relays someone speaks for them.
    relayed = (
        s.doc[k].norm_ == s.words.word_about and s.doc[k - 1].norm_ not in s.words.issued_words  # not صادر عن
        for k in range(verb + 2, stance)
    )
    if any(relayed):
        return []
    start, _ = s.clause_of(verb)
    if any(start <= m.start < verb for m in s.mentions):
        return []
    # "وطالب البيان الختامي لاجتماع مجلس جامعة الدول العربية بـ…": the issuer named after it.
    named = _genitive_issuer(s, verb + 2, min(verb + 2 + s.settings.statement_issuer_window, s.sentence.end))
    if named:
        return named
    return statement_issuer(s.rules, s.doc, verb, [*read_mentions(s.doc), *s.mentions]) or list(s.context.last_subject)


def framing_statement_issuers(s: Sentence, stance: int) -> list[Actor]:
    """ "وجاء في بيان للخارجية المصرية أنها تدعو إلى …", "وحسب بيان للاتحاد الأوروبي، فإنه يدعو
    إلى …", "وفي بيان للخارجية القطرية، دعت إلى …": a statement named with its issuer earlier in
    the sentence frames a clause whose subject is only a pronoun (the stance opens it, after أن،
    فإن or a comma): the issuer speaks through it."""
    start, _ = s.clause_of(stance)
    comma = next((k for k in range(stance - 1, start - 1, -1) if s.doc[k].text in COMMAS), None)
    start = start if comma is None else comma + 1
    if start <= s.sentence.start:
        return []
    if any(not (t.is_punct or t.norm_ in s.words.attribution_ends) for t in s.doc[start:stance]):
        return []
    for k in range(start - 1, s.sentence.start - 1, -1):
        if s.verb(k) and not s.in_mention(k) and k < start - 1 and s.has(k, "STANCE"):
            return []  # "ودعا X في بيان، …": an appeal of its own before the frame
        if reads_as(s, k, s.words.statement_subjects):
            return _framing_issuer(s, k, start)
    return []


def headline_quote_speaker(s: Sentence, stance: int) -> list[Actor]:
    """ "«لا بد من وقف الحرب».. أردوغان يطالب …", "«…» - X": a quote that opens the sentence,
    closed and followed by a headline's separator (.., a dash, a colon) and then an actor, is that
    actor's words (not a group's, nor one after a preposition)."""
    words = [t for t in s.sentence if not t.is_space]
    if not words or words[0].text not in OPENING_QUOTES or stance <= words[0].i:
        return []
    close = next((t.i for t in s.doc[stance : s.sentence.end] if t.text in CLOSING_QUOTES), None)
    if close is None:
        return []
    after = next((m for m in s.mentions if m.start > close), None)
    if after is None or after.start == close + 1 or not all(t.is_punct for t in s.doc[close + 1 : after.start]):
        return []
    return [] if after.prepositional or after.kind == "group" else list(after.actors)


def _framing_issuer(s: Sentence, statement: int, end: int) -> list[Actor]:
    """The issuer of the statement noun at ``statement`` in a frame ending at ``end``: its nisba
    (بيان مصري), its genitive (بيان الخارجية، بيان للخارجية) or the one it is issued by (بيان
    صادر عن …), whatever preposition governs the frame (وفق بيان …)."""
    states = _nisba_run(s, statement + 1, end)
    if states:
        return [actor(s.rules, state) for state in states]
    window = min(statement + 1 + s.settings.statement_issuer_window, end)
    mention = next((m for m in s.mentions if statement < m.start < window), None)
    if mention is None:
        return []
    between = s.doc[statement + 1 : mention.start]
    if any(t.is_punct or s.verb(t.i) for t in between):
        return []
    issued = any(t.norm_ in s.words.issued_words for t in between)
    if issued or mention.clitic == LAM or mention.start == statement + 1:
        return resolve_chain(s, chain_from(s, mention, end))
    return []


def _fronted_statement_issuers(s: Sentence, stance: int) -> list[Actor]:
    """ "بيان مشترك صادر عن مصر والأردن يدعو إلى التهدئة", "بيان أمريكي يطالب بـ…": a statement
    noun opening the clause before its verb (a headline's order) speaks for the issuer it names."""
    start = through_aside(s, s.clause_of(stance)[0])
    verb = next((k for k in range(start, stance + 1) if s.verb(k) or s.has(k, "STANCE")), None)
    noun = None if verb is None else _fronted_statement(s, start, verb)
    if verb is None or noun is None:
        return []
    return _genitive_issuer(s, noun + 1, min(noun + 1 + s.settings.statement_issuer_window, verb))


def _fronted_statement(s: Sentence, start: int, verb: int) -> int | None:
    """The statement noun that is the subject before ``verb``: the clause's first word, or the
    first after a dateline's dash (over the dateline's place), a connective's comma (إلى ذلك،
    بيان …) or كان (وكان بيان …)."""
    for k in range(start, verb):
        opens = k == start or s.doc[k - 1].is_punct or s.doc[k - 1].norm_ in s.words.past_kana
        if opens and reads_as(s, k, s.words.statement_subjects):
            return k
        if s.verb(k) or s.has(k, "STANCE"):
            return None
    return None


def _statement_verb(s: Sentence, stance: int) -> int | None:
    """The verb or stance word of the stance's clause that the statement (البيان) follows as its
    subject: the stance itself ("وشدد البيان على ضرورة …") or a verb before it ("وحث البيان
    المجتمع الدولي على العمل من أجل …")."""
    start, _ = s.clause_of(stance)
    verbs = (k for k in range(stance, start - 1, -1) if k == stance or s.verb(k) or s.has(k, "STANCE"))
    return next((k for k in verbs if k + 1 < s.sentence.end and reads_as(s, k + 1, s.words.statement_subjects)), None)


def _genitive_issuer(s: Sentence, start: int, end: int) -> list[Actor]:
    """The actor named as the genitive of a statement noun, from ``start`` to ``end`` over its
    adjectives and event nouns ("البيان الختامي لاجتماع مجلس جامعة الدول العربية"), or after
    the participle of issuing and its preposition ("البيان الصادر عن مجلس التعاون"), with no
    verb, stance or punctuation between."""
    issued = False
    for k in range(start, end):
        mention = next((m for m in s.mentions if m.start == k), None)
        if mention is not None:
            genitive = mention.preposition is None and (not mention.prepositional or mention.clitic == LAM)
            # the window bounds where the issuer starts, not the list of co-issuers after it
            return resolve_chain(s, chain_from(s, mention, s.sentence.end)) if genitive or issued else []
        states = [] if issued else _nisba_run(s, k, end)
        if states:  # "ودعا بيان أمريكي …", "البيان المصري القطري": the states its adjectives name
            return [actor(s.rules, state) for state in states]
        issued = issued or s.doc[k].norm_ in s.words.issued_words
        if s.doc[k].is_punct or s.verb(k) or s.has(k, "STANCE") or (s.has(k, "PREP") and not issued):
            return []
    return []


def _nisba_run(s: Sentence, k: int, end: int) -> list[str]:
    """The states of the nisba adjectives from ``k`` on (مصري قطري), none if ``k`` is none."""
    states: list[str] = []
    while k < end and (state := nisba_state(s.rules, str(s.doc[k].norm_))) is not None and state not in states:
        states.append(state)
        k += 1
    return states


def goal_proposers(s: Sentence, goal_end: int) -> list[Actor]:
    """ "وقبلت إيران بالهدنة التي اقترحتها سلطنة عمان": who proposed a goal, named in a relative
    clause on it, a verb of proposing (``proposal_verbs``) right after its pronoun (so with no
    negation or modal between), urges it too."""
    relative = next(
        (
            k
            for k in range(goal_end, min(goal_end + s.settings.goal_relative_gap + 1, s.sentence.end))
            if s.doc[k].norm_ in s.words.relative_pronouns
        ),
        None,
    )
    if relative is None or relative + 1 >= s.sentence.end or s.doc[relative + 1].norm_ not in s.words.proposal_verbs:
        return []
    mention = next((m for m in s.mentions if m.start == relative + 2), None)
    if mention is None or mention.prepositional:
        return []
    return resolve_chain(s, chain_from(s, mention, s.sentence.end))


OWN_TALKS_TOPIC = "DiplomaticSolution"


def similar_appeals(s: Sentence) -> Iterator[Fact]:
    """ "وجّهت نداءات مماثلة": the same appeal as the one just reported."""
    for span in s.spans("STANCE"):
        window = range(span.end, min(span.end + s.settings.similar_window, s.sentence.end))
        similar = any(s.doc[k].norm_ in s.words.similar_words for k in window)
        if similar and s.context.last_topics and not negated_or_hypothetical(s, span.start):
            for agent in subject_for(s, span.start):
                for topic in sorted(s.context.last_topics):
                    yield s.fact(URGED, agent, topic=topic, confidence=0.6)
            return


def own_talks(s: Sentence, span: Span, topic: str) -> bool:
    """ "استعداد روسيا لمواصلة التفاوض مع أوكرانيا": going on with one's own talks with
    someone is not an appeal for a diplomatic solution (ANNOTATION.md)."""
    if topic != OWN_TALKS_TOPIC or span.start == s.sentence.start:
        return False
    readings = clitic_readings(str(s.doc[span.start - 1].norm_))
    continuing = any(strip_article(r) in s.words.continuing_words for r in readings)
    window = range(span.end, min(span.end + s.settings.own_talks_window, s.sentence.end))
    followed_by_with = any(s.doc[k].norm_ == s.words.word_with for k in window)
    return continuing and followed_by_with
