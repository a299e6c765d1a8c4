"""Reading + normalising + byline + segmenting on one core: the core's target is >= 1,000 articles/s.

    python benchmarks/read_segment.py [--articles 2000] [--seed 0] [--corpus ant --corpus saudinewsnet]

Reads a seeded sample of real articles (``benchmarks/corpus.py``) from JSON Lines bytes in memory,
then runs the core stages (normalise, byline, segment) one by one through ``Pipeline.run_stage``, in
this process pinned to one CPU, timed in CPU seconds, with the garbage collector settled as khabar's
commands settle it (``khabar.pipeline.settle_after_loading``). Prints a table of seconds, articles/s,
tokens/s and words/s per step.
"""

from __future__ import annotations

import argparse
import sys

from corpus import CORPORA, json_lines, load_line, one_core, sample_lines
from timing import peak_rss_mb, print_blocks, print_table, read_documents, time_stages

from khabar.pipeline import Pipeline, core_stages, settle_after_loading

TARGET_ARTICLES_PER_S = 1000


def main(argv: list[str] | None = None) -> int:
    """Print the cost of reading and of each core stage, and whether the target holds."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="default: both")
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args(argv)
    lines = sample_lines(args.articles, args.seed, tuple(args.corpus or CORPORA))
    data = json_lines(lines)
    with one_core() as pinned:
        print(f"{pinned}; {load_line()}")
        documents, rejected, read_seconds = read_documents(data)
        pipeline = Pipeline(core_stages())
        settle_after_loading()  # as khabar analyze, khabar ingest and a batch worker do once the pipeline is built
        costs = time_stages(pipeline, documents, args.warmup)
    print(f"{len(lines)} articles sampled (seed {args.seed}), {len(data) / 1e6:.1f} MB of JSON Lines; "
          f"{rejected} rejected by the reader; {args.warmup} warm-up articles not counted; {costs.failed} failed")
    read = read_seconds * costs.articles / max(len(documents), 1)
    print_table(costs, {"read (JSONL -> Document)": read},
                {"read + core stages": ["read (JSONL -> Document)", *costs.seconds]})
    total = read + sum(costs.seconds.values())
    rate = costs.articles / total
    print_blocks(costs, read / max(costs.articles, 1), "read + core stages")
    verdict = "meets" if rate >= TARGET_ARTICLES_PER_S else "MISSES"
    print(f"read + normalise + byline + segment: {rate:,.0f} articles/s on one core "
          f"({verdict} the target of {TARGET_ARTICLES_PER_S:,}); peak RSS {peak_rss_mb():.0f} MB; {load_line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
