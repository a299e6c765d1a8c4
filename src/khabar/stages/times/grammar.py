"""The pieces the time patterns are built from: word lists as regex tries, clitics, and the compiled grammar.

The patterns themselves are in ``patterns.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

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
TOKEN = re.compile(f"[{LETTER}]+|\\d+")  # a word, or a run of digits (a word of its own even glued to letters)
DIGIT_RUN = re.compile("\\d+")
LETTER_FIRST, LETTER_LAST = "\u0621", "\u064a"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern, the reader kind it feeds, the words it needs and the words it starts with.

    A pattern runs over an article only if, for each set in ``needs``, the article holds one of its
    words (with any proclitic or article; ``DIGITS`` stands for a digit): most articles name no Hijri
    month and no clock time, and a set intersection is much cheaper than a regex scan. It is then tried
    only where a word of its lead set stands (the first word of any match it can make), not across
    the whole text.
    """

    kind: str
    regex: re.Pattern[str]
    need_bits: tuple[int, ...]  # one bit per set of words it needs (see Grammar.present)
    lead: int = 0  # the index of its lead set (see Grammar.scan)

    @property
    def need_mask(self) -> int:
        """All its bits: the pattern runs when ``present & need_mask == need_mask``."""
        mask = 0
        for bit in self.need_bits:
            mask |= bit
        return mask


@dataclass(frozen=True, slots=True)
class Scan:
    """One pass over an article's words: the need sets they touch, and where each lead set's words stand."""

    present: int  # the bits of the need sets touched (see Grammar.present)
    starts: dict[int, list[int]]  # per lead set present, the offsets a match may start at, in text order


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns, in the order they are tried, which word sets each word belongs to, and which
    lead sets each word opens."""

    patterns: tuple[Pattern, ...]
    word_bits: dict[str, int]  # word -> the bits of every need set holding it
    leads: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=dict)
    # word -> (the lead sets holding it, the offsets in it a match may start at: 0 and after each proclitic)
    lead_count: int = 0

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

    def scan(self, view: str, has_clock: bool = False) -> Scan:
        """Every word and number of ``view`` looked up once: the need sets present, and for each lead set
        the offsets where one of its words starts (or follows its proclitic), where its patterns are tried.

        A match can only start at a word start or after a proclitic (the tagger drops the others), and
        its first word is one of its pattern's lead set, so these offsets are all it needs to try.
        """
        starts: dict[int, list[int]] = {}  # only the lead sets whose words stand in the view
        words = set(TOKEN.findall(view))
        leads, size = self.leads, len(view)
        for form in leads.keys() & words:  # each word known to open a pattern, wherever it stands alone
            indices, offsets = leads[form]
            length = len(form)
            at = view.find(form)
            while at >= 0:
                after = at + length
                if (at == 0 or not LETTER_FIRST <= view[at - 1] <= LETTER_LAST) and (
                        after == size or not LETTER_FIRST <= view[after] <= LETTER_LAST):
                    for lead in indices:
                        starts.setdefault(lead, []).extend([at + offset for offset in offsets])
                at = view.find(form, at + 1)
        digit_lead = leads.get(DIGIT_WORD)
        if digit_lead is not None:
            digits = [found.start() for found in DIGIT_RUN.finditer(view)]
            if digits:
                words.add(DIGIT_WORD)
                for lead in digit_lead[0]:
                    starts.setdefault(lead, []).extend(digits)
        for opens in starts.values():
            opens.sort()
        bits = self.word_bits.get(CLOCK_WORD, 0) if has_clock else 0
        word_bits = self.word_bits
        for word in word_bits.keys() & words:
            bits |= word_bits[word]
        return Scan(bits, starts)


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


def proclitic_offsets(form: str) -> tuple[int, ...]:
    """Where in a written word a match may start: at its start, and after each proclitic it may carry.

    >>> proclitic_offsets("وبالعام"), proclitic_offsets("2016")
    ((0, 1, 2), (0,))
    """
    return tuple(sorted({0, *(len(c) for c in PROCLITICS if c and form.startswith(c) and len(c) < len(form))}))
