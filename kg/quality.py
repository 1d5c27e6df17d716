"""Measuring extraction: scoring against gold annotations, and a recall audit without gold.

Both build or extract whole corpora, so they sit with the engines; :mod:`kg.api` exposes
them to the CLI as ``kg eval`` and ``kg audit``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .atomic import write_text_atomic
from .audit import Auditor, AuditReport
from .build import build as build_graph
from .build import read_articles
from .evaluate import (
    Evaluation,
    default_actors_file,
    default_corpus_dir,
    default_splits_file,
    load_actors,
    load_gold,
    select_split,
)
from .evaluate import evaluate as score
from .extract import Extractor
from .facts import iter_facts
from .model import BuildReport


def evaluate_gold(
    gold_dir: Path,
    corpus: Path | None = None,
    actors: Path | None = None,
    knowledge_dirs: Iterable[Path] = (),
    json_out: Path | None = None,
    split: str | None = None,
    splits: Path | None = None,
) -> tuple[Evaluation, BuildReport]:
    """Build the graph of the gold's articles (one split of them, if named) and score its facts."""
    gold = load_gold(gold_dir)
    if split is not None:
        gold = select_split(gold, splits or default_splits_file(gold_dir), split)
    corpus_dir = corpus or default_corpus_dir(gold_dir)
    files = [corpus_dir / f"{doc['article']}.txt" for doc in gold]
    graph, report = build_graph(files, knowledge_dirs=knowledge_dirs)
    result = score(list(iter_facts(graph)), gold, load_actors(actors or default_actors_file(gold_dir)))
    if json_out is not None:
        write_text_atomic(json_out, json.dumps(result.as_dict(), indent=1))
    return result, report


def audit_corpus(
    paths: Iterable[Path],
    knowledge_dirs: Iterable[Path] = (),
    examples: int = 3,
    json_out: Path | None = None,
) -> tuple[AuditReport, list[str]]:
    """The recall audit of a corpus (:mod:`kg.audit`), and the problems met reading it."""
    problems: list[str] = []
    auditor = Auditor(Extractor(list(knowledge_dirs)), examples_per_phenomenon=examples)
    report = auditor.audit(read_articles(paths, problems))
    if json_out is not None:
        write_text_atomic(json_out, json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    return report, problems
