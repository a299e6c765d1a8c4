"""``GET /search``, ``/quotes``, ``/entities``, ``/entities/{id}`` and ``/places``: reading the archive."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from khabar.interfaces.api.deps import archive
from khabar.interfaces.api.errors import ApiError
from khabar.interfaces.api.models import (
    EntitiesOut,
    EntityDetailOut,
    ErrorOut,
    PlacesOut,
    QuotesOut,
    SearchOut,
    detail_out,
    entity_out,
    hit_out,
    place_out,
    quote_out,
)
from khabar.model import EntityLabel
from khabar.store import (
    Filters,
    Store,
    entity_detail,
    find_quotes,
    list_entities,
    list_places,
    search_documents,
)
from khabar.store.query import MAX_QUERY_CHARS
from khabar.store.search import MAX_ENTITY_ID, MAX_LIMIT, MAX_OFFSET

router = APIRouter(tags=["archive"])
MAX_NAME_CHARS = 200
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 422)}
QUERY_HELP = 'Words (all must appear), "a phrase", word* (prefix), -word (leave out), a OR b.'

Name = Annotated[str | None, Query(max_length=MAX_NAME_CHARS)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Results per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip.")]
Archive = Annotated[Store, Depends(archive)]


class Order(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"


def filters(
    entity: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="Entity id or name.")] = None,
    speaker: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="Speaker: entity id or name.")] = None,
    place: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="Place: entity id or name.")] = None,
    outlet: Name = None,
    date_from: Annotated[date | None, Query(alias="from", description="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Published on or before (YYYY-MM-DD).")] = None,
) -> Filters:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "invalid_request", f"from ({date_from}) is after to ({date_to})")
    for name, value in (("entity", entity), ("speaker", speaker), ("place", place)):
        _check_id(name, value)
    return Filters(entity, speaker, place, outlet, date_from, date_to)


def _check_id(name: str, value: str | None) -> None:
    """Refuse a number that cannot be an archive id (a name is looked up as it is)."""
    if value is not None and value.strip().isdecimal() and int(value) > MAX_ENTITY_ID:  # max_length: int() is safe
        raise ApiError(422, "invalid_request", f"{name}: {value.strip()} is no entity id (ids go up to {MAX_ENTITY_ID})")


Filtered = Annotated[Filters, Depends(filters)]


@router.get("/search", response_model=SearchOut, responses=ERRORS, summary="Search articles")
def search(
    store: Archive,
    chosen: Filtered,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description=QUERY_HELP)] = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchOut:
    """Articles matching the query (ranked by bm25) and the filters; newest first for an empty query.
    Hamza, diacritics, tatweel and ta marbuta do not matter. Snippets are cut from the text as written."""
    page = search_documents(store, q, chosen, limit=limit, offset=offset)
    return SearchOut(query=q, total=page.total, limit=limit, offset=offset, hits=[hit_out(h) for h in page.hits])


@router.get("/quotes", response_model=QuotesOut, responses=ERRORS, summary="Who said what about X")
def quotes(
    store: Archive,
    chosen: Filtered,
    about: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Quotes whose content matches. " + QUERY_HELP)] = "",
    order: Order = Order.NEWEST,
    limit: Limit = 20,
    offset: Offset = 0,
) -> QuotesOut:
    """Quotes whose content mentions ``about``, by ``speaker``, from articles matching the other filters."""
    total, found = find_quotes(store, about, chosen, oldest_first=order is Order.OLDEST, limit=limit, offset=offset)
    return QuotesOut(about=about, total=total, limit=limit, offset=offset, quotes=[quote_out(q) for q in found])


@router.get("/entities", response_model=EntitiesOut, responses=ERRORS, summary="Entities, most named first")
def entities(
    store: Archive,
    label: Annotated[EntityLabel | None, Query(alias="type", description="PER, ORG, LOC or MISC.")] = None,
    name: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description="Part of the name.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EntitiesOut:
    """People, organisations and places linked across articles, by the number of articles naming them."""
    total, found = list_entities(store, label.value if label else None, name, limit=limit, offset=offset)
    return EntitiesOut(total=total, limit=limit, offset=offset, entities=[entity_out(e) for e in found])


@router.get(
    "/entities/{entity_id}", response_model=EntityDetailOut, responses={404: {"model": ErrorOut}}, summary="One entity"
)
def entity(entity_id: Annotated[int, Path(ge=0, le=MAX_ENTITY_ID)], store: Archive) -> EntityDetailOut:
    """An entity's page: its names, its place on the map, its articles, and its quotes in time order."""
    try:
        return detail_out(entity_detail(store, entity_id))
    except KeyError:
        raise ApiError(404, "not_found", f"no entity has the id {entity_id}") from None


@router.get("/places", response_model=PlacesOut, summary="Places on the map")
def places(store: Archive, limit: Annotated[int, Query(ge=1, le=1000)] = 1000) -> PlacesOut:
    """Every geocoded place with its coordinates and the number of articles about it."""
    return PlacesOut(places=[place_out(p) for p in list_places(store, limit=limit)])
