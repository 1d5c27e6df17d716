"""Latency of the shipped SPARQL queries (queries/*.rq) on a big graph: rdflib in memory vs Oxigraph.

    # a graph built by the real pipeline (a store of kg build --store, or a graph file):
    .venv/bin/python benchmarks/sparql.py --store /tmp/kg-bench/out-store-10000-2/store
    # or a built graph replicated K times with renamed IRIs (actors shared across copies):
    .venv/bin/python benchmarks/sparql.py --graph small.nq --replicate 8

The graph is written once as N-Triples (the union of the named graphs, no repeats), then
loaded into (a) an rdflib in-memory ``Graph`` and (b) an Oxigraph store on disk opened
through :mod:`kg.persist` (oxrdflib: rdflib's API, Oxigraph's SPARQL engine) — what
``kg query`` runs on a graph file and on a store folder. Each query runs ``--repeat``
times per engine in a worker process that keeps the graph loaded; the median is
reported. A run longer than ``--limit`` seconds kills the worker and is reported as
"> limit" (the worker is restarted, graph reloaded, for the next query); a query whose
first runs add up past the limit is not repeated further (the number of runs is given).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ID = "https://w3id.org/arabic-diplomacy-kg/id/"
#: IRIs under these stay the same in every copy: the same actors appear in every corpus.
SHARED = tuple(ID + kind for kind in ("person/", "state/", "org/"))


def write_ntriples(args: argparse.Namespace, out: Path) -> int:
    """Write the benchmark graph as N-Triples; how many triples."""
    import pyoxigraph as ox

    if args.store is not None:
        from kg.persist import GraphStore

        with GraphStore.open(args.store, read_only=True) as store:
            inner = store._store._store  # type: ignore[attr-defined]  # the pyoxigraph Store
            inner.dump(str(out), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    else:
        source = Path(args.graph)
        kinds = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES}
        fmt = kinds.get(source.suffix, ox.RdfFormat.TURTLE)
        triples = {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(source), format=fmt)}

        def rename(term: Any, copy: int) -> Any:
            if isinstance(term, ox.NamedNode) and term.value.startswith(ID) and not term.value.startswith(SHARED):
                return ox.NamedNode(f"{ID}r{copy}/{term.value[len(ID) :]}")
            return term

        def copies() -> Any:
            for copy in range(args.replicate):
                for s, p, o in triples:
                    yield ox.Triple(rename(s, copy), p, rename(o, copy))

        # Shared actors' triples repeat in every copy; a set keeps one of each.
        unique = {(t.subject, t.predicate, t.object) for t in copies()}
        ox.serialize((ox.Triple(*t) for t in unique), output=str(out), format=ox.RdfFormat.N_TRIPLES)
    with out.open("rb") as handle:
        return sum(1 for _ in handle)


def _serve(engine: str, ntriples: str, folder: str, conn: Connection) -> None:
    """Worker: load the graph once, then time each query the parent sends."""
    start = time.perf_counter()
    if engine == "rdflib":
        from rdflib import Graph

        graph = Graph()
        graph.parse(ntriples, format="nt")
    else:
        from kg.persist import open_graph

        graph = open_graph(Path(folder))
    conn.send(("loaded", time.perf_counter() - start))
    while True:
        query = conn.recv()
        if query is None:
            return
        start = time.perf_counter()
        rows = sum(1 for _ in graph.query(query))
        conn.send((time.perf_counter() - start, rows))


class Worker:
    """A process holding one engine's graph; restarted after a query is killed."""

    def __init__(self, engine: str, ntriples: Path, folder: Path) -> None:
        self.args = (engine, str(ntriples), str(folder))
        self.process: multiprocessing.process.BaseProcess | None = None
        self.load_s: float | None = None

    def start(self) -> None:
        """Start the worker and wait for its graph to load."""
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(*self.args, child), daemon=True)
        self.process.start()
        _, self.load_s = self.conn.recv()

    def run(self, query: str, limit: float) -> tuple[float, int] | None:
        """``(seconds, rows)``, or ``None`` when the query ran past ``limit`` (the worker is killed)."""
        if self.process is None:
            self.start()
        self.conn.send(query)
        if self.conn.poll(limit):
            seconds, rows = self.conn.recv()
            return float(seconds), int(rows)
        self.stop(kill=True)
        return None

    def stop(self, kill: bool = False) -> None:
        """Stop the worker."""
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.conn.send(None)
        self.process.join()
        self.process = None


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--store", type=Path, help="a store folder made by kg build --store")
    source.add_argument("--graph", type=Path, help="a graph file made by kg build (.nq, .trig, .ttl, .nt)")
    parser.add_argument("--replicate", type=int, default=1, help="copies of --graph, IRIs renamed")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per query run")
    parser.add_argument("--engines", default="oxigraph,rdflib")
    parser.add_argument("--queries", default="", help="comma-separated query names (default: all)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench/sparql"))
    parser.add_argument("--json", type=Path)
    return parser.parse_args()


def _time_query(worker: Worker, text: str, repeat: int, limit: float) -> dict[str, Any]:
    """Up to ``repeat`` runs of one query (fewer once ``limit`` seconds are spent)."""
    times: list[float] = []
    rows = None
    timed_out = False
    while len(times) < repeat:
        outcome = worker.run(text, limit)
        if outcome is None:
            timed_out = True
            break
        times.append(outcome[0])
        rows = outcome[1]
        if sum(times) > limit:
            break
    return {"times": times, "rows": rows, "timed_out": timed_out}


def _print_table(figures: dict[str, dict[str, Any]], engines: list[str], repeat: int, limit: float) -> None:
    print("| query | rows | " + " | ".join(engines) + " |")
    print("|---|---|" + "---|" * len(engines))
    for name, entry in figures.items():
        cells = []
        for engine in engines:
            got = entry.get(engine, {})
            if got.get("timed_out") and not got.get("times"):
                cells.append(f"> {limit:.0f} s")
            elif got.get("times"):
                runs = len(got["times"])
                cells.append(f"{statistics.median(got['times']):.2f} s" + (f" ({runs} runs)" if runs < repeat else ""))
            else:
                cells.append("—")
        rows = {str(entry[e].get("rows")) for e in engines if e in entry and entry[e].get("rows") is not None}
        print(f"| {name} | {' / '.join(sorted(rows)) or '?'} | " + " | ".join(cells) + " |")


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    args = _arguments()
    from kg.persist import GraphStore
    from kg.resources import query_dir

    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    ntriples = args.workdir / "graph.nt"
    start = time.perf_counter()
    count = write_ntriples(args, ntriples)
    print(f"{count} triples ({time.perf_counter() - start:.0f} s to prepare)", flush=True)
    folder = args.workdir / "store"
    with GraphStore.open(folder) as store:
        import pyoxigraph as ox

        # The store's default graph is what its queries read (kg.persist keeps the union there).
        store._store._store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)  # type: ignore[attr-defined]
    wanted = {name.strip() for name in args.queries.split(",") if name.strip()}
    queries = sorted(q for q in query_dir().glob("*.rq") if not wanted or q.stem in wanted)
    print("uptime before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
    figures: dict[str, dict[str, Any]] = {}
    engines = args.engines.split(",")
    for engine in engines:
        worker = Worker(engine, ntriples, folder)
        worker.start()
        print(f"{engine}: graph loaded in {worker.load_s:.1f} s", flush=True)
        for query_file in queries:
            got = _time_query(worker, query_file.read_text(encoding="utf-8"), args.repeat, args.limit)
            figures.setdefault(query_file.stem, {})[engine] = got
            times = got["times"]
            shown = f"> {args.limit:.0f} s" if got["timed_out"] and not times else f"{statistics.median(times):.2f} s"
            print(f"  {query_file.stem}: {shown} ({len(times)} runs, {got['rows']} rows)", flush=True)
        worker.stop()
    print("uptime after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"\n{count} triples; median of up to {args.repeat} runs, limit {args.limit:.0f} s per run\n")
    _print_table(figures, engines, args.repeat, args.limit)
    if args.json:
        args.json.write_text(json.dumps({"triples": count, "figures": figures}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
