"""Each list layer of a Document declared once: its JSON fields, spans, references and tables.

A list layer is a Document field holding a tuple of items (entities, quotes, places, times, events,
diagnostics). Its ``Layer`` says, field by field, how one item is written to JSON and read back
(``model/schema.py`` does both from it), which fields are spans (``model/offsets.py`` checks them),
which hold another layer's ids (checked when reading), and the columns of its archive (SQL) and batch
(Parquet) tables. The API's pydantic models are built from the same fields (``interfaces/api/models.py``);
the archive's migrations and the batch row builders are held to the declared columns by tests
(``tests/model/test_layers.py``, ``tests/store``, ``tests/batch``). In the archive, a field that refers to an
entity is two columns: the archive entity it resolved to (named as the field) and the Entity.id in its
Document (``<field>_local``; ``local_id`` in the entity's own rows), so the archive entity can follow
resolution and corrections (``store/references.py``).

A layer's ``views`` are what people are shown beside its fields (a time's value in words): declared here,
in the API's model, and said in ``interfaces/views.py``; the Document JSON leaves them out.

Adding a layer: its item dataclass and its ``Document`` field (``document.py``), one ``Layer`` here,
its stage; then a migration (``store/sqlite.py``) and a row builder (``batch/tables.py``) that the tests
compare with the columns declared here. The text layers that are no list of items (``meta``, ``byline``,
``sentences``, ``tokens``) keep their own code in ``schema.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from khabar.errors import SchemaError
from khabar.model.document import (
    EVENT_TYPES,
    Diagnostic,
    Document,
    Entity,
    Event,
    EventMode,
    Place,
    Quote,
    QuoteKind,
    Span,
    TimeExpression,
)


class Kind(StrEnum):
    """What one JSON field holds."""

    STR = "str"
    INT = "int"
    FLOAT = "float"  # an int is accepted when read, and made a float
    BOOL = "bool"
    SPAN = "span"  # {"start", "end"}
    TEXT_SPAN = "text_span"  # {"start", "end", "text"}: the text derived from the offsets on writing
    SPANS = "spans"  # a list of SPAN
    TEXT_SPANS = "text_spans"  # a list of TEXT_SPAN
    INLINE_SPAN = "inline_span"  # the item's own "start" and "end" keys
    INLINE_TEXT_SPAN = "inline_text_span"  # the item's own "start", "end" and "text" keys


SPAN_KINDS = frozenset({Kind.SPAN, Kind.TEXT_SPAN, Kind.INLINE_SPAN, Kind.INLINE_TEXT_SPAN})
SPAN_LIST_KINDS = frozenset({Kind.SPANS, Kind.TEXT_SPANS})
INLINE_KINDS = frozenset({Kind.INLINE_SPAN, Kind.INLINE_TEXT_SPAN})


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an item's JSON object.

    ``attr`` is the item's attribute it is written from and read into; a field without one is
    ``derive``d from the item and the text when writing (an entity's ``name``) and ignored when read,
    so the offsets stay the single truth. ``optional``: may be missing when read (the item's default,
    or None). ``refers_to``: the layer whose ids the field holds. ``choices``: the values allowed.
    """

    key: str  # the JSON key; "" for an inline span
    kind: Kind
    attr: str | None = None
    nullable: bool = False
    optional: bool = False
    refers_to: str | None = None
    choices: tuple[str, ...] = ()
    derive: Callable[[Any, str], Any] | None = None
    doc: str = ""
    aliases: tuple[str, ...] = ()  # older keys read when this one is missing ("lat" for "latitude")


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a batch (Parquet) table: its name and Arrow type
    (string, int32, int64, float64, bool, list<span>, list<text_span>)."""

    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Table:
    """A table a layer fills: Parquet columns in order, or SQL columns as ``"name TYPE [NOT NULL]"``."""

    name: str
    columns: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Layer:
    """A list layer of the Document: the field name (also its JSON key), its item class and fields.

    ``build(values, where)`` makes an item from the fields read (by attribute name) when the item is
    more than its fields (an entity's canonical mention defaults to its longest); by default the item
    class is called with them.

    ``views`` are fields for people that the interfaces add to each item where people read the
    Document (the API's Document, ``khabar render``'s page), said by code above the model with the
    stages' own words (``interfaces/views.py``: a time's ``words`` by ``describe_time``). The Document
    JSON stays minimal and leaves them out: they are derived, the offsets and values are the truth.
    """

    name: str
    item: type
    fields: tuple[Field, ...]
    build: Callable[[dict[str, Any], str], Any] | None = None
    parquet: tuple[Table, ...] = ()
    sql: tuple[Table, ...] = ()
    doc: str = ""
    views: tuple[Field, ...] = ()

    @property
    def span_fields(self) -> tuple[Field, ...]:
        """The fields that hold spans (one, or a tuple of them)."""
        return tuple(f for f in self.fields if f.attr and (f.kind in SPAN_KINDS or f.kind in SPAN_LIST_KINDS))

    def spans(self, doc: Document) -> Iterator[Span]:
        """Every span this layer of ``doc`` holds."""
        single = [f.attr or "" for f in self.span_fields if f.kind in SPAN_KINDS]
        lists = [f.attr or "" for f in self.span_fields if f.kind in SPAN_LIST_KINDS]
        for item in getattr(doc, self.name):
            for attr in lists:
                yield from getattr(item, attr)
            for attr in single:
                span = getattr(item, attr)
                if span is not None:
                    yield span

    def make(self, values: dict[str, Any], where: str) -> Any:
        """The item from its fields' values."""
        return self.build(values, where) if self.build is not None else self.item(**values)


def _entity(values: dict[str, Any], where: str) -> Entity:
    if not values["mentions"]:
        raise SchemaError(f"{where}: an entity needs at least one mention")
    canonical = values.get("canonical") or max(values["mentions"], key=len)
    return Entity(**{**values, "canonical": canonical})


def _quote(values: dict[str, Any], where: str) -> Quote:
    return Quote(**{**values, "kind": QuoteKind(values["kind"])})


def _event(values: dict[str, Any], where: str) -> Event:
    return Event(**{**values, "mode": EventMode(values.get("mode", EventMode.OCCURRED))})


def _text_of(attr: str) -> Callable[[Any, str], str | None]:
    def text(item: Any, text: str) -> str | None:
        span = getattr(item, attr)
        return None if span is None else text[span.start : span.end]

    return text


ENTITIES = Layer(
    "entities", Entity,
    (
        Field("id", Kind.STR, "id"),
        Field("label", Kind.STR, "label", doc="PER | ORG | LOC | MISC"),
        Field("type", Kind.STR, "type", nullable=True, optional=True, doc="a finer kind (country, ministry ...)"),
        Field("name", Kind.STR, derive=lambda e, text: e.canonical.text_in(text), doc="the canonical mention's text"),
        Field("canonical", Kind.SPAN, "canonical", optional=True),
        Field("mentions", Kind.SPANS, "mentions"),
        Field("roles", Kind.TEXT_SPANS, "roles", optional=True, doc='titles in apposition ("وزير الدفاع")'),
    ),
    build=_entity,
    parquet=(
        Table("entities", (
            Column("doc_id", "string"), Column("entity_id", "string"), Column("label", "string"),
            Column("type", "string"), Column("name", "string"), Column("canonical_start", "int32"),
            Column("canonical_end", "int32"), Column("mentions", "int32"), Column("roles", "list<text_span>"),
        )),
        Table("mentions", (
            Column("doc_id", "string"), Column("entity_id", "string"), Column("start", "int32"),
            Column("end", "int32"), Column("text", "string"),
        )),
    ),
    # The archive keeps each article's entities (doc_entities: one row per Entity, with the archive entity
    # it resolved to) and their mentions; the archive entities themselves (entities, aliases) are made
    # across articles by the resolver, no layer's table (store/sqlite.py ARCHIVE_TABLES).
    sql=(
        Table("doc_entities", (
            "document INTEGER NOT NULL", "local_id TEXT NOT NULL", "label TEXT NOT NULL", "name TEXT NOT NULL",
            "key TEXT NOT NULL", "place TEXT", "forms TEXT NOT NULL", "roles TEXT NOT NULL",
            "mentions INTEGER NOT NULL", "entity INTEGER NOT NULL",
        )),
        Table("mentions", (
            "document INTEGER NOT NULL", "entity INTEGER NOT NULL", "local_id TEXT NOT NULL",
            "char_start INTEGER NOT NULL", "char_end INTEGER NOT NULL",
        )),
    ),
    doc="Real-world entities named in the article, each with all of its mentions.",
)

QUOTES = Layer(
    "quotes", Quote,
    (
        Field("id", Kind.STR, "id"),
        Field("kind", Kind.STR, "kind", choices=tuple(k.value for k in QuoteKind)),
        Field("", Kind.INLINE_SPAN, "content", doc="the reported content"),
        Field("cue", Kind.SPAN, "cue", nullable=True, optional=True, doc="the reporting word (قال، أكد)"),
        Field("speaker", Kind.STR, "speaker_id", nullable=True, optional=True, refers_to="entities"),
        Field("speaker_text", Kind.STR, nullable=True, derive=_text_of("speaker")),
        Field("speaker_span", Kind.SPAN, "speaker", nullable=True, optional=True),
    ),
    build=_quote,
    parquet=(Table("quotes", (
        Column("doc_id", "string"), Column("quote_id", "string"), Column("kind", "string"), Column("start", "int32"),
        Column("end", "int32"), Column("text", "string"), Column("cue_start", "int32"), Column("cue_end", "int32"),
        Column("cue", "string"), Column("speaker_id", "string"), Column("speaker_start", "int32"),
        Column("speaker_end", "int32"), Column("speaker", "string"),
    )),),
    sql=(Table("quotes", (
        "rowid INTEGER", "document INTEGER NOT NULL", "local_id TEXT NOT NULL", "kind TEXT NOT NULL",
        "char_start INTEGER NOT NULL", "char_end INTEGER NOT NULL", "cue_start INTEGER", "cue_end INTEGER",
        "speaker INTEGER", "speaker_text TEXT", "speaker_key TEXT", "speaker_local TEXT",
    )),),
    doc="Reported statements: content, reporting cue and speaker.",
)

PLACES = Layer(
    "places", Place,
    (
        Field("entity", Kind.STR, "entity_id", refers_to="entities"),
        Field("name", Kind.STR, "name", doc="the gazetteer's name"),
        Field("latitude", Kind.FLOAT, "latitude", aliases=("lat",)),
        Field("longitude", Kind.FLOAT, "longitude", aliases=("lon",)),
        Field("lat", Kind.FLOAT, derive=lambda p, text: p.latitude,
              doc="The same as latitude: the first spelling, kept for code that reads it."),
        Field("lon", Kind.FLOAT, derive=lambda p, text: p.longitude,
              doc="The same as longitude: the first spelling, kept for code that reads it."),
        Field("country", Kind.STR, "country_code", nullable=True, optional=True),
        Field("feature", Kind.STR, "feature", doc="country | admin | city | region | feature"),
        Field("confidence", Kind.FLOAT, "confidence"),
        Field("geonames_id", Kind.INT, "geonames_id", nullable=True, optional=True),
        Field("focus", Kind.BOOL, "focus", optional=True),
    ),
    parquet=(Table("places", (
        Column("doc_id", "string"), Column("entity_id", "string"), Column("name", "string"),
        Column("latitude", "float64"), Column("longitude", "float64"), Column("country_code", "string"),
        Column("feature", "string"), Column("confidence", "float64"), Column("geonames_id", "int64"),
        Column("focus", "bool"),
    )),),
    sql=(Table("places", (
        "document INTEGER NOT NULL", "entity INTEGER NOT NULL", "name TEXT NOT NULL", "latitude REAL NOT NULL",
        "longitude REAL NOT NULL", "country TEXT", "feature TEXT NOT NULL", "confidence REAL NOT NULL",
        "geonames_id INTEGER", "focus INTEGER NOT NULL", "local_id TEXT",
    )),),
    doc="LOC entities placed on the map.",
)

TIMES = Layer(
    "times", TimeExpression,
    (
        Field("", Kind.INLINE_TEXT_SPAN, "span"),
        Field("type", Kind.STR, "type", doc="DATE | TIME | DURATION | SET"),
        Field("value", Kind.STR, "value", doc="TIMEX3 value"),
        Field("resolved", Kind.BOOL, "resolved", optional=True),
    ),
    views=(Field("words", Kind.STR, doc="the value in Arabic words, for people (khabar.stages.times.describe_time): "
                 "'قبل أسبوع من تاريخ النشر', 'يوم الثلاثاء (لم يُحدَّد تاريخه)'"),),
    parquet=(Table("dates", (
        Column("doc_id", "string"), Column("start", "int32"), Column("end", "int32"), Column("text", "string"),
        Column("type", "string"), Column("value", "string"), Column("resolved", "bool"),
    )),),
    sql=(Table("times", (
        "document INTEGER NOT NULL", "char_start INTEGER NOT NULL", "char_end INTEGER NOT NULL",
        "type TEXT NOT NULL", "value TEXT NOT NULL", "resolved INTEGER NOT NULL",
    )),),
    doc="Time expressions with normalised values.",
)

EVENTS = Layer(
    "events", Event,
    (
        Field("id", Kind.STR, "id"),
        Field("type", Kind.STR, "type", choices=EVENT_TYPES, doc="one of PLOVER's 18 types"),
        Field("trigger", Kind.TEXT_SPAN, "trigger", doc="the word(s) naming the action"),
        Field("mode", Kind.STR, "mode", optional=True, choices=tuple(m.value for m in EventMode)),
        Field("actor", Kind.STR, "actor_id", nullable=True, optional=True, refers_to="entities", doc="who acts"),
        Field("actor_text", Kind.STR, nullable=True, derive=_text_of("actor")),
        Field("actor_span", Kind.SPAN, "actor", nullable=True, optional=True),
        Field("target", Kind.STR, "target_id", nullable=True, optional=True, refers_to="entities",
              doc="whom it is done to, or with"),
        Field("target_text", Kind.STR, nullable=True, derive=_text_of("target")),
        Field("target_span", Kind.SPAN, "target", nullable=True, optional=True),
        Field("place", Kind.STR, "place_id", nullable=True, optional=True, refers_to="entities", doc="a LOC entity"),
        Field("date", Kind.STR, "date", nullable=True, optional=True, doc="TIMEX3 value"),
        Field("date_span", Kind.SPAN, "date_span", nullable=True, optional=True,
              doc="the time expression the date comes from; null: the publication date"),
        Field("quote", Kind.STR, "quote_id", nullable=True, optional=True, refers_to="quotes",
              doc="the quote reporting a verbal event"),
    ),
    build=_event,
    parquet=(Table("events", (
        Column("doc_id", "string"), Column("event_id", "string"), Column("type", "string"), Column("mode", "string"),
        Column("trigger_start", "int32"), Column("trigger_end", "int32"), Column("trigger", "string"),
        Column("actor_id", "string"), Column("actor_start", "int32"), Column("actor_end", "int32"),
        Column("actor", "string"), Column("target_id", "string"), Column("target_start", "int32"),
        Column("target_end", "int32"), Column("target", "string"), Column("place_id", "string"),
        Column("place", "string"), Column("date", "string"), Column("quote_id", "string"),
    )),),
    sql=(Table("events", (
        "rowid INTEGER", "document INTEGER NOT NULL", "local_id TEXT NOT NULL", "type TEXT NOT NULL",
        "mode TEXT NOT NULL", "trigger_start INTEGER NOT NULL", "trigger_end INTEGER NOT NULL",
        "actor INTEGER", "actor_local TEXT", "actor_text TEXT", "actor_key TEXT", "target INTEGER",
        "target_local TEXT", "target_text TEXT", "target_key TEXT", "place INTEGER", "place_local TEXT",
        "date TEXT", "quote INTEGER",
    )),),
    doc="Who did what to whom: PLOVER event mentions.",
    views=(Field("date_words", Kind.STR, nullable=True, doc="the date in Arabic words, for people (as a time's words)"),),
)

DIAGNOSTICS = Layer(
    "diagnostics", Diagnostic,
    (
        Field("stage", Kind.STR, "stage"),
        Field("code", Kind.STR, "code"),
        Field("message", Kind.STR, "message"),
        Field("span", Kind.SPAN, "span", nullable=True, optional=True),
    ),
    doc="Recoverable oddities noted by the stages.",
)

#: The list layers in Document order: reading follows it, so a layer refers only to earlier ones.
LIST_LAYERS: tuple[Layer, ...] = (ENTITIES, QUOTES, PLACES, TIMES, EVENTS, DIAGNOSTICS)


def layer_named(name: str) -> Layer:
    """The declaration of the list layer ``name``; ``KeyError`` if there is none."""
    for layer in LIST_LAYERS:
        if layer.name == name:
            return layer
    raise KeyError(name)
