"""`kg audit`: silent call and goal sentences, filed by a guessed phenomenon (sentences written for the test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.audit import PHENOMENA, Auditor
from kg.cli import app
from kg.extract import Extractor
from kg.read import Article


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor(Extractor(), examples_per_phenomenon=2)


def _sentences(auditor: Auditor, text: str) -> list[tuple[str, str]]:
    doc = auditor.extractor.nlp(auditor.extractor.clean_text(text))
    sentences = list(doc.sents)
    return [
        (s.text, auditor.guess(s, sentences[i - 1].text.rstrip() if i else "", False)) for i, s in enumerate(sentences)
    ]


def test_a_call_that_gives_a_fact_is_not_silent(auditor: Auditor) -> None:
    text = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.\n"
    report = auditor.audit([Article("a1", text)])
    assert report.call_sentences == 1
    assert sum(report.silent_calls.values()) == 0


def test_a_negated_call_is_listed_as_silent(auditor: Auditor) -> None:
    # The audit is loose on purpose: it lists candidates (here rightly factless), not errors.
    text = "ولم يتلق الرئيس الفرنسي إيمانويل ماكرون أي اتصال هاتفي من الرئيس الروسي فلاديمير بوتين.\n"
    report = auditor.audit([Article("a2", text)])
    assert report.call_sentences == 1 and sum(report.silent_calls.values()) == 1
    assert report.as_dict()["examples"][next(iter(report.silent_calls))][0].startswith("a2: ولم يتلق")


@pytest.mark.parametrize(
    "text",
    [
        "نفى الكرملين وقوع أي اتصال هاتفي بين الرئيس الروسي فلاديمير بوتين والرئيس الأمريكي دونالد ترامب.\n",
        "ونفت الرئاسة التركية أن يكون الرئيس رجب طيب أردوغان قد أجرى اتصالا هاتفيا مع الرئيس الروسي.\n",
        "نفى وزير الخارجية الإيراني عباس عراقجي وجود اتصالات مباشرة مع واشنطن.\n",
    ],
)
def test_a_denied_call_is_no_call_sentence(auditor: Auditor, text: str) -> None:
    # ANNOTATION.md: denied facts do not count, so a denial holds no silent call.
    report = auditor.audit([Article("a3", text)])
    assert report.call_sentences == 0 and sum(report.silent_calls.values()) == 0


def test_sentences_without_an_actor_or_a_cue_are_not_counted(auditor: Auditor) -> None:
    text = "وتناول الاتصال الهاتفي العلاقات الثنائية.\nوقال المحلل إن الاقتصاد ينمو ببطء هذا العام.\n"
    report = auditor.audit([Article("a3", text)])
    assert report.call_sentences == 0 and report.goal_sentences == 0 and report.sentences >= 2


def test_phenomena_are_guessed_from_the_sentence_shape(auditor: Auditor) -> None:
    guesses = _sentences(
        auditor,
        "بحث الرئيس الكيني وليام روتو هاتفيا مع فخامة الرئيس الغاني جون ماهاما الأوضاع.\n"
        "تلقى وزير الخارجية النرويجي اتصالات من:\n"
        "- وزير الخارجية السويسري.\n",
    )
    assert guesses[0][1] == "G2h-honorific"
    bullet = [guess for text, guess in guesses if text.startswith("- ")]
    assert bullet == ["S-bullet"]
    assert {g for _, g in guesses} <= set(PHENOMENA)


def test_audit_command_writes_json(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "n1.txt").write_text(
        "ولم يتلق الرئيس الفرنسي إيمانويل ماكرون أي اتصال هاتفي من الرئيس الروسي فلاديمير بوتين.\n", encoding="utf-8"
    )
    out = tmp_path / "audit.json"
    result = CliRunner().invoke(app, ["audit", str(corpus), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "silent call sentences: 1 of 1" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"] == 1 and data["silent_call_sentences"] == 1
