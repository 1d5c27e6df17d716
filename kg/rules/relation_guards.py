"""Guards and readings shared by the smaller relations (offeredMediation, thanked, warned) that
their own modules have no room for: a negation before the verb of an offer with its subject
between ("ولم يبد الرئيس X أي استعداد للوساطة"), an appeal for mediation that is nobody's offer
("دعا X إلى التوسط بين …"), the mediators in apposition after a mediator noun ("الدول الوسيطة،
قطر والولايات المتحدة،"), and the owner of a warning praised by another ("أشاد X بتحذيرات Y من …")."""

from __future__ import annotations

from spacy.tokens import Span

from ..model import Actor
from .asides import aside_tokens, outside_asides
from .call_clauses import pronoun_preposition, received_call_caller
from .clauses import Sentence
from .lang_ar import ARTICLE, COMMAS, OPENING_BRACKETS
from .qualifiers import negated, reads_as
from .subjects import chain_from, resolve_chain

#: Closing marks that end an apposition: a comma or a closing bracket.
APPOSITION_ENDS = frozenset({*COMMAS, ")", "]"})


def predicate_before(s: Sentence, k: int, words: frozenset[str] = frozenset()) -> int | None:
    """The predicate that governs token ``k``, read back over names and circumstance asides
    ("وأشاد الرئيس X، في كلمة ألقاها …، بجهود …"): the nearest verb or word of ``words``, else the
    word right before the subject of a verb-first clause; None if none, or if more than
    ``governed_object_words`` other words stand before ``k`` (it is no longer the object)."""
    start = outside_asides(s, s.resumed(s.clause_of(k)[0]))
    asides = aside_tokens(s)
    crossed, loose = False, 0
    for j in range(k - 1, start - 1, -1):
        if _in_subject(s, j, asides):
            crossed = crossed or j not in asides
            continue
        if crossed or s.verb(j) or reads_as(s, j, words):
            return j
        loose += s.doc[j].norm_ not in s.words.warning_object_openers  # قلل X من خطر …: من adds none
        if loose > s.settings.governed_object_words:
            return None  # "رفض الأردن للتهجير لما له من تداعيات": the danger is not its object
    return None


def _in_subject(s: Sentence, j: int, asides: frozenset[int]) -> bool:
    """Whether token ``j`` is read over on the way back to a predicate: in an aside, a name, or a
    title word outside the name (المتحدث باسم …)."""
    # A comma opening an aside, or right after a name (its apposition: "X، وزير الخارجية المصري،").
    comma = s.doc[j].text in COMMAS and (j + 1 in asides or (j > s.sentence.start and s.in_mention(j - 1)))
    # "صاحب السمو أمير البلاد الشيخ مشعل الأحمد حفظه الله ورعاه": honorifics, a title and the word
    # it heads, and a blessing after the name are part of it.
    headed = j > s.sentence.start and s.has(j - 1, "ROLE") and s.doc[j].text.startswith(ARTICLE)
    titled = (s.has(j, "ROLE") or headed) and not s.verb(j)
    named = s.in_mention(j) or s.has(j, "BLESSING") or s.has(j, "HONORIFIC") or titled
    return j in asides or comma or named


def negated_through_subject(s: Sentence, k: int) -> bool:
    """ "ولم يبد الرئيس التركي رجب طيب أردوغان أي استعداد للوساطة": the predicate before ``k`` is
    negated, however long the subject between them."""
    start = outside_asides(s, s.resumed(s.clause_of(k)[0]))
    asides = aside_tokens(s)
    crossed = False
    for j in range(k - 1, start - 1, -1):
        if _in_subject(s, j, asides):
            crossed = crossed or j not in asides
        elif crossed or (s.verb(j) and negated(s, j)):
            return negated(s, j)
    return False


def governed_by(s: Sentence, k: int, words: frozenset[str]) -> bool:
    """ "واستبعد الرئيس X، في كلمة …، اندلاع حرب إقليمية", "وأشاد X، في بيان …، بجهود الوساطة": whether
    the predicate before ``k`` (over the subject and an aside) is one of ``words``."""
    verb = predicate_before(s, k, words)
    return verb is not None and reads_as(s, verb, words)


def appeal_for_mediation(s: Sentence, stance: int) -> bool:
    """ "دعا X إلى التوسط بين …", "ودعت إلى وساطة دولية": the stance before the mediation words is
    an appeal (``appeal_verbs``): who appeals asks for mediation and offers none."""
    return reads_as(s, stance, s.words.appeal_verbs)


def apposed_mediators(s: Sentence, span: Span) -> list[Actor]:
    """ "وقالت الدول الوسيطة، قطر والولايات المتحدة، إن …": the mediators named in apposition
    between commas right after a mediator noun; empty when not so."""
    if len(span) != 1 or span[0].norm_ not in s.words.mediator_nouns or span.end + 1 >= s.sentence.end:
        return []
    if s.doc[span.end].text not in COMMAS and s.doc[span.end].text not in OPENING_BRACKETS:
        return []
    mention = next((m for m in s.mentions if m.start == span.end + 1 and not m.prepositional), None)
    if mention is None or mention.kind == "group":
        return []
    chain = chain_from(s, mention, s.clause_of(span.start)[1])
    closed = chain[-1].end < s.sentence.end and s.doc[chain[-1].end].text in APPOSITION_ENDS
    return resolve_chain(s, chain) if closed else []


def praised_warning_owner(s: Sentence, span: Span) -> list[Actor] | None:
    """ "أشاد X بتحذيرات رئيس الوزراء Y من حرب إقليمية": a praise or welcome word, its subject, the
    noun praised and its owner, then the danger at ``span``: the warning is the owner's, not the
    praiser's; None when the words before the danger are not so."""
    welcome = s.words.praise_words | s.words.welcome_words
    start = outside_asides(s, s.resumed(s.clause_of(span.start)[0]))
    asides = aside_tokens(s)
    praise = None
    for k in range(span.start - 1, start - 1, -1):
        if _in_subject(s, k, asides):
            continue
        if reads_as(s, k, welcome):
            praise = k
            break
        if s.verb(k):
            return None
    if praise is None:
        return None
    between = [k for k in range(praise + 1, span.start) if not _in_subject(s, k, asides)]
    if any(s.verb(k) or s.doc[k].text in COMMAS for k in between):
        return None
    nouns = [k for k in between if s.doc[k].norm_ not in s.words.warning_object_openers]
    if len(nouns) != 1:
        return None
    owner = next((m for m in s.mentions if m.start == nouns[0] + 1 and not m.prepositional), None)
    return [] if owner is None else resolve_chain(s, chain_from(s, owner, span.start))


def reported_of_others(s: Sentence, span: Span) -> list[Actor] | None:
    """ "ونقل X عن مسؤولين غربيين تحذيرهم من حرب إقليمية": a warning after a speech verb and عن is
    the warning of those named after عن (nobody, when no actor is named there), not the
    reporter's; None when the warning is not so reported."""
    start, _ = s.clause_of(span.start)
    about = next((k for k in range(span.start - 1, start - 1, -1) if s.doc[k].norm_ == s.words.word_about), None)
    if about is None:
        return None
    asides = aside_tokens(s)
    speech = next((k for k in range(about - 1, start - 1, -1) if not _in_subject(s, k, asides)), None)
    if speech is None or not s.has(speech, "SPEECH"):
        return None
    named = [m for m in s.mentions if about < m.start < span.start]
    return resolve_chain(s, chain_from(s, named[0], span.start)) if named else []


def fronted_subject(s: Sentence, k: int) -> list[Actor]:
    """ "وخلال استقباله وزير الخارجية البريطاني، أعرب ولي العهد السعودي عن شكره …": a sentence that
    opens with a frame (``fronted_frame_openers``) naming someone, then a comma and the predicate of
    the word at ``k`` with its subject right after it: that subject, not the one in the frame.
    Empty when the sentence is not so."""
    verb = k if s.verb(k) or s.has(k, "STANCE") or s.has(k, "MEDIATION_STANCE") else None
    if verb is None or s.in_mention(verb) or s.doc[verb - 1].text not in COMMAS:
        verb = predicate_before(s, k)
    if verb is None or verb <= s.sentence.start or s.doc[verb - 1].text not in COMMAS:
        return []
    first = next((t for t in s.doc[s.sentence.start : verb] if not (t.is_punct or t.is_space)), None)
    if first is None or first.norm_ not in s.words.fronted_frame_openers:
        return []
    if any(s.verb(j) and not s.in_mention(j) for j in range(first.i, verb - 1)):
        return []
    subject = next((m for m in s.mentions if m.start == verb + 1 and not m.prepositional), None)
    return [] if subject is None else resolve_chain(s, chain_from(s, subject, s.clause_of(verb)[1]))


def call_agents(s: Sentence, k: int) -> list[Actor]:
    """The agent a call gives the word at ``k``: the caller, in a clause on a call received
    (تلقى X اتصالا من Y، حذر خلاله من …: Y); empty otherwise. An impersonal statement about the
    call is no caller's: a warning there is joint (kg.rules.dangers), mediation and thanks unread."""
    # "أعرب خلاله عن شكره لـ…": a thanks noun is read from the verb that governs it.
    verb = predicate_before(s, k)
    caller = received_call_caller(s, k) or (received_call_caller(s, verb) if verb is not None else [])
    return caller or _clause_on_received_call(s, k)


def _clause_on_received_call(s: Sentence, k: int) -> list[Actor]:
    """ "تلقى X اتصالا من Y، أبدى خلاله استعداده للوساطة": a word at ``k`` in a clause opened after a
    comma by a verb the lexicon may not list and a preposition carrying the call's pronoun (خلاله،
    فيه), with no subject named between, is the caller's; empty otherwise."""
    start = max(s.sentence.start + 2, k - s.settings.stance_window)
    # "…، عرض خلاله الوساطة": the verb at ``k`` itself, the preposition right after it.
    at = k + 1 if k + 1 < s.sentence.end and pronoun_preposition(s, k + 1) else k
    opener = next((j for j in range(at, start - 1, -1) if pronoun_preposition(s, j)), None)
    if opener is None or s.doc[opener - 2].text not in COMMAS or s.in_mention(opener - 1):
        return []
    # "…، أبدى خلاله الرئيس X …": the clause names its own subject; not after a verb of thanking or
    # warning, whose object it is (شكر خلاله ألمانيا، حذر خلاله إسرائيل).
    transitive = s.has(opener - 1, "THANKS") or s.has(opener - 1, "WARNING")
    if not transitive and any(opener < m.start < k and not m.prepositional for m in s.mentions):
        return []
    if any(s.doc[j].is_punct for j in range(opener, k)):
        return []
    received = [j for j in range(s.sentence.start, opener) if s.has(j, "CALL_VERB_OBJ")]
    if not received:
        return []
    callers = [m for m in s.mentions if received[-1] < m.start < opener and m.preposition == s.words.word_from]
    if not callers or callers[0].end != opener - 2:
        return []
    return resolve_chain(s, chain_from(s, callers[0], opener))
