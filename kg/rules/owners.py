"""Appeals owned by a pronoun: "أعرب X عن تقديره لجهود الأمين العام … كما رحب بدعوته لخفض
التصعيد": the call (دعوته) is the one named before, not X's own; X, who welcomes it, supports it
too (:func:`kg.rules.appeals._welcomers`). Joint efforts ("التنسيق لاحتواء التصعيد"، "الجهود
المشتركة") are the call's parties'."""

from __future__ import annotations

from ..model import Actor
from .clauses import Sentence
from .groups import states_of
from .lang_ar import DASHES
from .offices import nisba_state
from .qualifiers import reads_as
from .stances import words_back
from .subjects import mention_actors, subject_for


def pronoun_owner(s: Sentence, stance: int) -> list[Actor]:
    """The owner of an appeal noun with the pronoun of one actor (``pronoun_owned_stances``)
    right after a welcome or praise: the last actor named before the welcome who is not its
    subject, else the other party of the call just reported."""
    if s.doc[stance].norm_ not in s.words.pronoun_owned_stances:
        return []
    start, _ = s.clause_of(stance)
    praise = s.words.welcome_words | s.words.praise_words
    welcome = next(
        (k for k in words_back(s, stance, start, s.settings.welcome_stance_gap) if reads_as(s, k, praise)), None
    )
    if welcome is None:
        return []
    welcomers = {a.key for a in subject_for(s, welcome)}
    for mention in reversed([m for m in s.mentions if m.end <= welcome]):
        named = [a for a in mention_actors(s, mention) if a.key not in welcomers]
        if named:
            return named
    last_call = s.context.last_call or ()
    others = [a for a in last_call if a.key not in welcomers]
    return others if len(others) == 1 else []


def joint_owners(s: Sentence, stance: int) -> list[Actor]:
    """ "تناول الاتصال التنسيق لاحتواء التصعيد", "أن الوزيرين تحدثا بشأن التنسيق …", "وجهود
    الوساطة المشتركة للتوصل إلى …": joint efforts (``joint_nouns``, or an efforts noun qualified
    by ``joint_words``) with no single subject named before them are the parties of the call just
    reported; in a statement about their joint mediation, the parties' states (the mediators)."""
    if s.context.last_call is None or stance >= s.sentence.end:
        return []
    start, end = s.clause_of(stance)
    window = range(max(start, stance - s.settings.owner_before), min(end, stance + s.settings.owner_before + 1))
    joint = next((k for k in window if _joint(s, k, start)), None)
    if joint is None:
        return []
    # "وأكد ماكرون على التنسيق …": a subject of its own; "الرئيسان"، "الاتصال" leave it joint.
    if any(start <= m.start < joint and m.kind != "group" and not s.oblique(m) for m in s.mentions):
        return []
    parties = s.context.call_parties()
    mediation = any(s.has(k, "MEDIATION") for k in range(start, joint))
    return states_of(s, parties) if mediation else parties


def _joint(s: Sentence, k: int, start: int) -> bool:
    """Whether token ``k`` names joint efforts: a joint noun, or a joint adjective right after an
    efforts noun (الجهود المشتركة، جهود الوساطة المشتركة)."""
    if reads_as(s, k, s.words.joint_nouns):
        return True
    efforts = range(max(start, k - 2), k)
    return reads_as(s, k, s.words.joint_words) and any(s.has(j, "POSSESSOR_NOUN") for j in efforts)


def object_owner(s: Sentence, stance: int) -> tuple[list[Actor], bool]:
    """The owner of an appeal noun with the pronoun of one actor (``pronoun_owned_stances``)
    shortly after thanks or standing beside someone (``beside_words``): the last actor named
    between that word and the noun, the one thanked or stood with ("شكر X دولة قطر على جهودها
    لتهدئة التوتر"، "تقف تركيا إلى جانب العراق في جهوده لتثبيت الهدنة"); and whether the cue
    was standing beside, which the subject's support of the goal goes with."""
    start, _ = s.clause_of(stance)
    # "على مساعيها للتوصل إلى هدنة": the noun may stand right before the stance that names the goal.
    # "على جهودها من أجل التوصل إلى هدنة": a stance of reaching a goal lets the noun stand further back.
    head = min((p.start for p in s.spans("STANCE") if p.start <= stance < p.end), default=stance)
    reach = s.settings.owner_before * (2 if reads_as(s, head, s.words.nested_stances) else 1)
    nouns = range(stance, max(start, head - reach) - 1, -1)
    noun = next((k for k in nouns if s.doc[k].norm_ in s.words.pronoun_owned_stances), None)
    if noun is None:
        return [], False
    for k in words_back(s, noun, start, s.settings.object_owner_gap):
        beside = reads_as(s, k, s.words.beside_words)
        if beside or s.has(k, "THANKS"):
            for mention in reversed([m for m in s.mentions if k < m.start and m.end <= noun]):
                named = mention_actors(s, mention)
                if named:
                    return named, beside
            return [], False
    return [], False


def nisba_states(s: Sentence, i: int) -> list[str]:
    """States of the nisba adjectives from token ``i`` on (المصرية، المصريون والقطريون)."""
    states: list[str] = []
    k = i
    while k < s.sentence.end:
        state = nisba_state(s.rules, str(s.doc[k].norm_))
        if state is None or state in states:
            break
        states.append(state)
        k += 1
        # "الوساطة القطرية-المصرية", "المصرية - القطرية": a dash between two nisbas joins them.
        if k + 1 < s.sentence.end and s.doc[k].text in DASHES and nisba_state(s.rules, str(s.doc[k + 1].norm_)):
            k += 1
    return states
