"""Profile of extraction and graph preparation alone (no start-up), top functions by time.

    PYTHONPATH=. .venv/bin/python benchmarks/extract_profile.py --articles 200 [--top 10]
    PYTHONPATH=. .venv/bin/python benchmarks/extract_profile.py --articles 300 --plain
    PYTHONPATH=. .venv/bin/python benchmarks/extract_profile.py --corpus ../shared/corpus/pool --plain

Extracts synthetic articles (benchmarks/synthetic_corpus.py, seed 1) and prepares each one's
graph as ``kg build`` does (:func:`kg.ntriples.prepare_article`), under cProfile; prints the
CPU seconds and the top functions by cumulative and by own time. With ``--plain``, no
profiler (it inflates code that makes many small calls): the CPU seconds, those of spaCy's
bare Arabic tokenizer over the same texts (mean of 5 passes) and their ratio. With
``--corpus DIR``, the articles of a folder (``*.txt`` and their metadata) instead.
Figures: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

import spacy
from synthetic_corpus import generate_articles

from kg.extract import Extractor
from kg.ntriples import prepare_article
from kg.read import Article, read_article


def extract_and_prepare(extractor: Extractor, articles: list[Article]) -> None:
    """Extract the articles and prepare each one's graph, as ``kg build --jobs 1`` does."""
    for result in extractor.extract_many(articles):
        prepare_article(result, extractor.knowledge)


def tokenizer_seconds(articles: list[Article], passes: int = 5) -> float:
    """Mean CPU seconds of ``spacy.blank("ar")``'s tokenizer over the articles' texts."""
    tokenizer = spacy.blank("ar").tokenizer
    texts = [article.text for article in articles]
    start = time.process_time()
    for _ in range(passes):
        for _doc in tokenizer.pipe(texts):
            pass
    return (time.process_time() - start) / passes


def main() -> None:
    """Run the profile and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic articles")
    parser.add_argument("--top", type=int, default=10, help="functions to list per order")
    parser.add_argument("--plain", action="store_true", help="CPU seconds without the profiler")
    parser.add_argument("--corpus", type=Path, help="a folder of articles instead of synthetic ones")
    args = parser.parse_args()
    extractor = Extractor()
    if args.corpus:
        articles = [read_article(path) for path in sorted(args.corpus.glob("*.txt"))]
    else:
        articles = list(generate_articles(args.articles, seed=1))
    if args.plain:
        start = time.process_time()
        extract_and_prepare(extractor, articles)
        seconds = time.process_time() - start
        floor = tokenizer_seconds(articles)
        ratio = seconds / floor
        print(f"{len(articles)} articles: {seconds:.2f} s CPU; tokenizer {floor:.3f} s CPU; {ratio:.0f}× floor")
        return
    profile = cProfile.Profile()
    start = time.process_time()
    profile.enable()
    extract_and_prepare(extractor, articles)
    profile.disable()
    print(f"{len(articles)} articles: {time.process_time() - start:.2f} s CPU (profiled)")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
