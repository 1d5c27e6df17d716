"""How far, in tokens, the rules look: one frozen record of every window they use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleSettings:
    """The token windows and counts of the rules (defaults are the tuned values)."""

    # -- mentions --------------------------------------------------------------------
    group_members: int = 4
    """How many nisba adjectives after a group word name its members (الجانبين الروسي والإيراني)."""
    dual_pronoun_gap: int = 2
    """How far before a stance a noun with the dual pronoun may own it (تأكيدهما على ضرورة …)."""
    title_list_members: int = 6
    """The most states after a dual or plural title (وزراء خارجية النرويج وسويسرا والبرازيل)."""
    unknown_name_words: int = 3
    """The most name-like words after a title read as an unknown person's name."""
    unknown_name_min_words: int = 2
    """The fewest name-like words that make an unknown person's name."""
    misspelling_letters: int = 4
    """The shortest word of a name after a title that may be misspelled by a letter and still
    name the office's holder (ماكرو for ماكرون); shorter words must be spelled as known."""
    title_typo_letters: int = 7
    """The shortest word of a title, article included, read as the title's word when a letter
    off it after the title's word before (وزير الخاجية for وزير الخارجية)."""
    org_complement_words: int = 2
    """The most words of a portfolio after a title's organisation before its holder's name
    (المفوض السامي للأمم المتحدة لحقوق الإنسان X)."""
    bracketed_group_words: int = 3
    """The most words of a group subject before the bracketed list of its members (الدول الثلاث
    (مصر وقطر والولايات المتحدة))."""
    body_description_words: int = 3
    """The most words of a state body's own name between its head and its state's nisba or في
    (الحكومة الشرعية في اليمن، حكومة الوحدة الوطنية الليبية)."""
    title_field_words: int = 6
    """The most words of a title's field before its holder's name: a لـ word, its definite
    genitive and the place it covers (المنسق الخاص لعملية السلام في الشرق الأوسط X)."""
    dateline_words: int = 8
    """The most tokens of a dateline before its dash ("الرباط (وكالات)-"), read by the sentence splitter;
    :mod:`kg.rules.openers` counts the words of place and date only (not the agency in brackets)."""
    dateline_agency_words: int = 4
    """The most words of an agency between brackets or slashes that ends a dateline with no dash
    after it ("القاهرة (أ ف ب) أجرى", "القاهرة في 3 يونيو /أ ش أ/ أجرى")."""
    short_line_words: int = 12
    """Lines of at most this many words are links when they follow a related-articles header."""
    wrap_width_max: int = 100
    """Text is hard-wrapped only when nine lines in ten are at most this many characters."""
    wrap_full_share: float = 0.75
    """A wrapped line that goes on is at least this share of the wrap width long."""

    # -- qualifiers ------------------------------------------------------------------
    negation_window: int = 4
    """How far before a trigger a negation (لم، لا، نفى) negates it."""
    litotes_preposition_window: int = 4
    """The most words between a negated verb of stopping and the عن/في that makes it affirm
    (لم تتردد فرنسا في الدعوة إلى …: its subject may stand between)."""
    qualifier_window: int = 8
    """How far before a trigger a hypothetical marker or قد makes it hypothetical."""
    future_window: int = 2
    """How far before a trigger a future verb (سيجري) makes it planned."""
    hypothetical_before_that: int = 5
    """How far before a complementizer a marker governs its clause (من المقرر أن …)."""
    framing_window: int = 5
    """How far before a warning a framing word (في ظل …) makes it the writer's setting."""
    rejection_window: int = 8
    """How far before an appeal noun a rejection verb rejects it (رفض الرئيس X الدعوات لوقف …)."""

    # -- subjects --------------------------------------------------------------------
    stance_verb_window: int = 4
    """How far before a stance noun its governing verb may stand (مؤكدا استعداد …)."""
    vso_subject_window: int = 12
    """How many words (not commas, times or weekdays) after a verb-like trigger its subject may
    start (VSO order)."""
    unnamed_subject_after: int = 3
    """How far after a trigger (exclusive) an unnamed subject (دول عدة) is looked for."""
    plural_subject_letters: int = 5
    """The fewest letters of a word in ون right after a verb read as a plural subject (ناشطون), so
    that short words of other patterns (دون، كون) are not."""
    title_phrase_words: int = 7
    """The most definite words of a title nobody knows between a verb and its subject's name
    (تلقى رئيس المجلس الرئاسي X، وزير الشؤون الخارجية والجالية الوطنية بالخارج، X)."""
    relative_antecedent_gap: int = 3
    """How many words may stand between an actor and the relative pronoun of a clause said of it
    (روسيا من بين الأوائل الذين حثوا …)."""
    opening_verb_words: int = 2
    """How many words may open a sentence up to its verb when the verb goes on with the one the
    sentence before named (كما أكدت، ودعا: ``rules/carried.py``), and up to the reporter of that
    sentence (وذكرت الرئاسة أن …)."""
    subject_head_words: int = 3
    """The most words before a sentence's first actor for it to be the sentence subject."""

    # -- calls -----------------------------------------------------------------------
    video_window: int = 4
    """How far after a call word a video word makes it a video call."""
    weak_call_window: int = 10
    """How far after a weak call verb (تحدث، بحث) its مع must stand."""
    one_call_gap: int = 3
    stacked_office_words: int = 3
    """The most words of a nameless office stacked before a mention's own title, between it and
    its preposition (من رئيس مجلس الوزراء وزير الخارجية X)."""
    """Call words at most this far apart report one call (اتصالا هاتفيا)."""
    call_verb_window: int = 16
    """How far before a call word its governing verb is looked for."""
    call_verb_far_window: int = 32
    """How far a call verb may stand when a list of titled subjects pushes it back."""
    call_verb_after: int = 5
    """How far after a call noun its verb may follow (الاتصال الذي أجراه …)."""
    relative_subject_window: int = 3
    """How far after the pronoun of a relative call verb (مكالمة أجرتها معه X) its own subject may stand."""
    between_window: int = 5
    """How far after a call word a بين names both parties."""
    counterpart_window: int = 10
    """How far after the call word (not counting the subject) مع / من may name the one called."""
    counterpart_near_window: int = 4
    """How far a بـ object or a direct object may stand from the call word."""
    reply_sentences: int = 4
    """How many sentences after a call reported with one party a reply "on his part" (من جانبه،
    رد X) may name the other."""
    anaphor_call_sentences: int = 3
    """How many sentences after the call reported last an honorific pronoun or a bare office noun
    (وشدد جلالته، الوزير) looks for its antecedent among that call's parties first."""
    reply_subject_gap: int = 2
    """How many words after such an opener (a verb, a quote mark) its speaker may stand."""
    title_reach_window: int = 12
    """How far back from a person's name a title phrase may reach to the مع / من / بـ that governs
    it ("من رئيس إقليم كردستان العراق X")."""
    fronted_call_window: int = 2
    """A call word this close to the sentence start may be a fronted frame (وخلال الاتصال …)."""
    initiative_noun_call_gap: int = 2
    """How far after the owner of an initiative noun its call noun may stand (مبادرة X بالاتصال)."""
    initiative_gap: int = 2
    """How far after an initiative phrase (بمبادرة من) the initiator stands."""
    intent_window: int = 5
    """How far before a call word a verb of intent may stand with the one asked between (طلب X من Y الاتصال)."""
    group_members_window: int = 6
    """How far after a group of callers (من قادة عدة دول) the word naming its members (بينهم) may stand."""

    # -- appeals and mediation ------------------------------------------------------
    goal_modifier_tokens: int = 3
    """The most modifier words (فوري، أي، المزيد من، quotes) between a goal's head and its object."""
    goal_verb_subject_tokens: int = 4
    """The most words (subject, عن) between a goal's finite verb and its object (أن توقف إسرائيل عملياتها)."""
    goal_anaphora_window: int = 12
    """How far before a head with an object pronoun (وقفها) its object may stand (الحرب … ودعا إلى وقفها)."""
    guard_window: int = 3
    """How far before a goal a guard word (رغم، خرق) blocks it."""
    stance_window: int = 12
    """How far before a goal its stance word is looked for."""
    aside_words: int = 24
    """The most words of a comma-closed circumstance aside between a stance and its goal (دعا
    الرئيس، في كلمة ألقاها أمام …، المجتمع الدولي إلى …): its words add no distance."""
    governed_object_words: int = 2
    """The most words between a predicate (with its subject and an aside) and the word it governs
    as its object (استبعد X اندلاع حرب، قلل X من خطر اندلاع حرب), for a praise or a dismissal to reach it."""
    list_stance_window: int = 10
    """How far before the colon opening a list of points (وطالب البيان الصادر عن … بما يلي:) its
    stance may stand."""
    stance_before_that: int = 5
    """How many words before the complementizer or colon opening a clause its stance may stand
    (دعا إلى أن، وأكد: «…»)."""
    stance_clause_hops: int = 2
    """Through how many opened clauses a stance governs a goal: one (دعا إلى أن …), or a quote
    after a colon and an أن-clause inside it (وأكد: «نؤمن بأن … إنهاء هذه الحرب»)."""
    hope_that_gap: int = 2
    """How many words before the complementiser of a hoped-for act the hope word may stand
    (تأمل أن، أعرب عن أمله في أن)."""
    coordinated_gap: int = 3
    """The most words between two goals joined by و (ضبط النفس وتقديم …)."""
    coordinated_scope: int = 14
    """The most words between two goals of one list of و-joined demands, each item its own
    phrase (ضرورة وقف إطلاق النار، وحماية المدنيين، ومضاعفة إيصال المساعدات)."""
    coordinated_head_gap: int = 2
    """How far before a goal the و of its list item may stand (ومضاعفة إيصال المساعدات)."""
    owner_before: int = 2
    """How far before a stance an efforts word (جهود) makes the stance owned."""
    owner_window: int = 6
    """How far after an efforts word its owner may stand."""
    owned_goal_gap: int = 2
    """How far after an efforts noun a goal may stand and still qualify it, its owner named
    after the goal (الجهود والمبادرات الدبلوماسية التي تبذلها مصر); also how far before a
    qualifying participle its noun's owner may end (تصريحات ترامب الأخيرة الداعية)."""
    relative_owner_window: int = 5
    """How far after a relative pronoun (التي يبذلها ترامب) its subject may stand."""
    trailing_speaker_gap: int = 2
    """How many words between a quote's closing mark and the reporting verb after it may stand
    («لا بد من خفض التصعيد»، هكذا قال X؛ «…»، هذا ما أكده X)."""
    trailing_speaker_window: int = 2
    """How many words after that reporting verb its speaker may stand («…»، قال للصحفيين X)."""
    own_talks_window: int = 2
    """How far after "continuing talks" a مع makes them one's own talks."""
    similar_window: int = 2
    """How far after a stance word a "similar" word refers to the last appeal."""
    goal_relative_gap: int = 1
    """How many words after a goal the relative pronoun of a clause on it may stand (وقف إطلاق
    النار الذي يسهم في …; a modifier such as الدائم between)."""
    travel_purpose_window: int = 8
    """How many words before a discussion verb of purpose (لبحث، لمناقشة) or a mediation word of
    purpose (للتوسط) the journey may stand (توجه X إلى إسرائيل يوم الأربعاء لبحث شروط وقف إطلاق
    النار، وصل المبعوث الأمريكي X إلى الدوحة للتوسط في …)."""
    welcome_stance_gap: int = 2
    """How many words before an appeal noun owned by a pronoun (رحب بدعوته) the welcome may stand."""
    statement_issuer_window: int = 4
    """How many words after a statement noun its issuer may be named as its genitive (البيان
    الختامي لاجتماع مجلس جامعة الدول العربية)."""
    predicate_subject_gap: int = 3
    """How many words of a goal's own qualifiers may stand between it and the copula of a
    predicate that makes it a stance (الحوار الشامل يبقى الطريق الوحيد)."""
    object_owner_gap: int = 5
    """How many words before an appeal noun owned by a pronoun (على جهودها، في مساعيه) thanks or
    standing beside someone may stand (شكر X دولة قطر على جهودها، تضامن الأردن مع لبنان في جهوده)."""
    agreement_reach_window: int = 8
    """How many words before an agreement noun the word of reaching or signing it may stand
    (توصل أذربيجان وأرمينيا، عقب محادثات استمرت 10 ساعات، إلى اتفاق)."""
    mediation_role_window: int = 6
    """How many words after a role noun (دور) a goal or a word of ending a conflict may stand
    and make it a role in ending it (استعدادها للقيام بدور بناء وفعال في تسوية الأزمة)."""
    talks_between_window: int = 3
    """The most words from a talks noun to the بين that makes a role in them mediation ("دورا
    محوريا في المفاوضات الجارية بين إسرائيل وحماس")."""
    efforts_between_window: int = 10
    """The most words from an efforts noun to the بين of the goal or agreement it works for, when
    efforts between others are mediation (جهودا مكثفة من أجل التوصل إلى وقف لإطلاق النار بين …)."""
    message_thanks_sentences: int = 3
    """How many sentences back thanks that names nobody looks for a message received and its
    sender (تسلم X رسالة من Y … . وأعرب عن شكره على الدعوة)."""
    message_sender_words: int = 2
    """How many words before the من of its sender a message noun may stand (رسالة خطية من Y)."""
    mediated_goal_window: int = 3
    """How many words after a goal a mediation noun with its mediator may stand, the mediator
    working for that goal (وقف لإطلاق النار في غزة بوساطة مصرية، هدنة بعد وساطة روسية)."""

    # -- warnings --------------------------------------------------------------------
    warning_object_words: int = 6
    """The most words after a warning read as the danger warned of."""
    danger_object_window: int = 6
    """How far after a concern word (قلق، مخاوف) a danger to come (تداعيات، خطر اتساع …)
    must stand for the concern to be a warning."""
