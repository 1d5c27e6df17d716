"""A long ``kg build`` in either mode, watched: articles/s, RSS and CPU of the parent and its workers.

    nice -n 10 .venv/bin/python benchmarks/scale_run.py --mode store --articles 100000 > store.tsv
    nice -n 10 .venv/bin/python benchmarks/scale_run.py --mode file --articles 100000 > file.tsv

Runs, in this process, what ``kg build CORPUS --store DIR --jobs N --no-validate``
(``--mode store``) or ``kg build CORPUS -o graph.nq --jobs N --no-validate`` (``--mode
file``) runs, over the synthetic corpus of :func:`benchmarks/build.py.corpus` (written
once under ``--workdir``). A thread samples every 2 s and prints a line every ``--every``
seconds and at each 10,000 articles: seconds, articles stored, articles/s over the last
line, RSS of this process (peak so far) and of it with its workers, CPU seconds of this
process (the parent: reading, writing, merging, Oxigraph's threads) and of the workers
(extraction and graphs). Above ``--kill-above`` MB (this process and its workers) the
run is killed. The last line is the whole run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import threading
import time
from pathlib import Path

import psutil
from build import corpus as synthetic_corpus  # benchmarks/build.py: written once, reused

MB = 2**20


class Watch:
    """Samples of the build process and its workers."""

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.peak = 0.0
        self.tree_peak = 0.0
        self.worker_cpu: dict[int, float] = {}

    def sample(self) -> tuple[float, float, float, float]:
        """RSS of this process and of the tree (MB), CPU-s of this process and of its workers."""
        own = self.me.memory_info().rss / MB
        total = own
        for child in self.me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss / MB
                times = child.cpu_times()
                self.worker_cpu[child.pid] = times.user + times.system
        self.peak, self.tree_peak = max(self.peak, own), max(self.tree_peak, total)
        times = self.me.cpu_times()
        return own, total, times.user + times.system, sum(self.worker_cpu.values())


def main() -> None:
    """Run the build and print the samples."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("store", "file"), default="store")
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=float, default=60.0, help="seconds between lines")
    parser.add_argument("--kill-above", type=float, default=16000, help="MB of this process and its workers")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    from kg import api

    corpus = synthetic_corpus(args.articles, args.seed, args.workdir)
    target = args.workdir / (f"scale-store-{args.articles}" if args.mode == "store" else f"scale-{args.articles}.nq")
    shutil.rmtree(target, ignore_errors=True)
    target.unlink(missing_ok=True)
    watch, done, start, stop = Watch(), [0], time.monotonic(), threading.Event()
    print(
        "seconds\tarticles\tarticles_per_s\tkg_rss_mb\tkg_peak_mb\ttree_rss_mb\tkg_cpu_s\tworkers_cpu_s\tnote",
        flush=True,
    )

    def line(last: tuple[float, int], note: str = "") -> tuple[float, int]:
        now, count = time.monotonic(), done[0]
        own, total, cpu, workers = watch.sample()
        rate = (count - last[1]) / max(now - last[0], 1e-9)
        fields = [f"{now - start:.0f}", str(count), f"{rate:.1f}", f"{own:.0f}", f"{watch.peak:.0f}", f"{total:.0f}"]
        print("\t".join([*fields, f"{cpu:.0f}", f"{workers:.0f}", note]), flush=True)
        if total > args.kill_above:
            print(f"killed: {total:.0f} MB above {args.kill_above:.0f}", flush=True)
            os._exit(3)
        return now, count

    def sampler() -> None:
        last, printed, milestone = (start, 0), start, 10000
        while not stop.wait(2.0):
            watch.sample()
            if done[0] >= milestone:
                last, printed = line(last, f"{milestone} articles"), time.monotonic()
                milestone += 10000
            elif time.monotonic() - printed >= args.every:
                last, printed = line(last), time.monotonic()

    def phase(name: str) -> None:
        line((time.monotonic(), done[0]), name)

    threading.Thread(target=sampler, daemon=True).start()
    count = lambda _: done.__setitem__(0, done[0] + 1)  # noqa: E731
    if args.mode == "store":
        report = api.update_store([corpus], target, jobs=args.jobs, validate=False, on_article=count, on_phase=phase)
    else:
        report = api.build([corpus], target, jobs=args.jobs, validate=False, on_article=count, on_phase=phase)
    stop.set()
    elapsed = time.monotonic() - start
    line((start, 0), f"end: {report.articles} articles, {report.triples} triples, {elapsed:.0f} s")
    print(f"peak RSS: kg {watch.peak:.0f} MB, with workers {watch.tree_peak:.0f} MB", flush=True)
    shutil.rmtree(target, ignore_errors=True)
    target.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
