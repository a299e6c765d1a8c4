"""The API's pydantic models: the Document JSON of ``model/schema.py``, and the archive's answers.

The models of the Document's list layers (entities, quotes, places, times, events, diagnostics) are built
from their declarations in ``model/layers.py``, which ``schema.to_dict`` writes from too, with the views
for people that the API adds (``interfaces/views.py``: a time's ``words``); the rest of
``DocumentOut`` mirrors ``schema.to_dict`` by hand. Both forbid extra fields, so a schema change that is not
made here fails ``tests/interfaces/test_models.py``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from khabar.model import LIST_LAYERS, Layer, layer_named
from khabar.model.layers import Field as LayerField
from khabar.model.layers import Kind
from khabar.store import (
    DocumentHit,
    DocumentSummary,
    EntityDetail,
    EntitySummary,
    EventHit,
    PlaceSummary,
    QuoteHit,
    Snippet,
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpanOut(_Strict):
    start: int
    end: int


class TextSpanOut(SpanOut):
    text: str


class MetaOut(_Strict):
    source: str
    format: str
    encoding: str | None
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    author: str | None


class BylineOut(SpanOut):
    place: TextSpanOut | None
    outlet: TextSpanOut | None
    author: TextSpanOut | None


_PLAIN: dict[Kind, type] = {Kind.STR: str, Kind.INT: int, Kind.FLOAT: float, Kind.BOOL: bool}
_SPANS: dict[Kind, Any] = {
    Kind.SPAN: SpanOut, Kind.TEXT_SPAN: TextSpanOut, Kind.SPANS: list[SpanOut], Kind.TEXT_SPANS: list[TextSpanOut],
}


def _annotation(field: LayerField) -> Any:
    kind: Any = _SPANS.get(field.kind) or _PLAIN[field.kind]
    if field.choices:
        kind = Literal[field.choices]
    return kind | None if field.nullable else kind


def item_model(layer: Layer) -> type[BaseModel]:
    """The pydantic model of one item of ``layer``, built from its declaration (``model/layers.py``):
    its fields, then its views."""
    fields: dict[str, Any] = {}
    for field in (*layer.fields, *layer.views):
        if field.kind in (Kind.INLINE_SPAN, Kind.INLINE_TEXT_SPAN):
            fields.update(start=(int, ...), end=(int, ...))
            if field.kind is Kind.INLINE_TEXT_SPAN:
                fields["text"] = (str, ...)
        else:
            fields[field.key] = (_annotation(field), Field(description=field.doc or None))
    return create_model(f"{layer.item.__name__}Out", __base__=_Strict, __doc__=layer.doc, **fields)


LAYER_MODELS: dict[str, type[BaseModel]] = {layer.name: item_model(layer) for layer in LIST_LAYERS}


class _DocumentBase(_Strict):
    schema_: int = Field(alias="schema", description="The JSON schema version.")
    id: str
    text: str
    meta: MetaOut
    byline: BylineOut | None
    sentences: list[list[int]]
    tokens: list[list[int | str]] | None = Field(default=None, description="[start, end, kind(, stem_start, stem_end)]")


DocumentOut: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "DocumentOut", __base__=_DocumentBase,
    __doc__="One analysed article: the text as read, and every layer as offsets into it (schema version 1).",
    **{name: (list[model], Field(description=layer_named(name).doc)) for name, model in LAYER_MODELS.items()},  # type: ignore[valid-type]
)


class ArchiveLinks(_Strict):
    title: str | None = None
    entities: dict[str, int] = Field(description="Each entity id of the document -> its archive entity id.")


class StoredDocumentOut(DocumentOut):  # type: ignore[misc,valid-type]
    archive: ArchiveLinks


class ArticleIn(BaseModel):
    """An article to analyse, as JSON (or send the bare text as text/plain)."""

    text: str = Field(description="The article's text.")
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="Publication date, ISO 8601 or RFC 2822.")
    source: str | None = Field(default=None, description="The outlet that published it.")
    author: str | None = None


class PartOut(_Strict):
    text: str
    match: bool


class HitOut(_Strict):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float | None = Field(description="bm25: lower is a better match; null when no words were searched.")
    snippet: list[PartOut]
    matches: list[SpanOut] = Field(description="Where the query's words are in the raw text.")


class SearchOut(_Strict):
    query: str
    total: int
    limit: int
    offset: int
    hits: list[HitOut]


class DocumentSummaryOut(_Strict):
    id: str
    title: str | None
    outlet: str | None
    published: str | None


class SpeakerOut(_Strict):
    id: int | None = Field(description="The archive entity id, null when the speaker is no entity.")
    name: str | None


class QuoteHitOut(_Strict):
    id: int
    document: DocumentSummaryOut
    kind: str
    start: int
    end: int
    content: list[PartOut]
    cue: str | None
    speaker: SpeakerOut


class QuotesOut(_Strict):
    about: str
    total: int
    limit: int
    offset: int
    quotes: list[QuoteHitOut]


class EntitySummaryOut(_Strict):
    id: int
    label: str
    name: str
    documents: int
    mentions: int
    quotes: int


class EntitiesOut(_Strict):
    total: int
    limit: int
    offset: int
    entities: list[EntitySummaryOut]


class PlaceSummaryOut(_Strict):
    entity_id: int
    name: str
    gazetteer_name: str
    latitude: float
    longitude: float
    country: str | None
    feature: str
    documents: int


class PlacesOut(_Strict):
    places: list[PlaceSummaryOut]


class MonthOut(_Strict):
    month: str
    documents: int
    quotes: int


class EntityDetailOut(_Strict):
    entity: EntitySummaryOut
    aliases: list[str]
    place: PlaceSummaryOut | None
    documents: list[DocumentSummaryOut]
    quotes: list[QuoteHitOut]
    timeline: list[MonthOut]


class ParticipantOut(_Strict):
    id: int | None = Field(description="The archive entity id, null when the participant is no entity.")
    name: str | None


class EventHitOut(_Strict):
    id: int
    document: DocumentSummaryOut
    type: str = Field(description="A PLOVER type.")
    mode: str = Field(description="occurred | planned | threatened | denied | hypothetical")
    trigger: str
    start: int
    end: int
    actor: ParticipantOut
    target: ParticipantOut
    place: ParticipantOut
    date: str | None = Field(description="The event's date (TIMEX3), else its article's publication day.")
    context: str = Field(description="The sentence around the trigger.")


class EventsOut(_Strict):
    total: int
    limit: int
    offset: int
    events: list[EventHitOut]


class ErrorOut(_Strict):
    error: str = Field(description="A machine-readable code: bad_query, not_found, too_large, not_arabic ...")
    detail: str = Field(description="What is wrong, for people.")


# ---------------------------------------------------------------- from the store's dataclasses


def parts(snippet: Snippet) -> list[PartOut]:
    return [PartOut(text=text, match=match) for text, match in snippet.parts]


def hit_out(hit: DocumentHit) -> HitOut:
    return HitOut(
        id=hit.id, title=hit.title, outlet=hit.outlet, published=hit.published, url=hit.url, score=hit.score,
        snippet=parts(hit.snippet), matches=[SpanOut(start=s, end=e) for s, e in hit.matches],
    )


def summary_out(doc: DocumentSummary) -> DocumentSummaryOut:
    return DocumentSummaryOut(id=doc.id, title=doc.title, outlet=doc.outlet, published=doc.published)


def quote_out(quote: QuoteHit) -> QuoteHitOut:
    return QuoteHitOut(
        id=quote.id, document=summary_out(quote.document), kind=quote.kind, start=quote.start, end=quote.end,
        content=parts(quote.content), cue=quote.cue, speaker=SpeakerOut(id=quote.speaker_id, name=quote.speaker),
    )


def event_out(event: EventHit) -> EventHitOut:
    return EventHitOut(
        id=event.id, document=summary_out(event.document), type=event.type, mode=event.mode, trigger=event.trigger,
        start=event.start, end=event.end, actor=ParticipantOut(id=event.actor_id, name=event.actor),
        target=ParticipantOut(id=event.target_id, name=event.target),
        place=ParticipantOut(id=event.place_id, name=event.place), date=event.date, context=event.context,
    )


def entity_out(entity: EntitySummary) -> EntitySummaryOut:
    return EntitySummaryOut.model_validate(entity, from_attributes=True)


def place_out(place: PlaceSummary) -> PlaceSummaryOut:
    return PlaceSummaryOut.model_validate(place, from_attributes=True)


def detail_out(detail: EntityDetail) -> EntityDetailOut:
    return EntityDetailOut(
        entity=entity_out(detail.entity),
        aliases=list(detail.aliases),
        place=place_out(detail.place) if detail.place else None,
        documents=[summary_out(d) for d in detail.documents],
        quotes=[quote_out(q) for q in detail.quotes],
        timeline=[MonthOut(month=m, documents=d, quotes=q) for m, d, q in detail.timeline],
    )


def error_body(error: str, detail: str) -> dict[str, Any]:
    return {"error": error, "detail": detail}
