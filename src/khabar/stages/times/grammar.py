"""The pieces the time patterns are built from: word lists as regex tries, clitics, and the compiled grammar.

The patterns themselves are in ``patterns.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.stages.trie import trie_pattern

LETTER = "\u0621-\u064a"
START = f"(?<![{LETTER}\\d])"
END = f"(?![{LETTER}\\d_])"  # "#اليوم_العالمي_للمرأة" is a hashtag, not today
CLITIC = "(?:وب|ول|وك|فب|فل|[وفبلك])?"
PART_OF_DAY = "صباح|صبيحه|مساء|ليله|ليل|فجر|بعد\\s+ظهر|بعد\\s+الظهر\\s+من|ظهر|ظهيره|عصر|عشيه"
PART_OF_DAY_WORDS = ("صباح", "صبيحه", "مساء", "ليله", "ليل", "فجر", "ظهر", "ظهيره", "عصر", "عشيه")
MODIFIER = "مطلع|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه|اخر|موفي"  # موفى: the end (Tunisia)
APPROXIMATELY = ("نحو|حوالي|قرابه|زهاء|اكثر\\s+من|اقل\\s+من|ازيد\\s+من|ما\\s+يقرب\\s+من|ما\\s+يزيد\\s+(?:علي|عن)"
                 "|ما\\s+لا\\s+يقل\\s+عن")
OFFSET_PREPOSITIONS = "قبل|بعد|منذ|خلال|لمده|مده|مدته|مدتها|مهله|فتره|طوال|طيله|مدي|مدار|غضون|ظرف|مرور"
YEAR_PREPOSITIONS = ("في|منذ|حتي|بحلول|خلال|قبل|بعد|مطلع|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه|عامي|سنتي|من|الي|بين"
                     "|مواليد|العامين|غايه|حدود|ميزانيه|موازنه|الماليه|موفي|قبيل|بعيد")
HIJRI_MARK = "ه|هجري|هجريه|للهجره"
YEAR = "(?:1[5-9]|20)\\d{2}"
HIJRI_MARKS = frozenset(HIJRI_MARK.split("|"))


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (as a trie), with any run of spaces where a word has a space.

    >>> alternation(["امس", "اول امس", "اليوم"])
    'ا(?:ليوم|مس|ول\\\\s+امس)'
    """
    return trie_pattern(words, spaces="\\s+")


DIGIT_WORD = "<digit>"
DIGITS = frozenset({DIGIT_WORD})  # the "needs" of a pattern that can only match around a digit
CLOCK_WORD = "<clock>"
CLOCKS = frozenset({CLOCK_WORD})  # ... or around a clock's "18:00"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern, the reader kind it feeds, and the words it needs.

    A pattern runs over an article only if, for each set in ``needs``, the article holds one of its
    words (with any proclitic or article; ``DIGITS`` stands for a digit): most articles name no Hijri
    month and no clock time, and a set intersection is much cheaper than a regex scan.
    """

    kind: str
    regex: re.Pattern[str]
    need_bits: tuple[int, ...]  # one bit per set of words it needs (see Grammar.present)

    @property
    def need_mask(self) -> int:
        """All its bits: the pattern runs when ``present & need_mask == need_mask``."""
        mask = 0
        for bit in self.need_bits:
            mask |= bit
        return mask


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns, in the order they are tried, and which word sets each word belongs to."""

    patterns: tuple[Pattern, ...]
    word_bits: dict[str, int]  # word -> the bits of every need set holding it

    def present(self, words: Iterable[str], has_digit: bool, has_clock: bool = False) -> int:
        """The bits of the need sets an article's words touch (the few known words found by one set
        intersection)."""
        bits = self.word_bits.get(DIGIT_WORD, 0) if has_digit else 0
        if has_clock:
            bits |= self.word_bits.get(CLOCK_WORD, 0)
        word_bits = self.word_bits
        for word in word_bits.keys() & set(words):
            bits |= word_bits[word]
        return bits


UNIT_WORDS = ("اسبوع", "شهر", "عام", "سنه", "عقد")
PLURAL_UNIT_WORDS = ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اعوام", "سنين", "عقود", "ساعات", "دقائق")
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "لل")  # لل: ل + the article ("للعام 2014")
TOO_COMMON = frozenset({"في", "من", "حتي", "بعد", "اول"})  # a phrase holding them holds a rarer word too


def with_clitics(words: Iterable[str]) -> frozenset[str]:
    """Each word as it may stand in text: with a proclitic, with the article, with both (لل).

    >>> sorted(with_clitics(["يوم"]))[:4]
    ['اليوم', 'باليوم', 'بيوم', 'فاليوم']
    """
    forms: set[str] = set()
    for word in words:
        for base in (word, "ال" + word) if not word.startswith("ال") else (word,):
            forms.update(clitic + base for clitic in PROCLITICS)
            if base.startswith("ال"):
                forms.update(("لل" + base[2:], "ولل" + base[2:], "فلل" + base[2:]))
    return frozenset(forms)
