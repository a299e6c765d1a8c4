"""Batch runs on a Dask LocalCluster: the same rows as a plain run, on any number of workers, resumed or not."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import cloudpickle
import pytest

from khabar.batch.engine import LOCAL_CLUSTER_CONFIG, BatchOptions, open_client, run_batch
from khabar.batch.output import BatchError, OutputFolder
from khabar.batch.tables import TABLES, TableRows
from khabar.errors import InputError
from khabar.model import Document
from khabar.pipeline import Pipeline, core_stages, default_pipeline
from khabar.stages.read import expand_sources, read_sources

# The test pipelines below are sent to Dask workers; pickle them by value, as this module is not importable there.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

MARKER = "الرقة"  # a word of the sample article: the stages below act on the articles that hold it


def options(out: Path, **changes: object) -> BatchOptions:
    """Small, fast settings: four articles a partition, two threaded workers."""
    return replace(BatchOptions(out=out, chunk_size=4, workers=2, processes=False), **changes)  # type: ignore[arg-type]


def plain_rows(sources: list[str]) -> tuple[dict[str, list[dict]], int]:
    """The rows of an in-process run without Dask, and how many inputs it rejected."""
    rows, rejected, pipeline = TableRows("plain"), 0, default_pipeline()
    paths = [p for p in expand_sources(sources) if not isinstance(p, InputError)]
    for result in pipeline.run_many(read_sources(paths)):
        if isinstance(result, Document):
            rows.add(result)
        else:
            rejected += 1
    tables = {name: [{k: v for k, v in row.items() if k != "partition"} for row in table.to_pylist()] for name, table in rows.tables()}
    return tables, rejected


def _sorted(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)


def test_a_cluster_run_has_the_rows_of_a_plain_run(corpus: list[str], tmp_path: Path, output) -> None:  # type: ignore[no-untyped-def]
    report = run_batch(corpus, options(tmp_path / "out"))
    expected, rejected = plain_rows(corpus)
    tables = output.tables(tmp_path / "out")
    for name in TABLES:
        assert _sorted(tables[name]) == _sorted(expected[name]), name
    assert len(tables["documents"]) == report.documents == 24
    reasons = [json.loads(line)["error"] for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert sorted(reasons) == ["empty", "malformed", "not_arabic", "not_found"] and report.rejected == rejected == 4


def test_a_gzipped_input_gives_the_same_rows_and_leaves_no_copies(corpus: list[str], tmp_path: Path, output) -> None:  # type: ignore[no-untyped-def]
    zipped = Path(corpus[0] + ".gz")
    zipped.write_bytes(gzip.compress(Path(corpus[0]).read_bytes()))
    run_batch([corpus[0]], options(tmp_path / "plain"))
    run_batch([str(zipped)], options(tmp_path / "zipped"))
    plain, packed = output.tables(tmp_path / "plain"), output.tables(tmp_path / "zipped")
    for row in (*plain["documents"], *packed["documents"]):
        row["source"] = row["source"].replace(".jsonl.gz:", ".jsonl:")
    assert packed == plain
    assert not list((tmp_path / "zipped" / "chunks").iterdir())


def test_one_or_two_workers_write_the_same_bytes(corpus: list[str], tmp_path: Path, output) -> None:  # type: ignore[no-untyped-def]
    run_batch(corpus, options(tmp_path / "one", workers=1))
    run_batch(corpus, options(tmp_path / "two", workers=2))
    assert output.hashes(tmp_path / "one") == output.hashes(tmp_path / "two")
    assert (tmp_path / "one" / "rejected.jsonl").read_bytes() == (tmp_path / "two" / "rejected.jsonl").read_bytes()


class _StopAfter:
    """A progress sink that interrupts the run after ``count`` partitions, as Ctrl-C would."""

    def __init__(self, count: int) -> None:
        self.count = count

    def start(self, total: int, done: int) -> None: ...

    def advance(self, records: int, documents: int) -> None:
        self.count -= 1
        if self.count == 0:
            raise KeyboardInterrupt

    def stop(self) -> None: ...


def test_an_interrupted_run_resumes_without_duplicates_or_gaps(corpus: list[str], tmp_path: Path, output) -> None:  # type: ignore[no-untyped-def]
    run_batch(corpus, options(tmp_path / "clean"))
    with pytest.raises(KeyboardInterrupt):
        run_batch(corpus, options(tmp_path / "out", workers=1), _StopAfter(3))
    assert len((tmp_path / "out" / "manifest.jsonl").read_text().splitlines()) == 3
    report = run_batch(corpus, options(tmp_path / "out"))
    assert report.skipped == 3 and report.finished == report.partitions - 3
    assert output.hashes(tmp_path / "out") == output.hashes(tmp_path / "clean")
    ids = [row["doc_id"] for row in output.tables(tmp_path / "out")["documents"]]
    assert len(ids) == len(set(ids)) == 24
    again = run_batch(corpus, options(tmp_path / "out"))
    assert again.finished == 0 and again.skipped == again.partitions


class _Failing:
    """A stage that fails on the articles holding MARKER."""

    name: ClassVar[str] = "failing"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, doc: Document) -> Document:
        if MARKER in doc.text:
            raise ValueError("this stage cannot read about Raqqa")
        return doc


def failing_pipeline() -> Pipeline:
    return Pipeline([*core_stages(), _Failing()])


def test_a_failing_article_is_recorded_and_the_others_go_on(corpus: list[str], tmp_path: Path) -> None:
    report = run_batch(corpus, options(tmp_path / "out", pipeline_factory=failing_pipeline))
    rows = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    failed = [row for row in rows if row["error"] == "stage_failed"]
    assert failed and all(row["stage"] == "failing" and "Raqqa" in row["detail"] for row in failed)
    assert report.documents == 24 - len(failed) > 0


class _Broken(Pipeline):
    """A pipeline with a bug that escapes the stages' error handling on the articles holding MARKER."""

    def __call__(self, doc: Document) -> Document:
        if MARKER in doc.text:
            raise RuntimeError("a bug")
        return super().__call__(doc)


def broken_pipeline() -> Pipeline:
    return _Broken(core_stages())


def test_a_failed_partition_is_recorded_and_retried_by_the_next_run(corpus: list[str], tmp_path: Path, output) -> None:  # type: ignore[no-untyped-def]
    first = run_batch(corpus, options(tmp_path / "out", pipeline_factory=broken_pipeline))
    rows = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert first.failed == sum(row["error"] == "partition_failed" for row in rows) > 0
    assert first.finished == first.partitions - first.failed > 0
    second = run_batch(corpus, options(tmp_path / "out", pipeline_factory=failing_free_pipeline))
    assert second.failed == 0 and second.finished == first.failed
    run_batch(corpus, options(tmp_path / "clean", pipeline_factory=failing_free_pipeline))
    assert output.hashes(tmp_path / "out") == output.hashes(tmp_path / "clean")


def failing_free_pipeline() -> Pipeline:
    return Pipeline(core_stages())


def test_an_output_folder_refuses_other_settings_and_a_second_run(corpus: list[str], tmp_path: Path) -> None:
    run_batch(corpus, options(tmp_path / "out"))
    with pytest.raises(BatchError, match="chunk_size=4, not 5"):
        run_batch(corpus, options(tmp_path / "out", chunk_size=5))
    with OutputFolder(tmp_path / "out"), pytest.raises(BatchError, match="another khabar batch run"):
        OutputFolder(tmp_path / "out").__enter__()


class _KillOnce:
    """A stage that kills its own worker process the first time it meets MARKER (a crash, an OOM kill)."""

    name: ClassVar[str] = "kill_once"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, flag: Path) -> None:
        self.flag = flag

    def __call__(self, doc: Document) -> Document:
        if MARKER in doc.text and not self.flag.exists():
            self.flag.write_text("killed")
            os.kill(os.getpid(), signal.SIGKILL)
        return doc


def test_a_worker_killed_mid_partition_loses_nothing(corpus: list[str], tmp_path: Path, output) -> None:  # type: ignore[no-untyped-def]
    flag = tmp_path / "killed"

    def killing_pipeline() -> Pipeline:
        return Pipeline([*default_pipeline().stages, _KillOnce(flag)])

    run_batch(corpus, options(tmp_path / "clean"))
    report = run_batch(corpus, options(tmp_path / "out", processes=True, pipeline_factory=killing_pipeline))
    assert flag.exists(), "the worker was never killed: the test proves nothing"
    assert report.failed == 0 and report.documents == 24
    assert output.hashes(tmp_path / "out") == output.hashes(tmp_path / "clean")
    assert not list((tmp_path / "out").rglob("*.tmp"))


def _dask_settings(keys: list[str]) -> dict[str, object]:
    import dask

    return {key: dask.config.get(key) for key in keys}


def test_local_worker_processes_get_the_batch_settings(tmp_path: Path) -> None:
    # the settings reach worker processes only through the nannies' copy of the config: check they do
    with open_client(options(tmp_path, workers=1, processes=True)) as client:
        seen = client.run(_dask_settings, list(LOCAL_CLUSTER_CONFIG))
    assert list(seen.values()) == [LOCAL_CLUSTER_CONFIG]

