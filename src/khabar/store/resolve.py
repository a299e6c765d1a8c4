"""Link every article's entities across the archive (``linking.py`` decides; this reads and writes).

``resolve(store)`` runs after an ingest that grew the archive by 5% or more, after a correction is undone,
and when an archive is rebuilt; a smaller ingest links its new articles as the archive linked the same
names before (``link_new``), and the next full resolution revisits them. It reads the articles' entities
(``doc_entities``), decides the archive entity of each, and brings the tables that follow from it up to
date: mentions, places, quote speakers and event participants (``references.py``), each entity's label,
name, counts and aliases. Entity ids stay stable: an entity is found by its identity, and an entity whose
articles all went to another keeps its id with ``merged_into`` pointing there.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from khabar.store.keys import name_key
from khabar.store.linking import Corrections, Record, compact, link
from khabar.store.names import name_identity, split_joined, without_lam_lam
from khabar.store.references import ENTITY_ROWS, NAMED, follow_locals, link_named, named_only
from khabar.store.sqlite import Store

FULL_SHARE = 0.05  # an ingest adding this share of the archive's articles resolves it all again
SMALL_ARCHIVE = 2_000  # an archive this small is resolved whole after every ingest (it takes little time)
SETTLED_SHARE = 0.9  # a name's earlier articles nearly all in one entity: its new ones go there too


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
        for table in ENTITY_ROWS:
            conn.executemany(f"UPDATE {table} SET entity = ? WHERE document = ? AND local_id = ?", moved)
        _link_references(conn, records, identities, entity_ids)
        _update_entities(conn, rows, identities, entity_ids)
        _update_aliases(conn, rows, identities, entity_ids)
        conn.execute("INSERT OR REPLACE INTO state (name, value) VALUES ('resolved_documents', "
                     "(SELECT count(*) FROM documents))")
    return ResolveSummary(len(rows), len(moved), len(set(identities)))


def needs_full_resolution(conn: sqlite3.Connection) -> bool:
    """Whether the archive grew enough since its last full resolution (``FULL_SHARE``, over however many
    ingests) to resolve it all again; else new articles' entities follow the decisions made before."""
    row = conn.execute("SELECT value FROM state WHERE name = 'resolved_documents'").fetchone()
    resolved = int(row[0]) if row else 0
    documents = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    return resolved < SMALL_ARCHIVE or documents - resolved >= FULL_SHARE * resolved


def link_new(store: Store, first_document: int) -> ResolveSummary:
    """Link the entities of the documents from rowid ``first_document`` on as the archive linked the same
    name (and place) before, when it linked nearly all of its articles' one way; recount what moved."""
    conn = store.connection
    rows = conn.execute("SELECT document, local_id, key, place, entity FROM doc_entities WHERE document >= ?",
                        (first_document,)).fetchall()
    decided: dict[tuple[str, str | None], int | None] = {}
    moved: list[tuple[int, int, str]] = []
    for document, local_id, key, place, entity in rows:
        if (key, place) not in decided:
            decided[(key, place)] = _earlier_decision(conn, key, place, first_document)
        target = decided[(key, place)]
        if target is not None and target != entity:
            moved.append((target, document, local_id))
    with store.transaction():
        for table in ENTITY_ROWS:
            conn.executemany(f"UPDATE {table} SET entity = ? WHERE document = ? AND local_id = ?", moved)
        follow_locals(conn, first_document)
        linked: set[int] = set()
        for ref in NAMED:  # a participant named by a phrase alone: as the archive linked that name before
            links = [(_earlier_decision(conn, key, None, first_document), rowid)
                     for rowid, _, key in named_only(conn, ref, first_document)]
            link_named(conn, ref, links)
            linked |= {entity for entity, _ in links if entity is not None}
        touched = {entity for *_, entity in rows} | {target for target, *_ in moved}
        recount(conn, touched | linked)
    return ResolveSummary(len(rows), len(moved), len(touched))


def _earlier_decision(conn: sqlite3.Connection, key: str, place: str | None, before: int) -> int | None:
    """The entity that nearly all earlier articles' entities of this name (and place) are in, if one is."""
    counts = conn.execute(
        "SELECT entity, count(*) FROM doc_entities WHERE key = ? AND place IS ? AND document < ? GROUP BY entity",
        (key, place, before),
    ).fetchall()
    total = sum(count for _, count in counts)
    if not total:
        return None
    entity, count = max(counts, key=lambda pair: pair[1])
    return int(entity) if count >= SETTLED_SHARE * total else None


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


def recount(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Bring these entities' label, name, counts and aliases up to date from their articles' entities
    (after a correction or an incremental ingest moved some); the others are left as they are."""
    only = sorted(set(entity_ids))
    marks = ", ".join("?" * len(only))
    identities = dict(conn.execute(f"SELECT rowid, identity FROM entities WHERE rowid IN ({marks})", only))
    rows = [_Row(*row) for row in conn.execute(
        "SELECT document, local_id, label, name, key, forms, mentions, entity FROM doc_entities "
        f"WHERE entity IN ({marks}) ORDER BY document, local_id", only)]
    for row in rows:
        row.forms = split_joined(cast(str, row.forms))
    assigned = [identities[row.entity] for row in rows]
    ids = {identity: rowid for rowid, identity in identities.items()}
    _update_entities(conn, rows, assigned, ids, only)
    _update_aliases(conn, rows, assigned, ids, only)


def _update_entities(
    conn: sqlite3.Connection, rows: list[_Row], identities: list[str], ids: dict[str, int], only: list[int] | None = None
) -> None:
    """Each entity's label (the majority's), name (its full name as most articles write it) and counts
    (of every entity, or of those ``only``)."""
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
    if only is None:
        conn.execute("UPDATE entities SET documents = 0, mentions = 0, quotes = 0, merged_into = NULL")
    else:
        conn.execute(f"UPDATE entities SET documents = 0, mentions = 0, quotes = 0 WHERE rowid IN ({_marks(only)})", only)
    updates = []
    for identity, votes in labels.items():
        label = "LOC" if identity.startswith("place:") else votes.most_common(1)[0][0]
        chosen = head_names[identity] if label == "PER" and head_names[identity] else names[identity]
        name = without_lam_lam(chosen.most_common(1)[0][0])
        updates.append((label, name_key(name), name, len(documents[identity]), mentions[identity], ids[identity]))
    conn.executemany("UPDATE entities SET label = ?, key = ?, name = ?, documents = ?, mentions = ? WHERE rowid = ?", updates)
    conn.executemany(
        "UPDATE entities SET merged_into = ? WHERE identity = ? AND documents = 0",
        [(ids[targets.most_common(1)[0][0]], identity) for identity, targets in moved_to.items()],
    )
    within, params = ("", []) if only is None else (f" AND speaker IN ({_marks(only)})", only)
    conn.execute("UPDATE entities SET quotes = (SELECT count(*) FROM quotes WHERE speaker = entities.rowid) "
                 f"WHERE rowid IN (SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL{within})", params)
    if only is not None:
        conn.execute(f"UPDATE entities SET merged_into = NULL WHERE documents > 0 AND rowid IN ({_marks(only)})", only)


def _marks(values: list[int]) -> str:
    return ", ".join("?" * len(values))


def _update_aliases(
    conn: sqlite3.Connection, rows: list[_Row], identities: list[str], ids: dict[str, int], only: list[int] | None = None
) -> None:
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
    if only is None:
        conn.execute("DELETE FROM aliases")
    else:
        conn.execute(f"DELETE FROM aliases WHERE entity IN ({_marks(only)})", only)
    conn.executemany(
        "INSERT INTO aliases (entity, key, name, documents) VALUES (?, ?, ?, ?)",
        [(entity, key, without_lam_lam(written[key].most_common(1)[0][0]) if key in written else key, len(docs))
         for (key, entity), docs in documents.items()
         if key not in owners or owners[key].most_common(1)[0][0] == entity or owners[key][entity]],
    )


def _link_references(
    conn: sqlite3.Connection, records: list[Record], identities: list[str], ids: dict[str, int]
) -> None:
    """Every quote's speaker and event's participant is its article entity's archive entity (``references.py``);
    one named by a short name only ("ترامب" with no entity in the article) is linked to the person that name
    stands for, when one does."""
    follow_locals(conn)
    by_form: dict[tuple[int, str], set[str]] = defaultdict(set)
    for record, identity in zip(records, identities, strict=True):
        if record.label == "PER":
            for form in record.forms or (record.key,):
                by_form[(record.document, compact(form))].add(identity)
    people = _people_by_name(records, identities)
    for ref in NAMED:
        links: list[tuple[int | None, int]] = []
        for rowid, document, key in named_only(conn, ref):
            in_article = by_form.get((document, compact(key)), set())
            found = next(iter(in_article)) if len(in_article) == 1 else people.get(compact(key))
            links.append((ids.get(found) if found else None, rowid))
        link_named(conn, ref, links)


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
