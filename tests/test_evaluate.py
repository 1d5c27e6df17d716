"""`kg eval` agrees with the team's reference scorer, and the dev-set score holds its bar.

These tests read ../shared (the evaluation data is not shipped with the project); they
skip, saying so, where it is absent. CI has it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import SHARED

from kg.build import build
from kg.errors import InputError
from kg.evaluate import default_actors_file, default_splits_file, evaluate, load_actors, load_gold, select_split
from kg.facts import iter_facts

EVAL = SHARED / "eval"
needs_shared = pytest.mark.skipif(
    not (EVAL / "score.py").exists(), reason="../shared/eval is absent: the dev set is not shipped with the project"
)


def _reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _facts_of(corpus: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    gold = load_gold(EVAL / "gold" / corpus)
    files = [SHARED / "corpus" / corpus / f"{doc['article']}.txt" for doc in gold]
    graph, report = build(files)
    assert report.problems == []
    return list(iter_facts(graph)), gold


@pytest.fixture(scope="module")
def dev_facts() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    if not (EVAL / "score.py").exists():
        pytest.skip("../shared/eval is absent: the dev set is not shipped with the project")
    return _facts_of("dev")


@needs_shared
def test_same_figures_as_the_reference_scorer(dev_facts: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    facts, gold = dev_facts
    actors = json.loads((EVAL / "actors.json").read_text(encoding="utf-8"))
    reference = _reference_scorer().score(facts, gold, actors)
    reference.pop("_sets")
    ours = evaluate(facts, gold, load_actors(EVAL / "actors.json")).as_dict()
    assert ours == reference


@needs_shared
def test_dev_set_score_stays_above_the_bar(dev_facts: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    facts, gold = dev_facts
    result = evaluate(facts, gold, load_actors(EVAL / "actors.json"))
    assert result.scores["core"].f1 >= DEV_CORE_F1_BAR
    assert result.scores["called"].f1 >= DEV_CALLED_F1_BAR
    # Issue 3's bar: the initiator right on 90% of the calls whose gold names one.
    assert result.initiator_right >= DEV_DIRECTION_BAR * result.gold_directed


@needs_shared
def test_seed_articles_score(tmp_path: Path) -> None:
    facts, gold = _facts_of("seeds")
    result = evaluate(facts, gold, load_actors(EVAL / "actors.json"))
    assert result.scores["core"].f1 >= SEEDS_CORE_F1_BAR


def test_scoring_counts_pairs_without_direction_and_direction_apart() -> None:
    actors = {
        "putin": {"en": "Vladimir Putin", "ar": ["بوتين"], "wikidata": "Q7747"},
        "erdogan": {"en": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"], "ar": ["أردوغان"]},
    }
    gold = [
        {
            "article": "x",
            "facts": [
                {"rel": "called", "a": "putin", "b": "erdogan", "initiator": "erdogan"},
                {"rel": "urged", "a": "putin", "topic": "Ceasefire"},
            ],
        }
    ]
    facts = [
        {"article": "x", "rel": "called", "a": {"ar": "أردوغان"}, "b": {"wikidata": "Q7747"}, "initiator": "b"},
        {"article": "x", "rel": "urged", "a": {"en": "Vladimir Putin"}, "topic": "Restraint"},
        {"article": "x", "rel": "thanked", "a": {"en": "Erdogan"}, "b": {"en": "Putin"}},
    ]
    result = evaluate(facts, gold, actors)
    assert result.scores["called"].f1 == 1.0
    assert result.scores["core"].f1 == 1.0  # the urging actor is right; the topic is scored apart
    assert result.scores["urged_topic"].tp == 0
    assert result.pair_found == 1 and result.initiator_right == 0
    assert result.scores["thanked"].fp == 1


# Regression bars, a little under the figures measured when they were set (dev: core
# 0.939, called 1.000, initiator right on 19 of 20 gold-directed calls; seeds: core 0.923).
# Issue 3 asks for dev core ≥ 0.85, called ≥ 0.90, direction ≥ 90%. Raise them as extraction improves.
DEV_CORE_F1_BAR = 0.91
DEV_CALLED_F1_BAR = 0.97
DEV_DIRECTION_BAR = 0.90
SEEDS_CORE_F1_BAR = 0.90


# -- the project's own pool gold (eval/gold/pool), whose articles stay in ../shared --------
POOL_GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold" / "pool"
POOL_CORPUS = SHARED / "corpus" / "pool"
needs_pool = pytest.mark.skipif(
    not POOL_CORPUS.is_dir() or not (EVAL / "score.py").exists(),
    reason="../shared/corpus/pool is absent: the pool's articles are third-party text, never copied into the project",
)


@pytest.fixture(scope="module")
def pool_facts() -> list[dict[str, Any]]:
    if not POOL_CORPUS.is_dir():
        pytest.skip("../shared/corpus/pool is absent: the pool's articles are not shipped with the project")
    graph, report = build(sorted(POOL_CORPUS.glob("*.txt")))
    assert report.problems == []
    return list(iter_facts(graph))


@needs_pool
@pytest.mark.parametrize("split", ["pool-train", "pool-test"])
def test_pool_splits_score_as_the_reference_scorer(pool_facts: list[dict[str, Any]], split: str) -> None:
    gold = select_split(load_gold(POOL_GOLD), default_splits_file(POOL_GOLD), split)
    actors_file = default_actors_file(POOL_GOLD)
    reference = _reference_scorer().score(pool_facts, gold, json.loads(actors_file.read_text(encoding="utf-8")))
    reference.pop("_sets")
    ours = evaluate(pool_facts, gold, load_actors(actors_file)).as_dict()
    assert ours == reference
    assert ours["articles"] == {"pool-train": 127, "pool-test": 60}[split]


def test_pool_gold_is_complete_and_the_split_fixed() -> None:
    gold = load_gold(POOL_GOLD)
    splits = json.loads(default_splits_file(POOL_GOLD).read_text(encoding="utf-8"))
    ids = sorted(doc["article"] for doc in gold)
    assert len(ids) == 187
    assert set(splits["pool-test"]) | set(splits["pool-train"]) == set(ids)
    assert not set(splits["pool-test"]) & set(splits["pool-train"])
    # The split is the seeded draw it says it is: nobody moved an article after the fact.
    import random

    assert sorted(random.Random(splits["seed"]).sample(ids, 60)) == splits["pool-test"]
    actors = load_actors(default_actors_file(POOL_GOLD))
    used = {f[k] for doc in gold for f in doc["facts"] for k in ("a", "b") if k in f}
    assert used <= set(actors)


def test_unknown_split_is_a_clear_error(tmp_path: Path) -> None:
    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({"pool-test": ["a"]}), encoding="utf-8")
    with pytest.raises(InputError, match="no split named 'dev-test' \\(splits: pool-test\\)"):
        select_split([{"article": "a", "facts": []}], splits, "dev-test")
    with pytest.raises(InputError, match="1 articles without gold"):
        select_split([{"article": "b", "facts": []}], splits, "pool-test")
