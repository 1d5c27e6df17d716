"""kg train --transformer with a tiny random BERT built here, offline; then kg build --model with it.

Needs the optional extra (``pip install '.[transformers]'``); skipped without it. The
network is cut for the whole module (``socket.connect`` raises), so a download attempt
would fail the test rather than pass unnoticed.
"""

from __future__ import annotations

import io
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

pytest.importorskip("spacy_transformers", reason="needs the transformers extra: pip install '.[transformers]'")

from kg.cli.train import register
from kg.errors import ModelError
from kg.model_component import load_trained_model
from kg.resources import sample_corpus_dir
from kg.train import check_transformer_dir, train_model, write_silver

SAMPLES = sample_corpus_dir()
runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def offline() -> Iterator[None]:
    """The hub switched off and no socket may connect while these tests run."""
    saved = {k: os.environ.get(k) for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
    original = socket.socket.connect

    def refuse(self: socket.socket, address: Any) -> None:
        raise OSError(f"network access attempted in an offline test: {address!r}")

    socket.socket.connect = refuse  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        socket.socket.connect = original  # type: ignore[method-assign]
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def make_tiny_bert(folder: Path, texts: list[str]) -> Path:
    """A random 2-layer BERT with a WordPiece vocabulary trained on ``texts``, saved as a HF folder."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel, BertTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=600, special_tokens=specials))
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    fast = BertTokenizerFast(tokenizer_object=tokenizer, do_lower_case=False, model_max_length=128)
    fast.save_pretrained(folder)
    config = BertConfig(
        vocab_size=tokenizer.get_vocab_size(),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=160,
    )
    BertModel(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def trf_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("trf")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    bert = make_tiny_bert(work / "tiny-bert", texts)
    write_silver([SAMPLES / "000_91f1fde46ed3b18c.txt", SAMPLES / "002_642b06d6276772ac.txt"], work / "silver")
    report = train_model([work / "silver"], work / "model", transformer=bert, max_steps=2, log=io.StringIO())
    assert report.config == "transformer.cfg" and report.transformer == str(bert.resolve())
    # The pipeline carries the weights: it must load with the original folder gone.
    (bert / "config.json").rename(bert / "config.json.moved")
    return work / "model"


def test_transformer_model_trains_saves_and_loads_without_its_source(trf_model: Path) -> None:
    nlp = load_trained_model(trf_model)
    assert nlp.pipe_names == ["transformer", "ner", "textcat_multilabel"]
    info = json.loads((trf_model / "kg_training.json").read_text(encoding="utf-8"))
    assert info["config"] == "transformer.cfg"
    doc = nlp("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا.")
    assert set(doc.cats) == {"called", "urged", "offeredMediation", "thanked", "warned"}


def test_kg_build_with_the_transformer_model(trf_model: Path, tmp_path: Path) -> None:
    from kg.cli import app

    out = tmp_path / "graph.ttl"
    result = runner.invoke(
        app, ["build", str(SAMPLES / "000_91f1fde46ed3b18c.txt"), "--model", str(trf_model), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and "facts: called" in result.output


def test_missing_or_wrong_transformer_paths_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no such folder"):
        check_transformer_dir(tmp_path / "nowhere")
    with pytest.raises(ModelError, match=r"no config\.json"):
        check_transformer_dir(tmp_path)
    app = typer.Typer(pretty_exceptions_enable=False)
    register(app)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text('{"article": "a", "facts": [], "text": "نص قصير."}', encoding="utf-8")
    result = runner.invoke(
        app, ["train", str(tmp_path / "gold"), "--out", str(tmp_path / "m"), "--transformer", "bert-base-arabic"]
    )
    assert result.exit_code == 1
    assert "bert-base-arabic: no such folder" in result.output
