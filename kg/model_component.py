"""A trained model inside the rule pipeline: actor proposals and relation-bearing sentences.

``kg train`` (:mod:`kg.train`) writes a spaCy pipeline with ``ner`` (PERSON, STATE, ORG)
and ``textcat_multilabel`` (the five relations, one score per sentence). This module
loads such a folder and runs it as one component of the extractor's pipeline, named
``kg_model`` and placed after ``kg_gazetteer``:

* ``doc.spans["model_actors"]``: the model's entity spans that overlap no gazetteer
  span — names the knowledge does not hold (new people). Titles and honorifics at the
  edges are trimmed (الملك [محمد السادس]); a one-word name is kept only when something
  licenses it, as the rules do with weak names: a title or an actor right before it
  (الرئيس الروسي [بوتين], بلينكن [وماكرون]), or a longer proposal of the same article that
  holds the word — so that a common word the model mistakes for a name (لوحظ, دخول) is dropped;
* ``doc.spans["model_relations"]``: each sentence once per relation whose score reaches
  the threshold, labelled with the relation name (``called``, ``urged`` …); the group's
  ``attrs["scores"]`` holds the scores in the same order.

The rules stay in charge: they decide relations and identities. The extractor turns a
PERSON proposal into an actor it does not know (``known=False``) with lower confidence.

The model runs one sentence at a time, on the tokens of the rule pipeline — it was
trained on sentences tokenised the same way, so its spans map back token for token.
Loading never reaches the network: ``HF_HUB_OFFLINE`` and ``TRANSFORMERS_OFFLINE`` are
set before anything can import ``transformers``.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelError
from .normalize import normalize_phrase

#: Span groups the component writes.
MODEL_ACTORS = "model_actors"
MODEL_RELATIONS = "model_relations"
#: Confidence of a fact that rests on an actor only the model proposed.
MODEL_CONFIDENCE = 0.5
ENTITY_LABELS = ("PERSON", "STATE", "ORG")
#: Trigger labels (kg.nlp) that are titles or honorifics: trimmed off a proposal, and they license a one-word name.
TITLE_TRIGGERS = frozenset({"ROLE", "HONORIFIC", "LEADER", "DUAL_ROLE", "COUNTERPART"})


def force_offline() -> None:
    """Switch the Hugging Face hub off for this process: a model path never becomes a download."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


force_offline()


def model_needs_transformers(model_dir: Path) -> bool:
    """Whether the pipeline in ``model_dir`` has a ``spacy-transformers`` component."""
    config = (model_dir / "config.cfg").read_text(encoding="utf-8")
    return 'factory = "transformer"' in config or "spacy-transformers." in config


def transformers_available() -> bool:
    """Whether the optional ``transformers`` extra (spacy-transformers, torch) is installed."""
    return importlib.util.find_spec("spacy_transformers") is not None


def check_model_dir(model_dir: Path) -> None:
    """Raise a one-line :class:`ModelError` unless ``model_dir`` holds a usable trained pipeline."""
    if not model_dir.exists():
        raise ModelError(f"{model_dir}: no such model folder")
    if not model_dir.is_dir():
        raise ModelError(f"{model_dir}: not a folder (a model is the folder kg train wrote)")
    if not (model_dir / "config.cfg").is_file() or not (model_dir / "meta.json").is_file():
        raise ModelError(f"{model_dir}: not a trained spaCy pipeline (no config.cfg, meta.json): see kg train")
    if model_needs_transformers(model_dir) and not transformers_available():
        raise ModelError(f"{model_dir}: this model needs spacy-transformers and torch: pip install '.[transformers]'")


def load_trained_model(model_dir: Path) -> Language:
    """Load a pipeline written by ``kg train``, offline; it must have an ``ner`` component."""
    import spacy

    force_offline()
    model_dir = Path(model_dir)
    check_model_dir(model_dir)
    try:
        nlp = spacy.load(model_dir)
    except (OSError, ValueError, KeyError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ModelError(f"{model_dir}: cannot load the model ({first})") from None
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"{model_dir}: the model has no ner component (it has {', '.join(nlp.pipe_names) or 'none'})")
    return nlp


def model_info(model_dir: Path) -> dict[str, Any]:
    """What ``kg train`` recorded about a model (``kg_training.json``), or ``{}``."""
    path = Path(model_dir) / "kg_training.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


@Language.factory("kg_model", default_config={"model_dir": "", "threshold": 0.5})
def make_model_component(nlp: Language, name: str, model_dir: str, threshold: float) -> ModelProposer:
    """spaCy factory for :class:`ModelProposer`."""
    return ModelProposer(load_trained_model(Path(model_dir)), threshold)


class ModelProposer:
    """Runs a trained pipeline sentence by sentence and records its proposals as span groups."""

    def __init__(self, model: Language, threshold: float = 0.5) -> None:
        self.model = model
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        known: set[int] = set()
        for span in doc.spans.get("actors", []):
            known.update(range(span.start, span.end))
        titles: set[int] = set()
        for span in doc.spans.get("triggers", []):
            if span.label_ in TITLE_TRIGGERS:
                titles.update(range(span.start, span.end))
        sentences = [s for s in (doc.sents if doc.has_annotation("SENT_START") else [doc[:]]) if len(s)]
        inputs = (
            Doc(self.model.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s]) for s in sentences
        )
        actors: list[Span] = []
        relations: list[Span] = []
        scores: list[float] = []
        for sentence, predicted in zip(sentences, self.model.pipe(inputs), strict=True):
            for ent in predicted.ents:
                start, end = sentence.start + ent.start, sentence.start + ent.end
                while start < end and (start in titles or _edge_word(doc[start])):
                    start += 1
                while end > start and (end - 1 in titles or _edge_word(doc[end - 1])):
                    end -= 1
                if start < end and known.isdisjoint(range(start, end)):
                    actors.append(Span(doc, start, end, label=ent.label_))
            for relation, score in sorted(predicted.cats.items()):
                if score >= self.threshold:
                    relations.append(Span(doc, sentence.start, sentence.end, label=relation))
                    scores.append(round(float(score), 4))
        doc.spans[MODEL_ACTORS] = _licensed(doc, actors, known | titles)
        doc.spans[MODEL_RELATIONS] = relations
        doc.spans[MODEL_RELATIONS].attrs["scores"] = scores
        return doc


def _edge_word(token: Any) -> bool:
    return bool(token.is_punct or token.is_space or token.is_stop or token.like_num)


def _licensed(doc: Doc, proposals: list[Span], anchors: set[int]) -> list[Span]:
    """Proposals of two words or more, and one-word ones a title, an actor or a longer proposal licenses."""
    long_words = {_bare(w) for s in proposals if len(s) > 1 for w in normalize_phrase(s.text).split()}
    kept: list[Span] = []
    for span in proposals:
        if len(span) > 1:
            kept.append(span)
            continue
        before = span.start - 1
        while before >= 0 and doc[before].text in {"،", ",", "(", "-"}:
            before -= 1
        if (before >= 0 and before in anchors) or _bare(normalize_phrase(span.text)) in long_words:
            kept.append(span)
    return kept


def _bare(word: str) -> str:
    """A word without a leading conjunction و (وماكرون → ماكرون), when enough is left to be a name."""
    return word[1:] if word.startswith("و") and len(word) >= 5 else word


def model_person_name(span: Span) -> str:
    """The name a PERSON proposal stands for, without a conjunction glued to it (``وماكرون`` → ``ماكرون``).

    The conjunction is dropped only when the article also has the name without it.
    """
    words = span.text.split()
    if words and words[0].startswith("و") and len(words[0]) >= 5:
        bare = normalize_phrase(words[0][1:])
        if any(normalize_phrase(t.text) == bare for t in span.doc):
            words[0] = words[0][1:]
    return " ".join(words)


def add_model_component(nlp: Language, model_dir: Path, threshold: float = 0.5) -> None:
    """Add ``kg_model`` (the trained model in ``model_dir``) to the rule pipeline ``nlp``."""
    check_model_dir(Path(model_dir))
    after = "kg_gazetteer" if "kg_gazetteer" in nlp.pipe_names else None
    config = {"model_dir": str(Path(model_dir).resolve()), "threshold": threshold}
    if after is None:
        nlp.add_pipe("kg_model", config=config)
    else:
        nlp.add_pipe("kg_model", config=config, after=after)


def propose_entities(doc: Doc, label: str | None = None) -> list[Span]:
    """The model's actor proposals of a doc (optionally one label: PERSON, STATE, ORG)."""
    if MODEL_ACTORS not in doc.spans:
        return []
    return [s for s in doc.spans[MODEL_ACTORS] if label is None or s.label_ == label]


def relation_sentences(doc: Doc) -> list[tuple[Span, float]]:
    """Sentences the model says hold a relation, labelled by relation, with the score."""
    if MODEL_RELATIONS not in doc.spans:
        return []
    group = doc.spans[MODEL_RELATIONS]
    scores = list(group.attrs.get("scores", [])) or [1.0] * len(group)
    return list(zip(group, scores, strict=False))
