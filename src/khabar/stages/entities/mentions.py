"""Mentions: the tagger's BIO labels as character spans that exclude attached clitics, plus the byline's
place and outlet and aliases given in parentheses ("تنظيم الدولة الإسلامية (داعش)")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from khabar.model import Byline, Span, Token, TokenKind

OUTSIDE = "O"
OPENING_PARENS = frozenset("(")
CLOSING_PARENS = frozenset(")")
MAX_ALIAS_TOKENS = 3
NAME_PUNCTUATION = frozenset({"-", "‐", ".", "'", "’"})


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One mention of an entity, before clustering. ``source`` says what found it."""

    start: int
    end: int
    label: str
    source: str = "ner"  # ner | byline | alias

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def decode_bio(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, stop, label)`` token ranges from BIO labels; a stray ``I-`` starts a mention.

    >>> decode_bio(["O", "B-PER", "I-PER", "I-LOC", "O", "B-ORG"])
    [(1, 3, 'PER'), (3, 4, 'LOC'), (5, 6, 'ORG')]
    """
    ranges: list[tuple[int, int, str]] = []
    if labels.count("O") == len(labels):
        return ranges  # most sentences name no one
    first, current = -1, ""
    for index, tag in enumerate(labels):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == current
        if first >= 0 and not continues:
            ranges.append((first, index, current))
            first, current = -1, ""
        if prefix in ("B", "I") and not continues:
            first, current = index, label
    if first >= 0:
        ranges.append((first, len(labels), current))
    return ranges


def _word_edges(tokens: Sequence[Token], first: int, stop: int) -> tuple[int, int] | None:
    """Drop punctuation and symbols at the edges of a token range; None if nothing is left."""
    while first < stop and tokens[first].kind in (TokenKind.PUNCT, TokenKind.SYMBOL):
        first += 1
    while stop > first and tokens[stop - 1].kind in (TokenKind.PUNCT, TokenKind.SYMBOL):
        stop -= 1
    return (first, stop) if first < stop else None


def name_start(text: str, token: Token) -> int:
    """Where a name in ``token`` starts: after its proclitics (و ب ل ...), except after "لل", where the
    article's alef is not written ("للعراق"): the name then keeps the lam, as no substring of the token is
    the name with its article (score.py and the guidelines read "لل" as "ال")."""
    if token.stem_start - token.start >= 1 and text[token.stem_start - 1] == "ل" and text.startswith("ل", token.stem_start):
        return token.stem_start - 1  # "وللموصل" → "للموصل"
    return token.stem_start


def mention_from_tokens(text: str, tokens: Sequence[Token], first: int, stop: int, label: str,
                        source: str = "ner") -> Mention | None:
    """The mention over ``tokens[first:stop]``: it starts at the first token's name (``name_start``)."""
    edges = _word_edges(tokens, first, stop)
    if edges is None:
        return None
    first, stop = edges
    return Mention(name_start(text, tokens[first]), tokens[stop - 1].end, label, source)


def _pieces(text: str, tokens: Sequence[Token], first: int, stop: int) -> list[tuple[int, int]]:
    """A token range cut at punctuation inside it ('منظمة "هيومن رايتس ووتش' → two pieces); hyphens,
    dots and apostrophes stay inside names ("جان-إيف", "د.ب.أ")."""
    pieces, start = [], first
    for index in range(first, stop):
        token = tokens[index]
        if token.kind is TokenKind.PUNCT and text[token.start : token.end] not in NAME_PUNCTUATION:
            pieces.append((start, index))
            start = index + 1
    pieces.append((start, stop))
    return [(a, b) for a, b in pieces if a < b]


def tagged_mentions(sentences: Sequence[Sequence[Token]], labels: Sequence[Sequence[str]], text: str) -> list[Mention]:
    """Mentions from per-sentence tokens and their BIO labels, cut at inner punctuation.

    Of a range cut in pieces, the last piece is the name ("منظمة "هيومن رايتس ووتش"" → "هيومن رايتس ووتش")
    unless an earlier piece is longer.
    """
    mentions = []
    for tokens, tags in zip(sentences, labels, strict=True):
        for first, stop, label in decode_bio(tags):
            pieces = _pieces(text, tokens, first, stop)
            a, b = max(reversed(pieces), key=lambda piece: piece[1] - piece[0]) if pieces else (first, stop)
            mention = mention_from_tokens(text, tokens, a, b, label)
            if mention is not None:
                mentions.append(mention)
    return mentions


def byline_mentions(byline: Byline | None) -> list[Mention]:
    """The byline's place (LOC) and outlet (ORG) as mentions. Its author is a credit, not a name the news
    mentions (the gold leaves bylines' authors out): ``Document.byline`` keeps it."""
    if byline is None:
        return []
    parts = ((byline.place, "LOC"), (byline.outlet, "ORG"))
    return [Mention(span.start, span.end, label, "byline") for span, label in parts if span is not None]


def without_author(mentions: Sequence[Mention], byline: Byline | None) -> list[Mention]:
    """The mentions that do not overlap the byline's author (``byline_mentions`` says why)."""
    author = byline.author if byline is not None else None
    if author is None:
        return list(mentions)
    return [m for m in mentions if m.end <= author.start or author.end <= m.start]


def parenthesised_aliases(text: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """``(name, alias)`` pairs for a mention followed by a short parenthesised name: "... (داعش)".

    The alias is a new mention with the name's label when the tagger did not find it itself.
    """
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    pairs = []
    for index, token in enumerate(tokens):
        name = by_end.get(token.end)
        if name is None or index + 2 >= len(tokens) or text[tokens[index + 1].start] not in OPENING_PARENS:
            continue
        close = next((j for j in range(index + 2, min(index + 3 + MAX_ALIAS_TOKENS, len(tokens)))
                      if text[tokens[j].start] in CLOSING_PARENS), None)
        if close is None or close == index + 2:
            continue
        inner = tokens[index + 2 : close]
        if any(t.kind not in (TokenKind.WORD, TokenKind.LATIN) for t in inner):
            continue
        alias = by_start.get(inner[0].stem_start) or Mention(inner[0].stem_start, inner[-1].end, name.label, "alias")
        if alias.label == name.label:  # "الولايات المتحدة (CNN)" is a dateline and its outlet, not an alias
            pairs.append((name, alias))
    return pairs
