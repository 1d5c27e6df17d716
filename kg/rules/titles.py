"""Titles: "الرئيس الإيراني", "رئيس دولة الإمارات", "وزيرا خارجية الصين والولايات المتحدة",
a title before a known name, before an organisation, or before a name nobody knows."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..knowledge import PERSON
from ..model import Actor
from ..normalize import normalize, normalize_phrase
from . import destinations, offices, seats
from .context import RuleContext
from .lang_ar import AND, ARTICLE, BA, CLITIC_ARTICLES, COMMAS, LAM, PREPOSITION_CLITICS, QUOTES
from .offices import actor, adjective_state, nisba_state, resolve_office, unknown_person
from .records import Context, Mention, norm, same_person
from .unknown_names import field_end, unknown_name


def title_mention(
    rules: RuleContext, doc: Doc, i: int, end: int, spans: dict[int, Span], role_span: Span, context: Context
) -> Mention | None:
    """The office holder a title at ``i`` names (with its state, a name, or the last holder named)."""
    role = rules.knowledge.role_phrases.get(norm(role_span))
    if role is None:
        return None
    # "نائب وزير الخارجية غيورغي بوريسينكو" holds another office than the minister's: only his name tells
    deputy = i > 0 and doc[i - 1].norm_ in rules.words.deputy_words
    state, j = _title_state(rules, doc, role_span.end, end, spans)
    after = spans[j].end if state is not None else j
    state = state or seats.implied_seat(rules, doc, norm(role_span), j, end)  # "رئيس الكنيست"
    office = seats.seat_office(rules, norm(role_span), role, state) if state is not None else role
    if office is None:
        return None  # "رئيس المجلس الوطني السوري": a title of other seats
    role = office
    while after < end and doc[after].norm_ in rules.words.acting_words | rules.words.title_modifiers:
        after += 1  # "وزير الخارجية الإيراني بالإنابة", "المبعوث الأممي الخاص"
    elect = after
    while elect < end and doc[elect].norm_ in rules.words.elect_words:
        elect += 1
    if state is not None and elect > after:
        if elect not in spans:
            return Mention(i, elect, [], "role")  # "الرئيس الجزائري الجديد": not the holder on the day
        after = elect  # "الرئيس الأمريكي المنتخب دونالد ترامب": the name tells
    name_start = offices.past_field(rules, doc, _name_start(rules, doc, after, end, spans, state), end, spans)
    name_span = spans.get(name_start)  # a known name after it is the same person (الرئيس الروسي فلاديمير بوتين)
    if PREPOSITION_CLITICS & set(str(doc[name_start]._.clitic)):
        name_span = None  # "العاهل الأردني للسيسي: …": a name after لـ/بـ is the one spoken to, not the holder
    named = _titled_name(rules, name_span, None if deputy else role, state, context)
    if named is not None and state is not None and _seated_elsewhere(rules, named.key, state):
        name_span = named = None  # "وشكر الرئيس التركي بوتين": two persons, the thanker and the thanked
    if name_span is not None and named is not None:
        return Mention(i - 1 if deputy else i, name_span.end, [named], "name" if deputy else "role")
    if deputy:  # "نائب رئيس البرلمان اللبناني": the deputy nobody names, not the state's body either
        return Mention(i - 1, after, [], "role") if state is not None else None
    org = None if state else _title_org(rules, doc, j, end, spans) or seats.org_in_title(rules, doc, role_span, end)
    org = org or (None if state else seats.org_past_field(rules, doc, j, end, spans))
    if org is not None:
        return _org_title(rules, doc, (i, org[1], end), spans, (role, org[0]), context)
    if state is None:
        # A bare title ("أكد الرئيس ضرورة …") is the last person named with that office; one
        # in the construct state ("رئيس المجلس السياسي …") heads a complement nobody knows.
        if name_span is None and _definite(doc[role_span.end - 1]):
            unplaced = unplaced_person(rules, doc, (i, name_start, end), spans, role)
            if unplaced is not None:
                return unplaced
            holder = offices.bare_title_holder(rules, role, context)
            if holder is not None:
                return Mention(i, j, [holder], "role")
        return None
    return _state_title(rules, doc, (i, after, name_start, end), spans, role, state, context)


def _title_state(rules: RuleContext, doc: Doc, j: int, end: int, spans: dict[int, Span]) -> tuple[str | None, int]:
    """The state a title names from token ``j`` on, and where its adjective or name starts."""
    words = rules.words
    state = None
    while j < end and doc[j].norm_ in words.acting_words:
        j += 1  # "وزير الخارجية بالإنابة": an acting minister holds the portfolio
    located = _located_state(rules, doc, j, end, spans)
    if located is not None:
        return located
    # "رئيس مجلس الوزراء": prefer the longest title starting here.
    if j < end and doc[j].norm_ in words.defined_state_nouns and j + 1 < end and j not in spans:
        j += 1  # "رئيس الجمهورية عبد المجيد تبون"
    if j < end and doc[j].norm_ in words.state_nouns and j + 1 < end:
        # "رئيس دولة الإمارات", "رئيس حكومة الاحتلال الإسرائيلي"
        state = adjective_state(rules, doc, j + 1, spans)
        if state:
            j += 1
    if state is None:
        state = adjective_state(rules, doc, j, spans)
    return state, j


def _located_state(rules: RuleContext, doc: Doc, j: int, end: int, spans: dict[int, Span]) -> tuple[str, int] | None:
    """ "وزير الخارجية في الجمهورية الإسلامية الإيرانية", "بالجمهورية العربية السورية": a formal
    state name governed by في or بـ after a title is the title's state (and where it starts)."""
    words = rules.words
    k = j + 1 if j + 1 < end and doc[j].norm_ == words.word_in else j
    if k >= end or (k == j and BA not in doc[k]._.clitic):
        return None
    span = spans.get(k)
    if span is None or doc[k].norm_ not in words.defined_state_nouns:
        return None  # "وزير الخارجية في بغداد": a place he is in, not his state
    state = adjective_state(rules, doc, k, spans)
    return (state, k) if state is not None else None


def _definite(token: Token) -> bool:
    """Whether a word carries the article (after its proclitics): الرئيس، والرئيس، للرئيس."""
    text = normalize(token.text)
    return text.startswith((ARTICLE, *CLITIC_ARTICLES))


def _title_org(rules: RuleContext, doc: Doc, j: int, end: int, spans: dict[int, Span]) -> tuple[str, int] | None:
    """The organisation right after a title (past a head noun like لحلف، لمنظمة), and its end."""
    while j < end and j not in spans and (_organization_head(rules, doc[j].norm_) or doc[j].text in QUOTES):
        j += 1
    span = spans.get(j)
    if span is None or span.label_ != "NAME":
        return None
    keys = rules.knowledge.names.get(norm(span), set())
    key = next(iter(keys)) if len(keys) == 1 else ""
    return (key, span.end) if key.startswith("org/") else None


def _org_roles(rules: RuleContext, role: str) -> tuple[str, ...]:
    """The offices a title names at an organisation: its own, and for a head's title ("رئيس")
    the offices that head an organisation (commission, council, chair)."""
    if role in rules.words.head_roles:  # "رئيس حركة أمل": a party's head filed as its leader, last
        return (role, *rules.knowledge.head_roles("organization"), "leader")
    return (role,)


def _organization_head(rules: RuleContext, word: str) -> bool:
    """ "لحركة", "منظمة": a word that introduces an organisation's name (the ل may stay unsplit)."""
    heads = rules.words.organization_heads
    return word in heads or (word.startswith(LAM) and word[1:] in heads)


def _name_start(
    rules: RuleContext, doc: Doc, name_start: int, end: int, spans: dict[int, Span], state: str | None
) -> int:
    """Where the holder's name may start after a title: past commas and honorifics, and past
    an organisation the title belongs to."""
    # "العاهل النرويجي الملك هارالد الخامس": a name may begin with its honorific
    while (
        name_start < end
        and not (name_start in spans and spans[name_start].label_ == "NAME")
        and (doc[name_start].text in {*COMMAS, *QUOTES, "("} or doc[name_start].norm_ in rules.words.honorifics)
        # "X، وزير خارجية إيران، والسيد Y": a و opens the next member of a list, not the holder's name
        and AND not in doc[name_start]._.clitic
    ):
        name_start += 1
    # "رئيس المكتب السياسي لـ«حماس» إسماعيل هنية": an organisation between title and name
    k = name_start
    while k < end and k not in spans and (_organization_head(rules, doc[k].norm_) or doc[k].text in QUOTES):
        k += 1
    org = spans.get(k)
    if state is None and org is not None and org.label_ == "NAME" and k > name_start - 1:
        keys = rules.knowledge.names.get(norm(org), set())
        if len(keys) == 1 and next(iter(keys)).startswith("org/"):
            j2 = _past_org_complement(rules, doc, org.end, end, spans)
            person = spans.get(j2)
            if person is not None and person.label_ in {"NAME", "WEAK"}:
                name_start = j2
    return offices.past_destination(rules, doc, name_start, end, spans)


def _past_org_complement(rules: RuleContext, doc: Doc, j: int, end: int, spans: dict[int, Span]) -> int:
    """Where a name may stand after a title's organisation: past quotes and commas, and past a
    short لـ phrase naming the portfolio ("المفوض السامي للأمم المتحدة لحقوق الإنسان X")."""
    while j < end and (doc[j].text in QUOTES | COMMAS or doc[j].norm_ in rules.words.title_modifiers):
        j += 1
    if j + 2 < end and doc[j].text == "(" and j + 1 in spans and doc[spans[j + 1].end].text == ")":
        j = spans[j + 1].end + 1  # the organisation's short name: "لوكالة غوث … (أونروا) X"
    if j < end and j not in spans and (doc[j].text.startswith(LAM) or LAM in doc[j]._.clitic):
        for k in range(j + 1, min(end, j + 1 + rules.settings.org_complement_words)):
            person = spans.get(k)
            if person is not None and person.label_ in {"NAME", "WEAK"}:
                return k
    return offices.past_field(rules, doc, offices.past_destination(rules, doc, j, end, spans), end, spans)


def _titled_name(
    rules: RuleContext, name_span: Span | None, role: str | None, state: str | None, context: Context
) -> Actor | None:
    """The one known person a name right after a title stands for."""
    if name_span is None or name_span.label_ not in {"NAME", "WEAK"}:
        return None
    keys = rules.knowledge.names.get(norm(name_span), set())
    if name_span.label_ == "WEAK":
        keys = set(rules.knowledge.weak_names.get(norm(name_span), set()))
        if state is not None:  # after a deputy's title (no role), only a name the article gave before
            held = {k for k in keys if role and offices.holds(rules, k, role, state, context.day)}
            keys = held or (keys & context.named)
    persons = {k for k in keys if k.startswith("person/")}
    if len(persons) == 1:
        return actor(rules, next(iter(persons)), role=role)
    return None


def _org_title(
    rules: RuleContext,
    doc: Doc,
    at: tuple[int, int, int],
    spans: dict[int, Span],
    office: tuple[str, str],
    context: Context,
) -> Mention | None:
    """ "الأمين العام للأمم المتحدة", "أمين عام حلف الناتو": the organisation's office holder, or
    the person named after it who is not its holder ("رئيس المكتب السياسي لحركة حماس X").
    ``at``: the title's start, the organisation's end, the sentence end; ``office``: role and seat."""
    i, org_end, end = at
    role, seat = office
    holder, org_end = destinations.titled_holder(rules, doc, org_end, spans, (_org_roles(rules, role), seat), context)
    after = _past_org_complement(rules, doc, org_end, end, spans)
    known = _titled_name(rules, spans.get(after), None, None, context)  # "رئيس بعثة الأمم المتحدة … X"
    if known is not None:
        return Mention(i, spans[after].end, [known], "role")
    named = unplaced_person(rules, doc, (i, after, end), spans, role)
    if named is not None and (holder is None or not same_person(named.actors[0].label_ar, rules.knowledge[holder.key])):
        return named
    return Mention(i, org_end, [holder], "role") if holder is not None else None


def unplaced_person(
    rules: RuleContext, doc: Doc, at: tuple[int, int, int], spans: dict[int, Span], role: str | None
) -> Mention | None:
    """ "الرئيس غوران ميليتشيفو", "وزير الخارجية الأمير فهد بن سلطان", "نظيره كاماو نجوغونا": a
    title or counterpart with no state, then a name nobody knows (no word of it a known term):
    a person of no known state.
    ``at``: the title's start, where a name may start, the sentence end."""
    i, name_start, end = at
    unknown = unknown_name(rules, doc, name_start, end, spans)
    if unknown is None:
        return None
    label, stop = unknown
    words = rules.words
    for k in range(name_start, stop):
        norm = doc[k].norm_
        # "بن سلطان": a word after a link is part of the name; "سامر عودة": so is a goal's modifier noun
        linked = doc[k - 1].norm_ in words.name_links
        if norm in words.term_words and norm not in words.goal_modifier_words and not linked:
            return None
    return Mention(i, stop, [unknown_person(label, None, role)], "unknown")


def _seated_elsewhere(rules: RuleContext, key: str, state: str) -> bool:
    """Whether the person ``key`` holds state offices in the gazetteer, none of them at ``state``
    (one with only an organisation's office, or none listed, may still be the title's holder)."""
    seats_held = {o.seat for o in rules.knowledge[key].offices if o.state is not None}
    return bool(seats_held) and state not in seats_held


def _state_title(
    rules: RuleContext,
    doc: Doc,
    at: tuple[int, int, int, int],
    spans: dict[int, Span],
    role: str,
    state: str,
    context: Context,
) -> Mention | None:
    """A title with its state: the office holder, or the unknown person named after it.
    ``at``: the title's start, the end of its state, where a name may start, the sentence end."""
    i, after, name_start, end = at
    # "الزعيم الروسي" is the head of state; "زعيم حماس" the group's leader.
    roles = rules.knowledge.leader_roles_of(state) if role == "leader" else (role,)
    holder, after = destinations.titled_holder(rules, doc, after, spans, (roles, state), context)
    unknown = unknown_name(rules, doc, name_start, end, spans)
    if unknown is not None and (
        holder is None
        or normalize_phrase(unknown[0]) not in {normalize_phrase(f) for f in rules.knowledge[holder.key].ar}
    ):
        label, stop = unknown
        # "منصور بن خالد" is not "محمد بن عبد الرحمن": a shared link word makes no same person
        own = " ".join(w for w in label.split() if normalize(w) not in rules.words.name_links)
        if holder is not None and same_person(own, rules.knowledge[holder.key]):
            return Mention(i, stop, [holder], "role")
        misspelled = offices.misspelled_holder(rules, roles, state, own, context) if holder is None else None
        if misspelled is not None:
            return Mention(i, stop, [misspelled], "role")
        if holder is None or holder.key not in context.named:
            return Mention(i, stop, [unknown_person(label, state, role)], "unknown")
    if holder is not None:
        return Mention(i, after, [holder], "role")
    if after < end and AND in doc[after]._.clitic:
        return None  # "نائبة رئيس الوزراء الهولندي ووزيرة الدفاع X": the holder's first title
    # "وزير خارجية جمهورية مصر العربية" in an undated article: nobody to tell, and not the state;
    # "المبعوث الأمريكي لشؤون إيران": nobody, and not the state of his field either.
    return Mention(i, field_end(rules, doc, after, end, spans), [], "role")


def dual_title_mention(
    rules: RuleContext, doc: Doc, title: Span, end: int, spans: dict[int, Span], context: Context
) -> Mention | None:
    """ "وزيرا خارجية الصين والولايات المتحدة", "الرئيسين الكيني والإندونيسي", "وزراء خارجية
    النرويج وسويسرا والبرازيل": the office holders of two or more states. When one of them cannot
    be told on the article's date, the title names nobody (not a guess, and not the states)."""
    role = rules.knowledge.dual_role_phrases.get(norm(title))
    if role is None:
        return None
    states: list[str] = []
    j = title.end
    while j < end and len(states) < rules.settings.title_list_members:
        if doc[j].norm_ == AND or doc[j].text in COMMAS:
            j += 1
            continue
        state = adjective_state(rules, doc, j, spans)
        if state is None:
            break
        states.append(state)
        j = spans[j].end
    if len(states) < 2 or (j < end and j in spans and spans[j].label_ in {"NAME", "WEAK"}):
        return None  # "الزعيمان الروسي فلاديمير بوتين والأذربيجاني …" names its members
    holders: list[Actor] = []
    for state in dict.fromkeys(states):
        roles = rules.knowledge.leader_roles_of(state) if role == "leader" else (role,)
        holder = resolve_office(rules, roles, state, context)
        if holder is None:
            return Mention(title.start, j, [], "role")  # no guess, and not the states either
        holders.append(holder)
    return Mention(title.start, j, holders, "role")


def appositive_title(
    rules: RuleContext, doc: Doc, mentions: list[Mention], mention: Mention, spans: dict[int, Span]
) -> None:
    """ "السيد X، وزير خارجية إيران،": a bare title right after a person's name (only a comma
    between) is that person's own apposition, not the office's holder on the article's date."""
    if not mentions or mention.kind != "role" or len(mention.actors) != 1:
        return
    before = mentions[-1]
    person = before.actors[0] if len(before.actors) == 1 and before.actors[0].kind == PERSON else None
    if person is None or person.state is None or person.state != mention.actors[0].state:
        return
    gap = [doc[k].text for k in range(before.end, mention.start)]
    names = rules.knowledge.names
    inside = [names.get(norm(spans[k]), ()) for k in range(mention.start + 1, mention.end) if k in spans]
    named_inside = any(key.startswith("person/") for keys in inside for key in keys)
    if gap and all(t in COMMAS for t in gap) and not named_inside:
        mention.actors = [person]


def coordinated_title_start(rules: RuleContext, doc: Doc, mention: Mention, floor: int, roles: dict[int, Span]) -> int:
    """ "من نائب رئيس الوزراء الأردني ووزير الخارجية أيمن الصفدي": a title that names nobody of its
    own, joined by و (or with لـ a title the name never held: "المبعوث الخاص للرئيس الروسي X") to the
    title of the one named, is his first title, so his noun phrase (and its preposition) starts there."""
    start, clitic = mention.start, doc[mention.start]._.clitic
    governed = LAM in clitic and start in roles and offices.never_held(rules, mention.actors, roles[start])
    if mention.kind != "role" or start <= floor or not (AND in clitic or governed):
        return start
    covered = {k for span in roles.values() if floor <= span.start < start for k in range(span.start, span.end)}
    first, k = start, start - 1
    kept = rules.words.title_modifiers | rules.words.title_head_words  # "الممثل الشخصي للرئيس الروسي X"
    while k >= floor and (k in covered or doc[k].norm_ in kept or nisba_state(rules, str(doc[k].norm_)) is not None):
        if k in roles or doc[k].norm_ in rules.words.title_head_words:
            first = k
        k -= 1
    return first
