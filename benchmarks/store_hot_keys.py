"""Merge keys named by many articles: one store write an article against batches.

    .venv/bin/python benchmarks/store_hot_keys.py --articles 600 --pool 8 --batch 1,100

Synthetic article results (``tests/synthetic.py``: ``--facts`` calls and appeals an
article among ``--pool`` people, so that every merge key is named by many articles) go
into a new store with :meth:`kg.persist.GraphStore.put_many`, ``--batch`` articles a
transaction (1: what ``kg build --store`` did before batches); the writer's CPU seconds
are printed for each batch size, and the stores are checked to be equal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def main() -> None:
    """Write the same articles with each batch size; print CPU seconds; compare the stores."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--facts", type=int, default=12)
    parser.add_argument("--pool", type=int, default=8)
    parser.add_argument("--batch", default="1,100", help="comma-separated batch sizes")
    args = parser.parse_args()

    from synthetic import EMPTY, synthetic_result

    from kg.persist import GraphStore

    results = [synthetic_result(number, args.facts, args.pool) for number in range(args.articles)]
    stores = []
    for size in (int(value) for value in args.batch.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="kg-hot-"))
        with GraphStore.open(folder / "store") as store:
            start = time.process_time()
            for first in range(0, len(results), size):
                store.put_many(results[first : first + size], EMPTY)
                if (first + size) % 200 < size:
                    store.flush()
            seconds = time.process_time() - start
            stores.append(set(store.quads()))
        shutil.rmtree(folder)
        print(f"batch {size}: {args.articles} articles, {seconds:.1f} CPU-s, {len(stores[-1])} quads", flush=True)
    print("same stores:", all(quads == stores[0] for quads in stores))


if __name__ == "__main__":
    main()
