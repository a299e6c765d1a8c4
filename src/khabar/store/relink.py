"""Rebuild the entity links of an archive from its stored Documents (after a migration that needs it).

Every Document is stored whole (``documents.document``), so what the archive derives from it can be
derived again: its entities' records, mentions, places, quote speakers and events, then the links across
articles. One transaction: an interrupted rebuild leaves the ``pending`` task, and the next open redoes it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import zlib
from typing import Any

from khabar.model import Document, Token, TokenKind, from_dict
from khabar.store.ingest import add_entity_layers
from khabar.store.references import ENTITY_ROWS, forget_references
from khabar.store.resolve import resolve
from khabar.store.sqlite import Store

log = logging.getLogger(__name__)


def relink_documents(store: Store) -> int:
    """Rebuild the links of every stored Document; return how many Documents were read."""
    count = 0
    with store.transaction() as conn:
        for table in (*ENTITY_ROWS, "events"):
            conn.execute(f"DELETE FROM {table}")
        forget_references(conn)
        known: dict[str, int] = {}
        for rowid, blob in conn.execute("SELECT rowid, document FROM documents ORDER BY rowid"):
            add_entity_layers(conn, rowid, stored_document(blob), known)
            count += 1
        conn.execute("DELETE FROM pending WHERE task = 'relink'")
    log.info("relinked the entities of %d documents", count)
    resolve(store)
    return count


def stored_document(blob: bytes) -> Document:
    """A Document as the archive stored it. Its tokens are taken as written (the archive wrote them from a
    checked Document): checking each of them again would take most of a rebuild's time."""
    data: dict[str, Any] = json.loads(zlib.decompress(blob))
    rows = data.pop("tokens", [])
    tokens = tuple(Token(row[0], row[1], TokenKind(row[2]), *(row[3:5] if len(row) == 5 else row[:2])) for row in rows)
    return dataclasses.replace(from_dict(data), tokens=tokens)
