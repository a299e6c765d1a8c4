"""Keys the archive matches on: normalised names (to link entities across articles) and content hashes."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from operator import attrgetter

from khabar.model import Document
from khabar.model.document import TokenKind
from khabar.stages.normalise import normalise_query

_NON_WORD = re.compile(r"[\W_]+")
_token_start = attrgetter("start")


def name_key(name: str) -> str:
    """The form two spellings of one name share: normalised, punctuation dropped, spaces collapsed.

    >>> name_key("جان إيف لو دريان") == name_key("جان ايف  لو-دريان")
    True
    """
    return _NON_WORD.sub(" ", normalise_query(name)).strip()


def content_hash(text: str) -> str:
    """The SHA-256 of the text as read: the same article from two sources has the same hash.

    Any string has one, a lone surrogate included (the reader replaces those, a caller's Document may not).
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stem_words(doc: Document, start: int = 0, end: int | None = None) -> str:
    """The normalised stems of the words in ``[start, end)`` that carry clitics ("بالموصل" -> "الموصل").

    Indexed beside the text so that a search for الموصل also finds بالموصل and والموصل.
    """
    tokens = doc.tokens
    end = len(doc.text) if end is None else end
    first = bisect_left(tokens, start, key=_token_start)
    last = bisect_left(tokens, end, lo=first, key=_token_start)
    text = doc.text
    stems = [
        text[t.stem_start : t.stem_end]
        for t in tokens[first:last]
        if t.end <= end and t.kind is TokenKind.WORD and t.has_clitics
    ]
    return normalise_query(" ".join(stems))
