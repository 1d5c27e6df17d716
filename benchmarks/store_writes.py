"""The writer of a ``--store`` build alone: put N prepared articles into a new store.

    .venv/bin/python benchmarks/store_writes.py --articles 4000 --cached 100000,0

Extraction and graph building are done first (``--jobs`` processes, cached in
``--workdir`` as a pickle), so what is timed is only what the parent of ``kg build
--store`` does per article — find the other reports of its merge keys, recompute their
events, write one transaction — and how that grows with the store. Each value of
``--cached`` (:data:`kg.dataset.CACHED_REPORTS`, 0: read every key's reports back from
the store) gets its own store; seconds per thousand articles are printed as they go.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import time
from pathlib import Path

from build import corpus as synthetic_corpus  # benchmarks/build.py: written once, reused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cached", default="100000,0", help="comma-separated CACHED_REPORTS values")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    from kg import dataset, persist
    from kg.build import Extraction, read_articles
    from kg.knowledge import load_knowledge

    corpus = synthetic_corpus(args.articles, args.seed, args.workdir)
    cache = args.workdir / f"prepared-{args.articles}-{args.seed}.pickle"
    if not cache.exists():
        prepared = list(Extraction(jobs=args.jobs).prepared(read_articles([corpus], [])))
        cache.write_bytes(pickle.dumps(prepared))
    prepared = pickle.loads(cache.read_bytes())
    knowledge = load_knowledge([])

    for cached in (int(value) for value in args.cached.split(",")):
        dataset.CACHED_REPORTS = cached
        folder = args.workdir / "store-writes"
        shutil.rmtree(folder, ignore_errors=True)
        with persist.GraphStore.open(folder) as store:
            start = lap = time.perf_counter()
            for count, article in enumerate(prepared, 1):
                store.put(article, knowledge)
                if count % 200 == 0:
                    store.flush()
                if count % 1000 == 0:
                    now = time.perf_counter()
                    print(f"cached={cached}: articles {count - 999}-{count}: {now - lap:.1f} s", flush=True)
                    lap = now
            print(f"cached={cached}: {len(prepared)} articles in {time.perf_counter() - start:.1f} s", flush=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
