"""``notebooks/explore.ipynb`` runs top to bottom on a store, a graph file or the sample corpus,
draws every plot with data, writes no file, and is committed without outputs.

The plots are saved as ``test-artifacts/notebook-*.png`` (git-ignored) to look at.
"""

from __future__ import annotations

import base64
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib.image
import nbformat
import pytest
from nbclient import NotebookClient
from synthetic import EMPTY, ERDOGAN, PUTIN, RAISI, RUSSIA, article, call, ev

from kg.model import Fact
from kg.persist import GraphStore

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "explore.ipynb"
ARTIFACTS = REPO / "test-artifacts"
FIGURES = ("calls per pair", "actor × goal", "centrality", "timeline")

# Appended to the notebook: what each figure's axes hold (points, bars, image sums, markers).
DRAWN = """
import json
from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle


def drawn(axes):
    return {
        "points": sum(len(line.get_xdata()) for line in axes.lines),
        "bars": sum(1 for p in axes.patches if isinstance(p, Rectangle) and p.get_width() * p.get_height() != 0),
        "image": float(sum(image.get_array().sum() for image in axes.images)),
        "markers": sum(len(c.get_offsets()) for c in axes.collections if isinstance(c, PathCollection)),
        "title": axes.get_title(),
    }


print("DRAWN " + json.dumps({name: [drawn(a) for a in fig.axes] for name, fig in figures.items()}))
"""


def appeal(actor: Any, topic: str) -> Fact:
    """An appeal fact."""
    return Fact("urged", actor, ev(f"دعا {actor.label_ar} إلى التهدئة."), topic=topic)


def run_notebook(source: str, cwd: Path) -> tuple[str, dict[str, list[dict[str, Any]]], list[bytes]]:
    """Execute the notebook with ``SOURCE = source``: its printed text, what each figure drew, its PNGs."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    parameters = [c for c in notebook.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(parameters) == 1, "one cell tagged 'parameters'"
    parameters[0].source = f"SOURCE = {source!r}\nTOP = 10"
    notebook.cells.append(nbformat.v4.new_code_cell(DRAWN))
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any failure
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    drawn = json.loads(text.split("DRAWN ", 1)[1].splitlines()[0])
    images = [base64.b64decode(o["data"]["image/png"]) for o in outputs if "image/png" in o.get("data", {})]
    return text, drawn, images


def save_and_check(images: list[bytes], prefix: str) -> None:
    """Save the PNGs under ``test-artifacts/``; each must show more than a blank canvas."""
    assert len(images) == len(FIGURES), "one image per figure"
    ARTIFACTS.mkdir(exist_ok=True)
    for name, png in zip(FIGURES, images, strict=True):
        (ARTIFACTS / f"notebook-{prefix}-{name.replace(' × ', '-').replace(' ', '-')}.png").write_bytes(png)
        pixels = matplotlib.image.imread(io.BytesIO(png))
        assert pixels.std() > 0.05, f"{name}: the image is nearly uniform"


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip the outputs before committing"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of dated calls and appeals over a week, one undated article, an actor named only in Arabic."""
    results = [
        article("a1", [call(PUTIN, ERDOGAN, day=date(2024, 3, 1)), appeal(PUTIN, "Ceasefire")], date(2024, 3, 1)),
        article("a2", [call(PUTIN, ERDOGAN, day=date(2024, 3, 4)), appeal(ERDOGAN, "Ceasefire")], date(2024, 3, 4)),
        article("a3", [call(PUTIN, RAISI, day=date(2024, 3, 4)), appeal(RAISI, "HumanitarianAid")], date(2024, 3, 4)),
        article("a4", [call(PUTIN, RAISI, day=date(2024, 3, 7)), appeal(RUSSIA, "DeEscalation")], date(2024, 3, 7)),
        article("a5", [call(PUTIN, ERDOGAN), appeal(PUTIN, "Restraint")]),  # undated: no date anywhere
    ]
    folder = tmp_path_factory.mktemp("store") / "kgstore"
    with GraphStore.open(folder) as opened:
        for result in results:
            opened.put(result, EMPTY)
    return folder


def test_notebook_plots_a_store(store: Path, tmp_path: Path) -> None:
    text, drawn, images = run_notebook(str(store), tmp_path)
    assert "10 events: 8 dated, 2 undated; time is counted per day" in text
    totals, series = drawn["calls per pair"]
    assert totals["bars"] == 3  # Putin—Erdogan dated and undated, Putin—Raisi dated
    assert series["points"] == 4, "one point per pair and day with calls"
    assert drawn["actor × goal"][0]["image"] == 5.0, "five appeals with a goal"
    bars, network = drawn["centrality"]
    assert bars["bars"] == 4 and network["markers"] == 3, "three degrees, one betweenness (Putin's), three nodes"
    assert series["title"] == "Dated calls per day (1 undated not shown)"
    timeline = drawn["timeline"][0]
    assert timeline["markers"] == 11, "4 dated calls on 2 lanes each, 3 appeals (Russia's: no lane, not linked)"
    assert timeline["title"] == "8 dated events; 2 undated not shown"
    save_and_check(images, "store")
    assert list(tmp_path.iterdir()) == [], "the notebook wrote files"


def test_notebook_builds_the_sample_corpus_by_default(tmp_path: Path) -> None:
    text, drawn, images = run_notebook("", tmp_path)
    assert "the sample corpus: 5 articles →" in text and "undated" in text
    assert "betweenness" in text and "── who_called_whom" in text and "── state_urged" in text
    assert drawn["calls per pair"][0]["bars"] > 0 and drawn["actor × goal"][0]["image"] > 0
    assert drawn["centrality"][1]["markers"] > 0
    save_and_check(images, "sample")
    assert list(tmp_path.iterdir()) == [], "the notebook wrote files"
