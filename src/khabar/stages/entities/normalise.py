"""Spelling normalisation and clitic stripping for NER features (the same at training and run time).

Only the features see these forms; tokens and offsets are never changed. The normal form strips
diacritics and tatweel, unifies the alef variants (أ إ آ ٱ -> ا), alef maqsura (ى -> ي), ta marbuta
(ة -> ه), Persian kaf/yeh, and Arabic-Indic digits (٠-٩ -> 0-9).
"""

from __future__ import annotations

from functools import lru_cache

TATWEEL = "\u0640"
DIACRITICS = "".join(chr(code) for code in range(0x064B, 0x0653)) + "\u0670"
ALEFS = "\u0623\u0625\u0622\u0671"  # أ إ آ ٱ
ALEF = "\u0627"
ALEF_MAQSURA = "\u0649"
YEH = "\u064a"
TEH_MARBUTA = "\u0629"
HEH = "\u0647"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

_DELETE = {ord(char): None for char in DIACRITICS + TATWEEL}
_MAP = {ord(char): ALEF for char in ALEFS}
_MAP.update({ord(ALEF_MAQSURA): YEH, ord(TEH_MARBUTA): HEH, ord("\u06a9"): "\u0643", ord("\u06cc"): YEH})
_MAP.update({ord(char): str(index) for index, char in enumerate(ARABIC_DIGITS)})
_MAP.update({ord(char): str(index) for index, char in enumerate(PERSIAN_DIGITS)})
_TABLE = {**_DELETE, **_MAP}

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
LAM_LAM = "لل"
MIN_STEM = 2
# Bounded memos of these pure functions. A batch worker runs for hours, so its memos stay full: with the
# other per-word caches they grew a process by ~135 MB over 4,000 articles (to 393 MB). Smaller ones cost
# few repeats: over articles 3,000-4,000 of a run, the normal forms of tokens (~330 asked per article) are
# found 86% of the time at 2**15 (91% at 2**16); the clitic splits (~70 per article, mostly for word forms
# new to the NER scorer) 49-54% at 2**14 (64-75% at 2**16).
CACHE_SIZE = 1 << 15
SPLIT_CACHE_SIZE = 1 << 14


@lru_cache(maxsize=CACHE_SIZE)
def normalise(token: str) -> str:
    """The normal form of one token.

    >>> normalise("أَعْلَنَ")
    'اعلن'
    >>> normalise("مصطفى")
    'مصطفي'
    >>> normalise("الجامعة")
    'الجامعه'
    """
    return token.translate(_TABLE)


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def strip_clitics(word: str) -> tuple[str, str]:
    """Split a normalised word into (proclitics, stem): conjunction, preposition, then the article.

    A stem shorter than ``MIN_STEM`` letters is never produced: the letters are then kept.

    >>> strip_clitics("وبالموصل")
    ('وبال', 'موصل')
    >>> strip_clitics("للحكومه")
    ('لل', 'حكومه')
    >>> strip_clitics("ولبنان")
    ('ول', 'بنان')
    """
    prefix, stem = "", word
    if len(stem) > MIN_STEM + 1 and stem[0] in CONJUNCTIONS:
        prefix, stem = prefix + stem[0], stem[1:]
    if len(stem) > MIN_STEM + 1 and stem.startswith(LAM_LAM):
        return prefix + LAM_LAM, stem[2:]
    if len(stem) > MIN_STEM + 1 and stem[0] in PREPOSITIONS:
        prefix, stem = prefix + stem[0], stem[1:]
    if len(stem) > MIN_STEM + 1 and stem.startswith(ARTICLE):
        prefix, stem = prefix + ARTICLE, stem[2:]
    return prefix, stem


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def stem_candidates(word: str) -> tuple[str, ...]:
    """Every form of a normalised word after stripping 0..all proclitics, longest first.

    Used for dictionary look-ups (gazetteers, vocabulary), where the greedy split can be wrong.

    >>> stem_candidates("ولبنان")
    ('ولبنان', 'لبنان', 'بنان')
    """
    forms = [word]
    rest = word
    if len(rest) > MIN_STEM + 1 and rest[0] in CONJUNCTIONS:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > MIN_STEM + 1 and rest.startswith(LAM_LAM):
        forms.append(ARTICLE + rest[2:])
        forms.append(rest[2:])
        return tuple(dict.fromkeys(forms))
    if len(rest) > MIN_STEM + 1 and rest[0] in PREPOSITIONS:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > MIN_STEM + 1 and rest.startswith(ARTICLE):
        forms.append(rest[2:])
    return tuple(dict.fromkeys(forms))
