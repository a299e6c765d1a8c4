"""Store analysed Documents in the archive: idempotent, linked across articles, in batched transactions.

Re-ingesting an article already stored (same URL, or the same text byte for byte) changes nothing.
Each article's entities are recorded as the archive sees them (``names.py``) and, once the articles
are in, linked across articles by the resolver (``resolve.py``): one row, and one page, per person,
organisation or place however many articles name them, however they spell or label them.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice

from khabar.errors import KhabarError
from khabar.model import Document, Span, to_json
from khabar.stages.normalise import normalise_query
from khabar.store.keys import content_hash, name_key, stem_words
from khabar.store.names import clean_name, joined, named_entities, own_identity
from khabar.store.resolve import link_new, needs_full_resolution, resolve
from khabar.store.sqlite import Store, StoreError

DEFAULT_BATCH = 200
TITLE_CHARS = 120


@dataclass(frozen=True, slots=True)
class Stored:
    """The outcome of storing one Document: its id in the archive, and whether it was new."""

    doc_id: str
    added: bool  # False: the same article (same URL or same text) was already stored


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did: counts, every rejected input with its reason, and the time it took."""

    added: int = 0
    duplicates: int = 0
    rejected: list[KhabarError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.added + self.duplicates + len(self.rejected)

    @property
    def per_second(self) -> float:
        return self.seen / self.seconds if self.seconds > 0 else 0.0


def ingest(store: Store, results: Iterable[Document | KhabarError], *, batch_size: int = DEFAULT_BATCH) -> IngestSummary:
    """Store every Document and collect every error; one transaction per batch of documents.

    The pipeline runs while the iterator is drawn, outside the write transaction, so a reader
    (``khabar serve``) is never blocked for long.
    """
    summary = IngestSummary()
    started = time.perf_counter()
    first = int(store.connection.execute("SELECT coalesce(max(rowid), 0) + 1 FROM documents").fetchone()[0])
    known: dict[str, int] = {}
    for batch in _batches(iter(results), batch_size):
        try:
            with store.transaction():
                for result in batch:
                    _ingest_one(store, result, summary, known)
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: ingest stopped after {summary.added} new articles: {exc}") from exc
    if summary.added and needs_full_resolution(store.connection):
        resolve(store)
    elif summary.added:
        link_new(store, first)
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_one(store: Store, result: Document | KhabarError, summary: IngestSummary, known: dict[str, int]) -> None:
    if isinstance(result, KhabarError):
        summary.rejected.append(result)
    elif add_document(store, result, known).added:
        summary.added += 1
    else:
        summary.duplicates += 1


def _batches(results: Iterator[Document | KhabarError], size: int) -> Iterator[list[Document | KhabarError]]:
    while batch := list(islice(results, size)):
        yield batch


def add_document(store: Store, doc: Document, known: dict[str, int] | None = None) -> Stored:
    """Store one analysed Document with all its layers; call it inside ``store.transaction()``, and
    ``resolve(store)`` once the documents are in (``ingest`` does both)."""
    conn = store.connection
    digest = content_hash(doc.text)
    row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
    if row is None and doc.meta.url:
        row = conn.execute("SELECT id FROM documents WHERE url = ?", (doc.meta.url,)).fetchone()
    if row is not None:
        return Stored(row[0], added=False)
    doc = replace(doc, id=_free_id(conn, doc.id))
    meta = doc.meta
    outlet = meta.outlet or (doc.text_of(doc.byline.outlet) if doc.byline and doc.byline.outlet else None)
    rowid = conn.execute(
        "INSERT INTO documents (id, url, content_hash, title, outlet, outlet_key, published, source, text, "
        "document, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid",
        (
            doc.id, meta.url, digest, display_title(doc), outlet, name_key(outlet) if outlet else None,
            meta.published, meta.source, doc.text, zlib.compress(to_json(doc, indent=None).encode("utf-8")),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    ).fetchone()[0]
    entity_rows = _add_entities(conn, rowid, doc, known)
    quote_rows = _add_quotes(conn, rowid, doc, entity_rows)
    _add_places(conn, rowid, doc, entity_rows)
    _add_events(conn, rowid, doc, entity_rows, quote_rows)
    conn.executemany(
        "INSERT INTO times (document, char_start, char_end, type, value, resolved) VALUES (?, ?, ?, ?, ?, ?)",
        [(rowid, t.span.start, t.span.end, t.type, t.value, int(t.resolved)) for t in doc.times],
    )
    body = doc.normalised.text if doc.normalised is not None else normalise_query(doc.text)
    conn.execute(
        "INSERT INTO documents_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
        (rowid, normalise_query(meta.title or ""), body, stem_words(doc)),
    )
    return Stored(doc.id, added=True)


def display_title(doc: Document) -> str:
    """The article's title, or its first line after the byline, cut to a readable length.

    >>> display_title(Document(id="d", text="باريس ـ المغرب اليوم\\nقال الوزير إن الوضع مستقر"))
    'باريس ـ المغرب اليوم'
    """
    if doc.meta.title:
        return doc.meta.title[:TITLE_CHARS]
    start = doc.byline.span.end if doc.byline is not None else 0
    lines = [line.strip() for line in doc.text[start:].splitlines() if line.strip()] or [doc.text.strip()]
    line = lines[0]
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _free_id(conn: sqlite3.Connection, doc_id: str) -> str:
    """``doc_id``, or ``doc_id-2``, ``-3``... when another article already has it (two ``seed.txt``)."""
    candidate, number = doc_id, 1
    while conn.execute("SELECT 1 FROM documents WHERE id = ?", (candidate,)).fetchone():
        number += 1
        candidate = f"{doc_id}-{number}"
    return candidate


def _add_entities(conn: sqlite3.Connection, rowid: int, doc: Document, known: dict[str, int] | None = None) -> dict[str, int]:
    """Record each named entity of ``doc`` and link it to the archive entity of its own name or place (the
    resolver then links it across articles); return Entity.id -> archive entity. ``known``: identity -> id
    of the entities seen so far in this ingest (saves a look-up per entity)."""
    known = {} if known is None else known
    rows: dict[str, int] = {}
    records = named_entities(doc)
    for record in records:
        identity = own_identity(record)
        if identity not in known:
            known[identity] = entity_row(conn, identity, record.label, record.key, record.name)
        rows[record.local_id] = known[identity]
    conn.executemany(
        "INSERT INTO doc_entities (document, local_id, label, name, key, place, forms, roles, mentions, entity) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(rowid, r.local_id, r.label, r.name, r.key, r.place, joined(r.forms), joined(r.roles), r.mentions,
          rows[r.local_id]) for r in records],
    )
    conn.executemany(
        "INSERT INTO mentions (document, entity, local_id, char_start, char_end) VALUES (?, ?, ?, ?, ?)",
        [(rowid, rows[e.id], e.id, m.start, m.end) for e in doc.entities if e.id in rows for m in e.mentions],
    )
    return rows


def entity_row(conn: sqlite3.Connection, identity: str, label: str, key: str, name: str) -> int:
    """The archive entity with this identity, made when there is none yet."""
    row = conn.execute("SELECT rowid FROM entities WHERE identity = ?", (identity,)).fetchone()
    if row is not None:
        return int(row[0])
    return int(conn.execute(
        "INSERT INTO entities (identity, label, key, name) VALUES (?, ?, ?, ?) RETURNING rowid",
        (identity, label, key, name),
    ).fetchone()[0])


def _add_quotes(conn: sqlite3.Connection, rowid: int, doc: Document, entity_rows: dict[str, int]) -> dict[str, int]:
    """Store the quotes, each speaker as its entity's archive entity and Entity.id (references.py); return
    each quote's id -> its row."""
    rows: dict[str, int] = {}
    for quote in doc.quotes:
        speaker, speaker_local, speaker_text, speaker_key = participant(doc, quote.speaker_id, quote.speaker, entity_rows)
        quote_row = conn.execute(
            "INSERT INTO quotes (document, local_id, kind, char_start, char_end, cue_start, cue_end, speaker, "
            "speaker_text, speaker_key, speaker_local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid",
            (
                rowid, quote.id, quote.kind.value, quote.content.start, quote.content.end,
                quote.cue.start if quote.cue else None, quote.cue.end if quote.cue else None,
                speaker, speaker_text, speaker_key, speaker_local,
            ),
        ).fetchone()[0]
        rows[quote.id] = quote_row
        conn.execute(
            "INSERT INTO quotes_fts (rowid, content, stems) VALUES (?, ?, ?)",
            (quote_row, normalise_query(doc.text_of(quote.content)), stem_words(doc, quote.content.start, quote.content.end)),
        )
    return rows


def add_entity_layers(conn: sqlite3.Connection, rowid: int, doc: Document, known: dict[str, int]) -> None:
    """Record again the entities, places, quote speakers and events of a stored Document (``relink.py``,
    which has emptied the tables of its entities and events)."""
    rows = _add_entities(conn, rowid, doc, known)
    _add_places(conn, rowid, doc, rows)
    speakers = [participant(doc, q.speaker_id, q.speaker, rows) for q in doc.quotes]
    conn.executemany(
        "UPDATE quotes SET speaker = ?, speaker_local = ?, speaker_key = ? WHERE document = ? AND local_id = ?",
        [(speaker, local, key, rowid, q.id) for q, (speaker, local, _, key) in zip(doc.quotes, speakers, strict=True)],
    )
    quote_rows = dict(conn.execute("SELECT local_id, rowid FROM quotes WHERE document = ?", (rowid,)).fetchall())
    _add_events(conn, rowid, doc, rows, quote_rows)


def participant(
    doc: Document, entity_id: str | None, span: Span | None, entity_rows: dict[str, int]
) -> tuple[int | None, str | None, str | None, str | None]:
    """How the archive stores a reference to an entity (a speaker, an actor, a target): the archive entity
    and Entity.id of its entity when the archive recorded one, its text (the phrase, else the entity's
    name) and that text's key, without the proclitic a name would not take."""
    row = entity_rows.get(entity_id) if entity_id is not None else None
    if span is not None:
        text: str | None = doc.text_of(span)
        key = name_key(clean_name(doc.text, span)) or None
    elif entity_id is not None:
        text = doc.text_of(doc.entity(entity_id).canonical)
        key = name_key(text) or None
    else:
        text = key = None
    return row, entity_id if row is not None else None, text, key


def _add_places(conn: sqlite3.Connection, rowid: int, doc: Document, entity_rows: dict[str, int]) -> None:
    conn.executemany(
        "INSERT INTO places (document, entity, name, latitude, longitude, country, feature, confidence, "
        "geonames_id, focus, local_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (rowid, entity_rows[p.entity_id], p.name, p.latitude, p.longitude, p.country_code, p.feature,
             p.confidence, p.geonames_id, int(p.focus), p.entity_id)
            for p in doc.places
            if p.entity_id in entity_rows
        ],
    )


def _add_events(
    conn: sqlite3.Connection, rowid: int, doc: Document, entity_rows: dict[str, int], quote_rows: dict[str, int]
) -> None:
    """Store the events, each participant as a quote's speaker is (``participant``); the place is an entity."""
    rows = []
    for event in doc.events:
        actor = participant(doc, event.actor_id, event.actor, entity_rows)
        target = participant(doc, event.target_id, event.target, entity_rows)
        place = entity_rows.get(event.place_id) if event.place_id else None
        rows.append((
            rowid, event.id, event.type, event.mode.value, event.trigger.start, event.trigger.end, *actor, *target,
            place, event.place_id if place is not None else None, event.date, quote_rows.get(event.quote_id or ""),
        ))
    conn.executemany(
        "INSERT INTO events (document, local_id, type, mode, trigger_start, trigger_end, actor, actor_local, "
        "actor_text, actor_key, target, target_local, target_text, target_key, place, place_local, date, quote) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
