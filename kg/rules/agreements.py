"""Who owns an agreement on a goal: "أعلنت موسكو توصل أذربيجان وأرمينيا، عقب محادثات …، إلى اتفاق
يقضي بوقف إطلاق النار" is the two parties' agreement (they accept the goal), not the announcer's.
The owners are those named right after the word of reaching or signing (``reaching_words``)
before the agreement noun (``agreement_nouns``)."""

from __future__ import annotations

from ..model import Actor
from .clauses import Sentence
from .qualifiers import reads_as
from .stances import words_back
from .subjects import chain_from, resolve_chain


def agreement_parties(s: Sentence, stance: int) -> list[Actor]:
    """The ones who reached or signed the agreement named at ``stance`` (empty if not said)."""
    if not reads_as(s, stance, s.words.agreement_nouns):
        return []
    start, _ = s.clause_of(stance)
    for k in words_back(s, stance, start, s.settings.agreement_reach_window):
        if not reads_as(s, k, s.words.reaching_words) or s.in_mention(k):
            continue
        first = next((t.i for t in s.doc[k + 1 : stance] if not t.is_punct), stance)
        parties = next((m for m in s.mentions if m.start == first), None)
        if parties is None or s.oblique(parties):
            return []
        return resolve_chain(s, chain_from(s, parties, stance))
    return []
