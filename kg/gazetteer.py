"""List, search and check the shipped knowledge (``kg actors``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .knowledge import PERSON, STATE, ActorRecord, Knowledge, Office
from .normalize import PROCLITICS, normalize_phrase


@dataclass(frozen=True)
class Problem:
    """Something in the knowledge files that needs a look."""

    kind: str
    message: str


def search_actors(knowledge: Knowledge, text: str, kind: str | None = None) -> list[ActorRecord]:
    """Actors whose key, English names or Arabic spellings contain ``text`` (normalised).

    Whole-word matches come first (بوتين finds Putin before Sebutinde), then names with a
    word that starts with ``text``, then the rest; within each, by kind and English name.
    """
    needle = normalize_phrase(text).lower()
    found: list[tuple[int, ActorRecord]] = []
    for record in knowledge.actors.values():
        if kind and record.kind != kind:
            continue
        haystack = [record.key.lower(), record.en.lower(), *(a.lower() for a in record.aliases_en)]
        haystack += [normalize_phrase(f) for f in (*record.ar, *record.ar_weak, *record.capitals_ar)]
        if not needle or any(needle in h for h in haystack):
            found.append((_match_rank(needle, haystack), record))
    return [record for _, record in sorted(found, key=lambda f: (f[0], f[1].kind, f[1].en))]


def _match_rank(needle: str, haystack: list[str]) -> int:
    """0 when ``needle`` is a whole word (or words) of a name, 1 when a word starts with it, else 2."""
    words = [h.replace("/", " ").replace("-", " ").split() for h in haystack]
    padded = f" {needle} "
    if any(padded in f" {' '.join(w)} " for w in words):
        return 0
    if any(word.startswith(needle) for w in words for word in w):
        return 1
    return 2


#: Words of an office's note that declare a second holder on purpose (an acting minister, a
#: collective presidency, a caretaker during a crisis).
SHARED_OFFICE_NOTES = (
    "acting",
    "interim",
    "caretaker",
    "member of the presidency",
    "nominal",
    "held by the",
    "affairs ii",
    "crisis",
    "delegate",
    "minister of state",
    "co-president",
    "holds the",
)
#: A successor whose start is known only to the month (or year) may start up to this many days
#: before the predecessor's known end: the handover is somewhere in that period.
VAGUE_START_DAYS = 31


def _overlap(a: Office, b: Office) -> bool:
    a_start, b_start = a.start or date.min, b.start or date.min
    a_end, b_end = a.end or date.max, b.end or date.max
    if any(word in (o.note or "").lower() for o in (a, b) for word in SHARED_OFFICE_NOTES):
        return False
    first, second = (a, b) if a_start <= b_start else (b, a)
    if (
        second.start is not None
        and second.start.day == 1
        and first.end is not None
        and 0 <= (first.end - second.start).days <= (366 if second.start.month == 1 else VAGUE_START_DAYS)
    ):
        return False
    # Handovers share a day: the outgoing holder's last day is the incoming one's first.
    return a_start < b_end and b_start < a_end


def check_knowledge(knowledge: Knowledge) -> Iterator[Problem]:
    """Duplicates, overlapping offices and colliding spellings in the knowledge."""
    by_en: dict[str, list[str]] = defaultdict(list)
    by_qid: dict[str, list[str]] = defaultdict(list)
    spellings: dict[str, set[str]] = defaultdict(set)
    declared_weak: dict[str, set[str]] = defaultdict(set)
    holders: dict[tuple[str, str], list[tuple[str, Office]]] = defaultdict(list)
    exclusive = {role.id for role in knowledge.roles.values() if role.exclusive}
    for record in knowledge.actors.values():
        by_en[record.en.lower()].append(record.key)
        if record.wikidata:
            by_qid[record.wikidata].append(record.key)
        for form in record.ar:
            spellings[normalize_phrase(form)].add(record.key)
        for form in record.ar_weak:
            declared_weak[normalize_phrase(form)].add(record.key)
        for office in record.offices:
            if office.end and office.start and office.end < office.start:
                yield Problem("bad-dates", f"{record.key}: {office.role} ends {office.end} before {office.start}")
            if office.seat and office.seat not in knowledge.actors:
                yield Problem("unknown-seat", f"{record.key}: {office.role} at unknown {office.seat}")
            if office.destination and office.destination not in knowledge.actors:
                yield Problem(
                    "unknown-destination", f"{record.key}: {office.role} sent to unknown {office.destination}"
                )
            if office.role in exclusive and office.seat:
                holders[(office.role, office.seat)].append((record.key, office))
            elif office.destination and office.seat:  # one envoy to a state at a time, as exclusive
                holders[(office.role, f"{office.seat} to {office.destination}")].append((record.key, office))
    for name, keys in sorted(by_en.items()):
        if len(keys) > 1:
            yield Problem("duplicate-name", f"English name {name!r} is used by {', '.join(sorted(keys))}")
    for qid, keys in sorted(by_qid.items()):
        if len(keys) > 1:
            yield Problem("duplicate-wikidata", f"{qid} is used by {', '.join(sorted(keys))}")
    for form, forms_keys in sorted(spellings.items()):
        if len(forms_keys) > 1 and not forms_keys <= declared_weak[form]:
            yield Problem("colliding-variant", f"{form!r} names {', '.join(sorted(forms_keys))} (matched only as weak)")
    yield from _names_with_call_nouns(knowledge)
    yield from _names_with_glued_states(knowledge)
    for (role, seat), items in sorted(holders.items()):
        items.sort(key=lambda item: item[1].start or date.min)
        for index, (key, office) in enumerate(items):
            for other_key, other in items[index + 1 :]:
                if other_key != key and _overlap(office, other):
                    yield Problem(
                        "overlapping-office",
                        f"{role} of {seat}: {key} ({office.start}–{office.end or 'now'}) and "
                        f"{other_key} ({other.start}–{other.end or 'now'}) overlap",
                    )


def _names_with_call_nouns(knowledge: Knowledge) -> Iterator[Problem]:
    """Names that contain a call noun (مجموعة الاتصال): the word then reads as a name word, not a call."""
    nouns = {normalize_phrase(n) for n in knowledge.lexicon["call"]["nouns"] if len(n.split()) == 1}
    for record in knowledge.actors.values():
        for form in (*record.ar, *record.ar_weak):
            words = normalize_phrase(form).split()
            if any(w in nouns or (w.startswith("ال") and w[2:] in nouns) for w in words):
                yield Problem("call-noun-in-name", f"{record.key}: {form!r} holds a call noun")


def _names_with_glued_states(knowledge: Knowledge) -> Iterator[Problem]:
    """Names with a word that is a conjunction or preposition glued to a state's one-word name
    (فرنسا وألمانيا, المقاطعة لقطر): the normaliser reads a known word as it is, so that state
    would never again be read after that clitic anywhere in a text."""
    state_words: set[str] = set()
    for record in knowledge.actors.values():
        if record.kind == STATE:
            forms = (*record.ar, *record.ar_weak, *record.capitals_ar, *record.adjectives_ar)
            state_words |= {normalize_phrase(f) for f in forms if len(f.split()) == 1}
    # ك is left out: foreign surnames begin with its letter (كلاوس is no ك + لاوس).
    clitics = [c for c in PROCLITICS if "ال" not in c and "ك" not in c and not c.endswith("لل")]
    for record in knowledge.actors.values():
        if record.kind == PERSON:
            continue  # a person's name is letters, not a phrase with clitics
        for form in (*record.ar, *record.ar_weak):
            words = normalize_phrase(form).split()
            glued = [
                w
                for w in words
                if len(words) > 1 and any(w.startswith(c) and w[len(c) :] in state_words for c in clitics)
            ]
            if glued:
                yield Problem("glued-state-in-name", f"{record.key}: {form!r} glues a clitic to a state ({glued[0]})")
