"""Extraction throughput against the floor of spaCy's bare Arabic tokenizer.

    .venv/bin/python benchmarks/throughput.py [--repeat 40] [PATH ...]

Reads the articles once (default: the sample corpus), then times, over ``repeat`` passes
of the same texts: the bare ``spacy.blank("ar")`` tokenizer, the full extraction
(pipeline + rules), and extraction + RDF graph building. Prints articles/s, words/s and
the ratio to the tokenizer floor. Figures are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from kg.build import read_articles
from kg.extract import Extractor
from kg.rdf import build_graph
from kg.resources import sample_corpus_dir


def main() -> None:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    problems: list[str] = []
    articles = list(read_articles(args.paths or [sample_corpus_dir()], problems)) * args.repeat
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor()
    bare = spacy.blank("ar")

    start = time.perf_counter()
    for _ in bare.pipe(a.text for a in articles):
        pass
    tokenize = time.perf_counter() - start

    start = time.perf_counter()
    results = list(extractor.extract_many(articles))
    extract = time.perf_counter() - start

    start = time.perf_counter()
    build_graph(results, extractor.knowledge)
    graph = time.perf_counter() - start

    print(f"{len(articles)} articles, {words} words")
    for name, seconds in (("bare tokenizer", tokenize), ("extraction", extract), ("extraction + RDF", extract + graph)):
        print(f"{name:<18} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  "
              f"{words / seconds:9.0f} words/s  {seconds / tokenize:5.1f}× floor")


if __name__ == "__main__":
    main()
