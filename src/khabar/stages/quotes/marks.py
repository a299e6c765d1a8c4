"""Pair quotation marks line by line; report the ones left without a partner instead of guessing.

Arabic news uses straight quotes ("..."), guillemets («...») and curly quotes (“...”), sometimes
mixed («...” or "...”). Within one line a closing mark (» or ”) closes the innermost open quotation
whatever opened it. A straight quote's side is read from its neighbours, as a reader does: after a space
and before a word it opens (also inside another straight quotation: "قال: "الوضع "صعب" جدا""), after a
word and before a space or punctuation it closes; where its neighbours do not tell, it closes an open
straight quote or opens a new one. A quotation never spans a line break here: a mark still open at the
end of its line is unbalanced.
"""

from __future__ import annotations

import re

from khabar.model import Diagnostic, Span

OPENING = frozenset("«“")
CLOSING = frozenset("»”")
STRAIGHT = '"'
_MARKS = re.compile('[«»“”"\n]')
_BEFORE_OPENING = frozenset("([{«“:/-–—")  # a straight quote right after these opens
_AFTER_CLOSING = frozenset(".,،؛;:!?\u061f…)]}»”-–—")  # a straight quote right before these closes


def _straight_side(text: str, at: int) -> str:
    """"open", "close" or "" (the neighbours do not tell) for the straight quote at ``at``."""
    left = text[at - 1] if at > 0 else " "
    right = text[at + 1] if at + 1 < len(text) else " "
    opens = (left.isspace() or left in _BEFORE_OPENING) and not right.isspace()
    closes = (right.isspace() or right in _AFTER_CLOSING) and not (left.isspace() or left in _BEFORE_OPENING)
    return "open" if opens and not closes else "close" if closes and not opens else ""
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
        else:
            side = _straight_side(text, at)
            if side != "open" and stack and text[stack[-1]] == STRAIGHT:
                pairs.append((stack.pop(), at))
            elif side == "close" and not stack:
                unpaired.append(at)
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
