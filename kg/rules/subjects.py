"""Subjects and speakers: who a trigger's statement belongs to, and what a mention stands for."""

from __future__ import annotations

from ..dates import WEEKDAYS
from ..knowledge import PERSON
from ..model import Actor
from ..normalize import normalize
from .carried import carried_from_before
from .clauses import Sentence
from .counterparts import resolve_counterpart
from .discourse import bare_speech, plural_noun_subject, statement_quote_issuer
from .fronted_clauses import main_clause
from .group_members import listed_members
from .groups import dual_verb, group_actors, plural_verb_parties
from .lang_ar import (
    AND,
    CLOSING_BRACKETS,
    COLON,
    COMMAS,
    OBLIQUE_ENDING,
    OPENING_BRACKETS,
    PLURAL_VERB_ENDING,
    QUOTES,
)
from .offices import is_spokesperson
from .qualifiers import after_speech, coordinated_predicate, speech_clause
from .records import Mention
from .speakers import call_party_of, holds_seat, quote_speaker, quoted_by, relayed_speaker, speaks_for, trailing_speaker
from .title_phrases import connector, only_titles_between, past_title_body, time_or_phone_word


def mention_actors(s: Sentence, mention: Mention, subject: list[Actor] | None = None) -> list[Actor]:
    """The actors a mention stands for, resolving groups and counterparts."""
    if mention.kind == "group":
        return group_actors(s, mention)
    if mention.kind == "counterpart":
        return resolve_counterpart(s.rules, mention, subject or s.context.last_subject, s.context)
    return mention.actors


def subject_for(s: Sentence, i: int, verb_like: bool = True) -> list[Actor]:
    """The agent of the trigger at token ``i``: clause subject, else the understood one."""
    quoted = trailing_speaker(s, i) or _first_person_speaker(s, i) or relayed_speaker(s, i)
    if quoted:
        return quoted
    # A stance noun after its verb ("مؤكدا استعداد موسكو للعب دور الوسيط") is the verb's:
    # the actor after the noun is its genitive, not the subject.
    if not s.verb(i):
        for k in range(i - 1, max(s.sentence.start, i - s.settings.stance_verb_window) - 1, -1):
            if s.in_mention(k) or s.has(k, "THAT"):
                break  # "ورأى أنه لهذا السبب يجب …": يجب is not رأى's
            if s.verb(k):
                i = k  # "وجدد التأكيد على دعم أمريكا لحل دبلوماسي": the verb's subject
                break
    start, end = main_clause(s, i)  # "وبينما رحب X بالاتفاق، دعا Y إلى …": Y's, after the fronted clause
    quoted = _first_person_speaker(s, i)
    if quoted:
        return quoted
    # A sentence inside a quote an earlier one opened is still its speaker's.
    speaker = _speaker(s, start) or quote_speaker(s, i)
    before = [m for m in s.mentions if start <= m.start < i and not s.oblique(m)]
    verb = next((k for k in range(i, start - 1, -1) if s.verb(k)), None)
    if before and verb is not None and _fronted_frame(s, start, verb):
        # "وفي كلمته أمام الجمعية العامة، حذر شريف …": the frame's actors are not the subject.
        before = [m for m in before if m.start > verb]
    if before:
        # A person before the trigger is the subject rather than a state in a genitive
        # (رفض دعوة لزيارة موسكو … ; موقف روسيا … بوتين).
        people = [m for m in before if any(a.kind == PERSON for a in m.actors)]
        subject = resolve_chain(s, chain_from(s, (people or before)[0], end, strict=True))
        pair = _pair_after_call(s, (i, verb), end, subject)
        if pair:
            return pair
        return _own_body_teller(s, start, speaker, subject) or subject
    if verb_like and i + 1 < end and s.doc[i + 1].norm_ in s.words.latter_words and not s.in_mention(i + 1):
        return _latter(s, i)  # "وتلقى الأخير اتصالا": the one named last
    if verb_like and i + 1 < end and s.doc[i + 1].norm_ in s.words.statement_subjects:
        return []  # "وشكر بيان للخارجية الفلسطينية مصر …": a statement's issuers speak, not its object
    if verb_like:
        window_end = _vso_window_end(s, i, end)
        after = [m for m in s.mentions if i < m.start < window_end and not m.prepositional and not _oblique_group(s, m)]
        after = past_title_body(s, i, after)
        members = _members(s, i, end, after)
        if members:
            return members
        if after and only_titles_between(s, i + 1, after[0].start):
            # "وقال X: «تدعو تركيا إلى …»", "قبل أن توافق باكستان على …" in X's statement.
            subject = resolve_chain(s, chain_from(s, after[0], end, strict=True))
            return _own_body_teller(s, start, speaker, subject) or subject
        if _unnamed_subject(s, i, start):
            return []  # "وطالبت دول عدة بالتهدئة": a subject, but no actor
    antecedent = _relative_antecedent(s, start)
    if antecedent:
        return antecedent
    # "بحث X مع Y هاتفيا … وأكدا …", "وتعهدا بالعمل على …": a dual verb with no subject (the
    # trigger, or the verb of its clause before it) is the call's two parties.
    dual = any(dual_verb(s, k) for k in range(start, i + 1))
    if dual and s.context.last_call is not None:
        return list(s.context.last_call)
    return plural_verb_parties(s, start, i) or _unstated_subject(s, i, start, speaker)


def _members(s: Sentence, i: int, end: int, after: list[Mention]) -> list[Actor]:
    """The members a group subject names: in brackets after it, or after بينها/منها ("ودعت دول
    عربية، من بينها مصر والعراق، إلى …")."""
    listed = listed_members(s, i, end)
    return _bracketed_members(s, i, after) or (resolve_chain(s, chain_from(s, *listed)) if listed else [])


def _bracketed_members(s: Sentence, i: int, after: list[Mention]) -> list[Actor]:
    """ "ودعت الدول الثلاث (مصر وقطر والولايات المتحدة) إلى …": the actors listed in brackets after a
    group the subject names by a few words of its own (a plural noun, a number)."""
    if not after or after[0].start - 1 <= i + 1 or s.doc[after[0].start - 1].text not in OPENING_BRACKETS:
        return []
    words = range(i + 1, after[0].start - 1)
    if len(words) > s.settings.bracketed_group_words or any(s.verb(k) or s.has(k, "PREP") for k in words):
        return []
    close = next((k for k in range(after[0].end, s.sentence.end) if s.doc[k].text in CLOSING_BRACKETS), None)
    return resolve_chain(s, chain_from(s, after[0], close)) if close is not None else []


def _pair_after_call(s: Sentence, verbs: tuple[int | None, ...], end: int, subject: list[Actor]) -> list[Actor]:
    """ "أجرى X اتصالا مع Y، دعا خلاله الزعيمان إلى …", "…، وطالبا بوقف …": a group right after
    the trigger or its verb is its subject, not the call's subject before it; so is the pair of
    the call that subject was on, for a dual verb."""
    call = s.context.last_call
    for verb in (k for k in dict.fromkeys(verbs) if k is not None):
        window_end = _vso_window_end(s, verb, end)
        after = [m for m in s.mentions if verb < m.start < window_end and not m.prepositional]
        group = after[0] if after and after[0].kind == "group" and not _oblique_group(s, after[0]) else None
        if group is not None and only_titles_between(s, verb + 1, group.start):
            return mention_actors(s, group)
        dual = dual_verb(s, verb) and len(subject) == 1 and call is not None
        if dual and call is not None and subject[0].key in {a.key for a in call}:
            return list(call)
    return []


def _latter(s: Sentence, i: int) -> list[Actor]:
    """ "وتلقى الأخير اتصالا …": the actor named last before ``i``, in its sentence or the article."""
    named = [a for m in s.mentions if m.end <= i for a in mention_actors(s, m)] or s.context.recent
    return named[-1:]


def _unstated_subject(s: Sentence, i: int, start: int, speaker: list[Actor]) -> list[Actor]:
    """The agent of a clause with no subject of its own: the speaker's (named, or carried from
    the last sentence: "ورأى أنه يجب …"), or the sentence's, else the article's."""
    if plural_noun_subject(s, start, i):
        return []  # "ودعا ناشطون حقوقيون إلى …": a subject that names nobody
    speaker = speaker or _understood_speaker(s, start)
    if speaker:
        return speaker
    sentence_subject = [m for m in s.mentions if m.start < start and not s.oblique(m)]
    colon = next((k for k in range(s.sentence.start, start) if s.doc[k].text == COLON), None)
    # "وقال ماكرون: «…». وأكد: «…»": a bare verb goes on with the one who spoke last.
    bare = bare_speech(s, s.sentence.start, min(i, colon or i))
    last_speaker = list(s.context.last_speaker) if bare else []
    if sentence_subject and colon is not None and colon < sentence_subject[0].start:
        # "وأضاف: «سنحتاج مصر والأردن …، والعمل على …»": actors inside the quote are its objects.
        return _speaker(s, colon + 1) or _understood_speaker(s, colon + 1) or last_speaker
    # "وأكد الوزير الأردني أيمن الصفدي أن …، وشدد …": a bare title stands before the name it heads.
    titled = sentence_subject[1:2] if len(sentence_subject) > 1 and sentence_subject[0].kind == "role" else []
    if (
        titled
        and only_titles_between(s, sentence_subject[0].end, titled[0].start)
        and not mention_actors(s, sentence_subject[0])
    ):
        sentence_subject = sentence_subject[1:]
    if sentence_subject and not after_speech(s, sentence_subject[0]):
        return resolve_chain(s, chain_from(s, sentence_subject[0], start, strict=True))
    going_on = sentence_subject and coordinated_predicate(s, start) and _reporting_subject(s, sentence_subject[0])
    subject = resolve_chain(s, chain_from(s, sentence_subject[0], start, strict=True)) if going_on else []
    if subject and not any(is_spokesperson(s.rules, a, s.context.day) for a in subject):
        return subject
    return carried_from_before(s, i) or list(s.context.last_subject) or last_speaker


def _own_body_teller(s: Sentence, start: int, speaker: list[Actor], subject: list[Actor]) -> list[Actor]:
    """The person who states the position of his own state or organisation, the clause's lone
    subject: "أضاف بوتين أن روسيا منفتحة على الحوار", "وقال بوريل: «يدعو الاتحاد الأوروبي إلى …»",
    "شدد أردوغان على أن تركيا مستعدة …" (a stance on the أن-clause); so is "وأضاف أن روسيا …"
    right after a sentence about him (ANNOTATION.md, settled cases)."""
    if len(subject) != 1 or subject[0].kind == PERSON:
        return []
    body = subject[0].key
    for teller in (speaker or _understood_speaker(s, start), _governing_subject(s, start)):
        if any(is_spokesperson(s.rules, a, s.context.day) for a in teller):
            continue  # "أكد المتحدث باسم الكرملين أن روسيا …": the spokesman reports
        if teller and (teller[0].state == body or holds_seat(s, teller[0], body)):
            return teller
    return call_party_of(s, start, body)


def _reporting_subject(s: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is a reporting verb's subject, going on after it ("وأشار X إلى …، وأكد …")."""
    verb = next((k for k in range(mention.start - 1, s.sentence.start - 1, -1) if s.has(k, "SPEECH")), None)
    return verb is not None and only_titles_between(s, verb + 1, mention.start)


def _governing_subject(s: Sentence, clause_start: int) -> list[Actor]:
    """The subject of the verb or stance that governs the أن-clause at ``clause_start``."""
    if clause_start <= s.sentence.start or not s.has(clause_start - 1, "THAT"):
        return []
    prior_start, _ = s.clause_of(clause_start - 1)
    for k in range(clause_start - 2, prior_start - 1, -1):
        if s.verb(k) or s.has(k, "STANCE"):
            return subject_for(s, k)
    return []


def _first_person_speaker(s: Sentence, i: int) -> list[Actor]:
    """ "وقال X: «نشكر فرنسا …»": a verb in the first person plural (ن for the ي of its
    third-person form), in a quote opened by a colon after a reporting verb, has the quote's
    speaker as subject; the actors after or before it in the quote are not. In a quote with
    no colon before it in its sentence, the speaker is the last sentence's."""
    if not s.first_person_verb(i):
        return []
    colon = next((k for k in range(i - 1, s.sentence.start - 1, -1) if s.doc[k].text == COLON), None)
    if colon is None and (reporting := quoted_by(s, i)) is not None:
        return subject_for(s, reporting)  # "وقال X للصحافيين "أريد أن أشكر …"": no colon
    if colon is None:
        # A quote that names no speaker (a sentence or paragraph of its own, «ندعو …») goes on
        # with the speaker of the sentence before it.
        opened = any(t.text in QUOTES for t in s.sentence)
        return list(s.context.last_speaker) if opened else []
    named = _speaker(s, colon + 1) or _understood_speaker(s, colon + 1)
    # "وتابع: «ندعو …»": a bare verb before the colon, the one speaking goes on ("وقال مسؤول:
    # «ندعو …»" is someone else).
    bare = bare_speech(s, s.sentence.start, colon)
    return named or (list(s.context.last_speaker) if bare else statement_quote_issuer(s, colon))


def _relative_antecedent(s: Sentence, clause_start: int) -> list[Actor]:
    """ "كانت روسيا من بين الأوائل الذين حثوا …", "بوتين الذي دعا …": a relative clause with no
    subject of its own is said of the actor just before its pronoun."""
    pronoun = clause_start - 1
    if pronoun <= s.sentence.start or s.doc[pronoun].norm_ not in s.words.relative_pronouns:
        return []
    gap_from = pronoun - s.settings.relative_antecedent_gap
    candidates = list(reversed(s.mentions))
    if pronoun - 1 > s.sentence.start and normalize(s.doc[pronoun - 1].text) in s.words.independent_pronouns:
        # "زيلينسكي سريع الحركة، وهو الذي بدأ …": the one the pronoun stands for, further back
        gap_from, candidates = s.sentence.start, [m for m in candidates if not m.prepositional]
    last = next((m for m in candidates if gap_from <= m.end <= pronoun), None)
    if last is None or last.kind == "group":
        return []
    return mention_actors(s, last)


def _oblique_group(s: Sentence, mention: Mention) -> bool:
    """ "دعا الطرفين إلى …", "نحث الجانبين على …": a dual or plural group in its oblique form
    (-ين) is the verb's object, never its subject (الطرفان، الجانبان)."""
    return mention.kind == "group" and str(s.doc[mention.start].norm_).endswith(OBLIQUE_ENDING)


def _vso_window_end(s: Sentence, i: int, end: int) -> int:
    """Where the subject after the verb at ``i`` must start by: the window counts words, not the
    commas and times around them ("تلقى، اليوم السبت، وزير الدولة، وزير …")."""
    counted, k = 0, i + 1
    while k < end and counted < s.settings.vso_subject_window:
        token = s.doc[k]
        if not (token.is_punct or token.is_space or time_or_phone_word(s, k)):
            counted += 1
        k += 1
    return k


def _fronted_frame(s: Sentence, clause_start: int, i: int) -> bool:
    """Whether the verb at ``i`` follows a fronted frame (في، خلال، بعد، أمام …) of its clause or
    sentence, with no verb of the lexicon in the frame, and has an actor right after it."""
    window_end = _vso_window_end(s, i, s.clause_of(i)[1])
    after = [m for m in s.mentions if i < m.start < window_end and not m.prepositional and not _oblique_group(s, m)]
    if not after or not only_titles_between(s, i + 1, after[0].start):
        return False
    for head in dict.fromkeys((clause_start, s.sentence.start)):
        first = next((t for t in s.doc[head:i] if not (t.is_punct or t.is_space)), None)
        if first is None or first.norm_ not in s.words.fronted_frame_openers:
            continue
        if not any(s.verb(k) and not _relative_call_verb(s, k) for k in range(first.i, i)):
            return True
    return False


def _relative_call_verb(s: Sentence, k: int) -> bool:
    """ "وفي اتصال أجراه معه X، أكد Y": a call verb right after its call noun opens a relative
    clause inside the frame, not a clause of its own."""
    if not (s.has(k, "CALL_VERB_SUBJ") or s.has(k, "CALL_VERB_OBJ")):
        return False
    return any(
        s.has(j, "CALL_NOUN") or s.has(j, "CALL_ADV") for j in range(max(s.start, k - s.settings.one_call_gap), k)
    )


def _unnamed_subject(s: Sentence, i: int, clause_start: int) -> bool:
    """Whether the trigger at ``i`` has an explicit subject that names no actor."""
    window = [k for k in range(clause_start, min(i + s.settings.unnamed_subject_after, s.sentence.end)) if k != i]
    for k in window:
        token = s.doc[k]
        if token.is_punct or token.is_space or s.in_mention(k):
            continue  # "المستشار الألماني X" is a title of someone named, not an unnamed subject
        if k > i and s.unknown_title(k):
            # "وتلقى رئيس مجلس الحكم المحلي اتصالا": a title heading a complement nobody knows is a
            # subject; a bare definite one may be the object of a verb whose subject is carried
            # ("ودعا الأمير إلى …").
            return True
        if token.norm_ in s.words.non_actor_subjects:
            # "قال X إنه يشجع الأطراف على …": the subject is the complementiser's pronoun.
            pronoun_subject = clause_start > s.sentence.start and (
                s.doc[clause_start - 1].norm_ in s.words.subject_complementisers
            )
            if k > i and pronoun_subject:
                return False
            # "وحث كافة الأطراف على …": a quantified group is the appeal's addressee; so is any
            # group after a plural or dual verb, whose subject is in the verb ("الذين حثوا الأطراف على …").
            dual = any(dual_verb(s, j) for j in range(clause_start, k))
            if (k > i and s.doc[i].norm_.endswith(PLURAL_VERB_ENDING)) or dual:
                return False
            return k == clause_start or s.doc[k - 1].norm_ not in s.words.addressee_quantifiers
    return False


def _speaker(s: Sentence, clause_start: int) -> list[Actor]:
    """Who says the clause starting at ``clause_start`` (قال X إن …), unless a spokesperson."""
    prior_start = speech_clause(s, clause_start)
    if prior_start is None:
        return []
    prior = [m for m in s.mentions if prior_start <= m.start < clause_start]
    # "ونقل حساب الخارجية عن بلينكن قوله: …": the one quoted (after عن) is the speaker.
    quoted = [m for m in prior if m.preposition == s.words.word_about]
    candidates = quoted or [m for m in prior if not m.prepositional]
    if len(candidates) > 1 and candidates[0].kind in {"body", "role"} and candidates[1].start == candidates[0].end:
        own = {a.state for a in candidates[1].actors} >= {a.key for a in candidates[0].actors}
        candidates = candidates[1:] if own else candidates  # "نائب وزير الخارجية الروسي X", "الوزير X"
    if not candidates:
        return []
    speaker = resolve_chain(s, chain_from(s, candidates[0], clause_start, strict=True))
    if any(is_spokesperson(s.rules, a, s.context.day) for a in speaker):
        return speaks_for(s, speaker)  # "قال المتحدث باسم الكرملين: «نأمل …»": Russia's words
    return speaker


def _understood_speaker(s: Sentence, clause_start: int) -> list[Actor]:
    """The person carried from the last sentence (its subject, else a bare verb's speaker) as "وأضاف أن …"'s speaker."""
    prior_start = speech_clause(s, clause_start)
    if prior_start is None:
        return []
    if any(prior_start <= m.start < clause_start and not m.prepositional for m in s.mentions):
        return []  # the speaker is named: _speaker's business
    # "وقال X: «…»، مضيفا أنه …": the participle goes on with the speaker named earlier in the sentence.
    for m in (m for m in s.mentions if m.start < prior_start and not m.prepositional):
        if any(s.has(k, "SPEECH") for k in range(s.clause_of(m.start)[0], m.start)):
            return [a for a in mention_actors(s, m) if a.kind == PERSON]
    bare = bare_speech(s, prior_start, clause_start - 1)  # "وأضاف أن", not "وقال مسؤول:"
    return [a for a in s.context.last_subject or (s.context.last_speaker if bare else []) if a.kind == PERSON]


def chain_from(s: Sentence, first: Mention, limit: int, strict: bool = False) -> list[Mention]:
    """A mention and the ones coordinated with it (X وY، وZ); not one after a comma-enclosed time
    ("هاتف X وY، مساء الأحد، Z": Z is the object). ``strict`` (for subjects) wants a و somewhere in
    the list: "شكر الرئيس الإيراني، روسيا" is a subject and an object, not two subjects."""
    chain = [first]
    any_and = aside = False
    k = first.end
    for mention in s.mentions:
        if mention.start < k:
            continue
        if mention.start >= limit:
            break
        gap = [s.doc[j] for j in range(k, mention.start)]
        # "ودعت مصر، إلى جانب قطر والولايات المتحدة، إلى …": acting alongside is acting too
        alongside = " ".join(t.norm_ for t in gap if not t.is_punct) in s.words.alongside_words
        # "…، ووزير الدولة وزير الشؤون الخارجية X": a nameless office stacked before the next one's title.
        if not alongside and not all(connector(s, t) or (s.has(t.i, "ROLE") and not s.in_mention(t.i)) for t in gap):
            break
        joined = alongside or AND in mention.clitic or any(t.norm_ == AND or t._.clitic.startswith(AND) for t in gap)
        timed = any(t.norm_ in WEEKDAYS or t.norm_ in s.words.connector_times for t in gap)
        if aside and not joined:
            break  # the comma closing "، إلى جانب Y،" ends the list
        aside = aside or alongside
        if joined or (any(t.text in COMMAS for t in gap) and not timed):
            if mention.prepositional and AND not in mention.clitic and not alongside:
                break
            chain.append(mention)
            any_and = any_and or joined
            k = mention.end
        else:
            break
    return chain if any_and or not strict else [first]


def resolve_chain(s: Sentence, chain: list[Mention], subject: list[Actor] | None = None) -> list[Actor]:
    """The actors of a chain of mentions, once each."""
    actors: list[Actor] = []
    for mention in chain:
        # "وزير الخارجية الإماراتي ونظيرته الهولندية": a counterpart in a chain is its first's.
        for someone in mention_actors(s, mention, subject or actors[:1] or None):
            if someone.key not in {a.key for a in actors}:
                actors.append(someone)
    return actors
