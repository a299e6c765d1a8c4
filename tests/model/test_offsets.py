"""check_offsets: every layer in bounds, sentences and tokens sorted, tokens inside sentences."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.errors import OffsetError
from khabar.model import Document, Entity, Span, Token, all_spans, check_offsets

TEXT = "قال الوزير. ثم غادر"


def test_a_well_formed_document_passes() -> None:
    doc = Document(id="d", text=TEXT, sentences=(Span(0, 11), Span(12, 19)),
                   tokens=(Token.plain(0, 3), Token.plain(4, 10), Token.plain(10, 11), Token.plain(12, 14), Token.plain(15, 19)))
    check_offsets(doc)
    assert len(list(all_spans(doc))) == 7


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (Document(id="d", text=TEXT, sentences=(Span(0, 40),)), "beyond the text's length"),
        (Document(id="d", text=TEXT, sentences=(Span(5, 9), Span(0, 4))), "overlaps or precedes"),
        (Document(id="d", text=TEXT, sentences=(Span(0, 5),), tokens=(Token.plain(4, 10),)), "not inside a sentence"),
        (Document(id="d", text=TEXT, sentences=(Span(0, 5),), tokens=(Token.plain(12, 14),)), "after the last sentence"),
        (Document(id="d", text=TEXT, tokens=(Token(0, 3, Token.plain(0, 1).kind, 2, 2),)), "stem"),
        (Document(id="d", text=TEXT, entities=(Entity("e1", "PER", (Span(0, 99),), Span(0, 3)),)), "entities"),
    ],
)
def test_broken_layers_are_named(doc: Document, message: str) -> None:
    with pytest.raises(OffsetError, match=message):
        check_offsets(doc)


def _valid_by_definition(text: str, sentences: list[Span], tokens: list[Token]) -> bool:
    """The invariants spelled out plainly: in bounds, sorted, stems inside tokens, tokens inside sentences."""
    in_bounds = all(span.end <= len(text) for span in [*sentences, *tokens])
    ordered = all(a.end <= b.start for layer in (sentences, tokens) for a, b in itertools.pairwise(layer))
    shaped = all(t.start <= t.stem_start < t.stem_end <= t.end for t in tokens)
    contained = not sentences or all(any(s.start <= t.start and t.end <= s.end for s in sentences) for t in tokens)
    return in_bounds and ordered and shaped and contained


_OFFSET = st.integers(min_value=0, max_value=24)


@st.composite
def _token(draw: st.DrawFn) -> Token:
    start, stem_start, stem_end, end = sorted(draw(st.lists(_OFFSET, min_size=4, max_size=4)))
    if draw(st.booleans()):  # most tokens well formed, some with a stem outside or empty
        stem_start, stem_end = draw(_OFFSET), draw(_OFFSET)
    return Token(start, end, Token.plain(0, 1).kind, stem_start, stem_end)


@st.composite
def _layers(draw: st.DrawFn) -> tuple[list[Span], list[Token]]:
    bounds = draw(st.lists(st.tuples(_OFFSET, _OFFSET).filter(lambda b: b[0] < b[1]), max_size=4))
    sentences = [Span(a, b) for a, b in bounds]
    tokens = draw(st.lists(_token(), max_size=8))
    if draw(st.booleans()):  # sorted layers: the common, valid-looking case
        sentences.sort(key=lambda s: (s.start, s.end))
        tokens.sort()
    return sentences, tokens


@settings(max_examples=400, deadline=None)
@given(_layers())
def test_the_checks_accept_exactly_the_valid_layers(layers: tuple[list[Span], list[Token]]) -> None:
    sentences, tokens = layers
    text = "قال الوزير إن المفاوضات"[:16]
    doc = Document(id="d", text=text, sentences=tuple(sentences), tokens=tuple(tokens))
    if _valid_by_definition(text, sentences, tokens):
        check_offsets(doc)
    else:
        with pytest.raises(OffsetError):
            check_offsets(doc)
