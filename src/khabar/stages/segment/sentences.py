"""Find sentence boundaries in Arabic news text, given its tokens.

A sentence ends at a line break, or after . ! ? ؟ .. … (with any closing quotation marks or brackets
glued to them), also when scraped text glues the next sentence on without a space
("انتخابياً.وسيكون"). It does not end after an abbreviation or an initial ("د. محمد", "J. K.").
A quotation opened and closed on the same line is kept whole: its inner full stops do not split it,
so a direct quote stays in one sentence with its reporting verb and speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import chain

from khabar.model import Span, Token, TokenKind

TERMINALS = frozenset({".", "!", "?", "\u061f", "…"})
CLOSERS = frozenset({"»", "”", '"', ")", "]", "’", "'"})
# Words written before a full stop that does not end the sentence (titles, units, initials).
ABBREVIATIONS = frozenset(
    "د م أ ا ج ص ق ب ت ه هـ ع ش ك ط ح س ف ن ل ر ي و ز خ ض غ ظ ث ذ ة "
    "Mr Mrs Ms Dr Prof St Jr Sr No Co Inc Ltd vs Gen Col Lt Sgt Rev".split()
)
MAX_INITIAL = 4  # letters on each side of a full stop inside an initialism ("آر" in "تي.آر.تي", "السي" in "السي.آي.إيه")
_NEWLINES = re.compile(r"\n+")
_TERMINAL_CHAR = re.compile("[.!?\u061f…]")  # the first characters of the TERMINALS
_QUOTED = re.compile(r'«[^»\n]{1,2000}»|"[^"\n]{1,2000}"|“[^”\n]{1,2000}”')


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every quotation opened and closed on one line, marks included."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _is_terminal(text: str, token: Token) -> bool:
    if token.kind is not TokenKind.PUNCT:
        return False
    chars = text[token.start : token.end]
    return chars in TERMINALS or chars[0] in TERMINALS and chars.strip(".!?\u061f…") == ""


def _is_abbreviation(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether the full stop at ``index`` closes an abbreviation or an initial, or joins the letters of an
    initialism ("إن.تي.في", "تي.آر.تي", "سي.آي.إيه")."""
    if text[tokens[index].start : tokens[index].end] != "." or index == 0:
        return False
    before = tokens[index - 1]
    if before.end != tokens[index].start:
        return False  # "قال ." : a stray space before the stop; still an end
    word = text[before.start : before.end]
    if word in ABBREVIATIONS or (before.kind is TokenKind.LATIN and len(word) == 1 and word.isupper()):
        return True
    return _in_initialism(text, tokens, index)


def _glued_dot(text: str, tokens: Sequence[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and text[tokens[index].start : tokens[index].end] == "."


def _in_initialism(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether the full stop at ``index`` joins short letter groups, with another full stop next to them
    ("تي.آر.تي"; not "هنا.في", glued text that ends a sentence)."""
    if index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    glued = after.start == tokens[index].end and after.kind is not TokenKind.PUNCT
    short = before.end - before.start <= MAX_INITIAL and after.end - after.start <= MAX_INITIAL
    chained = (_glued_dot(text, tokens, index + 2) and tokens[index + 2].start == after.end
               or _glued_dot(text, tokens, index - 2) and tokens[index - 2].end == before.start)
    return glued and short and chained


def _inside(ranges: list[tuple[int, int]], range_starts: list[int], position: int) -> bool:
    """Whether ``position`` lies strictly inside one of the sorted, disjoint ``ranges``."""
    last = bisect_left(range_starts, position) - 1  # the last range opened before the position
    return last >= 0 and position < ranges[last][1] - 1


def _absorb_closers(text: str, tokens: Sequence[Token], index: int) -> int:
    """Extend a sentence end over closing marks glued to it (``البقاء".`` or ``(...).``)."""
    while index + 1 < len(tokens):
        nxt = tokens[index + 1]
        glued = nxt.start == tokens[index].end
        chars = text[nxt.start : nxt.end]
        if glued and (chars in CLOSERS or _is_terminal(text, nxt)):
            index += 1
        else:
            break
    return index


def _terminal_stops(text: str, tokens: Sequence[Token], starts: list[int], quoted: list[tuple[int, int]]) -> Iterator[int]:
    """Indices of the terminal punctuation tokens that end a sentence: not after an abbreviation, not
    inside a quotation (found from the text's terminal characters, a handful per article)."""
    quote_starts = [start for start, _ in quoted]
    for match in _TERMINAL_CHAR.finditer(text):
        index = bisect_left(starts, match.start())
        if index == len(tokens) or starts[index] != match.start():
            continue  # the second "." of a "..." token, or a "." inside a number or an address
        token = tokens[index]
        stops = _is_terminal(text, token) and not _is_abbreviation(text, tokens, index)
        if stops and not _inside(quoted, quote_starts, token.start):
            yield index


def _quote_closes(text: str, tokens: Sequence[Token], starts: list[int], quoted: list[tuple[int, int]]) -> Iterator[int]:
    """Indices of the closing marks of quotations whose last sentence ended inside them (``الموارد."``)."""
    for _, end in quoted:
        index = bisect_right(starts, end - 1) - 1  # the token holding the closing mark
        if index <= 0 or tokens[index].end != end or tokens[index].kind is not TokenKind.PUNCT:
            continue
        token = tokens[index]
        before = tokens[index - 1]
        if before.end == token.start and _is_terminal(text, before):
            yield index


def _line_ends(text: str, tokens: Sequence[Token], starts: list[int]) -> set[int]:
    """Indices of tokens followed by a line break (and of the last token)."""
    ends = {len(tokens) - 1}
    for newline in _NEWLINES.finditer(text):
        after = bisect_left(starts, newline.start())
        if after > 0:
            ends.add(after - 1)
    return ends


def split_sentences(text: str, tokens: Sequence[Token]) -> tuple[Span, ...]:
    """Group ``tokens`` into sentences; every token lies in exactly one sentence.

    >>> from khabar.stages.segment.tokens import iter_token_matches
    >>> text = "قال د. محمد إن الوضع صعب.وسيكون الاجتماع غدا"
    >>> tokens = [Token(s, e, k, s, e) for s, e, k in iter_token_matches(text)]
    >>> [text[s.start:s.end] for s in split_sentences(text, tokens)]
    ['قال د. محمد إن الوضع صعب.', 'وسيكون الاجتماع غدا']
    """
    if not tokens:
        return ()
    quoted = quoted_ranges(text)
    starts = [t.start for t in tokens]
    ends = _line_ends(text, tokens, starts)
    for index in chain(_terminal_stops(text, tokens, starts, quoted), _quote_closes(text, tokens, starts, quoted)):
        ends.add(_absorb_closers(text, tokens, index))
    sentences = []
    first = 0
    for last in sorted(ends):
        if last >= first:
            sentences.append(Span(tokens[first].start, tokens[last].end))
            first = last + 1
    return tuple(sentences)
