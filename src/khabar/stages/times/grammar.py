"""The regular expressions of time expressions, built once from the lexicons, over the normalised view.

Each pattern captures the expression as group ``x`` (an attached proclitic like و or ب stays outside
it) and names its parts. Patterns are tried separately; the tagger keeps the longest of overlapping
matches, so "الخميس 01 أكتوبر 2020 - 23:00" is one date rather than a weekday, a date and a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.stages.times.lexicon import TimeLexicon

LETTER = "\u0621-\u064a"
START = f"(?<![{LETTER}\\d])"
END = f"(?![{LETTER}\\d])"
CLITIC = "(?:وب|ول|وك|فب|فل|[وفبلك])?"
PART_OF_DAY = "صباح|صبيحه|مساء|ليله|ليل|فجر|ظهر|ظهيره|عصر"
MODIFIER = "مطلع|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه|اخر"
APPROXIMATELY = "نحو|حوالي|قرابه|زهاء|اكثر\\s+من|اقل\\s+من|ما\\s+يقرب\\s+من|ما\\s+يزيد\\s+علي"
OFFSET_PREPOSITIONS = "قبل|بعد|منذ|خلال|لمده|طوال|طيله"
YEAR_PREPOSITIONS = "في|منذ|حتي|بحلول|خلال|قبل|بعد|مطلع|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه|عامي|سنتي"
HIJRI_MARK = "ه|هجري|هجريه|للهجره"
YEAR = "(?:1[5-9]|20)\\d{2}"
HIJRI_MARKS = frozenset(HIJRI_MARK.split("|"))


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), as a trie, with any run of spaces in a word allowed.

    A trie tries a handful of first letters instead of every word in turn: three times faster on the
    month and unit lists than a flat alternation.

    >>> alternation(["امس", "اول امس", "اليوم"])
    'ا(?:ليوم|مس|ول\\\\s+امس)'
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict[str, dict]) -> str:
    branches = [("\\s+" if char == " " else re.escape(char)) + _render(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    body = f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body


DIGIT_WORD = "<digit>"
DIGITS = frozenset({DIGIT_WORD})  # the "needs" of a pattern that can only match around a digit


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


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns, in the order they are tried, and which word sets each word belongs to."""

    patterns: tuple[Pattern, ...]
    word_bits: dict[str, int]  # word -> the bits of every need set holding it

    def present(self, words: Iterable[str], has_digit: bool) -> int:
        """The bits of the need sets an article's words touch (one dict lookup per word)."""
        bits = self.word_bits.get(DIGIT_WORD, 0) if has_digit else 0
        get = self.word_bits.get
        for word in set(words):
            bits |= get(word, 0)
        return bits


UNIT_WORDS = ("اسبوع", "شهر", "عام", "سنه")
PLURAL_UNIT_WORDS = ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اعوام", "سنين", "عقود")
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
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


def _words(phrases: Iterable[str]) -> set[str]:
    return {word for phrase in phrases for word in phrase.split()} - TOO_COMMON


def _gregorian(lex: TimeLexicon) -> list[str]:
    """"25 أكتوبر 2016", "الخميس 01 أكتوبر 2020 - 23:00", "الرابع من أيار/مايو", "فبراير/ شباط" ..."""
    month, qualifier = alternation(lex.months), alternation(lex.qualifiers)
    rest = (
        f"(?:\\s*[/\\\\-]\\s*(?P<mon2>{month})|\\s*\\(\\s*(?P<mon3>{month})\\s*\\))?"
        f"(?:\\s*[،,]?\\s*(?P<year>{YEAR})(?:\\s*م(?![{LETTER}]))?)?"
        f"(?:\\s+(?P<qual>{qualifier}))?"
        f"(?:\\s*[-–،,]?\\s*(?:الساعه\\s+)?(?P<time>\\d\\d?:\\d\\d))?){END}"
    )
    tail = f"(?P<mon>{month}){rest}"
    of = "\\s+(?:من\\s+)?(?:شهر\\s+)?"
    # A month that is also a word (آب "father") leads a match only with its cue right after it.
    cue_led = f"(?P<mon>{alternation(lex.cue_months)})(?=\\s*[/\\\\(-]|\\s+(?:{YEAR}|{qualifier}){END})"
    return [
        f"(?P<x>(?P<wd>{alternation(lex.weekdays)})\\s*[،,]?\\s+(?:(?P<shahr>شهر)\\s+)?"
        f"(?:(?:(?P<day>\\d\\d?)|(?P<ord>{alternation(lex.ordinals)})){of})?{tail}",
        f"(?P<x>(?P<shahr>شهر)\\s+{tail}",
        f"(?P<x>(?P<day>\\d\\d?){of}{tail}",
        f"(?P<x>(?P<ord>{alternation(lex.ordinals)}){of}{tail}",
        f"(?P<x>(?P<mon>{alternation(set(lex.months) - lex.cue_months)}){rest}",
        f"(?P<x>{cue_led}{rest}",
    ]


def _numeric() -> list[str]:
    """"01/10/2020" (day first) and "2020-10-01"."""
    clock = "(?:\\s*[-–،,]?\\s*(?P<time>\\d\\d?:\\d\\d))?"
    return [
        f"(?P<x>(?P<day>\\d\\d?)(?P<sep>[/.-])(?P<mon>\\d\\d?)(?P=sep)(?P<year>{YEAR}){clock})(?![\\d/.:])",
        f"(?P<x>(?P<year>{YEAR})-(?P<mon>\\d\\d)-(?P<day>\\d\\d){clock})(?![\\d/.:])",
    ]


def _hijri(lex: TimeLexicon) -> list[str]:
    """"5 رمضان 1439 هـ", "شهر رمضان", "رمضان 1439"."""
    tail = (f"(?P<mon>{alternation(lex.hijri_months)})(?:\\s+(?P<year>\\d\\d\\d\\d?))?"
            f"(?:\\s*(?P<mark>{HIJRI_MARK}))?){END}")
    return [
        f"(?P<x>(?P<day>\\d\\d?)\\s+(?:(?P<shahr>شهر)\\s+)?{tail}",
        f"(?P<x>(?P<shahr>شهر)\\s+{tail}",
        f"(?P<x>{tail}",
    ]


def _weekday(lex: TimeLexicon) -> list[str]:
    """"الثلاثاء", "الأحد المقبل", "اليوم الثلاثاء", "يوم الجمعة", "مساء الجمعة"."""
    tail = f"(?P<wd>{alternation(lex.weekdays)})(?:\\s+(?P<qual>{alternation(lex.qualifiers)}))?){END}"
    return [
        f"(?P<x>{tail}",
        f"(?P<x>(?P<pod>{PART_OF_DAY})\\s+(?:(?P<today>اليوم)\\s+)?(?:(?P<yawm>يوم)\\s+)?{tail}",
        f"(?P<x>(?P<today>اليوم)\\s+{tail}",
        f"(?P<x>(?P<yawm>يوم)\\s+{tail}",
    ]


def _relative(lex: TimeLexicon) -> list[str]:
    """"أمس", "الآن", "يوميا", "صباح اليوم"; "الأسبوع الماضي", "هذا العام", "مطلع العام الجاري"."""
    word = f"(?P<word>{alternation(lex.relative)})){END}"
    unit = f"(?:ال|ل)(?P<unit>اسبوع|شهر|عام|سنه)(?:\\s+(?P<qual>{alternation(lex.qualifiers)}))?){END}"
    return [
        f"(?P<x>{word}",
        f"(?P<x>(?P<pod>{PART_OF_DAY})\\s+{word}",
        f"(?P<x>{unit}",
        f"(?P<x>(?P<this>هذا|هذه)\\s+{unit}",
        f"(?P<x>(?P<mod>{MODIFIER})\\s+(?:(?P<this>هذا|هذه)\\s+)?{unit}",
    ]


def build_grammar(lex: TimeLexicon) -> Grammar:
    """Compile every pattern from the lexicons.

    No pattern starts with a look-behind or an optional part, so the regex engine skips straight to the
    characters a match can start with (three times faster than testing a look-behind everywhere); the
    tagger checks the left edge (a word start, or a proclitic before it) of what they find. Kinds with
    optional leading parts come as several patterns, one per lead.
    """
    unit, number, qualifier = alternation(lex.units), alternation(lex.numbers), alternation(lex.qualifiers)
    months, hijri = with_clitics(_words(lex.months)), with_clitics(_words(lex.hijri_months))
    units, weekdays = with_clitics(_words(lex.units)), with_clitics(_words(lex.weekdays))
    part_of_day, numbers = with_clitics(PART_OF_DAY.split("|")), with_clitics(_words(lex.numbers))
    relative = _relative(lex)
    gregorian, weekday = _gregorian(lex), _weekday(lex)
    sources: list[tuple[str, str, tuple[frozenset[str], ...]]] = [
        *(("numeric", p, (DIGITS,)) for p in _numeric()),
        *(("gregorian", p, (months,)) for p in gregorian[:-1]),
        ("gregorian", gregorian[-1], (with_clitics(lex.cue_months),)),
        *(("hijri", p, (hijri,)) for p in _hijri(lex)),
        ("hijri_year", f"(?P<x>(?:عام|سنه)\\s+(?P<year>\\d\\d\\d\\d?)\\s*(?P<mark>{HIJRI_MARK})){END}",
         (DIGITS, HIJRI_MARKS)),
        ("hijri_year", f"(?P<x>(?P<year>\\d\\d\\d\\d?)\\s*(?P<mark>{HIJRI_MARK})){END}", (DIGITS, HIJRI_MARKS)),
        ("year", f"(?P<x>(?:عام|العام|سنه|السنه)\\s+(?P<year>{YEAR}))(?!\\d|\\s*(?:{HIJRI_MARK}){END})",
         (DIGITS, with_clitics(("عام", "سنه")))),
        ("bare_year", f"(?P<x>(?P<year>{YEAR}))(?![\\d/.:-]|\\s*(?:{HIJRI_MARK}){END})", (DIGITS,)),
        ("weekday", weekday[0], (weekdays,)),
        ("weekday", weekday[1], (weekdays, part_of_day)),
        *(("weekday", p, (weekdays,)) for p in weekday[2:]),
        ("relative", relative[0], (with_clitics(_words(lex.relative)),)),
        ("relative", relative[1], (with_clitics(_words(lex.relative)), part_of_day)),
        ("unit_relative", relative[2], (with_clitics(UNIT_WORDS),)),
        ("unit_relative", relative[3], (with_clitics(UNIT_WORDS), with_clitics(("هذا", "هذه")))),
        ("unit_relative", relative[4], (with_clitics(UNIT_WORDS), with_clitics(MODIFIER.split("|")))),
        ("plural_relative", f"(?P<x>(?:ال|ل)(?P<unit>ايام|اسابيع|اشهر|شهور|سنوات|اعوام|سنين|عقود)"
                            f"\\s+(?:القليله\\s+)?(?P<qual>{qualifier})){END}", (with_clitics(PLURAL_UNIT_WORDS),)),
        ("offset", f"(?P<prep>{OFFSET_PREPOSITIONS})\\s+(?:(?:{APPROXIMATELY})\\s+)?"
                   f"(?P<x>(?:(?P<num>\\d+|{number})\\s+)?(?P<unit>{unit})(?:\\s+واحد[اه]?)?){END}(?!\\s*\\d)",
         (units,)),
        ("duration", f"(?P<x>(?P<num>\\d\\d*)\\s+(?P<unit>{unit})){END}", (DIGITS, units)),
        ("duration", f"(?P<x>(?P<num>{number})\\s+(?P<unit>{unit})){END}", (numbers, units)),
        ("set", f"(?P<x>كل\\s+(?:(?P<num>\\d+|{number})\\s+)?(?P<unit>{unit})){END}", (with_clitics(["كل"]), units)),
        ("set_per", f"(?P<x>في\\s+ال(?P<unit>يوم|اسبوع|شهر|عام|سنه|ساعه)){END}",
         (with_clitics(UNIT_WORDS + ("يوم", "ساعه")),)),
        ("clock", "(?P<x>الساعه\\s+(?P<hour>\\d\\d?)(?::(?P<minute>\\d\\d))?"
                  "(?:\\s+(?P<ampm>صباحا|مساء|ظهرا|عصرا|ليلا|فجرا))?)(?!\\d)", (DIGITS, with_clitics(["ساعه"]))),
    ]
    bit_of: dict[frozenset[str], int] = {}
    for _kind, _source, needs in sources:
        for need in needs:
            bit_of.setdefault(need, 1 << len(bit_of))
    word_bits: dict[str, int] = {}
    for need, bit in bit_of.items():
        for word in need:
            word_bits[word] = word_bits.get(word, 0) | bit
    patterns = tuple(Pattern(kind, re.compile(source), tuple(bit_of[n] for n in needs)) for kind, source, needs in sources)
    return Grammar(patterns, word_bits)
