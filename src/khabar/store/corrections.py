"""People's corrections to the resolver: merge entities, split a name off one; kept across ingests.

A correction names identities ("name:دونالدترامب", "place:geo:6252001") and name keys, never row ids, so
it means the same after any ingest or rebuild; ``resolve`` applies every correction each time it runs. A
new correction is applied at once to the entities it names (no resolution of the whole archive); undoing
one resolves the archive again.

    merge_entities(store, [17, 42])     # 42's articles are 17's from now on
    split_name(store, 17, "ترامب")      # the articles calling it "ترامب" alone are not 17's any more
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from khabar.errors import KhabarError
from khabar.store.ingest import entity_row
from khabar.store.keys import name_key
from khabar.store.names import name_identity
from khabar.store.references import ENTITY_ROWS, merge_references, move_references, split_named
from khabar.store.resolve import recount, resolve
from khabar.store.search import followed
from khabar.store.sqlite import Store


class CorrectionError(KhabarError, ValueError):
    """A merge or split that cannot be made (an unknown entity, a name the entity does not go by)."""


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    kind: str  # merge | split
    identity: str  # merge: the entity kept; split: the entity a name was taken from
    other: str  # merge: the identity merged into it; split: the name's key
    made_at: str


def list_corrections(store: Store) -> tuple[Correction, ...]:
    rows = store.connection.execute("SELECT rowid, kind, identity, other, made_at FROM corrections ORDER BY rowid")
    return tuple(Correction(*row) for row in rows)


def merge_entities(store: Store, entity_ids: Sequence[int]) -> int:
    """Make the entities one (the first kept); return its id. ``CorrectionError`` for an unknown id."""
    conn = store.connection
    if len(set(entity_ids)) < 2:
        raise CorrectionError("a merge needs at least two different entities")
    identities = [_identity(conn, entity_id) for entity_id in entity_ids]
    kept = followed(conn, entity_ids[0])
    others = sorted({followed(conn, entity_id) for entity_id in entity_ids[1:]} - {kept})
    with store.transaction() as conn:
        for other in identities[1:]:
            _record(conn, "merge", identities[0], other)
            conn.execute("DELETE FROM corrections WHERE kind = 'merge' AND identity = ? AND other = ?",
                         (other, identities[0]))  # an earlier merge the other way round
        if others:
            marks = ", ".join("?" * len(others))
            _move(conn, f"entity IN ({marks})", others, kept)
            merge_references(conn, others, kept)
            conn.execute(f"UPDATE entities SET merged_into = ? WHERE rowid IN ({marks})", [kept, *others])
            recount(conn, [kept, *others])
    return kept


def split_name(store: Store, entity_id: int, name: str) -> int:
    """Take the articles that call entity ``entity_id`` by ``name`` off it; return the entity they now form."""
    conn = store.connection
    identity = _identity(conn, entity_id)
    entity_id = followed(conn, entity_id)
    key = name_key(name)
    if not key or name_identity(key) == identity:
        raise CorrectionError(f"{name!r} is the name of entity {entity_id} itself; split off another of its names")
    found = conn.execute("SELECT label, name FROM doc_entities WHERE entity = ? AND key = ? LIMIT 1", (entity_id, key)).fetchone()
    if found is None:
        raise CorrectionError(f"no article calls entity {entity_id} {name!r} alone (see its names: khabar entities --name)")
    with store.transaction() as conn:
        conn.execute("DELETE FROM corrections WHERE kind = 'merge' AND other = ?", (name_identity(key),))
        _record(conn, "split", identity, key)
        target = entity_row(conn, name_identity(key), found[0], key, found[1])
        _move(conn, "entity = ? AND key = ?", [entity_id, key], target)
        split_named(conn, entity_id, key, target)
        conn.execute("UPDATE entities SET merged_into = NULL WHERE rowid = ?", (target,))
        recount(conn, [entity_id, target])
    return target


def _move(conn: sqlite3.Connection, where: str, params: Sequence[object], target: int) -> None:
    """Move the articles' entities chosen by ``where`` (on doc_entities), with their mentions and places, the
    quotes they said and the events they took part in, to the archive entity ``target``."""
    chosen = f"(SELECT document, local_id FROM doc_entities WHERE {where})"
    move_references(conn, chosen, params, target)
    for table in ENTITY_ROWS:  # doc_entities last: ``chosen`` reads it
        conn.execute(f"UPDATE {table} SET entity = ? WHERE (document, local_id) IN {chosen}", [target, *params])


def undo_correction(store: Store, correction_id: int) -> None:
    """Forget a correction; the resolver decides again as if it was never made."""
    with store.transaction() as conn:
        if conn.execute("DELETE FROM corrections WHERE rowid = ?", (correction_id,)).rowcount == 0:
            raise CorrectionError(f"no correction has the id {correction_id}")
    _resolve(store)


def _record(conn: sqlite3.Connection, kind: str, identity: str, other: str) -> None:
    conn.execute("INSERT INTO corrections (kind, identity, other, made_at) VALUES (?, ?, ?, ?)",
                 (kind, identity, other, datetime.now(UTC).isoformat(timespec="seconds")))


def _identity(conn: sqlite3.Connection, entity_id: int) -> str:
    row = conn.execute("SELECT identity FROM entities WHERE rowid = ?", (followed(conn, entity_id),)).fetchone()
    if row is None:
        raise CorrectionError(f"no entity has the id {entity_id}")
    return str(row[0])


def _resolve(store: Store) -> None:
    resolve(store)
