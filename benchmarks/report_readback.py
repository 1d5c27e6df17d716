"""Reading a store's reports back by merge key: SPARQL through rdflib against Oxigraph's look-ups.

    PYTHONPATH=. .venv/bin/python benchmarks/report_readback.py --store STORE --rounds 5 --batch 40

When ``kg build --store`` adds an article, it reads back the stored reports of every merge
key the article names (:meth:`kg.dataset.OxigraphDataset._reports_of`) unless they are in
its cache. This reads the keys of all the store's events, ``--batch`` keys a call (about
one article's worth), once with :func:`kg.reports.reports_of_events` (SPARQL over the
store's rdflib view) and once with :func:`kg.reports.stored_reports` (Oxigraph's index
look-ups), interleaved, checks that both give the same reports and prints CPU seconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def main() -> None:
    """Time both readers over every key of ``--store``; check they agree."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=40, help="keys a call")
    args = parser.parse_args()

    from kg.ntriples import rdflib_term
    from kg.persist import GraphStore
    from kg.reports import MergeKey, Report, reports_in, reports_of_events, stored_reports

    store = GraphStore.open(args.store, read_only=True)
    keys = sorted({report.key for report in reports_in(store.view)})
    batches = [set(keys[at : at + args.batch]) for at in range(0, len(keys), args.batch)]
    inner = store.oxigraph()

    def by_sparql(batch: set[MergeKey]) -> list[Report]:
        return reports_of_events(store.view, batch)

    def by_look_ups(batch: set[MergeKey]) -> list[Report]:
        return stored_reports(inner, batch, rdflib_term)

    readers = {"sparql": by_sparql, "oxigraph": by_look_ups}
    spent: dict[str, list[float]] = {name: [] for name in readers}
    found: dict[str, list[list[Report]]] = {}
    for _ in range(args.rounds):
        for name, read in readers.items():
            start = time.process_time()
            found[name] = [sorted(read(batch), key=lambda r: str(r.iri)) for batch in batches]
            spent[name].append(time.process_time() - start)
    assert found["sparql"] == found["oxigraph"], "the two readers disagree"
    reports = sum(len(group) for group in found["sparql"])
    print(f"{len(keys)} keys in {len(batches)} calls, {reports} reports; CPU s min / median of {args.rounds}")
    for name, times in spent.items():
        per = 1000 * min(times) / len(batches)
        print(f"{name:9} {min(times):.3f} / {statistics.median(times):.3f}  ({per:.2f} ms a call)")


if __name__ == "__main__":
    main()
