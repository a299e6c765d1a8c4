"""Who did what to whom, across the archive: events by actor, target, type, place and date.

    find_events(store, EventFilters(actor="فرنسا"))                          what France did
    find_events(store, EventFilters(type="ASSAULT", place="الموصل", date="2016"))   assaults in Mosul in 2016

An actor or target is an archive entity (its id or a name, as the search filters take them) or, for a
participant that is no entity ("مسلحون"), the phrase itself (matched on its normalised form). An event's
date is its own (a date in its sentence), else its article's publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from khabar.model import EVENT_TYPES
from khabar.store.browse import DocumentSummary
from khabar.store.keys import name_key
from khabar.store.query import QueryError
from khabar.store.search import clamp_page, counted_page, entity_ids
from khabar.store.sqlite import Store

CONTEXT_CHARS = 120  # characters either side of a trigger shown with it, cut at sentence ends
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What to narrow events to. ``party``: the actor or the target. ``date``: a year, month or day prefix."""

    actor: str | None = None
    target: str | None = None
    party: str | None = None
    type: str | None = None
    place: str | None = None
    date: str | None = None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class EventHit:
    """A stored event with its article, participants (archive entity id and name, or the phrase) and
    the sentence around its trigger."""

    id: int
    document: DocumentSummary
    type: str
    mode: str
    trigger: str
    start: int
    end: int
    actor_id: int | None
    actor: str | None
    target_id: int | None
    target: str | None
    place_id: int | None
    place: str | None
    date: str | None
    context: str


def _participant(conn: Any, column: str, value: str) -> tuple[str, list[Any]]:
    ids = entity_ids(conn, value)
    key = name_key(value)
    marks = ", ".join("?" * len(ids)) or "NULL"
    return f"(v.{column} IN ({marks}) OR v.{column}_key = ?)", [*ids, key]


def _where(conn: Any, filters: EventFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("actor", filters.actor), ("target", filters.target)):
        if value:
            sql, values = _participant(conn, column, value)
            where.append(sql)
            params += values
    if filters.party:
        actor_sql, actor_values = _participant(conn, "actor", filters.party)
        target_sql, target_values = _participant(conn, "target", filters.party)
        where.append(f"({actor_sql} OR {target_sql})")
        params += actor_values + target_values
    if filters.type:
        kind = filters.type.strip().upper()
        if kind not in EVENT_TYPES:
            raise QueryError(f"unknown event type {filters.type!r}: one of {', '.join(EVENT_TYPES)}")
        where.append("v.type = ?")
        params.append(kind)
    if filters.place:
        ids = entity_ids(conn, filters.place) or [-1]
        where.append(f"v.place IN ({', '.join('?' * len(ids))})")
        params += ids
    if filters.date:
        if not _DATE.fullmatch(filters.date.strip()):
            raise QueryError(f"date {filters.date!r}: write a year, a month or a day (2016, 2016-10, 2016-10-25)")
        where.append("substr(coalesce(v.date, d.published), 1, ?) = ?")
        params += [len(filters.date.strip()), filters.date.strip()]
    if filters.mode:
        where.append("v.mode = ?")
        params.append(filters.mode.strip().lower())
    return where, params


def find_events(
    store: Store, filters: EventFilters | None = None, *, oldest_first: bool = False, limit: int = 20, offset: int = 0
) -> tuple[int, tuple[EventHit, ...]]:
    """Events matching ``filters`` (all when none), newest first; the total and one page."""
    conn = store.connection
    limit, offset = clamp_page(limit, offset)
    where, params = _where(conn, filters or EventFilters())
    direction = "ASC" if oldest_first else "DESC"
    total, rows = counted_page(
        conn, "events v JOIN documents d ON d.rowid = v.document", where, params,
        "v.rowid, d.id, d.title, d.outlet, d.published, v.type, v.mode, v.trigger_start, v.trigger_end, "
        "v.actor, coalesce(a.name, v.actor_text), v.target, coalesce(t.name, v.target_text), v.place, p.name, "
        "coalesce(v.date, substr(d.published, 1, 10)), d.text",
        f"coalesce(v.date, d.published) {direction}, d.rowid {direction}, v.trigger_start", limit, offset,
        joins=" LEFT JOIN entities a ON a.rowid = v.actor LEFT JOIN entities t ON t.rowid = v.target "
        "LEFT JOIN entities p ON p.rowid = v.place",
    )
    return total, tuple(_hit(row) for row in rows)


def _hit(row: tuple[Any, ...]) -> EventHit:
    (rowid, doc_id, title, outlet, published, kind, mode, start, end, actor_id, actor, target_id, target,
     place_id, place, date, text) = row
    return EventHit(rowid, DocumentSummary(doc_id, title, outlet, published), kind, mode, text[start:end], start,
                    end, actor_id, actor, target_id, target, place_id, place, date, context(text, start, end))


def context(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)``, at most CONTEXT_CHARS either side.

    >>> context("جملة أولى. وقصفت الطائرات المدينة. ثم هدأ الوضع", 16, 20)
    'وقصفت الطائرات المدينة'
    """
    low = max(0, start - CONTEXT_CHARS)
    before = [m.end() for m in _SENTENCE_END.finditer(text, low, start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + CONTEXT_CHARS))
    return " ".join(text[before[-1] if before else low : after.start() if after else end + CONTEXT_CHARS].split())
