"""khabar's search query language, parsed safely and compiled to an FTS5 MATCH expression.

    الموصل داعش          both words (in any order)
    "وزير الدفاع"        the words in this order; «…» and “…” work too
    موص*                 words that begin with موص
    -الرقة               leave out articles with this word (also -"a phrase")
    الموصل OR الرقة      either word (OR binds its neighbours; AND is implied between the rest)

Words are matched on the normalised view (no diacritics or tatweel, one alef, ya and ta marbuta), so
"الامم المتحده" finds «الأمم المتّحدة». The user's text never reaches FTS5 as syntax: every word is
re-quoted here, and anything else FTS5 would read as an operator is refused with a ``QueryError`` that
says what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.errors import KhabarError
from khabar.stages.normalise import normalise_query

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
OR = "OR"
_QUOTES = {'"': '"', "«": "»", "“": "”"}
_CLOSERS = {"»": "«", "”": "“"}
_REFUSED_CHARS = {
    "(": "parentheses are not part of the query language; write الموصل OR الرقة",
    ")": "parentheses are not part of the query language; write الموصل OR الرقة",
    "^": "^ is not part of the query language",
    ":": "column filters (name:) are not part of the query language; use the filters (entity, speaker, place...)",
    "+": "+ is not part of the query language; every word is required anyway",
    "{": "braces are not part of the query language",
    "}": "braces are not part of the query language",
}
_REFUSED_WORDS = {
    "AND": "AND is implied: write the words one after another",
    "NOT": "write -word to leave a word out",
    "NEAR": 'NEAR is not supported; write a "phrase" for words next to each other',
}
_WORD = re.compile(r"[^\W_]+")


class QueryError(KhabarError, ValueError):
    """A search query that cannot be understood, with a message that says why and what to write."""


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query, as normalised words."""

    words: tuple[str, ...]
    prefix: bool = False
    excluded: bool = False

    def fts(self) -> str:
        """The term as a quoted FTS5 phrase (the words hold only letters and digits)."""
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query as groups of alternatives (all groups must match) and terms to leave out."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def terms(self) -> tuple[Term, ...]:
        """The terms to find (and highlight)."""
        return tuple(term for group in self.groups for term in group)

    def match(self) -> str:
        """The FTS5 MATCH expression.

        >>> parse_query('الموصل OR "وزير الدفاع" -داعش').match()
        '("الموصل" OR "وزير الدفاع") NOT ("داعش")'
        """
        found = " AND ".join("(" + " OR ".join(t.fts() for t in group) + ")" for group in self.groups)
        if self.excluded:
            found += " NOT (" + " OR ".join(t.fts() for t in self.excluded) + ")"
        return found


@dataclass(frozen=True, slots=True)
class _Item:
    raw: str  # the text as typed (for OR and messages)
    position: int
    term: Term | None  # None for OR, or for a word with no letters ("،")


def parse_query(text: str) -> ParsedQuery:
    """Parse a query typed by a person; ``QueryError`` says what is wrong and how to write it.

    >>> parse_query("الأمم المتّحدة").terms[0].words
    ('الامم',)
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text)} characters long; at most {MAX_QUERY_CHARS} are allowed")
    items = _lex(text)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False
    for index, item in enumerate(items):
        if item.raw == OR:
            _check_or(items, index)
            joining = True
            continue
        term = item.term
        if term is None:
            joining = False
            continue
        if term.excluded:
            if joining or (index + 1 < len(items) and items[index + 1].raw == OR):
                raise QueryError(f"{item.raw!r} at character {item.position + 1}: a left-out word cannot be part of an OR")
            excluded.append(term)
        elif joining and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if len(excluded) + sum(map(len, groups)) > MAX_TERMS:
        raise QueryError(f"the query has more than {MAX_TERMS} words or phrases")
    if excluded and not groups:
        raise QueryError("the query only leaves words out; add at least one word to find")
    if text.strip() and not groups:
        raise QueryError("the query has no words to search for (only punctuation)")
    return ParsedQuery(text, tuple(map(tuple, groups)), tuple(excluded))


def _check_or(items: list[_Item], index: int) -> None:
    before = items[index - 1] if index > 0 else None
    after = items[index + 1] if index + 1 < len(items) else None
    if before is None or after is None or before.raw == OR or after.raw == OR or before.term is None or after.term is None:
        raise QueryError(f"OR at character {items[index].position + 1} needs a word on each side (الموصل OR الرقة)")


def _lex(text: str) -> list[_Item]:
    """Split the query into words, phrases and ORs, refusing FTS5 syntax the language does not have."""
    items: list[_Item] = []
    i, length = 0, len(text)
    while i < length:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        excluded = char == "-" and i + 1 < length and not text[i + 1].isspace()
        start = i + 1 if excluded else i
        if text[start] in _QUOTES:
            end = _closing_quote(text, start)
            items.append(_Item(text[i : end + 1], i, _term(text[start + 1 : end], False, excluded)))
            i = end + 1
            continue
        end = start
        while end < length and not text[end].isspace() and text[end] not in _QUOTES:
            end += 1
        items.append(_word_item(text, i, start, end, excluded))
        i = end
    return items


def _closing_quote(text: str, start: int) -> int:
    closer = _QUOTES[text[start]]
    end = text.find(closer, start + 1)
    if end < 0:
        raise QueryError(
            f"unbalanced quotation mark: the phrase opened with {text[start]} at character {start + 1} is never closed"
        )
    return end


def _word_item(text: str, position: int, start: int, end: int, excluded: bool) -> _Item:
    raw = text[start:end]
    if raw == "-":
        raise QueryError(f"- at character {position + 1} must be followed by the word to leave out (-الرقة)")
    if raw in _REFUSED_WORDS:
        raise QueryError(f"{raw} at character {start + 1}: {_REFUSED_WORDS[raw]}")
    for offset, char in enumerate(raw):
        if char in _REFUSED_CHARS:
            raise QueryError(f"{char} at character {start + offset + 1}: {_REFUSED_CHARS[char]}")
        if char in _CLOSERS:
            raise QueryError(f"{char} at character {start + offset + 1} closes a phrase that was never opened with {_CLOSERS[char]}")
    if raw == OR and not excluded:
        return _Item(OR, position, None)
    prefix = raw.endswith("*")
    body = raw.rstrip("*") if prefix else raw
    if "*" in body or (prefix and not _WORD.search(body)):
        raise QueryError(f"* at character {start + raw.index('*') + 1} goes at the end of a word (موص*)")
    return _Item(text[position:end], position, _term(body, prefix, excluded))


def _term(raw: str, prefix: bool, excluded: bool) -> Term | None:
    words = tuple(_WORD.findall(normalise_query(raw)))
    return Term(words, prefix, excluded) if words else None
