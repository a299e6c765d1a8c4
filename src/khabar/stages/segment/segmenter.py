"""The segmentation stage: tokens (with stems) and sentences, as spans into the raw text."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from khabar.model import Document, Token, TokenKind
from khabar.stages.segment.clitics import CliticSplitter, load_vocab
from khabar.stages.segment.sentences import split_sentences
from khabar.stages.segment.tokens import TOKEN, TOKEN_KINDS


def tokenise(text: str, splitter: CliticSplitter) -> tuple[Token, ...]:
    """Tokens of ``text``; each Arabic word's stem excludes its attached clitics.

    >>> from khabar.stages.segment.clitics import load_vocab
    >>> text = "ولبنان بالموصل"
    >>> [text[t.stem_start:t.stem_end] for t in tokenise(text, CliticSplitter(load_vocab()))]
    ['لبنان', 'الموصل']
    """
    word = TokenKind.WORD
    split = splitter.split
    kinds = TOKEN_KINDS
    new = tuple.__new__  # Token is a NamedTuple: skip its __new__ wrapper on this hot path
    tokens = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        kind = kinds[match.lastgroup]  # type: ignore[index]
        if kind is word:
            stem_start, stem_end = split(text[start:end])
            tokens.append(new(Token, (start, end, kind, start + stem_start, start + stem_end)))
        else:
            tokens.append(new(Token, (start, end, kind, start, end)))
    return tuple(tokens)


class Segmenter:
    """Fill ``tokens`` and ``sentences``."""

    name: ClassVar[str] = "segment"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"tokens", "sentences"})

    def __init__(self, splitter: CliticSplitter | None = None) -> None:
        self.splitter = splitter or CliticSplitter(load_vocab())

    def __call__(self, doc: Document) -> Document:
        tokens = tokenise(doc.text, self.splitter)
        return dataclasses.replace(doc, tokens=tokens, sentences=split_sentences(doc.text, tokens))
