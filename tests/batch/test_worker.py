"""The worker side of a batch run: the pipeline plugin and the process settings it applies."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from khabar.batch.worker import PipelinePlugin
from khabar.errors import KhabarError
from khabar.pipeline import GC_YOUNG_THRESHOLD, Pipeline, settle_after_loading


@pytest.fixture
def restored_gc() -> Iterator[None]:
    threshold = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


def test_settling_freezes_what_is_loaded_and_collects_less_often(restored_gc: None) -> None:
    loaded = [[index] for index in range(1000)]  # container objects the collector tracks
    settle_after_loading()
    assert gc.get_freeze_count() >= len(loaded)
    assert gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD


def test_the_plugin_settles_only_after_a_pipeline_was_built(restored_gc: None) -> None:
    def broken() -> Pipeline:
        raise KhabarError("no model")

    failed = PipelinePlugin(broken)
    failed.setup(None)  # type: ignore[arg-type]
    assert isinstance(failed.error, KhabarError) and failed.pipeline is None and gc.get_freeze_count() == 0
    built = PipelinePlugin(lambda: Pipeline([]))
    built.setup(None)  # type: ignore[arg-type]
    assert built.pipeline is not None and gc.get_freeze_count() > 0


def test_a_partition_with_a_lone_surrogate_writes_its_good_records(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 22: one record's "\\ud800" failed the whole partition on every re-run."""
    import json

    from khabar.batch.output import OutputFolder
    from khabar.batch.partition import plan_partitions
    from khabar.batch.process import analyse_partition
    from khabar.pipeline import core_stages
    from khabar.stages.read import ReadOptions

    texts = ["قال الوزير إن الوضع صعب", "قال \ud800 الرئيس إن المحادثات ستستأنف", "أكد الوزير أن الاجتماع انتهى"]
    source = tmp_path / "s.jsonl"
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    (partition,) = plan_partitions([source], chunk_size=10)
    with OutputFolder(tmp_path / "out"):  # makes the table folders
        result = analyse_partition(partition, tmp_path / "out", Pipeline(core_stages()), ReadOptions())
    assert result.documents == 3 and result.rejected == 0
