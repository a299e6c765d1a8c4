"""Link every article's entities across the archive (``linking.py`` decides; this reads and writes).

``resolve(store)`` runs after each ingest, after a correction, and when an archive is rebuilt. It reads
the articles' entities (``doc_entities``), decides the archive entity of each, and brings the tables that
follow from it up to date: mentions, places and quote speakers, each entity's label, name, counts and
aliases. Entity ids stay stable: an entity is found by its identity, and an entity whose articles all
went to another keeps its id with ``merged_into`` pointing there.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass

from khabar.store.keys import name_key
from khabar.store.linking import Corrections, Record, compact, link
from khabar.store.names import name_identity, split_joined
from khabar.store.sqlite import Store


@dataclass(frozen=True, slots=True)
class ResolveSummary:
    """What one resolution did: articles' entities seen and moved, entities with articles."""

    records: int
    moved: int
    entities: int


@dataclass(slots=True)
class _Row:
    document: int
    local_id: str
    label: str
    name: str
    key: str
    forms: tuple[str, ...]
    mentions: int
    entity: int


def resolve(store: Store) -> ResolveSummary:
    """Link every article's entities to one archive entity each, in one write transaction."""
    conn = store.connection
    rows, records = _load(conn)
    identities = link(records, load_corrections(conn))
    with store.transaction():
        entity_ids = _entities(conn, rows, identities)
        moved = [(entity_ids[i], row.document, row.local_id) for row, i in zip(rows, identities, strict=True)
                 if entity_ids[i] != row.entity]
        for table in ("doc_entities", "mentions", "places"):
            conn.executemany(f"UPDATE {table} SET entity = ? WHERE document = ? AND local_id = ?", moved)
        _link_speakers(conn, records, identities, entity_ids)
        _update_entities(conn, rows, identities, entity_ids)
        _update_aliases(conn, rows, identities, entity_ids)
    return ResolveSummary(len(rows), len(moved), len(set(identities)))


def load_corrections(conn: sqlite3.Connection) -> Corrections:
    """Every correction, as the resolver applies them (later ones win)."""
    rows = conn.execute("SELECT kind, identity, other FROM corrections ORDER BY rowid").fetchall()
    return Corrections(
        merges=tuple((other, identity) for kind, identity, other in rows if kind == "merge"),
        splits=frozenset((other, identity) for kind, identity, other in rows if kind == "split"),
    )


def _load(conn: sqlite3.Connection) -> tuple[list[_Row], list[Record]]:
    rows, records = [], []
    query = ("SELECT document, local_id, label, name, key, place, forms, roles, mentions, entity FROM doc_entities "
             "ORDER BY document, local_id")
    for document, local_id, label, name, key, place, forms, roles, mentions, entity in conn.execute(query):
        forms_t = split_joined(forms)
        rows.append(_Row(document, local_id, label, name, key, forms_t, mentions, entity))
        records.append(Record(document, label, key, place, forms_t, split_joined(roles)))
    return rows, records


def _entities(conn: sqlite3.Connection, rows: list[_Row], identities: list[str]) -> dict[str, int]:
    """The archive id of every identity, making the entities that are new."""
    known = dict(conn.execute("SELECT identity, rowid FROM entities"))
    for row, identity in zip(rows, identities, strict=True):
        if identity not in known:
            known[identity] = conn.execute(
                "INSERT INTO entities (identity, label, key, name) VALUES (?, ?, ?, ?) RETURNING rowid",
                (identity, row.label, row.key, row.name),
            ).fetchone()[0]
    return known


def _update_entities(conn: sqlite3.Connection, rows: list[_Row], identities: list[str], ids: dict[str, int]) -> None:
    """Each entity's label (the majority's), name (its full name as most articles write it) and counts."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    head_names: dict[str, Counter[str]] = defaultdict(Counter)
    documents: dict[str, set[int]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    moved_to: dict[str, Counter[str]] = defaultdict(Counter)
    for row, identity in zip(rows, identities, strict=True):
        labels[identity][row.label] += 1
        names[identity][row.name] += 1
        if name_identity(row.key) == identity:
            head_names[identity][row.name] += 1
        else:
            moved_to[name_identity(row.key)][identity] += 1
        documents[identity].add(row.document)
        mentions[identity] += row.mentions
    conn.execute("UPDATE entities SET documents = 0, mentions = 0, quotes = 0, merged_into = NULL")
    updates = []
    for identity, votes in labels.items():
        label = "LOC" if identity.startswith("place:") else votes.most_common(1)[0][0]
        chosen = head_names[identity] if label == "PER" and head_names[identity] else names[identity]
        name = chosen.most_common(1)[0][0]
        updates.append((label, name_key(name), name, len(documents[identity]), mentions[identity], ids[identity]))
    conn.executemany("UPDATE entities SET label = ?, key = ?, name = ?, documents = ?, mentions = ? WHERE rowid = ?", updates)
    conn.executemany(
        "UPDATE entities SET merged_into = ? WHERE identity = ? AND documents = 0",
        [(ids[targets.most_common(1)[0][0]], identity) for identity, targets in moved_to.items()],
    )
    conn.execute("UPDATE entities SET quotes = (SELECT count(*) FROM quotes WHERE speaker = entities.rowid) "
                 "WHERE rowid IN (SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL)")


def _update_aliases(conn: sqlite3.Connection, rows: list[_Row], identities: list[str], ids: dict[str, int]) -> None:
    """Every name an entity goes by: its articles' canonical names and their mentions' names, except a
    name that, as an article's entity, is mostly another entity's (a mention an article linked wrongly)."""
    documents: dict[tuple[str, int], set[int]] = defaultdict(set)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    owners: dict[str, Counter[int]] = defaultdict(Counter)
    for row, identity in zip(rows, identities, strict=True):
        written[row.key][row.name] += 1
        owners[row.key][ids[identity]] += 1
        for form in row.forms or (row.key,):
            documents[(form, ids[identity])].add(row.document)
    conn.execute("DELETE FROM aliases")
    conn.executemany(
        "INSERT INTO aliases (entity, key, name, documents) VALUES (?, ?, ?, ?)",
        [(entity, key, written[key].most_common(1)[0][0] if key in written else key, len(docs))
         for (key, entity), docs in documents.items()
         if key not in owners or owners[key].most_common(1)[0][0] == entity or owners[key][entity]],
    )


def _link_speakers(
    conn: sqlite3.Connection, records: list[Record], identities: list[str], ids: dict[str, int]
) -> None:
    """A quote's speaker is its speaker entity's archive entity; a speaker named by a short name only
    ("ترامب" with no entity in the article) is linked to the entity that name stands for, when one does."""
    conn.execute(
        "UPDATE quotes SET speaker = (SELECT entity FROM doc_entities d WHERE d.document = quotes.document "
        "AND d.local_id = quotes.speaker_local) WHERE speaker_local IS NOT NULL"
    )
    by_form: dict[tuple[int, str], set[str]] = defaultdict(set)
    for record, identity in zip(records, identities, strict=True):
        if record.label == "PER":
            for form in record.forms or (record.key,):
                by_form[(record.document, compact(form))].add(identity)
    named = conn.execute("SELECT rowid, document, speaker_key FROM quotes WHERE speaker_local IS NULL "
                         "AND speaker_key IS NOT NULL").fetchall()
    people = _people_by_name(records, identities)
    links: list[tuple[int | None, int]] = []
    for rowid, document, key in named:
        in_article = by_form.get((document, compact(key)), set())
        found = next(iter(in_article)) if len(in_article) == 1 else people.get(compact(key))
        links.append((ids.get(found) if found else None, rowid))
    conn.executemany("UPDATE quotes SET speaker = ? WHERE rowid = ?", links)


def _people_by_name(records: list[Record], identities: list[str]) -> dict[str, str]:
    """Name (compact key) -> the person it names across the archive: the one most of its articles link it to."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for record, identity in zip(records, identities, strict=True):
        if record.label == "PER":
            votes[compact(record.key)][identity] += 1
    found = {}
    for key, counted in votes.items():
        identity, count = counted.most_common(1)[0]
        if count >= 0.85 * sum(counted.values()):
            found[key] = identity
    return found
