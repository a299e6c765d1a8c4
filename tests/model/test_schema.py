"""The JSON form: versioned, round-trips, and refuses what does not follow the schema."""

from __future__ import annotations

import json

import pytest

from khabar.errors import SchemaError
from khabar.model import (
    Document,
    from_dict,
    from_json,
    to_dict,
    to_json,
)


def test_round_trip_equals(full_document: Document) -> None:
    doc = full_document
    assert from_json(to_json(doc)) == doc


def test_output_carries_the_evaluation_contract(full_document: Document) -> None:
    data = json.loads(to_json(full_document))
    assert data["schema"] == 1
    assert data["entities"][0]["name"] == "لو دريان"
    assert data["entities"][0]["mentions"] == [{"start": 25, "end": 33}]
    quote = data["quotes"][0]
    assert (quote["kind"], quote["start"], quote["end"], quote["speaker"]) == ("indirect", 34, 46, "e1")
    assert quote["cue"] == {"start": 21, "end": 24}
    assert quote["speaker_text"] == "لو دريان"


def test_json_is_readable_arabic_with_sorted_keys(full_document: Document) -> None:
    out = to_json(full_document)
    assert "باريس" in out and "\\u" not in out
    assert out.index('"byline"') < out.index('"text"')


def test_tokens_can_be_left_out(full_document: Document) -> None:
    assert "tokens" not in to_dict(full_document, tokens=False)


def _broken(mutate, doc: Document) -> dict:  # type: ignore[no-untyped-def]
    data = to_dict(doc)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema=99), r"unknown version 99"),
        (lambda d: d.pop("schema"), r"unknown version None"),
        (lambda d: d.update(id=5), r"document.id"),
        (lambda d: d["sentences"].append([40, 4000]), r"sentences\[2\]: end 4000 is beyond"),
        (lambda d: d["entities"][0]["mentions"].append({"start": 9, "end": 3}), r"entities\[0\].mentions\[1\]"),
        (lambda d: d["quotes"][0].update(speaker="e9"), r"no entity has id 'e9'"),
        (lambda d: d["quotes"][0].update(kind="rumour"), r"direct, indirect or mixed"),
        (lambda d: d["tokens"].append([0, 5, "word", 3, 9]), r"stem"),
        (lambda d: d["tokens"].append([0, 5, "glyph"]), r"unknown token kind"),
        (lambda d: d["places"][0].update(entity="e7"), r"places\[0\].entity"),
        (lambda d: d["meta"].update(title=3), r"meta.title"),
        (lambda d: d["entities"].append(dict(d["entities"][0])), r"ids must be unique"),
    ],
)
def test_from_dict_names_the_field_at_fault(mutate, message: str, full_document: Document) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SchemaError, match=message):
        from_dict(_broken(mutate, full_document))


def test_from_json_refuses_invalid_json() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json("{not json")
    with pytest.raises(SchemaError, match="expected a JSON object"):
        from_json("[1, 2]")
    with pytest.raises(SchemaError, match="nested too deeply"):  # once a RecursionError
        from_json("[" * 100_000 + "]" * 100_000)
