"""Envoys and ambassadors named by where they are sent: "المبعوث الأممي إلى اليمن" with no name
after it is the holder, on the article's date, of the UN envoy's office whose destination is
Yemen; "السفير الأمريكي لدى لبنان" the US ambassador's whose destination is Lebanon."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Actor
from .context import RuleContext
from .lang_ar import BA, LAM
from .offices import holds, named_before, resolve_office
from .records import Context, norm


def titled_holder(
    rules: RuleContext,
    doc: Doc,
    start: int,
    spans: dict[int, Span],
    office: tuple[tuple[str, ...], str],
    context: Context,
) -> tuple[Actor | None, int]:
    """The holder a title names (the first of ``roles`` at ``seat``), sent to the state named
    right after the title if one is, and where the title ends (past that state).
    ``start``: where the title's state or organisation ends; ``office``: roles and seat.
    """
    end = len(doc)  # a state in the next sentence is no mention of this one's (not in ``spans``)
    roles, seat = office
    k = start
    while k < end and doc[k].norm_ in rules.words.title_modifiers:
        k += 1  # "المبعوث الأممي الخاص إلى سوريا"
    place = _destination(rules, doc, k, end, spans) if _sends(rules, roles, seat) else None
    if place is None:
        return resolve_office(rules, roles, seat, context) or _named_holder(rules, roles, seat, context), start
    state, stop = place
    holder = resolve_office(rules, roles, seat, context, to=state)
    if holder is None and doc[k].norm_ == rules.words.word_in:
        # "المبعوث الأمريكي في الدوحة": where he is, when nobody is sent there
        return resolve_office(rules, roles, seat, context), start
    return holder, stop


def _named_holder(rules: RuleContext, roles: tuple[str, ...], seat: str, context: Context) -> Actor | None:
    """Of an office with several holders, the one the article named last with it (a subject first):
    "دعا المبعوث الأممي إلى اليمن … . وحث المبعوث الأممي الأطراف …" is the same envoy."""
    for someone in named_before(context):
        known = someone.key in rules.knowledge.actors  # a person the gazetteer has no offices of holds none
        if known and any(holds(rules, someone.key, role, seat, context.day) for role in roles):
            return someone
    return None


def _destination(rules: RuleContext, doc: Doc, k: int, end: int, spans: dict[int, Span]) -> tuple[str, int] | None:
    """The state named at ``k`` as a destination ("إلى اليمن", "لدى لبنان", "لليبيا", "الخاص
    بسوريا", "السفير السعودي في لبنان"), and its end."""
    if k < end and (doc[k].norm_ in rules.words.destination_words or doc[k].norm_ == rules.words.word_in):
        k += 1
    elif k >= end or not {LAM, BA} & set(doc[k]._.clitic):
        return None
    place = spans.get(k)
    if place is None or place.label_ != "NAME":
        return None
    keys = rules.knowledge.names.get(norm(place), set())
    state = next(iter(keys)) if len(keys) == 1 else ""
    return (state, place.end) if state.startswith("state/") else None


def _sends(rules: RuleContext, roles: tuple[str, ...], seat: str) -> bool:
    """Whether any office of ``roles`` at ``seat`` has a destination: only then does a state after
    the title say where its holder is sent ("وجه الرئيس الأمريكي لإيران تحذيرا" addresses Iran)."""
    return any(
        o.destination is not None
        for role in roles
        for key in rules.knowledge.holders.get((role, seat), [])
        for o in rules.knowledge[key].offices
        if o.role == role and o.seat == seat
    )
