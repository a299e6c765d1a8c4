"""Search the archive: ranked full-text search over the normalised text, with filters and snippets.

FTS5 finds and ranks (bm25; the title weighs more than the body) on the normalised view, so a query
typed without hamza or diacritics finds text written with them. Snippets are cut from the raw text.
Filters narrow by entity, speaker, place, outlet and publication date; an entity, speaker or place is
given by archive id ("17") or by name (matched on the normalised name, whole words: "لو دريان" finds
"جان إيف لو دريان").
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from khabar.store.keys import name_key
from khabar.store.query import ParsedQuery, parse_query
from khabar.store.snippets import Snippet, cut_snippet, find_matches
from khabar.store.sqlite import Store

MAX_LIMIT = 100
MAX_OFFSET = 10_000
MAX_NAME_MATCHES = 200
MAX_ENTITY_ID = 2**63 - 1  # SQLite's largest rowid
# Column weights for bm25(title, body, stems): a word in the title says more about the article.
RANK = "bm25(documents_fts, 4.0, 1.0, 1.0)"


@dataclass(frozen=True, slots=True)
class Filters:
    """What to narrow a search to. Entity, speaker and place: an archive id or a name."""

    entity: str | None = None
    speaker: str | None = None
    place: str | None = None
    outlet: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive


@dataclass(frozen=True, slots=True)
class DocumentHit:
    """One article found, with a snippet and where the query's terms are in its raw text."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float | None  # bm25: lower is better; None when no words were searched
    snippet: Snippet
    matches: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchPage:
    total: int
    hits: tuple[DocumentHit, ...]


def search_documents(
    store: Store, query: str | ParsedQuery, filters: Filters | None = None, *, limit: int = 20, offset: int = 0
) -> SearchPage:
    """The articles that match ``query`` and ``filters``, best first (newest first for an empty query).

    ``QueryError`` for a query that cannot be understood. An empty query lists the filtered articles.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    limit, offset = clamp_page(limit, offset)
    conn = store.connection
    if parsed.is_empty:
        rowid, source, score, order = "d.rowid", "documents d", "NULL", "d.published DESC, d.rowid DESC"
        where, params = filter_sql(conn, filters or Filters(), rowid)
    else:
        # FTS5 alone, every filter a rowid subquery: joining the documents table would cost a lookup per
        # matching row (count 0.3 ms instead of 10, ranking 7 ms instead of 19 for a word in 9,600 articles).
        rowid, source, score, order = "documents_fts.rowid", "documents_fts", RANK, "score"
        # The unary + keeps the filters from being handed to FTS5 as rowid constraints: MATCH must drive.
        where, params = filter_sql(conn, filters or Filters(), "+" + rowid)
        where, params = ["documents_fts MATCH ?", *where], [parsed.match(), *params]
    # Rank first on rowids alone, then read the texts of this page only: sorting texts would be slow.
    total, ranked = counted_page(conn, source, where, params, f"{rowid}, {score} AS score", order, limit, offset)
    return SearchPage(total, tuple(_hit(conn, rowid, score, parsed) for rowid, score in ranked))


def clamp_page(limit: int, offset: int) -> tuple[int, int]:
    """Keep a page request within bounds (1..MAX_LIMIT results, offset 0..MAX_OFFSET)."""
    return max(1, min(limit, MAX_LIMIT)), max(0, min(offset, MAX_OFFSET))


def counted_page(
    conn: sqlite3.Connection, source: str, where: list[str], params: list[Any], columns: str, order: str,
    limit: int, offset: int, *, joins: str = "",
) -> tuple[int, list[Any]]:
    """How many rows of ``source`` meet every condition of ``where``, and one page of their ``columns`` in
    ``order``. ``joins`` (LEFT JOINs that name things, never adding rows) are left out of the count."""
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM {source}{clause}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {columns} FROM {source}{joins}{clause} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset],
    ).fetchall()
    return total, rows


def _hit(conn: sqlite3.Connection, rowid: int, score: float | None, parsed: ParsedQuery) -> DocumentHit:
    doc_id, title, outlet, published, url, text = conn.execute(
        "SELECT id, title, outlet, published, url, text FROM documents WHERE rowid = ?", (rowid,)
    ).fetchone()
    matches = find_matches(text, parsed.terms)
    start_at = len(title) + 1 if title and text.startswith(title) and not matches else 0
    return DocumentHit(doc_id, title, outlet, published, url, score, cut_snippet(text, matches, start_at), tuple(matches))


def filter_sql(conn: sqlite3.Connection, filters: Filters, document: str) -> tuple[list[str], list[Any]]:
    """SQL conditions on the document rowid expression ``document``, and their parameters, for ``filters``.

    Every condition is ``document IN (subquery)`` on an indexed table, so callers need no join.
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.entity:
        ids = entity_ids(conn, filters.entity)
        where.append(f"{document} IN (SELECT document FROM mentions WHERE entity IN ({_marks(ids)}))")
        params += ids
    if filters.speaker:
        ids = entity_ids(conn, filters.speaker)
        where.append(f"{document} IN (SELECT document FROM quotes WHERE speaker IN ({_marks(ids)}) OR speaker_key = ?)")
        params += [*ids, name_key(filters.speaker)]
    if filters.place:
        ids = entity_ids(conn, filters.place, label="LOC")
        where.append(
            f"({document} IN (SELECT document FROM mentions WHERE entity IN ({_marks(ids)})) "
            f"OR {document} IN (SELECT document FROM places WHERE name = ? COLLATE NOCASE))"
        )
        params += [*ids, filters.place.strip()]
    if filters.outlet:
        where.append(f"{document} IN (SELECT rowid FROM documents WHERE outlet_key = ?)")
        params.append(name_key(filters.outlet))
    if filters.date_from or filters.date_to:
        # "2016-10-25T10:00" < "2016-10-26": the whole last day counts.
        low = filters.date_from.isoformat() if filters.date_from else ""
        high = (filters.date_to + timedelta(days=1)).isoformat() if filters.date_to else "~"
        where.append(f"{document} IN (SELECT rowid FROM documents WHERE published >= ? AND published < ?)")
        params += [low, high]
    return where, params


def entity_ids(conn: sqlite3.Connection, name_or_id: str, label: str | None = None) -> list[int]:
    """Archive entities named ``name_or_id``: its id if it is one (or the entity it was merged into), else
    the entity of exactly that name, else the one most articles call so, else whole-word name matches.

    "لو دريان" finds "جان إيف لو دريان" when no entity is called exactly that.
    """
    value = name_or_id.strip()
    if value.isdecimal():  # an id: a number SQLite cannot hold is no entity's (and would raise OverflowError)
        number = int(value) if len(value) <= len(str(MAX_ENTITY_ID)) else MAX_ENTITY_ID + 1
        return [followed(conn, number)] if number <= MAX_ENTITY_ID else []
    key = name_key(value)
    if not key:
        return []
    label_sql, label_params = (" AND label = ?", [label]) if label else ("", [])
    rows = conn.execute(f"SELECT rowid FROM entities WHERE key = ? AND documents > 0{label_sql}",
                        [key, *label_params]).fetchall()
    if not rows:  # the entity most articles mean by this name ("ترامب": دونالد ترامب)
        rows = conn.execute(
            f"SELECT a.entity FROM aliases a JOIN entities e ON e.rowid = a.entity WHERE a.key = ?{label_sql} "
            "ORDER BY a.documents DESC LIMIT 1", [key, *label_params],
        ).fetchall()
    if not rows:
        rows = conn.execute(
            f"SELECT rowid FROM entities WHERE instr(' ' || key || ' ', ?) > 0 AND documents > 0{label_sql} "
            "ORDER BY documents DESC LIMIT ?",
            [f" {key} ", *label_params, MAX_NAME_MATCHES],
        ).fetchall()
    return [row[0] for row in rows]


def followed(conn: sqlite3.Connection, entity_id: int) -> int:
    """The entity's id, or the id of the entity it was merged into (its articles are all there)."""
    seen = {entity_id}
    while (row := conn.execute("SELECT merged_into FROM entities WHERE rowid = ?", (entity_id,)).fetchone()) and row[0]:
        if row[0] in seen:
            break
        entity_id = int(row[0])
        seen.add(entity_id)
    return entity_id


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))
