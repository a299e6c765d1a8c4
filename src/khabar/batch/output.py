"""The output folder of a batch run: Parquet files per table and partition, the manifest, the rejects.

Layout of ``OUT``::

    batch.json                     settings the folder was made with (chunk size, pipeline stages)
    manifest.jsonl                 one line per finished partition: counts, input and file hashes
    documents/<partition>.parquet  ... and entities/, mentions/, quotes/, places/, dates/, events/
    rejected/<partition>.jsonl     inputs of that partition that were rejected, with reasons
    json/<partition>.jsonl.gz      the full Documents (schema JSON), only when loading an archive (--db)
    chunks/<partition>.jsonl       a gzipped input's range, copied out while planning, until it is done
    rejected.jsonl                 all of them, rebuilt at the end of every run

Every file is written under a temporary name and renamed into place (atomic on POSIX), so a killed
worker leaves no half file. A partition counts as done only once its manifest line is written, after
all its files are in place; a re-run redoes any partition without one, overwriting the same names.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from khabar.batch.tables import TABLES
from khabar.errors import KhabarError

SETTINGS = "batch.json"
MANIFEST = "manifest.jsonl"
REJECTED = "rejected.jsonl"
REJECTED_DIR = "rejected"
JSON_DIR = "json"  # full Document JSON per partition, written for --db
CHUNKS_DIR = "chunks"  # copies of the line ranges of gzipped inputs, deleted once their partition is done
FOLDERS = (*TABLES, REJECTED_DIR, JSON_DIR, CHUNKS_DIR)
LOCK = ".lock"
TEMP_SUFFIX = ".tmp"
FORMAT_VERSION = 1
PARQUET_COMPRESSION = "zstd"


class BatchError(KhabarError):
    """A batch run that cannot start (an output folder made with other settings, one in use ...)."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}{TEMP_SUFFIX}")
    with temp.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)


def parquet_bytes(table: pa.Table) -> bytes:
    """The Parquet encoding of ``table`` (deterministic: the same rows give the same bytes)."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression=PARQUET_COMPRESSION)
    return sink.getvalue().to_pybytes()


def _file_record(relative: str, data: bytes, rows: int) -> dict[str, Any]:
    return {"path": relative, "rows": rows, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def write_partition(out: Path, key: str, tables: Iterable[tuple[str, pa.Table]], rejected: list[dict[str, Any]],
                    documents_json: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Write one partition's tables, rejects and (when given) Document JSON; return each file's record.

    All files are encoded first and renamed last, so the time in which a kill leaves some tables of the
    partition in place and not others is as short as it can be; the manifest line comes after anyway.
    """
    encoded: dict[str, tuple[str, bytes, int]] = {}
    for name, table in tables:
        encoded[name] = (f"{name}/{key}.parquet", parquet_bytes(table), table.num_rows)
    encoded["rejected"] = (f"{REJECTED_DIR}/{key}.jsonl", _json_lines(rejected), len(rejected))
    if documents_json is not None:
        (out / JSON_DIR).mkdir(exist_ok=True)
        data = gzip.compress("".join(line + "\n" for line in documents_json).encode("utf-8"), mtime=0)
        encoded["json"] = (f"{JSON_DIR}/{key}.jsonl.gz", data, len(documents_json))
    records = {}
    for name, (relative, data, rows) in encoded.items():
        write_atomically(out / relative, data)
        records[name] = _file_record(relative, data, rows)
    return records


def _json_lines(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows).encode("utf-8")


class OutputFolder:
    """An output folder held by one run: locked, checked against its settings, with its manifest."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._lock: IO[bytes] | None = None
        self._manifest: IO[str] | None = None
        self.done: dict[str, dict[str, Any]] = {}

    def __enter__(self) -> OutputFolder:
        for name in (*TABLES, REJECTED_DIR):
            (self.out / name).mkdir(parents=True, exist_ok=True)
        self._lock = (self.out / LOCK).open("ab")
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise BatchError(f"{self.out}: another khabar batch run is writing to this folder") from None
        self._remove_temporaries()
        self.done = dict(read_manifest(self.out))
        self._manifest = (self.out / MANIFEST).open("a", encoding="utf-8")
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._manifest is not None:
            self._manifest.close()
        if self._lock is not None:
            self._lock.close()  # closing releases the lock

    def check_settings(self, settings: dict[str, Any]) -> None:
        """Refuse to add to a folder made with other settings (its partitions would not line up)."""
        settings = {"format": FORMAT_VERSION, **settings}
        path = self.out / SETTINGS
        if not path.exists():
            write_atomically(path, json.dumps(settings, indent=2, sort_keys=True).encode("utf-8"))
            return
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise BatchError(f"{path}: unreadable ({exc}); remove it or use a new --out") from None
        for name, value in settings.items():
            if before.get(name) != value:
                raise BatchError(
                    f"{self.out} holds a run made with {name}={before.get(name)!r}, not {value!r}: "
                    "resume with the same settings, or write to a new --out folder"
                )

    def _remove_temporaries(self) -> None:
        """Delete what killed workers left half-written (temporary names only; finished files stay)."""
        for folder in (self.out, *(self.out / name for name in FOLDERS)):
            for temp in folder.glob(f".*{TEMP_SUFFIX}"):
                temp.unlink(missing_ok=True)

    def is_done(self, key: str, description: dict[str, Any], documents_json: bool = False) -> bool:
        """Whether the partition is in the manifest for this same range and all its files are in place
        (with its Document JSON too when ``documents_json``)."""
        entry = self.done.get(key)
        if entry is None or entry.get("partition") != description:
            return False
        if documents_json and "json" not in entry["files"]:
            return False
        return all(_file_intact(self.out, record) for record in entry["files"].values())

    def record(self, key: str, entry: dict[str, Any]) -> None:
        """Append a finished partition to the manifest and make it durable before anyone counts on it."""
        if self._manifest is None:
            raise BatchError("the output folder is not open")
        self._manifest.write(json.dumps({"key": key, **entry}, ensure_ascii=False, sort_keys=True) + "\n")
        self._manifest.flush()
        os.fsync(self._manifest.fileno())
        self.done[key] = entry


def _file_intact(out: Path, record: dict[str, Any]) -> bool:
    path = out / record["path"]
    try:
        return path.stat().st_size == record["bytes"]
    except OSError:
        return False


def read_manifest(out: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(key, entry)`` for every finished partition; a torn last line (a killed run) is skipped."""
    path = out / MANIFEST
    if not path.exists():
        return
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and "key" in entry:
                yield entry.pop("key"), entry


def write_rejected(out: Path, first: list[dict[str, Any]], keys: Iterable[str]) -> int:
    """Rebuild ``rejected.jsonl``: ``first`` (inputs no partition could hold), then each partition's."""
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in first]
    for key in sorted(keys):
        path = out / REJECTED_DIR / f"{key}.jsonl"
        if path.exists():
            lines.extend(path.read_text(encoding="utf-8").splitlines(keepends=True))
    write_atomically(out / REJECTED, "".join(lines).encode("utf-8"))
    return len(lines)
