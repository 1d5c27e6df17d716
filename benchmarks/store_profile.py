"""Profile the writer of a ``--store`` build: where the parent's CPU goes, per article.

    .venv/bin/python benchmarks/store_profile.py --articles 3000 --top 25

Extraction and graph building run first (``--jobs`` processes; their CPU seconds are
printed, and the result is cached in ``--workdir`` as a pickle); then the prepared
articles go into a new store the way ``kg build CORPUS --store DIR --no-validate``
writes them (:func:`kg.build.write_prepared`), under cProfile, and the hottest functions
(by own time and by cumulative time) are printed with the writer's CPU seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import resource
import shutil
import time
from pathlib import Path
from typing import Any

from build import corpus as synthetic_corpus  # benchmarks/build.py: written once, reused


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def write(store: Any, prepared: list[Any], knowledge: Any, report: Any) -> None:
    """What ``kg build --store --no-validate`` does with prepared articles; one by one before batches."""
    try:
        from kg.build import write_prepared
    except ImportError:  # the code before batched writes (a checkout of an older commit)
        for count, article in enumerate(prepared, 1):
            report.added.append(store.put(article, knowledge))
            if count % 200 == 0:
                store.flush()
        return
    write_prepared(store, iter(prepared), knowledge, report)


def main() -> None:
    """Prepare (or load) the articles, profile the writes and print the hot spots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="write only the first N prepared articles")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-profile", action="store_true", help="time only (cProfile slows Python ~1.5×)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    from kg.build import Extraction, read_articles
    from kg.knowledge import load_knowledge
    from kg.model import BuildReport
    from kg.persist import GraphStore

    corpus = synthetic_corpus(args.articles, args.seed, args.workdir)
    cache = args.workdir / f"prepared-{args.articles}-{args.seed}.pickle"
    if not cache.exists():
        before = cpu_seconds()
        prepared = list(Extraction(jobs=args.jobs).prepared(read_articles([corpus], [])))
        cache.write_bytes(pickle.dumps(prepared))
        print(f"extraction + graphs: {cpu_seconds() - before:.1f} CPU-s", flush=True)
    prepared = pickle.loads(cache.read_bytes())[: args.first or None]
    knowledge = load_knowledge([])
    folder = args.workdir / f"store-profile-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    profile = cProfile.Profile()
    report = BuildReport()
    before, start = cpu_seconds(), time.perf_counter()
    with GraphStore.open(folder) as store:
        if not args.no_profile:
            profile.enable()
        write(store, prepared, knowledge, report)
        profile.disable()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - before
    print(f"writer: {len(report.added)} articles, {cpu:.1f} CPU-s, {seconds:.1f} s wall, peak RSS {peak} MB")
    if not args.no_profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
