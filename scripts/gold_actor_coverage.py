"""How many actors of a gold set the gazetteer knows (kg/data), and which it lacks.

    .venv/bin/python scripts/gold_actor_coverage.py eval/gold/pool eval/actors.json

A gold actor is known when one of its English names or Arabic spellings (folded as the
scorer folds them) is an English name, alias or Arabic spelling of a knowledge actor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.evaluate import label_key
from kg.knowledge import load_knowledge


def main() -> None:
    gold_dir, actors_file = Path(sys.argv[1]), Path(sys.argv[2])
    actors = json.loads(actors_file.read_text(encoding="utf-8"))
    used = sorted(
        {
            f[k]
            for p in gold_dir.glob("*.json")
            for f in json.loads(p.read_text())["facts"]
            for k in ("a", "b")
            if k in f
        }
    )
    knowledge = load_knowledge()
    known: set[str] = set()
    for record in knowledge.actors.values():
        for name in (record.en, *record.aliases_en, *record.ar, *record.ar_weak, *record.capitals_ar):
            known.add(label_key(name))
    missing = []
    for key in used:
        actor = actors[key]
        names = [actor.get("en", ""), *actor.get("aliases", []), *actor.get("ar", [])]
        if not any(label_key(n) in known for n in names if n):
            missing.append(f"{key} ({actor.get('en')}; {', '.join(actor.get('ar', [])[:2])})")
    share = 1 - len(missing) / len(used)
    print(f"{len(used) - len(missing)} of {len(used)} gold actors known ({share:.1%}); missing {len(missing)}:")
    for line in missing:
        print(f"  {line}")


if __name__ == "__main__":
    main()
