"""Agreement between two annotators of one article set: B's gold scored as a system against A's.

    python3 scripts/annotator_agreement.py A_DIR B_DIR IDS.txt [OUT.json]

Each folder holds ``<article>.json`` gold files and ``actors_new.json`` (the actors beyond
``../shared/eval/actors.json``). The figures come from the reference scorer ``score.py``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def registry(folder: Path) -> dict[str, Any]:
    """The shared actors and the annotator's new ones."""
    actors = dict(_read(SHARED / "eval" / "actors.json"))
    extra = folder / "actors_new.json"
    if extra.exists():
        actors.update(_read(extra))
    return actors


def _actor(actors: dict[str, Any], key: str) -> dict[str, str]:
    record = actors.get(key, {"en": key})
    found = {"en": record.get("en", key), "ar": (record.get("ar") or [""])[0]}
    return found | ({"wikidata": record["wikidata"]} if record.get("wikidata") else {})


def as_system(folder: Path, ids: list[str]) -> list[dict[str, Any]]:
    """An annotator's gold as system facts (the JSON Lines format score.py reads)."""
    actors, facts = registry(folder), []
    for identifier in ids:
        for fact in _read(folder / f"{identifier}.json")["facts"]:
            out: dict[str, Any] = {"article": identifier, "rel": fact["rel"], "a": _actor(actors, fact["a"])}
            if fact["rel"] in ("called", "thanked"):
                out["b"] = _actor(actors, fact["b"])
            if fact["rel"] == "called":
                initiator = fact.get("initiator")
                out["initiator"] = None if initiator is None else ("a" if initiator == fact["a"] else "b")
            if fact["rel"] == "urged":
                out["topic"] = fact["topic"]
            if fact["rel"] == "warned":
                out["object"] = fact.get("object")
            facts.append(out)
    return facts


def main() -> None:
    """Print the agreement table (and write the figures as JSON when asked)."""
    first, second, listing = (Path(a) for a in sys.argv[1:4])
    ids = [line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [_read(first / f"{i}.json") for i in ids]
    result = _scorer().score(as_system(second, ids), gold, registry(first))
    result.pop("_sets")
    for name in ("core", "called", "urged", "urged_topic", "offeredMediation", "thanked", "warned"):
        s = result[name]
        print(f"{name:<17} F1 {s['f1']:.3f}  agreed {s['tp']}  only B {s['fp']}  only A {s['fn']}")
    print("initiator:", result["direction"])
    if len(sys.argv) > 4:
        Path(sys.argv[4]).write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
