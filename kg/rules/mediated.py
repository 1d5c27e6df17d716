"""Goals a mediation brought: "وافقت باكستان على وقف لإطلاق النار بوساطة أمريكية", "أعلنت أرمينيا
هدنة مع أذربيجان بعد وساطة روسية": the mediator named right after a goal works for it (urged,
ANNOTATION.md: an actor who works for a goal), whoever else accepted it."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import URGED, Actor, Fact
from .clauses import Sentence
from .mediation import genitive_mediators
from .named_goals import goal_spans
from .offices import actor
from .owners import nisba_states
from .qualifiers import negated_or_hypothetical

#: The confidence of a goal credited to its mediator (no stance word of the mediator's own).
MEDIATED_CONFIDENCE = 0.6


def read_mediated_goals(s: Sentence) -> Iterator[Fact]:
    """Who mediated for a goal: the mediator of a mediation noun right after the goal."""
    for span, topic in goal_spans(s):
        for mediator in _mediators_after(s, span.end):
            yield s.fact(URGED, mediator, topic=topic, confidence=MEDIATED_CONFIDENCE)


def _mediators_after(s: Sentence, goal_end: int) -> list[Actor]:
    """The mediators of a mediation noun within ``mediated_goal_window`` words after a goal
    (its nisba states, or the actor named as its genitive), in the goal's clause."""
    _, clause_end = s.clause_of(goal_end - 1)
    words = 0
    for k in range(goal_end, clause_end):
        span = next((m for m in s.spans("MEDIATION") if m.start == k), None)
        if span is not None:
            if negated_or_hypothetical(s, k):
                return []
            states = nisba_states(s, span.end)
            return [actor(s.rules, state) for state in states] if states else genitive_mediators(s, span)
        if s.verb(k) or s.has(k, "STANCE") or s.doc[k].is_punct:
            return []  # a predicate or item of its own: "وقف إطلاق النار، ورفضت الوساطة التركية"
        words += not s.in_mention(k)
        if words >= s.settings.mediated_goal_window:
            return []
    return []
