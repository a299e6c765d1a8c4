"""The archive: analysed Documents in SQLite, searchable by text (FTS5 over the normalised view),
entity, speaker, place, outlet and date; events by actor, target, type, place and date.

    with open_store("khabar.db", create=True) as store:
        ingest(store, documents)
        page = search_documents(store, "الموصل", Filters(speaker="لو دريان"))
        total, events = find_events(store, EventFilters(type="ASSAULT", place="الموصل", date="2016"))

Entities are resolved across articles (``resolve.py``): one per person, organisation or place, with every
name its articles use; ``merge_entities`` and ``split_name`` record a person's corrections, kept across ingests.
Quotes' speakers and events' actors, targets and places follow every resolution and correction.
"""

from khabar.store.browse import (
    DocumentSummary,
    EntityDetail,
    EntitySummary,
    PlaceSummary,
    QuoteHit,
    StoredDocument,
    entity_detail,
    find_quotes,
    list_entities,
    list_places,
    load_document,
)
from khabar.store.corrections import (
    Correction,
    CorrectionError,
    list_corrections,
    merge_entities,
    split_name,
    undo_correction,
)
from khabar.store.events import EventFilters, EventHit, find_events
from khabar.store.ingest import IngestSummary, Stored, add_document, ingest
from khabar.store.query import ParsedQuery, QueryError, parse_query
from khabar.store.resolve import ResolveSummary, resolve
from khabar.store.search import DocumentHit, Filters, SearchPage, search_documents
from khabar.store.snippets import Snippet
from khabar.store.sqlite import SCHEMA_VERSION, Store, StoreError, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Correction",
    "CorrectionError",
    "ResolveSummary",
    "DocumentHit",
    "DocumentSummary",
    "EntityDetail",
    "EntitySummary",
    "EventFilters",
    "EventHit",
    "Filters",
    "IngestSummary",
    "ParsedQuery",
    "PlaceSummary",
    "QueryError",
    "QuoteHit",
    "SearchPage",
    "Snippet",
    "Store",
    "StoreError",
    "Stored",
    "StoredDocument",
    "add_document",
    "entity_detail",
    "find_events",
    "find_quotes",
    "ingest",
    "list_corrections",
    "list_entities",
    "list_places",
    "load_document",
    "merge_entities",
    "open_store",
    "parse_query",
    "resolve",
    "search_documents",
    "split_name",
    "undo_correction",
]
