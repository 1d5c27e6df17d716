"""The graph a build writes stays the same, whatever the engine, until someone means to change it.

The sorted N-Quads of the sample corpus and of a small synthetic corpus are built in memory,
with ``--jobs 2`` and through a store, and must be identical across engines; their SHA-256
must equal the figures recorded in ``tests/data/expected_outputs.json``. A change to the
rules or the knowledge that changes the graph on purpose records the new figures with
``python tests/test_same_output.py --record`` in the same commit, and says why.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from unittest.mock import patch

import pytest

from kg import api, extraction
from kg.resources import sample_corpus_dir

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic_corpus import write_corpus

EXPECTED = Path(__file__).resolve().parent / "data" / "expected_outputs.json"
SYNTHETIC_ARTICLES, SYNTHETIC_SEED = 40, 7


def _sorted_quads(path: Path) -> str:
    return "".join(sorted(path.read_text(encoding="utf-8").splitlines(keepends=True)))


def outputs(corpus: Path, work: Path) -> dict[str, str]:
    """Sorted N-Quads of one corpus by each engine: in memory, two worker processes, a store."""
    found = {}
    for name, jobs in (("memory", 1), ("jobs2", 2)):
        target = work / f"{name}.nq"
        # Small corpora are extracted in one process even with jobs=2: force the workers.
        with patch.object(extraction, "SERIAL_BELOW", 0):
            api.build([corpus], target, jobs=jobs, validate=False)
        found[name] = _sorted_quads(target)
    api.update_store([corpus], work / "store", validate=False)
    api.export(work / "store", "nquads", work / "store.nq")
    found["store"] = _sorted_quads(work / "store.nq")
    return found


def digests(work: Path) -> dict[str, str]:
    """SHA-256 of the sorted N-Quads of the sample and the synthetic corpus (one figure each)."""
    synthetic = work / "synthetic"
    write_corpus(SYNTHETIC_ARTICLES, SYNTHETIC_SEED, synthetic)
    result = {}
    for name, corpus in (("samples", sample_corpus_dir()), ("synthetic", synthetic)):
        (work / name).mkdir(parents=True, exist_ok=True)
        by_engine = outputs(corpus, work / name)
        assert by_engine["memory"] == by_engine["jobs2"] == by_engine["store"], f"{name}: engines disagree"
        result[name] = hashlib.sha256(by_engine["memory"].encode("utf-8")).hexdigest()
    return result


def test_every_engine_writes_the_recorded_graph(tmp_path: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    found = digests(tmp_path)
    if found != {k: v for k, v in expected.items() if not k.startswith("_")}:
        pytest.fail(
            f"the built graphs changed: {found} != recorded {expected}. If the change is meant, "
            "record it with `python tests/test_same_output.py --record` and say why in the commit."
        )


if __name__ == "__main__" and "--record" in sys.argv:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        figures = digests(Path(folder))
    note = "SHA-256 of sorted N-Quads (every engine agrees); re-record only for a meant change"
    EXPECTED.write_text(json.dumps({"_comment": note, **figures}, indent=1) + "\n", encoding="utf-8")
    print(figures)
