"""``GET /events``: who did what to whom across the archive (by actor, target, type, place and date)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from khabar.interfaces.api.archive import ERRORS, MAX_NAME_CHARS, Archive, Limit, Offset, Order
from khabar.interfaces.api.models import EventsOut, event_out
from khabar.model import EVENT_TYPES, EventMode
from khabar.store import EventFilters, find_events

router = APIRouter(tags=["archive"])
EventType = StrEnum("EventType", {name: name for name in EVENT_TYPES})  # type: ignore[misc]
Party = Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="An entity id or name, or a phrase.")]


@router.get("/events", response_model=EventsOut, responses=ERRORS, summary="Who did what to whom")
def events(
    store: Archive,
    actor: Party = None,
    target: Party = None,
    party: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="Actor or target.")] = None,
    kind: Annotated[EventType | None, Query(alias="type", description="A PLOVER type (ASSAULT, DEMAND ...).")] = None,
    place: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="Place: entity id or name.")] = None,
    date: Annotated[str | None, Query(max_length=10, description="A year, month or day: 2016, 2016-10, 2016-10-25.")] = None,
    mode: EventMode | None = None,
    order: Order = Order.NEWEST,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EventsOut:
    """Events (PLOVER types) with their actor, target, place and date; an event's date is its own, else
    its article's publication date. ``type=ASSAULT&place=الموصل&date=2016``: assaults in Mosul in 2016."""
    chosen = EventFilters(actor, target, party, kind.value if kind else None, place, date, mode.value if mode else None)
    total, found = find_events(store, chosen, oldest_first=order is Order.OLDEST, limit=limit, offset=offset)
    return EventsOut(total=total, limit=limit, offset=offset, events=[event_out(e) for e in found])
