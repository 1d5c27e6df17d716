"""The subject of a verb in a relative clause on a received call: "تلقى X اتصالا هاتفيا من Y،
حث خلاله على ضبط النفس" — the one who placed the call speaks in it (PHENOMENA.md, S-rel b); in
"أجرى X اتصالا مع Y، حث خلاله …" the caller is the sentence's subject anyway. Also the side a
nisba after an initiative noun names (جرت المكالمة بمبادرة أمريكية)."""

from __future__ import annotations

from ..model import Actor
from .clauses import Sentence
from .lang_ar import ARTICLE, BA, COMMAS, OBJECT_PRONOUNS
from .offices import nisba_state
from .qualifiers import reads_as
from .subjects import chain_from, resolve_chain


def received_call_caller(s: Sentence, verb: int) -> list[Actor]:
    """The caller of a call received earlier in the sentence (تلقى X اتصالا من Y) that the verb
    at ``verb`` speaks in: the verb opens its clause with no subject before or after it, and a
    preposition carrying the call's pronoun (خلاله، فيه) follows it; empty otherwise. The clause
    stands after a comma, or with none right after the caller's name (تلقى X اتصالا من Y دعا فيه …)."""
    # "…، أكد خلاله ضرورة …": a stance noun is read from the verb just before it.
    stance = _outer_of_nested(s, verb)
    back = range(verb, max(s.sentence.start, verb - s.settings.stance_verb_window) - 1, -1)
    verb = next((k for k in back if s.verb(k) and not s.in_mention(k)), verb)
    _, end = s.clause_of(verb)
    if verb <= s.sentence.start or not s.verb(verb):
        return []
    between = s.doc[verb + 2 : stance]  # after the pronoun preposition: "طالب خلاله الرئيس بضرورة" names one
    if any(not (t.is_punct or s.has(t.i, "PREP") or t.norm_ in s.words.prepositions) for t in between):
        return []
    # "من الرئيس الفرنسي دعا فيه": no comma, the verb right after the caller's name (the end of
    # the title and name after من, checked below).
    if s.doc[verb - 1].text not in COMMAS and not any(m.end == verb for m in s.mentions):
        return []
    after = next((t for t in s.doc[verb + 1 : end] if not (t.is_punct or t.is_space)), None)
    if after is None or not pronoun_preposition(s, after.i):
        return []
    window_end = min(end, after.i + 1 + s.settings.vso_subject_window)
    if any(verb < m.start < window_end and not m.prepositional for m in s.mentions):
        return []  # "…، أكد خلاله الرئيس X": the verb names its own subject
    received = [k for k in range(s.sentence.start, verb) if s.has(k, "CALL_VERB_OBJ")]
    if not received or any(s.verb(k) and not s.in_mention(k) for k in range(received[-1] + 1, verb)):
        return []
    caller = next((m for m in s.mentions if received[-1] < m.start < verb and m.preposition == s.words.word_from), None)
    return [] if caller is None else resolve_chain(s, chain_from(s, caller, verb))


def _outer_of_nested(s: Sentence, stance: int) -> int:
    """ "دعا خلاله إلى التوصل إلى هدنة": a stance of reaching a goal (``nested_stances``) is read
    from the word before it (the appeal's preposition or stance noun); any other stance as it is."""
    head = min((p.start for p in s.spans("STANCE") if p.start <= stance < p.end), default=stance)
    nested = reads_as(s, head, s.words.nested_stances) and head - 1 > s.sentence.start
    return head - 1 if nested and (s.has(head - 1, "PREP") or s.has(head - 1, "STANCE")) else stance


def pronoun_preposition(s: Sentence, k: int) -> bool:
    """ "خلاله", "فيه": a preposition written with its pronoun object as one word."""
    token = s.doc[k]
    if s.has(k, "PREP") and token._.suffix:
        return True
    norm = str(token.norm_)
    return any(norm.endswith(p) and norm[: -len(p)] in s.words.prepositions for p in OBJECT_PRONOUNS)


def nisba_initiative(s: Sentence) -> str | None:
    """ "جرت المكالمة بمبادرة أمريكية", "بطلب إيراني", "بناء على طلب روسي": the state an indefinite
    nisba right after an initiative or request noun names (its person on the call placed it; "المبادرة
    المصرية", a plan, is no such phrase)."""
    for k in range(s.sentence.start + 1, s.sentence.end - 1):
        token, nisba = s.doc[k], s.doc[k + 1]
        if token._.suffix or nisba.text.startswith(ARTICLE):
            continue
        norm = str(token.norm_)
        with_ba = BA in token._.clitic or norm.startswith(BA)  # "بمبادرة" may keep its ب in the norm
        bare = norm[len(BA) :] if norm.startswith(BA) else norm
        initiative = with_ba and bare in s.words.initiative_nouns
        request = bare in s.words.request_nouns and (with_ba or s.doc[k - 1].norm_ == s.words.word_on)
        if (initiative or request) and _said_of_call(s, k):
            state = nisba_state(s.rules, str(nisba.norm_))
            if state is not None:
                return state
    return None


def _said_of_call(s: Sentence, k: int) -> bool:
    """Whether the phrase at ``k`` qualifies the call word before it: no verb or relative pronoun
    between them ("وقف إطلاق النار الذي تم التوصل إليه بمبادرة مصرية" is not the call's)."""
    labels = ("CALL_NOUN", "CALL_ADV", "CALL_VERB", "CALL_VERB_SUBJ", "CALL_VERB_OBJ", "CALL_VERB_RECIP")
    call = next((j for j in range(k - 1, s.sentence.start - 1, -1) if any(s.has(j, x) for x in labels)), None)
    if call is None:
        return False
    between = range(call + 1, k)
    return not any(s.verb(j) or s.doc[j].norm_ in s.words.relative_pronouns for j in between)
