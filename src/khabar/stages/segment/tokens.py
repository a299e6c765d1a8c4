"""Split text into tokens the way ANERcorp does: words with their clitics, punctuation apart.

One compiled regular expression does the work (it runs in C); each match's group name is its kind.
Arabic words keep their diacritics, tatweel and joiners inside the token, so offsets stay raw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from khabar.model import TokenKind
from khabar.stages.normalise import DIACRITICS, TATWEEL

ARABIC_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc"
)
JOINERS = "\u200c\u200d"
ARABIC_MARKS = re.escape(DIACRITICS + TATWEEL + JOINERS)  # the normaliser's marks (a word keeps them inside)
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
PUNCTUATION_CHARS = ".,;:!?\u060c\u061b\u061f()[]{}«»\"'“”„‘’‹›\\-–—/\\\\|…ـ*•·"

TOKEN = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,،)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<word>[{ARABIC_MARKS}]*[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*)
  | (?P<number>[{DIGITS}]+(?:[.,\u066b\u066c][{DIGITS}]+)*)
  | (?P<punct>\.{{2,}}|…|[!?\u061f]+|-{{2,}}|\u0640+|[{re.escape(PUNCTUATION_CHARS)}])
  | (?P<latin>[^\W\d_](?:[^\W\d_]|[0-9]|['’](?=[^\W\d_]))*)
  | (?P<symbol>\S)
    """,
    re.VERBOSE,
)

# TOKEN's word alternative alone: a chunk it matches whole is one word (TOKEN's earlier alternative, URLs and
# e-mail addresses, needs ASCII letters or "@"), so the tokeniser can skip TOKEN's search for it.
ARABIC_WORD = re.compile(f"[{ARABIC_MARKS}]*[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*")

# A word with one mark glued on either side or both ("الموصل،", "«نحن", "(رويترز)"): TOKEN finds the mark,
# the word and the mark (each mark is a one-character punct token, none of them a letter, a joiner or "@").
GLUED_MARKS = "،.:؛,!?؟()«»\"“”"
_GLUED = re.escape(GLUED_MARKS)
MARKED_WORD = re.compile(f"(?:[{_GLUED}])?(?P<word>{ARABIC_WORD.pattern})(?:[{_GLUED}])?")

TOKEN_KINDS = {
    "url": TokenKind.SYMBOL,
    "word": TokenKind.WORD,
    "number": TokenKind.NUMBER,
    "latin": TokenKind.LATIN,
    "punct": TokenKind.PUNCT,
    "symbol": TokenKind.SYMBOL,
}


def iter_token_matches(text: str) -> Iterator[tuple[int, int, TokenKind]]:
    """Yield ``(start, end, kind)`` for every token of ``text``, in order.

    >>> [("بالموصل، 2014."[s:e], k.value) for s, e, k in iter_token_matches("بالموصل، 2014.")]
    [('بالموصل', 'word'), ('،', 'punct'), ('2014', 'number'), ('.', 'punct')]
    """
    kinds = TOKEN_KINDS
    for match in TOKEN.finditer(text):
        yield match.start(), match.end(), kinds[match.lastgroup or "symbol"]
