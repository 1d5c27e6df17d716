"""A spilled file build without extraction: what its reports cost in memory, kept in a dict or in the side file.

    cd benchmarks && PYTHONPATH=.. ../.venv/bin/python file_spill.py --pickle /tmp/kg-bench/prepared-5000-7.pickle \
        --copies 2 --keep memory,disk

Prepared articles (the pickle of ``store_profile.py``, each ``--copies`` times: see
:func:`store_profile.copied`) go into a temporary on-disk store as ``kg build CORPUS -o
graph.nq`` writes a corpus past ``kg.build.SPILL_ABOVE`` articles (``put(merge=False)``,
a flush every ``FLUSH_EVERY``), their reports kept in memory (before) or in the SQLite
side file (:class:`kg.kept_reports.KeptReports`); then the final merge in chunks of
keys. Prints CPU seconds and how much the RSS grew over the prepared articles loaded
(peak, sampled every 0.2 s), for the writes and for the merge.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil
from store_profile import copied, cpu_seconds


def run(prepared: list[object], copies: int, keep: str) -> None:
    """One build; prints its figures."""
    from kg import build
    from kg.kept_reports import KeptReports
    from kg.knowledge import load_knowledge
    from kg.persist import GraphStore

    knowledge = load_knowledge([])
    me, stop, peak = psutil.Process(), threading.Event(), [0.0]
    base = me.memory_info().rss

    def sample() -> None:
        while not stop.wait(0.2):
            peak[0] = max(peak[0], (me.memory_info().rss - base) / 2**20)

    threading.Thread(target=sample, daemon=True).start()
    folder = Path(tempfile.mkdtemp(prefix="kg-spill-"))
    store = GraphStore.open(folder / "store")
    kept = KeptReports(folder / "reports.sqlite" if keep == "disk" else None)
    start, count = cpu_seconds(), 0
    for number in range(copies):
        for article in prepared:
            item = copied(article, number)
            store.put(item, knowledge, merge=False)
            count += 1
            if count % build.FLUSH_EVERY == 0:
                store.flush()
            kept.keep(item.result.article.identifier, item.reports)
    written, write_peak = cpu_seconds() - start, peak[0]
    graphs = store.recompute(grouped=kept.by_key())
    merged = cpu_seconds() - start - written
    time.sleep(0.3)
    stop.set()
    kept.close()
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    print(
        f"{keep}: {count} articles; writes {written:.1f} CPU-s, RSS +{write_peak:.0f} MB; "
        f"merge of {graphs} event graphs {merged:.1f} CPU-s, RSS peak +{peak[0]:.0f} MB",
        flush=True,
    )


def main() -> None:
    """Load the prepared articles and run each way of keeping the reports."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pickle", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--keep", default="memory,disk", help="comma-separated: memory, disk")
    args = parser.parse_args()
    prepared = pickle.loads(args.pickle.read_bytes())
    for keep in args.keep.split(","):
        run(prepared, args.copies, keep)


if __name__ == "__main__":
    main()
