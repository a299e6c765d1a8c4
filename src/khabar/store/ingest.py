"""Store analysed Documents in the archive: idempotent, linked across articles, in batched transactions.

Re-ingesting an article already stored (same URL, or the same text byte for byte) changes nothing.
Entities are linked across articles by their normalised canonical name and label, so a person has
one row (and one page) however many articles name them.
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
from khabar.model import Document, Entity, Span, to_json
from khabar.stages.normalise import normalise_query
from khabar.store.keys import content_hash, name_key, stem_words
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
    for batch in _batches(iter(results), batch_size):
        try:
            with store.transaction():
                for result in batch:
                    _ingest_one(store, result, summary)
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: ingest stopped after {summary.added} new articles: {exc}") from exc
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_one(store: Store, result: Document | KhabarError, summary: IngestSummary) -> None:
    if isinstance(result, KhabarError):
        summary.rejected.append(result)
    elif add_document(store, result).added:
        summary.added += 1
    else:
        summary.duplicates += 1


def _batches(results: Iterator[Document | KhabarError], size: int) -> Iterator[list[Document | KhabarError]]:
    while batch := list(islice(results, size)):
        yield batch


def add_document(store: Store, doc: Document) -> Stored:
    """Store one analysed Document with all its layers; call it inside ``store.transaction()``."""
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
    entity_rows = _add_entities(conn, rowid, doc)
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


def _add_entities(conn: sqlite3.Connection, rowid: int, doc: Document) -> dict[str, int]:
    """Link each entity to the archive's entity of the same normalised name and label; return id -> row."""
    groups: dict[tuple[str, str], list[Entity]] = {}
    for entity in doc.entities:
        name = doc.text_of(entity.canonical)
        groups.setdefault((name_key(name) or name, entity.label), []).append(entity)
    rows: dict[str, int] = {}
    mentions: list[tuple[int, int, str, int, int]] = []
    for (key, label), entities in groups.items():
        count = sum(len(e.mentions) for e in entities)
        entity_row = conn.execute(
            "INSERT INTO entities (label, key, name, documents, mentions) VALUES (?, ?, ?, 1, ?) "
            "ON CONFLICT (key, label) DO UPDATE SET documents = documents + 1, mentions = mentions + excluded.mentions "
            "RETURNING rowid",
            (label, key, doc.text_of(entities[0].canonical), count),
        ).fetchone()[0]
        for entity in entities:
            rows[entity.id] = entity_row
            mentions.extend((rowid, entity_row, entity.id, m.start, m.end) for m in entity.mentions)
    conn.executemany(
        "INSERT INTO mentions (document, entity, local_id, char_start, char_end) VALUES (?, ?, ?, ?, ?)", mentions
    )
    return rows


def _add_quotes(conn: sqlite3.Connection, rowid: int, doc: Document, entity_rows: dict[str, int]) -> dict[str, int]:
    """Store the quotes; return each quote's id -> its row."""
    rows: dict[str, int] = {}
    for quote in doc.quotes:
        speaker = entity_rows.get(quote.speaker_id) if quote.speaker_id else None
        if quote.speaker is not None:
            speaker_text: str | None = doc.text_of(quote.speaker)
        elif quote.speaker_id is not None:
            speaker_text = doc.text_of(doc.entity(quote.speaker_id).canonical)
        else:
            speaker_text = None
        quote_row = conn.execute(
            "INSERT INTO quotes (document, local_id, kind, char_start, char_end, cue_start, cue_end, speaker, "
            "speaker_text, speaker_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid",
            (
                rowid, quote.id, quote.kind.value, quote.content.start, quote.content.end,
                quote.cue.start if quote.cue else None, quote.cue.end if quote.cue else None,
                speaker, speaker_text, name_key(speaker_text) if speaker_text else None,
            ),
        ).fetchone()[0]
        rows[quote.id] = quote_row
        conn.execute(
            "INSERT INTO quotes_fts (rowid, content, stems) VALUES (?, ?, ?)",
            (quote_row, normalise_query(doc.text_of(quote.content)), stem_words(doc, quote.content.start, quote.content.end)),
        )
        if speaker is not None:
            conn.execute("UPDATE entities SET quotes = quotes + 1 WHERE rowid = ?", (speaker,))
    return rows


def _add_places(conn: sqlite3.Connection, rowid: int, doc: Document, entity_rows: dict[str, int]) -> None:
    conn.executemany(
        "INSERT INTO places (document, entity, name, latitude, longitude, country, feature, confidence, "
        "geonames_id, focus) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (rowid, entity_rows[p.entity_id], p.name, p.latitude, p.longitude, p.country_code, p.feature,
             p.confidence, p.geonames_id, int(p.focus))
            for p in doc.places
            if p.entity_id in entity_rows
        ],
    )



def _participant(doc: Document, entity_id: str | None, span: Span | None) -> tuple[str | None, str | None]:
    """A participant's text (its phrase, else its entity's name) and that text's normalised key."""
    if span is not None:
        text: str | None = doc.text_of(span)
    elif entity_id is not None:
        text = doc.text_of(doc.entity(entity_id).canonical)
    else:
        text = None
    return text, (name_key(text) or None) if text else None


def _add_events(
    conn: sqlite3.Connection, rowid: int, doc: Document, entity_rows: dict[str, int], quote_rows: dict[str, int]
) -> None:
    rows = []
    for event in doc.events:
        actor_text, actor_key = _participant(doc, event.actor_id, event.actor)
        target_text, target_key = _participant(doc, event.target_id, event.target)
        rows.append((
            rowid, event.id, event.type, event.mode.value, event.trigger.start, event.trigger.end,
            entity_rows.get(event.actor_id or ""), actor_text, actor_key,
            entity_rows.get(event.target_id or ""), target_text, target_key,
            entity_rows.get(event.place_id or ""), event.date, quote_rows.get(event.quote_id or ""),
        ))
    conn.executemany(
        "INSERT INTO events (document, local_id, type, mode, trigger_start, trigger_end, actor, actor_text, "
        "actor_key, target, target_text, target_key, place, date, quote) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
