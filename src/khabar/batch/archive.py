"""Load a batch run's results into the SQLite archive (``khabar.store``), resumably.

The archive needs whole Documents (tokens included, for its stem index), which the Parquet tables do
not hold, so a run with ``--db`` also writes each partition's Documents as schema JSON
(``json/<partition>.jsonl.gz``) and this module feeds them to ``khabar.store.ingest.ingest``. The
archive is idempotent (an article already stored changes nothing); ``archive.jsonl`` in the output
folder also records which partitions went into which archive, so a re-run does not re-read them.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from khabar.batch.output import JSON_DIR
from khabar.model import Document, from_json
from khabar.store.ingest import ingest
from khabar.store.sqlite import open_store

ARCHIVE_LOG = "archive.jsonl"


@dataclass(frozen=True, slots=True)
class ArchiveReport:
    """What loading did: partitions loaded now or before, articles added, articles already stored."""

    db: Path
    partitions: int
    skipped: int
    added: int
    duplicates: int


def read_documents(path: Path) -> Iterator[Document]:
    """The Documents of one partition's ``json/<partition>.jsonl.gz``."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield from_json(line)


def _loaded(out: Path, db: str) -> set[str]:
    path = out / ARCHIVE_LOG
    if not path.exists():
        return set()
    keys = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:  # a torn last line: that partition is loaded again (harmless)
            continue
        if entry.get("db") == db:
            keys.add(entry["key"])
    return keys


def load_archive(out: Path, db: Path, keys: Iterable[str]) -> ArchiveReport:
    """Store the Documents of the partitions ``keys`` of output folder ``out`` in the archive ``db``."""
    db_name = str(db.resolve())
    loaded = _loaded(out, db_name)
    keys = sorted(keys)
    todo = [key for key in keys if key not in loaded]
    added = duplicates = 0
    with open_store(db, create=True) as store, (out / ARCHIVE_LOG).open("a", encoding="utf-8") as log:
        for key in todo:
            summary = ingest(store, read_documents(out / JSON_DIR / f"{key}.jsonl.gz"))
            added, duplicates = added + summary.added, duplicates + summary.duplicates
            log.write(json.dumps({"db": db_name, "key": key, "added": summary.added}) + "\n")
            log.flush()
            os.fsync(log.fileno())
    return ArchiveReport(db, len(todo), len(keys) - len(todo), added, duplicates)
