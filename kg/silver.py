"""Silver labels: unannotated articles labelled by the rule pipeline (``kg silver``).

One JSON file per article in the gold format of ANNOTATION.md, plus what training needs:
the text, entity spans and the sentences that hold a relation.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import TrainingDataError
from .model import CALLED, THANKED, URGED, WARNED, ArticleResult, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .extract import Extractor

from .training_data import evidence_sentences, rule_entities, sentence_mentions


@dataclass
class SilverReport:
    """What :func:`write_silver` wrote."""

    articles: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def fact_record(fact: Fact) -> dict[str, Any]:
    """A fact in the gold format of ANNOTATION.md, actors as knowledge keys."""
    record: dict[str, Any] = {"rel": fact.relation, "a": fact.a.key}
    if fact.relation == CALLED:
        assert fact.b is not None
        initiator = {"a": fact.a.key, "b": fact.b.key}.get(fact.initiator or "")
        record |= {"b": fact.b.key, "initiator": initiator, "date": fact.date.isoformat() if fact.date else None}
    elif fact.relation == URGED:
        record["topic"] = fact.topic
    elif fact.relation == THANKED:
        record["b"] = fact.b.key if fact.b else None
    elif fact.relation == WARNED:
        record["object"] = fact.warned_of
    record["confidence"] = fact.confidence
    return record


def silver_record(extractor: Extractor, text: str, result: ArticleResult, doc: Doc) -> dict[str, Any]:
    """The silver annotation of one article: gold-format facts plus text, entities, sentences."""
    mentions = sentence_mentions(extractor, doc, result.date)
    entities = [
        {"start": s.start_char, "end": s.end_char, "label": s.label_, "text": s.text}
        for s in rule_entities(extractor, doc, mentions)
    ]
    by_sentence: dict[tuple[int, int], set[str]] = {}
    for start, end, relation in evidence_sentences(result.facts):
        by_sentence.setdefault((start, end), set()).add(relation)
    sentences = [{"start": s, "end": e, "relations": sorted(rels)} for (s, e), rels in sorted(by_sentence.items())]
    return {
        "article": result.article.identifier,
        "published": result.date.isoformat() if result.date else None,
        "source": "silver: kg rules",
        "facts": [fact_record(f) for f in result.facts],
        "text": text,
        "entities": entities,
        "sentences": sentences,
    }


def write_silver(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    knowledge_dirs: Sequence[Path] = (),
    default_date: date | None = None,
    extractor: Extractor | None = None,
) -> SilverReport:
    """Label the articles under ``paths`` with the rules; one ``<article>.json`` each in ``out_dir``."""
    from .atomic import write_text_atomic
    from .build import read_articles
    from .extract import Extractor

    if out_dir.exists() and not out_dir.is_dir():
        raise TrainingDataError(f"{out_dir}: exists and is not a folder")
    extractor = extractor or Extractor(knowledge_dirs)
    report = SilverReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    for article in read_articles(paths, report.problems):
        text = extractor.clean_text(article.text)
        doc = extractor.nlp(text)
        result = extractor.extract_doc(article, doc, default_date)
        record = silver_record(extractor, text, result, doc)
        write_text_atomic(out_dir / f"{article.identifier}.json", json.dumps(record, ensure_ascii=False, indent=1))
        report.articles += 1
        report.facts.update(f["rel"] for f in record["facts"])
        report.entities.update(e["label"] for e in record["entities"])
    return report
