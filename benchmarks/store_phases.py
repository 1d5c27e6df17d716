"""Where the parent of a ``--store`` build spends its CPU: while the workers extract, and after.

    PYTHONPATH=. .venv/bin/python benchmarks/store_phases.py --articles 2000 --jobs 2

Builds the synthetic corpus of ``benchmarks/build.py`` (written once under ``--workdir``)
into a new store as ``kg build CORPUS --store DIR --no-validate --jobs N`` does
(:func:`kg.build.update_store`), and prints the wall time and this process's CPU seconds
at each phase: every 500 articles stored, then compacting, counting and the summary.
What the parent does after the last article is stored runs with the workers gone, on one
core: with 2 cores, ``--jobs 2`` takes at least (workers' CPU + the parent's CPU before
that point) / 2 + the parent's CPU after it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from pathlib import Path

from build import corpus as synthetic_corpus  # benchmarks/build.py: written once, reused


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process alone (not its workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main() -> None:
    """Build the store and print the phases."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    from kg.build import update_store

    folder = synthetic_corpus(args.articles, args.seed, args.workdir)
    out = args.workdir / f"phases-{args.articles}-{args.jobs}"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    marks: list[tuple[str, float, float]] = []

    def mark(what: str) -> None:
        marks.append((what, time.perf_counter() - start, cpu_seconds()))

    stored = [0]

    def article(_: object) -> None:
        stored[0] += 1
        if stored[0] % 500 == 0 or stored[0] == args.articles:
            mark(f"{stored[0]} articles stored")

    update_store([folder], out, validate=False, jobs=args.jobs, on_article=article, on_phase=mark)
    mark("end")
    for what, wall, cpu in marks:
        print(f"{wall:7.1f} s wall {cpu:7.1f} CPU s  {what}")
    last = next(cpu for what, _, cpu in marks if what == f"{args.articles} articles stored")
    print(f"parent CPU s: {last:.1f} while extracting, {marks[-1][2] - last:.1f} after the last article")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
