"""The versioned JSON form of a Document: ``to_dict``/``to_json`` out, ``from_dict``/``from_json`` in.

The output carries the fields of the evaluation contract (``shared/eval/FORMAT.md``): entity ``name``
and quote ``speaker_text`` are derived from the offsets when writing and ignored when reading, so the
offsets stay the single truth. Reading validates everything (version, types, bounds, references) and
raises ``SchemaError`` naming the field at fault.
"""

from __future__ import annotations

import json
from typing import Any

from khabar.errors import JSON_TOO_DEEP, InvalidSpan, SchemaError
from khabar.model.document import (
    Byline,
    Diagnostic,
    Document,
    Entity,
    Meta,
    Place,
    Quote,
    QuoteKind,
    Span,
    TimeExpression,
    Token,
    TokenKind,
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


def _entity(entity: Entity, text: str) -> JsonObject:
    return {
        "id": entity.id,
        "label": entity.label,
        "type": entity.type,
        "name": entity.canonical.text_in(text),
        "canonical": _span(entity.canonical),
        "mentions": [_span(m) for m in entity.mentions],
        "roles": [{"start": r.start, "end": r.end, "text": r.text_in(text)} for r in entity.roles],
    }


def _quote(quote: Quote, text: str) -> JsonObject:
    return {
        "id": quote.id,
        "kind": quote.kind.value,
        "start": quote.content.start,
        "end": quote.content.end,
        "cue": _span(quote.cue),
        "speaker": quote.speaker_id,
        "speaker_text": quote.speaker.text_in(text) if quote.speaker else None,
        "speaker_span": _span(quote.speaker),
    }


def _place(place: Place) -> JsonObject:
    return {
        "entity": place.entity_id,
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "lat": place.latitude,  # the first spelling, kept for code that reads it (README: "Places and dates")
        "lon": place.longitude,
        "country": place.country_code,
        "feature": place.feature,
        "confidence": place.confidence,
        "geonames_id": place.geonames_id,
        "focus": place.focus,
    }


def _time(time: TimeExpression, text: str) -> JsonObject:
    return {
        "start": time.span.start,
        "end": time.span.end,
        "text": time.span.text_in(text),
        "type": time.type,
        "value": time.value,
        "resolved": time.resolved,
    }


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
        "entities": [_entity(e, text) for e in doc.entities],
        "quotes": [_quote(q, text) for q in doc.quotes],
        "places": [_place(p) for p in doc.places],
        "times": [_time(t, text) for t in doc.times],
        "diagnostics": [
            {"stage": d.stage, "code": d.code, "message": d.message, "span": _span(d.span)}
            for d in doc.diagnostics
        ],
    }
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


def _read_entities(reader: _Reader, data: JsonObject) -> tuple[Entity, ...]:
    entities = []
    for i, item in enumerate(reader.items(data, "entities")):
        where = f"entities[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where}: expected an object")
        mentions = tuple(reader.span(m, f"{where}.mentions[{j}]") for j, m in enumerate(item.get("mentions", [])))
        if not mentions:
            raise SchemaError(f"{where}: an entity needs at least one mention")
        canonical = reader.optional_span(item.get("canonical"), f"{where}.canonical") or max(mentions, key=len)
        roles = tuple(reader.span(r, f"{where}.roles[{j}]") for j, r in enumerate(item.get("roles", [])))
        entities.append(
            Entity(
                id=_require(item, "id", str, where),
                label=_require(item, "label", str, where),
                mentions=mentions,
                canonical=canonical,
                type=item.get("type"),
                roles=roles,
            )
        )
    return tuple(entities)


def _read_quotes(reader: _Reader, data: JsonObject, entity_ids: set[str]) -> tuple[Quote, ...]:
    quotes = []
    for i, item in enumerate(reader.items(data, "quotes")):
        where = f"quotes[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where}: expected an object")
        speaker_id = item.get("speaker")
        if speaker_id is not None and speaker_id not in entity_ids:
            raise SchemaError(f"{where}.speaker: no entity has id {speaker_id!r}")
        try:
            kind = QuoteKind(str(item.get("kind")))
        except ValueError as exc:
            raise SchemaError(f"{where}.kind: expected direct, indirect or mixed, got {item.get('kind')!r}") from exc
        quotes.append(
            Quote(
                id=_require(item, "id", str, where),
                kind=kind,
                content=reader.span(item, where),
                cue=reader.optional_span(item.get("cue"), f"{where}.cue"),
                speaker_id=speaker_id,
                speaker=reader.optional_span(item.get("speaker_span"), f"{where}.speaker_span"),
            )
        )
    return tuple(quotes)


def _read_places(reader: _Reader, data: JsonObject, entity_ids: set[str]) -> tuple[Place, ...]:
    places = []
    for i, item in enumerate(reader.items(data, "places")):
        where = f"places[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where}: expected an object")
        entity_id = _require(item, "entity", str, where)
        if entity_id not in entity_ids:
            raise SchemaError(f"{where}.entity: no entity has id {entity_id!r}")
        places.append(
            Place(
                entity_id=entity_id,
                name=_require(item, "name", str, where),
                latitude=float(_require(item, "latitude" if "latitude" in item else "lat", (int, float), where)),
                longitude=float(_require(item, "longitude" if "longitude" in item else "lon", (int, float), where)),
                country_code=item.get("country"),
                feature=_require(item, "feature", str, where),
                confidence=float(_require(item, "confidence", (int, float), where)),
                geonames_id=item.get("geonames_id"),
                focus=bool(item.get("focus", False)),
            )
        )
    return tuple(places)


def _read_times(reader: _Reader, data: JsonObject) -> tuple[TimeExpression, ...]:
    times = []
    for i, item in enumerate(reader.items(data, "times")):
        where = f"times[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where}: expected an object")
        times.append(
            TimeExpression(
                span=reader.span(item, where),
                type=_require(item, "type", str, where),
                value=_require(item, "value", str, where),
                resolved=bool(item.get("resolved", False)),
            )
        )
    return tuple(times)


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


def _read_diagnostics(reader: _Reader, data: JsonObject) -> tuple[Diagnostic, ...]:
    out = []
    for i, item in enumerate(reader.items(data, "diagnostics")):
        where = f"diagnostics[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(f"{where}: expected an object")
        out.append(
            Diagnostic(
                stage=_require(item, "stage", str, where),
                code=_require(item, "code", str, where),
                message=_require(item, "message", str, where),
                span=reader.optional_span(item.get("span"), f"{where}.span"),
            )
        )
    return tuple(out)


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
    entities = _read_entities(reader, data)
    ids = {e.id for e in entities}
    if len(ids) != len(entities):
        raise SchemaError("entities: ids must be unique")
    return Document(
        id=doc_id,
        text=text,
        meta=_read_meta(data.get("meta")),
        byline=_read_byline(reader, data.get("byline")),
        sentences=tuple(reader.span(s, f"sentences[{i}]") for i, s in enumerate(reader.items(data, "sentences"))),
        tokens=tuple(reader.token(t, f"tokens[{i}]") for i, t in enumerate(reader.items(data, "tokens"))),
        entities=entities,
        quotes=_read_quotes(reader, data, ids),
        places=_read_places(reader, data, ids),
        times=_read_times(reader, data),
        diagnostics=_read_diagnostics(reader, data),
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
