"""Offset invariants every Document keeps, checked by the pipeline after each stage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.errors import OffsetError
from khabar.model.document import Document, Span, Token
from khabar.model.layers import LIST_LAYERS

_LIST_LAYERS = {layer.name: layer for layer in LIST_LAYERS}
LAYERS = ("byline", "sentences", "tokens", *_LIST_LAYERS)


def layer_spans(doc: Document, layer: str) -> Iterator[Span | Token]:
    """Every span one layer of ``doc`` holds."""
    if layer == "byline" and doc.byline is not None:
        yield doc.byline.span
        yield from (s for s in (doc.byline.place, doc.byline.outlet, doc.byline.author) if s is not None)
    elif layer in ("sentences", "tokens"):
        yield from getattr(doc, layer)
    elif layer in _LIST_LAYERS:
        yield from _LIST_LAYERS[layer].spans(doc)


def all_spans(doc: Document) -> Iterator[Span | Token]:
    """Every span in every layer of ``doc``."""
    for layer in LAYERS:
        yield from layer_spans(doc, layer)


def _check_sorted(spans: tuple[Span | Token, ...], layer: str) -> None:
    previous_end = 0
    for span in spans:
        if span.start < previous_end:
            raise OffsetError(f"{layer}: [{span.start}, {span.end}) overlaps or precedes the previous one")
        previous_end = span.end


def _check_token_shapes(tokens: tuple[Token, ...]) -> None:
    for token in tokens:
        if not 0 <= token.start <= token.stem_start < token.stem_end <= token.end:
            raise OffsetError(
                f"tokens: [{token.start}, {token.end}) with stem [{token.stem_start}, {token.stem_end}) "
                "is empty or its stem lies outside it"
            )


def _check_tokens_in_sentences(doc: Document) -> None:
    if not doc.sentences:
        return
    sentences = iter(doc.sentences)
    sentence = next(sentences)
    for token in doc.tokens:
        while token.start >= sentence.end:
            following = next(sentences, None)
            if following is None:
                raise OffsetError(f"tokens: [{token.start}, {token.end}) lies after the last sentence")
            sentence = following
        if not (sentence.start <= token.start and token.end <= sentence.end):
            raise OffsetError(f"tokens: [{token.start}, {token.end}) is not inside a sentence")


def _tokens_well_formed(doc: Document) -> bool:
    """One pass over the tokens: sorted, none empty, each stem inside its token, each token inside a sentence
    (the sentences sorted too) and the last one within the text. False sends ``check_offsets`` to the
    checks above, which name what is wrong."""
    sentences = iter(doc.sentences)
    sentence_start, sentence_end = 0, -1
    previous_sentence_end = 0
    previous_end = 0
    for start, end, _, stem_start, stem_end in doc.tokens:
        if not previous_end <= start <= stem_start < stem_end <= end:
            return False
        previous_end = end
        while start >= sentence_end:
            sentence = next(sentences, None)
            if sentence is None or sentence.start < previous_sentence_end:
                return False
            sentence_start, sentence_end = sentence.start, sentence.end
            previous_sentence_end = sentence_end
        if start < sentence_start or end > sentence_end:
            return False
    for sentence in sentences:  # the sentences after the last token
        if sentence.start < previous_sentence_end:
            return False
        previous_sentence_end = sentence.end
    return previous_end <= len(doc.text) and previous_sentence_end <= len(doc.text)


def check_offsets(doc: Document, layers: Iterable[str] = LAYERS) -> None:
    """Raise ``OffsetError`` unless the given layers of ``doc`` are in bounds and well ordered.

    Sentences and tokens must be sorted and must not overlap; every token must lie in a sentence.
    """
    length = len(doc.text)
    layers = tuple(layers)
    in_sentences = "tokens" in layers or "sentences" in layers  # whether to check that tokens lie in sentences
    if in_sentences and doc.tokens and doc.sentences and _tokens_well_formed(doc):
        layers = tuple(layer for layer in layers if layer not in ("tokens", "sentences"))  # all checked at once
        in_sentences = False
    for layer in layers:
        for span in layer_spans(doc, layer):
            if span.end > length:
                raise OffsetError(f"{layer}: [{span.start}, {span.end}) ends beyond the text's length {length}")
    for layer in ("sentences", "tokens"):
        if layer in layers:
            _check_sorted(getattr(doc, layer), layer)
    if "tokens" in layers:
        _check_token_shapes(doc.tokens)
    if in_sentences:
        _check_tokens_in_sentences(doc)
