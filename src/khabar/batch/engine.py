"""Run the pipeline over many inputs on a Dask cluster, resumably.

``run_batch`` plans partitions, skips those the output folder's manifest already holds, submits the
rest to Dask (a ``LocalCluster`` on this machine, or the scheduler of a real cluster), records each
partition in the manifest as its result comes back, and finally rebuilds ``rejected.jsonl``. A
partition whose task failed (its worker killed more often than Dask retries, a bug) is reported as
failed and left for the next run; the others carry on.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import dask
from distributed import Client, LocalCluster, as_completed

from khabar.batch.archive import ArchiveReport, load_archive
from khabar.batch.output import CHUNKS_DIR, REJECTED, OutputFolder, write_rejected
from khabar.batch.partition import Partition, Spill, plan_partitions
from khabar.batch.process import PARTITION_FAILED, PartitionResult
from khabar.batch.worker import PipelinePlugin, analyse_on_worker, worker_pipeline
from khabar.errors import InputError
from khabar.pipeline import Pipeline, default_pipeline
from khabar.stages.read import ReadOptions

DEFAULT_CHUNK_SIZE = 1000
# A batch run on a LocalCluster needs no dashboard statistics. Dask's defaults sample them often:
# the workers' statistical profiler every 10 ms on the thread that also runs the worker's event loop
# (~3-5% of a worker's CPU), an event-loop "tick" every 20 ms and system statistics every 500 ms in every
# server (scheduler, nannies, workers), a nanny's look at its worker's memory every 100 ms. With them at
# these values this process (scheduler, nannies, client) used 0.34-0.45 CPU s instead of 0.63-1.22 for
# the same 1,500 articles on 2 workers: CPU the workers get back on a machine with a core per worker.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",  # only warns of a blocked event loop (after tick.limit, 3 s)
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",  # the memory limits are still enforced, each second
}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchOptions:
    """How to run: where to write, how big a partition is, which cluster, which pipeline.

    ``workers`` sizes the LocalCluster (default: one per CPU core); ``scheduler`` (``tcp://host:8786``)
    uses a running cluster instead. ``processes=False`` runs the LocalCluster's workers as threads of
    this process (tests). ``pipeline_factory`` must be a module-level function: it is sent to workers.
    ``db`` loads the results into that SQLite archive after the run.
    """

    out: Path
    chunk_size: int = DEFAULT_CHUNK_SIZE
    workers: int | None = None
    scheduler: str | None = None
    processes: bool = True
    read: ReadOptions = field(default_factory=ReadOptions)
    pipeline_factory: Callable[[], Pipeline] = default_pipeline
    db: Path | None = None


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What a run did: partitions planned, skipped (done before), finished and failed; articles; rejects."""

    out: Path
    partitions: int
    skipped: int
    finished: int
    failed: int
    documents: int
    rejected: int
    seconds: float
    archive: ArchiveReport | None = None


class ProgressSink(Protocol):
    """Receives progress as partitions finish (``khabar.batch.progress.RichProgress`` draws it)."""

    def start(self, total: int, done: int) -> None: ...
    def advance(self, records: int, documents: int) -> None: ...
    def stop(self) -> None: ...


class _NoProgress:
    def start(self, total: int, done: int) -> None: ...
    def advance(self, records: int, documents: int) -> None: ...
    def stop(self) -> None: ...


def available_cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@contextmanager
def open_client(options: BatchOptions) -> Iterator[Client]:
    """A Dask client: to ``options.scheduler`` if given, else to a new LocalCluster of ``options.workers``."""
    if not log.isEnabledFor(logging.DEBUG):  # Dask's INFO lines would drown the progress bar (-vv shows them)
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    # ":0": a free port for the dashboard, so two runs (or a run and a test) never fight over 8787.
    with dask.config.set(LOCAL_CLUSTER_CONFIG), LocalCluster(
        n_workers=options.workers or available_cores(), threads_per_worker=1, processes=options.processes,
        dashboard_address=":0", silence_logs=logging.WARNING,
    ) as cluster:
        log.info("Dask dashboard: %s", cluster.dashboard_link)
        with Client(cluster) as client:
            yield client


def plan(sources: Iterable[str | Path], chunk_size: int,
         spill: Spill | None = None) -> tuple[list[Partition], list[dict[str, Any]]]:
    """The partitions of the inputs, and the rejection rows of inputs that cannot be read at all."""
    partitions, rejected = [], []
    for item in plan_partitions(sources, chunk_size, spill):
        if isinstance(item, InputError):
            rejected.append(item.to_dict())
        else:
            partitions.append(item)
    return partitions, rejected


def _pipeline_names() -> list[str]:
    return list(worker_pipeline().names)


def start_workers(client: Client, factory: Callable[[], Pipeline]) -> list[str]:
    """Load the pipeline on every worker (now and on any that joins later); return its stage names."""
    client.register_plugin(PipelinePlugin(factory))
    return client.submit(_pipeline_names, pure=False).result()


def _failure(partition: Partition, error: BaseException) -> dict[str, Any]:
    detail = f"{type(error).__name__}: {error}; re-run the same command to retry it"
    return {"source": ", ".join(partition.paths), "error": PARTITION_FAILED, "detail": detail,
            "partition": partition.key}


def _submit_all(client: Client, todo: list[Partition], options: BatchOptions) -> dict[Any, Partition]:
    run, out, documents_json = uuid.uuid4().hex[:8], str(options.out.resolve()), options.db is not None
    return {client.submit(analyse_on_worker, p, out, options.read, documents_json, key=f"khabar-{p.key}-{run}",
                          pure=False): p for p in todo}


def run_partitions(client: Client, todo: list[Partition], folder: OutputFolder, options: BatchOptions,
                   progress: ProgressSink) -> tuple[int, int, list[dict[str, Any]]]:
    """Run ``todo`` on the cluster, recording each as it finishes; ``(finished, documents, failures)``.

    A partition whose task failed (its worker killed more often than Dask retries, a bug, a full disk)
    becomes a ``partition_failed`` row and is left for the next run; the other partitions go on.
    """
    pending = _submit_all(client, todo, options)
    finished, documents, failures = 0, 0, []
    for future in as_completed(list(pending)):
        partition, analysed = pending.pop(future), 0
        if future.status == "finished":
            result: PartitionResult = future.result()
            folder.record(partition.key, result.manifest_entry(partition))
            finished, analysed = finished + 1, result.documents
            if partition.spill is not None:  # the copied range is no longer needed
                Path(partition.spill).unlink(missing_ok=True)
        else:  # "error" or "cancelled": Dask hands the task's exception back as a value
            error = future.exception() if future.status == "error" else CancelledError("the task was cancelled")
            log.warning("partition %s failed: %s", partition.key, error)
            failures.append(_failure(partition, error))
        documents += analysed
        progress.advance(partition.records, analysed)
        future.release()
    return finished, documents, failures


def run_batch(sources: Iterable[str | Path], options: BatchOptions, progress: ProgressSink | None = None) -> BatchReport:
    """Analyse every input on a Dask cluster into Parquet tables under ``options.out``; resumable."""
    started = time.perf_counter()
    progress = progress or _NoProgress()
    if options.scheduler:  # workers elsewhere find the inputs by absolute path (on a shared file system)
        sources = [s if str(s) == "-" else Path(s).resolve() for s in sources]
    options.out.mkdir(parents=True, exist_ok=True)
    documents_json = options.db is not None
    with OutputFolder(options.out) as folder, open_client(options) as client:
        stages = start_workers(client, options.pipeline_factory)
        folder.check_settings({"chunk_size": options.chunk_size, "stages": stages})
        spill = Spill(options.out / CHUNKS_DIR, lambda p: folder.is_done(p.key, p.describe(), documents_json))
        partitions, unreadable = plan(sources, options.chunk_size, spill)
        todo = [p for p in partitions if not folder.is_done(p.key, p.describe(), documents_json)]
        skipped = sum(p.records for p in partitions) - sum(p.records for p in todo)
        progress.start(sum(p.records for p in partitions), skipped)
        try:
            finished, documents, failures = run_partitions(client, todo, folder, options, progress)
        finally:
            progress.stop()
        rejected = write_rejected(folder.out, unreadable + failures, folder.done)
        done = [p.key for p in partitions if p.key in folder.done]
    archive = load_archive(options.out, options.db, done) if options.db is not None else None
    return BatchReport(options.out, len(partitions), len(partitions) - len(todo), finished, len(failures),
                       documents, rejected, time.perf_counter() - started, archive)


def summary_line(report: BatchReport) -> str:
    """One line for people about what a run did."""
    line = (f"khabar: {report.documents:,} articles analysed in {report.finished} partitions "
            f"({report.skipped} of {report.partitions} were done before) in {report.seconds:.1f} s")
    if report.failed:
        line += f"; {report.failed} partitions failed (run the same command again to retry them)"
    if report.rejected:
        line += f"; {report.rejected:,} inputs rejected: see {report.out / REJECTED}"
    if report.archive is not None:
        archive = report.archive
        line += f"; archive {archive.db}: {archive.added:,} articles added, {archive.duplicates:,} already there"
        if archive.skipped:
            line += f" ({archive.skipped} partitions were loaded before)"
    return line
