"""Memory of a long ``--store`` build, article by article: does it stay flat as the store grows?

    .venv/bin/python benchmarks/store_memory.py --articles 100000 --jobs 2 --every 30 > mem.tsv

Builds the synthetic corpus of :func:`benchmarks/synthetic_corpus.py.write_corpus` (written once under
``--workdir``) into a new store with :func:`kg.build.update_store` — what ``kg build
CORPUS --store DIR --jobs N --no-validate`` runs — and prints a line every ``--every``
seconds, as it goes (so a run stopped early still tells its story): seconds, articles
stored, articles/s over the last interval, this process's RSS and the RSS of it and its
extraction workers (MB). The last line is the whole run.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import threading
import time
from pathlib import Path

import psutil
from build import corpus as synthetic_corpus  # benchmarks/build.py: written once, reused


def tree_rss(process: psutil.Process) -> tuple[float, float]:
    """RSS of a process and of it with its descendants, in MB."""
    own = process.memory_info().rss
    total = own
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    return own / 2**20, total / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between lines")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    from kg.build import update_store

    corpus = synthetic_corpus(args.articles, args.seed, args.workdir)
    store = args.workdir / f"memory-store-{args.articles}"
    shutil.rmtree(store, ignore_errors=True)

    me = psutil.Process()
    done = [0]
    start = time.monotonic()
    stop = threading.Event()
    print("seconds\tarticles\tarticles_per_s\tkg_rss_mb\ttree_rss_mb", flush=True)

    def sample() -> None:
        last_time, last_count = start, 0
        while not stop.wait(args.every):
            now, count = time.monotonic(), done[0]
            own, total = tree_rss(me)
            rate = (count - last_count) / (now - last_time)
            print(f"{now - start:.0f}\t{count}\t{rate:.1f}\t{own:.0f}\t{total:.0f}", flush=True)
            last_time, last_count = now, count

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    report = update_store(
        [corpus], store, jobs=args.jobs, validate=False, on_article=lambda _: done.__setitem__(0, done[0] + 1)
    )
    stop.set()
    elapsed = time.monotonic() - start
    peak = me.memory_info().rss / 2**20
    rate = report.articles / elapsed
    print(f"{elapsed:.0f}\t{report.articles}\t{rate:.1f}\t{peak:.0f}\t-\t(end; {report.triples} triples)", flush=True)
    shutil.rmtree(store, ignore_errors=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
