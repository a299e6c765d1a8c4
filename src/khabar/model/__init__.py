"""khabar's data model: the Document, its spans and its JSON form. Data only."""

from khabar.model.document import (
    EVENT_TYPES,
    Byline,
    Diagnostic,
    Document,
    Entity,
    EntityLabel,
    Event,
    EventMode,
    Meta,
    Place,
    Quote,
    QuoteKind,
    Span,
    TimeExpression,
    Token,
    TokenKind,
)
from khabar.model.layers import LIST_LAYERS, Layer, layer_named
from khabar.model.normalised import Normalised
from khabar.model.offsets import all_spans, check_offsets
from khabar.model.schema import SCHEMA_VERSION, from_dict, from_json, to_dict, to_json

__all__ = [
    "EVENT_TYPES",
    "LIST_LAYERS",
    "SCHEMA_VERSION",
    "Byline",
    "Diagnostic",
    "Document",
    "Entity",
    "EntityLabel",
    "Event",
    "EventMode",
    "Layer",
    "Meta",
    "Normalised",
    "Place",
    "Quote",
    "QuoteKind",
    "Span",
    "TimeExpression",
    "Token",
    "TokenKind",
    "all_spans",
    "check_offsets",
    "from_dict",
    "from_json",
    "layer_named",
    "to_dict",
    "to_json",
]
