"""Extraction throughput against the floor of spaCy's bare Arabic tokenizer.

    .venv/bin/python benchmarks/throughput.py --articles 1000 --seed 1 [--runs 3] [--graph]
    .venv/bin/python benchmarks/throughput.py [--repeat 40] [PATH ...]

Takes a synthetic corpus generated in memory (``--articles``, ``--seed``: benchmarks/synthetic_corpus.py),
or reads articles once (default: the sample corpus) and passes them ``repeat`` times.
Then times, in the same process: the bare ``spacy.blank("ar")`` tokenizer, the full
extraction (pipeline + rules) and, with ``--graph``, extraction + RDF graph building.
Each stage runs ``runs`` times and the best run counts. Prints articles/s, words/s and
the ratio to the tokenizer floor. Figures are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc
from synthetic_corpus import generate_articles

from kg.build import read_articles
from kg.extract import Extractor
from kg.persist import build_graph
from kg.read import Article
from kg.resources import sample_corpus_dir


def best_of(runs: int, stage: Callable[[], object]) -> float:
    """The shortest wall time of ``runs`` calls of ``stage``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        stage()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="articles or folders (default: the samples)")
    parser.add_argument("--repeat", type=int, default=40, help="passes over the read articles")
    parser.add_argument("--articles", type=int, help="use this many synthetic articles instead")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per stage; the best counts")
    parser.add_argument("--graph", action="store_true", help="also time building the RDF graph")
    parser.add_argument("--stages", action="store_true", help="also time each stage of the extraction alone")
    args = parser.parse_args()
    articles: list[Article]
    if args.articles:
        articles = list(generate_articles(args.articles, args.seed))
        corpus = f"synthetic corpus, {args.articles} articles, seed {args.seed}"
    else:
        problems: list[str] = []
        articles = list(read_articles(args.paths or [sample_corpus_dir()], problems)) * args.repeat
        corpus = f"{len(articles) // args.repeat} articles read once, passed {args.repeat} times"
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor()
    bare = spacy.blank("ar")
    # Warm up both (lazy loading, first-call caches) outside the timings.
    list(bare.pipe(a.text for a in articles[:20]))
    list(extractor.extract_many(articles[:20]))

    tokenize = best_of(args.runs, lambda: list(bare.pipe(a.text for a in articles)))
    extract = best_of(args.runs, lambda: list(extractor.extract_many(articles)))
    stages = [("bare tokenizer", tokenize), ("extraction", extract)]
    if args.graph:
        results = list(extractor.extract_many(articles))
        graph = best_of(args.runs, lambda: build_graph(results, extractor.knowledge))
        stages.append(("extraction + RDF", extract + graph))

    print(f"{corpus}: {len(articles)} articles, {words} words, best of {args.runs} runs")
    for name, seconds in stages:
        print(
            f"{name:<18} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  "
            f"{words / seconds:9.0f} words/s  {seconds / tokenize:5.1f}× floor"
        )
    if args.stages:
        print("stages of the extraction, each alone:")
        for name, seconds in stage_times(extractor, articles, args.runs):
            print(f"  {name:<16} {seconds:7.2f} s")


def stage_times(extractor: Extractor, articles: list[Article], runs: int) -> list[tuple[str, float]]:
    """Seconds of each extraction stage alone: cleaning, tokenizer, each component, rules."""
    texts = [extractor.clean_text(a.text) for a in articles]
    times = [("clean_text", best_of(runs, lambda: [extractor.clean_text(a.text) for a in articles]))]
    times.append(("tokenizer", best_of(runs, lambda: [extractor.nlp.make_doc(t) for t in texts])))
    docs = [extractor.nlp.make_doc(t) for t in texts]
    for name, component in extractor.nlp.pipeline:
        times.append((name, component_time(component, docs, runs)))
        docs = [component(d) for d in docs]
    pairs = list(zip(articles, docs, strict=True))
    times.append(("rules", best_of(runs, lambda: [extractor.extract_doc(a, d) for a, d in pairs])))
    return times


def component_time(component: Callable[[Doc], Doc], docs: list[Doc], runs: int) -> float:
    """Best time of a pipeline component over fresh copies of ``docs``."""
    copies = [[Doc(d.vocab).from_bytes(d.to_bytes()) for d in docs] for _ in range(runs)]
    return best_of(runs, lambda: [component(d) for d in copies.pop()])


if __name__ == "__main__":
    main()
