"""``kg export`` speed per format on a large store: triples or rows a second (issue 15).

A synthetic store is made once (``benchmarks/store.py``'s corpus of calls and appeals,
stored article by article, then its article and event graphs copied ``--copies`` times
under new IRIs — the same actors, more events), then every format is exported from it
with :func:`kg.formats.export_to`, as ``kg export STORE --format F -o FILE`` does. RDF
formats count triples written (TriG and N-Quads: the quads of the named graphs); the
others count the rows (events, actors, facts) they write; the rate is that count over the
CPU seconds of the whole export (opening the store, queries, writing the file) — CPU, not
wall-clock, time, as the shared machine runs other work. ``--work DIR`` keeps the store
for later runs.

Run::

    .venv/bin/python benchmarks/exports.py                       # ~2M triples, from the store
    .venv/bin/python benchmarks/exports.py --copies 61 --formats jsonld,trig,nquads   # 1.24M triples
    .venv/bin/python benchmarks/exports.py --articles 60 --copies 30 --sources store,file  # 0.6M, store and file
    .venv/bin/python benchmarks/exports.py --articles 20 --copies 5 --formats turtle,gdelt
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from store import EMPTY, corpus  # benchmarks/store.py

from kg.formats import EXPORT_FORMATS, event_table, export_to
from kg.persist import GraphStore

_COPIED = ("article/", "report/", "event/", "evidence/", "graph/article/", "graph/event/")


def make_store(folder: Path, articles: int, copies: int, compact: bool = True) -> int:
    """A store of ``articles`` synthetic articles, its article and event graphs copied ``copies`` times,
    compacted at the end as ``kg build --store`` leaves it (``compact=False``: as it did before issue 15)."""
    with GraphStore.in_memory() as memory:
        for result in corpus(articles):
            memory.put(result, EMPTY)
        quads = list(memory._oxigraph().quads_for_pattern(None, None, None))
    base = "https://w3id.org/arabic-diplomacy-kg/id/"

    def renamed(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph | ox.Triple, copy: int) -> object:
        if isinstance(term, ox.NamedNode) and term.value.startswith(base):
            local = term.value.removeprefix(base)
            if local.startswith(_COPIED):
                return ox.NamedNode(f"{base}{local.split('/', 1)[0]}/c{copy}/{local.split('/', 1)[1]}")
        return term

    with GraphStore.open(folder) as store:
        inner = store._oxigraph()
        for copy in range(copies):
            inner.bulk_extend(
                ox.Quad(*(renamed(t, copy) for t in (q.subject, q.predicate, q.object, q.graph_name)))  # type: ignore[arg-type]
                for q in quads
            )
        if compact:
            store.compact()
        count = next(iter(inner.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))  # type: ignore[call-overload]
        return int(count[0].value)


def count_quads(store: Path) -> int:
    """The quads of the store's named graphs (what TriG and N-Quads write)."""
    with GraphStore.open(store, read_only=True) as opened:
        query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        count = next(iter(opened._oxigraph().query(query)))  # type: ignore[call-overload]
        return int(count[0].value)


def count_rows(fmt: str, out: Path, triples: int, events: int, quads: int) -> int:
    """What an export wrote: triples (quads for TriG, N-Quads), events for networks and Neo4j, else lines."""
    if fmt in {"trig", "nquads"}:
        return quads
    if fmt in {"turtle", "nt", "jsonld"}:
        return triples
    if fmt in {"gexf", "graphml"} or out.is_dir():
        return events
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    return lines - (1 if fmt in {"csv", "actors"} else 0)


def main() -> None:
    """Make the store, export it in each format, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--formats", default=",".join(EXPORT_FORMATS))
    parser.add_argument("--no-compact", action="store_true", help="leave the new store uncompacted (as before)")
    parser.add_argument("--work", type=Path, default=None, help="Keep the store here (default: a temporary folder).")
    parser.add_argument(
        "--sources", default="store", help="store, file (the store's N-Quads file, parsed in memory) or store,file."
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-exports-"))
    store = work / "store"
    start = time.perf_counter()
    if (store / "kg-store.json").exists():  # kept from an earlier run with --work
        triples = int((work / "triples.txt").read_text())
    else:
        triples = make_store(store, args.articles, args.copies, compact=not args.no_compact)
        (work / "triples.txt").write_text(str(triples))
    quads = count_quads(store)
    print(f"store: {triples:,} triples (default graph), {quads:,} quads in {time.perf_counter() - start:.1f} s")
    events = len(event_table(store).events)
    print(f"events: {events:,}\n")
    sources = [("store", store)] if "store" in args.sources else []
    if "file" in args.sources:
        if not (work / "graph.nq").exists():
            export_to(store, "nquads", work / "graph.nq")
        sources.append(("N-Quads file", work / "graph.nq"))
    print("| source | format | wall s | CPU s | rows or triples | per CPU second | output MB |")
    print("|---|---|---|---|---|---|---|")
    for label, source in sources:
        for fmt in args.formats.split(","):
            out = work / ("neo4j" if fmt == "neo4j" else f"out.{fmt}")
            start, cpu = time.perf_counter(), time.process_time()
            export_to(source, fmt, out)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            count = count_rows(fmt, out, triples, events, quads)
            size = sum(p.stat().st_size for p in out.iterdir()) if out.is_dir() else out.stat().st_size
            figures = f"{seconds:.1f} | {cpu:.1f} | {count:,} | {count / cpu:,.0f} | {size / 1e6:.0f}"
            print(f"| {label} | {fmt} | {figures} |", flush=True)
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
