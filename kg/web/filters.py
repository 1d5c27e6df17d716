"""The filters of the network page (relations, goals, an actor, dates, how many actors), from query parameters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..errors import FilterError
from ..model import CALLED, OFFERED_MEDIATION, THANKED, URGED, WARNED

#: Relations in the order the page lists them.
RELATIONS: tuple[str, ...] = (CALLED, URGED, THANKED, OFFERED_MEDIATION, WARNED)
#: How many actors the page draws unless asked for more.
DEFAULT_TOP = 100


def _one(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = [v for v in params.get(name, []) if v.strip()]
    if len(values) > 1:
        raise FilterError(f"give {name!r} once")
    return values[0].strip() if values else None


def _day(params: Mapping[str, Sequence[str]], name: str) -> date | None:
    value = _one(params, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name!r} must be a date YYYY-MM-DD, not {value!r}") from None


@dataclass(frozen=True)
class Filters:
    """Which events the page shows."""

    relations: frozenset[str] = frozenset(RELATIONS)
    #: Goal IRIs appeals must have; ``None``: any goal (other relations are not affected).
    topics: frozenset[str] | None = None
    #: Only events that involve this actor IRI.
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    #: Most actors drawn (the most active ones); 0 draws all.
    top: int = DEFAULT_TOP

    @property
    def by_date(self) -> bool:
        """Whether a date range is asked for (undated events are then hidden)."""
        return self.since is not None or self.until is not None

    def admits_date(self, day: str | None) -> bool:
        """Whether an event of this date (``YYYY-MM-DD``, or ``None`` when undated) is in the date range.

        With no range every event is; with one an undated event is not (the page says how
        many it hid: :meth:`kg.web.network.NetworkIndex.view`).
        """
        if not self.by_date:
            return True
        if day is None:
            return False
        return (self.since is None or day >= self.since.isoformat()) and (
            self.until is None or day <= self.until.isoformat()
        )

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str]]) -> Filters:
        """Filters from query parameters: ``relation``, ``topic`` (repeatable; ``none``
        selects nothing), ``actor``, ``since``, ``until`` (YYYY-MM-DD), ``top`` (a number, or ``all``)."""
        relations = [r for r in params.get("relation", []) if r.strip()]
        unknown = sorted(set(relations) - set(RELATIONS) - {"none"})
        if unknown:
            raise FilterError(f"unknown relation {unknown[0]!r}; known: {', '.join(RELATIONS)}")
        topics = [t for t in params.get("topic", []) if t.strip()]
        top_text = _one(params, "top")
        if top_text is None:
            top = DEFAULT_TOP
        elif top_text.lower() == "all":
            top = 0
        else:
            try:
                top = int(top_text)
            except ValueError:
                raise FilterError(f"'top' must be a number or 'all', not {top_text!r}") from None
            if top < 0:
                raise FilterError("'top' must not be negative")
        since, until = _day(params, "since"), _day(params, "until")
        if since and until and since > until:
            raise FilterError("'since' is after 'until'")
        return cls(
            relations=frozenset(relations) - {"none"} if relations else frozenset(RELATIONS),
            topics=frozenset(topics) if topics else None,
            actor=_one(params, "actor"),
            since=since,
            until=until,
            top=top,
        )


__all__ = ["DEFAULT_TOP", "RELATIONS", "Filters"]
