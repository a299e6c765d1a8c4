"""Opening archives: schema version, WAL, migrations, and clear errors for files that are not archives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from khabar.store import SCHEMA_VERSION, StoreError, open_store


def test_a_new_archive_is_at_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db", create=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.document_count() == 0


def test_reopening_keeps_the_schema_and_data(tmp_path: Path, sample_documents: list) -> None:
    from khabar.store import ingest

    with open_store(tmp_path / "a.db", create=True) as store:
        ingest(store, sample_documents[:1])
    with open_store(tmp_path / "a.db") as store:
        assert store.document_count() == 1
    with open_store(tmp_path / "a.db", readonly=True) as store:
        assert store.document_count() == 1


def test_a_missing_archive_is_refused_unless_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no archive here"):
        open_store(tmp_path / "missing.db")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("قال الوزير إن الوضع مستقر", encoding="utf-8")
    with pytest.raises(StoreError, match="not a khabar archive"):
        open_store(path)


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    with pytest.raises(StoreError, match="not a khabar archive"):
        open_store(path)


def test_an_archive_from_a_newer_khabar_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this khabar reads"):
        open_store(path)


def test_a_failed_write_transaction_leaves_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db", create=True) as store:
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("INSERT INTO entities (identity, label, key, name) VALUES ('name:x', 'PER', 'x', 'x')")
            raise RuntimeError("stop")
        assert store.connection.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
