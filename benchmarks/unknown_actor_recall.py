"""Recall of actors the gazetteer does not know: rules alone vs rules + a CNN trained on silver.

    .venv/bin/python benchmarks/unknown_actor_recall.py [--shared ../shared] [--folds 5] [--epochs 20]

The shipped gazetteer knows every actor of the development gold (it was written from
the same articles), so "not in the gazetteer" has to be made: the benchmark runs
``--folds`` folds over the development articles, and in each fold

1. hides from the gazetteer every person of the test articles' gold facts (a copy of
   ``kg/data`` without them, their offices included);
2. labels the other articles — the seeds and the other folds — with the rules *and
   that reduced gazetteer* (``kg silver``), so the hidden names are not labelled in the
   training data either, and trains the CNN config on them (``kg train``);
3. on the test articles, counts a hidden person as found when some span marks his
   name: for the rules, a PERSON entity of the rule pipeline (an unknown person after a
   title: "الرئيس الفرنسي إيمانويل ماكرون"); for rules + model, those and the model's
   PERSON proposals. A span matches a person when its words (proclitics and a leading
   article stripped) equal one of his Arabic spellings or contain it, or a spelling
   contains the span's words (``ماكرون`` ⊂ ``إيمانويل ماكرون``).

Recall is over (article, hidden person) pairs; "named" counts only pairs where a
spelling of the person occurs in the article's text (a person referred to only by a
title has no name to find). The model's other PERSON proposals are counted too, split
into names of some known person (gold actors or the full gazetteer) and the rest.
With ``--facts`` and an Extractor that takes ``model_dir`` (``kg build --model``), it
also scores the gold facts that involve a hidden person, with and without the model.
Figures are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def words_of(text: str) -> tuple[str, ...]:
    """Comparable words of a name: normalised, proclitics and a leading article stripped."""
    from kg.evaluate import label_key
    from kg.normalize import normalize_phrase

    out = []
    for word in normalize_phrase(text).split():
        for clitic in ("وب", "ول", "وال", "فال", "بال", "لل", "و", "ف", "ب", "ل"):
            if word.startswith(clitic) and len(word) - len(clitic) >= 3 and clitic != word:
                word = word[len(clitic) :]
                break
        out.append(label_key(word) or word)
    return tuple(w for w in out if w)


def matches(span_words: tuple[str, ...], spellings: list[tuple[str, ...]]) -> bool:
    """Whether a span names a person with these spellings (equal, or one inside the other)."""
    if not span_words:
        return False
    for spelling in spellings:
        if not spelling:
            continue
        if set(spelling) <= set(span_words) or set(span_words) <= set(spelling):
            return True
    return False


def person_keys(gold_actor: dict[str, Any], knowledge: Any) -> set[str]:
    """Knowledge keys of a gold person (Wikidata id, English name, Arabic spellings)."""
    from kg.evaluate import label_key
    from kg.normalize import normalize_phrase

    keys = set()
    for key, record in knowledge.actors.items():
        if not key.startswith("person/"):
            continue
        same_qid = bool(gold_actor.get("wikidata")) and record.wikidata == gold_actor["wikidata"]
        if same_qid or label_key(record.en) == label_key(gold_actor.get("en")):
            keys.add(key)
    if not keys:
        for spelling in gold_actor.get("ar", []):
            keys |= {k for k in knowledge.names.get(normalize_phrase(spelling), set()) if k.startswith("person/")}
    return keys


def reduced_data_dir(hidden: set[str], target: Path) -> Path:
    """A copy of kg/data without the hidden persons."""
    from kg.knowledge import DATA_DIR

    shutil.copytree(DATA_DIR, target)
    for path in target.glob("persons*.json"):
        entries = json.loads(path.read_text(encoding="utf-8"))
        kept = [e for e in entries if f"person/{e.get('id')}" not in hidden]
        path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return target


def use_data_dir(folder: Path) -> None:
    """Point kg.knowledge at another data folder (the benchmark's reduced gazetteer)."""
    import kg.knowledge

    kg.knowledge.DATA_DIR = folder  # type: ignore[misc]


@dataclass
class Setup:
    """What every fold reads: the arguments, the gold, the corpus and the names known."""

    args: argparse.Namespace
    actors: dict[str, Any]
    gold: dict[str, Any]
    corpus: Path
    seeds: list[Path]
    spellings: dict[str, list[tuple[str, ...]]]
    known_names: list[tuple[str, ...]]
    proposals: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--facts", action="store_true", help="also score facts (needs kg build --model)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    return parser.parse_args()


def _setup(args: argparse.Namespace) -> Setup:
    import kg.knowledge

    gold_dev = args.shared / "eval" / "gold" / "dev"
    corpus = args.shared / "corpus"
    if not gold_dev.is_dir():
        sys.exit(f"{gold_dev}: not found (give --shared, the folder holding eval/ and corpus/)")
    actors: dict[str, Any] = json.loads((args.shared / "eval" / "actors.json").read_text(encoding="utf-8"))
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dev.glob("*.json"))}
    full = kg.knowledge.load_knowledge()
    spellings = {k: [words_of(s) for s in a.get("ar", [])] for k, a in actors.items()}
    known_names = [words_of(n) for n in full.names] + [words_of(n) for n in full.weak_names]
    known_names += [s for v in spellings.values() for s in v]
    seeds = sorted((corpus / "seeds").glob("*.txt"))
    return Setup(args, actors, gold, corpus, seeds, spellings, known_names)


def _score_article(setup: Setup, identifier: str, models: tuple[Any, Any, Any], hidden_gold: set[str]) -> Counter[str]:
    """Recall of the hidden people of one test article: by the rules alone, and with the model."""
    from kg.model_component import propose_entities
    from kg.read import read_article
    from kg.train import rule_entities, sentence_mentions

    extractor, with_model, hooked = models
    fold: Counter[str] = Counter()
    article = read_article(setup.corpus / "dev" / f"{identifier}.txt")
    text = extractor.clean_text(article.text)
    plain_doc, doc = extractor.nlp(text), with_model.nlp(text)
    day = extractor.article_date(article, None)[0]
    mentions = sentence_mentions(extractor, plain_doc, day)
    # Only names the reduced gazetteer does not hold: a known person's name is no find.
    rule_spans = [
        words_of(s.text)
        for s in rule_entities(extractor, plain_doc, mentions)
        if s.label_ == "PERSON" and " ".join(t.norm_ for t in s) not in extractor.knowledge.names
        and " ".join(t.norm_ for t in s) not in extractor.knowledge.weak_names
    ]  # fmt: skip
    raw = [s.text for s in propose_entities(doc, "PERSON")]
    model_spans = [words_of(t) for t in raw]
    facts = setup.gold[identifier]["facts"]
    present = {g for g in hidden_gold if any(g in (f.get("a"), f.get("b")) for f in facts)}
    norm_text = " " + " ".join(words_of(text)) + " "
    for g in sorted(present):
        named = any(s and f" {' '.join(s)} " in norm_text for s in setup.spellings[g])
        by_rules = any(matches(s, setup.spellings[g]) for s in rule_spans)
        by_model = by_rules or any(matches(s, setup.spellings[g]) for s in model_spans)
        for scope in ("all", "named") if named else ("all",):
            fold[f"{scope}"] += 1
            fold[f"{scope}: rules"] += by_rules
            fold[f"{scope}: rules+model"] += by_model
    for s, shown in zip(model_spans, raw, strict=True):
        if any(matches(s, setup.spellings[g]) for g in present):
            setup.proposals["hidden person of the article"] += 1
        elif any(s == n or (len(s) > 1 and set(n) <= set(s) and n) for n in setup.known_names):
            setup.proposals["another known person"] += 1
        else:
            setup.proposals["other"] += 1
            if len(setup.samples) < 25:
                setup.samples.append(shown)
    if hooked is not None:
        fold.update(fact_recall(article, setup.gold[identifier], setup.actors, hidden_gold, extractor, hooked))
    return fold


def _run_fold(setup: Setup, k: int, test_ids: list[str]) -> tuple[Counter[str], dict[str, Any]]:
    """Train on the other folds with this fold's people hidden from the gazetteer; score this fold."""
    import kg.knowledge
    from kg.extract import Extractor
    from kg.model_component import add_model_component
    from kg.train import train_model, write_silver

    args, ids, full = setup.args, sorted(setup.gold), kg.knowledge.load_knowledge()
    hidden_gold = {
        who
        for identifier in test_ids
        for fact in setup.gold[identifier]["facts"]
        for who in (fact.get("a"), fact.get("b"))
        if isinstance(who, str) and setup.actors.get(who, {}).get("type") == "Person"
    }
    hidden_keys = set().union(*(person_keys(setup.actors[g], full) for g in hidden_gold)) if hidden_gold else set()
    shipped = kg.knowledge.DATA_DIR
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as work:
        workdir = Path(work)
        use_data_dir(reduced_data_dir(hidden_keys, workdir / "data"))
        try:
            train_files = setup.seeds + [setup.corpus / "dev" / f"{i}.txt" for i in ids if i not in test_ids]
            extractor = Extractor()
            write_silver(train_files, workdir / "silver", extractor=extractor)
            t0 = time.perf_counter()
            report = train_model(
                [workdir / "silver"], workdir / "model", epochs=args.epochs, seed=args.seed, log=io.StringIO()
            )
            train_s = time.perf_counter() - t0
            with_model = Extractor()
            add_model_component(with_model.nlp, workdir / "model")
            hooked = Extractor(model_dir=workdir / "model") if args.facts else None
            fold: Counter[str] = Counter()
            for identifier in test_ids:
                fold.update(_score_article(setup, identifier, (extractor, with_model, hooked), hidden_gold))
        finally:
            use_data_dir(shipped)
    entry = {"fold": k, "test_articles": len(test_ids), "hidden_persons": len(hidden_gold),
             "train_sentences": report.train_docs, "train_entities": dict(report.stats.entities),
             "train_seconds": round(train_s, 1), **dict(fold)}  # fmt: skip
    print(f"fold {k}: {len(test_ids)} test articles, {len(hidden_gold)} hidden persons, "
          f"trained on {report.train_docs} sentences in {train_s:.0f}s: {dict(fold)}", file=sys.stderr)  # fmt: skip
    return fold, entry


def _recall(totals: Counter[str], scope: str) -> dict[str, Any]:
    def share(key: str) -> float | None:
        return round(totals[key] / totals[scope], 3) if totals[scope] else None

    return {"pairs": totals[scope], "rules": share(f"{scope}: rules"), "rules+model": share(f"{scope}: rules+model"),
            "found_rules": totals[f"{scope}: rules"], "found_rules+model": totals[f"{scope}: rules+model"]}  # fmt: skip


def main() -> None:
    """Run the experiment and print the figures."""
    args = _arguments()
    setup = _setup(args)
    ids = sorted(setup.gold)
    folds = [ids[i :: args.folds] for i in range(args.folds)]
    totals: Counter[str] = Counter()
    per_fold = []
    started = time.perf_counter()
    for k, test_ids in enumerate(folds):
        fold, entry = _run_fold(setup, k, test_ids)
        totals.update(fold)
        per_fold.append(entry)
    figures = {
        "folds": args.folds,
        "epochs": args.epochs,
        "seconds": round(time.perf_counter() - started),
        "recall": {scope: _recall(totals, scope) for scope in ("all", "named")},
        "model_person_proposals": dict(setup.proposals),
        "other_proposals_sample": setup.samples,
        "facts": {k: v for k, v in totals.items() if k.startswith("facts")},
        "per_fold": per_fold,
    }
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")


def fact_recall(
    article: Any, gold_doc: dict[str, Any], actors: dict[str, Any], hidden: set[str], plain: Any, hooked: Any
) -> Counter[str]:
    """Gold facts with a hidden person found, by the rules alone and with the model hooked in."""
    from kg.evaluate import evaluate
    from kg.facts import iter_facts
    from kg.rdf import build_graph

    out: Counter[str] = Counter()
    systems = {}
    for name, extractor in (("rules", plain), ("rules+model", hooked)):
        result = extractor.extract(article)
        facts = list(iter_facts(build_graph([result], extractor.knowledge)))
        scored = evaluate(facts, [gold_doc], actors)
        systems[name] = scored.system
        for measure in ("called", "urged", "offeredMediation", "thanked"):
            wanted = {k for k in scored.gold.get(measure, set()) if hidden & set(_ids(k))}
            found = wanted & scored.system.get(measure, set())
            if name == "rules":
                out[f"facts {measure}: gold with a hidden person"] += len(wanted)
            out[f"facts {measure}: {name}"] += len(found)
            if name == "rules+model":
                added = scored.system.get(measure, set()) - systems["rules"].get(measure, set())
                lost = systems["rules"].get(measure, set()) - scored.system.get(measure, set())
                out[f"facts {measure}: added by the model"] += len(added)
                out[f"facts {measure}: added by the model, right"] += len(added & scored.gold.get(measure, set()))
                out[f"facts {measure}: lost with the model"] += len(lost)
                out[f"facts {measure}: lost with the model, right"] += len(lost & scored.gold.get(measure, set()))
    return out


def _ids(key: tuple[Any, ...]) -> list[str]:
    out: list[str] = []
    for part in key:
        if isinstance(part, frozenset):
            out += [str(p) for p in part]
        else:
            out.append(str(part))
    return out


if __name__ == "__main__":
    main()
