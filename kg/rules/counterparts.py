"""Counterparts: "نظيره التركي" is the holder, in Turkey, of the subject's office; "نظراء بوتين"
everyone Putin spoke with."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..knowledge import PERSON, STATE
from ..model import Actor
from .context import RuleContext
from .lang_ar import AND, COMMAS, QUOTES
from .offices import actor, adjective_state, resolve_office, unknown_person
from .records import Context, Mention, norm
from .titles import unplaced_person
from .unknown_names import unknown_name


def counterpart_mention(
    rules: RuleContext, doc: Doc, i: int, end: int, spans: dict[int, Span], context: Context
) -> Mention:
    """The counterpart word at ``i``, with its state(s), a name after it, or neither."""
    state = adjective_state(rules, doc, i + 1, spans)
    stop = spans[i + 1].end if state is not None else i + 1
    words = rules.words
    if doc[i].norm_.startswith(words.plural_counterpart_prefix):  # نظراء، نظرائه (ئ is folded to ي)
        return _plural_counterparts(rules, doc, i, end, spans, state)
    if doc[i].norm_ in words.dual_counterparts:
        # "نظيريه الأرميني والأذربيجاني": one per nisba ("نظيريه الأمريكي X والإيراني Y" names them)
        dual = _plural_counterparts(rules, doc, i, end, spans, state)
        if dual.more_states:
            return dual
    name_start = stop
    while name_start < end and doc[name_start].text in COMMAS:
        name_start += 1
    # A known name may stand further: "نظيره الجزائري المنتخب حديثا عبد المجيد تبون", "نظيره الروسي «فلاديمير بوتين»"
    known_start = name_start
    skipped = rules.words.elect_words | rules.words.honorifics
    while known_start < end and (doc[known_start].text in COMMAS | QUOTES or doc[known_start].norm_ in skipped):
        known_start += 1
    # "نظيره القطري الشيخ محمد بن عبد الرحمن آل ثاني": a known name may begin with its honorific
    name_span = next((spans[k] for k in range(name_start, known_start + 1) if k in spans), None)
    if name_span is not None:
        keys = rules.knowledge.names.get(norm(name_span), set()) or (
            rules.knowledge.weak_names.get(norm(name_span), set()) & context.named
        )
        persons = [k for k in keys if k.startswith("person/")]
        if len(persons) == 1:
            return Mention(i, name_span.end, [actor(rules, persons[0])], "role")
    if state is not None:
        unknown = unknown_name(rules, doc, name_start, end, spans)
        if unknown is not None:
            return Mention(i, unknown[1], [unknown_person(unknown[0], state, None)], "unknown")
    else:
        unplaced = unplaced_person(rules, doc, (i, known_start, end), spans, None)
        if unplaced is not None:
            return unplaced
    return Mention(i, stop, [], "counterpart", counterpart_state=state)


def _plural_counterparts(
    rules: RuleContext, doc: Doc, i: int, end: int, spans: dict[int, Span], state: str | None
) -> Mention:
    """ "نظرائه الإيراني والمصري والفلسطيني": one counterpart per nisba; "نظراء بوتين": the
    people the named actor spoke with."""
    stop = spans[i + 1].end if state is not None else i + 1
    states: list[str] = [state] if state else []
    k = stop
    while state and k < end:
        if doc[k].text in COMMAS or doc[k].is_space:
            k += 1
            continue
        more = adjective_state(rules, doc, k, spans)
        if more is None:
            break
        states.append(more)
        k = spans[k].end
        stop = k
    owner = spans.get(stop) if not states else None
    if owner is not None and owner.label_ == "NAME":
        keys = rules.knowledge.names.get(norm(owner), set())
        if len(keys) == 1:
            return Mention(i, owner.end, [], "counterpart", plural=True, more_states=[next(iter(keys))])
    return Mention(
        i, stop, [], "counterpart", counterpart_state=states[0] if states else None, more_states=states[1:], plural=True
    )


def resolve_counterpart(rules: RuleContext, mention: Mention, subject: list[Actor], context: Context) -> list[Actor]:
    """ "نظيره التركي": the holder of the subject's office in the named state."""
    if mention.actors:
        return mention.actors
    if mention.plural and mention.counterpart_state is None:
        # "نظراء بوتين" / "نظرائه": everyone the owner (or the subject) spoke with.
        owners = set(mention.more_states) or {s.key for s in subject}
        partners: list[Actor] = []
        for a, b in context.calls:
            for one, other in ((a, b), (b, a)):
                if one.key in owners and other.key not in {p.key for p in partners}:
                    partners.append(other)
        return partners
    if mention.plural:
        out: list[Actor] = []
        for state in [mention.counterpart_state, *mention.more_states]:
            single = Mention(mention.start, mention.end, [], "counterpart", counterpart_state=state)
            out += resolve_counterpart(rules, single, subject, context)
        return out
    if mention.counterpart_state is None:
        # "شكر بوتين نظيره": the other party of the call being reported.
        if context.last_call and subject:
            others = [a for a in context.last_call if a.key not in {s.key for s in subject}]
            if len(others) == 1:
                return others
        return []
    if not subject:
        return []
    if subject[0].kind == STATE:  # "أجرت الخارجية الروسية اتصالا مع نظيرتها التركية": the other state
        return [actor(rules, mention.counterpart_state)]
    roles = _counterpart_roles(rules, subject[0], context)
    resolved = resolve_office(rules, roles, mention.counterpart_state, context)
    return [resolved] if resolved else []


def _counterpart_roles(rules: RuleContext, who: Actor, context: Context) -> tuple[str, ...]:
    """The offices a counterpart of ``who`` may hold: ``who``'s own, any head's for a head."""
    words = rules.words
    roles: list[str] = []
    if who.role:
        roles.append(who.role)
    elif who.key in rules.knowledge.actors:
        # Titled, the subject's counterpart holds that office ("وزير الدفاع الروسي X … بنظيريه"),
        # not another one he held or would hold.
        roles += [o.role for o in rules.knowledge[who.key].offices_on(context.day)]
    if any(r in words.head_roles for r in roles):
        roles += list(words.head_roles)
    if any(r in words.government_roles for r in roles):
        roles += list(words.government_roles)
    if not roles:
        roles = list(words.head_roles)
    return tuple(dict.fromkeys(roles))


def officials_of_places(rules: RuleContext, doc: Doc, i: int, end: int, spans: dict[int, Span]) -> Mention | None:
    """ "اتصالات من المسؤولين في مصر وقطر والأمم المتحدة": officials named only by the states
    and bodies they serve stand for those states and bodies. A capital there is where they
    are, not whom they serve ("المسؤولين في الرياض"), and a person ends the list."""
    words, knowledge = rules.words, rules.knowledge
    if str(doc[i].norm_) not in words.officials_words or i + 2 >= end or doc[i + 1].norm_ != words.word_in:
        return None
    members: list[Actor] = []
    k = last = i + 2
    while k < end and (span := spans.get(k)) is not None and span.label_ == "NAME":
        keys = knowledge.names.get(norm(span), set())
        if len(keys) != 1 or norm(span) in words.capitals:
            break
        key = next(iter(keys))
        if knowledge[key].kind == PERSON:
            break
        members.append(actor(rules, key))
        k = last = span.end
        if k < end and doc[k].text in COMMAS:
            k += 1
        if k >= end or AND not in doc[k]._.clitic:
            break
    return Mention(i, last, list({a.key: a for a in members}.values()), "state") if members else None
