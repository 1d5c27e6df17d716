"""Actors and offices in time: knowledge keys to actors, titles to office-holders, nisbas to states."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc, Span

from ..knowledge import PERSON
from ..model import Actor
from ..normalize import clitic_readings, normalize_phrase, strip_article
from .context import RuleContext
from .lang_ar import ARTICLE, LAM, NISBA_PLURAL_ENDINGS, OPENING_MARKS
from .records import Context, norm, spelled_like


def actor(rules: RuleContext, key: str, role: str | None = None) -> Actor:
    """The :class:`Actor` of a knowledge key."""
    record = rules.knowledge[key]
    return Actor(
        key=key,
        kind=record.kind,
        label_ar=record.label_ar,
        label_en=record.en,
        wikidata=record.wikidata,
        state=record.home_state,
        role=role,
    )


#: The key segment of an unknown person whose title names no state ("الرئيس X").
UNPLACED_SEAT = "unplaced"


def unknown_person(label: str, state: str | None, role: str | None) -> Actor:
    """A person the gazetteer does not know, keyed by normalised name and state (if any)."""
    slug = normalize_phrase(label).replace(" ", "-")
    seat = state.split("/")[-1] if state is not None else UNPLACED_SEAT
    return Actor(
        key=f"person/unknown/{seat}/{slug}",
        kind=PERSON,
        label_ar=label,
        state=state,
        role=role,
        known=False,
    )


def has_role(rules: RuleContext, who: Actor, role: str, day: date | None) -> bool:
    """Whether the actor holds (or was resolved to) ``role`` on ``day``."""
    if who.role == role:
        return True
    record = rules.knowledge.actors.get(who.key)
    return record is not None and any(o.role == role for o in record.offices_on(day))


def bare_title_holder(rules: RuleContext, role: str, context: Context) -> Actor | None:
    """Who a bare title (أكد الرئيس ضرورة …) names: the protagonist first, the last sentence subject
    holding that office ("تلقى الرئيس السيسي اتصالا من ماكرون … أكد الرئيس …" is Sisi), then anyone
    named before holding it, then the holder of the office of the dateline's state
    («القاهرة (أ ش أ) - دعا الرئيس …»)."""
    for someone in named_before(context):
        if has_role(rules, someone, role, context.day):
            return someone
    if context.dateline_state is None:
        return None
    return resolve_office(rules, (role,), context.dateline_state, context)


def is_spokesperson(rules: RuleContext, who: Actor, day: date | None) -> bool:
    """Whether the actor speaks for others (a source, not an agent) on ``day``: a spokesperson
    then and nothing else (a minister who was once a spokesman, in an undated article, is not)."""
    if who.role == "spokesperson":
        return True
    record = rules.knowledge.actors.get(who.key)
    offices = record.offices_on(day) if record is not None else []
    return bool(offices) and all(o.role == "spokesperson" for o in offices)


def never_held(rules: RuleContext, named: list[Actor], title: Span) -> bool:
    """Whether the one person ``named`` never held the office ``title`` names (so the title is
    not his: "المبعوث الخاص للرئيس الروسي ميخائيل بوغدانوف")."""
    role = rules.knowledge.role_phrases.get(norm(title))
    record = rules.knowledge.actors.get(named[0].key) if len(named) == 1 else None
    if role is None or record is None or record.kind != PERSON:
        return False
    return not any(office.role == role for office in record.offices)


def past_field(rules: RuleContext, doc: Doc, k: int, end: int, spans: dict[int, Span]) -> int:
    """Where the name after a title starts past the title's field, when a known person's name
    follows it; else ``k``. The field is a لـ word, the definite words of its genitive, and a
    place it covers after في، لدى or إلى ("المفوض السامي لحقوق الإنسان فولكر تورك", "المنسق الخاص
    لعملية السلام في الشرق الأوسط X")."""
    # "للشؤون الاستراتيجية": a لـ before the genitive's article is read as لل (its norm keeps the article)
    joined = doc[k].norm_.startswith(ARTICLE) and doc[k]._.clitic == LAM if k < end else False
    if k >= end or k in spans or not doc[k].text.startswith(LAM) or (doc[k].norm_.startswith(ARTICLE) and not joined):
        return k
    limit = min(end, k + 1 + rules.settings.title_field_words)
    j = _past_definite(doc, k + 1, limit, spans)
    if j == k + 1:
        # "الخاص لأفريقيا X", "لشؤون أفريقيا X": a field of one or two words right before a known
        # person; else a لـ word with no definite genitive after it opens a purpose ("لبحث")
        if _known_person(rules, spans.get(k + 1)):
            return k + 1
        return k + 2 if k + 2 < end and k + 1 not in spans and _known_person(rules, spans.get(k + 2)) else k
    if j + 1 < limit and (doc[j].norm_ == rules.words.word_in or doc[j].norm_ in rules.words.destination_words):
        place = spans.get(j + 1)
        j = place.end if place is not None and place.label_ == "NAME" else _past_definite(doc, j + 1, limit, spans)
    return j if j < limit and _known_person(rules, spans.get(j)) else k


def _known_person(rules: RuleContext, name: Span | None) -> bool:
    """Whether ``name`` is a gazetteer name of persons only."""
    if name is None or name.label_ != "NAME":
        return False
    keys = rules.knowledge.names.get(norm(name), set())
    return bool(keys) and all(key.startswith("person/") for key in keys)


def _past_definite(doc: Doc, j: int, limit: int, spans: dict[int, Span]) -> int:
    """Past the definite words from ``j`` on that no mention starts at (a genitive and its adjectives)."""
    while j < limit and j not in spans and doc[j].norm_.startswith(ARTICLE):
        j += 1
    return j


def holds(rules: RuleContext, key: str, role: str, state: str, day: date | None, to: str | None = None) -> bool:
    """Whether the person ``key`` holds ``role`` at ``state`` on ``day`` (ever, with no day), sent
    to the state ``to`` when one is given."""
    return any(
        o.role == role and o.seat == state and (day is None or o.held_on(day)) and (to is None or o.destination == to)
        for o in rules.knowledge[key].offices
    )


def named_before(context: Context) -> Iterator[Actor]:
    """The persons the article named so far, newest first, sentence subjects before the others."""
    for someone in [*reversed(context.subject_history), *reversed(context.recent)]:
        if someone.kind == PERSON:
            yield someone


def resolve_office(
    rules: RuleContext, roles: tuple[str, ...], seat: str, context: Context, to: str | None = None
) -> Actor | None:
    """The holder of the first of ``roles`` at ``seat`` on the article's date (of the office whose
    destination is the state ``to``, when one is named: an envoy's, an ambassador's)."""
    for role in roles:
        holders = rules.knowledge.role_holders(role, seat, context.day)
        if to is not None:
            holders = [h for h in holders if holds(rules, h, role, seat, context.day, to)]
        # A deputy filed under the office ("Deputy Secretary-General", "deputy spokesperson")
        # is its holder only when nobody else is.
        holders = [h for h in holders if not _deputy(rules, h, role, seat, context.day)] or holders
        if context.day is None and len(holders) > 1:
            # Undated: the holder the article names (a surname alone will do: رئيسي), else the
            # one holder whose tenure meets the tenures of the office-holders it names with titles.
            named = [h for h in holders if h in context.named] or [h for h in holders if h in context.weakly_named]
            if len(named) != 1 and context.tenure_window is not None:
                named = [h for h in holders if _held_within(rules, h, role, seat, context.tenure_window)]
            holders = named if len(named) == 1 else []
        if len(set(holders)) == 1:
            return actor(rules, holders[0], role=role)
    return None


def misspelled_holder(
    rules: RuleContext, roles: tuple[str, ...], state: str, name: str, context: Context
) -> Actor | None:
    """The one holder of the office (on the article's date; ever, undated) whose full name ``name``
    spells but for a letter a word (an undated «الرئيس الفرنسي إيمانويل ماكرو»), if only one does."""
    shortest = rules.settings.misspelling_letters
    found = {
        (key, role)
        for role in roles
        for key in rules.knowledge.role_holders(role, state, context.day)
        if spelled_like(name, rules.knowledge[key], shortest)
    }
    if len({key for key, _ in found}) != 1:
        return None
    key, role = min(found)
    return actor(rules, key, role=role)


def _deputy(rules: RuleContext, key: str, role: str, seat: str, day: date | None) -> bool:
    """Whether every office ``key`` holds as ``role`` at ``seat`` on ``day`` is a deputy's, by its note
    ("Deputy …", "Vice-President of the Southern Transitional Council")."""
    notes = [
        (o.note or "").lower()
        for o in rules.knowledge[key].offices
        if o.role == role and o.seat == seat and (day is None or o.held_on(day))
    ]
    return bool(notes) and all(n.startswith(("deputy", "vice-", "vice ")) or "deputy spokes" in n for n in notes)


def _held_within(rules: RuleContext, key: str, role: str, seat: str, window: tuple[date, date]) -> bool:
    start, end = window
    return any(
        o.role == role and o.seat == seat and (o.start or date.min) <= end and start < (o.end or date.max)
        for o in rules.knowledge[key].offices
    )


def tenure_window(rules: RuleContext, titled: Iterable[Actor]) -> tuple[date, date] | None:
    """Where the tenures of the titled office-holders an undated article names all meet."""
    start, end = date.min, date.max
    found = False
    for person in titled:
        record = rules.knowledge.actors.get(person.key)
        offices = [o for o in record.offices if o.role == person.role or not person.role] if record else []
        if not offices:
            continue
        found = True
        start = max(start, min(o.start or date.min for o in offices))
        end = min(end, max(o.end or date.max for o in offices))
    return (start, end) if found and start <= end else None


def nisba_state(rules: RuleContext, word: str) -> str | None:
    """The state of a normalised nisba adjective, singular or plural, with its clitics:
    "القطرية", "عمانيين", "والمصريون"."""
    adjectives = rules.knowledge.adjectives
    for reading in clitic_readings(word):
        bare = strip_article(reading)
        if bare in adjectives:
            return adjectives[bare]
        if bare.endswith(NISBA_PLURAL_ENDINGS) and bare[:-2] in adjectives:
            return adjectives[bare[:-2]]
    return None


def adjective_state(rules: RuleContext, doc: Doc, i: int, spans: dict[int, Span]) -> str | None:
    """The state a nisba adjective (or an unambiguous state name) at token ``i`` names."""
    span = spans.get(i)
    if span is None:
        return None
    state: str | None = None
    if span.label_ == "ADJ":
        state = rules.knowledge.adjectives.get(strip_article(norm(span)))
    elif span.label_ in {"NAME", "WEAK"}:
        # After a title an ambiguous adjective is the state's: "الرئيس القمري" (القمري is also "lunar").
        index = rules.knowledge.names if span.label_ == "NAME" else rules.knowledge.weak_names
        keys = index.get(norm(span), set())
        if len(keys) == 1 and next(iter(keys)).startswith("state/"):
            state = next(iter(keys))
    return state


def past_destination(rules: RuleContext, doc: Doc, k: int, end: int, spans: dict[int, Span]) -> int:
    """ "المبعوث الأممي إلى اليمن X", "سفير الصين لدى مصر X": past the state a title's holder is
    sent to, where the holder's name starts (``k`` itself when no such state stands there)."""
    place = spans.get(k + 1)
    if k + 2 >= end or doc[k].norm_ not in rules.words.destination_words:
        return k
    if place is None:  # "إلى الشرق الأوسط X": a region no gazetteer names, then a known person
        j = _past_definite(doc, k + 1, min(end, k + 1 + rules.settings.title_field_words), spans)
        return j if j > k + 1 and _known_person(rules, spans.get(j)) else k
    keys = rules.knowledge.names.get(norm(place), set())
    return place.end if place.label_ == "NAME" and keys and all(key.startswith("state/") for key in keys) else k


def governing_word_index(rules: RuleContext, doc: Doc, before: int, sentence_start: int) -> int:
    """Where the word governing a mention that starts after ``before`` stands: past quotes and a
    wrapped line's break (لـ «حماس»), and past a nameless office stacked before the mention's own
    title ("من وزير الدولة وزير الشؤون الخارجية X", "من رئيس مجلس الوزراء وزير الخارجية X")."""
    b = before
    while b > sentence_start and (doc[b].text in OPENING_MARKS or doc[b].is_space):
        b -= 1
    for width in range(rules.settings.stacked_office_words, 1, -1):
        first = b - width + 1
        if first > sentence_start and normalize_phrase(doc[first : b + 1].text) in rules.knowledge.role_phrases:
            return first - 1
    return b
