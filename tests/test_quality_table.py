"""The README's quality table is what ``kg eval`` says now (scripts/quality_table.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from kg.evaluate import QUALITY_TABLE_HEADER, Evaluation, Score

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quality_table", ROOT / "scripts" / "quality_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_markdown_row_has_a_cell_for_every_column() -> None:
    scores = {name: Score(tp=3, fp=1, fn=2) for name in ("core", "called", "urged", "urged_topic")}
    scores |= {name: Score(tp=0, fp=0, fn=1) for name in ("offeredMediation", "thanked", "warned", "actors")}
    result = Evaluation(scores, 7, gold_directed=5, pair_found=4, initiator_right=3, malformed=0, system={}, gold={})
    row = result.markdown_row("pool-x")
    header = QUALITY_TABLE_HEADER.splitlines()[0]
    assert row.count("|") == header.count("|")
    assert row.startswith("| pool-x (7) | 0.667 | 0.750 / 0.600 / 0.667 |")
    assert row.endswith("| 0.000 | 0.000 | 0.000 | 3 of 4 found (5 in gold) |")


def test_replace_table_needs_the_markers() -> None:
    script = _script()
    text = f"intro\n{script.BEGIN}\nold\n{script.END}\nafter\n"
    assert script.replace_table(text, "new") == f"intro\n{script.BEGIN}\nnew\n{script.END}\nafter\n"
    with pytest.raises(SystemExit, match="markers are missing"):
        script.replace_table("no table here", "new")


def test_readme_quality_table_is_current() -> None:
    script = _script()
    missing = script.missing_inputs()
    if missing:
        pytest.skip(f"the gold sets need ../shared ({missing[0]} is missing)")
    readme = script.README.read_text(encoding="utf-8")
    assert script.replace_table(readme, script.quality_table()) == readme, (
        "README.md's quality table is stale: run python scripts/quality_table.py"
    )
