"""Pair quotation marks line by line; report the ones left without a partner instead of guessing.

Arabic news uses straight quotes ("..."), guillemets («...») and curly quotes (“...”), sometimes
mixed («...” or "...”). Within one line a closing mark (» or ”) closes the innermost open quotation
whatever opened it, and a straight quote closes an open straight quote or opens a new one. A quotation
never spans a line break here: a mark still open at the end of its line is unbalanced.
"""

from __future__ import annotations

import re

from khabar.model import Diagnostic, Span

OPENING = frozenset("«“")
CLOSING = frozenset("»”")
STRAIGHT = '"'
_MARKS = re.compile('[«»“”"\n]')
UNBALANCED = "unbalanced_quotation_mark"


def pair_marks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The ``(open, close)`` offsets of every paired quotation, by opening offset, and the unpaired marks.

    >>> pair_marks('قال: "نعم" و«لا')
    ([(5, 9)], [12])
    """
    pairs: list[tuple[int, int]] = []
    unpaired: list[int] = []
    stack: list[int] = []
    for match in _MARKS.finditer(text):
        at = match.start()
        mark = text[at]
        if mark == "\n":
            unpaired.extend(stack)
            stack.clear()
        elif mark in OPENING:
            stack.append(at)
        elif mark in CLOSING:
            if stack:
                pairs.append((stack.pop(), at))
            else:
                unpaired.append(at)
        elif stack and text[stack[-1]] == STRAIGHT:
            pairs.append((stack.pop(), at))
        else:
            stack.append(at)
    unpaired.extend(stack)
    pairs.sort()
    unpaired.sort()
    return pairs, unpaired


def unbalanced_diagnostics(text: str, unpaired: list[int], stage: str) -> list[Diagnostic]:
    """One diagnostic per quotation mark left without a partner on its line."""
    return [
        Diagnostic(
            stage=stage,
            code=UNBALANCED,
            message=f"quotation mark {text[at]} has no partner on its line; no quote was guessed from it",
            span=Span(at, at + 1),
        )
        for at in unpaired
    ]
