"""The Parquet tables of a batch run: one row per document, entity, mention, quote, place, date and event.

Offsets are Python string indices into ``documents.text`` (``end`` exclusive), as in the Document.
The text columns beside them (``name``, ``text``, ``speaker`` ...) are derived from the offsets when the
rows are built, as ``model/schema.py`` derives ``name`` and ``speaker_text``, so a query needs no join
to read them. Rows keep input order: documents in the order they were read, annotations in the order
the stages made them, so the same input gives the same rows on any number of workers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from khabar.model import LIST_LAYERS, Document, Span, TokenKind
from khabar.model.layers import Column, Table

FLUSH_DOCUMENTS = 100  # documents whose rows wait as Python dicts before they become Arrow record batches

_S, _I = pa.string(), pa.int32()
_ARROW: dict[str, pa.DataType] = {
    "string": _S, "int32": _I, "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
    "list<span>": pa.list_(pa.struct([("start", _I), ("end", _I)])),
    "list<text_span>": pa.list_(pa.struct([("start", _I), ("end", _I), ("text", _S)])),
}
DOCUMENTS = Table("documents", tuple(Column(name, kind) for name, kind in (
    ("doc_id", "string"), ("partition", "string"), ("source", "string"), ("format", "string"),
    ("encoding", "string"), ("title", "string"), ("url", "string"), ("published", "string"),
    ("outlet", "string"), ("author", "string"), ("text", "string"), ("chars", "int32"), ("tokens", "int32"),
    ("words", "int32"), ("sentences", "list<span>"), ("byline_start", "int32"), ("byline_end", "int32"),
    ("byline_place", "string"), ("byline_outlet", "string"), ("byline_author", "string"),
    ("diagnostics", "string"),
)))
# The documents table, then each list layer's tables as declared in model/layers.py.
DECLARED: tuple[Table, ...] = (DOCUMENTS, *(table for layer in LIST_LAYERS for table in layer.parquet))
TABLES = tuple(table.name for table in DECLARED)
SCHEMAS: dict[str, pa.Schema] = {
    table.name: pa.schema([(column.name, _ARROW[column.type]) for column in table.columns]) for table in DECLARED
}

Row = dict[str, Any]


def _part(span: Span | None, text: str) -> tuple[int | None, int | None, str | None]:
    return (None, None, None) if span is None else (span.start, span.end, text[span.start : span.end])


def document_row(doc: Document, partition: str) -> Row:
    """The ``documents`` row of ``doc``."""
    meta, byline, text = doc.meta, doc.byline, doc.text
    diagnostics = [{"stage": d.stage, "code": d.code, "message": d.message,
                    "start": d.span.start if d.span else None, "end": d.span.end if d.span else None}
                   for d in doc.diagnostics]
    return {
        "doc_id": doc.id, "partition": partition, "source": meta.source, "format": meta.format,
        "encoding": meta.encoding, "title": meta.title, "url": meta.url, "published": meta.published,
        "outlet": meta.outlet, "author": meta.author, "text": text, "chars": len(text),
        "tokens": len(doc.tokens), "words": sum(1 for t in doc.tokens if t.kind is TokenKind.WORD),
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "byline_start": byline.span.start if byline else None, "byline_end": byline.span.end if byline else None,
        "byline_place": _part(byline.place, text)[2] if byline else None,
        "byline_outlet": _part(byline.outlet, text)[2] if byline else None,
        "byline_author": _part(byline.author, text)[2] if byline else None,
        "diagnostics": json.dumps(diagnostics, ensure_ascii=False, sort_keys=True),
    }


def entity_rows(doc: Document) -> tuple[list[Row], list[Row]]:
    """The ``entities`` rows and the ``mentions`` rows of ``doc``."""
    entities: list[Row] = []
    mentions: list[Row] = []
    for entity in doc.entities:
        entities.append({
            "doc_id": doc.id, "entity_id": entity.id, "label": entity.label, "type": entity.type,
            "name": doc.text_of(entity.canonical), "canonical_start": entity.canonical.start,
            "canonical_end": entity.canonical.end, "mentions": len(entity.mentions),
            "roles": [{"start": r.start, "end": r.end, "text": doc.text_of(r)} for r in entity.roles],
        })
        mentions.extend({"doc_id": doc.id, "entity_id": entity.id, "start": m.start, "end": m.end,
                         "text": doc.text_of(m)} for m in entity.mentions)
    return entities, mentions


def quote_rows(doc: Document) -> list[Row]:
    """The ``quotes`` rows of ``doc``."""
    rows = []
    for quote in doc.quotes:
        cue_start, cue_end, cue = _part(quote.cue, doc.text)
        speaker_start, speaker_end, speaker = _part(quote.speaker, doc.text)
        rows.append({
            "doc_id": doc.id, "quote_id": quote.id, "kind": quote.kind.value, "start": quote.content.start,
            "end": quote.content.end, "text": doc.text_of(quote.content), "cue_start": cue_start,
            "cue_end": cue_end, "cue": cue, "speaker_id": quote.speaker_id, "speaker_start": speaker_start,
            "speaker_end": speaker_end, "speaker": speaker,
        })
    return rows


def place_rows(doc: Document) -> list[Row]:
    """The ``places`` rows of ``doc``."""
    return [{
        "doc_id": doc.id, "entity_id": p.entity_id, "name": p.name, "latitude": p.latitude,
        "longitude": p.longitude, "country_code": p.country_code, "feature": p.feature,
        "confidence": p.confidence, "geonames_id": p.geonames_id, "focus": p.focus,
    } for p in doc.places]


def event_rows(doc: Document) -> list[Row]:
    """The ``events`` rows of ``doc``: participants as entity ids with their phrase (or the entity's name)."""
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    rows = []
    for event in doc.events:
        trigger_start, trigger_end, trigger = _part(event.trigger, doc.text)
        actor_start, actor_end, actor = _part(event.actor, doc.text)
        target_start, target_end, target = _part(event.target, doc.text)
        rows.append({
            "doc_id": doc.id, "event_id": event.id, "type": event.type, "mode": event.mode.value,
            "trigger_start": trigger_start, "trigger_end": trigger_end, "trigger": trigger,
            "actor_id": event.actor_id, "actor_start": actor_start, "actor_end": actor_end,
            "actor": actor or names.get(event.actor_id or ""), "target_id": event.target_id,
            "target_start": target_start, "target_end": target_end,
            "target": target or names.get(event.target_id or ""), "place_id": event.place_id,
            "place": names.get(event.place_id or ""), "date": event.date, "quote_id": event.quote_id,
        })
    return rows


def date_rows(doc: Document) -> list[Row]:
    """The ``dates`` rows of ``doc`` (its time expressions)."""
    return [{"doc_id": doc.id, "start": t.span.start, "end": t.span.end, "text": doc.text_of(t.span),
             "type": t.type, "value": t.value, "resolved": t.resolved} for t in doc.times]


class TableRows:
    """Rows of every table for the documents of one partition, in input order.

    Rows wait as Python dicts for ``FLUSH_DOCUMENTS`` documents, then become Arrow record batches, which
    hold them in a fraction of the memory: a worker over 8,000 articles in partitions of 1,000 peaked at
    400 MB instead of 415 (``benchmarks/worker_memory.py``).
    """

    def __init__(self, partition: str) -> None:
        self.partition = partition
        self.rows: dict[str, list[Row]] = {name: [] for name in TABLES}  # the rows not yet in a batch
        self._batches: dict[str, list[pa.RecordBatch]] = {name: [] for name in TABLES}
        self._waiting = 0  # documents whose rows are in ``rows``

    def add(self, doc: Document) -> None:
        """Add the rows of one analysed Document."""
        entities, mentions = entity_rows(doc)
        self.rows["documents"].append(document_row(doc, self.partition))
        self.rows["entities"] += entities
        self.rows["mentions"] += mentions
        self.rows["quotes"] += quote_rows(doc)
        self.rows["places"] += place_rows(doc)
        self.rows["dates"] += date_rows(doc)
        self.rows["events"] += event_rows(doc)
        self._waiting += 1
        if self._waiting >= FLUSH_DOCUMENTS:
            self._flush()

    def _flush(self) -> None:
        for name in TABLES:
            if self.rows[name]:
                self._batches[name].append(pa.RecordBatch.from_pylist(self.rows[name], schema=SCHEMAS[name]))
                self.rows[name] = []
        self._waiting = 0

    def tables(self) -> Iterable[tuple[str, pa.Table]]:
        """``(name, Arrow table)`` for every table, empty ones included (every partition has all of them)."""
        self._flush()
        for name in TABLES:  # one chunk, as if built at once: the Parquet bytes do not depend on the batches
            yield name, pa.Table.from_batches(self._batches[name], schema=SCHEMAS[name]).combine_chunks()
