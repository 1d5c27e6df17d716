"""The composition matrix of the urged relation: each cell combines, drawn with a fixed seed, an
actor phrase of the round-1 matrices, an attachment structure, a goal wording and a context.

tests/data/compose_matrix.json holds the plan: the seeds and cell counts, how the row types of
tests/data/{people,offices,body}_matrix.json group into actor types, the attachment templates
(negatives among them: negated, hypothetical, discussed-only or rejected appeals by the same actor
phrase), the contexts (a dateline, an aside between the actor and the rest, a fronted adjunct, a
quote after, a call sentence before, a headline line) and the known failures by cell text. The
goals are the rows of tests/data/goal_matrix.json that give a topic; the second actor ``{B}`` and
the nisba states come from the pools of tests/data/attach_matrix.json. ``cells`` expands a seed;
``tests/test_compose_matrix.py`` asserts every cell and ``scripts/compose_matrix.py`` prints the
pass rate by component, and by pairs of components so that interactions show.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from conftest import keys

from kg.model import ArticleResult

DATA = Path(__file__).resolve().parent / "data"
PLAN = DATA / "compose_matrix.json"

#: A comparable view of the urged facts: (actor key, topic).
Facts = frozenset[tuple[str, ...]]

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?(?:\|([^|}]*)\|([^|}]*))?\}")
_BA, _LAM, _ARTICLE, _WAW = "ب", "ل", "ال", "و"
#: The goal frames of tests/data/goal_matrix.json that admit each goal form of a template.
_GOAL_FRAMES = {"to": "vso", "b": "demand", "l": "act_l"}


@dataclass(frozen=True)
class Actor:
    """An actor phrase of a round-1 matrix: its keys, gender (m, f, pl) and date."""

    kind: str
    phrase: str
    keys: tuple[str, ...]
    gender: str
    published: date
    svo: bool = True
    before: str = ""


@dataclass(frozen=True)
class Cell:
    """One composed sentence or paragraph and the urged facts it must give."""

    actor: str
    attachment: str
    goal: str
    context: str
    text: str
    published: date
    expected: Facts
    #: Why the extractor still fails this cell (a strict xfail), if it does.
    fails: str | None = None


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return loaded


def _people(plan: dict[str, Any], source: str) -> list[Actor]:
    groups = {row_type: kind for kind, types in plan["actor_types"][source].items() for row_type in types}
    out = []
    for row in _load(f"{source}.json")["rows"]:
        if row.get("key") and row["type"] in groups and "urged_vso" in row.get("frames", ["urged_vso"]):
            gender = "f" if row.get("fem") else "m"
            published = date.fromisoformat(row["date"])
            out.append(
                Actor(groups[row["type"]], row["phrase"], (row["key"],), gender, published, True, row.get("before", ""))
            )
    return out


def _bodies(plan: dict[str, Any]) -> list[Actor]:
    groups = {row_type: kind for kind, types in plan["actor_types"]["body_matrix"].items() for row_type in types}
    matrix = _load("body_matrix.json")
    published = date.fromisoformat(matrix["published"])
    return [
        Actor(groups[row["type"]], row["phrase"], tuple(row["keys"]), row["g"], published, "urged_svo" in row["frames"])
        for row in matrix["rows"]
        if row["keys"] and row["type"] in groups and "urged_vso" in row["frames"]
    ]


@cache
def _components() -> tuple[dict[str, Any], dict[str, list[Actor]], list[dict[str, Any]], dict[str, Any]]:
    plan = _load(PLAN.name)
    actors: dict[str, list[Actor]] = {}
    for actor in [*_people(plan, "people_matrix"), *_people(plan, "offices_matrix"), *_bodies(plan)]:
        actors.setdefault(actor.kind, []).append(actor)
    goals = [row for row in _load("goal_matrix.json")["rows"] if row["topics"]]
    return plan, actors, goals, _load("attach_matrix.json")["pools"]


def _fits(actor: Actor, template: dict[str, Any], plan: dict[str, Any]) -> bool:
    if template.get("human") and actor.kind in plan["not_human"]:
        return False
    return not (template.get("svo") and (not actor.svo or actor.gender == "pl"))


def _lam(phrase: str) -> str:
    return _LAM + (phrase[1:] if phrase.startswith(_ARTICLE) else phrase)


def _fill(template: str, slots: dict[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        name, form, masculine, feminine = match.groups()
        if masculine is not None:
            gender = slots[name]
            return feminine if gender == "f" else masculine
        if name == "G":
            goal: str = slots["G"]
            return _BA + goal if form == "b" else _lam(goal) if form == "l" else goal
        if name == "N":
            return str(slots["N"][form])
        return str(slots[name])

    return _SLOT.sub(one, template)


def _compose(
    rng: random.Random,
    templates: list[dict[str, Any]],
    plan: dict[str, Any],
    actors: dict[str, list[Actor]],
    goals: list[dict[str, Any]],
    pools: dict[str, Any],
) -> Cell:
    template = rng.choice(templates)
    uses_nisba = "{N:" in template["t"]
    if uses_nisba:
        state = rng.choice(pools["state"])
        actor = Actor("state_nisba", state["p"], (state["key"],), "f" if state.get("fem") else "m", date(2024, 5, 1))
    else:
        kind = rng.choice(
            sorted(kind for kind, rows in actors.items() if any(_fits(row, template, plan) for row in rows))
        )
        actor = rng.choice([row for row in actors[kind] if _fits(row, template, plan)])
    frame = _GOAL_FRAMES[template["goal"]]
    goal = rng.choice([row for row in goals if frame in row.get("frames", [frame])])
    other = rng.choice([row for row in pools["state"] + pools["org"] if row["key"] not in actor.keys])
    contexts = [name for name in plan["contexts"] if name != "aside" or "{X}" in template["t"]]
    context = rng.choice(contexts)
    variant = rng.choice(plan["contexts"][context])
    slots = {
        "A": actor.phrase,
        "X": variant if context == "aside" else "",
        "v": actor.gender,
        "s": "f" if actor.gender == "f" or actor.kind == "list" else "m",
        "B": other["p"],
        "b": "f" if other.get("fem") else "m",
        "N": state if uses_nisba else {},
        "G": goal["goal"],
    }
    text = _fill(template["t"], slots)
    text = _context(context, _fill(variant, slots), text)
    if actor.before:
        text = f"{actor.before} {text}"
    expected = frozenset((key, topic) for slot in template["expect"] for key in actor.keys for topic in goal["topics"])
    fails = plan["fails"].get(text)
    return Cell(actor.kind, template["type"], goal["type"], context, text, actor.published, expected, fails)


def _context(context: str, variant: str, text: str) -> str:
    if context == "dateline":
        return variant + (text[1:] if text.startswith(_WAW) else text)
    if context == "quote":
        return text + variant
    if context in ("adjunct",):
        return variant + (text[1:] if text.startswith(_WAW) else text)
    if context in ("call_before", "headline"):
        return variant + text
    return text


def cells(held_out: bool = False) -> list[Cell]:
    """The cells of the plan's seed, in the order they are drawn; with ``held_out``, of its held-out
    seed, which also draws the attachments written after the first fixes."""
    plan, actors, goals, pools = _components()
    templates: list[dict[str, Any]] = plan["attachments"]
    seed, count = plan["seed"], plan["cells"]
    if held_out:
        seed, count = plan["held_out"]["seed"], plan["held_out"]["cells"]
        templates = [*templates, *plan["held_out"]["attachments"]]
    rng = random.Random(seed)
    return [_compose(rng, templates, plan, actors, goals, pools) for _ in range(count)]


def found(result: ArticleResult) -> Facts:
    """The urged facts of an extraction, in the view of ``Cell.expected`` (``conftest.keys``)."""
    return frozenset(keys(result, "urged"))
