"""Training data for the statistical model: annotated articles, rule mentions, sentence labels, DocBins.

:func:`build_corpus` turns a folder of gold or silver files (ANNOTATION.md format, with the
text) into spaCy docs with ``doc.ents`` and ``doc.cats``; :mod:`kg.train` trains on them.
Where each label comes from is in :mod:`kg.train`'s docstring and docs/training.md.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, TrainingDataError
from .model import CALLED, OFFERED_MEDIATION, RELATIONS, THANKED, URGED, WARNED, Actor, ArticleResult, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .evaluate import ActorMatcher
    from .extract import Extractor
    from .rules.records import Mention

ENTITY_LABELS = ("PERSON", "STATE", "ORG")

#: Trigger span labels (kg.nlp) that can carry each relation; ``urged`` uses TOPIC_<topic>.
TRIGGER_FAMILIES: dict[str, frozenset[str]] = {
    CALLED: frozenset(
        {"CALL_NOUN", "CALL_ADV", "CALL_VERB_SUBJ", "CALL_VERB_OBJ", "CALL_VERB_RECIP", "CALL_VERB", "CALL_WEAK"}
    ),
    OFFERED_MEDIATION: frozenset({"MEDIATION", "MEDIATION_STANCE"}),
    THANKED: frozenset({"THANKS"}),
    WARNED: frozenset({"WARNING", "WARNING_NOUN"}),
}


# -- annotated articles -------------------------------------------------------------------
@dataclass
class Annotated:
    """One annotated article as training reads it.

    ``entities`` are ``(start_char, end_char, label)`` in ``text``; ``sentences`` are
    ``(start_char, end_char, relations)``. ``None`` means the file does not give them and
    the rule pipeline supplies them.
    """

    identifier: str
    text: str
    facts: list[dict[str, Any]]
    published: str | None = None
    entities: list[tuple[int, int, str]] | None = None
    sentences: list[tuple[int, int, list[str]]] | None = None
    source: Path | None = None


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"not a JSON annotation file ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise InputError(path, 'not an annotation: expected an object with "article" (see ANNOTATION.md)')
    if not isinstance(data.get("facts", []), list):
        raise InputError(path, '"facts" must be a list')
    return data


def _article_text(identifier: str, gold_dir: Path, corpus_dirs: Sequence[Path]) -> str:
    from .evaluate import default_corpus_dir
    from .read import read_article

    candidates = [*(d / f"{identifier}.txt" for d in corpus_dirs), gold_dir / f"{identifier}.txt"]
    candidates.append(default_corpus_dir(gold_dir) / f"{identifier}.txt")
    for path in candidates:
        if path.is_file():
            text: str = read_article(path).text
            return text
    raise InputError(gold_dir / f"{identifier}.json", "no article text: give --corpus (the folder of its .txt)")


def _entities(path: Path, value: Any, text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if not isinstance(value, list):
        raise InputError(path, '"entities" must be a list of {"start", "end", "label"}')
    for item in value:
        try:
            start, end, label = int(item["start"]), int(item["end"]), str(item["label"])
        except (KeyError, TypeError, ValueError):
            raise InputError(path, f"malformed entity {item!r}: needs start, end, label") from None
        if label not in ENTITY_LABELS:
            raise InputError(path, f"entity label {label!r} is not one of {', '.join(ENTITY_LABELS)}")
        if not 0 <= start < end <= len(text):
            raise InputError(path, f"entity {start}-{end} lies outside the text ({len(text)} characters)")
        out.append((start, end, label))
    return out


def _sentences(path: Path, value: Any) -> list[tuple[int, int, list[str]]]:
    out: list[tuple[int, int, list[str]]] = []
    if not isinstance(value, list):
        raise InputError(path, '"sentences" must be a list of {"start", "end", "relations"}')
    for item in value:
        try:
            start, end, relations = int(item["start"]), int(item["end"]), list(item["relations"])
        except (KeyError, TypeError, ValueError):
            raise InputError(path, f"malformed sentence {item!r}: needs start, end, relations") from None
        unknown = [r for r in relations if r not in RELATIONS]
        if unknown:
            raise InputError(path, f"unknown relation {unknown[0]!r} (one of {', '.join(RELATIONS)})")
        out.append((start, end, relations))
    return out


def load_annotations(gold_dirs: Iterable[Path], corpus_dirs: Sequence[Path] = ()) -> list[Annotated]:
    """All annotated articles of the folders (``<article>.json``), with their texts.

    A file's ``text`` is used when present (silver files carry it); otherwise the
    article is read from ``corpus_dirs``, the gold folder itself, or ``corpus/<name>``
    beside ``eval/gold/<name>``.
    """
    found: list[Annotated] = []
    for gold_dir in gold_dirs:
        if not gold_dir.is_dir():
            raise TrainingDataError(f"{gold_dir}: not a folder of annotated articles")
        files = sorted(gold_dir.glob("*.json"))
        if not files:
            raise TrainingDataError(f"{gold_dir}: no annotated articles (<article>.json files, see docs/training.md)")
        for path in files:
            data = _read_json(path)
            identifier = data["article"]
            given = data.get("text")
            if isinstance(given, str) and given.strip():
                text = given
            else:
                text = _article_text(identifier, gold_dir, corpus_dirs)
            found.append(
                Annotated(
                    identifier=identifier,
                    text=text,
                    facts=[f for f in data.get("facts", []) if isinstance(f, dict)],
                    published=data.get("published") if isinstance(data.get("published"), str) else None,
                    entities=_entities(path, data["entities"], text) if "entities" in data else None,
                    sentences=_sentences(path, data["sentences"]) if "sentences" in data else None,
                    source=path,
                )
            )
    return found


# -- what the rules see ---------------------------------------------------------------------
def sentence_mentions(extractor: Extractor, doc: Doc, day: date | None) -> list[list[Mention]]:
    """The rules' actor mentions of each sentence of ``doc``: those its extraction read, else found anew."""
    from .rules.mentions import MENTIONS_KEY, article_mentions

    stored: list[list[Mention]] | None = doc.user_data.get(MENTIONS_KEY)
    return stored if stored is not None else article_mentions(extractor.rules, doc, day)


def rule_entities(extractor: Extractor, doc: Doc, mentions: list[list[Mention]]) -> list[Span]:
    """Entity spans the rules vouch for: gazetteer names, licensed weak names, unknown people.

    A title is not an entity; the name after it is (``الرئيس الفرنسي [إيمانويل ماكرون]``).
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from .knowledge import ORGANIZATION, PERSON, STATE

    labels = {PERSON: "PERSON", STATE: "STATE", ORGANIZATION: "ORG"}
    spans: list[Span] = list(doc.ents)
    for span in doc.spans.get("actors", []):
        if span.label_ != "NAME":
            continue
        keys = extractor.knowledge.names.get(" ".join(t.norm_ for t in span), set())
        kinds = {extractor.knowledge[k].kind for k in keys if k in extractor.knowledge.actors}
        if len(kinds) == 1:
            spans.append(Span(doc, span.start, span.end, label=labels[next(iter(kinds))]))
    for sentence in mentions:
        for mention in sentence:
            if len(mention.actors) != 1:
                continue
            actor = mention.actors[0]
            if mention.kind in {"name", "state", "org"}:
                spans.append(Span(doc, mention.start, mention.end, label=labels[actor.kind]))
            elif mention.kind == "unknown":
                width = len(actor.label_ar.split())
                spans.append(Span(doc, max(mention.start, mention.end - width), mention.end, label="PERSON"))
    return filter_spans(spans)


def evidence_sentences(facts: Iterable[Fact]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for fact in facts:
        for evidence in (fact.evidence, *fact.extra_evidence):
            out.append((evidence.start_char, evidence.end_char, fact.relation))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character ranges share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def _trigger_labels(doc: Doc, sentence: Span) -> set[str]:
    if "triggers" not in doc.spans:
        return set()
    return {s.label_ for s in doc.spans["triggers"] if sentence.start <= s.start < sentence.end}


def _gold_actor(matcher: ActorMatcher, actor: Actor) -> str:
    key: str = matcher.resolve({"en": actor.label_en, "ar": actor.label_ar, "wikidata": actor.wikidata})
    return key


def gold_sentence_labels(
    doc: Doc,
    facts: list[dict[str, Any]],
    mentions: list[list[Mention]],
    result: ArticleResult,
    matcher: ActorMatcher,
) -> list[set[str]]:
    """Relations each sentence holds by the gold facts (see the module docstring)."""
    sentences = list(doc.sents)
    mentioned: list[set[str]] = [{_gold_actor(matcher, a) for m in sentence for a in m.actors} for sentence in mentions]
    for fact in result.facts:
        for evidence in (fact.evidence, *fact.extra_evidence):
            if 0 <= evidence.index < len(sentences):
                mentioned[evidence.index].add(_gold_actor(matcher, fact.a))
                if fact.b is not None:
                    mentioned[evidence.index].add(_gold_actor(matcher, fact.b))
    labels: list[set[str]] = [set() for _ in sentences]
    for index, sentence in enumerate(sentences):
        triggers = _trigger_labels(doc, sentence)
        for gold in facts:
            relation = str(gold.get("rel"))
            agent = gold.get("a")
            if relation not in RELATIONS or not isinstance(agent, str):
                continue
            if relation == URGED:
                family = frozenset({f"TOPIC_{gold['topic']}"} if gold.get("topic") else set())
                family = family or frozenset(t for t in triggers if t.startswith("TOPIC_"))
            else:
                family = TRIGGER_FAMILIES[relation]
            needed = {agent}
            other = gold.get("b")
            if relation in {CALLED, THANKED} and isinstance(other, str):
                needed.add(other)
            if triggers & family and needed <= mentioned[index]:
                labels[index].add(relation)
    return labels


# -- docs for training ------------------------------------------------------------------------
@dataclass
class CorpusStats:
    """What :func:`build_corpus` produced."""

    articles: int = 0
    sentences: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    label_sources: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able figures."""
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "entities": dict(self.entities),
            "relations": dict(self.relations),
            "label_sources": dict(self.label_sources),
        }


def article_docs(
    item: Annotated,
    extractor: Extractor,
    matcher: ActorMatcher | None = None,
    stats: CorpusStats | None = None,
) -> list[Doc]:
    """One training doc per sentence of an annotated article: tokens, ``ents``, ``cats``."""
    from spacy.util import filter_spans

    from .read import Article

    stats = stats if stats is not None else CorpusStats()
    text = item.text if item.entities is not None else extractor.clean_text(item.text)
    article = Article(identifier=item.identifier, text=text, published=_iso_date(item.published))
    doc = extractor.nlp(text)
    result = extractor.extract_doc(article, doc)
    mentions = sentence_mentions(extractor, doc, result.date)
    sentences = list(doc.sents)
    if item.entities is not None:
        entities = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in item.entities]
        spans = filter_spans([s for s in entities if s is not None])
        stats.label_sources["entities: file"] += 1
    else:
        spans = rule_entities(extractor, doc, mentions)
        stats.label_sources["entities: rules"] += 1
    if item.sentences is not None:
        labels = [
            {r for s, e, rels in item.sentences if _overlaps((s, e), (sent.start_char, sent.end_char)) for r in rels}
            for sent in sentences
        ]
        stats.label_sources["sentences: file"] += 1
    elif matcher is not None and item.facts:
        labels = gold_sentence_labels(doc, item.facts, mentions, result, matcher)
        stats.label_sources["sentences: gold facts"] += 1
    else:
        labels = [set() for _ in sentences]
        for start, end, relation in evidence_sentences(result.facts):
            for index, sent in enumerate(sentences):
                if _overlaps((start, end), (sent.start_char, sent.end_char)):
                    labels[index].add(relation)
        stats.label_sources["sentences: rules"] += 1
    docs = [
        _sentence_doc(extractor, sent, spans, relations, stats)
        for sent, relations in zip(sentences, labels, strict=True)
        if sent.text.strip()
    ]
    stats.articles += 1
    return docs


def _sentence_doc(extractor: Extractor, sent: Span, spans: list[Span], relations: set[str], stats: CorpusStats) -> Doc:
    """One training doc: the sentence's tokens, its entity spans and one score per relation."""
    from spacy.tokens import Doc, Span

    out = Doc(extractor.nlp.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
    ents = [
        Span(out, s.start - sent.start, s.end - sent.start, label=s.label_)
        for s in spans
        if sent.start <= s.start and s.end <= sent.end
    ]
    out.ents = ents
    out.cats = {r: float(r in relations) for r in RELATIONS}
    stats.entities.update(e.label_ for e in ents)
    stats.relations.update(relations)
    stats.sentences += 1
    return out


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def build_corpus(
    items: Sequence[Annotated],
    extractor: Extractor,
    actors: dict[str, Any] | None = None,
) -> tuple[list[list[Doc]], CorpusStats]:
    """Training docs of each article (a list per article), and what they hold."""
    from .evaluate import ActorMatcher

    matcher = ActorMatcher(actors) if actors else None
    stats = CorpusStats()
    return [article_docs(item, extractor, matcher, stats) for item in items], stats


def split_articles(per_article: list[list[Doc]], dev_share: float, seed: int) -> tuple[list[Doc], list[Doc]]:
    """Train and dev docs, split by article; with fewer than five articles dev = train."""
    order = list(range(len(per_article)))
    if len(order) < 5 or dev_share <= 0:
        everything = [d for docs in per_article for d in docs]
        return everything, everything
    random.Random(seed).shuffle(order)
    cut = max(1, math.ceil(len(order) * dev_share))
    dev = [d for i in order[:cut] for d in per_article[i]]
    train = [d for i in order[cut:] for d in per_article[i]]
    return train, dev


# -- training -----------------------------------------------------------------------------------
