"""Throughput of the quote stage alone on real ANT articles, on one core (target >= 1,000 articles/s).

    python benchmarks/quotes_speed.py [--articles 3000] [--seed 0] [--repeat 3]

A seeded sample of ANT articles (``benchmarks/corpus.py``; ANT only, Apache-2.0) is read and run through
the stages the quote finder needs (normalise, byline, segment, and no entities: the entity stage is
measured by its own benchmark) before timing starts. Then the quote stage runs over all of them, pinned to
one CPU: the first pass cold, then the best of ``--repeat`` passes. Times are CPU seconds of this process
(``time.process_time``), so they hold per core while other jobs share the machine. Also printed: the
lexicon's load time, quotes per article, and the peak resident memory.
"""

from __future__ import annotations

import argparse
import sys
import time

from corpus import json_lines, load_line, one_core, sample_lines
from timing import peak_rss_mb, read_documents

from khabar.model import Document
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.quotes import QuoteFinder, QuoteLexicon

TARGET = 1000  # articles per second per core


def prepared(articles: int, seed: int) -> list[Document]:
    """The sampled articles, read and taken through every stage the quote finder reads."""
    documents, rejected, _ = read_documents(json_lines(sample_lines(articles, seed, corpora=("ant",))))
    pipeline = Pipeline(core_stages())
    print(f"{len(documents):,} ANT articles read ({rejected} rejected)")
    return [pipeline(doc) for doc in documents]


def timed_pass(finder: QuoteFinder, documents: list[Document]) -> tuple[float, int]:
    """CPU seconds for one pass of the quote stage, and the number of quotes found."""
    started = time.process_time()
    found = sum(len(finder(doc).quotes) for doc in documents)
    return time.process_time() - started, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(load_line())
    documents = prepared(args.articles, args.seed)
    words = sum(1 for doc in documents for token in doc.tokens if token.kind.value == "word")
    started = time.perf_counter()
    finder = QuoteFinder(QuoteLexicon.load())
    print(f"lexicon load: {time.perf_counter() - started:.3f} s")
    with one_core() as pinned:
        print(pinned)
        cold, found = timed_pass(finder, documents)
        best = min(timed_pass(finder, documents)[0] for _ in range(args.repeat))
    rate = len(documents) / best
    print(f"cold pass: {len(documents) / cold:,.0f} articles/s")
    print(f"quote stage: {rate:,.0f} articles/s, {words / best:,.0f} words/s per core "
          f"(best of {args.repeat}; target >= {TARGET:,} articles/s: {'met' if rate >= TARGET else 'NOT met'})")
    print(f"{found / len(documents):.2f} quotes per article; peak RSS {peak_rss_mb():.0f} MB")
    print(load_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
