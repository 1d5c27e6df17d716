"""Who owns efforts, initiatives and appeal nouns: "الجهود المصرية لوقف …", "دعوة ماكرون إلى …",
"المساعي التي يبذلها X"; read by the appeal and mediation rules."""

from __future__ import annotations

from ..knowledge import PERSON, STATE
from ..model import Actor
from .clauses import Sentence
from .lang_ar import LAM
from .offices import actor
from .owners import nisba_states
from .qualifiers import reads_as
from .subjects import chain_from, resolve_chain, subject_for


def efforts_antecedent(s: Sentence, clause_start: int) -> int | None:
    """The efforts noun (جهود، مساعي، مبادرة) a relative clause opening at ``clause_start`` is about."""
    if clause_start <= s.sentence.start or s.doc[clause_start - 1].norm_ not in s.words.relative_pronouns:
        return None
    for k in range(clause_start - 2, max(s.sentence.start, clause_start - 1 - s.settings.owner_window) - 1, -1):
        if s.has(k, "POSSESSOR_NOUN"):
            return k
    return None


def antecedent_owner(s: Sentence, stance: int) -> list[Actor]:
    """ "الجهود المصرية التي أفضت للتوصل إلى وقف لإطلاق النار": a stance in a relative clause
    on owned efforts is the owner's, not the sentence subject's."""
    start, _ = s.clause_of(stance)
    antecedent = efforts_antecedent(s, start)
    return [] if antecedent is None else owner_of(s, antecedent, start - 1)


def qualified_owner(s: Sentence, stance: int) -> list[Actor]:
    """ "رحب X بتصريحات ترامب الأخيرة الداعية إلى إنهاء الصراع": a participle qualifying a noun
    (الداعية، الرامية، الهادفة) states the appeal of that noun's owner, the genitive before it."""
    if not reads_as(s, stance, s.words.adjectival_stances):
        return []
    start, _ = s.clause_of(stance)
    # "بالجهود المصرية الرامية إلى …": the qualified noun is an efforts noun with its owner.
    for k in range(stance - 1, max(start, stance - s.settings.owner_window) - 1, -1):
        if s.has(k, "POSSESSOR_NOUN"):
            found = owner_of(s, k, stance)
            if found:
                return found
            break
    gap_from = max(start, stance - s.settings.owned_goal_gap - 1)
    last = next((m for m in reversed(s.mentions) if gap_from <= m.end <= stance and m.start >= start), None)
    if last is None or any(t.is_punct for t in s.doc[last.end : stance]):
        return []  # "…في العاصمة القطرية الدوحة، بتكثيف الجهود الرامية": no genitive over a comma
    # The genitive chain ending there: "المواقف المبدئية لروسيا وإيران الداعية إلى …".
    for mention in (m for m in s.mentions if start <= m.start <= last.start):
        chain = chain_from(s, mention, stance)
        if last in chain:
            genitive = mention.preposition is None and (not mention.prepositional or mention.clitic == LAM)
            return resolve_chain(s, chain) if genitive else []
    return []


def own_state_speakers(s: Sentence, stance: int, owner: list[Actor]) -> list[Actor]:
    """ "شدد أمير قطر على استمرار مساعي دولة قطر لخفض التصعيد": a person who states his own
    state's efforts gets the fact, the state does not (ANNOTATION.md, settled cases); of several
    owning states, those without their own speaker keep it."""
    if not owner or any(a.kind != STATE for a in owner):
        return []
    # "شدد الزعيمان على المواقف المبدئية لروسيا وإيران الداعية إلى …": each state's own leader.
    speakers = [a for a in subject_for(s, stance) if a.kind == PERSON and a.state in {o.key for o in owner}]
    if not speakers:
        return []
    spoken = {a.state for a in speakers}
    return speakers + [o for o in owner if o.key not in spoken]


def owner_of(s: Sentence, stance: int, limit: int) -> list[Actor]:
    """Who owns the efforts/initiative/call named at ``stance`` (empty if not said)."""
    settings = s.settings
    head = min((p.start for p in s.spans("STANCE") if p.start <= stance < p.end), default=stance)  # للتوصل إلى
    nouns = [
        k for k in range(max(s.sentence.start, head - settings.owner_before), stance + 1) if s.has(k, "POSSESSOR_NOUN")
    ]
    if not nouns:  # "ترحيب مصري بالهدنة", "مطالبات أممية بإدخال …": a nisba right after the appeal noun
        nisba = stance + 1 < s.sentence.end and not s.verb(stance) and not s.in_mention(stance + 1)
        return [actor(s.rules, state) for state in nisba_states(s, stance + 1)] if nisba else []
    end = min(limit, stance + settings.owner_window, s.sentence.end)
    # "الوساطة المصرية للتوصل إلى …": the owner follows the efforts noun, before the stance too.
    for k in range(min(nouns[-1], stance) + 1, end):
        token = s.doc[k]
        if token.is_punct:
            continue
        if token.norm_ == s.words.word_between:
            return []  # "بدور الوسيط بين الفصائل الفلسطينية": those it stands between own nothing
        states = nisba_states(s, k)
        if states and not s.in_mention(k):
            return [actor(s.rules, state) for state in states]  # "جهود ديبلوماسية لبنانية"
        mention = next((m for m in s.mentions if m.start == k), None)
        if mention is not None:
            # A genitive (جهود مصر) or an adjective (الجهود المصرية); not "مع/بين" objects.
            # "دعوة من ماكرون إلى …": the owner after من right after the appeal noun, too.
            after_from = mention.preposition == s.words.word_from and k == nouns[-1] + 2
            if after_from or (mention.preposition is None and (not mention.prepositional or mention.clitic == LAM)):
                return resolve_chain(s, chain_from(s, mention, limit))
            return []
        if s.has(k, "BREAK") and token.norm_ in s.words.relative_pronouns:
            return relative_owner(s, k)
    return []


def relative_owner(s: Sentence, relative: int) -> list[Actor]:
    """The subject of the relative clause opened at ``relative`` (التي يبذلها ترامب), named
    within ``relative_owner_window`` words and not after a preposition; empty if none."""
    window_end = min(relative + s.settings.relative_owner_window, s.sentence.end)
    after = [m for m in s.mentions if relative < m.start < window_end]
    if after and not after[0].prepositional:
        return resolve_chain(s, chain_from(s, after[0], s.sentence.end))
    return []
