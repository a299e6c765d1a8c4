"""Arabic normalisation as a view with a map back (never a rewrite of ``Document.text``): khabar's one normaliser.

The view removes diacritics, tatweel and invisible marks; unifies alef forms (أ إ آ ٱ → ا), ya and
alef maqsura (ى ی → ي), ta marbuta (ة → ه) and kaf (ک → ك); turns Arabic-Indic and Persian digits
into ASCII digits, presentation forms into plain letters (NFKC), odd spaces into " " and ASCII capitals
into small letters. Written here (not borrowed) so khabar keeps its licence and its offsets.

Every stage reads one of three forms of the same table (``NormalForm``), which differ only by options:

* ``VIEW``: all of the above (matching, search, lexicons: ``normalise``, ``normalise_query``);
* ``CASED``: the view with ASCII capitals kept (the NER's features read the shape of a Latin name);
* ``LIGHT``: the marks deleted, every letter kept (the clitic splitter's word counts tell أ from ا, ة from ت).

The view is mapped by one table look-up per character in C (``_normalise.c``, which reads the table built
here); ``view_by_char`` is its reference, kept for the tests that hold the C to it.
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
from khabar.stages._normalise import view as _compiled_view

TATWEEL = "\u0640"
ZERO_WIDTH_AND_BIDI = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
DIACRITICS = (
    "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x064B, 0x0660)))
    + "\u0670"
    + "".join(map(chr, range(0x06D6, 0x06EE)))
)
DELETED = DIACRITICS + TATWEEL + ZERO_WIDTH_AND_BIDI  # what every form deletes

LETTER_VARIANTS = {
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
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
}
LATIN_CAPITALS = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
# Presentation forms expand to several letters; FEFF (a deleted mark) sits just past the second range.
EXPANDING_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
_EXPANDING = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in EXPANDING_RANGES) + "]")
_DELETED = 0xFFFFFFFF  # the code-point table's mark for a deleted character
_EXPANDS = 0xFFFFFFFE  # and for a presentation form (its view may be several letters)
WORD_CACHE_CHARS = 40
WORD_CACHE = 1 << 15  # 89% of the words of running articles found (92% at 2**16)


class NormalForm:
    """One normal form: the shared table with its options, as a view with a map back or as a plain string.

    ``letters``: unify letter variants and digits, plain spaces, expand presentation forms; ``lower_latin``:
    ASCII capitals to small letters. Every form deletes ``DELETED``.
    """

    def __init__(self, *, letters: bool = True, lower_latin: bool = True) -> None:
        self.letters, self.lower_latin = letters, lower_latin
        replaced = {**(LETTER_VARIANTS if letters else {}), **(LATIN_CAPITALS if lower_latin else {})}
        self.table: dict[int, str | None] = {ord(c): None for c in DELETED} | {ord(k): v for k, v in replaced.items()}
        self.code_map = np.arange(0x10000, dtype=np.uint32)  # BMP code point -> its code point here (or a mark)
        for code, replacement in self.table.items():
            self.code_map[code] = _DELETED if replacement is None else ord(replacement)
        ranges = EXPANDING_RANGES if letters else ()
        for low, high in ranges:
            self.code_map[low : high + 1] = _EXPANDS
        self.expansions = {code: self.char(chr(code)) for low, high in ranges for code in range(low, high + 1)}
        # ``string`` remembered, for words: those of up to WORD_CACHE_CHARS characters recur
        self.word: Callable[[str], str] = functools.lru_cache(maxsize=WORD_CACHE)(self.string)

    def __repr__(self) -> str:
        return f"NormalForm(letters={self.letters}, lower_latin={self.lower_latin})"

    def char(self, char: str) -> str:
        """One character in this form: ``""`` when deleted, several letters for a presentation form."""
        if self.letters and _EXPANDING.match(char):
            return unicodedata.normalize("NFKC", char).translate(self.table)
        return char.translate(self.table)

    def view(self, text: str) -> Normalised:
        """``text`` in this form with, for each of its characters, the raw range it came from."""
        chars, raw_starts, raw_ends = _compiled_view(text, self.code_map, self.expansions)
        return Normalised(chars, array("q", raw_starts), array("q", raw_ends))

    def string(self, text: str) -> str:
        """``text`` in this form, without the map."""
        if self.letters and _EXPANDING.search(text):
            return "".join(self.char(c) for c in text)
        return text.translate(self.table)


VIEW = NormalForm()
CASED = NormalForm(lower_latin=False)
LIGHT = NormalForm(letters=False, lower_latin=False)
CODE_MAP, EXPANSIONS = VIEW.code_map, VIEW.expansions  # the view's table, for the C routines that read it


def normalise(text: str, form: NormalForm = VIEW) -> Normalised:
    """Build the normalised view of ``text`` with, for each view character, its raw range.

    >>> view = normalise("أحمدٌ قال")
    >>> view.text
    'احمد قال'
    >>> view.original_span(0, 4)
    (0, 5)
    """
    return form.view(text)


def normalise_query(text: str) -> str:
    """The view of a short string (a lexicon entry, a search query, a token), without the map.

    >>> normalise_query("الأمم المتّحدة")
    'الامم المتحده'
    """
    return VIEW.word(text) if len(text) <= WORD_CACHE_CHARS else VIEW.string(text)


# The NER's normal form of a token: the view with ASCII capitals kept (normalise_cased("أَعْلَنَ CNN") ==
# "اعلن CNN"). Every token is remembered, as the NER's own normaliser did: tokens are words, and the call
# is on the NER's hottest path.
normalise_cased: Callable[[str], str] = CASED.word


def light_form(word: str) -> str:
    """A word without diacritics, tatweel or invisible marks; hamza, alef and ta marbuta forms are kept.

    >>> light_form("وَقَالَ")
    'وقال'
    """
    return LIGHT.word(word) if len(word) <= WORD_CACHE_CHARS else LIGHT.string(word)


def normalise_char(char: str) -> str:
    """The view of one character: ``""`` when deleted, several letters for a presentation form.

    >>> normalise_char("أ"), normalise_char("ـ"), normalise_char("٣")
    ('ا', '', '3')
    """
    return VIEW.char(char)


def view_by_char(text: str, form: NormalForm = VIEW) -> Normalised:
    """``form.view`` worked out character by character in Python: the reference the tests hold the C to."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        out = form.char(char)
        if not out:
            if ends:
                ends[-1] = index + 1
            continue
        pieces.append(out)
        start = 0 if not starts and index > 0 else index  # leading deleted marks join the first character
        starts.extend([start] * len(out))
        ends.extend([index + 1] * len(out))
    return Normalised("".join(pieces), array("q", starts), array("q", ends))


class Normaliser:
    """Attach the normalised view to the Document (``doc.normalised``); the text stays as read."""

    name: ClassVar[str] = "normalise"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"normalised"})

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, normalised=normalise(doc.text))
