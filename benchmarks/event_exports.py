"""The event exports of a store in one process: rows a CPU second, and what reading the table costs.

For each round and each format (``csv``, ``gdelt``, ``gexf``) the export is rendered as
``kg export STORE --format FMT`` renders it (:data:`kg.formats.FORMATS`), timed in CPU
seconds of this process; the table's read alone (:func:`kg.formats.event_table`) is timed
beside it. The MD5 of each output is printed so that two versions of the code can be
compared byte for byte on the same store.

    PYTHONPATH=. .venv/bin/python benchmarks/event_exports.py --store STORE --rounds 3

STORE needs its summary (``kg-summaries.sqlite``, written by ``kg build --store``); without
one the exports read the graph with SPARQL, which this script reports and refuses.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

from kg.formats import FORMATS, event_table
from kg.summaries import open_summary

NAMES = ("csv", "gdelt", "gexf")


def main() -> int:
    """Time the event exports of ``--store`` and print rows a CPU second per format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    summary = open_summary(args.store)
    if summary is None:
        print(f"{args.store}: no fresh summary; run kg build --store on it first", file=sys.stderr)
        return 2
    summary.close()
    formats = {f.name: f for f in FORMATS}
    rows = len(event_table(args.store).events)
    times: dict[str, list[float]] = {name: [] for name in ("read", *NAMES)}
    digests: dict[str, str] = {}
    for _ in range(args.rounds):
        start = time.process_time()
        event_table(args.store)
        times["read"].append(time.process_time() - start)
        for name in NAMES:
            start = time.process_time()
            output = formats[name].render(args.store)
            times[name].append(time.process_time() - start)
            data = output.encode("utf-8") if isinstance(output, str) else output
            digests[name] = hashlib.md5(data).hexdigest()
    print(f"{rows} events; CPU s min / median of {args.rounds}")
    for name, spent in times.items():
        rate = f"  {rows / min(spent):,.0f} / {rows / statistics.median(spent):,.0f} rows a CPU s"
        digest = f"  md5 {digests[name]}" if name in digests else ""
        print(f"{name:6} {min(spent):.3f} / {statistics.median(spent):.3f}{'' if name == 'read' else rate}{digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
