"""The word sets the rules compare tokens with, read once from the lexicon.

Trigger sections are matched by :mod:`kg.nlp` into labelled spans; the sets here are the words
a rule checks by hand (a preposition, a time word, the "from" of من طرف). The ``rule_words``
section of ``kg/data/lexicon.json`` holds the latter, as normalised forms (``token.norm_``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..dates import MONTHS, WEEKDAYS
from ..errors import KnowledgeError
from ..goal_forms import modifier_words
from ..knowledge import Knowledge
from ..normalize import normalize
from .anaphora_words import AnaphoraWords
from .lang_ar import HA, TA_MARBUTA


@dataclass(frozen=True)
class RuleWords:
    """Word sets of the lexicon, by what the rules use them for."""

    # Sections of the lexicon, normalised.
    prepositions: frozenset[str]
    attribution_words: frozenset[str]
    media_nouns: frozenset[str]
    framing_words: frozenset[str]
    deputy_words: frozenset[str]
    praise_words: frozenset[str]
    body_name_words: frozenset[str]
    all_parties_words: frozenset[str]
    officials_words: frozenset[str]
    non_actor_subjects: frozenset[str]
    honorifics: frozenset[str]
    thanks_object_prepositions: frozenset[str]
    date_words: frozenset[str]  # weekdays, months, ``rule_words.times``: no distance between words
    #: دعاه، حثه: stance forms with the suffix ه; a word written with ة that folds into one (دعاة) is no stance.
    suffixed_stances: frozenset[str]
    agreement_not_for: frozenset[str]  # topics an agreement verb alone does not urge (اتفقا على مواصلة الحوار)
    negating: frozenset[str]  # the words that negate a trigger after them (``negation.before_trigger``)
    # The offices that head a state or its government (kg/data/roles.json).
    head_roles: tuple[str, ...]
    government_roles: tuple[str, ...]
    # The pipeline's stop words and every word of a trigger or title (never a name).
    stop_words: frozenset[str]
    term_words: frozenset[str]
    goal_modifier_words: frozenset[str]  # عودة، حالة: term words, yet a family name after a first name
    # ``rule_words``: single words.
    word_from: str
    word_with: str
    word_between: str
    word_every: str
    phone_adverb: str
    plural_counterpart_prefix: str
    # ``rule_words``: word sets.
    connectors: frozenset[str]
    nested_stances: frozenset[str]
    organization_heads: frozenset[str]
    from_nouns: frozenset[str]
    defined_state_nouns: frozenset[str]
    state_nouns: frozenset[str]
    past_kana: frozenset[str]
    connector_times: frozenset[str]
    times: frozenset[str]
    #: "في", "لـ", "بيان": a word after a verb making the mention after it its complement (طالب بيان الخارجية بـ…).
    title_complement_words: frozenset[str]
    #: "عضو", "الممثلة": words that open a title nobody knows, as a role word does (أجرى عضو المكتب السياسي … X).
    title_head_words: frozenset[str]
    #: "بطلب إيراني": a request noun that, with a nisba after it, says whose side placed a call.
    request_nouns: frozenset[str]
    #: "تلقى X اتصالا من Y، وآخر من Z": "another" standing for a call word said before it.
    call_ellipsis_words: frozenset[str]
    #: "إلى", "لدى": a word before the state an envoy or ambassador is sent to (المبعوث الأممي إلى اليمن X).
    destination_words: frozenset[str]
    #: "بن", "آل": a word that links the parts of a name; a name does not end on one.
    name_links: frozenset[str]
    #: "بالإنابة": a word after a title that keeps its office (an acting minister holds the portfolio).
    acting_words: frozenset[str]
    #: "الخاص", "السامي": an adjective after a title that keeps its office (المبعوث الأممي الخاص إلى اليمن X).
    title_modifiers: frozenset[str]
    #: "تحدث X إلى Y": the prepositions after a talk verb that name the one spoken with.
    talk_to_words: frozenset[str]
    #: "بنظيريه الأرميني والأذربيجاني": a dual counterpart word, one counterpart per nisba.
    dual_counterparts: frozenset[str]
    #: "فإن": a complementizer that closes a sentence's opening attribution (وبحسب الوكالة فإن X …).
    attribution_ends: frozenset[str]
    #: "المنتخب حديثا"، "السابق": words between a title and the name of one not in that office on the day.
    elect_words: frozenset[str]
    #: "زوجة الرئيس", "نجل X", "محامي X": a relative or agent whose genitive is never the actor of the sentence.
    relative_nouns: frozenset[str]
    frame_words: frozenset[str]
    #: "وفي تجديد لدعوته إلى …، حث X": a noun between a fronted في and the appeal noun it frames.
    frame_heads: frozenset[str]
    #: "وفي كلمته أمام …، حذر X": openers of a fronted frame, whose actor is no subject when one follows the verb.
    fronted_frame_openers: frozenset[str]
    #: "قال X إنه يرفض …، لكنه دعا إلى …": a contrast with a pronoun goes on with the clause before.
    contrast_pronouns: frozenset[str]
    contrast_heads: frozenset[str]
    #: "وشدد X على ثلاث نقاط: أولا، …": the words that open a list of points (kg/rules/points.py).
    list_announcers: frozenset[str]
    demand_nouns: frozenset[str]
    point_ordinals: frozenset[str]
    pronoun_thats: frozenset[str]
    #: "إذا التزمت إسرائيل بوقف …": a goal after one of these is a condition, not the appeal before it.
    conditional_particles: frozenset[str]
    bare_call_nouns: frozenset[str]
    continuing_words: frozenset[str]
    similar_words: frozenset[str]
    wish_words: frozenset[str]
    #: "تأمل أن يلتزم الطرفان بالتهدئة": a hope whose أن-clause names who is to act; the hope is the appeal.
    hope_words: frozenset[str]
    #: "وشدد البيان على …": the statement named before, as a subject; its issuers speak.
    statement_subjects: frozenset[str]
    #: "بعد كل من A وB": those who did the same before (the earlier callers of one called).
    preceded_words: frozenset[str]
    #: "سوف": a future particle; before a stance it states a commitment (ANNOTATION.md).
    future_particles: frozenset[str]
    #: "استضافت السعودية اجتماعا لوفدي …": meetings that, hosted between two others, are talks.
    meeting_nouns: frozenset[str]
    #: "أوفد X مبعوثه للوساطة": verbs of sending, whose subject mediates through the one sent.
    sending_verbs: frozenset[str]
    #: "لن يؤدي إلا إلى كارثة": the exception (a clause break) whose clause goes on the one before it.
    exceptive_words: frozenset[str]
    #: "لن يقود إلا إلى حرب شاملة": verbs of leading to a danger, which leave it the speaker's.
    leading_verbs: frozenset[str]
    #: "غير مستعدة": a negation that negates only the word right after it (not غير أن …).
    adjacent_negation: frozenset[str]
    #: "لن ندخر جهدا", "لا يألو جهدا": verbs of sparing whose negation affirms (spare no effort).
    litotes_verbs: frozenset[str]
    #: "لن تتوقف عن بذل الجهود": verbs whose negation affirms before ``cessation_litotes_prepositions``.
    cessation_litotes_verbs: frozenset[str]
    #: "تلعب مصر دورا محوريا في إنهاء الحرب": a verb whose subject plays the role after it.
    role_verbs: frozenset[str]
    cessation_litotes_prepositions: frozenset[str]
    #: "الحوار هو السبيل الوحيد": a goal, a copula, a way noun and a word of preference after it.
    predicate_copulas: frozenset[str]
    way_nouns: frozenset[str]
    preference_adjectives: frozenset[str]
    #: "المخرج الوحيد يكمن في الحوار": verbs of lying in, between a way noun and its goal.
    lying_verbs: frozenset[str]
    #: "الحل السياسي ضروري", "التهدئة أمر ملح": a goal with a predicate of necessity or priority.
    necessity_predicates: frozenset[str]
    necessity_heads: frozenset[str]
    verb_homographs: frozenset[str]
    dual_verbs: frozenset[str]
    everyone_words: frozenset[str]
    initiative_nouns: frozenset[str]
    #: "المحادثة … بدأها X", "وبادر X بالاتصال": a verb whose subject started the call.
    initiative_verbs: frozenset[str]
    #: "مستعد للاتصال ببوتين", "ترتيبات لمكالمة": readiness for or arrangements of a call, no call.
    call_readiness_words: frozenset[str]
    #: "لإجراء", "تلقي": the verbal noun of making (receiving) a call, between a readiness word and the call noun.
    call_making_words: frozenset[str]
    #: "اتفقا على إجراء اتصال", "طلب إجراء اتصال", "أمله في إجراء اتصال", "رفض تلقي اتصال": verbs
    #: (and nouns) of intent, hope or refusal whose call is yet to come or never made.
    call_intent_verbs: frozenset[str]
    #: "على إجراء", "إلى الاتصال": the prepositions between a verb of intent and its call (and
    #: في before إجراء: "أمله في إجراء اتصال", while "يدعو في اتصال" is said during a call).
    intent_prepositions: frozenset[str]
    #: "المكالمة التي جمعت X وY": a verb whose object names the parties of the call before it.
    joining_verbs: frozenset[str]
    #: "اتصالات من قادة عدة دول، بينهم X وY": the word after a group that names some of its members.
    group_member_words: frozenset[str]
    #: "اتصالين، الأول مع X والثاني مع Y": ordinals that open the next call of a list.
    ordinal_words: frozenset[str]
    #: "فقد تلقى": past verbs that start with ت (form V and VI), no imperfect after قد ("may").
    past_ta_verbs: frozenset[str]
    #: "هذا الاتصال": a demonstrative before a call noun that refers back to a call.
    demonstratives: frozenset[str]
    #: "خلال اتصال هاتفي جمعهما": the call joined the two named just before.
    joining_dual_verbs: frozenset[str]
    adjectival_goals: frozenset[str]
    word_about: str
    #: "إلى جانب": the words, in order, between two actors acting together (ودعت مصر، إلى جانب قطر، …).
    alongside_words: frozenset[str]
    #: "شكره على دعمه": the reason of thanks; who is named after it is not the one thanked.
    word_on: str
    word_in: str
    relative_pronouns: frozenset[str]
    #: "اتصال من X إلى Y": the preposition before the one called.
    call_destination_prepositions: frozenset[str]
    #: "بمبادرة من الأخير / الأول": the latter / the former of the parties named before.
    latter_words: frozenset[str]
    former_words: frozenset[str]
    #: "عن إجراء الوزير X اتصالا": verbal nouns of placing a call, whose genitive is the caller.
    call_masdars: frozenset[str]
    #: "سلسلة اتصالات شملت نظراءه …": verbs of including that name a call's counterparts.
    inclusion_verbs: frozenset[str]
    #: "ردا على اتصال من X": a reply to a call (على before a call noun is otherwise "in contact").
    reply_words: frozenset[str]
    #: "من جانبه، رد X": openers of a reply on one's part (after a call, the other party's), as phrases.
    reply_openers: frozenset[str]
    #: "في وقت سابق": words that tell an event as earlier than the one reported.
    earlier_words: frozenset[str]
    #: "وهو الذي": an independent pronoun before a relative pronoun, standing for one named before.
    independent_pronouns: frozenset[str]
    country_group_words: frozenset[str]
    side_group_words: tuple[str, ...]
    warning_object_openers: frozenset[str]
    warning_object_stops: frozenset[str]
    photo_credit_agencies: tuple[str, ...]
    # ``rule_words``: the guards against overreach (issue 14, item 5).
    rejection_words: frozenset[str]
    death_nouns: frozenset[str]
    event_nouns: frozenset[str]
    concern_words: frozenset[str]
    caution_nouns: frozenset[str]
    addressee_quantifiers: frozenset[str]
    #: "قال X إنه يشجع الأطراف على …": a complementiser carrying the clause's subject as a pronoun;
    #: a group after the verb is then its object, not an unnamed subject.
    subject_complementisers: frozenset[str]
    #: "توجه X إلى إسرائيل لبحث شروط وقف إطلاق النار": a journey whose purpose is to discuss a
    #: goal works for it (eval/DECISIONS.md); a meeting or call to discuss one does not.
    travel_words: frozenset[str]
    adjectival_stances: frozenset[str]
    welcome_words: frozenset[str]
    #: "الطرفان المتحاربان": a group qualified as the sides of a conflict, not the parties named.
    warring_words: frozenset[str]
    #: "جهود الوساطة المشتركة", "التنسيق لاحتواء التصعيد": joint efforts (and mediation), the
    #: call's parties' own or those named after بين.
    joint_words: frozenset[str]
    joint_nouns: frozenset[str]
    #: "توصل X وY إلى اتفاق يقضي بـ…": an agreement is owned by who reached or signed it.
    agreement_nouns: frozenset[str]
    #: "رحب X بدعوته": an appeal noun owned by the pronoun of one actor, not the welcomer.
    pronoun_owned_stances: frozenset[str]
    #: "تقف تركيا إلى جانب العراق في جهوده": standing beside or with the owner of such a noun.
    beside_words: frozenset[str]
    #: "الهدنة التي اقترحتها مصر": verbs of proposing a goal, in a relative clause on it.
    proposal_verbs: frozenset[str]
    #: "البيان الصادر عن X": the participle of issuing before a statement's issuer.
    issued_words: frozenset[str]
    reaching_words: frozenset[str]
    #: "أعلنت أرمينيا هدنة": a goal announced by its subject is accepted by it.
    declaring_words: frozenset[str]
    danger_words: frozenset[str]
    #: "استعداده للقيام بدور بناء في تسوية الأزمة": a role noun, and the words of ending a
    #: conflict (حل، تسوية، إنهاء) that make a role in it mediation.
    role_nouns: frozenset[str]
    resolution_words: frozenset[str]
    #: "استعداده للمساعدة في التوصل إلى تسوية": nouns of helping, read as a role noun is.
    help_nouns: frozenset[str]
    #: "مستعدة لاستضافة جولة من المفاوضات", "تستضيف قطر المفاوضات": hosting talks is mediating.
    hosting_nouns: frozenset[str]
    hosting_verbs: frozenset[str]
    talks_nouns: frozenset[str]
    #: "شكر X كلا من روسيا وقطر": the quantifier before the من of a list of those thanked.
    both_words: frozenset[str]
    #: "نشكر الأشقاء في مصر": a kin noun before في and a state names that state's people.
    kin_nouns: frozenset[str]
    #: "لأمير قطر وحكومة وشعب قطر": a government or people whose state is thanked with them.
    people_nouns: frozenset[str]
    #: "«أشكر الرئيس …»": first-person singular imperfects no Form-IV perfect is written like.
    first_person_singular: frozenset[str]
    #: "«دعونا إلى …»، «حثثت الطرفين»": first-person perfects of the appeal verbs no third person shares.
    first_person_perfects: frozenset[str]
    #: "تلقى X رسالة شكر من Y": a message whose sender, after من, is the one who thanks.
    message_nouns: frozenset[str]
    #: "تخوض حربا شاملة": verbs of waging a war, whose object is no danger warned of.
    waging_words: frozenset[str]
    #: "لما لها من تداعيات": a negation word and the word after it that make it no negation.
    not_negating_pairs: frozenset[str]
    #: "شاركت مصر في المحادثات بصفتها وسيطا": the capacity a mediation noun is said in.
    capacity_words: frozenset[str]
    mediator_nouns: frozenset[str]
    #: "كطرف وسيط", "كدولة وسيطة": a head with ك before a mediator noun as its adjective.
    capacity_heads: frozenset[str]
    #: "وكانت السعودية قد توسطت …": the finite verbs of mediating, whose subject mediates.
    mediating_verbs: frozenset[str]
    appeal_verbs: frozenset[str]  # "دعا X إلى التوسط": asks for mediation, offers none
    #: "تتوسط قطر إلى جانب مصر": words of acting alongside, whose object mediates too.
    co_mediation_words: frozenset[str]
    #: "مساعي سلطنة عمان الحميدة": a good-offices noun and its adjective with the mediator between.
    good_offices_nouns: frozenset[str]
    good_offices_adjectives: frozenset[str]
    #: "أعربتا عن تقديرهما للصين على استضافة المحادثات": nouns of gratitude before the one thanked.
    gratitude_words: frozenset[str]
    #: "تبذل قطر جهودا للتوصل إلى هدنة بين …": efforts, and the words of exerting them, for a goal between others.
    efforts_nouns: frozenset[str]
    helping_verbs: frozenset[str]
    #: "الدولة الوحيدة القادرة على لعب دور فعال": being able to play a role is not playing it.
    capability_words: frozenset[str]
    exerting_words: frozenset[str]
    #: Every capital's normalised form (a capital after an event noun is part of a name).
    capitals: frozenset[str]
    #: In-person meetings (a leading و or ف taken off): the people such a sentence names are the
    #: parties of a group word or an impersonal statement after it ("وجرى خلال اللقاء …").
    meeting_words: frozenset[str]
    #: "الزعيمان الأوروبيان": a regional nisba (singular, normalised) and the state keys it fits.
    group_regions: dict[str, frozenset[str]]
    #: Honorific pronouns, bare office and body nouns, statements (the ``anaphora`` section).
    anaphora: AnaphoraWords

    @classmethod
    def load(cls, knowledge: Knowledge, stop_words: frozenset[str], term_words: frozenset[str]) -> RuleWords:
        """Read the word sets of ``knowledge``'s lexicon."""
        words = knowledge.words
        cues = _section(knowledge.lexicon, "rule_words")
        return cls(
            **_rule_words(cls, cues),
            prepositions=words("prepositions"),
            attribution_words=words("attribution_words"),
            media_nouns=words("media_nouns"),
            framing_words=words("framing_words"),
            deputy_words=words("deputy_words"),
            praise_words=words("praise_words"),
            body_name_words=words("body_name_words"),
            all_parties_words=words("all_parties_words"),
            officials_words=words("officials_words"),
            non_actor_subjects=words("non_actor_subjects"),
            honorifics=frozenset(w for phrase in words("honorifics") for w in phrase.split()),
            thanks_object_prepositions=words("thanks_object_prepositions"),
            suffixed_stances=_suffixed_stances(knowledge),
            agreement_not_for=frozenset(knowledge.lexicon.get("stance", {}).get("agreement_not_for", ())),
            date_words=frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(cues.get("times", ())),
            negating=_negating(knowledge),
            head_roles=knowledge.head_roles("state"),
            government_roles=knowledge.head_roles("government"),
            stop_words=stop_words,
            term_words=term_words,
            goal_modifier_words=frozenset(normalize(w) for w in modifier_words(knowledge.lexicon)),
            capitals=frozenset(normalize(c) for record in knowledge.states() for c in record.capitals_ar),
            group_regions=_group_regions(knowledge.lexicon),
            anaphora=AnaphoraWords.load(knowledge.lexicon),
        )


def _rule_words(cls: type[RuleWords], cues: dict[str, Any]) -> dict[str, Any]:
    """The fields read straight from the lexicon's ``rule_words``, typed as each field says."""
    one, many = _one(cues), _many(cues)
    found: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if item.name not in cues:
            continue
        kind = str(item.type)
        if kind == "str":
            found[item.name] = one(item.name)
        elif kind.startswith("tuple"):
            found[item.name] = tuple(many(item.name))
        else:
            found[item.name] = frozenset(many(item.name))
    return found


def _group_regions(lexicon: dict[str, Any]) -> dict[str, frozenset[str]]:
    """``group_regions`` of the lexicon: each regional adjective's state keys (``state/FR``)."""
    section = _section(lexicon, "group_regions")
    return {
        normalize(word): frozenset(f"state/{code}" for code in codes)
        for word, codes in section.items()
        if not word.startswith("_")
    }


def _section(lexicon: dict[str, Any], name: str) -> dict[str, Any]:
    value = lexicon.get(name)
    if not isinstance(value, dict):
        raise KnowledgeError(f"lexicon: section {name!r} must be an object")
    return value


def _one(cues: dict[str, Any]) -> Callable[[str], str]:
    def read(key: str) -> str:
        value = cues.get(key)
        if not isinstance(value, str):
            raise KnowledgeError(f"lexicon: rule_words.{key} must be a string")
        return value

    return read


def _many(cues: dict[str, Any]) -> Callable[[str], list[str]]:
    def read(key: str) -> list[str]:
        value = cues.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError(f"lexicon: rule_words.{key} must be a list of strings")
        return value

    return read


def _negating(knowledge: Knowledge) -> frozenset[str]:
    """The negation words a rule counts before a trigger: ``negation.before_trigger`` as
    written (compared with ``token.norm_``), else the whole section, normalised."""
    section = knowledge.lexicon["negation"]
    if isinstance(section, dict) and "before_trigger" in section:
        return frozenset(str(w) for w in section["before_trigger"])
    return knowledge.words("negation")


def _suffixed_stances(knowledge: Knowledge) -> frozenset[str]:
    """The normalised stance forms written with the pronoun suffix ه and never with ة."""
    forms = [*knowledge.lexicon.get("stance", {}).get("verbs", []), *knowledge.lexicon.get("mediation_stance", [])]
    suffixed = {normalize(w) for w in forms if w.endswith(HA)}
    return frozenset(suffixed - {normalize(w) for w in forms if w.endswith(TA_MARBUTA)})
