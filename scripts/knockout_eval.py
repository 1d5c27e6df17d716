"""Robustness to people the gazetteer does not know: score with some gold persons knocked out.

    PYTHONPATH=. .venv/bin/python scripts/knockout_eval.py            # dev + pool-train, 30 %, seeds 1-3
    PYTHONPATH=. .venv/bin/python scripts/knockout_eval.py --fraction 0.5 --seeds 1 2 --sets dev

For each set, the persons its gold names are matched to gazetteer entries (Wikidata id, English
name or alias, Arabic spelling, folded as the scorer folds them). Each seed draws that fraction
of them and removes their entries from a copy of ``kg/data``; the set is then built and scored
with that copy as the shipped knowledge. The removed people can still score when the rules emit
them as unknown people with their Arabic name as written (the scorer matches Arabic labels).
The table gives the full-gazetteer figures and the mean (min–max) over the seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import kg.knowledge
from kg.evaluate import default_actors_file, label_key, load_actors, load_gold, select_split
from kg.quality import evaluate_gold

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": (ROOT.parent / "shared" / "eval" / "gold" / "dev", None),
    "pool-train": (ROOT / "eval" / "gold" / "pool", "pool-train"),
}
MEASURES = ("core", "called", "urged", "actors")


def gold_persons(gold_dir: Path, split: str | None) -> dict[str, dict[str, Any]]:
    """The gold actors of type Person that the set's facts name."""
    docs = load_gold(gold_dir)
    if split is not None:
        docs = select_split(docs, gold_dir.parent.parent / "splits.json", split)
    actors = load_actors(default_actors_file(gold_dir))
    named = {f[k] for d in docs for f in d["facts"] for k in ("a", "b", "initiator") if f.get(k)}
    return {k: actors[k] for k in sorted(named) if k in actors and actors[k].get("type") == "Person"}


def gazetteer_ids(persons: dict[str, dict[str, Any]]) -> list[str]:
    """Ids of the gazetteer person entries that stand for one of ``persons``."""
    qids = {p["wikidata"] for p in persons.values() if p.get("wikidata")}
    names = {
        label_key(n) for p in persons.values() for n in [p.get("en", ""), *p.get("aliases", []), *p.get("ar", [])] if n
    }
    found = []
    for path in sorted(kg.knowledge.DATA_DIR.glob("persons*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            forms = [entry.get("en", ""), *entry.get("aliases_en", []), *entry.get("ar", [])]
            if entry.get("wikidata") in qids or any(label_key(f) in names for f in forms if f):
                found.append(entry["id"])
    return sorted(set(found))


def knocked_out_data(removed: set[str], folder: Path) -> Path:
    """A copy of ``kg/data`` in ``folder`` without the person entries whose id is in ``removed``."""
    target = folder / "data"
    shutil.copytree(kg.knowledge.DATA_DIR, target)
    for path in sorted(target.glob("persons*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        kept = [e for e in entries if e["id"] not in removed]
        path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return target


def scores(gold_dir: Path, split: str | None) -> dict[str, float]:
    """The F1 of each measure of one set with the knowledge now in place."""
    result, _ = evaluate_gold(gold_dir, split=split)
    return {m: result.scores[m].f1 for m in MEASURES}


def run_set(name: str, fraction: float, seeds: list[int]) -> list[str]:
    """The table rows of one set: full gazetteer, then the knockout mean (min–max)."""
    gold_dir, split = SETS[name]
    ids = gazetteer_ids(gold_persons(gold_dir, split))
    full = scores(gold_dir, split)
    runs = []
    for seed in seeds:
        removed = set(random.Random(seed).sample(ids, round(fraction * len(ids))))
        with (
            tempfile.TemporaryDirectory() as tmp,
            mock.patch.object(kg.knowledge, "DATA_DIR", knocked_out_data(removed, Path(tmp))),
        ):
            runs.append(scores(gold_dir, split))
    cells = [f"{full[m]:.3f}" for m in MEASURES]
    knocked = [
        f"{statistics.mean(r[m] for r in runs):.3f} ({min(r[m] for r in runs):.3f}–{max(r[m] for r in runs):.3f})"
        for m in MEASURES
    ]
    share = f"{round(fraction * len(ids))} of {len(ids)}"
    return [
        f"| {name} | full gazetteer | – | {' | '.join(cells)} |",
        f"| {name} | {fraction:.0%} knocked out, seeds {','.join(map(str, seeds))} | {share} | {' | '.join(knocked)} |",
    ]


def main() -> None:
    """Parse the options and print the markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fraction", type=float, default=0.3)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS))
    args = parser.parse_args()
    print("| set | gazetteer | persons removed | core F1 | called F1 | urged F1 | actors F1 |")
    print("|---|---|---|---|---|---|---|")
    for name in args.sets:
        for row in run_set(name, args.fraction, args.seeds):
            print(row, flush=True)


if __name__ == "__main__":
    main()
