"""The layer declarations (model/layers.py) cover the model, and the JSON, offsets and API follow them."""

from __future__ import annotations

import dataclasses

import pytest

from khabar.errors import OffsetError, SchemaError
from khabar.model import LIST_LAYERS, Document, Span, check_offsets, from_dict, from_json, to_dict, to_json
from khabar.model.layers import INLINE_KINDS, Kind
from khabar.model.offsets import LAYERS


def test_every_tuple_field_of_the_document_is_a_declared_layer() -> None:
    declared = {layer.name for layer in LIST_LAYERS}
    item_layers = {
        f.name for f in dataclasses.fields(Document) if str(f.type).startswith("tuple[") and f.name not in ("sentences", "tokens")
    }
    assert item_layers == declared
    assert set(LAYERS) == {"byline", "sentences", "tokens", *declared}


@pytest.mark.parametrize("layer", LIST_LAYERS, ids=lambda layer: layer.name)
def test_every_attribute_of_an_item_is_declared_once(layer) -> None:  # type: ignore[no-untyped-def]
    attrs = [f.attr for f in layer.fields if f.attr]
    assert sorted(attrs) == sorted(f.name for f in dataclasses.fields(layer.item))
    keys = [f.key for f in layer.fields if f.kind not in INLINE_KINDS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("layer", LIST_LAYERS, ids=lambda layer: layer.name)
def test_references_point_to_earlier_layers(layer) -> None:  # type: ignore[no-untyped-def]
    earlier = [other.name for other in LIST_LAYERS[: LIST_LAYERS.index(layer)]]
    assert all(f.refers_to in earlier for f in layer.fields if f.refers_to)


@pytest.mark.parametrize("layer", LIST_LAYERS, ids=lambda layer: layer.name)
def test_written_keys_are_the_declared_keys(layer, full_document: Document) -> None:  # type: ignore[no-untyped-def]
    doc = full_document
    items = to_dict(doc)[layer.name]
    assert items, f"the sample document has no {layer.name}"
    expected = {f.key for f in layer.fields if f.kind not in INLINE_KINDS}
    for field in layer.fields:
        if field.kind in INLINE_KINDS:
            expected |= {"start", "end"} | ({"text"} if field.kind is Kind.INLINE_TEXT_SPAN else set())
    assert all(set(item) == expected for item in items)


def test_a_document_with_every_layer_round_trips(full_document: Document) -> None:
    doc = full_document
    assert all(getattr(doc, layer.name) for layer in LIST_LAYERS)
    assert from_json(to_json(doc)) == doc


@pytest.mark.parametrize(
    ("layer", "field"),
    [(layer, field) for layer in LIST_LAYERS for field in layer.span_fields],
    ids=lambda x: getattr(x, "name", None) or getattr(x, "attr", ""),
)
def test_every_declared_span_is_checked(layer, field, full_document: Document) -> None:  # type: ignore[no-untyped-def]
    doc = full_document
    beyond = Span(len(doc.text), len(doc.text) + 5)
    item = getattr(doc, layer.name)[0]
    value = (beyond,) if field.kind in (Kind.SPANS, Kind.TEXT_SPANS) else beyond
    broken = dataclasses.replace(doc, **{layer.name: (dataclasses.replace(item, **{field.attr: value}),)})
    with pytest.raises(OffsetError, match=layer.name):
        check_offsets(broken, [layer.name])


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["events"][0].update(type="FIGHT"), r"events\[0\].type: expected AGREE, .* or ASSAULT"),
        (lambda d: d["events"][0].update(mode="rumoured"), r"events\[0\].mode"),
        (lambda d: d["events"][0].update(actor="e9"), r"events\[0\].actor: no entity has id 'e9'"),
        (lambda d: d["events"][0].update(quote="q7"), r"events\[0\].quote: no quote has id 'q7'"),
        (lambda d: d["events"][0].update(trigger={"start": 3, "end": 9000}), r"events\[0\].trigger"),
        (lambda d: d["events"][0].pop("trigger"), r"events\[0\].trigger"),
        (lambda d: d["places"][0].update(latitude="north"), r"places\[0\].latitude: expected float"),
        (lambda d: d["places"][0].update(focus=None), r"places\[0\].focus: must not be null"),
        (lambda d: d["times"][0].update(resolved=1), r"times\[0\].resolved: expected bool"),
        (lambda d: d["quotes"].append(dict(d["quotes"][0])), r"quotes: ids must be unique"),
    ],
)
def test_reading_follows_the_declaration(mutate, message: str, full_document: Document) -> None:  # type: ignore[no-untyped-def]
    data = to_dict(full_document)
    mutate(data)
    with pytest.raises(SchemaError, match=message):
        from_dict(data)


def test_an_older_key_is_read_when_the_new_one_is_missing(full_document: Document) -> None:
    data = to_dict(full_document)
    place = data["places"][0]
    place["lat"], place["lon"] = place.pop("latitude"), place.pop("longitude")
    assert from_dict(data) == full_document


def test_optional_fields_may_be_missing(full_document: Document) -> None:
    data = to_dict(full_document)
    for key in ("mode", "actor", "actor_span", "target", "target_span", "place", "date", "date_span", "quote"):
        data["events"][0].pop(key)
    event = from_dict(data).events[0]
    assert (event.mode, event.actor_id, event.quote_id) == ("occurred", None, None)
