"""Write a synthetic Arabic news corpus (benchmarks/synthetic_corpus.py) for benchmarks.

    .venv/bin/python benchmarks/make_corpus.py --articles 10000 --seed 1 --out /tmp/corpus10k

Each article is ``<id>.txt`` with a ``<id>.meta.json`` sidecar giving ``published``;
the same ``--articles`` and ``--seed`` always give the same files.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from synthetic_corpus import write_corpus


def main() -> None:
    """Parse the arguments, write the corpus and say how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same corpus)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created if missing)")
    args = parser.parse_args()
    start = time.perf_counter()
    paths = write_corpus(args.articles, args.seed, args.out)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles ({words} words) to {args.out} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
