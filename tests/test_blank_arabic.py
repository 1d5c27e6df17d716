"""The extractor's blank pipeline leaves other packages' factories unimported (kg.nlp.blank_arabic),
and spaCy still finds them for the next pipeline (a trained transformer model)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import REPO

SCRIPT = """
import sys
import spacy
from spacy.language import Language
from kg.nlp import blank_arabic, build_pipeline
nlp = build_pipeline()
print(nlp.lang, nlp.pipe_names, "spacy_transformers" in sys.modules, Language.has_factory("transformer"))
spacy.blank("ar")
print("spacy_transformers" in sys.modules, Language.has_factory("transformer"))
"""


@pytest.mark.skipif(
    importlib.util.find_spec("spacy_transformers") is None, reason="the transformers extra is not installed"
)
def test_blank_pipeline_defers_the_transformer_factory() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, check=True)
    first, second = run.stdout.strip().splitlines()
    assert first == "ar ['kg_normalizer', 'kg_sentences', 'kg_gazetteer'] False False"
    assert second == "True True"
