"""How much of what the extractor finds survives changes of form that carry no meaning.

Outlets write the same Arabic differently: without hamzas on alef, with ى for final ي, with
Persian ی and ک, with some diacritics or tatweel, Latin commas and quotes, no full stops, hard
line wraps, invisible direction marks. A rule that reads structure should find the same facts in
all of them. This script extracts every article of the given folders as written and after each
transformation, and prints, per transformation, how many fact keys (relation, actor, other actor
or topic) were lost and gained. Run it on dev and pool-train only (the tuning sets): reading
pool-test's differences would be reading its errors.

Usage: python scripts/format_invariance.py FOLDER [FOLDER ...] [--splits eval/splits.json
--split pool-train] [--only NAME,...] [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from text_forms import TRANSFORMS

from kg.extract import Extractor
from kg.model import ArticleResult
from kg.read import Article, read_article

Key = tuple[str, str, str]


def keys(result: ArticleResult) -> set[Key]:
    """The scored shape of the facts: relation, actor, and the other actor or the topic."""
    return {
        (fact.relation, fact.a.key, (fact.b.key if fact.b else "") or str(fact.topic or "")) for fact in result.facts
    }


def articles(folders: list[Path], only_ids: set[str] | None) -> list[Article]:
    """The articles of the folders (only those listed, when a split is given)."""
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            if only_ids is None or path.stem in only_ids:
                found.append(read_article(path))
    return found


def main() -> None:
    """Print lost and gained fact keys per transformation."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--splits", type=Path)
    parser.add_argument("--split")
    parser.add_argument("--only", default="")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    only_ids = None
    if args.splits and args.split:
        if args.split == "pool-test":
            raise SystemExit("pool-test is for measuring only; use dev or pool-train")
        only_ids = set(json.loads(args.splits.read_text(encoding="utf-8"))[args.split])
    extractor = Extractor()
    docs = articles(args.folders, only_ids)
    base = {doc.identifier: keys(extractor.extract(doc)) for doc in docs}
    total = sum(len(found) for found in base.values())
    names = [name for name in TRANSFORMS if not args.only or name in args.only.split(",")]
    print(f"{len(docs)} articles, {total} fact keys as written")
    for name in names:
        lost: list[tuple[str, Key]] = []
        gained: list[tuple[str, Key]] = []
        for doc in docs:
            changed = Article(identifier=doc.identifier, text=TRANSFORMS[name](doc.text), published=doc.published)
            now = keys(extractor.extract(changed))
            lost += [(doc.identifier, key) for key in sorted(base[doc.identifier] - now)]
            gained += [(doc.identifier, key) for key in sorted(now - base[doc.identifier])]
        print(f"{name:16} lost {len(lost):4}  gained {len(gained):4}")
        for where, key in lost[: args.show] if args.show else []:
            print(f"    - {where} {key}")
        for where, key in gained[: args.show] if args.show else []:
            print(f"    + {where} {key}")


if __name__ == "__main__":
    main()
