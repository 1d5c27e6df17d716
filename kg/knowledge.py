"""Knowledge the extractor ships: actors, states, organisations, offices and triggers.

Everything here is read from JSON files in ``kg/data`` (see its README) into immutable
records; a :class:`Knowledge` instance holds the indexes the extractor needs and is
passed around explicitly — there is no module-level mutable state.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from .actors import (
    ORGANIZATION,
    PERSON,
    STATE,
    ActorRecord,
    Office,
    Role,
    _organization,
    _person,
    _role,
    _state,
)
from .errors import KnowledgeError
from .normalize import normalize_phrase, strip_article
from .variants import with_generated_variants

__all__ = ["ORGANIZATION", "PERSON", "STATE", "ActorRecord", "Knowledge", "Office", "Role", "load_knowledge"]

DATA_DIR = Path(__file__).resolve().parent / "data"
#: A state's name of up to this many words is also matched with its spaces lost.
GLUED_NAME_WORDS = 3


def _read_json(path: Path) -> Any:
    """A knowledge file's JSON. A key written twice in one object is refused: JSON keeps the
    last one silently, and two merged edits of one section would lose one of them."""

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise KnowledgeError(f"{path}: the key {key!r} is written twice in one object")
            seen.add(key)
        return dict(pairs)

    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique)
    except (OSError, json.JSONDecodeError) as error:
        raise KnowledgeError(f"{path}: cannot read knowledge file ({error})") from None


def _load_list(path: Path) -> list[dict[str, Any]]:
    data = _read_json(path)
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise KnowledgeError(f"{path}: must hold a JSON list of objects")
    return data


@dataclass
class Knowledge:
    """Indexes over the shipped (and user-added) knowledge files."""

    actors: dict[str, ActorRecord]
    lexicon: dict[str, Any]
    roles: dict[str, Role] = field(default_factory=dict)
    #: Per state key, the role "the leader of X" names first (its head of government in
    #: parliamentary states), from states.json ``leader_role``.
    leader_roles: dict[str, str] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    weak_names: dict[str, set[str]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)
    holders: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    role_phrases: dict[str, str] = field(default_factory=dict)
    dual_role_phrases: dict[str, str] = field(default_factory=dict)
    #: (normalised title, seat key) -> the role a title names at that seat (roles.json seat_titles_ar).
    seat_roles: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Normalised title of some seats only (no common title) -> those seats (roles.json seat_titles_ar).
    title_seats: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Normalised "resident seat" phrase (سيد البيت الابيض) -> (state key, role) (lexicon ``residences``).
    residence_phrases: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names: dict[str, set[str]] = defaultdict(set)
        weak: dict[str, set[str]] = defaultdict(set)
        adjectives: dict[str, str] = {}
        holders: dict[tuple[str, str], list[str]] = defaultdict(list)
        for record in self.actors.values():
            strong_forms = list(record.ar)
            if record.kind == STATE:
                strong_forms += [c for c in record.capitals_ar if c not in record.ar_weak]
            for adjective in record.adjectives_ar:
                if adjective not in record.ar_weak:
                    adjectives[strip_article(normalize_phrase(adjective))] = record.key
            named = record.body_of or record.key
            for form in strong_forms:
                if record.kind == PERSON or form not in record.ar_weak:
                    names[normalize_phrase(form)].add(named)
            for form in record.ar_weak:
                weak[normalize_phrase(form)].add(named)
            if record.kind == STATE:
                # Scraped text loses the spaces of a state's long name: الولاياتالمتحدةالأمريكية.
                for form in record.ar:
                    words = normalize_phrase(form).split()
                    if 1 < len(words) <= GLUED_NAME_WORDS:
                        names["".join(words)].add(named)
            for office in record.offices:
                if office.seat:
                    holders[(office.role, office.seat)].append(record.key)
        # A form that names two different actors is not a strong name.
        for form, keys in list(names.items()):
            if len(keys) > 1:
                weak[form] |= keys
                del names[form]
        self.names, self.weak_names = dict(names), dict(weak)
        self.adjectives, self.holders = adjectives, dict(holders)
        role_phrases: dict[str, str] = {}
        for role in self.roles.values():
            for phrase in role.titles_ar:
                key = normalize_phrase(phrase)
                role_phrases.setdefault(key, role.id)
                # Titles come with and without the article: رئيس وزراء / الرئيس.
                if not key.startswith("ال"):
                    role_phrases.setdefault("ال" + key, role.id)
        self.role_phrases = role_phrases
        self._index_seat_titles()
        self.dual_role_phrases = {
            normalize_phrase(phrase): role.id for role in self.roles.values() for phrase in role.dual_titles_ar
        }

    def _index_seat_titles(self) -> None:
        """Titles of one seat (رئيس الكنيست), and "the resident of a seat of power" phrases."""
        seats: dict[str, set[str]] = defaultdict(set)
        common = set(self.role_phrases)  # "رئيس مجلس الامه" is a common title, and the upper house's in Algeria
        for role in self.roles.values():
            for seat, titles in role.seat_titles_ar:
                for phrase in map(normalize_phrase, titles):
                    self.role_phrases.setdefault(phrase, role.id)
                    self.seat_roles[(phrase, seat)] = role.id
                    seats[phrase].add(seat)
        self.title_seats = {phrase: frozenset(found) for phrase, found in seats.items() if phrase not in common}
        residences = self.lexicon.get("residences", {})
        for place, (state, role) in residences.get("places", {}).items():
            for resident in residences.get("residents", []):
                self.residence_phrases[normalize_phrase(f"{resident} {place}")] = (f"state/{state}", role)

    # -- lookups ---------------------------------------------------------------------
    def __getitem__(self, key: str) -> ActorRecord:
        return self.actors[key]

    def words(self, section: str, sub: str | None = None) -> frozenset[str]:
        """Normalised single words or phrases of a lexicon section."""
        value = self.lexicon[section] if sub is None else self.lexicon[section][sub]
        if isinstance(value, dict):
            value = value.get("words", [])
        return frozenset(normalize_phrase(v) for v in value)

    def head_roles(self, of: str) -> tuple[str, ...]:
        """The roles that head a state (``of="state"``) or its government (``of="government"``)."""
        return tuple(r.id for r in self.roles.values() if r.head_of == of)

    def leader_roles_of(self, seat: str) -> tuple[str, ...]:
        """The roles "the leader of ``seat``" names, most likely first.

        The state's own ``leader_role`` (a head of government in parliamentary states), then its
        heads of state, then a non-state group's ``leader``.
        """
        preferred = self.leader_roles.get(seat)
        heads = self.head_roles("state")
        return tuple(dict.fromkeys([*([preferred] if preferred else []), *heads, "leader"]))

    def role_holders(self, role: str, seat: str, day: date | None) -> list[str]:
        """Persons who held ``role`` at ``seat`` on ``day`` (all of them with no day)."""
        keys = list(dict.fromkeys(self.holders.get((role, seat), [])))
        return [
            k
            for k in keys
            if any(
                o.role == role and o.seat == seat and (day is None or o.held_on(day)) for o in self.actors[k].offices
            )
        ]

    def states(self) -> Iterator[ActorRecord]:
        """All known states."""
        return (a for a in self.actors.values() if a.kind == STATE)


def _read_roles(folder: Path) -> list[Role]:
    path = folder / "roles.json"
    if not path.exists():
        return []
    data = _read_json(path)
    entries = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise KnowledgeError(f"{path}: must hold an object with a 'roles' list")
    return [_role(e, str(path)) for e in entries]


def _read_records(folder: Path, roles: Iterable[str]) -> Iterable[tuple[str, ActorRecord]]:
    for path in sorted(folder.glob("states.json")):
        for entry in _load_list(path):
            yield str(path), _state(entry)
    for path in sorted(folder.glob("organizations.json")):
        for entry in _load_list(path):
            yield str(path), _organization(entry)
    for path in sorted(folder.glob("persons*.json")):
        for entry in _load_list(path):
            try:
                yield str(path), _person(entry, str(path), roles)
            except KeyError as missing:
                raise KnowledgeError(f"{path}: entry {entry.get('id')!r} lacks {missing}") from None


def load_knowledge(extra_dirs: Iterable[Path] = ()) -> Knowledge:
    """Load the shipped knowledge, then each extra folder (its entries override by key)."""
    folders = (DATA_DIR, *extra_dirs)
    return _load_cached(tuple(Path(f).resolve() for f in folders))


@cache
def _load_cached(folders: tuple[Path, ...]) -> Knowledge:
    actors: dict[str, ActorRecord] = {}
    lexicon: dict[str, Any] = {}
    roles: dict[str, Role] = {}
    leader_roles: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            raise KnowledgeError(f"{folder}: knowledge folder does not exist")
        roles.update((r.id, r) for r in _read_roles(folder))
    for folder in folders:
        for _, record in _read_records(folder, roles):
            actors[record.key] = record
        for path in sorted(folder.glob("states.json")):
            for entry in _load_list(path):
                if entry.get("leader_role"):
                    if entry["leader_role"] not in roles:
                        raise KnowledgeError(f"{path}: unknown leader_role {entry['leader_role']!r} for {entry['id']}")
                    leader_roles[f"state/{entry['id']}"] = entry["leader_role"]
        lexicon_path = folder / "lexicon.json"
        if lexicon_path.exists():
            lexicon.update(_read_json(lexicon_path))
    arabic_states = {
        f"state/{entry['id']}"
        for folder in folders
        for path in sorted(folder.glob("states.json"))
        for entry in _load_list(path)
        if entry.get("arabic_names")
    }
    seat_titles = {t for r in roles.values() for _, titles in r.seat_titles_ar for t in titles}
    common = (
        set(_strings_in(lexicon)) | {t for r in roles.values() for t in (*r.titles_ar, *r.dual_titles_ar)} | seat_titles
    )
    return Knowledge(
        actors=with_generated_variants(actors, arabic_states, common),
        lexicon=lexicon,
        roles=roles,
        leader_roles=leader_roles,
    )


def _strings_in(value: Any) -> Iterator[str]:
    """Every word of every string in a nested JSON value (the lexicon's vocabulary)."""
    if isinstance(value, str):
        yield from value.split()
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)
