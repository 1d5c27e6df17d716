"""``kg build`` end to end (read → extract → RDF → graph file or store): wall time and peak memory.

    .venv/bin/python benchmarks/build.py --articles 10000 --modes memory,store --jobs 1,2
    .venv/bin/python benchmarks/build.py --articles 100000 --modes store --jobs 2 --json fig.json

For each (mode, jobs) pair the synthetic corpus of :func:`benchmarks/synthetic_corpus.py.write_corpus`
(written once under ``--workdir``, reused by later runs) is built by the real command in a
child process:

* ``memory`` — ``kg build CORPUS -o graph.ttl --jobs N`` (an in-memory Oxigraph store,
  events merged at the end, SHACL validation of the whole graph, the file written by
  Oxigraph);
* ``store`` — ``kg build CORPUS --store DIR --jobs N`` into a new Oxigraph store (each
  article validated and written in its own transaction).

Figures per run: wall time, articles/s, the peak RSS of the ``kg`` process itself (its
``VmHWM``), the peak of the whole process tree (``kg`` + extraction workers, sampled every
0.2 s), and ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the largest single descendant).
``--no-validate`` passes the flag on (to split validation's share off). The machine's load
(``uptime``) is printed before and after: other work on the machine skews the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

KG = str(Path(sys.executable).with_name("kg"))


def corpus(articles: int, seed: int, workdir: Path) -> Path:
    """The synthetic corpus of ``articles`` articles, written once and reused."""
    from synthetic_corpus import write_corpus

    folder = workdir / f"corpus-{articles}-{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(articles, seed, folder)
        done.write_text("ok")
    return folder


def run_measured(command: list[str], every: float = 10.0) -> dict[str, Any]:
    """Run ``command``; wall time and peak memory (MB) of it and of its process tree.

    ``timeline`` holds ``(seconds, kg RSS MB)`` every ``every`` seconds: whether memory
    levels off as the corpus streams through, within one run.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    main = psutil.Process(child.pid)
    main_peak = tree_peak = 0
    timeline: list[tuple[int, int]] = []
    # CPU seconds (user + system) last seen per process of the tree: the workers are the
    # fork server's children, so the driver's RUSAGE_CHILDREN never sees them.
    cpu: dict[int, float] = {}
    while child.poll() is None:
        try:
            with open(f"/proc/{child.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        main_peak = max(main_peak, int(line.split()[1]))
                    if line.startswith("VmRSS:") and time.perf_counter() - start >= every * len(timeline):
                        timeline.append((round(time.perf_counter() - start), int(line.split()[1]) // 1024))
            tree = [main, *main.children(recursive=True)]
            total = 0
            for process in tree:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss // 1024
                    times = process.cpu_times()
                    cpu[process.pid] = times.user + times.system
            tree_peak = max(tree_peak, total)
        except (OSError, psutil.Error):
            pass
        time.sleep(0.2)
    stdout, stderr = child.communicate()
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = usage.ru_maxrss
    kg_cpu = usage.ru_utime + usage.ru_stime - cpu_before
    other_cpu = sum(seconds for pid, seconds in cpu.items() if pid != child.pid)
    return {
        "returncode": child.returncode,
        "wall_s": round(wall, 1),
        "kg_peak_rss_mb": round(main_peak / 1024),
        "tree_peak_rss_mb": round(tree_peak / 1024),
        "rusage_children_maxrss_mb": round(max(after, before) / 1024) if after > before else None,
        "kg_cpu_s": round(kg_cpu, 1),
        "workers_cpu_s": round(other_cpu, 1),
        "timeline": timeline,
        "stdout_tail": stdout[-1500:],
        "stderr_tail": stderr[-1500:],
    }


def uptime() -> str:
    """The machine's load line."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def run_one(args: argparse.Namespace, folder: Path, mode: str, jobs: int) -> None:
    """One build (mode, jobs): its Markdown row, its JSON record, and its memory timeline."""
    out = args.workdir / f"out-{mode}-{args.articles}-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    command = [KG, "build", str(folder), "--jobs", str(jobs)]
    command += ["--store", str(out / "store")] if mode == "store" else ["-o", str(out / f"graph.{args.fmt}")]
    if args.no_validate:
        command.append("--no-validate")
    load_before = uptime()
    figures = run_measured(command)
    load_after = uptime()
    triples = next(
        (line.split(":")[-1].split()[0] for line in figures["stdout_tail"].splitlines() if "triples" in line),
        "?",
    )
    record = {
        "articles": args.articles,
        "seed": args.seed,
        "mode": mode,
        "jobs": jobs,
        "validate": not args.no_validate,
        "triples": triples,
        "load_before": load_before,
        "load_after": load_after,
        "cpus": os.cpu_count(),
        **figures,
    }
    if args.json:
        with args.json.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    rate = args.articles / figures["wall_s"] if figures["wall_s"] else 0
    loads = f"{load_before.split('average:')[-1].split(',')[0].strip()} → "
    loads += load_after.split("average:")[-1].split(",")[0].strip()
    status = "" if figures["returncode"] == 0 else f" (exit {figures['returncode']})"
    print(
        f"| {args.articles} | {mode} | {jobs} | {figures['wall_s']}{status} | {rate:.1f} | "
        f"{figures['kg_peak_rss_mb']} | {figures['tree_peak_rss_mb']} | {triples} | "
        f"{figures['kg_cpu_s']} + {figures['workers_cpu_s']} | {loads} |",
        flush=True,
    )
    if figures["returncode"] != 0:
        print(figures["stderr_tail"], file=sys.stderr)
    timeline = figures["timeline"]
    if len(timeline) >= 4:
        marks = [timeline[len(timeline) * k // 4] for k in (1, 2, 3)] + [timeline[-1]]
        print("  kg RSS MB at " + ", ".join(f"{t} s: {m}" for t, m in marks), flush=True)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    """Run the builds and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--modes", default="memory,store", help="memory, store or both (comma-separated)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated process counts")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--fmt", default="ttl", help="graph file suffix of memory builds: ttl, nq or trig")
    parser.add_argument("--keep", action="store_true", help="keep the stores and graph files built")
    parser.add_argument("--json", type=Path, help="append the figures to this JSON Lines file")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    folder = corpus(args.articles, args.seed, args.workdir)
    print(f"corpus {folder}: {args.articles} articles ({time.perf_counter() - start:.0f} s to write or find)")
    print(
        "| articles | mode | jobs | wall s | articles/s | kg peak RSS MB | tree peak RSS MB | triples "
        "| CPU s: kg + workers | load before → after |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for mode in args.modes.split(","):
        for jobs in (int(j) for j in args.jobs.split(",")):
            run_one(args, folder, mode, jobs)


if __name__ == "__main__":
    main()
