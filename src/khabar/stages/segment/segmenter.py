"""The segmentation stage: tokens (with stems) and sentences, as spans into the raw text."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any, ClassVar

from khabar.model import Document, Token, TokenKind
from khabar.stages.segment._layout import lay_out
from khabar.stages.segment.clitics import (
    CLITIC_RULES,
    NEVER_SPLIT,
    CliticSplitter,
    Relative,
    shipped_vocab,
)
from khabar.stages.segment.sentences import split_sentences
from khabar.stages.segment.tokens import ARABIC_WORD, GLUED_MARKS, MARKED_WORD, TOKEN, TOKEN_KINDS

_CHUNK = re.compile(r"\S+")

# what the C loop reads of the splitter: (vocab, never_split, ratio, min_count, word kind, punct kind,
# clitics.CLITIC_RULES, tokens.GLUED_MARKS): the rules as data, no copy of them in C
SplitRules = tuple[dict[str, int], frozenset[str], float, int, TokenKind, TokenKind, tuple[Any, ...], str]


def tokenise(text: str, splitter: CliticSplitter, compiled: bool = True) -> tuple[Token, ...]:
    """Tokens of ``text``; each Arabic word's stem excludes its attached clitics.

    No token crosses whitespace, so each whitespace-separated chunk ("بالموصل،") is tokenised once and its
    tokens, relative to the chunk, are remembered: running text repeats its chunks, and a repeated chunk
    costs one look-up and the additions that place its tokens. The C loop also tokenises the commonest new
    chunks itself (a word of plain letters, bare or with a mark glued on), splitting by the splitter's rules.
    ``compiled=False`` runs the same loop in Python: the reference the tests hold the C loop to.

    >>> from khabar.stages.segment.clitics import load_vocab
    >>> text = "ولبنان بالموصل"
    >>> [text[t.stem_start:t.stem_end] for t in tokenise(text, CliticSplitter(load_vocab()))]
    ['لبنان', 'الموصل']
    """
    cache = splitter.chunks
    if compiled:
        return lay_out(text, cache, functools.partial(_resolve, splitter), Token, split_rules(splitter))
    new = tuple.__new__  # Token is a NamedTuple: skip its __new__ wrapper on this hot path
    tokens: list[Token] = []
    append = tokens.append
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        relative = cache.recent.get(chunk)  # the common case: a chunk seen lately, one dict look-up
        if relative is None:
            relative = _resolve(splitter, chunk)
        offset = match.start()
        for start, end, kind, stem_start, stem_end in relative:
            append(new(Token, (offset + start, offset + end, kind, offset + stem_start, offset + stem_end)))
    return tuple(tokens)


def split_rules(splitter: CliticSplitter) -> SplitRules:
    """What the C loop needs to split a word as ``splitter.split`` does: its thresholds and the rules as data."""
    return (splitter.vocab, NEVER_SPLIT, float(splitter.ratio), int(splitter.min_count), TokenKind.WORD,
            TokenKind.PUNCT, CLITIC_RULES, GLUED_MARKS)


def _resolve(splitter: CliticSplitter, chunk: str) -> Relative:
    """A chunk's tokens from the memo's older generation, or worked out and remembered."""
    relative = splitter.chunks.get(chunk)
    if relative is None:
        relative = _tokenise_chunk(chunk, splitter)
        splitter.chunks.put(chunk, relative)
    return relative


def _tokenise_chunk(chunk: str, splitter: CliticSplitter) -> Relative:
    """The tokens of one chunk without whitespace, offsets relative to it.

    A chunk of several tokens ("بالموصل،") looks its words up in the memo as chunks of their own, so a word
    is split once however it is written.
    """
    if ARABIC_WORD.fullmatch(chunk):  # most chunks: one Arabic word, which TOKEN would match whole
        stem_start, stem_end = splitter.split(chunk)
        return ((0, len(chunk), TokenKind.WORD, stem_start, stem_end),)
    marked = MARKED_WORD.fullmatch(chunk)
    if marked is not None:  # most other chunks: a word with a mark glued on ("الموصل،", "«نحن", "(رويترز)")
        return _marked_word(chunk, marked, splitter)
    kinds = TOKEN_KINDS
    out: list[tuple[int, int, TokenKind, int, int]] = []
    for match in TOKEN.finditer(chunk):
        start, end = match.span()
        kind = kinds[match.lastgroup]  # type: ignore[index]
        if kind is TokenKind.WORD:
            _, _, _, stem_start, stem_end = _word_tokens(splitter, match.group())[0]
            out.append((start, end, kind, start + stem_start, start + stem_end))
        else:
            out.append((start, end, kind, start, end))
    return tuple(out)


def _marked_word(chunk: str, marked: re.Match[str], splitter: CliticSplitter) -> Relative:
    """The tokens TOKEN finds in a MARKED_WORD chunk: the opening mark, the word, the closing mark."""
    start, end = marked.span("word")
    _, _, _, stem_start, stem_end = _word_tokens(splitter, marked.group("word"))[0]
    word = (start, end, TokenKind.WORD, start + stem_start, start + stem_end)
    opening = ((0, 1, TokenKind.PUNCT, 0, 1),) if start else ()
    closing = ((end, end + 1, TokenKind.PUNCT, end, end + 1),) if end < len(chunk) else ()
    return (*opening, word, *closing)


def _word_tokens(splitter: CliticSplitter, word: str) -> Relative:
    """A word's tokens as a chunk of its own, from the memo (so a word is split once however it is written)."""
    return splitter.chunks.recent.get(word) or _resolve(splitter, word)


class Segmenter:
    """Fill ``tokens`` and ``sentences``."""

    name: ClassVar[str] = "segment"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"tokens", "sentences"})

    def __init__(self, splitter: CliticSplitter | None = None) -> None:
        self.splitter = splitter or CliticSplitter(shipped_vocab())

    def __call__(self, doc: Document) -> Document:
        tokens = tokenise(doc.text, self.splitter)
        return dataclasses.replace(doc, tokens=tokens, sentences=split_sentences(doc.text, tokens))
