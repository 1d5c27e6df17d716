"""A trainable extractor beside the rules: training data, silver labels, spaCy training.

Three steps, each a function the CLI wraps (``kg silver``, ``kg train``):

1. :func:`write_silver` labels unannotated articles with the rule pipeline and writes one
   JSON file per article in the gold format of ANNOTATION.md, plus what training needs:
   the text the labels refer to, entity spans (``entities``) and the sentences that hold
   a relation (``sentences``).
2. :func:`build_corpus` turns a folder of such files — gold, silver or both — into
   spaCy ``DocBin``\\ s: one doc per sentence, tokenised by the rule pipeline, with
   ``doc.ents`` (PERSON, STATE, ORG) and ``doc.cats`` (one score per relation).
3. :func:`train_model` runs spaCy's own training loop on a config kept in
   ``kg/configs/`` (``cnn.cfg`` by default, ``transformer.cfg`` with a local Hugging
   Face model) and writes the best pipeline to the output folder.

Where each label comes from, for a file that lacks it (see docs/training.md):

* entity spans: the rule pipeline — gazetteer names (``doc.ents`` and unambiguous-kind
  names), weak names the article licenses, and unknown people the rules find after a title;
* sentence labels: gold facts matched to sentences — a sentence holds relation R when it
  has a trigger of R (for ``urged`` a phrase of the gold topic) and mentions every gold
  actor of an R fact (the rules' mentions and facts, mapped to gold ids through
  ``actors.json``); without ``actors.json`` the rules' own facts label their evidence.

Nothing here imports ``transformers`` or ``torch`` at module level; the hub is switched
off (``HF_HUB_OFFLINE=1``, ``TRANSFORMERS_OFFLINE=1``) before anything can.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .errors import InputError, ModelError, TrainingDataError
from .model import CALLED, OFFERED_MEDIATION, RELATIONS, THANKED, URGED, WARNED, Actor, ArticleResult, Fact
from .model_component import force_offline, transformers_available

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .evaluate import ActorMatcher
    from .extract import Extractor
    from .rules.records import Mention

force_offline()

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
CNN_CONFIG = CONFIG_DIR / "cnn.cfg"
TRANSFORMER_CONFIG = CONFIG_DIR / "transformer.cfg"
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
    """The rules' actor mentions of each sentence of ``doc`` (the extractor's mention pass)."""
    from .rules.mentions import article_mentions

    return article_mentions(extractor.rules, doc, day)


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


def _evidence_sentences(facts: Iterable[Fact]) -> list[tuple[int, int, str]]:
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
    from spacy.tokens import Doc, Span
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
        for start, end, relation in _evidence_sentences(result.facts):
            for index, sent in enumerate(sentences):
                if _overlaps((start, end), (sent.start_char, sent.end_char)):
                    labels[index].add(relation)
        stats.label_sources["sentences: rules"] += 1
    docs: list[Doc] = []
    for sent, relations in zip(sentences, labels, strict=True):
        if not sent.text.strip():
            continue
        words = [t.text for t in sent]
        out = Doc(extractor.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
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
        docs.append(out)
    stats.articles += 1
    return docs


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
def check_transformer_dir(path: Path) -> Path:
    """A local Hugging Face model folder, checked; the hub is never asked."""
    force_offline()
    if not transformers_available():
        raise ModelError("--transformer needs spacy-transformers and torch: pip install '.[transformers]'")
    if not path.exists():
        raise ModelError(f"{path}: no such folder (--transformer takes a local Hugging Face model folder)")
    if not path.is_dir():
        raise ModelError(f"{path}: not a folder (--transformer takes a local Hugging Face model folder)")
    if not (path / "config.json").is_file():
        raise ModelError(f"{path}: not a Hugging Face model folder (no config.json)")
    return path.resolve()


@dataclass
class TrainReport:
    """What :func:`train_model` did."""

    model_dir: Path
    config: str
    train_docs: int
    dev_docs: int
    stats: CorpusStats
    scores: dict[str, Any]
    transformer: str | None = None


def _prepare_output(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise TrainingDataError(f"{out_dir}: exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / "meta.json").is_file():
        raise TrainingDataError(f"{out_dir}: exists, is not empty and holds no model; choose another --out")


def train_model(
    gold_dirs: Sequence[Path],
    out_dir: Path,
    *,
    transformer: Path | None = None,
    epochs: int = 10,
    max_steps: int | None = None,
    corpus_dirs: Sequence[Path] = (),
    actors_file: Path | None = None,
    knowledge_dirs: Sequence[Path] = (),
    dev_share: float = 0.1,
    seed: int = 0,
    config: Path | None = None,
    log: TextIO | None = None,
) -> TrainReport:
    """Train ``ner`` + ``textcat_multilabel`` on annotated articles; write the pipeline to ``out_dir``.

    ``transformer`` names a local Hugging Face model folder and selects
    ``transformer.cfg``; otherwise ``cnn.cfg`` (or ``config``) is used.
    """
    from .evaluate import default_actors_file, load_actors
    from .extract import Extractor

    force_offline()
    _prepare_output(out_dir)
    local_model = check_transformer_dir(transformer) if transformer is not None else None
    if epochs < 1:
        raise TrainingDataError("--epochs must be at least 1")
    items = load_annotations(gold_dirs, corpus_dirs)
    actors: dict[str, Any] | None = None
    if actors_file is not None:
        actors = load_actors(actors_file)
    else:
        found = [f for f in (default_actors_file(d) for d in gold_dirs) if f.is_file()]
        actors = load_actors(found[0]) if found else None
    extractor = Extractor(knowledge_dirs)
    per_article, stats = build_corpus(items, extractor, actors)
    train_docs, dev_docs = split_articles(per_article, dev_share, seed)
    if not train_docs:
        raise TrainingDataError("the annotations hold no sentences to train on")
    config_path = config or (TRANSFORMER_CONFIG if local_model is not None else CNN_CONFIG)
    stream = log if log is not None else sys.stderr
    with tempfile.TemporaryDirectory(prefix=".kg-train-", dir=out_dir.resolve().parent) as work:
        workdir = Path(work)
        scores = _run_training(config_path, workdir, train_docs, dev_docs, local_model, epochs, max_steps, seed, stream)
        staged = workdir / "final"
        _finish_model(workdir, staged, local_model)
        info = {
            "trained_on": [str(d) for d in gold_dirs],
            "config": config_path.name,
            "transformer": str(local_model) if local_model else None,
            "epochs": epochs,
            "max_steps": max_steps,
            "train_docs": len(train_docs),
            "dev_docs": len(dev_docs),
            "corpus": stats.as_dict(),
            "scores": scores,
        }
        (staged / "kg_training.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.move(str(staged), str(out_dir))
    return TrainReport(
        model_dir=out_dir,
        config=config_path.name,
        train_docs=len(train_docs),
        dev_docs=len(dev_docs),
        stats=stats,
        scores=scores,
        transformer=str(local_model) if local_model else None,
    )


def _steps_per_epoch(docs: Sequence[Doc], words_per_batch: int) -> int:
    return max(1, sum(len(d) for d in docs) // words_per_batch)


def _run_training(
    config_path: Path,
    workdir: Path,
    train_docs: list[Doc],
    dev_docs: list[Doc],
    local_model: Path | None,
    epochs: int,
    max_steps: int | None,
    seed: int,
    log: TextIO,
) -> dict[str, Any]:
    """spaCy's training loop on the config, with the data and the run's limits as overrides."""
    from spacy import util
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from thinc.api import fix_random_seed

    train_path, dev_path = workdir / "train.spacy", workdir / "dev.spacy"
    DocBin(docs=train_docs, store_user_data=False).to_disk(train_path)
    DocBin(docs=dev_docs, store_user_data=False).to_disk(dev_path)
    per_epoch = _steps_per_epoch(train_docs, 400 if local_model is None else 1200)
    total = max_steps if max_steps else per_epoch * epochs
    overrides: dict[str, Any] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "system.seed": seed,
        "training.max_epochs": epochs,
        "training.max_steps": max_steps or 0,
        "training.eval_frequency": max(1, min(200, per_epoch, total)),
    }
    if local_model is not None:
        overrides["paths.transformer"] = str(local_model)
        overrides["training.optimizer.learn_rate.total_steps"] = max(total, 2)
        overrides["training.optimizer.learn_rate.warmup_steps"] = max(1, min(100, total // 10))
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    fix_random_seed(seed)
    try:
        nlp = init_nlp(config, use_gpu=-1)
    except OSError as error:
        # transformers reports a folder it cannot use as OSError; with the hub off it never downloads.
        if local_model is None:
            raise
        raise ModelError(f"{local_model}: cannot load the transformer model ({_first_line(error)})") from None
    (workdir / "out").mkdir()
    train_loop(nlp, workdir / "out", use_gpu=-1, stdout=log, stderr=log)
    best = workdir / "out" / "model-best"
    meta = json.loads(((best if best.is_dir() else workdir / "out" / "model-last") / "meta.json").read_text())
    performance = meta.get("performance", {})
    return {k: v for k, v in performance.items() if isinstance(v, int | float)}


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _finish_model(workdir: Path, staged: Path, local_model: Path | None) -> None:
    """The best pipeline, with the rule pipeline's tokenizer rules, named and described."""
    import spacy

    from .nlp import customize_tokenizer

    best = workdir / "out" / "model-best"
    source = best if best.is_dir() else workdir / "out" / "model-last"
    nlp: Language = spacy.load(source)
    customize_tokenizer(nlp)
    nlp.meta["name"] = "kg_actors_" + ("trf" if local_model is not None else "cnn")
    nlp.meta["description"] = (
        "Actor mentions (PERSON, STATE, ORG) and relation-bearing sentences for the Arabic diplomacy "
        "knowledge graph; trained by kg train. Use with kg build --model."
    )
    nlp.to_disk(staged)


# -- silver labels -------------------------------------------------------------------------------
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
    for start, end, relation in _evidence_sentences(result.facts):
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
