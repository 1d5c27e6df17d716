"""`kg query`, `kg stats`, `kg viz` and the event exports on a store, with its summary and without.

Each command runs as a whole process (``python -m kg …``), in turn with the store's summary
(``kg-summaries.sqlite``, :mod:`kg.summaries`) and with it moved aside (the SPARQL path);
the CPU seconds of the process (user + system) are measured, and the two outputs compared
byte for byte. The store's summary is written first when it has none (its cost printed).

    PYTHONPATH=. .venv/bin/python benchmarks/summaries.py --store STORE --rounds 2
    PYTHONPATH=. .venv/bin/python benchmarks/summaries.py --store STORE --in-process 5   # the queries' p50 in process

STORE is a store folder (``kg build --store``), or made from ``--ntriples FILE`` (bulk-loaded
into a new store folder: the 1.29M-triple graph of benchmarks/README.md, "Store summaries").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ("calls_per_pair", "state_dyads_per_month", "state_urged", "called_and_urged_deescalation")


def commands(store: Path, out: Path) -> dict[str, list[str]]:
    """Name → the kg command line (after ``python -m kg``); outputs go under ``out``."""
    found = {f"query {q}": ["query", str(store), q, "--format", "csv", "-o", str(out / f"{q}.csv")] for q in QUERIES}
    found["stats --json --top 2000"] = ["stats", str(store), "--json", "--top", "2000"]
    found["viz"] = ["viz", str(store), "-o", str(out / "page.html")]
    for fmt in ("csv", "gdelt", "gexf"):
        found[f"export --format {fmt}"] = ["export", str(store), "--format", fmt, "-o", str(out / f"events.{fmt}")]
    return found


def run(args: list[str], stdout: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one ``python -m kg`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with stdout.open("wb") as sink:
        subprocess.run([sys.executable, "-m", "kg", *args], stdout=sink, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def make_store(ntriples: Path, store: Path) -> None:
    """A store folder (marker and Oxigraph folder) whose default graph is ``ntriples``, bulk-loaded."""
    import pyoxigraph as ox

    from kg.persist import GraphStore

    GraphStore.open(store).close()
    oxigraph = ox.Store(str(store / "oxigraph"))
    oxigraph.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
    oxigraph.flush()
    oxigraph.optimize()


def in_process(store: Path, repeat: int) -> None:
    """p50 of each summarised query answered in this process (``kg.api.query``, the CSV written), wall and CPU ms."""
    from kg import api

    print("| query | rows | p50 wall ms (CPU ms) |")
    print("|---|---|---|")
    for name in QUERIES:
        walls, cpus, text = [], [], ""
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            text = api.query(store, name).text("csv")
            walls.append(1000 * (time.perf_counter() - wall))
            cpus.append(1000 * (time.process_time() - cpu))
        rows = text.count("\n") - 1
        print(f"| {name} | {rows:,} | {statistics.median(walls):.1f} ({statistics.median(cpus):.1f}) |")


def main() -> None:
    """Measure each command with and without the summary, interleaved, and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--ntriples", type=Path, help="Make --store from this N-Triples file (bulk-loaded) if it is new."
    )
    parser.add_argument("--in-process", type=int, default=0, help="Only the queries in this process, N times each.")
    options = parser.parse_args()
    store: Path = options.store
    if options.ntriples is not None and not store.exists():
        make_store(options.ntriples, store)
    if options.in_process:
        in_process(store, options.in_process)
        return
    summary = store / "kg-summaries.sqlite"
    if not summary.is_file():
        from kg.summaries import write_summaries

        start = time.process_time()
        write_summaries(store)
        print(f"summary written: {time.process_time() - start:.2f} CPU s, {summary.stat().st_size:,} bytes")
    aside = store.parent / (store.name + ".summary-aside")
    work = Path(tempfile.mkdtemp(prefix="kg-summaries-"))
    cpu: dict[tuple[str, str], list[float]] = {}
    for _ in range(options.rounds):
        for mode in ("summary", "sparql"):
            if mode == "sparql":
                os.replace(summary, aside)
            try:
                (work / mode).mkdir(exist_ok=True)
                for name, args in commands(store, work / mode).items():
                    seconds, _ = run(args, work / mode / (name.replace(" ", "_") + ".stdout"))
                    cpu.setdefault((name, mode), []).append(seconds)
            finally:
                if mode == "sparql":
                    os.replace(aside, summary)
    print("| command | SPARQL: CPU s | summary: CPU s |")
    print("|---|---|---|")
    for name in commands(store, work):
        sparql, quick = cpu[(name, "sparql")], cpu[(name, "summary")]
        print(
            f"| `kg {name}` | {', '.join(f'{s:.2f}' for s in sparql)} (median {statistics.median(sparql):.2f}) "
            f"| {', '.join(f'{s:.2f}' for s in quick)} (median {statistics.median(quick):.2f}) |"
        )
    files = sorted((work / "summary").iterdir())
    differing = [f.name for f in files if f.read_bytes() != (work / "sparql" / f.name).read_bytes()]
    print("outputs differing:", differing or "none", f"(in {work})")


if __name__ == "__main__":
    main()
