"""SHACL validation cost: the whole graph of a build, and article by article in a store.

    .venv/bin/python benchmarks/validate.py --articles 300 --store-articles 100

Builds the synthetic corpus of :func:`benchmarks/synthetic_corpus.py.write_corpus` in memory and times
(CPU) copying the union into rdflib and :func:`kg.validate.validate_graph` on it (what
``kg build -o FILE`` does at the end), then adds the first ``--store-articles`` articles to
a new store with validation on and off (what ``kg build --store`` does per article) and prints
the difference per article.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--store-articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    from synthetic_corpus import write_corpus

    from kg.build import build_store, update_store
    from kg.extract import Extractor
    from kg.validate import validate_graph

    work = Path(tempfile.mkdtemp(prefix="kg-validate-"))
    try:
        corpus = work / "corpus"
        write_corpus(args.articles, args.seed, corpus)
        extractor = Extractor()
        store, _ = build_store([corpus], extractor=extractor)
        start = time.process_time()
        union = store.union()
        copied = time.process_time() - start
        outcome = validate_graph(union, store.oxigraph())  # as `kg build -o FILE` does
        took = time.process_time() - start - copied
        size = f"{args.articles} articles, {len(union)} triples"
        print(f"whole graph: {size}: union copied in {copied:.1f} CPU s, validated in {took:.1f} CPU s")
        print(f"conforms: {outcome.conforms}")

        few = work / "few"
        few.mkdir()
        for text in sorted(corpus.glob("*.txt"))[: args.store_articles]:
            for part in corpus.glob(text.stem + ".*"):
                shutil.copy(part, few / part.name)
        timings = {}
        for validate in (False, True):
            start = time.perf_counter()
            report = update_store([few], work / f"store-{validate}", extractor=extractor, validate=validate)
            timings[validate] = (time.perf_counter() - start) / max(report.articles, 1)
        print(
            f"store, {args.store_articles} articles: {timings[False] * 1000:.0f} ms an article without validation, "
            f"{timings[True] * 1000:.0f} ms with ({(timings[True] - timings[False]) * 1000:.0f} ms of SHACL)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
