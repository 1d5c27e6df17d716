"""Appeals owned by a pronoun: "أعرب X عن تقديره لجهود الأمين العام … كما رحب بدعوته لخفض
التصعيد": the call (دعوته) is the one named before, not X's own; X, who welcomes it, supports it
too (:func:`kg.rules.appeals._welcomers`)."""

from __future__ import annotations

from ..model import Actor
from .clauses import Sentence
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
