"""Analyse one partition: read it, run the pipeline on every article, write its tables and rejects.

This is plain Python, with no Dask in it: a Dask worker calls it (``khabar.batch.worker``) with the
pipeline it loaded once, and tests and benchmarks call it directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.batch.output import write_partition
from khabar.batch.partition import Partition, read_partition
from khabar.batch.tables import TableRows
from khabar.errors import InputError, StageError
from khabar.model import Document, to_json
from khabar.pipeline import Pipeline
from khabar.stages.read import ReadOptions

STAGE_FAILED = "stage_failed"
PARTITION_FAILED = "partition_failed"


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a worker reports for a finished partition: counts, hashes and time; never the rows."""

    key: str
    documents: int
    rejected: int
    files: dict[str, dict[str, Any]]
    input_sha256: str
    seconds: float

    def manifest_entry(self, partition: Partition) -> dict[str, Any]:
        """The manifest line for this partition (deterministic fields first; time last)."""
        return {"partition": partition.describe(), "documents": self.documents, "rejected": self.rejected,
                "input_sha256": self.input_sha256, "files": self.files, "seconds": round(self.seconds, 3)}


def input_rejection(error: InputError, key: str) -> dict[str, Any]:
    """The ``rejected.jsonl`` row of an input the reader refused."""
    return {**error.to_dict(), "partition": key}


def stage_rejection(error: StageError, doc: Document, key: str) -> dict[str, Any]:
    """The ``rejected.jsonl`` row of an article a stage failed on (the other articles go on)."""
    return {"source": doc.meta.source, "error": STAGE_FAILED, "detail": str(error), "doc_id": doc.id,
            "stage": error.stage, "partition": key}


def analyse_partition(partition: Partition, out: Path, pipeline: Pipeline, options: ReadOptions,
                      documents_json: bool = False) -> PartitionResult:
    """Run ``pipeline`` over the partition and write its files under ``out``; return its counts.

    ``documents_json`` also writes every Document's full schema JSON (tokens included), which is what
    loading the results into the SQLite archive needs.
    """
    started = time.perf_counter()
    rows = TableRows(partition.key)
    rejected: list[dict[str, Any]] = []
    docs_json: list[str] | None = [] if documents_json else None
    results, input_sha256 = read_partition(partition, options)
    documents = 0
    for result in results:
        if isinstance(result, InputError):
            rejected.append(input_rejection(result, partition.key))
            continue
        try:
            doc = pipeline(result)
        except StageError as error:
            rejected.append(stage_rejection(error, result, partition.key))
            continue
        rows.add(doc)
        documents += 1
        if docs_json is not None:
            docs_json.append(to_json(doc, indent=None))
    files = write_partition(out, partition.key, rows.tables(), rejected, docs_json)
    return PartitionResult(partition.key, documents, len(rejected), files, input_sha256,
                           time.perf_counter() - started)
