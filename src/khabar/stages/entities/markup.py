"""Markup left in an article's text (``<script>alert(1)</script>``, ``&nbsp;``) is no name, whatever model tags it.

A page copied with its tags, or an attack string quoted in a text, gives Latin words that a tagger trained on
news takes for names ("script", "alert", "img src" tagged MISC). This filter looks at the text, not at the
model, so it holds for any tagger the entity stage is given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol, TypeVar

# A tag (<b>, </script>, <img src=x onerror="...">), a character reference (&nbsp; &#39;), a javascript:
# address, each found from its first character (a literal, which re scans for quickly); and a call written as
# code (alert(1), window.open(): no space before the parenthesis), found from its parenthesis.
TAG = re.compile(r"</?[A-Za-z!][^<>\n]{0,300}>")
REFERENCE = re.compile(r"&#?\w{1,10};")
ADDRESS = re.compile(r"[Jj]avascript:\S*")
CALLEE = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$")  # the name before a "("
ARGUMENTS = re.compile(r"\([^()\n]{0,100}\)")
MAX_CALLEE = 60

class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Located = TypeVar("Located", bound=_Located)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds markup, in order, without overlaps.

    >>> markup_spans('قال <script>alert("x")</script> الوزير')
    [(4, 12), (12, 22), (22, 31)]
    """
    found = [m.span() for pattern, first in ((TAG, "<"), (REFERENCE, "&"), (ADDRESS, "avascript:")) if first in text
             for m in pattern.finditer(text)]
    found += _calls(text)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
        elif end > kept[-1][1]:
            kept[-1] = (kept[-1][0], end)
    return kept


def _calls(text: str) -> list[tuple[int, int]]:
    """``name(...)`` spans: a Latin identifier right before a "(" that closes on the same line."""
    spans = []
    at = text.find("(")
    while at > 0:
        name = CALLEE.search(text, max(0, at - MAX_CALLEE), at)
        arguments = ARGUMENTS.match(text, at) if name else None
        if name and arguments:
            spans.append((name.start(), arguments.end()))
        at = text.find("(", at + 1)
    return spans


def outside_markup(text: str, mentions: Sequence[Located]) -> list[Located]:
    """The mentions (anything with ``start`` and ``end``) that overlap no markup in ``text``."""
    spans = markup_spans(text)
    if not spans:
        return list(mentions)
    starts = [start for start, _ in spans]
    kept = []
    for mention in mentions:
        start, end = mention.start, mention.end
        index = bisect_right(starts, end - 1) - 1  # the last markup starting before the mention ends
        if index < 0 or spans[index][1] <= start:
            kept.append(mention)
    return kept
