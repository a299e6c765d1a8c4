"""Fixtures for the model tests: a small Document with every layer filled."""

from __future__ import annotations

import pytest

from khabar.model import (
    Byline,
    Diagnostic,
    Document,
    Entity,
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

TEXT = "باريس ـ المغرب اليوم\nقال لو دريان إن الوضع صعب."


@pytest.fixture()
def full_document() -> Document:
    """Every field of every layer filled (the byline, sentences and tokens too)."""
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
        events=(
            Event("v1", "DEMAND", Span(21, 24), EventMode.OCCURRED, "e1", Span(25, 33), None, Span(0, 5), "e2",
                  "2016-10-25", Span(21, 24), "q1"),
        ),
        diagnostics=(Diagnostic("quotes", "unbalanced_quote", "a « without »", Span(21, 24)),),
    )


