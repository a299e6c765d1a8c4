"""Opening archives: schema version, WAL, migrations, and clear errors for files that are not archives."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest

from khabar.model import LIST_LAYERS, Document, to_json
from khabar.model.layers import layer_named
from khabar.store import SCHEMA_VERSION, EventFilters, StoreError, find_events, ingest, open_store
from khabar.store.sqlite import ARCHIVE_TABLES, MIGRATIONS


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


def _declared_columns(connection, table: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    rows = connection.execute(f"PRAGMA table_info({table})").fetchall()
    return tuple(f"{name} {kind}{' NOT NULL' if notnull else ''}" for _, name, kind, notnull, _, _ in rows)


@pytest.mark.parametrize("layer", [layer for layer in LIST_LAYERS if layer.sql], ids=lambda layer: layer.name)
def test_the_archive_tables_are_the_declared_ones(tmp_path: Path, layer) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "a.db", create=True) as store:
        for table in layer.sql:
            assert _declared_columns(store.connection, table.name) == table.columns


def test_an_archive_of_schema_1_gains_the_events_table(tmp_path: Path, sample_documents: list) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(f"BEGIN; {MIGRATIONS[0]} PRAGMA user_version = 1; COMMIT;")
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        ingest(store, sample_documents)
        assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] > 0


def test_every_table_is_a_layers_or_the_archives_own(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db", create=True) as store:
        tables = {name for (name,) in store.connection.execute(
            "SELECT name FROM pragma_table_list WHERE type IN ('table', 'virtual') AND schema = 'main' "
            "AND name NOT LIKE 'sqlite_%'")}
    declared = [table.name for layer in LIST_LAYERS for table in layer.sql]
    assert len(declared) == len(set(declared)) and not set(declared) & set(ARCHIVE_TABLES)
    assert tables == set(declared) | set(ARCHIVE_TABLES)


# How main's code made an archive before the entity resolution was merged: schema 1 and an events table
# as schema 2. Never released; kept here to show that opening one rebuilds it.
EVENTS_FIRST_SCHEMA_2 = """
CREATE TABLE events (
    rowid INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(rowid), local_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    actor INTEGER REFERENCES entities(rowid), actor_text TEXT, actor_key TEXT, target INTEGER REFERENCES entities(rowid),
    target_text TEXT, target_key TEXT, place INTEGER REFERENCES entities(rowid), date TEXT,
    quote INTEGER REFERENCES quotes(rowid)
);
"""


def _events_first_archive(path: Path, docs: list[Document]) -> None:
    """An archive as main wrote it with events at schema 2: documents, quotes and events, entities by name."""
    with sqlite3.connect(path) as conn:
        conn.executescript(f"{MIGRATIONS[0]}\n{EVENTS_FIRST_SCHEMA_2}\nPRAGMA user_version = 2;")
        for number, doc in enumerate(docs, 1):
            conn.execute("INSERT INTO documents (rowid, id, content_hash, source, text, document, ingested_at) "
                         "VALUES (?, ?, ?, 'x', ?, ?, 'now')",
                         (number, doc.id, f"h{number}", doc.text, zlib.compress(to_json(doc, indent=None).encode())))
            conn.executemany("INSERT INTO quotes (document, local_id, kind, char_start, char_end) VALUES (?, ?, ?, ?, ?)",
                             [(number, q.id, q.kind.value, q.content.start, q.content.end) for q in doc.quotes])
            conn.executemany("INSERT INTO events (document, local_id, type, mode, trigger_start, trigger_end, actor) "
                             "VALUES (?, ?, ?, ?, ?, ?, 777)",  # an entity row the new schema does not have
                             [(number, e.id, e.type, e.mode.value, e.trigger.start, e.trigger.end) for e in doc.events])


def test_an_archive_with_events_as_schema_2_is_rebuilt_from_its_documents(tmp_path: Path, sample_documents: list) -> None:
    path = tmp_path / "events-first.db"
    _events_first_archive(path, sample_documents)
    with pytest.raises(StoreError, match="open it once for writing"):
        open_store(path, readonly=True)
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.connection
        events = sum(len(doc.events) for doc in sample_documents)
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events > 0
        assert conn.execute("SELECT count(*) FROM events WHERE actor = 777").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM events WHERE quote IS NOT NULL").fetchone()[0] == 2
        (demand,) = find_events(store, EventFilters(actor="هولاند"))[1]
        assert (demand.trigger, demand.actor) == ("دعا", "فرانسوا هولاند")
        assert _declared_columns(conn, "events") == layer_named("events").sql[0].columns
    with open_store(path, readonly=True) as store:
        assert store.connection.execute("SELECT count(*) FROM pending").fetchone()[0] == 0
