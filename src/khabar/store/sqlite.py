"""The SQLite archive: opening it, its versioned schema and the migrations between versions.

One file holds everything: the documents (their full schema JSON, compressed), the entities linked
across articles, their mentions, the quotes, places, dates and events, and two FTS5 indexes over the
Arabic-normalised text. The schema version is ``PRAGMA user_version``; opening an older file runs
the missing migrations in one transaction each, and a file from a newer khabar is refused.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from khabar.errors import KhabarError

log = logging.getLogger(__name__)

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
    # 2: entities resolved across articles (one per person, organisation or place, whatever the label or
    # spelling of each article), their names, and the corrections people make. The links are rebuilt
    # from the stored Documents at the next open for writing (relink.py).
    """
    DELETE FROM mentions;
    DELETE FROM places;
    UPDATE quotes SET speaker = NULL;
    DROP TABLE entities;
    CREATE TABLE entities (
        rowid INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,   -- what links articles: "name:<key>" or "place:<gazetteer id>"
        label TEXT NOT NULL,             -- the label most of its articles give it
        key TEXT NOT NULL,               -- its normalised name
        name TEXT NOT NULL,              -- its name as most articles write it
        documents INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0,
        quotes INTEGER NOT NULL DEFAULT 0,
        merged_into INTEGER REFERENCES entities(rowid)  -- all its articles now belong to that entity
    );
    CREATE INDEX entities_by_label ON entities(label, documents DESC);
    CREATE INDEX entities_by_key ON entities(key);

    CREATE TABLE doc_entities (          -- each article's entities, and the archive entity each is one of
        document INTEGER NOT NULL REFERENCES documents(rowid),
        local_id TEXT NOT NULL,          -- Entity.id inside the document
        label TEXT NOT NULL,
        name TEXT NOT NULL,              -- the canonical name as written, without proclitics
        key TEXT NOT NULL,
        place TEXT,                      -- "geo:<GeoNames id>" when the gazetteer resolved it
        forms TEXT NOT NULL,             -- the keys of its mentions' names (names.SEPARATOR between)
        roles TEXT NOT NULL,             -- the keys of its titles
        mentions INTEGER NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        PRIMARY KEY (document, local_id)
    ) WITHOUT ROWID;
    CREATE INDEX doc_entities_by_entity ON doc_entities(entity);
    CREATE INDEX doc_entities_by_key ON doc_entities(key);

    CREATE TABLE aliases (               -- every name an entity goes by, with the articles using it
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        documents INTEGER NOT NULL,
        PRIMARY KEY (key, entity)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_by_entity ON aliases(entity, documents DESC);

    CREATE TABLE corrections (           -- merges and splits made by people, kept across ingests
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        identity TEXT NOT NULL,          -- merge: the entity kept; split: the entity a name is taken from
        other TEXT NOT NULL,             -- merge: the identity merged into it; split: the name's key
        made_at TEXT NOT NULL
    );

    ALTER TABLE quotes ADD COLUMN speaker_local TEXT;   -- the speaker's Entity.id inside the document
    ALTER TABLE places ADD COLUMN local_id TEXT;

    CREATE TABLE pending (task TEXT PRIMARY KEY);  -- work a migration left to Python, done at the next open
    INSERT INTO pending VALUES ('relink');
    """,
    # 3: what the archive remembers of its own upkeep (the documents it held at its last full resolution).
    """
    CREATE TABLE state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    """,
    # 4: who did what to whom (model/layers.py EVENTS). Each participant is the archive entity that the
    # article's own entity (``*_local``, its Entity.id) resolves to, set and kept up to date by the resolver
    # and the corrections exactly as a quote's speaker is (references.py). An archive of schema 3 gets the
    # table empty: its articles were analysed before the events stage existed.
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
        actor_local TEXT,                -- the actor's Entity.id inside the document
        actor_text TEXT,                 -- the actor phrase, or the entity's name
        actor_key TEXT,                  -- its normalised form (to find phrases that are no entity)
        target INTEGER REFERENCES entities(rowid),
        target_local TEXT,
        target_text TEXT,
        target_key TEXT,
        place INTEGER REFERENCES entities(rowid),
        place_local TEXT,
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
#: The tables that are the archive's own, filled from no single Document layer (a layer's tables are
#: declared with it, model/layers.py): the documents, the entities resolved across articles and their
#: names, people's corrections, the archive's upkeep, and the full-text indexes.
ARCHIVE_TABLES = ("documents", "entities", "aliases", "corrections", "state", "pending", "documents_fts", "quotes_fts")
# A development archive (main before the resolution merged) had the events table as schema 2.
EVENTS_FIRST_VERSION = 2
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
        elif int(connection.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION or _pending(connection):
            raise StoreError(f"{path}: archive schema is not version {SCHEMA_VERSION}; open it once for writing to migrate")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a khabar archive ({exc})") from None
    store = Store(connection, path)
    if not readonly and _pending(connection):
        # Imported here: relinking reads Documents through the modules that import this one.
        from khabar.store.relink import relink_documents

        relink_documents(store)
    return store


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
    if version == EVENTS_FIRST_VERSION and _has_table(connection, "events") and not _has_table(connection, "doc_entities"):
        version = _undo_events_first(connection, path)
    if version == SCHEMA_VERSION:
        return
    # A migration may rebuild a table others refer to; foreign keys are checked again once it is done.
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        for number in range(version, SCHEMA_VERSION):
            # executescript commits on its own, so BEGIN/COMMIT go inside the script: one migration, one transaction.
            try:
                connection.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;")
            except sqlite3.DatabaseError:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
    finally:
        connection.execute("PRAGMA foreign_keys = ON")


def _has_foreign_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _undo_events_first(connection: sqlite3.Connection, path: Path) -> int:
    """Take an archive made while events were schema 2 (before entity resolution; never released) back to
    schema 1, which it otherwise is: its events table goes, and the rebuild that the resolution's migration
    asks for (relink.py) stores every event again from the stored Documents, linked to resolved entities."""
    log.warning("%s: made by a development khabar (events as schema 2); rebuilding its entities and events", path)
    connection.executescript("BEGIN IMMEDIATE;\nDROP TABLE events;\nPRAGMA user_version = 1;\nCOMMIT;")
    return 1


def _pending(connection: sqlite3.Connection) -> bool:
    """Whether a migration left the entity links to be rebuilt from the stored Documents."""
    return connection.execute("SELECT 1 FROM pending WHERE task = 'relink'").fetchone() is not None
