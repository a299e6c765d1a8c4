"""Throughput of khabar's full pipeline: cost per stage on one core, memory, and scaling over Dask workers.

    python benchmarks/pipeline_throughput.py [--articles 2000] [--seed 0] [--chunk-size 50] [--max-workers 2]
                                             [--pipeline khabar.pipeline:default_pipeline]

Measures whatever ``default_pipeline()`` holds today (or another pipeline factory, ``module:function``,
importable by the workers too), on a seeded sample of real articles (``benchmarks/corpus.py``: ANT and
SaudiNewsNet):

1. In this process, pinned to one CPU: reading from JSON Lines bytes, then every stage through
   ``Pipeline.run_stage`` (stage + the pipeline's offset checks), and the batch output (table rows and
   Parquet encoding). Targets: >= 100 articles/s and ~40k words/s per core end to end.
2. The same articles through the batch engine on a Dask LocalCluster of 1, then 2 worker processes
   (cluster start and model loading timed apart from the run): articles/s, speed-up over one worker
   (target >= 1.8x for 2 workers) and peak RSS per worker process (target <= 400 MB).

Other work on the machine skews all of it: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import psutil
from corpus import CORPORA, json_lines, load_line, one_core, sample_lines
from timing import peak_rss_mb, print_blocks, print_table, read_documents, time_checks, time_stages

from khabar.errors import KhabarError
from khabar.model import Document
from khabar.pipeline import Pipeline, settle_after_loading
from khabar.stages.entities import features, viterbi

READ = "read (JSONL -> Document)"
DEFAULT_PIPELINE = "khabar.pipeline:default_pipeline"
OUTPUT = "batch output (rows+Parquet)"


@dataclass(frozen=True)
class ClusterRun:
    workers: int
    documents: int
    seconds: float
    startup_seconds: float
    loaded_rss_mb: dict[str, float]
    peak_rss_mb: dict[str, float]
    worker_cpu_seconds: float  # all workers together, during the run
    driver_cpu_seconds: float  # this process: Dask scheduler, client, manifest

    @property
    def rate(self) -> float:
        return self.documents / self.seconds


def load_factory(name: str) -> Callable[[], Pipeline]:
    """The pipeline factory named ``module:function``."""
    module, _, function = name.partition(":")
    factory: Callable[[], Pipeline] = getattr(importlib.import_module(module), function)
    return factory


class _Quiet:
    def start(self, total: int, done: int) -> None: ...
    def advance(self, records: int, documents: int) -> None: ...
    def stop(self) -> None: ...


def _worker_rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _cpu_seconds() -> float:
    times = psutil.Process().cpu_times()
    return times.user + times.system


def time_output(pipeline: Pipeline, documents: list[Document], chunk_size: int) -> float:
    """CPU seconds to turn analysed articles into the batch tables and Parquet, a partition at a time.

    The articles are analysed again, untimed, one partition at a time, as a worker does: keeping all of
    them alive at once would make Python's garbage collector (and every figure) slower than in a run.
    """
    from khabar.batch.output import parquet_bytes
    from khabar.batch.tables import TableRows

    seconds = 0.0
    for first in range(0, len(documents), chunk_size):
        analysed = []
        for doc in documents[first : first + chunk_size]:
            with contextlib.suppress(KhabarError):  # counted as failed in the stage table already
                analysed.append(pipeline(doc))
        started = time.process_time()
        rows = TableRows("benchmark")
        for doc in analysed:
            rows.add(doc)
        for _, table in rows.tables():
            parquet_bytes(table)
        seconds += time.process_time() - started
    return seconds


def single_core(data: bytes, warmup: int, chunk_size: int, factory: Callable[[], Pipeline]) -> None:
    """Part 1: the cost of every step on one core."""
    with one_core() as pinned:
        print(f"\n== one core ({pinned}; {load_line()})")
        started = time.perf_counter()
        pipeline = factory()
        load = time.perf_counter() - started
        settle_after_loading()  # as a batch worker does once its pipeline is built
        documents, rejected, read_seconds = read_documents(data)
        analysed: list = []
        costs = time_stages(pipeline, documents, warmup, analysed)
        checks = time_checks(analysed)
        output = time_output(pipeline, documents[warmup:], chunk_size)
    print(f"NER Viterbi decoder: {'C (compiled extension)' if viterbi.COMPILED else 'numpy (the C extension was not built)'}; "
          f"the fast model's features, scores, second pass and rule stems: {'C' if features.COMPILED else 'Python/numpy'}")
    print(f"pipeline: {' -> '.join(pipeline.names)}; built in {load:.2f} s; {rejected} articles rejected by the "
          f"reader, {warmup} warm-up articles not counted, {costs.failed} failed; "
          f"{costs.articles} articles, {costs.words / max(costs.articles, 1):.0f} words each on average")
    read = read_seconds * costs.articles / max(len(documents), 1)
    print_table(costs, {READ: read}, {"all stages": list(costs.seconds), "end to end (read + stages)": [READ, *costs.seconds]})
    print(f"{'(of which offset checks)':<28}{checks:>9.3f}{checks / sum(costs.seconds.values()):>8.0%}"
          "   the Pipeline's checks after each stage (every layer of the finished articles, timed apart)")
    end_to_end = read + sum(costs.seconds.values())
    print(f"{OUTPUT:<28}{output:>9.3f}{'':>8}{costs.articles / output:>12,.0f}{'':>35}"
          f"{1000 * output / max(costs.articles, 1):>12.2f}   (batch runs only)")
    print_blocks(costs, read / max(costs.articles, 1), "end to end")
    print(f"end to end: {costs.articles / end_to_end:,.1f} articles/s, {costs.words / end_to_end:,.0f} words/s per core "
          f"(targets 100 articles/s, ~40,000 words/s); peak RSS of this process {peak_rss_mb():.0f} MB "
          "(the sample included)")


def cluster_run(path: Path, workers: int, chunk_size: int, out: Path, factory: Callable[[], Pipeline]) -> ClusterRun:
    """Part 2: the batch engine over ``path`` on a LocalCluster of ``workers`` processes."""
    from khabar.batch.engine import BatchOptions, open_client, plan, run_partitions, start_workers
    from khabar.batch.output import OutputFolder

    options = BatchOptions(out=out, chunk_size=chunk_size, workers=workers, pipeline_factory=factory)
    partitions, _ = plan([path], chunk_size)
    started = time.perf_counter()
    with OutputFolder(out) as folder, open_client(options) as client:
        start_workers(client, options.pipeline_factory)
        startup = time.perf_counter() - started
        loaded = client.run(_worker_rss_mb)
        cpu_before, driver_before = client.run(_cpu_seconds), _cpu_seconds()
        started = time.perf_counter()
        _, documents, failures = run_partitions(client, partitions, folder, options, _Quiet())
        seconds = time.perf_counter() - started
        driver = _cpu_seconds() - driver_before
        worker_cpu = sum(client.run(_cpu_seconds).values()) - sum(cpu_before.values())
        peak = client.run(peak_rss_mb)
    if failures:
        print(f"  {len(failures)} partitions failed: {failures[0]['detail']}")
    return ClusterRun(workers, documents, seconds, startup, loaded, peak, worker_cpu, driver)


@cache
def _process_pipeline(name: str = DEFAULT_PIPELINE) -> Pipeline:
    """The pipeline of one reference process, built once (by the pool's initializer)."""
    return load_factory(name)()


def _analyse(data: bytes, name: str) -> int:
    documents, _, _ = read_documents(data)
    pipeline = _process_pipeline(name)
    for doc in documents:
        with contextlib.suppress(KhabarError):
            pipeline(doc)
    return len(documents)


def plain_processes(lines: list[bytes], workers: int, name: str) -> float:
    """Articles/s of ``workers`` plain processes (no Dask) sharing the sample: the machine's own ceiling."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=_process_pipeline, initargs=(name,)) as pool:
        list(pool.map(_analyse, [json_lines(lines[:20])] * workers, [name] * workers))  # load and warm each
        shares = [json_lines(lines[i::workers]) for i in range(workers)]
        started = time.perf_counter()
        documents = sum(pool.map(_analyse, shares, [name] * workers))
        return documents / (time.perf_counter() - started)


def scaling(data: bytes, max_workers: int, chunk_size: int, name: str) -> None:
    """Part 2: 1 .. ``max_workers`` workers on the same articles, measured one after the other."""
    factory = load_factory(name)
    logging.getLogger("distributed").setLevel(logging.ERROR)
    print(f"\n== Dask LocalCluster, {chunk_size} articles per partition ({load_line()})")
    print(f"{'workers':>7}{'articles':>10}{'seconds':>9}{'articles/s':>12}{'per worker':>12}{'speed-up':>10}"
          f"{'start s':>9}{'RSS loaded MB':>15}{'peak RSS MB':>13}{'worker CPU s':>14}{'driver CPU s':>14}")
    runs: list[ClusterRun] = []
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as folder:
        path = Path(folder) / "sample.jsonl"
        path.write_bytes(data)
        for workers in range(1, max_workers + 1):
            run = cluster_run(path, workers, chunk_size, Path(folder) / f"out-{workers}", factory)
            runs.append(run)
            loaded = "/".join(f"{v:.0f}" for v in sorted(run.loaded_rss_mb.values()))
            peak = "/".join(f"{v:.0f}" for v in sorted(run.peak_rss_mb.values()))
            print(f"{workers:>7}{run.documents:>10}{run.seconds:>9.2f}{run.rate:>12,.1f}{run.rate / workers:>12,.1f}"
                  f"{run.rate / runs[0].rate:>9.2f}x{run.startup_seconds:>9.1f}{loaded:>15}{peak:>13}"
                  f"{run.worker_cpu_seconds:>14.2f}{run.driver_cpu_seconds:>14.2f}")
    worst = max(max(run.peak_rss_mb.values()) for run in runs)
    print(f"speed-up of {max_workers} workers over 1: {runs[-1].rate / runs[0].rate:.2f}x (target >= 1.8x on 2 cores); "
          f"largest worker peak RSS {worst:.0f} MB over this short run (target <= 400 MB; a long run's level: "
          f"benchmarks/worker_memory.py); {load_line()}")
    lines = data.splitlines()
    rates = [plain_processes(lines, workers, name) for workers in range(1, max_workers + 1)]
    print("reference without Dask (read + pipeline in plain processes, no output written): "
          + ", ".join(f"{w} -> {rate:,.1f} articles/s ({rate / rates[0]:.2f}x)" for w, rate in enumerate(rates, 1))
          + f"; {load_line()}")


def main(argv: list[str] | None = None) -> int:
    """Print the per-stage table, then the scaling table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="default: both")
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--chunk-size", type=int, default=50)
    parser.add_argument("--max-workers", type=int, default=2)
    parser.add_argument("--skip-cluster", action="store_true", help="only the one-core table")
    parser.add_argument("--pipeline", default=DEFAULT_PIPELINE, help="pipeline factory, module:function")
    args = parser.parse_args(argv)
    lines = sample_lines(args.articles, args.seed, tuple(args.corpus or CORPORA))
    data = json_lines(lines)
    print(f"{len(lines)} articles sampled (seed {args.seed}) from {', '.join(args.corpus or CORPORA)}: "
          f"{len(data) / 1e6:.1f} MB of JSON Lines")
    single_core(data, args.warmup, args.chunk_size, load_factory(args.pipeline))
    if not args.skip_cluster:
        scaling(data, args.max_workers, args.chunk_size, args.pipeline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
