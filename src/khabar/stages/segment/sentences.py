"""Find sentence boundaries in Arabic news text, given its tokens.

A sentence ends at a line break, or after . ! ? ؟ .. … (with any closing quotation marks or brackets
glued to them), also when scraped text glues the next sentence on without a space
("انتخابياً.وسيكون"). It does not end after an abbreviation or an initial ("د. محمد", "J. K.").
A quotation opened and closed on the same line is kept whole: its inner full stops do not split it,
so a direct quote stays in one sentence with its reporting verb and speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from khabar.model import Span, Token, TokenKind

TERMINALS = frozenset({".", "!", "?", "\u061f", "…"})
CLOSERS = frozenset({"»", "”", '"', ")", "]", "’", "'"})
# Words written before a full stop that does not end the sentence (titles, units, initials).
ABBREVIATIONS = frozenset(
    "د م أ ا ج ص ق ب ت ه هـ ع ش ك ط ح س ف ن ل ر ي و ز خ ض غ ظ ث ذ ة "
    "Mr Mrs Ms Dr Prof St Jr Sr No Co Inc Ltd vs Gen Col Lt Sgt Rev".split()
)
_NEWLINES = re.compile(r"\n+")
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
    """Whether the full stop at ``index`` closes an abbreviation or an initial."""
    if text[tokens[index].start : tokens[index].end] != "." or index == 0:
        return False
    before = tokens[index - 1]
    if before.end != tokens[index].start:
        return False  # "قال ." : a stray space before the stop; still an end
    word = text[before.start : before.end]
    return word in ABBREVIATIONS or (before.kind is TokenKind.LATIN and len(word) == 1 and word.isupper())


def _inside(ranges: list[tuple[int, int]], position: int, cursor: list[int]) -> bool:
    """Whether ``position`` lies strictly inside one of the sorted ``ranges`` (cursor moves forward)."""
    while cursor[0] < len(ranges) and ranges[cursor[0]][1] <= position:
        cursor[0] += 1
    return cursor[0] < len(ranges) and ranges[cursor[0]][0] < position < ranges[cursor[0]][1] - 1


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


def _ends_after(text: str, tokens: Sequence[Token], index: int, quoted: list[tuple[int, int]], cursor: list[int]) -> int | None:
    """If a sentence ends at token ``index``, the index of its last token; otherwise None."""
    token = tokens[index]
    if _closes_terminal_quote(text, tokens, index, quoted, cursor):
        return _absorb_closers(text, tokens, index)
    if not _is_terminal(text, token) or _is_abbreviation(text, tokens, index):
        return None
    if _inside(quoted, token.start, cursor):
        return None
    return _absorb_closers(text, tokens, index)


def _closes_terminal_quote(
    text: str, tokens: Sequence[Token], index: int, quoted: list[tuple[int, int]], cursor: list[int]
) -> bool:
    """Whether token ``index`` closes a quotation whose last sentence ended inside it (``الموارد."``)."""
    token = tokens[index]
    _inside(quoted, token.start, cursor)  # moves the cursor to the range around or after the token
    closes = cursor[0] < len(quoted) and quoted[cursor[0]][1] == token.end
    return closes and index > 0 and tokens[index - 1].end == token.start and _is_terminal(text, tokens[index - 1])


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
    cursor = [0]
    ends = _line_ends(text, tokens, [t.start for t in tokens])
    punct = TokenKind.PUNCT
    for index, token in enumerate(tokens):
        if token.kind is punct:
            last = _ends_after(text, tokens, index, quoted, cursor)
            if last is not None:
                ends.add(last)
    sentences = []
    first = 0
    for last in sorted(ends):
        if last >= first:
            sentences.append(Span(tokens[first].start, tokens[last].end))
            first = last + 1
    return tuple(sentences)
