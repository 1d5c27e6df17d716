"""Store engines for ``kg build --store``: Oxigraph (oxrdflib) against rdflib's own options.

A synthetic corpus (articles of calls and appeals among a pool of actors, dated over two
months, so that many reports merge) is added article by article, the way analysts add
the day's news, then queried, re-added (no-ops) and partly removed. Engines:

* ``oxigraph`` — :class:`kg.persist.GraphStore` on disk: Oxigraph through oxrdflib,
  one transaction per article (article graph + recomputed events).
* ``memory`` — the same incremental writes on rdflib's in-memory store (no persistence).
* ``memory-bulk`` — rdflib's in-memory store, events merged once at the end (what
  ``kg build`` without ``--store`` does).
* ``nquads-file`` — rdflib's in-memory store persisted as an N-Quads file: every run loads
  the file, adds its articles and writes the file back (atomic rename).
* ``berkeleydb`` — rdflib's on-disk BerkeleyDB store, when the ``berkeleydb`` package is
  installed (writes are not transactional there).

Run::

    .venv/bin/python benchmarks/store.py --articles 1000
    .venv/bin/python benchmarks/store.py --articles 300 --engines memory,berkeleydb

It prints a Markdown table (and ``--json FILE`` writes the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rdflib import Dataset

from kg.knowledge import PERSON, STATE, Knowledge
from kg.model import Actor, ArticleResult, Evidence, Fact
from kg.persist import GraphStore
from kg.read import Article
from kg.resources import facts_query_path, query_dir

EMPTY = Knowledge(actors={}, lexicon={"roles": {}})
TOPICS = ("DeEscalation", "Restraint", "Ceasefire", "DiplomaticSolution", "HumanitarianAid")


def corpus(articles: int, facts: int = 12, actors: int = 400, seed: int = 7) -> list[ArticleResult]:
    """A deterministic synthetic corpus: ``articles`` articles of ``facts`` facts each."""
    import random

    rng = random.Random(seed)
    pool = [
        Actor(f"person/bench-{i}", PERSON, f"شخص {i}", f"Person {i}", state=None)
        if i % 5
        else Actor(f"state/B{i}", STATE, f"دولة {i}", f"State {i}")
        for i in range(actors)
    ]
    start = date(2024, 1, 1)
    results = []
    for number in range(articles):
        published = start + timedelta(days=rng.randrange(60))
        found: dict[tuple[object, ...], Fact] = {}
        for k in range(facts):
            a, b = rng.sample(pool[: max(20, actors // 4)] if k % 3 == 0 else pool, 2)
            text = f"جملة {k} من المقالة {number}"
            evidence = Evidence(text, k, 0, len(text))
            if k % 2 == 0:
                day = published - timedelta(days=rng.randrange(2)) if rng.random() < 0.7 else None
                initiator = rng.choice(["a", "b", None])
                fact = Fact("called", a, evidence, b=b, initiator=initiator, date=day, confidence=0.8)
            else:
                fact = Fact("urged", a, evidence, topic=rng.choice(TOPICS), confidence=0.8)
            found.setdefault(fact.identity(), fact)
        facts_list = list(found.values())
        named = {f.a.key: f.a for f in facts_list} | {f.b.key: f.b for f in facts_list if f.b is not None}
        article = Article(
            identifier=f"bench-{number:06d}",
            text=f"مقالة {number}",
            published=published,
            url=f"https://outlet{number % 25}.example/{number}",
        )
        results.append(ArticleResult(article, facts_list, named, date=published))
    return results


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _queries(store: GraphStore) -> dict[str, float]:
    facts = facts_query_path().read_text(encoding="utf-8")
    pairs = (query_dir() / "calls_per_pair.rq").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    out["query_facts_s"], _ = _timed(lambda: len(list(store.view.query(facts))))
    out["query_calls_per_pair_s"], _ = _timed(lambda: len(list(store.view.query(pairs))))
    out["count_triples_s"], out["triples"] = _timed(lambda: len(store.view))
    return out


def run_incremental(store: GraphStore, results: list[ArticleResult], removals: int) -> dict[str, Any]:
    """Add article by article, re-add all (no-ops), remove some; figures."""
    figures: dict[str, Any] = {}
    seconds, _ = _timed(lambda: [store.put(r, EMPTY) for r in results])
    figures["add_s"] = seconds
    figures["add_ms_per_article"] = 1000 * seconds / len(results)
    last = results[-50:]
    seconds, _ = _timed(lambda: [store.put(r, EMPTY) for r in last])
    figures["last50_add_again_ms_per_article"] = 1000 * seconds / len(last)
    seconds, _ = _timed(lambda: [store.unchanged(r.article) for r in results])
    figures["unchanged_check_ms_per_article"] = 1000 * seconds / len(results)
    figures.update(_queries(store))
    seconds, _ = _timed(lambda: [store.remove(r.article.identifier) for r in results[:removals]])
    figures["remove_ms_per_article"] = 1000 * seconds / max(removals, 1)
    return figures


def bench_oxigraph(results: list[ArticleResult], folder: Path, removals: int) -> dict[str, Any]:
    path = folder / "oxigraph"
    with GraphStore.open(path) as store:
        figures = run_incremental(store, results, removals)
    figures["reopen_s"], reopened = _timed(lambda: GraphStore.open(path))
    reopened.close()
    figures["disk_bytes"] = _size(path)
    return figures


def bench_memory(results: list[ArticleResult], folder: Path, removals: int) -> dict[str, Any]:
    return run_incremental(GraphStore.in_memory(), results, removals)


def bench_memory_bulk(results: list[ArticleResult], folder: Path, removals: int) -> dict[str, Any]:
    store = GraphStore.in_memory()

    def load() -> None:
        for result in results:
            store.put(result, EMPTY, merge=False)
        store.recompute()

    figures: dict[str, Any] = {}
    figures["add_s"], _ = _timed(load)
    figures["add_ms_per_article"] = 1000 * figures["add_s"] / len(results)
    figures.update(_queries(store))
    return figures


def bench_nquads_file(results: list[ArticleResult], folder: Path, removals: int) -> dict[str, Any]:
    """Persistence by file: load, add a day's articles, write back — per batch of 50 articles."""
    path = folder / "store.nq"
    figures: dict[str, Any] = {"batches": 0, "load_s": 0.0, "add_s": 0.0, "save_s": 0.0}
    for first in range(0, len(results), 50):
        store = GraphStore.in_memory()
        if path.exists():

            def load(store: GraphStore = store) -> None:
                dataset = Dataset(store=store._store)
                dataset.parse(str(path), format="nquads")

            seconds, _ = _timed(load)
            figures["load_s"] += seconds
        seconds, _ = _timed(lambda store=store, first=first: [store.put(r, EMPTY) for r in results[first : first + 50]])
        figures["add_s"] += seconds
        temporary = path.with_suffix(".tmp")

        def save(store: GraphStore = store, temporary: Path = temporary) -> None:
            store.copy_dataset().serialize(str(temporary), format="nquads")
            os.replace(temporary, path)

        seconds, _ = _timed(save)
        figures["save_s"] += seconds
        figures["batches"] += 1
    figures["last_batch_load_plus_save_s"] = seconds + (figures["load_s"] / max(figures["batches"] - 1, 1))
    figures["add_ms_per_article"] = 1000 * (figures["load_s"] + figures["add_s"] + figures["save_s"]) / len(results)
    figures["disk_bytes"] = _size(path)
    return figures


def bench_berkeleydb(results: list[ArticleResult], folder: Path, removals: int) -> dict[str, Any]:
    try:
        import berkeleydb  # noqa: F401
    except ImportError:
        return {"skipped": "the berkeleydb package is not installed"}
    from rdflib.plugin import get
    from rdflib.store import Store

    backend = get("BerkeleyDB", Store)()
    backend.open(str(folder / "bdb"), create=True)
    store = GraphStore(backend, path=folder / "bdb")
    figures = run_incremental(store, results, removals)
    backend.close()
    figures["disk_bytes"] = _size(folder / "bdb")
    return figures


ENGINES: dict[str, Callable[[list[ArticleResult], Path, int], dict[str, Any]]] = {
    "oxigraph": bench_oxigraph,
    "memory": bench_memory,
    "memory-bulk": bench_memory_bulk,
    "nquads-file": bench_nquads_file,
    "berkeleydb": bench_berkeleydb,
}


def main() -> None:
    """Run the engines and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--facts", type=int, default=12, help="facts per article")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--removals", type=int, default=20)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    results = corpus(args.articles, args.facts)
    table: dict[str, dict[str, Any]] = {}
    for name in args.engines.split(","):
        folder = Path(tempfile.mkdtemp(prefix=f"kg-bench-{name}-"))
        try:
            table[name] = ENGINES[name](results, folder, args.removals)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"{name}: {json.dumps(table[name])}", file=sys.stderr, flush=True)
    columns = sorted({k for figures in table.values() for k in figures})
    print(f"\n{args.articles} articles × {args.facts} facts\n")
    print("| engine | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, figures in table.items():
        cells = []
        for column in columns:
            value = figures.get(column, "")
            cells.append(f"{value:.3g}" if isinstance(value, float) else str(value))
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps({"articles": args.articles, "facts": args.facts, "engines": table}, indent=1))


if __name__ == "__main__":
    main()
