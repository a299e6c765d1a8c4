"""The Document model: spans validate themselves, tokens carry their stems, lookups by id."""

from __future__ import annotations

import dataclasses

import pytest

from khabar.errors import InvalidSpan
from khabar.model import Document, Entity, Span, Token, TokenKind


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2)])
def test_span_rejects_impossible_offsets(start: int, end: int) -> None:
    with pytest.raises(InvalidSpan, match=r"invalid span"):
        Span(start, end)


def test_span_relations() -> None:
    outer, inner, other = Span(0, 10), Span(2, 5), Span(9, 12)
    assert outer.contains(inner) and not inner.contains(outer)
    assert outer.overlaps(other) and not inner.overlaps(other)
    assert len(outer) == 10
    assert Span(4, 12).text_in("قال لو دريان") == "لو دريان"


def test_token_stem_excludes_clitics() -> None:
    text = "بالموصل"
    token = Token(0, 7, TokenKind.WORD, 1, 7)
    assert token.has_clitics
    assert text[token.stem.start : token.stem.end] == "الموصل"
    assert not Token.plain(0, 3).has_clitics


def test_document_is_frozen_and_finds_entities_by_id() -> None:
    entity = Entity(id="e1", label="LOC", mentions=(Span(0, 5),), canonical=Span(0, 5))
    doc = Document(id="d", text="باريس عاصمة", entities=(entity,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert doc.entity("e1") is entity
    assert doc.text_of(entity.canonical) == "باريس"
    with pytest.raises(KeyError):
        doc.entity("e9")
