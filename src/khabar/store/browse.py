"""Browse the archive: entities (one per person, organisation or place), their quotes over time, places.

"Who said what about X" is ``find_quotes(store, "X")``: the quotes whose content mentions X, matched
on the normalised text like every search.
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass, replace
from typing import Any

from khabar.model import Document, from_json
from khabar.store.keys import name_key
from khabar.store.query import ParsedQuery, parse_query
from khabar.store.search import Filters, clamp_page, counted_page, entity_ids, filter_sql, followed
from khabar.store.snippets import Snippet, cut_snippet, find_matches
from khabar.store.sqlite import Store

DETAIL_DOCUMENTS = 50
DETAIL_QUOTES = 200
ALIASES = 10
ALIAS_FLOOR_FROM = 20  # an entity named in this many articles shows only names used in 1% of them (2 at least)
MAP_PLACES = 1000


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: int
    label: str
    name: str
    documents: int
    mentions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A stored quote with its article, its speaker and its content (terms searched for marked)."""

    id: int
    document: DocumentSummary
    kind: str
    start: int
    end: int
    content: Snippet
    cue: str | None
    speaker_id: int | None
    speaker: str | None


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    entity_id: int
    name: str  # as the articles write it
    gazetteer_name: str
    latitude: float
    longitude: float
    country: str | None
    feature: str
    documents: int


@dataclass(frozen=True, slots=True)
class EntityDetail:
    entity: EntitySummary
    aliases: tuple[str, ...]
    place: PlaceSummary | None
    documents: tuple[DocumentSummary, ...]
    quotes: tuple[QuoteHit, ...]
    timeline: tuple[tuple[str, int, int], ...]  # (YYYY-MM, articles naming it, its quotes)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    document: Document
    title: str | None
    entity_links: dict[str, int]  # Entity.id in the document -> archive entity id


_ENTITY_COLUMNS = "rowid, label, name, documents, mentions, quotes"
_PLACE_COLUMNS = (
    "p.entity, e.name, p.name, p.latitude, p.longitude, p.country, p.feature, max(p.confidence), "
    "count(DISTINCT p.document)"
)


def list_entities(
    store: Store, label: str | None = None, name: str | None = None, *, limit: int = 20, offset: int = 0
) -> tuple[int, tuple[EntitySummary, ...]]:
    """The entities named in the most articles (of one label, whose name contains ``name`` or that an
    article calls ``name``)."""
    limit, offset = clamp_page(limit, offset)
    where, params = ["documents > 0"], []
    if label:
        where.append("label = ?")
        params.append(label.upper())
    if name and name_key(name):
        # its own name, or any name its articles use for it ("ترامب" finds "دونالد ترامب")
        where.append("(instr(key, ?) > 0 OR rowid IN (SELECT entity FROM aliases WHERE key = ?))")
        params += [name_key(name)] * 2
    order = "documents DESC, mentions DESC, rowid"
    total, rows = counted_page(store.connection, "entities", where, params, _ENTITY_COLUMNS, order, limit, offset)
    return total, tuple(EntitySummary(*row) for row in rows)


def entity_detail(store: Store, entity_id: int) -> EntityDetail:
    """An entity's page: its names, its place on the map, its articles and its quotes in time order.

    The id of an entity merged into another gives the other's page. ``KeyError`` for an unknown id.
    """
    conn = store.connection
    entity_id = followed(conn, entity_id)
    row = conn.execute(f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE rowid = ?", (entity_id,)).fetchone()
    if row is None:
        raise KeyError(entity_id)
    # A name one article in a hundred uses is more likely a tagging slip ("ترامب بوتين") than a name.
    least = 1 if row[3] < ALIAS_FLOOR_FROM else max(2, row[3] // 100)
    aliases = conn.execute(
        "SELECT name FROM aliases WHERE entity = ? AND (documents >= ? OR key = ?) "
        "ORDER BY documents DESC, length(key) DESC, key LIMIT ?", (entity_id, least, row_key(conn, entity_id), ALIASES),
    ).fetchall()
    place = conn.execute(
        f"SELECT {_PLACE_COLUMNS} FROM places p JOIN entities e ON e.rowid = p.entity WHERE p.entity = ? GROUP BY p.entity",
        (entity_id,),
    ).fetchone()
    documents = conn.execute(
        "SELECT d.id, d.title, d.outlet, d.published FROM documents d WHERE d.rowid IN "
        "(SELECT document FROM mentions WHERE entity = ?) ORDER BY d.published DESC, d.rowid DESC LIMIT ?",
        (entity_id, DETAIL_DOCUMENTS),
    ).fetchall()
    _, quotes = find_quotes(store, "", Filters(speaker=str(entity_id)), oldest_first=True, limit=DETAIL_QUOTES)
    return EntityDetail(
        EntitySummary(*row),
        tuple(alias for (alias,) in aliases),
        _place(place) if place else None,
        tuple(DocumentSummary(*d) for d in documents),
        quotes,
        _timeline(conn, entity_id),
    )


def row_key(conn: sqlite3.Connection, entity_id: int) -> str:
    return str(conn.execute("SELECT key FROM entities WHERE rowid = ?", (entity_id,)).fetchone()[0])


def _timeline(conn: sqlite3.Connection, entity_id: int) -> tuple[tuple[str, int, int], ...]:
    named = conn.execute(
        "SELECT substr(d.published, 1, 7) AS month, count(DISTINCT d.rowid) FROM mentions m "
        "JOIN documents d ON d.rowid = m.document WHERE m.entity = ? AND d.published IS NOT NULL GROUP BY month",
        (entity_id,),
    ).fetchall()
    quoted = dict(
        conn.execute(
            "SELECT substr(d.published, 1, 7) AS month, count(*) FROM quotes q JOIN documents d ON d.rowid = q.document "
            "WHERE q.speaker = ? AND d.published IS NOT NULL GROUP BY month",
            (entity_id,),
        ).fetchall()
    )
    months = dict(named)
    return tuple((month, months.get(month, 0), quoted.get(month, 0)) for month in sorted(months.keys() | quoted.keys()))


def find_quotes(
    store: Store,
    about: str | ParsedQuery = "",
    filters: Filters | None = None,
    *,
    oldest_first: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, tuple[QuoteHit, ...]]:
    """Quotes whose content mentions ``about`` (all quotes when empty), said by ``filters.speaker``.

    The other filters (entity, place, outlet, dates) narrow the articles the quotes come from.
    """
    parsed = parse_query(about) if isinstance(about, str) else about
    filters = filters or Filters()
    limit, offset = clamp_page(limit, offset)
    conn = store.connection
    where, params = filter_sql(conn, replace(filters, speaker=None), "q.document")
    if filters.speaker:
        ids = entity_ids(conn, filters.speaker)
        where.append(f"(q.speaker IN ({', '.join('?' * len(ids))}) OR q.speaker_key = ?)")
        params += [*ids, name_key(filters.speaker)]
    if not parsed.is_empty:
        where.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(parsed.match())
    direction = "ASC" if oldest_first else "DESC"
    total, rows = counted_page(
        conn, "quotes q JOIN documents d ON d.rowid = q.document", where, params,
        "q.rowid, d.id, d.title, d.outlet, d.published, q.kind, q.char_start, q.char_end, "
        "substr(d.text, q.char_start + 1, q.char_end - q.char_start), "
        "substr(d.text, q.cue_start + 1, q.cue_end - q.cue_start), q.speaker, coalesce(e.name, q.speaker_text)",
        f"d.published IS NULL, d.published {direction}, d.rowid {direction}, q.char_start", limit, offset,
        joins=" LEFT JOIN entities e ON e.rowid = q.speaker",
    )
    return total, tuple(_quote_hit(row, parsed) for row in rows)


def _quote_hit(row: tuple[Any, ...], parsed: ParsedQuery) -> QuoteHit:
    rowid, doc_id, title, outlet, published, kind, start, end, content, cue, speaker_id, speaker = row
    snippet = cut_snippet(content, find_matches(content, parsed.terms), size=len(content))
    return QuoteHit(rowid, DocumentSummary(doc_id, title, outlet, published), kind, start, end, snippet,
                    cue, speaker_id, speaker)


def list_places(store: Store, *, limit: int = MAP_PLACES) -> tuple[PlaceSummary, ...]:
    """Every geocoded place with the number of articles about it, most covered first (for the map)."""
    rows = store.connection.execute(
        f"SELECT {_PLACE_COLUMNS} FROM places p JOIN entities e ON e.rowid = p.entity WHERE e.label = 'LOC' "
        "GROUP BY p.entity ORDER BY 9 DESC, p.entity LIMIT ?",
        (max(1, min(limit, MAP_PLACES)),),
    ).fetchall()
    return tuple(_place(row) for row in rows)


def _place(row: tuple[Any, ...]) -> PlaceSummary:
    # The best confidence only picks, among a place's rows, the one whose coordinates are shown.
    entity_id, name, gazetteer_name, latitude, longitude, country, feature, _best, documents = row
    return PlaceSummary(entity_id, name, gazetteer_name, latitude, longitude, country, feature, documents)


def load_document(store: Store, doc_id: str) -> StoredDocument:
    """The stored Document, with its display title and the archive entity each of its entities links to.

    ``KeyError`` if no document has this id.
    """
    conn = store.connection
    row = conn.execute("SELECT rowid, title, document FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise KeyError(doc_id)
    links = conn.execute("SELECT DISTINCT local_id, entity FROM mentions WHERE document = ?", (row[0],)).fetchall()
    return StoredDocument(from_json(zlib.decompress(row[2])), row[1], dict(links))
