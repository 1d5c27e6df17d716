"""Call + appeal compositions: short articles that combine a call structure with what was said
on the call.

tests/data/callappeal_matrix.json holds the plan and the seeds; the call structures and most
party columns come from tests/data/call_matrix.json (its rows, with the direction each states).
Each article draws, with a fixed seed: a call row (cycling through all of them), a party column
(the row's skips respected), a headline form (none, present «X يبحث هاتفيا مع Y», dual «X وY
يبحثان», colon «X لـY: …»), a dateline, and what was said: an appeal by one party (named again,
«من جانبه»، «بدوره»), by both («الجانبان»، «الطرفان», impersonal «جرى خلال الاتصال التأكيد»),
by the caller inside the call clause («، دعا خلاله إلى …»), a participle after the call sentence
(«، مؤكدا ضرورة …»: the sentence's subject), a quote, thanks, a warning, a mediation offer, or a
negative (discussed only, not mentioned, a third party's appeal reported on the call). Negative
call rows (planned, denied, video, meetings, messages) take only appeals that stand without the
call. ``cells`` builds the articles with what each must give; ``found`` reads the same view out
of an extraction; scripts/callappeal_matrix.py scores them by component.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from call_matrix_cases import MATRIX as CALL_MATRIX
from call_matrix_cases import Calls, calls

from kg.model import ArticleResult

DATA = Path(__file__).resolve().parent / "data"
PLAN = DATA / "callappeal_matrix.json"

#: The facts of one relation other than the calls, as tuples of actor keys (and topic).
Facts = frozenset[tuple[str, ...]]
_NEGATIVE_JOINT = ("neg_video", "neg_meeting")
_LAM = "ل"
_WAW = "و"
_ARTICLE = "ال"


@dataclass(frozen=True)
class Cell:
    """One composed article and everything it must give."""

    number: int
    call_form: str
    appeal_form: str
    headline_form: str
    text: str
    published: date
    calls: Calls
    urged: Facts
    others: Facts = field(default_factory=frozenset)
    #: Why the extractor still fails this article (a strict xfail), if it does.
    fails: str | None = None


def _load() -> tuple[dict[str, Any], dict[str, Any]]:
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    return plan, json.loads(CALL_MATRIX.read_text(encoding="utf-8"))


def _appeal_forms(plan: dict[str, Any], number: int, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The appeal forms that fit a call row: a clause only where it can be spliced, a joint
    statement only with one pair, and with a negative call only what stands without it."""
    splice = plan["splice"].get(str(number))
    initiator = row["calls"][0][2] if row["calls"] else None
    out = []
    for form in plan["appeals"]:
        if form.get("clause"):
            ok = bool(splice) and (form["type"] != "caller_clause" or initiator is not None)
        elif not row["calls"]:
            ok = form.get("standalone", False) or (form.get("no_call", False) and row["type"] in _NEGATIVE_JOINT)
        else:
            ok = len(row["calls"]) == 1 or not form.get("joint", False)
        if ok:
            out.append(form)
    return out


def _who(slot: str, row: dict[str, Any], splice: str, key: dict[str, str]) -> list[str]:
    """The actor keys a ``who`` slot names: a party, the call's initiator or its subject(s)."""
    if slot == "C":
        return [key[str(row["calls"][0][2])]]
    if slot == "S":
        return [key[index] for index in splice]
    return [key[slot]] if slot in key else [slot]


def _lam(phrase: str) -> str:
    return _LAM + (_LAM + phrase[2:] if phrase.startswith(_ARTICLE) else phrase)


def _compose(plan: dict[str, Any], rng: random.Random, number: int, row: dict[str, Any], row_number: int) -> Cell:
    columns = [c for c in plan["columns"] if c["type"] not in row.get("skip", [])]
    column = rng.choice(columns)
    parties = column["p"]
    key = {str(i): f"person/{person}" for i, (_, person) in enumerate(parties, start=1)}
    forms = _appeal_forms(plan, row_number, row)
    clauses = [form for form in forms if form.get("clause")]
    # Half the articles over a call sentence that can take a clause get one: the family's core.
    form = rng.choice(clauses if clauses and rng.random() < 0.5 else forms)
    topic = rng.choice(sorted(plan["goals"]))
    goal = plan["goals"][topic]
    topic = topic.rstrip("0123456789")
    splice = plan["splice"].get(str(row_number), "")
    urged = {(k, topic) for slot in form.get("urged", []) for k in _who(slot, row, splice, key)}
    urged |= {(third, topic) for third in form.get("third", [])}
    urged |= {(key[slot], goal_topic) for slot, goal_topic in plan["row_urged"].get(str(row_number), [])}
    others: set[tuple[str, ...]] = {("thanked", key[a], key[b]) for a, b in form.get("thanked", [])}
    others |= {("warned", key[a]) for a in form.get("warned", [])}
    others |= {("offeredMediation", key[a]) for a in form.get("mediation", [])}
    re_mention = {str(i): rng.choice(plan["re"][person]) for i, (_, person) in enumerate(parties, start=1)}
    short = {str(i): plan["re"][person][0] for i, (_, person) in enumerate(parties, start=1)}
    call_text = _fill(row["text"], {str(i): phrase for i, (phrase, _) in enumerate(parties, start=1)})
    said = form["t"].replace("{G}", goal).replace("{R1}", re_mention["1"]).replace("{R2}", re_mention["2"])
    if "مكالمة" in row["text"]:
        said = said.replace("خلاله", "خلالها")  # the feminine call noun's pronoun
    if form["type"] == "participle" and len(splice) == 2:
        said = said.replace("مؤكدا", "مؤكدين")
    headline_row = row["type"].endswith("_head")
    headline_form, headline = ("call_row", call_text) if headline_row else _headline(plan, rng, form, row, short, goal)
    dateline = rng.choice(plan["datelines"])
    if headline_row:
        body = said
    elif form.get("clause"):
        body = call_text.rstrip(".") + said
    else:
        body = f"{call_text} {said}"
    if dateline and body.startswith(_WAW):
        body = body[1:]
    text = f"{headline}\n{dateline}{body}" if headline else dateline + body
    return Cell(
        number,
        row["type"],
        form["type"],
        headline_form,
        text,
        date.fromisoformat(column["date"]),
        _expected_calls(row, key),
        frozenset(urged),
        frozenset(others),
        plan["fails"].get(str(plan["seed_now"]), {}).get(str(number)),
    )


def _headline(
    plan: dict[str, Any],
    rng: random.Random,
    form: dict[str, Any],
    row: dict[str, Any],
    short: dict[str, str],
    goal: str,
) -> tuple[str, str]:
    """A headline (its form and text) the body agrees with: a call headline only over a call; the colon form only
    for an appeal of one party, spoken to the other."""
    agents = [slot for slot in form.get("urged", []) if slot in ("1", "2")]
    choices = []
    for headline in plan["headlines"]:
        if headline.get("needs_one"):
            if len(agents) == 1 and not form.get("third"):
                choices.append(headline)
        elif headline["type"] == "none" or len(row["calls"]) >= 1:
            choices.append(headline)
    chosen = rng.choice(choices)
    agent = agents[0] if agents else "1"
    other = "2" if agent == "1" else "1"
    text: str = chosen["t"]
    return chosen["type"], (
        text.replace("{H1}", short["1"])
        .replace("{H2}", short["2"])
        .replace("{HA}", short[agent])
        .replace("ل{HB}", _lam(short[other]))
        .replace("{G}", goal)
    )


def _fill(template: str, parties: dict[str, str]) -> str:
    text = template
    for index, phrase in parties.items():
        if phrase.startswith(_ARTICLE):
            text = text.replace(f"ل{{{index}}}", "لل" + phrase[2:])
        text = text.replace(f"{{{index}}}", phrase)
    return text


def _expected_calls(row: dict[str, Any], key: dict[str, str]) -> Calls:
    return {frozenset((key[str(a)], key[str(b)])): key[str(who)] if who else None for a, b, who in row["calls"]}


def cells(held_out: bool = False) -> list[Cell]:
    """The composed articles of the plan's seed (or of its held-out seed)."""
    plan, call_matrix = _load()
    plan["columns"] = [*call_matrix["columns"], *plan["extra_columns"]]
    seed, count = (plan["held_out_seed"], plan["held_out_n"]) if held_out else (plan["seed"], plan["n"])
    plan["seed_now"] = seed
    rng = random.Random(seed)
    rows = [(n, row) for n, row in enumerate(call_matrix["rows"]) if str(n) not in plan["skip_rows"]]
    out = []
    for number in range(count):
        row_number, row = rows[number % len(rows)] if not held_out else rng.choice(rows)
        out.append(_compose(plan, rng, number, row, row_number))
    return out


def found(result: ArticleResult) -> tuple[Calls, Facts, Facts]:
    """The calls, the urged facts and the other relations' facts of an extraction."""
    urged: set[tuple[str, ...]] = set()
    others: set[tuple[str, ...]] = set()
    for fact in result.facts:
        if fact.relation == "urged":
            urged.add((fact.a.key, fact.topic or ""))
        elif fact.relation == "thanked" and fact.b is not None:
            others.add(("thanked", fact.a.key, fact.b.key))
        elif fact.relation in ("warned", "offeredMediation"):
            others.add((fact.relation, fact.a.key))
    return calls(result), frozenset(urged), frozenset(others)
