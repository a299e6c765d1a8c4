"""The versioned JSON form of a Document: ``to_dict``/``to_json`` out, ``from_dict``/``from_json`` in.

The output carries the fields of the evaluation contract (``shared/eval/FORMAT.md``): entity ``name``
and quote ``speaker_text`` are derived from the offsets when writing and ignored when reading, so the
offsets stay the single truth. Reading validates everything (version, types, bounds, references) and
raises ``SchemaError`` naming the field at fault.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from khabar.errors import JSON_TOO_DEEP, InvalidSpan, SchemaError
from khabar.model.document import Byline, Document, Meta, Span, Token, TokenKind
from khabar.model.layers import (
    INLINE_KINDS,
    LIST_LAYERS,
    SPAN_KINDS,
    SPAN_LIST_KINDS,
    Field,
    Kind,
    Layer,
    layer_named,
)

SCHEMA_VERSION = 1
META_FIELDS = ("source", "format", "encoding", "title", "url", "published", "outlet", "author")

JsonObject = dict[str, Any]


# ---------------------------------------------------------------- writing


def _span(span: Span | None) -> JsonObject | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _token(token: Token) -> list[Any]:
    row: list[Any] = [token.start, token.end, token.kind.value]
    if token.has_clitics:
        row += [token.stem_start, token.stem_end]
    return row


def _field_writer(field: Field) -> Callable[[Any, str], Any]:
    """How one declared field is written: (item, text) -> its JSON value."""
    if field.derive is not None:
        return field.derive
    attr, kind = field.attr or "", field.kind
    if kind in (Kind.SPAN, Kind.INLINE_SPAN):
        return lambda item, text: _span(getattr(item, attr))
    if kind in (Kind.TEXT_SPAN, Kind.INLINE_TEXT_SPAN):
        return lambda item, text: _text_span(getattr(item, attr), text)
    if kind is Kind.SPANS:
        return lambda item, text: [{"start": s.start, "end": s.end} for s in getattr(item, attr)]
    if kind is Kind.TEXT_SPANS:
        return lambda item, text: [_text_span(s, text) for s in getattr(item, attr)]
    if field.choices:  # an enum: its value
        return lambda item, text: None if (value := getattr(item, attr)) is None else str(value)
    return lambda item, text: getattr(item, attr)


def _text_span(span: Span | None, text: str) -> JsonObject | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


_WRITERS: dict[str, tuple[tuple[str, Callable[[Any, str], Any], bool], ...]] = {
    layer.name: tuple((f.key, _field_writer(f), f.kind in INLINE_KINDS) for f in layer.fields)
    for layer in LIST_LAYERS
}


def item_to_dict(layer: Layer, item: Any, text: str) -> JsonObject:
    """The JSON object of one item of ``layer``, field by field as declared."""
    out: JsonObject = {}
    for key, write, inline in _WRITERS[layer.name]:
        if inline:
            out.update(write(item, text))
        else:
            out[key] = write(item, text)
    return out


def _byline(byline: Byline | None, text: str) -> JsonObject | None:
    if byline is None:
        return None
    out: JsonObject = {"start": byline.span.start, "end": byline.span.end}
    for name in ("place", "outlet", "author"):
        part: Span | None = getattr(byline, name)
        out[name] = None if part is None else {"start": part.start, "end": part.end, "text": part.text_in(text)}
    return out


def to_dict(doc: Document, *, tokens: bool = True) -> JsonObject:
    """The JSON-ready form of ``doc``; ``tokens=False`` leaves the (large) token layer out."""
    text = doc.text
    out: JsonObject = {
        "schema": SCHEMA_VERSION,
        "id": doc.id,
        "text": text,
        "meta": {name: getattr(doc.meta, name) for name in META_FIELDS},
        "byline": _byline(doc.byline, text),
        "sentences": [[s.start, s.end] for s in doc.sentences],
    }
    for layer in LIST_LAYERS:
        out[layer.name] = [item_to_dict(layer, item, text) for item in getattr(doc, layer.name)]
    if tokens:
        out["tokens"] = [_token(t) for t in doc.tokens]
    return out


def to_json(doc: Document, *, indent: int | None = 2, tokens: bool = True) -> str:
    """Serialise ``doc``: readable Arabic (``ensure_ascii=False``), sorted keys for stable diffs.

    >>> from khabar.model.document import Document
    >>> to_json(Document(id="d1", text="قال"), indent=None)[:30]
    '{"byline": null, "diagnostics"'
    """
    return json.dumps(to_dict(doc, tokens=tokens), ensure_ascii=False, indent=indent, sort_keys=True)


# ---------------------------------------------------------------- reading


class _Reader:
    """Reads one JSON object into model objects, naming the path of any field at fault."""

    def __init__(self, text_length: int) -> None:
        self.length = text_length

    def fail(self, where: str, why: str) -> SchemaError:
        return SchemaError(f"{where}: {why}")

    def span(self, value: Any, where: str) -> Span:
        if isinstance(value, dict):
            value = [value.get("start"), value.get("end")]
        if not (isinstance(value, list | tuple) and len(value) >= 2):
            raise self.fail(where, f"expected a span {{start, end}}, got {value!r}")
        start, end = value[0], value[1]
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            raise self.fail(where, f"offsets must be integers, got {start!r}, {end!r}")
        if end > self.length:
            raise self.fail(where, f"end {end} is beyond the text's length {self.length}")
        try:
            return Span(start, end)
        except InvalidSpan as exc:
            raise self.fail(where, str(exc)) from exc

    def optional_span(self, value: Any, where: str) -> Span | None:
        return None if value is None else self.span(value, where)

    def token(self, row: Any, where: str) -> Token:
        if not isinstance(row, list) or len(row) not in (3, 5):
            raise self.fail(where, f"expected [start, end, kind] or [start, end, kind, stem_start, stem_end], got {row!r}")
        span = self.span(row[:2], where)
        try:
            kind = TokenKind(row[2])
        except ValueError as exc:
            raise self.fail(where, f"unknown token kind {row[2]!r}") from exc
        stem = self.span(row[3:5], where + ".stem") if len(row) == 5 else span
        if not span.contains(stem):
            raise self.fail(where, "the stem must lie inside the token")
        return Token(span.start, span.end, kind, stem.start, stem.end)

    def items(self, data: JsonObject, key: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {type(value).__name__}")
        return value


def _require(data: JsonObject, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise SchemaError(f"{where}.{key}: expected {getattr(kind, '__name__', kind)}, got {value!r}")
    return value


_PLAIN_TYPES: dict[Kind, type | tuple[type, ...]] = {
    Kind.STR: str, Kind.INT: int, Kind.FLOAT: (int, float), Kind.BOOL: bool,
}


def _read_value(reader: _Reader, field: Field, item: JsonObject, where: str) -> Any:
    """One declared field of an item, validated (type, bounds, choices)."""
    key = next((k for k in (field.key, *field.aliases) if k in item), field.key)
    at = f"{where}.{key}"
    if field.kind in INLINE_KINDS:
        return reader.span(item, where)
    value = item.get(key)
    if value is None:
        if key in item and not field.nullable:
            raise SchemaError(f"{at}: must not be null")
        if field.kind in SPAN_LIST_KINDS:
            return ()
        return None
    if field.kind in SPAN_KINDS:
        return reader.span(value, at)
    if field.kind in SPAN_LIST_KINDS:
        if not isinstance(value, list):
            raise SchemaError(f"{at}: expected a list, got {type(value).__name__}")
        return tuple(reader.span(v, f"{at}[{j}]") for j, v in enumerate(value))
    kind = _PLAIN_TYPES[field.kind]
    if not isinstance(value, kind) or (isinstance(value, bool) and field.kind is not Kind.BOOL):
        raise SchemaError(f"{at}: expected {field.kind.value}, got {value!r}")
    if field.choices and value not in field.choices:
        raise SchemaError(f"{at}: expected {', '.join(field.choices[:-1])} or {field.choices[-1]}, got {value!r}")
    return float(value) if field.kind is Kind.FLOAT else value  # type: ignore[arg-type]


def _read_item(reader: _Reader, layer: Layer, item: Any, where: str, ids: dict[str, set[str]]) -> Any:
    if not isinstance(item, dict):
        raise SchemaError(f"{where}: expected an object")
    values: dict[str, Any] = {}
    for field in layer.fields:
        if field.attr is None:  # derived from the offsets when writing: not read
            continue
        if field.kind not in INLINE_KINDS and not any(k in item for k in (field.key, *field.aliases)):
            if not field.optional:
                raise SchemaError(f"{where}.{field.key}: expected {field.kind.value}, got None")
            continue  # the item's default
        value = _read_value(reader, field, item, where)
        if field.refers_to is not None and value is not None and value not in ids.get(field.refers_to, ()):
            noun = layer_named(field.refers_to).item.__name__.lower()
            raise SchemaError(f"{where}.{field.key}: no {noun} has id {value!r}")
        values[field.attr] = value
    return layer.make(values, where)


def _read_layer(reader: _Reader, layer: Layer, data: JsonObject, ids: dict[str, set[str]]) -> tuple[Any, ...]:
    items = tuple(
        _read_item(reader, layer, item, f"{layer.name}[{i}]", ids) for i, item in enumerate(reader.items(data, layer.name))
    )
    if any(f.key == "id" for f in layer.fields):
        ids[layer.name] = {item.id for item in items}
        if len(ids[layer.name]) != len(items):
            raise SchemaError(f"{layer.name}: ids must be unique")
    return items


def _read_byline(reader: _Reader, value: Any) -> Byline | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise SchemaError("byline: expected an object or null")
    parts = {name: reader.optional_span(value.get(name), f"byline.{name}") for name in ("place", "outlet", "author")}
    return Byline(span=reader.span(value, "byline"), **parts)


def _read_meta(value: Any) -> Meta:
    if value is None:
        return Meta()
    if not isinstance(value, dict):
        raise SchemaError("meta: expected an object")
    fields = {}
    for name in META_FIELDS:
        item = value.get(name)
        if item is not None and not isinstance(item, str):
            raise SchemaError(f"meta.{name}: expected a string or null, got {item!r}")
        if item is not None:
            fields[name] = item
    return Meta(**fields)


def upgrade(data: JsonObject) -> JsonObject:
    """Bring an older schema version up to ``SCHEMA_VERSION`` (version 1 is the first: nothing to do)."""
    version = data.get("schema")
    if version == SCHEMA_VERSION:
        return data
    raise SchemaError(f"schema: unknown version {version!r}; this khabar reads version {SCHEMA_VERSION}")


def from_dict(data: Any) -> Document:
    """Validate a JSON object and build the Document it describes."""
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object, got {type(data).__name__}")
    data = upgrade(data)
    doc_id = _require(data, "id", str, "document")
    text = _require(data, "text", str, "document")
    reader = _Reader(len(text))
    ids: dict[str, set[str]] = {}
    layers = {layer.name: _read_layer(reader, layer, data, ids) for layer in LIST_LAYERS}
    return Document(
        id=doc_id,
        text=text,
        meta=_read_meta(data.get("meta")),
        byline=_read_byline(reader, data.get("byline")),
        sentences=tuple(reader.span(s, f"sentences[{i}]") for i, s in enumerate(reader.items(data, "sentences"))),
        tokens=tuple(reader.token(t, f"tokens[{i}]") for i, t in enumerate(reader.items(data, "tokens"))),
        **layers,  # type: ignore[arg-type]
    )


def from_json(raw: str | bytes) -> Document:
    """Parse and validate one JSON document; ``SchemaError`` names what is wrong."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"not valid JSON: {exc}") from exc
    except RecursionError:
        raise SchemaError(JSON_TOO_DEEP) from None
    return from_dict(data)
