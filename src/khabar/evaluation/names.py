"""When two surfaces name the same thing, as the official scorer (``shared/eval/score.py``) decides.

Both sides are normalised (diacritics and tatweel removed, alef, ya and ta marbuta forms unified,
punctuation dropped); one attached proclitic may be removed (بالمغرب ~ المغرب); and a whole-word part of
the other name counts (لو دريان ~ جان إيف لو دريان). The entity and quote evaluations share this rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCTUATION = re.compile(r"[\"'«»“”()\[\]،,.:؛!?؟\-–—]")
_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ل", "ك")
_ARTICLE_CLITICS = ("وال", "بال", "فال", "كال", "لل")
_MIN_PART = 3


def norm(text: str) -> str:
    """The scorer's normal form of a surface."""
    text = _DIACRITICS.sub("", text or "")
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def variants(surface: str) -> set[str]:
    """A surface's normal form and its forms without one attached proclitic.

    >>> sorted(variants("بالموصل"))
    ['الموصل', 'بالموصل']
    """
    name = norm(surface)
    out = {name} if name else set()
    for clitic in _PROCLITICS:
        if name.startswith(clitic) and len(name) - len(clitic) >= 2:
            rest = name[len(clitic) :]
            out.add("ال" + rest if clitic in _ARTICLE_CLITICS else rest)
    return out


def same_name(left: Iterable[str], right: Iterable[str]) -> bool:
    """Whether two lists of surfaces name the same thing.

    >>> same_name(["جان إيف لو دريان"], ["وزير الدفاع الفرنسي، جان إيف لو دريان"])
    True
    >>> same_name(["باريس"], ["الرقة"])
    False
    """
    a = set().union(*(variants(s) for s in left))
    b = set().union(*(variants(s) for s in right))
    if a & b:
        return True
    for x in a:
        for y in b:
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if len(short) >= _MIN_PART and f" {short} " in f" {long_} ":
                return True
    return False
