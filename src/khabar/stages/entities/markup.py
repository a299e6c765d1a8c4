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

# a tag (<b>, </script>, <img src=x onerror="...">), a character reference (&nbsp; &#39;), a call written
# as code (alert(1), window.open(), no space before the parenthesis), a javascript: address
MARKUP = re.compile(
    r"</?[A-Za-z!][^<>\n]{0,300}>|&#?\w{1,10};|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()\n]{0,100}\)|javascript:\S*",
    re.IGNORECASE,
)


class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Located = TypeVar("Located", bound=_Located)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds markup, in order.

    >>> markup_spans('قال <script>alert("x")</script> الوزير')
    [(4, 12), (12, 22), (22, 31)]
    """
    if "<" not in text and "&" not in text and "(" not in text and ":" not in text:
        return []
    return [match.span() for match in MARKUP.finditer(text)]


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
