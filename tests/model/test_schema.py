"""The JSON form: versioned, round-trips, and refuses what does not follow the schema."""

from __future__ import annotations

import json

import pytest

from khabar.errors import SchemaError
from khabar.model import (
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
    from_dict,
    from_json,
    to_dict,
    to_json,
)

TEXT = "باريس ـ المغرب اليوم\nقال لو دريان إن الوضع صعب."


def full_document() -> Document:
    return Document(
        id="seed",
        text=TEXT,
        meta=Meta(source="seed.txt", encoding="utf-8", published="2016-10-26"),
        byline=Byline(span=Span(0, 20), place=Span(0, 5), outlet=Span(8, 20)),
        sentences=(Span(0, 20), Span(21, 47)),
        tokens=(Token.plain(0, 5), Token(21, 24, TokenKind.WORD, 21, 24), Token(46, 47, TokenKind.PUNCT, 46, 47)),
        entities=(
            Entity("e1", "PER", (Span(25, 33),), Span(25, 33), type="person"),
            Entity("e2", "LOC", (Span(0, 5),), Span(0, 5), type="city"),
        ),
        quotes=(Quote("q1", QuoteKind.INDIRECT, Span(34, 46), Span(21, 24), "e1", Span(25, 33)),),
        places=(Place("e2", "Paris", 48.85, 2.35, "FR", "city", 0.9, 2988507, True),),
        times=(TimeExpression(Span(21, 24), "DATE", "2016-10-25", True),),
        diagnostics=(Diagnostic("quotes", "unbalanced_quote", "a « without »", Span(21, 24)),),
    )


def test_round_trip_equals() -> None:
    doc = full_document()
    assert from_json(to_json(doc)) == doc


def test_output_carries_the_evaluation_contract() -> None:
    data = json.loads(to_json(full_document()))
    assert data["schema"] == 1
    assert data["entities"][0]["name"] == "لو دريان"
    assert data["entities"][0]["mentions"] == [{"start": 25, "end": 33}]
    quote = data["quotes"][0]
    assert (quote["kind"], quote["start"], quote["end"], quote["speaker"]) == ("indirect", 34, 46, "e1")
    assert quote["cue"] == {"start": 21, "end": 24}
    assert quote["speaker_text"] == "لو دريان"


def test_json_is_readable_arabic_with_sorted_keys() -> None:
    out = to_json(full_document())
    assert "باريس" in out and "\\u" not in out
    assert out.index('"byline"') < out.index('"text"')


def test_tokens_can_be_left_out() -> None:
    assert "tokens" not in to_dict(full_document(), tokens=False)


def _broken(mutate) -> dict:  # type: ignore[no-untyped-def]
    data = to_dict(full_document())
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
def test_from_dict_names_the_field_at_fault(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SchemaError, match=message):
        from_dict(_broken(mutate))


def test_from_json_refuses_invalid_json() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json("{not json")
    with pytest.raises(SchemaError, match="expected a JSON object"):
        from_json("[1, 2]")
    with pytest.raises(SchemaError, match="nested too deeply"):  # once a RecursionError
        from_json("[" * 100_000 + "]" * 100_000)
