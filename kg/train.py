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
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .errors import ModelError, TrainingDataError
from .model_component import force_offline, transformers_available

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

from .silver import SilverReport, write_silver
from .training_data import (
    CorpusStats,
    build_corpus,
    load_annotations,
    rule_entities,
    sentence_mentions,
    split_articles,
)

__all__ = [
    "SilverReport",
    "TrainReport",
    "build_corpus",
    "check_transformer_dir",
    "load_annotations",
    "rule_entities",
    "sentence_mentions",
    "train_model",
    "write_silver",
]

force_offline()

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
CNN_CONFIG = CONFIG_DIR / "cnn.cfg"
TRANSFORMER_CONFIG = CONFIG_DIR / "transformer.cfg"


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
    try:
        # The model is staged beside its folder, so the folders above it must exist (models/ in models/cnn).
        out_dir.resolve().parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TrainingDataError(f"{out_dir}: cannot create its parent folder ({error.strerror})") from None


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
    from .extract import Extractor

    force_offline()
    _prepare_output(out_dir)
    local_model = check_transformer_dir(transformer) if transformer is not None else None
    if epochs < 1:
        raise TrainingDataError("--epochs must be at least 1")
    items = load_annotations(gold_dirs, corpus_dirs)
    actors = _gold_actors(gold_dirs, actors_file)
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
        info = {"trained_on": [str(d) for d in gold_dirs], "config": config_path.name, "epochs": epochs}
        info |= {"transformer": str(local_model) if local_model else None, "max_steps": max_steps}
        info |= {"train_docs": len(train_docs), "dev_docs": len(dev_docs), "corpus": stats.as_dict(), "scores": scores}
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


def _gold_actors(gold_dirs: Sequence[Path], actors_file: Path | None) -> dict[str, Any] | None:
    """The gold actor registry: the file given, else ``actors.json`` beside the first gold folder."""
    from .evaluate import default_actors_file, load_actors

    if actors_file is not None:
        return load_actors(actors_file)
    found = [f for f in (default_actors_file(d) for d in gold_dirs) if f.is_file()]
    return load_actors(found[0]) if found else None


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
