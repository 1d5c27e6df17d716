"""Profile of extraction and graph preparation alone (no start-up), top functions by time.

    PYTHONPATH=. .venv/bin/python benchmarks/extract_profile.py --articles 200 [--top 10]

Extracts synthetic articles (benchmarks/synthetic_corpus.py, seed 1) and prepares each one's
graph as ``kg build`` does (:func:`kg.ntriples.prepare_article`), under cProfile; prints the
CPU seconds and the top functions by cumulative and by own time. Figures: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from synthetic_corpus import generate_articles

from kg.extract import Extractor
from kg.ntriples import prepare_article


def main() -> None:
    """Run the profile and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic articles")
    parser.add_argument("--top", type=int, default=10, help="functions to list per order")
    args = parser.parse_args()
    extractor = Extractor()
    articles = list(generate_articles(args.articles, seed=1))
    profile = cProfile.Profile()
    start = time.process_time()
    profile.enable()
    for result in extractor.extract_many(articles):
        prepare_article(result, extractor.knowledge)
    profile.disable()
    print(f"{args.articles} articles: {time.process_time() - start:.2f} s CPU (profiled)")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
