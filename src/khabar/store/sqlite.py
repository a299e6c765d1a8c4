"""The SQLite archive: opening it, its versioned schema and the migrations between versions.

One file holds everything: the documents (their full schema JSON, compressed), the entities linked
across articles, their mentions, the quotes, places and dates, and two FTS5 indexes over the
Arabic-normalised text. The schema version is ``PRAGMA user_version``; opening an older file runs
the missing migrations in one transaction each, and a file from a newer khabar is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from khabar.errors import KhabarError

# Each entry turns schema version ``i`` into ``i + 1``. Append; never edit a released entry.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        content_hash TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        outlet_key TEXT,
        published TEXT,
        source TEXT NOT NULL,
        text TEXT NOT NULL,
        document BLOB NOT NULL,          -- zlib-compressed schema JSON (model/schema.py)
        ingested_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX documents_by_url ON documents(url) WHERE url IS NOT NULL;
    CREATE UNIQUE INDEX documents_by_hash ON documents(content_hash);
    CREATE INDEX documents_by_published ON documents(published);
    CREATE INDEX documents_by_outlet ON documents(outlet_key);

    CREATE TABLE entities (
        rowid INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        key TEXT NOT NULL,               -- the normalised canonical name: what links articles
        name TEXT NOT NULL,              -- the name as first seen, for display
        documents INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0,
        quotes INTEGER NOT NULL DEFAULT 0,
        UNIQUE (key, label)
    );
    CREATE INDEX entities_by_label ON entities(label, documents DESC);

    CREATE TABLE mentions (
        document INTEGER NOT NULL REFERENCES documents(rowid),
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        local_id TEXT NOT NULL,          -- Entity.id inside the document
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL
    );
    CREATE INDEX mentions_by_entity ON mentions(entity, document);
    CREATE INDEX mentions_by_document ON mentions(document);

    CREATE TABLE quotes (
        rowid INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(rowid),
        local_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        cue_start INTEGER,
        cue_end INTEGER,
        speaker INTEGER REFERENCES entities(rowid),
        speaker_text TEXT,
        speaker_key TEXT
    );
    CREATE INDEX quotes_by_speaker ON quotes(speaker);
    CREATE INDEX quotes_by_speaker_key ON quotes(speaker_key);
    CREATE INDEX quotes_by_document ON quotes(document);

    CREATE TABLE places (
        document INTEGER NOT NULL REFERENCES documents(rowid),
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        name TEXT NOT NULL,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        country TEXT,
        feature TEXT NOT NULL,
        confidence REAL NOT NULL,
        geonames_id INTEGER,
        focus INTEGER NOT NULL
    );
    CREATE INDEX places_by_entity ON places(entity, document);
    CREATE INDEX places_by_document ON places(document);

    CREATE TABLE times (
        document INTEGER NOT NULL REFERENCES documents(rowid),
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        resolved INTEGER NOT NULL
    );
    CREATE INDEX times_by_document ON times(document);
    CREATE INDEX times_by_value ON times(value);

    -- Contentless: the text lives once, in documents.text; snippets are cut from it, not from FTS.
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, stems, content = '', tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        content, stems, content = '', tokenize = 'unicode61 remove_diacritics 0'
    );
    """,
    # 2: who did what to whom (model/layers.py EVENTS). An older archive gets the table empty: its
    # documents were analysed before the events stage existed (re-ingest them to fill it).
    """
    CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(rowid),
        local_id TEXT NOT NULL,          -- Event.id inside the document
        type TEXT NOT NULL,              -- PLOVER type
        mode TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        actor INTEGER REFERENCES entities(rowid),
        actor_text TEXT,                 -- the actor phrase, or the entity's name
        actor_key TEXT,                  -- its normalised form (to find phrases that are no entity)
        target INTEGER REFERENCES entities(rowid),
        target_text TEXT,
        target_key TEXT,
        place INTEGER REFERENCES entities(rowid),
        date TEXT,                       -- TIMEX3 value (a day, month or year)
        quote INTEGER REFERENCES quotes(rowid)
    );
    CREATE INDEX events_by_document ON events(document);
    CREATE INDEX events_by_actor ON events(actor, type);
    CREATE INDEX events_by_target ON events(target, type);
    CREATE INDEX events_by_place ON events(place, type);
    CREATE INDEX events_by_type ON events(type, date);
    CREATE INDEX events_by_actor_key ON events(actor_key);
    CREATE INDEX events_by_target_key ON events(target_key);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
BUSY_TIMEOUT_S = 10.0


class StoreError(KhabarError):
    """An archive that cannot be opened or used: missing, not a database, or from a newer khabar."""


class Store:
    """An open archive. Use as a context manager, or call ``close()``.

    Connections are in autocommit mode; writes happen inside ``transaction()``.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction: all of it is stored, or none of it."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def document_count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM documents").fetchone()[0])


def open_store(path: str | Path, *, create: bool = False, readonly: bool = False) -> Store:
    """Open the archive at ``path`` (creating it when ``create``), migrated to the current schema.

    >>> with open_store(":memory:", create=True) as store:
    ...     store.schema_version == SCHEMA_VERSION
    True
    """
    path = Path(path)
    in_memory = str(path) == ":memory:"
    if not in_memory and not create and not path.is_file():
        raise StoreError(f"{path}: no archive here (make one with: khabar ingest SOURCES... --db {path})")
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    try:
        connection = sqlite3.connect(
            uri, uri=readonly, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
        )
        _configure(connection, readonly=readonly or in_memory)
        if not readonly:
            _migrate(connection, path)
        elif int(connection.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
            raise StoreError(f"{path}: archive schema is not version {SCHEMA_VERSION}; open it once for writing to migrate")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a khabar archive ({exc})") from None
    return Store(connection, path)


def _configure(connection: sqlite3.Connection, *, readonly: bool) -> None:
    """WAL lets ``khabar serve`` read while ``khabar ingest`` writes; NORMAL sync is safe under WAL."""
    connection.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA cache_size = -32000")  # 32 MB of page cache


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: archive schema version {version} is newer than this khabar reads ({SCHEMA_VERSION}); upgrade khabar"
        )
    if version == 0 and _has_foreign_tables(connection):
        raise StoreError(f"{path}: this SQLite file holds other tables and is not a khabar archive")
    for number in range(version, SCHEMA_VERSION):
        # executescript commits on its own, so BEGIN/COMMIT go inside the script: one migration, one transaction.
        try:
            connection.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;")
        except sqlite3.DatabaseError:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def _has_foreign_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
