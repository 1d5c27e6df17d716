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

import re

from text_forms import NAME_CHANGES, TRANSFORMS, name_variant

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


def name_words(extractor: Extractor, key: str, text: str) -> list[str]:
    """The surnames (a known name's last word, four letters or more) of a foreign person that the text writes."""
    record = extractor.knowledge.actors.get(key)
    if record is None or not record.ar_generated:
        return []
    words = {form.split()[-1] for form in record.ar if len(form.split()[-1]) >= 4}
    return sorted(w for w in words if re.search(rf"(?<![\u0621-\u064a]){w}(?![\u0621-\u064a])", text))


def name_trials(extractor: Extractor, docs: list[Article], base: dict[str, set[Key]], show: int) -> None:
    """Each word of each found foreign person's name respelled by each transliteration change, one at a time."""
    trials: dict[str, int] = {}
    lost: dict[str, list[tuple[str, Key]]] = {}
    for doc in docs:
        people = sorted({k for key in base[doc.identifier] for k in key[1:] if k.startswith("person/")})
        for person in people:
            for word in name_words(extractor, person, doc.text):
                for change in NAME_CHANGES:
                    variant = name_variant(word, change)
                    if variant == word:
                        continue
                    text = re.sub(rf"(?<=[\s\W]|[وبلف]){word}(?![\u0621-\u064a])", variant, doc.text)
                    text = re.sub(rf"^{word}(?![\u0621-\u064a])", variant, text, flags=re.M)
                    changed = Article(identifier=doc.identifier, text=text, published=doc.published)
                    now = keys(extractor.extract(changed))
                    name = change[0]
                    trials[name] = trials.get(name, 0) + 1
                    missing = [k for k in base[doc.identifier] - now if person in k]
                    lost.setdefault(name, []).extend((f"{doc.identifier} {word}→{variant}", k) for k in missing)
    for name, count in trials.items():
        print(f"names {name:18} trials {count:4}  lost {len(lost[name]):4}")
        for where, key in lost[name][:show]:
            print(f"    - {where} {key}")


def main() -> None:
    """Print lost and gained fact keys per transformation."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--splits", type=Path)
    parser.add_argument("--split")
    parser.add_argument("--only", default="")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--names", action="store_true", help="also respell the found foreign people's names")
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
    if args.names:
        name_trials(extractor, docs, base, args.show)


if __name__ == "__main__":
    main()
