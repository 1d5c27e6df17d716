"""Score extracted facts against gold annotations, as the annotation guideline defines.

The figures are those of the team's reference scorer (``shared/eval/score.py``): micro
P/R/F1 per relation, the core figure over call pairs and urging actors, and the share of
calls whose initiator is right where the gold names one. A test keeps the two in step.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

TOPICS = frozenset({"DeEscalation", "Restraint", "Ceasefire", "DiplomaticSolution", "HumanitarianAid"})
RELATIONS = frozenset({"called", "urged", "offeredMediation", "thanked", "warned"})
MEASURES = ("core", "called", "urged", "urged_topic", "offeredMediation", "thanked", "warned", "actors")

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
Key = tuple[Any, ...]


def label_key(label: str | None) -> str:
    """The scorer's name key: case, letter variants, diacritics, punctuation, a leading article."""
    if not label:
        return ""
    text = _DIACRITICS.sub("", unicodedata.normalize("NFKC", label)).translate(_LETTERS).lower()
    text = re.sub(r"[\-‐–—_.,'’`\"()]", " ", text)
    words = []
    for word in text.split():
        if word in {"al", "el", "the"}:
            continue
        if len(word) > 3 and word.startswith("ال"):
            word = word[2:]
        words.append(word)
    return " ".join(words)


class ActorMatcher:
    """Matches a system actor to a gold actor id: Wikidata id, English name, Arabic name."""

    def __init__(self, actors: dict[str, dict[str, Any]]) -> None:
        self.by_qid: dict[str, str] = {}
        self.by_en: dict[str, str] = {}
        self.by_ar: dict[str, str] = {}
        for key, actor in actors.items():
            if actor.get("wikidata"):
                self.by_qid[actor["wikidata"]] = key
            for name in [actor.get("en", ""), *actor.get("aliases", [])]:
                self.by_en.setdefault(label_key(name), key)
            for name in actor.get("ar", []):
                self.by_ar.setdefault(label_key(name), key)

    def resolve(self, actor: Any) -> str:
        """The gold id of a system actor, or ``unknown:<name>``."""
        if isinstance(actor, str):
            actor = {"en": actor}
        if not isinstance(actor, dict):
            return "?"
        qid = str(actor.get("wikidata") or "").rsplit("/", 1)[-1]
        if qid in self.by_qid:
            return self.by_qid[qid]
        en, ar = label_key(actor.get("en")), label_key(actor.get("ar"))
        if en in self.by_en:
            return self.by_en[en]
        if ar in self.by_ar:
            return self.by_ar[ar]
        return "unknown:" + (en or ar or "?")


QUALITY_TABLE_HEADER = (
    "| set (articles) | core F1 | called P / R / F1 | urged F1 (actor / actor+goal) "
    "| offeredMediation F1 | thanked F1 | warned F1 | call initiator right |\n"
    "|---|---|---|---|---|---|---|---|"
)


@dataclass
class Score:
    """Precision, recall and F1 of one measure."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of system keys that are right (1 when both sides are empty)."""
        total = self.tp + self.fp
        return self.tp / total if total else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        """Share of gold keys found."""
        total = self.tp + self.fn
        return self.tp / total if total else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """All figures of one evaluation, and the keys behind them for explanations."""

    scores: dict[str, Score]
    articles: int
    gold_directed: int
    pair_found: int
    initiator_right: int
    malformed: int
    system: dict[str, set[Key]] = field(repr=False)
    gold: dict[str, set[Key]] = field(repr=False)
    evidence: dict[tuple[str, Key], str] = field(default_factory=dict, repr=False)

    @property
    def direction_accuracy(self) -> float:
        """Share of gold-directed calls found whose initiator is right."""
        return self.initiator_right / self.pair_found if self.pair_found else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain data (the shape of the reference scorer's ``--json``)."""
        out: dict[str, Any] = {
            name: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "p": s.precision, "r": s.recall, "f1": s.f1}
            for name, s in self.scores.items()
        }
        out["direction"] = {
            "gold_directed": self.gold_directed,
            "pair_found": self.pair_found,
            "initiator_right": self.initiator_right,
            "accuracy": self.direction_accuracy,
        }
        out["articles"] = self.articles
        out["malformed_facts"] = self.malformed
        return out

    def markdown_row(self, name: str) -> str:
        """One row of the README's quality table (:data:`QUALITY_TABLE_HEADER`) for this evaluation."""
        s = self.scores
        called = s["called"]
        return (
            f"| {name} ({self.articles}) | {s['core'].f1:.3f} "
            f"| {called.precision:.3f} / {called.recall:.3f} / {called.f1:.3f} "
            f"| {s['urged'].f1:.3f} / {s['urged_topic'].f1:.3f} | {s['offeredMediation'].f1:.3f} "
            f"| {s['thanked'].f1:.3f} | {s['warned'].f1:.3f} "
            f"| {self.initiator_right} of {self.pair_found} found ({self.gold_directed} in gold) |"
        )

    def misses_and_extras(self, measure: str) -> tuple[list[Key], list[Key]]:
        """Gold keys not found, and system keys not in the gold, for one measure."""
        gold, system = self.gold.get(measure, set()), self.system.get(measure, set())
        return sorted(gold - system, key=str), sorted(system - gold, key=str)


def _gold_keys(doc: dict[str, Any]) -> dict[str, set[Key]]:
    article = doc["article"]
    keys: dict[str, set[Key]] = defaultdict(set)
    for fact in doc["facts"]:
        relation = fact["rel"]
        if relation == "called":
            keys["called"].add((article, frozenset((fact["a"], fact["b"]))))
        elif relation == "urged":
            keys["urged"].add((article, fact["a"]))
            keys["urged_topic"].add((article, fact["a"], fact["topic"]))
        elif relation == "offeredMediation":
            keys["offeredMediation"].add((article, fact["a"]))
        elif relation == "thanked":
            keys["thanked"].add((article, fact["a"], fact["b"]))
        elif relation == "warned":
            keys["warned"].add((article, fact["a"]))
        for side in ("a", "b"):
            if side in fact:
                keys["actors"].add((article, fact[side]))
    return keys


def evaluate(facts: Iterable[dict[str, Any]], gold_docs: list[dict[str, Any]], actors: dict[str, Any]) -> Evaluation:
    """Score system facts (dicts of the facts format) against gold documents."""
    matcher = ActorMatcher(actors)
    articles = {d["article"] for d in gold_docs}
    gold, directed = _gold_sets(gold_docs)
    system: dict[str, set[Key]] = defaultdict(set)
    direction: dict[Key, set[str | None]] = {}
    evidence: dict[tuple[str, Key], str] = {}
    malformed = 0
    for fact in facts:
        article, relation = fact.get("article"), fact.get("rel")
        if article not in articles or relation not in RELATIONS:
            malformed += article in articles
            continue
        a = matcher.resolve(fact.get("a"))
        if relation == "called":
            b = matcher.resolve(fact.get("b"))
            pair = frozenset((a, b))
            system["called"].add((article, pair))
            who = fact.get("initiator")
            direction.setdefault((article, pair), set()).add(a if who == "a" else b if who == "b" else None)
        elif relation == "urged":
            system["urged"].add((article, a))
            if fact.get("topic") in TOPICS:
                system["urged_topic"].add((article, a, fact["topic"]))
        elif relation == "offeredMediation":
            system["offeredMediation"].add((article, a))
        elif relation == "thanked":
            system["thanked"].add((article, a, matcher.resolve(fact.get("b"))))
        elif relation == "warned":
            system["warned"].add((article, a))
        key = _system_key(relation, fact, str(article), a, matcher)
        if key is not None and fact.get("evidence"):
            evidence.setdefault(key, str(fact["evidence"]))
        system["actors"].add((article, a))
        if relation in ("called", "thanked"):
            system["actors"].add((article, matcher.resolve(fact.get("b"))))
    for name in ("called", "urged"):
        prefix = name[0]
        system["core"] |= {(prefix, *key) for key in system[name]}
        gold["core"] |= {(prefix, *key) for key in gold[name]}
    scores = {}
    for name in MEASURES:
        tp = len(system[name] & gold[name])
        scores[name] = Score(tp=tp, fp=len(system[name]) - tp, fn=len(gold[name]) - tp)
    right = sum(1 for key, who in directed.items() if direction.get(key) == {who})
    found = sum(1 for key in directed if key in direction)
    return Evaluation(
        scores=scores,
        articles=len(articles),
        gold_directed=len(directed),
        pair_found=found,
        initiator_right=right,
        malformed=malformed,
        system=dict(system),
        gold=dict(gold),
        evidence=evidence,
    )


def _gold_sets(gold_docs: list[dict[str, Any]]) -> tuple[dict[str, set[Key]], dict[Key, str]]:
    """The gold keys by measure, and the initiator of each gold call that names one."""
    gold: dict[str, set[Key]] = defaultdict(set)
    directed: dict[Key, str] = {}
    for doc in gold_docs:
        for name, gold_keys in _gold_keys(doc).items():
            gold[name] |= gold_keys
        for fact in doc["facts"]:
            if fact["rel"] == "called" and fact.get("initiator"):
                directed[(doc["article"], frozenset((fact["a"], fact["b"])))] = fact["initiator"]
    return gold, directed


def _system_key(
    relation: str, fact: dict[str, Any], article: str, a: str, matcher: ActorMatcher
) -> tuple[str, Key] | None:
    """The (measure, key) under which a system fact is explained."""
    if relation == "called":
        return "called", (article, frozenset((a, matcher.resolve(fact.get("b")))))
    if relation == "urged":
        return "urged_topic", (article, a, fact.get("topic"))
    if relation == "thanked":
        return "thanked", (article, a, matcher.resolve(fact.get("b")))
    if relation in ("offeredMediation", "warned"):
        return relation, (article, a)
    return None


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    """All gold documents of a folder (``<article>.json``)."""
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "not a folder of gold annotations")
    docs = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(path, f"not a gold JSON file ({error})") from None
        if not isinstance(doc, dict) or "article" not in doc or "facts" not in doc:
            raise InputError(path, "gold file needs 'article' and 'facts'")
        docs.append(doc)
    if not docs:
        raise InputError(gold_dir, "holds no gold .json files")
    return docs


def _json_object(path: Path, what: str) -> dict[str, Any]:
    """A JSON object read from ``path``; a one-line :class:`InputError` naming ``what`` otherwise."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, f"no such {what} file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"not a JSON {what} file ({error})") from None
    if not isinstance(data, dict):
        raise InputError(path, f"{what} file must be a JSON object")
    return data


def load_actors(path: Path) -> dict[str, Any]:
    """The gold actor registry (``actors.json``)."""
    return _json_object(path, "actors")


def default_corpus_dir(gold_dir: Path) -> Path:
    """Where the articles of a gold folder live: ``corpus/X`` beside ``eval/gold/X``, else in ``../shared``.

    The project's own gold (``eval/gold/pool``) annotates third-party articles that stay in the
    shared folder beside the project (``../shared/corpus/pool``), never in the project.
    """
    root = gold_dir.resolve().parent.parent.parent
    beside = root / "corpus" / gold_dir.name
    shared = root.parent / "shared" / "corpus" / gold_dir.name
    return beside if beside.is_dir() or not shared.is_dir() else shared


def default_splits_file(gold_dir: Path) -> Path:
    """``eval/splits.json`` beside ``eval/gold/X``."""
    return gold_dir.resolve().parent.parent / "splits.json"


def select_split(gold: list[dict[str, Any]], splits_file: Path, name: str) -> list[dict[str, Any]]:
    """The gold documents of one named split of ``splits.json`` (e.g. ``pool-train``, ``pool-test``)."""
    splits = _json_object(splits_file, "splits")
    members = splits.get(name)
    if not isinstance(members, list):
        known = ", ".join(k for k, v in splits.items() if isinstance(v, list))
        raise InputError(splits_file, f"no split named {name!r} (splits: {known or 'none'})")
    wanted = set(members)
    chosen = [doc for doc in gold if doc["article"] in wanted]
    missing = wanted - {doc["article"] for doc in chosen}
    if missing:
        raise InputError(splits_file, f"split {name!r} names {len(missing)} articles without gold, e.g. {min(missing)}")
    return chosen


def default_actors_file(gold_dir: Path) -> Path:
    """``eval/actors.json`` beside ``eval/gold/X``."""
    return gold_dir.resolve().parent.parent / "actors.json"
