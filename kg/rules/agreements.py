"""Who owns an agreement on a goal: "أعلنت موسكو توصل أذربيجان وأرمينيا، عقب محادثات …، إلى اتفاق
يقضي بوقف إطلاق النار" is the two parties' agreement (they accept the goal), not the announcer's.
The owners are those named right after the word of reaching or signing (``reaching_words``)
before the agreement noun (``agreement_nouns``). A goal declared as the object of a verb of
announcing (``declaring_words``) right after its named subject is accepted by it: "أعلنت أرمينيا
هدنة مع أذربيجان"."""

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


def declaring_verb(s: Sentence, goal: int) -> int | None:
    """The verb of announcing whose object is the goal at ``goal``, its subject named between
    them ("أعلنت أرمينيا هدنة", "وتعلن الحكومة السودانية وقف إطلاق النار"); None otherwise."""
    subject = next((m for m in s.mentions if m.end == goal), None)
    if subject is None or subject.start <= s.sentence.start or s.oblique(subject):
        return None
    verb = subject.start - 1
    return verb if reads_as(s, verb, s.words.declaring_words) and not s.in_mention(verb) else None


def with_partners(s: Sentence, stance: int, agents: list[Actor]) -> list[Actor]:
    """ "وبحث X مع Y الأوضاع في ليبيا، حيث تطابقت وجهات النظر حول …": an agreement of views with no
    actor in its own clause is also that of the one the sentence's subject spoke or met with (after
    مع, before the agreement's clause); ``agents`` unchanged otherwise."""
    start, _ = s.clause_of(stance)
    agreeing = any(s.has(k, "AGREEMENT") for k in range(start, stance + 1))
    if not agreeing or start <= s.sentence.start:
        return agents
    if any(start <= m.start < stance for m in s.mentions) or not agents:
        return agents
    partners = [m for m in s.mentions if m.end <= start and m.preposition == s.words.word_with]
    keys = {a.key for a in agents}
    return agents + [a for m in partners[:1] for a in resolve_chain(s, chain_from(s, m, start)) if a.key not in keys]
