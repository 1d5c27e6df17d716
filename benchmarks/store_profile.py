"""Profile the writer of a ``--store`` build: where the parent's CPU goes, per article.

    .venv/bin/python benchmarks/store_profile.py --articles 3000 --top 25

Extraction and graph building run first (``--jobs`` processes; their CPU seconds are
printed, and the result is cached in ``--workdir`` as a pickle); then the prepared
articles go into a new store the way ``kg build CORPUS --store DIR --no-validate``
writes them (:func:`kg.build.write_prepared`), under cProfile, and the hottest functions
(by own time and by cumulative time) are printed with the writer's CPU seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import pickle
import pstats
import re
import resource
import shutil
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from build import corpus as synthetic_corpus  # benchmarks/build.py: written once, reused


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


#: A date literal of an article graph (not the dates inside IRIs).
DATE_LITERAL = re.compile(r'"(\d{4})-(\d{2})-(\d{2})"\^\^')


def copied(prepared: Any, number: int) -> Any:
    """Copy ``number`` of a prepared article: another identifier, every date ``number`` × 3,000 days later.

    The corpus spans 2,737 days, so the copies' reports never merge with the originals',
    but they name the same merge keys: a key gathers reports as in a corpus ``copies``
    times longer (with fewer keys than a real one of that size).
    """
    if number == 0:
        return prepared
    shift = timedelta(days=3000 * number)
    old = prepared.result.article.identifier
    new = f"{old}-c{number}"

    def iri(node: Any) -> Any:
        return type(node)(str(node).replace(f"/{old}", f"/{new}"))

    def later(day: date | None) -> date | None:
        return None if day is None else day + shift

    def literal(match: re.Match[str]) -> str:
        return f'"{date(*map(int, match.groups())) + shift}"^^'

    text = DATE_LITERAL.sub(literal, prepared.ntriples.replace(f"/{old}", f"/{new}").replace(f'"{old}"', f'"{new}"'))
    reports = tuple(
        dataclasses.replace(
            r,
            iri=iri(r.iri),
            article=iri(r.article),
            article_id=new,
            evidence=tuple(map(iri, r.evidence)),
            date=later(r.date),
            article_date=later(r.article_date),
        )
        for r in prepared.reports
    )
    article = dataclasses.replace(
        prepared.result.article, identifier=new, published=later(prepared.result.article.published)
    )
    result = dataclasses.replace(prepared.result, article=article, date=later(prepared.result.date))
    return type(prepared)(result, text, reports, prepared.unknown_labels)


def write(store: Any, prepared: list[Any], knowledge: Any, report: Any, every: int = 1000) -> None:
    """What ``kg build --store --no-validate`` does with prepared articles; one by one before batches.

    Prints the writer's CPU ms an article for each ``every`` articles.
    """
    last = [cpu_seconds()]

    def tick(_: Any) -> None:
        if report.articles % every == 0:
            now = cpu_seconds()
            print(f"  {report.articles} articles: {1000 * (now - last[0]) / every:.1f} ms an article", flush=True)
            last[0] = now

    try:
        from kg.build import write_prepared
    except ImportError:  # the code before batched writes (a checkout of an older commit)
        for count, article in enumerate(prepared, 1):
            report.added.append(store.put(article, knowledge))
            if count % 200 == 0:
                store.flush()
        return
    write_prepared(store, iter(prepared), knowledge, report, on_article=tick)


def main() -> None:
    """Prepare (or load) the articles, profile the writes and print the hot spots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="write only the first N prepared articles")
    parser.add_argument("--copies", type=int, default=1, help="write the articles this many times (see copied)")
    parser.add_argument("--profile-after", type=int, default=0, help="profile only the articles after the first N")
    parser.add_argument("--pickle", type=Path, help="prepared articles cached by an earlier run")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-profile", action="store_true", help="time only (cProfile slows Python ~1.5×)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    from kg.build import Extraction, read_articles
    from kg.knowledge import load_knowledge
    from kg.model import BuildReport
    from kg.persist import GraphStore

    cache = args.pickle or args.workdir / f"prepared-{args.articles}-{args.seed}.pickle"
    if not cache.exists():
        corpus = synthetic_corpus(args.articles, args.seed, args.workdir)
        before = cpu_seconds()
        prepared = list(Extraction(jobs=args.jobs).prepared(read_articles([corpus], [])))
        cache.write_bytes(pickle.dumps(prepared))
        print(f"extraction + graphs: {cpu_seconds() - before:.1f} CPU-s", flush=True)
    prepared = pickle.loads(cache.read_bytes())[: args.first or None]
    prepared = [copied(article, number) for number in range(args.copies) for article in prepared]
    knowledge = load_knowledge([])
    folder = args.workdir / f"store-profile-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    profile = cProfile.Profile()
    report = BuildReport()
    before, start = cpu_seconds(), time.perf_counter()
    with GraphStore.open(folder) as store:
        write(store, prepared[: args.profile_after], knowledge, report)
        if not args.no_profile:
            profile.enable()
        write(store, prepared[args.profile_after :], knowledge, report)
        profile.disable()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - before
    print(f"writer: {len(report.added)} articles, {cpu:.1f} CPU-s, {seconds:.1f} s wall, peak RSS {peak} MB")
    if not args.no_profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
