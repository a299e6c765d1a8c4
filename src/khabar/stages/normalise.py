"""Arabic normalisation as a view with a map back (never a rewrite of ``Document.text``).

The view removes diacritics, tatweel and invisible marks; unifies alef forms (أ إ آ ٱ → ا), ya and
alef maqsura (ى ی → ي), ta marbuta (ة → ه) and kaf (ک → ك); turns Arabic-Indic and Persian digits
into ASCII digits, presentation forms into plain letters (NFKC), odd spaces into " " and ASCII capitals
into small letters. Written here (not borrowed) so khabar keeps its licence and its offsets.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from array import array
from collections.abc import Callable
from typing import ClassVar

import numpy as np

from khabar.model import Document, Normalised

_compiled_view: Callable[[str, np.ndarray, dict[int, str]], tuple[str, bytes, bytes]] | None
try:  # the optional C mapping (setup.py); without it, numpy's (the same view, slower)
    from khabar.stages._normalise import view as _compiled_view
except ImportError:  # pragma: no cover - depends on how khabar was installed
    _compiled_view = None

COMPILED = _compiled_view is not None  # whether the C mapping is in use

TATWEEL = "\u0640"
ZERO_WIDTH_AND_BIDI = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
DIACRITICS = (
    "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x064B, 0x0660)))
    + "\u0670"
    + "".join(map(chr, range(0x06D6, 0x06EE)))
)
DELETED = DIACRITICS + TATWEEL + ZERO_WIDTH_AND_BIDI

_REPLACED = {
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0622": "\u0627",  # آ
    "\u0671": "\u0627",  # ٱ (wasla)
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u06cc": "\u064a",  # Persian yeh
    "\u06d2": "\u064a",  # yeh barree
    "\u0629": "\u0647",  # ة -> ه
    "\u06a9": "\u0643",  # Persian keheh
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
}
_REPLACED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_REPLACED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_REPLACED.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

_TABLE: dict[int, str | None] = {ord(c): None for c in DELETED}
_TABLE.update({ord(k): v for k, v in _REPLACED.items()})

# Presentation forms expand to several letters; FEFF (a deleted mark) sits just past the second range.
_EXPANDING_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
_EXPANDING = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _EXPANDING_RANGES) + "]")


def normalise_char(char: str) -> str:
    """The view of one character: ``""`` when deleted, several letters for a presentation form.

    >>> normalise_char("أ"), normalise_char("ـ"), normalise_char("٣")
    ('ا', '', '3')
    """
    if _EXPANDING.match(char):
        return unicodedata.normalize("NFKC", char).translate(_TABLE)
    return char.translate(_TABLE)


def normalise(text: str, compiled: bool = COMPILED) -> Normalised:
    """Build the normalised view of ``text`` with, for each view character, its raw range.

    Every article passes here, so the common case (no presentation forms: each character stays, becomes
    one other character or is deleted) is one table look-up per character, in C (``_normalise.c``) or
    with numpy, and the map back is kept as machine integers (``array``), not one Python int per character.

    >>> view = normalise("أحمدٌ قال")
    >>> view.text
    'احمد قال'
    >>> view.original_span(0, 4)
    (0, 5)
    """
    if compiled and _compiled_view is not None:
        chars, raw_starts, raw_ends = _compiled_view(text, CODE_MAP, EXPANSIONS)
        return Normalised(chars, array("q", raw_starts), array("q", raw_ends))
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    mapped = CODE_MAP[np.minimum(codes, 0xFFFF)]
    if codes.max(initial=0) > 0xFFFF:  # characters beyond the table (emoji, rare scripts) stay as they are
        mapped = np.where(codes > 0xFFFF, codes, mapped)
    kept = np.flatnonzero(mapped < _EXPANDS)  # neither deleted nor expanding
    if len(kept) < len(codes) and np.any(mapped == _EXPANDS):
        return _normalise_char_by_char(text)  # presentation forms expand to several letters
    length = len(codes)
    if not len(kept):
        return Normalised("", _offsets(kept), _offsets(kept))
    view = mapped[kept].tobytes().decode("utf-32-le", "surrogatepass")
    ends = np.append(kept[1:], length)
    kept[0] = 0  # leading deleted marks belong to the first kept character
    return Normalised(view, _offsets(kept), _offsets(ends))


_DELETED = 0xFFFFFFFF  # the code-point table's mark for a deleted character
_EXPANDS = 0xFFFFFFFE  # and for a presentation form (its view may be several letters)
CODE_MAP = np.arange(0x10000, dtype=np.uint32)  # BMP code point -> its view's code point (or a mark)
for _code, _replacement in _TABLE.items():
    CODE_MAP[_code] = _DELETED if _replacement is None else ord(_replacement)
for _low, _high in _EXPANDING_RANGES:
    CODE_MAP[_low : _high + 1] = _EXPANDS
# what each presentation form becomes (for the C path; the others ask normalise_char)
EXPANSIONS = {code: normalise_char(chr(code)) for low, high in _EXPANDING_RANGES for code in range(low, high + 1)}


def _offsets(values: np.ndarray) -> array[int]:
    return array("q", values.astype(np.int64).tobytes())


def _normalise_char_by_char(text: str) -> Normalised:
    """The general path, for texts with presentation forms (one character may become several)."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        out = normalise_char(char)
        if not out:
            if ends:
                ends[-1] = index + 1
            continue
        pieces.append(out)
        start = 0 if not starts and index > 0 else index  # leading deleted marks join the first character
        starts.extend([start] * len(out))
        ends.extend([index + 1] * len(out))
    return Normalised("".join(pieces), array("q", starts), array("q", ends))


def normalise_query(text: str) -> str:
    """The view of a short string (a lexicon entry, a search query, a token), without the map.

    Words recur: those of up to ``WORD_CACHE_CHARS`` characters are remembered (``WORD_CACHE`` of them).

    >>> normalise_query("الأمم المتّحدة")
    'الامم المتحده'
    """
    return _normalise_word(text) if len(text) <= WORD_CACHE_CHARS else _normalise_string(text)


def _normalise_string(text: str) -> str:
    if _EXPANDING.search(text):
        return "".join(normalise_char(c) for c in text)
    return text.translate(_TABLE)


WORD_CACHE_CHARS = 40
WORD_CACHE = 1 << 15  # 89% of the words of running articles found (92% at 2**16)
_normalise_word = functools.lru_cache(maxsize=WORD_CACHE)(_normalise_string)


class Normaliser:
    """Attach the normalised view to the Document (``doc.normalised``); the text stays as read."""

    name: ClassVar[str] = "normalise"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"normalised"})

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, normalised=normalise(doc.text))
