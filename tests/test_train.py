"""kg silver and kg train (CNN config): training data, a few training steps, loading back, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
import typer
from conftest import SHARED
from typer.testing import CliRunner

from kg.cli.train import register
from kg.errors import InputError, ModelError, TrainingDataError
from kg.extract import Extractor
from kg.model_component import (
    MODEL_ACTORS,
    MODEL_RELATIONS,
    ModelProposer,
    add_model_component,
    load_trained_model,
    propose_entities,
    relation_sentences,
)
from kg.resources import sample_corpus_dir
from kg.train import (
    build_corpus,
    check_transformer_dir,
    load_annotations,
    train_model,
    write_silver,
)

runner = CliRunner()
SAMPLES = sample_corpus_dir()
FIRST, SECOND = "000_91f1fde46ed3b18c", "001_f41087f1e00f8167"


def cli() -> typer.Typer:
    """A Typer app with just the training commands (kg.cli registers them the same way)."""
    app = typer.Typer(pretty_exceptions_enable=False)
    register(app)
    return app


@pytest.fixture(scope="module")
def silver_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("silver")
    files = [SAMPLES / f"{FIRST}.txt", SAMPLES / f"{SECOND}.txt"]
    result = runner.invoke(cli(), ["silver", *map(str, files), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def cnn_model(silver_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The folder above --out is missing (models/ of docs/training.md's models/cnn): kg train creates it.
    out = tmp_path_factory.mktemp("trained") / "models" / "cnn"
    result = runner.invoke(cli(), ["train", str(silver_dir), "--out", str(out), "--max-steps", "4", "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_silver_files_follow_the_gold_format_with_text_entities_and_sentences(silver_dir: Path) -> None:
    data: dict[str, Any] = json.loads((silver_dir / f"{FIRST}.json").read_text(encoding="utf-8"))
    assert data["article"] == FIRST
    pair = {"person/vladimir-putin", "person/ebrahim-raisi"}
    assert any(f["rel"] == "called" and {f["a"], f["b"]} == pair for f in data["facts"])
    text = data["text"]
    assert data["entities"], "the rules label gazetteer names"
    for entity in data["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
        assert entity["label"] in {"PERSON", "STATE", "ORG"}
    assert any(e["text"] == "فلاديمير بوتين" and e["label"] == "PERSON" for e in data["entities"])
    assert any("called" in s["relations"] for s in data["sentences"])
    for sentence in data["sentences"]:
        assert text[sentence["start"] : sentence["end"]].strip()


def test_trained_cnn_loads_back_and_runs_inside_the_rule_pipeline(cnn_model: Path) -> None:
    assert {"config.cfg", "meta.json", "ner", "textcat_multilabel", "kg_training.json"} <= {
        p.name for p in cnn_model.iterdir()
    }
    info = json.loads((cnn_model / "kg_training.json").read_text(encoding="utf-8"))
    assert info["config"] == "cnn.cfg" and info["corpus"]["articles"] == 2
    model = load_trained_model(cnn_model)
    assert set(model.get_pipe("ner").labels) == {"PERSON", "STATE", "ORG"}  # type: ignore[attr-defined]
    assert "called" in model.get_pipe("textcat_multilabel").labels  # type: ignore[attr-defined]
    extractor = Extractor()
    add_model_component(extractor.nlp, cnn_model)
    assert extractor.nlp.pipe_names[-1] == "kg_model"
    doc = extractor.nlp("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره الإيراني.\nودعا إلى ضبط النفس.\n")
    assert MODEL_ACTORS in doc.spans and MODEL_RELATIONS in doc.spans
    known = {i for s in doc.spans["actors"] for i in range(s.start, s.end)}
    assert all(known.isdisjoint(range(s.start, s.end)) for s in propose_entities(doc))
    assert all(0.0 <= score <= 1.0 for _, score in relation_sentences(doc))


def test_proposer_maps_model_entities_back_to_rule_tokens(cnn_model: Path) -> None:
    """Spans come back on the rule doc's tokens; gazetteer names are never proposed again."""
    model = load_trained_model(cnn_model)
    extractor = Extractor()
    doc = extractor.nlp("قال جون سميث إن فلاديمير بوتين تحدث.\n")

    class Fixed:
        vocab = model.vocab

        def pipe(self, docs: Any) -> Any:
            from spacy.tokens import Span

            for d in docs:  # the sentence, then the line break
                if len(d) > 6:
                    d.ents = [Span(d, 1, 3, label="PERSON"), Span(d, 4, 6, label="PERSON")]
                    d.cats = {"called": 0.9, "urged": 0.1}
                yield d

    ModelProposer(Fixed(), threshold=0.5)(doc)  # type: ignore[arg-type]
    assert [(s.text, s.label_) for s in doc.spans[MODEL_ACTORS]] == [("جون سميث", "PERSON")]
    assert [(s.label_, score) for s, score in relation_sentences(doc)] == [("called", 0.9)]


def test_gold_files_without_text_take_the_article_and_label_sentences_by_gold_facts(tmp_path: Path) -> None:
    gold = tmp_path / "eval" / "gold" / "mine"
    gold.mkdir(parents=True)
    (gold / f"{FIRST}.json").write_text(
        json.dumps({"article": FIRST, "facts": [{"rel": "called", "a": "putin", "b": "raisi", "initiator": None}]}),
        encoding="utf-8",
    )
    actors = {
        "putin": {"en": "Vladimir Putin", "ar": ["فلاديمير بوتين", "بوتين"], "type": "Person", "wikidata": "Q7747"},
        "raisi": {"en": "Ebrahim Raisi", "ar": ["إبراهيم رئيسي", "رئيسي"], "type": "Person"},
    }
    items = load_annotations([gold], [SAMPLES])
    assert items[0].text.startswith((SAMPLES / f"{FIRST}.txt").read_text(encoding="utf-8")[:20])
    per_article, stats = build_corpus(items, Extractor(), actors)
    assert stats.label_sources["sentences: gold facts"] == 1
    assert stats.relations["called"] >= 1 and set(stats.relations) == {"called"}
    docs = per_article[0]
    assert any(d.cats["called"] == 1.0 for d in docs) and any(d.ents for d in docs)


def test_annotation_entities_are_used_as_given(tmp_path: Path) -> None:
    text = "قال جون سميث إن الاتصال كان مثمرا.\n"
    (tmp_path / "a.json").write_text(
        json.dumps(
            {"article": "a", "facts": [], "text": text, "entities": [{"start": 4, "end": 12, "label": "PERSON"}]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    per_article, stats = build_corpus(load_annotations([tmp_path]), Extractor())
    assert [(e.text, e.label_) for d in per_article[0] for e in d.ents] == [("جون سميث", "PERSON")]
    assert stats.label_sources["entities: file"] == 1


@pytest.mark.skipif(not (SHARED / "eval" / "gold" / "seeds").is_dir(), reason="needs ../shared (the team's gold)")
def test_shared_seed_gold_becomes_sentence_labels() -> None:
    gold = SHARED / "eval" / "gold" / "seeds"
    actors = json.loads((SHARED / "eval" / "actors.json").read_text(encoding="utf-8"))
    _, stats = build_corpus(load_annotations([gold]), Extractor(), actors)
    assert stats.articles == len(list(gold.glob("*.json")))
    assert stats.relations["called"] >= 5 and stats.relations["urged"] >= 5
    assert stats.entities["PERSON"] > 20


def test_errors_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(TrainingDataError, match="no annotated articles"):
        load_annotations([empty])
    result = runner.invoke(cli(), ["train", str(empty), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1 and "no annotated articles" in result.output
    assert len(result.output.strip().splitlines()) == 1
    with pytest.raises(ModelError, match="no such model folder"):
        load_trained_model(tmp_path / "missing")
    with pytest.raises(ModelError, match="not a trained spaCy pipeline"):
        load_trained_model(empty)
    with pytest.raises(ModelError, match=r"no such folder|spacy-transformers"):
        check_transformer_dir(tmp_path / "no-bert")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(TrainingDataError, match="holds no model"):
        train_model([empty], tmp_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.json").write_text('{"facts": []}', encoding="utf-8")
    with pytest.raises(InputError, match="expected an object with"):
        load_annotations([bad])


def test_silver_reports_unreadable_files_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    report = write_silver([SAMPLES / f"{FIRST}.txt", tmp_path / "empty.txt"], tmp_path / "out")
    assert report.articles == 1 and len(report.problems) == 1


def test_model_people_become_unknown_actors_with_lower_confidence(cnn_model: Path) -> None:
    from spacy.tokens import Span

    from kg.read import Article

    extractor = Extractor(model_dir=cnn_model)
    proposer = extractor.nlp.get_pipe("kg_model")
    assert isinstance(proposer, ModelProposer)

    class Names:
        """A stand-in model that tags جون سميث wherever it appears."""

        vocab = cast(ModelProposer, proposer).model.vocab

        def pipe(self, docs: Any) -> Any:
            for d in docs:
                words = [t.text for t in d]
                d.ents = [
                    Span(d, i, i + 2, label="PERSON")
                    for i in range(len(words) - 1)
                    if words[i : i + 2] == ["جون", "سميث"]
                ]
                yield d

    proposer.model = Names()  # type: ignore[assignment]
    text = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع جون سميث.\nوقال بوتين إن الاتصال كان مثمرا.\n"
    result = extractor.extract(Article(identifier="t", text=text))
    calls = [f for f in result.facts if f.relation == "called"]
    assert len(calls) == 1
    other = calls[0].b if calls[0].a.key == "person/vladimir-putin" else calls[0].a
    assert other is not None and other.key.startswith("person/unknown/model/") and not other.known
    assert other.label_ar == "جون سميث" and calls[0].confidence == 0.5


def test_kg_build_with_the_cnn_model(cnn_model: Path, tmp_path: Path) -> None:
    from kg.cli import app

    out = tmp_path / "graph.ttl"
    result = runner.invoke(app, ["build", str(SAMPLES / f"{FIRST}.txt"), "--model", str(cnn_model), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "facts: called" in result.output
    result = runner.invoke(app, ["build", "--model", str(tmp_path / "nope"), "-o", str(out)])
    assert result.exit_code == 1 and "no such model folder" in result.output
