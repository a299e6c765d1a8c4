"""What runs on a Dask worker: the pipeline, loaded once per worker by a plugin, and the partition task.

``PipelinePlugin`` builds the pipeline when a worker starts (or joins later, or is restarted after
being killed), so models load once per worker process, never per task or per article. The task
``analyse_on_worker`` looks the pipeline up on the worker it runs on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from distributed import Worker, WorkerPlugin, get_worker

from khabar.batch.partition import Partition
from khabar.batch.process import PartitionResult, analyse_partition
from khabar.errors import KhabarError
from khabar.pipeline import Pipeline, settle_after_loading
from khabar.stages.read import ReadOptions

PLUGIN_NAME = "khabar-pipeline"
class PipelinePlugin(WorkerPlugin):
    """Build the pipeline once when a worker starts, with ``factory`` (a module-level function)."""

    name = PLUGIN_NAME

    def __init__(self, factory: Callable[[], Pipeline]) -> None:
        self.factory = factory
        self.pipeline: Pipeline | None = None
        self.error: KhabarError | None = None

    def setup(self, worker: Worker) -> None:
        try:
            self.pipeline = self.factory()
        except KhabarError as error:  # kept for the tasks to raise: the run stops with this one line
            self.error = error
        else:
            settle_after_loading()


def worker_pipeline() -> Pipeline:
    """The pipeline the plugin built on the worker this task runs on."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if isinstance(plugin, PipelinePlugin) and plugin.error is not None:
        raise plugin.error
    pipeline = getattr(plugin, "pipeline", None)
    if pipeline is None:
        raise KhabarError(f"this Dask worker has no khabar pipeline (the {PLUGIN_NAME!r} plugin did not run)")
    return pipeline


def analyse_on_worker(partition: Partition, out: str, options: ReadOptions, documents_json: bool) -> PartitionResult:
    """The Dask task: analyse one partition with this worker's pipeline."""
    return analyse_partition(partition, Path(out), worker_pipeline(), options, documents_json)
