"""Memory of one Dask batch worker over a long run: does it level off, and below 400 MB?

    python benchmarks/worker_memory.py [--articles 8000] [--seed 0] [--chunk-size 1000]

``pipeline_throughput.py`` reports each worker's peak RSS over its sample (1,500 articles by default),
but a worker's caches (the NER scorer's summed rows, the tokeniser's chunks, the memos of normal forms
and stems) keep filling for thousands of articles more before their bounds hold them. This script runs
the batch engine on a LocalCluster of one worker over a larger sample and prints the worker's RSS after
every partition, so the plateau (the figure for a run of millions of articles) is seen, not assumed, with
the worker's articles per CPU second in each partition (its caches warm: the long-run speed).
Target (issue 7): <= 400 MB per worker.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import psutil
from corpus import CORPORA, json_lines, load_line, sample_lines
from distributed import Client
from timing import peak_rss_mb

from khabar.batch.engine import BatchOptions, open_client, plan, run_partitions, start_workers
from khabar.batch.output import OutputFolder
from khabar.pipeline import pipeline_factory

TARGET_MB = 400


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _rss_and_cpu() -> tuple[float, float]:
    """This process's RSS (MB) and CPU seconds so far (all its threads)."""
    process = psutil.Process()
    times = process.cpu_times()
    return process.memory_info().rss / 2**20, times.user + times.system


class RssAfterEachPartition:
    """A progress sink that asks the (only) worker for its RSS and CPU time each time a partition is done:
    memory and articles per CPU second (one core's throughput) as the run goes on."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.done = 0
        self.points: list[tuple[int, float, float]] = []  # (articles done, RSS MB, articles/s of the partition)
        ((_, self.cpu),) = client.run(_rss_and_cpu).values()

    def start(self, total: int, done: int) -> None: ...

    def advance(self, records: int, documents: int) -> None:
        self.done += documents
        ((rss, cpu),) = self.client.run(_rss_and_cpu).values()
        self.points.append((self.done, rss, documents / max(cpu - self.cpu, 1e-9)))
        self.cpu = cpu

    def stop(self) -> None: ...


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chunk-size", type=int, default=1000, help="articles per partition (the batch default)")
    parser.add_argument("--ner", default="fast", help="the NER model, as khabar batch --ner: fast (default), accurate or a path")
    args = parser.parse_args(argv)
    logging.getLogger("distributed").setLevel(logging.ERROR)
    lines = sample_lines(args.articles, args.seed, CORPORA)
    print(f"{len(lines)} articles sampled (seed {args.seed}); one worker, {args.chunk_size} articles per partition "
          f"({load_line()})")
    with tempfile.TemporaryDirectory(prefix="khabar-memory-") as folder:
        path = Path(folder) / "sample.jsonl"
        path.write_bytes(json_lines(lines))
        del lines
        options = BatchOptions(out=Path(folder) / "out", chunk_size=args.chunk_size, workers=1,
                               pipeline_factory=pipeline_factory(args.ner))
        partitions, _ = plan([path], args.chunk_size)
        with OutputFolder(options.out) as out, open_client(options) as client:
            start_workers(client, options.pipeline_factory)
            (loaded,) = client.run(_rss_mb).values()
            sink = RssAfterEachPartition(client)
            started = time.perf_counter()
            run_partitions(client, partitions, out, options, sink)
            seconds = time.perf_counter() - started
            (peak,) = client.run(peak_rss_mb).values()
    print(f"worker RSS with the pipeline loaded: {loaded:.0f} MB")
    print(f"{'articles done':>14}{'worker RSS MB':>15}{'articles per CPU s':>20}")
    for done, rss, rate in sink.points:
        print(f"{done:>14,}{rss:>15.0f}{rate:>20.1f}")
    last = sink.points[-len(sink.points) // 2 :]  # the second half of the run: the plateau, if there is one
    growth = (last[-1][1] - last[0][1]) / max(last[-1][0] - last[0][0], 1) * 1000
    rates = sorted(rate for _, _, rate in last)
    print(f"the worker's throughput over the second half: median {rates[len(rates) // 2]:.1f} articles per CPU second "
          f"(read, all stages and the Parquet output of each partition; one core's figure in a long run)")
    print(f"peak RSS of the worker {peak:.0f} MB (target <= {TARGET_MB} MB: {'met' if peak <= TARGET_MB else 'NOT met'}); "
          f"growth over the second half {growth:+.1f} MB per 1,000 articles; {sink.done:,} articles in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
