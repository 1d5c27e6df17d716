"""Latency of the shipped queries, ``kg query``, ``kg stats`` and ``kg viz`` on a big graph, in Oxigraph.

    # a graph built by the real pipeline, replicated K times with renamed IRIs (benchmarks/sparql.py):
    kg build CORPUS -o s1k.nq --no-validate
    .venv/bin/python benchmarks/queries.py --graph s1k.nq --replicate 9 --repeat 7
    # the shipped queries against older versions of them (a folder of .rq), interleaved, rows compared:
    .venv/bin/python benchmarks/queries.py --graph s1k.nq --replicate 7 --baseline old-queries/ --only-queries

The graph is written once as N-Triples (:func:`sparql.write_ntriples`: the union of the
named graphs, each triple once). Then, in this process:

* **pyoxigraph**: the file bulk-loaded into an in-memory ``pyoxigraph.Store``, and each
  query run ``--repeat`` times with every solution read (the median is printed);
* **kg query**: what ``kg query FILE NAME --format csv`` runs (:func:`kg.api.query` and
  the CSV text), load included, against pyoxigraph's load + query + CSV (the ratio);
* **kg stats** and **kg viz**: :func:`kg.api.stats` and :func:`kg.api.viz` on the file
  (load included), and on the loaded store (their SPARQL and networkx work alone).

``--kg-repeat`` sets how often the load-included runs repeat (each loads the graph).
``--baseline DIR`` times each query of ``DIR`` (same file name) against the shipped one,
run after run in turn, and says whether both answer the same rows (as a multiset; the
order too, in ``--only-queries``' table). ``--ntriples PATH`` keeps the benchmark graph
there and reuses it when it exists (the replication takes minutes).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sparql import write_ntriples

#: Queries timed through ``kg query`` too (each run loads the graph): a small, a mid and a large answer.
COMPARED = ("actor_timeline", "calls_per_pair", "who_called_whom")


def _median_seconds(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median wall time of ``repeat`` runs, and the last run's value."""
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def _load(nt: Path) -> Any:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    return store


def _rows(store: Any, text: str) -> int:
    return sum(1 for _ in store.query(text))


def _csv(store: Any, text: str) -> bytes:
    import pyoxigraph as ox

    return bytes(store.query(text).serialize(format=ox.QueryResultsFormat.CSV))


def main() -> None:
    """Print the figures of the module docstring for the graph given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", required=True, help="a graph file written by kg build (.nq, .nt, .ttl, .trig)")
    parser.add_argument("--replicate", type=int, default=1, help="copies of --graph, IRIs renamed")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query in pyoxigraph")
    parser.add_argument("--kg-repeat", type=int, default=3, help="runs of the load-included measures")
    parser.add_argument("--queries", nargs="*", default=None, help="query names (default: all of queries/)")
    parser.add_argument(
        "--compare", nargs="*", default=COMPARED, help="queries also timed through kg query, load included"
    )
    parser.add_argument(
        "--stats-only",
        action="store_true",
        help="only kg stats and kg viz on the file (api.stats, api.viz: also runs on older versions of kg)",
    )
    parser.add_argument("--only-queries", action="store_true", help="only the pyoxigraph query table")
    parser.add_argument("--baseline", type=Path, help="a folder of older .rq files timed against the shipped ones")
    parser.add_argument("--ntriples", type=Path, help="keep the benchmark graph here (reused when it exists)")
    args = parser.parse_args()
    args.store = None

    from kg import api

    with tempfile.TemporaryDirectory(prefix="kg-queries-") as folder:
        nt = args.ntriples or Path(folder) / "graph.nt"
        if args.ntriples is not None and nt.exists():
            with nt.open("rb") as handle:
                triples = sum(1 for _ in handle)
        else:
            triples = write_ntriples(args, nt)
        html = Path(folder) / "graph.html"
        if args.stats_only:
            print(f"graph: {triples:,} triples")
            _time("kg stats (load included)", lambda: api.stats(nt), args.kg_repeat)
            _time("kg viz (load included)", lambda: api.viz(nt, html), args.kg_repeat)
            return
        _queries(args, nt, triples, html)


def _time(label: str, run: Callable[[], Any], repeat: int) -> None:
    cpu = time.process_time()
    seconds, _ = _median_seconds(run, repeat)
    cpu = (time.process_time() - cpu) / repeat
    print(f"{label}: {seconds:.2f} s (median of {repeat}; {cpu:.2f} s CPU per run)", flush=True)


def _queries(args: argparse.Namespace, nt: Path, triples: int, html: Path) -> None:
    """The query table, then kg stats and kg viz, for the N-Triples file ``nt``."""
    from kg import api
    from kg.query import read_query
    from kg.resources import query_dir

    load_s, store = _median_seconds(lambda: _load(nt), args.kg_repeat)
    print(f"graph: {triples:,} triples; pyoxigraph bulk load {load_s:.2f} s (median of {args.kg_repeat})")
    names = args.queries or sorted(p.stem for p in query_dir().glob("*.rq"))
    if args.baseline is not None:
        _against_baseline(store, names, args.baseline, args.repeat)
    else:
        print("| query | rows | pyoxigraph p50 | CPU p50 |")
        print("|---|---|---|---|")
        for name in names:
            timed = _timed_runs(store, read_query(name), args.repeat)
            print(f"| {name} | {len(timed.rows):,} | {timed.wall_ms:,.1f} ms | {timed.cpu_ms:,.1f} ms |", flush=True)
    if args.only_queries:
        return
    print("\n| query | pyoxigraph load + query + CSV | kg query (load included) | ratio |")
    print("|---|---|---|---|")
    for name in args.compare:
        text = read_query(name)
        baseline, _ = _median_seconds(lambda text=text: _csv(_load(nt), text), args.kg_repeat)
        through, _ = _median_seconds(lambda name=name: api.query(nt, name).text("csv"), args.kg_repeat)
        print(f"| {name} | {baseline:.2f} s | {through:.2f} s | {through / baseline:.2f} |", flush=True)
    _time("kg stats (load included)", lambda: api.stats(nt), args.kg_repeat)
    _time("kg viz (load included)", lambda: api.viz(nt, html), args.kg_repeat)
    _time("stats on the loaded store", lambda: _stats(store), args.kg_repeat)
    _time("viz on the loaded store", lambda: _viz(store, html), args.kg_repeat)


class _Timed:
    """The median wall and CPU milliseconds of a query's runs, and the rows of the last one."""

    def __init__(self) -> None:
        self.walls: list[float] = []
        self.cpus: list[float] = []
        self.rows: list[tuple[str | None, ...]] = []

    @property
    def wall_ms(self) -> float:
        return statistics.median(self.walls) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpus) * 1000

    def run(self, store: Any, text: str) -> None:
        """One more run of ``text``: every solution read (timed), then kept as strings (not timed)."""
        wall, cpu = time.perf_counter(), time.process_time()
        found = store.query(text)
        solutions = list(found)
        self.walls.append(time.perf_counter() - wall)
        self.cpus.append(time.process_time() - cpu)
        names = [variable.value for variable in found.variables]
        self.rows = [tuple(None if s[n] is None else str(s[n]) for n in names) for s in solutions]


def _timed_runs(store: Any, text: str, repeat: int) -> _Timed:
    timed = _Timed()
    for _ in range(repeat):
        timed.run(store, text)
    return timed


def _against_baseline(store: Any, names: list[str], baseline: Path, repeat: int) -> None:
    """Each query against the same-named file of ``baseline``, runs interleaved; same rows or not."""
    from kg.query import read_query

    print("| query | rows before | rows after | before p50 (CPU) | after p50 (CPU) | same rows |")
    print("|---|---|---|---|---|---|")
    for name in names:
        old_file = baseline / f"{Path(name).stem}.rq"
        before, after = _Timed(), _Timed()
        for _ in range(repeat):
            if old_file.exists():
                before.run(store, old_file.read_text(encoding="utf-8"))
            after.run(store, read_query(name))
        if not before.walls:
            print(f"| {name} | | {len(after.rows):,} | | {after.wall_ms:,.1f} ms ({after.cpu_ms:,.1f}) | new |")
            continue
        same = _same(before, after)
        print(
            f"| {name} | {len(before.rows):,} | {len(after.rows):,} | {before.wall_ms:,.1f} ms ({before.cpu_ms:,.1f}) "
            f"| {after.wall_ms:,.1f} ms ({after.cpu_ms:,.1f}) | {same} |",
            flush=True,
        )


def _same(before: _Timed, after: _Timed) -> str:
    """Whether ``after`` answered the rows of ``before``: in the same order, as a multiset, or a page of them."""
    if before.rows == after.rows:
        return "same order"
    old, new = Counter(before.rows), Counter(after.rows)
    if old == new:
        return "same set"
    return f"a page of them ({len(after.rows):,} of {len(before.rows):,})" if not new - old else "NO"


def _stats(store: Any) -> Any:
    from kg.analyse import graph_statistics

    return graph_statistics(store)


def _viz(store: Any, html: Path) -> Any:
    from kg.viz import write_network_html

    return write_network_html(store, html)


if __name__ == "__main__":
    main()
