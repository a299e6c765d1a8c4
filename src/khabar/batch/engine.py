"""Run the pipeline over many inputs on a Dask cluster, resumably.

``run_batch`` plans partitions, skips those the output folder's manifest already holds, submits the
rest to Dask (a ``LocalCluster`` on this machine, or the scheduler of a real cluster), records each
partition in the manifest as its result comes back, and finally rebuilds ``rejected.jsonl``. A
partition whose worker died too often (``KilledWorker``) is reported as failed and left for the next
run; the others carry on.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from distributed import Client, LocalCluster, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from khabar.batch.output import OutputFolder, write_rejected
from khabar.batch.partition import Partition, plan_partitions
from khabar.batch.process import PARTITION_FAILED, PartitionResult
from khabar.batch.worker import PipelinePlugin, analyse_on_worker, worker_pipeline
from khabar.errors import InputError, KhabarError
from khabar.pipeline import Pipeline, default_pipeline
from khabar.stages.read import ReadOptions

DEFAULT_CHUNK_SIZE = 1000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchOptions:
    """How to run: where to write, how big a partition is, which cluster, which pipeline.

    ``workers`` sizes the LocalCluster (default: one per CPU core); ``scheduler`` (``tcp://host:8786``)
    uses a running cluster instead. ``processes=False`` runs the LocalCluster's workers as threads of
    this process (tests). ``pipeline_factory`` must be a module-level function: it is sent to workers.
    """

    out: Path
    chunk_size: int = DEFAULT_CHUNK_SIZE
    workers: int | None = None
    scheduler: str | None = None
    processes: bool = True
    read: ReadOptions = field(default_factory=ReadOptions)
    pipeline_factory: Callable[[], Pipeline] = default_pipeline


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
    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=options.workers or available_cores(), threads_per_worker=1, processes=options.processes,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def plan(sources: Iterable[str | Path], chunk_size: int) -> tuple[list[Partition], list[dict[str, Any]]]:
    """The partitions of the inputs, and the rejection rows of inputs that cannot be read at all."""
    partitions, rejected = [], []
    for item in plan_partitions(sources, chunk_size):
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


def _submit_all(client: Client, todo: list[Partition], out: Path, options: ReadOptions) -> dict[Any, Partition]:
    run = uuid.uuid4().hex[:8]
    return {client.submit(analyse_on_worker, p, str(out), options, key=f"khabar-{p.key}-{run}", pure=False): p
            for p in todo}


def run_partitions(client: Client, todo: list[Partition], folder: OutputFolder, options: BatchOptions,
                   progress: ProgressSink) -> tuple[int, int, list[dict[str, Any]]]:
    """Run ``todo`` on the cluster, recording each as it finishes; ``(finished, documents, failures)``."""
    pending = _submit_all(client, todo, folder.out, options.read)
    finished, documents, failures = 0, 0, []
    for future in as_completed(list(pending)):
        partition = pending.pop(future)
        try:
            result: PartitionResult = future.result()
        except (KilledWorker, FutureCancelledError, KhabarError, OSError) as error:
            log.warning("partition %s failed: %s", partition.key, error)
            failures.append(_failure(partition, error))
            progress.advance(partition.records, 0)
            continue
        finally:
            future.release()
        folder.record(partition.key, result.manifest_entry(partition))
        finished, documents = finished + 1, documents + result.documents
        progress.advance(partition.records, result.documents)
    return finished, documents, failures


def run_batch(sources: Iterable[str | Path], options: BatchOptions, progress: ProgressSink | None = None) -> BatchReport:
    """Analyse every input on a Dask cluster into Parquet tables under ``options.out``; resumable."""
    started = time.perf_counter()
    progress = progress or _NoProgress()
    partitions, unreadable = plan(sources, options.chunk_size)
    options.out.mkdir(parents=True, exist_ok=True)
    with OutputFolder(options.out) as folder, open_client(options) as client:
        stages = start_workers(client, options.pipeline_factory)
        folder.check_settings({"chunk_size": options.chunk_size, "stages": stages})
        todo = [p for p in partitions if not folder.is_done(p.key, p.describe())]
        skipped = sum(p.records for p in partitions) - sum(p.records for p in todo)
        progress.start(sum(p.records for p in partitions), skipped)
        try:
            finished, documents, failures = run_partitions(client, todo, folder, options, progress)
        finally:
            progress.stop()
        rejected = write_rejected(folder.out, unreadable + failures, folder.done)
    return BatchReport(options.out, len(partitions), len(partitions) - len(todo), finished, len(failures),
                       documents, rejected, time.perf_counter() - started)
