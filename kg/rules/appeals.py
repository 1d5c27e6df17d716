"""Appeals: "دعا بوتين إلى وقف إطلاق النار" (urged a goal), "الجهود المصرية لوقف إطلاق النار"
(efforts owned); the stances the mediation rules (``mediation.py``) read too."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..model import URGED, Actor, Fact
from .agreements import agreement_parties, declaring_verb, with_partners
from .appeal_agents import (
    circumstantial_verb,
    framed_appeal,
    framing_statement_issuers,
    goal_proposers,
    governing_appeal,
    headline_quote_speaker,
    hoped_appeal,
    object_masdar_appeal,
    own_talks,
    reported_subject,
    similar_appeals,
    statement_issuers,
)
from .asides import outside_asides
from .call_clauses import received_call_caller
from .clauses import Sentence
from .contrasts import contrast_subject
from .discourse import call_noun_subject
from .efforts_owners import antecedent_owner, efforts_antecedent, own_state_speakers, owner_of, qualified_owner
from .groups import dual_pronoun_owners, joint_parties
from .lang_ar import AND, COMMAS, PREPOSITION_CLITICS
from .named_goals import goal_spans
from .owners import joint_owners, object_owner, pronoun_owner
from .qualifiers import conditional_between, impersonal, negated_or_hypothetical, reads_as, rejected
from .speakers import speaks_for
from .stances import (
    appeal_noun_of,
    feminine_homograph,
    governing_stance,
    predicate_stance,
    relative_on_goal,
    travel_purpose,
    way_subject_stance,
    words_back,
)
from .subjects import subject_for

#: The trigger labels that carry an appeal: stance words, and agreeing to a goal (اتفقا على وقف
#: إطلاق النار، تطابقت وجهات النظر حول …), which accepts it (ANNOTATION.md, settled cases).
APPEAL_STANCES = ("STANCE", "AGREEMENT")

#: The topic whose own talks (going on negotiating with someone) are no appeal.


def read_appeals(s: Sentence) -> Iterator[Fact]:
    """Who urged which goal (de-escalation, restraint, a ceasefire, a diplomatic solution, aid)."""
    topics: set[str] = set()
    previous: tuple[int, int, int] | None = None  # (stance, start, end) of the last topic with a stance
    for span, topic in sorted(goal_spans(s), key=lambda item: item[0].start):
        stance = stance_before(s, span.start, APPEAL_STANCES)
        if stance is None:
            stance = predicate_stance(s, span.end) or way_subject_stance(s, span.start)  # "هو السبيل الوحيد"
        if (
            stance is not None
            and s.has(stance, "AGREEMENT")
            and not s.has(stance, "STANCE")
            and topic in s.words.agreement_not_for
        ):
            stance = None  # "اتفق الجانبان على مواصلة الحوار": their own talks, no appeal
        if stance is None and topic not in s.words.agreement_not_for:
            stance = declaring_verb(s, span.start)  # "أعلنت أرمينيا هدنة مع أذربيجان": it accepts it
        if stance is None and previous is not None and _coordinated(s, previous[2], span.start):
            stance = previous[0]  # "حث على ضبط النفس وتقديم المسارات الدبلوماسية": one appeal, two goals
        if stance is not None and previous is not None and previous[1] <= stance < previous[2]:
            stance = previous[0]  # "الدعوات الجزائرية إلى حل الخلافات عبر الحوار": a stance word in a goal
        for agent in goal_proposers(s, span.end):  # "بالهدنة التي اقترحتها سلطنة عمان"
            topics.add(topic)
            yield s.fact(URGED, agent, topic=topic)
        owned = s.has(span.start, "POSSESSOR_NOUN") and owner_of(s, span.start, s.sentence.end)
        if stance is None and owned:
            stance = span.start  # "الجهود الدبلوماسية اللبنانية": the owner works for the goal
        if stance is None:
            stance = _owned_noun_before(s, span.start)  # "وتتواصل التحركات السعودية لخفض التصعيد"
        if stance is None or negated_or_hypothetical(s, stance, commitment=True) or own_talks(s, span, topic):
            continue
        if conditional_between(s, stance, span.start):
            continue  # "ستدعم أي مبادرة إذا التزمت إسرائيل بوقف …": the goal is the condition's
        # "رفض الدعوات لوقف إطلاق النار" is no appeal; "رفضت روسيا المقترح الأمريكي لوقف …" is still the owner's.
        if rejected(s, stance) and not owner_of(s, stance, span.start if span.start > stance else s.sentence.end):
            continue
        previous = (stance, span.start, span.end)
        topics.add(topic)
        for agent in speaks_for(s, with_partners(s, stance, _agents(s, stance, span.start))):
            yield s.fact(URGED, agent, topic=topic)
    if topics:
        s.context.last_topics = topics
        return
    yield from similar_appeals(s)


def _owned_noun_before(s: Sentence, goal: int) -> int | None:
    """An owned efforts noun with no stance word of its own (التحركات، الوساطة، الدور) shortly
    before the goal at ``goal``, its owner between them ("وتتواصل التحركات السعودية لخفض التصعيد",
    "أسفرت الوساطة القطرية عن وقف …"): the owner works for the goal. Not over a verb or a comma."""
    start, _ = s.clause_of(goal)
    for k in range(goal - 1, max(start, goal - s.settings.owner_window) - 1, -1):
        token = s.doc[k]
        if token.text in COMMAS or (s.verb(k) and not s.in_mention(k)):
            return None
        if s.has(k, "POSSESSOR_NOUN"):
            return k if owner_of(s, k, goal) else None
    return None


def _coordinated(s: Sentence, end: int, start: int) -> bool:
    """Whether the words from ``end`` to ``start`` join two goals: "…ضبط النفس وتقديم الحل",
    or two items of one list of demands ("ضرورة وقف إطلاق النار، وحماية المدنيين، ومضاعفة
    إيصال المساعدات"): the later goal's item opens with و, and no predicate stands between; or
    the later goal stands in a relative clause on the earlier one (:func:`relative_on_goal`)."""
    between = s.doc[end:start]

    def joined(t: Token) -> bool:
        return bool(t.text == AND or t._.clitic.startswith(AND))

    if relative_on_goal(s, end, start):
        return True  # "وقف إطلاق النار الذي يسهم في … رفع الحصار": what the goal brings
    if start < end or s.clause_of(end)[0] != s.clause_of(start)[0]:
        return False
    if any(s.verb(t.i) or s.has(t.i, "STANCE") or s.has(t.i, "DISCUSS") for t in between):
        return False
    listed = s.doc[start - 1].text in COMMAS  # "…، الإفراج عن المحتجزين، إدخال مساعدات": items by commas alone
    if start - end <= s.settings.coordinated_gap and not listed:
        return any(joined(t) for t in (*between, s.doc[start])) and not any(t.is_punct for t in between)
    item_from = max(end, start - s.settings.coordinated_head_gap)
    joined_item = listed or any(joined(s.doc[k]) for k in range(item_from, start + 1))
    return start - end <= s.settings.coordinated_scope and joined_item


def stance_before(s: Sentence, i: int, labels: tuple[str, ...] = ("STANCE",)) -> int | None:
    """The nearest stance word before token ``i`` in its clause, unless a discussion verb
    is nearer (بحث سبل التسوية is no appeal); a clause that goes on after a parenthetical relative
    clause is read from its own start ("ودعا ماكرون، الذي التقى أردوغان، إلى …")."""
    start = outside_asides(s, s.resumed(s.clause_of(i)[0]))
    # "لا حل إلا بالحوار": a stance phrase ending in the word that opens the goal's clause.
    across = next((p.start for p in s.spans("STANCE") if p.start < start <= p.end), None)
    if across is not None and i - start <= s.settings.stance_window:
        return across
    # "المساعي القطرية التي تهدف إلى …": the efforts noun governs its relative clause; unowned
    # efforts under a discussion verb ("تطرق إلى جهود الأطراف التي تعمل من أجل الحوار") do not.
    antecedent = efforts_antecedent(s, start)
    if antecedent is not None and _discussed_efforts(s, antecedent, s.clause_of(antecedent)[0], i):
        return None
    for k in words_back(s, i, start, s.settings.stance_window):
        if any(s.has(k, label) for label in labels) and not feminine_homograph(s, k):
            k = appeal_noun_of(s, k, start) or k  # "دعوة أردوغان المتكررة له بضرورة الحوار"
            if (first := _nested_stance(s, k, start, labels)) is not None:
                return stance_before(s, first, labels)
            return None if _discussed_efforts(s, k, start, i) else k
        # "البحث عن حل سياسي" is searching for a solution, which a stance before it may ask for.
        if s.has(k, "DISCUSS") and not (k + 1 < s.sentence.end and s.doc[k + 1].norm_ == s.words.word_about):
            return travel_purpose(s, k, start)
    # "بالنداء الذي أطلقته فرنسا من أجل …": an appeal noun the stance matcher does not read with
    # its article still governs the relative clause on it.
    if antecedent is not None and ("STANCE" in labels or any(s.has(antecedent, label) for label in labels)):
        return antecedent
    return governing_stance(s, i, start, labels)


def _nested_stance(s: Sentence, k: int, start: int, labels: tuple[str, ...]) -> int | None:
    """ "لم يدع إلى دعم المسار التفاوضي", "رفض الدعوات إلى الالتزام بوقف …", "بحث سبل التوصل إلى
    هدنة": a stance word that is the object of a negated or rejected appeal before it, or, for a
    stance of reaching or keeping a goal (``nested_stances``), of a discussion word, is read from
    that word; returns its first token, or None when no such word governs it (its own reading
    stands: "وقع الطرفان اتفاقا يرمي إلى …")."""
    first = min((p.start for p in s.spans("STANCE") if p.start <= k < p.end), default=k)
    nested = reads_as(s, first, s.words.nested_stances)
    for j in words_back(s, first, start, s.settings.stance_window):
        if s.doc[j].text in COMMAS:
            return None  # "…، مطالبة بوقف …": a predicate of its own
        if s.has(j, "DISCUSS"):
            return first if nested else None
        if any(s.has(j, label) for label in labels) and not feminine_homograph(s, j):
            if rejected(s, j) or negated_or_hypothetical(s, j, commitment=True):
                return first
            return first if nested and _nested_stance(s, j, start, labels) is not None else None
    return None


def _discussed_efforts(s: Sentence, stance: int, start: int, goal: int) -> bool:
    """ "بحث الجانبان الجهود الإقليمية لوقف …", "استعرضا المساعي الدولية الرامية إلى …": efforts
    nobody owns, as the object of a discussion verb, are no appeal of those who discuss them."""
    settings = s.settings
    owner_from = max(start, stance - settings.owner_before)
    efforts = next((k for k in range(stance, owner_from - 1, -1) if s.has(k, "POSSESSOR_NOUN")), None)
    if efforts is None or owner_of(s, efforts, goal) or joint_owners(s, stance):
        return False
    # The whole clause: the discussing parties (بحث X مع Y …) may be long names.
    for k in range(efforts - 1, start - 1, -1):
        if s.has(k, "DISCUSS"):
            return True
        if s.has(k, "STANCE") or (s.verb(k) and not s.in_mention(k)):
            return False
    return False


def _agents(s: Sentence, stance: int, topic_start: int) -> list[Actor]:
    """Who makes the appeal of the stance word at ``stance`` for the goal at ``topic_start``."""
    # Impersonal statement about a call: each party gets it (جرى التشديد خلال الاتصال).
    # "جرى التأكيد على ضرورة أن تلتزم الأطراف بـ…": an asked act under an impersonal statement too.
    if impersonal(s, governing_appeal(s, stance) or stance) and (joint := joint_parties(s)):
        # Every party to the call(s) or meeting just reported: "وخلال الاتصالين، جرى التشديد على …".
        return joint
    hope = hoped_appeal(s, stance)
    if hope is not None:  # "تأمل روسيا أن يلتزم الطرفان بالتهدئة": the hoper's appeal
        return [] if negated_or_hypothetical(s, hope) else subject_for(s, hope)
    circumstance = circumstantial_verb(s, stance)
    if circumstance is not None:
        return subject_for(s, circumstance)  # "حذر X من أن …، داعيا إلى …": X's appeal
    parties = agreement_parties(s, stance) or joint_owners(s, stance)
    if parties:
        return parties
    # Efforts belong to their owner: "جهود الرئيس بوتين الرامية لخفض التوتر",
    # "الجهود المصرية لوقف إطلاق النار", "جهود الوساطة التي يبذلها ترامب".
    # "الجهود والمبادرات الدبلوماسية التي تبذلها مصر": a goal qualifying the efforts noun
    # itself lets its owner stand after it.
    adjacent = 0 <= topic_start - stance <= s.settings.owned_goal_gap and _attributive_goal(s, topic_start)
    owner = owner_of(s, stance, topic_start if topic_start > stance and not adjacent else s.sentence.end)
    owner = owner or antecedent_owner(s, stance) or qualified_owner(s, stance)
    if not owner:  # "شكر X قطر على جهودها"، "تقف X إلى جانب العراق في جهوده": the one named between
        owner, beside = object_owner(s, stance)
        if beside:
            return owner + [a for a in subject_for(s, stance) if a.key not in {o.key for o in owner}]
    owner = owner or pronoun_owner(s, stance)
    if owner:
        return (own_state_speakers(s, stance, owner) or owner) + _welcomers(s, stance, owner)
    # "ثمن ماكرون الدور المصري … إيصال المساعدات", "أعرب عن تقديره للدور القطري في التوصل إلى
    # وقف …": the praised owner works for the goal; praising is not urging.
    start, praise_words = s.clause_of(stance)[0], s.words.praise_words
    praise = next(
        (k for k in words_back(s, stance + 1, start, s.settings.stance_window) if reads_as(s, k, praise_words)), None
    )
    for k in range(topic_start if praise is None else praise + 1, topic_start):
        if s.has(k, "POSSESSOR_NOUN") and (praised := owner_of(s, k, topic_start)):
            return praised
    if s.doc[stance].norm_ in s.words.praise_words:
        return []
    reported = reported_subject(s, stance)
    if reported:
        return reported
    outer = governing_appeal(s, stance)
    if outer is None:
        outer = framed_appeal(s, stance) or object_masdar_appeal(s, stance)
    if outer is not None:
        return subject_for(s, outer) or statement_issuers(s, outer)  # "وحث البيان على العمل من أجل …"
    if call_noun_subject(s, stance) and (joint := joint_parties(s)):
        return joint  # "وتناول الاتصال ضرورة …": the call's parties, as for an impersonal statement
    # "تلقى X اتصالا من Y، حث خلاله على …": the caller speaks in the call.
    agents = received_call_caller(s, stance) or subject_for(s, stance) or contrast_subject(s, stance)
    # "وأشار بيان الرئاسة إلى حرصهما على …": a dual pronoun on the stance names its owners
    agents = agents or dual_pronoun_owners(s, stance) or statement_issuers(s, stance)
    return agents or framing_statement_issuers(s, stance) or headline_quote_speaker(s, stance)


def _attributive_goal(s: Sentence, topic_start: int) -> bool:
    """Whether the goal at ``topic_start`` qualifies the noun before it (الجهود الدبلوماسية), rather
    than being its purpose (الجهود لوقف …، الجهود من أجل …)."""
    first = s.doc[topic_start]
    before = s.doc[topic_start - 1]
    return not (PREPOSITION_CLITICS & set(str(first._.clitic)) or before.norm_ in s.words.prepositions)


def _welcomers(s: Sentence, stance: int, owner: list[Actor]) -> list[Actor]:
    """ "رحب X بجهود Y لوقف إطلاق النار": who welcomes owned efforts for a goal supports it too."""
    start, _ = s.clause_of(stance)
    welcome = next((k for k in range(stance - 1, start - 1, -1) if reads_as(s, k, s.words.welcome_words)), None)
    if welcome is None:
        return []
    keys = {a.key for a in owner}
    return [a for a in subject_for(s, welcome) if a.key not in keys]
