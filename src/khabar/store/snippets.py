"""Find query terms in an article's raw text (matching on the normalised view) and cut a highlighted snippet.

FTS5 matches on the normalised text, but people read the text as written. Here the terms are found
again on the view and mapped back through ``Normalised.original_span``, so a highlight covers «الموصلِ»
with its diacritics, and snippets show the article's own spelling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.model import Normalised
from khabar.stages.normalise import normalise
from khabar.store.query import Term

SNIPPET_CHARS = 240
LEAD_CHARS = 60
ELLIPSIS = "…"
# One-letter proclitics (و ف ب ل ك س) may stand before a found word, pronoun suffixes after it:
# a search for الموصل highlights the stem of «بالموصل».
_PROCLITICS = "[وفبلكس]{0,3}?"
_SUFFIXES = "(?:هما|هم|هن|ها|كم|كما|نا|ه|ك|ي)?"


@dataclass(frozen=True, slots=True)
class Snippet:
    """A stretch of the raw text cut into parts, each marked as a match or not."""

    parts: tuple[tuple[str, bool], ...]
    start: int
    end: int

    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)


def term_pattern(terms: Sequence[Term]) -> re.Pattern[str] | None:
    """One regex over the normalised view that finds any of ``terms`` (group ``t`` is the term itself)."""
    alternatives = []
    for term in terms:
        body = r"[\W_]+".join(re.escape(word) for word in term.words)
        alternatives.append(body + (r"[^\W_]*" if term.prefix else ""))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(rf"(?<![^\W_]){_PROCLITICS}(?P<t>{'|'.join(alternatives)}){_SUFFIXES}(?![^\W_])")


def find_matches(text: str, terms: Sequence[Term], view: Normalised | None = None) -> list[tuple[int, int]]:
    """Raw ``(start, end)`` ranges of every occurrence of the terms in ``text``.

    >>> from khabar.store.query import parse_query
    >>> text = "سقوط المَوْصِل وبالموصل"
    >>> [text[s:e] for s, e in find_matches(text, parse_query("الموصل").terms)]
    ['المَوْصِل', 'الموصل']
    """
    pattern = term_pattern(terms)
    if pattern is None:
        return []
    view = view or normalise(text)
    return [view.original_span(*m.span("t")) for m in pattern.finditer(view.text)]


def cut_snippet(text: str, matches: Sequence[tuple[int, int]], start_at: int = 0, size: int = SNIPPET_CHARS) -> Snippet:
    """The stretch of ``text`` around the first match (or from ``start_at``), matches marked.

    >>> cut_snippet("قال الوزير إن الوضع مستقر", [(4, 10)]).parts
    (('قال ', False), ('الوزير', True), (' إن الوضع مستقر', False))
    """
    start = _word_start(text, max(0, matches[0][0] - LEAD_CHARS)) if matches else _skip_space(text, start_at)
    end = _word_end(text, min(len(text), start + size))
    parts: list[tuple[str, bool]] = []
    cursor = start
    for match_start, match_end in matches:
        if match_start < cursor or match_end > end:
            continue
        if match_start > cursor:
            parts.append((_flat(text[cursor:match_start]), False))
        parts.append((_flat(text[match_start:match_end]), True))
        cursor = match_end
    if cursor < end:
        parts.append((_flat(text[cursor:end]), False))
    if start > 0:
        parts.insert(0, (ELLIPSIS, False))
    if end < len(text):
        parts.append((ELLIPSIS, False))
    return Snippet(tuple(parts), start, end)


def _word_start(text: str, index: int) -> int:
    """Move back to the start of the word ``index`` falls in, so a snippet never begins mid-word."""
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def _flat(text: str) -> str:
    """Line breaks read as spaces inside a one-line snippet."""
    return text.replace("\n", " ")
