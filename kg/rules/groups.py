"""Groups: what "الزعيمان", "البلدان", "الطرفين" stand for — the two parties just named in the
sentence, else the parties of the call just reported, else the last two actors of the right
kind. A group of countries is states (the states of the people on the call: "أجرى بوتين اتصالا
مع أردوغان … وأكد البلدان" is Russia and Turkey); "the two sides" of a person and a state are
two states ("أشاد باشينيان بسلام مع أذربيجان غداة توقيع الطرفين …": Armenia and Azerbaijan).
An in-person meeting reported after the last call takes its place ("استقبل X Y. وشدد الجانبان"),
and a regional adjective keeps the parties that fit it ("الزعيمان الأوروبيان")."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..knowledge import PERSON, STATE
from ..model import Actor
from ..normalize import normalize
from .clauses import Sentence
from .lang_ar import CONJUNCTION_CLITICS, DUAL_PRONOUN, NISBA_DUAL_ENDING, NISBA_PLURAL_ENDINGS, PLURAL_VERB_ENDING
from .offices import actor, nisba_state
from .qualifiers import reads_as
from .records import Mention


def group_actors(s: Sentence, mention: Mention) -> list[Actor]:
    """ "الزعيمان", "البلدين", "الطرفان": the two parties just named (or of the call)."""
    word = s.doc[mention.start].norm_
    if word in s.words.everyone_words:
        # "وشدد الجميع": every caller; "وشكر بوتين الجميع" (an object): nobody named.
        start = s.clause_of(mention.start)[0]
        if any(start <= m.start < mention.start and not m.prepositional for m in s.mentions):
            return []
    region = _region(s, mention)
    if region is not None:
        # "وشدد الزعيمان الأوروبيان": the parties (of the calls just reported) the adjective fits.
        parties = joint_parties(s) or [a for a in reversed(s.context.recent) if a.kind == PERSON]
        fitting = [a for a in parties if (a.key if a.kind == STATE else a.state) in region]
        return fitting if len(fitting) >= 2 else []
    if word in s.words.all_parties_words:
        # "أكد المسؤولون بالإجماع …" after calls: every party to the calls (or meeting) just reported;
        # after a meeting of two, "الجميع" is nobody named (the two would be الجانبان، كلاهما).
        met = _meeting_parties(s)
        return s.context.call_parties() if met is None else met if len(met) > 2 else []
    if _others_sides(s, mention):
        return []  # "الطرفان المتحاربان", "الطرفين السودانيين": the sides of someone else's war
    countries = word in s.words.country_group_words
    kind = STATE if countries else None if word.startswith(s.words.side_group_words) else PERSON
    wanted: Callable[[Actor], bool] = (lambda a: a.kind == kind) if kind else (lambda a: True)
    earlier: list[Actor] = []
    oblique: set[str] = set()
    for m in s.mentions:
        if m.end <= mention.start and m.kind not in {"group", "counterpart"}:
            earlier += [a for a in m.actors if wanted(a) and a.key not in {e.key for e in earlier}]
            oblique |= {a.key for a in m.actors} if s.oblique(m) else set()
    # After a call, places and the states of "العلاقات بين مصر وفرنسا" (both after a preposition)
    # are not the sides: "وبحث الرئيسان الوضع في سوريا ولبنان، وأكد الجانبان …" is the call's two.
    named = not (s.context.last_call is not None and {a.key for a in earlier[-2:]} <= oblique)
    if len(earlier) >= 2 and named:
        return _sides(s, earlier[-2:]) if kind is None else earlier[-2:]
    # "أجرى X اتصالين مع A وB. وشدد المسؤولان …": the two X spoke with, right after those
    # calls ("the two sides" of a call are its two parties, never two of its counterparts).
    others = s.context.call_counterparts() if s.context.calls_sentence >= s.evidence.index - 1 else []
    if len(others) == 2 and kind == PERSON and all(wanted(a) for a in others):
        return others
    met = s.context.meeting if s.context.meeting_sentence > s.context.calls_sentence else []
    if len(met) == 2 and all(wanted(a) for a in met):
        return list(met)  # "استقبل X Y. وشدد الجانبان …": the two who met, after any call
    if s.context.last_call is not None and all(wanted(a) for a in s.context.last_call):
        return list(s.context.last_call)
    if countries and s.context.last_call is not None:
        # "أجرى بوتين اتصالا مع أردوغان … وأكد البلدان": the states of the two on the call.
        states = states_of(s, s.context.last_call)
        if len(states) == 2:
            return states
    pool: list[Actor] = []
    for someone in reversed(earlier + s.context.recent):
        if wanted(someone) and someone.key not in {p.key for p in pool}:
            pool.append(someone)
    return pool[:2] if len(pool) >= 2 else []


def _others_sides(s: Sentence, mention: Mention) -> bool:
    """Whether a group word is qualified as the sides of a conflict (``warring_words``) or of one
    state (a single nisba: الطرفان السودانيان), not the parties the article named."""
    k = mention.end
    if mention.actors or k >= s.sentence.end:
        return False
    if reads_as(s, k, s.words.warring_words):
        return True
    norm = str(s.doc[k].norm_)
    # "السودانيان" is the dual of "السوداني": drop the ان after its ي.
    singular = norm[: 1 - len(NISBA_DUAL_ENDING)] if norm.endswith(NISBA_DUAL_ENDING) else norm
    return nisba_state(s.rules, singular) is not None


def _region(s: Sentence, mention: Mention) -> frozenset[str] | None:
    """The state keys a regional adjective after a group word
    admits ("الزعيمان الأوروبيان", "الوزيرين الخليجيين"; ``group_regions`` of the lexicon)."""
    k = mention.end
    if mention.actors or k >= s.sentence.end:
        return None
    norm = str(s.doc[k].norm_)
    if not norm.endswith((NISBA_DUAL_ENDING, *NISBA_PLURAL_ENDINGS)):
        return None
    return s.words.group_regions.get(norm[:-2])  # "الاوروبيان" → "الاوروبي"


def _sides(s: Sentence, pair: list[Actor]) -> list[Actor]:
    """Two sides named as a person and a state are two states (the person's own state)."""
    if {a.kind for a in pair} != {PERSON, STATE}:
        return pair
    states = states_of(s, pair)
    return states if len(states) == 2 else pair


def states_of(s: Sentence, actors: Iterable[Actor]) -> list[Actor]:
    """The states of ``actors`` (a state is its own), once each; a stateless one is left out."""
    found: list[Actor] = []
    for someone in actors:
        key = someone.key if someone.kind == STATE else someone.state
        if key is None or key in {f.key for f in found} or key not in s.rules.knowledge.actors:
            continue
        found.append(someone if someone.kind == STATE else actor(s.rules, key))
    return found


def dual_verb(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a dual verb (وأكدا، وطالبا), also where the normaliser read its
    dual ending as an accusative one (طالبا → طالب)."""
    token = s.doc[k]
    written = normalize(token.text)[len(str(token._.clitic)) :]
    return token.norm_ in s.words.dual_verbs or written in s.words.dual_verbs


def plural_verb_parties(s: Sentence, start: int, i: int) -> list[Actor]:
    """ "أجرى X اتصالات مع A وB وC. وأكدوا جميعا …": a plural verb with no subject (between
    ``start`` and ``i``) right after calls of more than two parties is every party to them."""
    parties = s.context.call_parties()
    if len(parties) <= 2 or s.context.calls_sentence < s.evidence.index - 1:
        return []
    plural = any(
        (s.verb(k) or s.has(k, "STANCE")) and str(s.doc[k].norm_).endswith(PLURAL_VERB_ENDING)
        for k in range(start, i + 1)
    )
    return parties if plural else []


def remember_meeting(s: Sentence) -> None:
    """ "التقى السيسي العاهل الأردني …", "اجتمع A وB وC في عمان": remember the people (else the
    states) an in-person meeting names, for a group word or an impersonal statement after it."""
    met = _met(s)
    if met:
        s.context.meeting, s.context.meeting_sentence = met, s.evidence.index


def _met(s: Sentence) -> list[Actor]:
    """The people (else the states) a sentence reporting an in-person meeting names, if two or more."""
    if s.context.calls_sentence == s.evidence.index or not any(_meeting_word(s, t.i) for t in s.sentence):
        return []
    named: list[Actor] = []
    for m in s.mentions:
        # "في عمان" is the place; "مع Y" and "بـY" are the one met.
        if m.kind == "group" or (m.preposition is not None and m.preposition != s.words.word_with):
            continue
        named += [a for a in m.actors if a.key not in {n.key for n in named}]
    people = [a for a in named if a.kind == PERSON]
    met = people if len(people) >= 2 else named
    return met if len(met) >= 2 else []


def _meeting_word(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a meeting word (``meeting_words``), also after و or ف."""
    written = str(s.doc[k].norm_)
    meeting = s.words.meeting_words
    return written in meeting or (written[:1] in CONJUNCTION_CLITICS and written[1:] in meeting)


def joint_parties(s: Sentence) -> list[Actor]:
    """The parties of the call(s) or the in-person meeting reported last (this sentence's own
    meeting first: "اجتمع X مع Y، وتم خلال الاجتماع التشديد على …")."""
    met = _meeting_parties(s)
    return s.context.call_parties() if met is None else met


def _meeting_parties(s: Sentence) -> list[Actor] | None:
    """The parties of this sentence's meeting, else of the meeting reported after the last call
    (``None`` when no meeting was reported since)."""
    met = _met(s)
    if met:
        return met
    return list(s.context.meeting) if s.context.meeting_sentence > s.context.calls_sentence else None


def dual_pronoun_owners(s: Sentence, stance: int) -> list[Actor]:
    """ "ونقل البيان عن الزعيمين تأكيدهما على ضرورة …": a stance (or the noun just before it)
    carrying the dual pronoun, with no agent of its own, is the two the pronoun stands for: the
    group named before it in the sentence, else the two parties of the last call."""
    start, _ = s.clause_of(stance)
    nouns = range(stance, max(start, stance - s.settings.dual_pronoun_gap) - 1, -1)
    owned = next((k for k in nouns if str(s.doc[k].norm_).endswith(DUAL_PRONOUN) and not s.verb(k)), None)
    if owned is None:
        return []
    group = next((m for m in reversed(s.mentions) if m.end <= owned and m.kind == "group"), None)
    if group is not None:
        return group_actors(s, group)
    return list(s.context.last_call) if s.context.last_call is not None else []
