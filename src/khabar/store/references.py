"""The archive's references to an article's entity from another item, and the one way they follow resolution.

A quote's speaker and an event's actor, target and place each point to an entity of their Document. The
archive keeps that entity's id (``local``: its Entity.id) beside the archive entity it stands for
(``column``), and the archive entity is always the one the article's entity is in (``doc_entities.entity``):
whatever moves an article's entity (a full resolution, the linking of a small ingest, a merge or a split)
moves every reference to it in the same way. A participant the article names by a phrase alone ("ترامب"
with no entity of its own; ``key``, its normalised form) is linked by the resolver to the person that name
stands for (``resolve.py``), and goes with that person through the corrections.

    follow_locals(conn)       # every reference points where its article's entity now is

The rows of an article's entity itself (its record, mentions and place) are keyed by its own Entity.id
(``local_id``) and move with it (``ENTITY_ROWS``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reference:
    """Columns of ``table`` that refer to an entity: the archive entity, the article's Entity.id, and the
    normalised phrase naming it, for items that keep one."""

    table: str
    column: str
    local: str
    key: str | None = None


#: Every reference to an entity in the archive (model/layers.py: the fields that ``refers_to="entities"``).
REFERENCES: tuple[Reference, ...] = (
    Reference("quotes", "speaker", "speaker_local", "speaker_key"),
    Reference("events", "actor", "actor_local", "actor_key"),
    Reference("events", "target", "target_local", "target_key"),
    Reference("events", "place", "place_local"),
)
#: The references that may name their participant by a phrase alone.
NAMED: tuple[Reference, ...] = tuple(ref for ref in REFERENCES if ref.key)
#: The rows of an article's entity itself, keyed by (document, local_id), moved with it.
ENTITY_ROWS: tuple[str, ...] = ("mentions", "places", "doc_entities")


def follow_locals(conn: sqlite3.Connection, first_document: int = 0) -> None:
    """Point every reference to an article's entity at the archive entity it is in (in the documents from
    rowid ``first_document`` on)."""
    for ref in REFERENCES:
        conn.execute(
            f"UPDATE {ref.table} SET {ref.column} = (SELECT entity FROM doc_entities d "
            f"WHERE d.document = {ref.table}.document AND d.local_id = {ref.table}.{ref.local}) "
            f"WHERE document >= ? AND {ref.local} IS NOT NULL",
            (first_document,),
        )


def named_only(conn: sqlite3.Connection, ref: Reference, first_document: int = 0) -> list[tuple[int, int, str]]:
    """(rowid, document, key) of each participant of ``ref`` named by a phrase and no entity of its article."""
    return conn.execute(
        f"SELECT rowid, document, {ref.key} FROM {ref.table} "
        f"WHERE document >= ? AND {ref.local} IS NULL AND {ref.key} IS NOT NULL",
        (first_document,),
    ).fetchall()


def link_named(conn: sqlite3.Connection, ref: Reference, links: Sequence[tuple[int | None, int]]) -> None:
    """Link participants named by a phrase alone: (archive entity or None, rowid) pairs."""
    conn.executemany(f"UPDATE {ref.table} SET {ref.column} = ? WHERE rowid = ?", links)


def move_references(conn: sqlite3.Connection, chosen: str, params: Sequence[object], target: int) -> None:
    """Point the references to the articles' entities ``chosen`` (a subquery of (document, local_id), with
    its ``params``) at ``target``."""
    for ref in REFERENCES:
        conn.execute(f"UPDATE {ref.table} SET {ref.column} = ? WHERE (document, {ref.local}) IN {chosen}",
                     [target, *params])


def merge_references(conn: sqlite3.Connection, others: Sequence[int], kept: int) -> None:
    """Everything that referred to one of ``others`` (its articles' entities and phrases) now refers to ``kept``."""
    marks = ", ".join("?" * len(others))
    for ref in REFERENCES:
        conn.execute(f"UPDATE {ref.table} SET {ref.column} = ? WHERE {ref.column} IN ({marks})", [kept, *others])


def split_named(conn: sqlite3.Connection, entity: int, key: str, target: int) -> None:
    """Phrases ``key`` linked to ``entity`` go with the name split off it, to ``target``."""
    for ref in NAMED:
        conn.execute(
            f"UPDATE {ref.table} SET {ref.column} = ? WHERE {ref.column} = ? AND {ref.local} IS NULL AND {ref.key} = ?",
            (target, entity, key),
        )


def forget_references(conn: sqlite3.Connection) -> None:
    """Unlink every reference (before the links are rebuilt from the stored Documents: ``relink.py``)."""
    for ref in REFERENCES:
        conn.execute(f"UPDATE {ref.table} SET {ref.column} = NULL, {ref.local} = NULL")
