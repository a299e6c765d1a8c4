"""check_offsets: every layer in bounds, sentences and tokens sorted, tokens inside sentences."""

from __future__ import annotations

import pytest

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
