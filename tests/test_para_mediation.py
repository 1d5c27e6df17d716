"""The paraphrase probe of offeredMediation, thanked and warned (tests/data/probe_para_mediation.json,
eighth session): real sentences of pool-train, dev and blind-dev articles that state a fact of the
family, rewritten with other actors and wording, one grammatical dimension varied per case (tense,
agreement, word order, clitics, a pronoun or title subject, apposition, the reported-speech frame,
coordination), with negatives that must give nothing. Each case names its source article and the
dimension it varies. A case with an ``xfail`` reason is a known miss and fails strictly (it must
be taken off the list once it passes). ``scripts/probe_outlets.py
tests/data/probe_para_mediation.json`` prints the pass rates per relation and per dimension.
Sentences written for the probe."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.model import ArticleResult

Extract = Callable[..., ArticleResult]

PROBE_FILE = Path(__file__).parent / "data" / "probe_para_mediation.json"
PROBE: dict[str, Any] = json.loads(PROBE_FILE.read_text(encoding="utf-8"))
PUBLISHED = date.fromisoformat(PROBE["published"])


def _param(index: int, case: dict[str, Any]) -> Any:
    """A probe case as a test parameter, a strict xfail where the case names its reason."""
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, marks=marks, id=f"{case['relation']}-{case['dim']}-{index}")


def _found(result: ArticleResult, relation: str) -> list[list[str]]:
    """The agents of a relation's facts, with the one thanked for ``thanked``."""
    return sorted(
        [fact.a.key, fact.b.key] if relation == "thanked" and fact.b is not None else [fact.a.key]
        for fact in result.facts
        if fact.relation == relation
    )


@pytest.mark.parametrize("case", [_param(i, c) for i, c in enumerate(PROBE["cases"])])
def test_paraphrase(extract: Extract, case: dict[str, Any]) -> None:
    result = extract(case["text"], published=PUBLISHED)
    assert _found(result, case["relation"]) == sorted(case["expected"])


def test_every_case_names_its_source_and_dimension() -> None:
    """A paraphrase records the article it rewrites and the one dimension it varies."""
    relations = {"offeredMediation", "thanked", "warned"}
    bad = [c["text"][:40] for c in PROBE["cases"] if not (c["source"] and c["dim"] and c["relation"] in relations)]
    assert not bad, bad


#: Sentences the rules fixed against this probe must still read as before: (text, relation, expected).
GUARDS = [
    ("وأكد الوزير أن الحوار ضروري، غير أن قطر مستعدة للوساطة بين الطرفين.", "offeredMediation", [["state/QA"]]),
    ("وبحث الجانبان سبل تقريب وجهات النظر بين البلدين.", "offeredMediation", []),
    ("ووصل المبعوث الأمريكي ستيف ويتكوف إلى الدوحة لبحث العلاقات الثنائية.", "offeredMediation", []),
    ("ولم يصل المبعوث الأمريكي ستيف ويتكوف إلى الدوحة للتوسط في الصفقة.", "offeredMediation", []),
    ("وأرسلت قطر وفدا إلى كينشاسا للتوسط بين الحكومة والمتمردين.", "offeredMediation", [["state/QA"]]),
    ("واستضافت موسكو لقاء بين رئيسي وزراء أرمينيا وأذربيجان.", "offeredMediation", [["state/RU"]]),
    ("واستضافت الرياض اجتماعا لوزراء الخارجية العرب.", "offeredMediation", []),
    ("وقال أردوغان إن الاجتياح البري لرفح لن يقود إلى حرب شاملة.", "warned", []),
    ("وقال أردوغان إن الاجتياح البري لرفح لن يقود إلا إلى حرب شاملة.", "warned", [["person/recep-tayyip-erdogan"]]),
    ("وأبدى الرئيس السيسي تفاؤلا حذرا إزاء المحادثات.", "warned", []),
    (
        "وخلال الزيارة التي استمرت يومين، شكر الرئيس السيسي أمير قطر على دعمه.",
        "thanked",
        [["person/abdel-fattah-el-sisi", "person/tamim-bin-hamad-al-thani"]],
    ),
]


@pytest.mark.parametrize(("text", "relation", "expected"), GUARDS)
def test_rule_guard(extract: Extract, text: str, relation: str, expected: list[list[str]]) -> None:
    """The contrast غير أن does not negate; discussing or travelling without a mediation word is
    no offer, nor is a negated journey; a hosted meeting is talks only between two others; a
    negation without إلا still negates a danger; caution is no warning; a thanks verb after a
    relative clause closed by a comma has its own subject."""
    assert _found(extract(text, published=PUBLISHED), relation) == expected
