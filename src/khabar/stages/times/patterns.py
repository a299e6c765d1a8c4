"""The regular expressions of time expressions, built once from the lexicons, over the normalised view.

Each pattern captures the expression as group ``x`` (an attached proclitic like و or ب stays outside
it) and names its parts. Patterns are tried separately; the tagger keeps the longest of overlapping
matches, so "الخميس 01 أكتوبر 2020 - 23:00" is one date rather than a weekday, a date and a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from khabar.stages.times.grammar import (
    APPROXIMATELY,
    CLOCKS,
    DIGITS,
    END,
    HIJRI_MARK,
    HIJRI_MARKS,
    LETTER,
    MODIFIER,
    OFFSET_PREPOSITIONS,
    PART_OF_DAY,
    PART_OF_DAY_WORDS,
    PLURAL_UNIT_WORDS,
    TOO_COMMON,
    UNIT_WORDS,
    YEAR,
    Grammar,
    Pattern,
    alternation,
    proclitic_offsets,
    with_clitics,
)
from khabar.stages.times.lexicon import TimeLexicon

_T = TypeVar("_T")

Source = tuple[str, str, tuple[frozenset[str], ...], frozenset[str]]  # kind, regex, the word sets it needs, its first words
EPITHETS = "المبارك|الكريم|المعظم|الفضيل"
PRESENT_ADJECTIVES = ("الحالي", "الحاليه", "الراهن", "الراهنه")
STUDY_OR_MONEY = "مالي|ماليه|دراسي|دراسيه|جامعي|جامعيه"
APPROXIMATE_WORDS = ("نحو", "حوالي", "قرابه", "زهاء", "اكثر", "اقل", "ازيد", "يقرب", "يزيد", "يقل")  # one is in each
EARLIER = "وقت\\s+(?:سابق|لاحق)\\s+(?:من\\s+)?"  # "(في) وقت سابق (من) اليوم/الثلاثاء/الشهر الجاري"
# "صباحا", "مساء"; "من ليلة البارحة" is looked at, not taken: the night named after it is an expression of its own
AM_PM = ("(?:\\s+(?P<ampm>صباحا|مساء|ظهرا|عصرا|ليلا|فجرا|بعد\\s+(?:الظهر|الزوال))"  # الزوال: noon (Tunisia)
         "|(?=\\s+(?P<ampm_of>من\\s+(?:ليله|مساء|عشيه|صباح|فجر))))?")
DECADES = "عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين"  # + يات/ات: "التسعينيات", "ستينات"
DECADE_WORDS = tuple(f"{article}{decade}{ending}" for article in ("", "ال") for decade in DECADES.split("|")
                     for ending in ("يات", "ات"))
LASTING_VERBS = "دام|دامت|يدوم|تدوم|استمر|استمرت|يستمر|تستمر|امتد|امتدت|يمتد|تمتد|استغرق|استغرقت|يستغرق|تستغرق"
SAME = "نفسه|نفسها|ذاته|ذاتها"  # "العام نفسه": the year named last
HALF_OF = "\\s+و\\s*(?P<half>نصف)(?:\\s+(?:ال)?(?:عام|سنه|ساعه|يوم|شهر|اسبوع|قرن|عقد))?"  # "ونصف العام"
HALF = f"(?:{HALF_OF})?"  # "ساعة ونصف", "دقيقتين ونصف", "عامين ونصف العام"
MONTH_LEADS = "في|منذ|حتي|خلال|مطلع|اوائل|اواسط|اواخر|بدايه|نهايه|منتصف|موفي"
WEEKDAY_RELATIVES = "امس|الامس|غدا|الغد|(?:يوم\\s+)?غد|اول\\s+امس|اول\\s+من\\s+امس|بعد\\s+غد"  # + a weekday
DUAL_QUALIFIERS = "ماضي|قادم|مقبل|اخير|فائت|منصرم|سابق"  # + ين/ان (ت for a feminine unit): "الماضيين", "المقبلتين"
RANGE_JOIN = "(?:-|–|و|الي|حتي|و\\s*حتي|و\\s*الي)"


def _words(phrases: Iterable[str]) -> set[str]:
    return {word for phrase in phrases for word in phrase.split()} - TOO_COMMON


def _firsts(phrases: Iterable[str]) -> frozenset[str]:
    """The words ``phrases`` (or the branches of a regex alternation "a|b\\s+c") start with, as they may
    stand in text: what a pattern opening with them is tried at (see ``Grammar.scan``).

    >>> sorted(_firsts("بعد\\s+ظهر|ليل"))[:3]
    ['البعد', 'الليل', 'ببعد']
    """
    if isinstance(phrases, str):
        phrases = [branch.replace("\\s+", " ") for branch in phrases.split("|")]
    return with_clitics({phrase.split()[0] for phrase in phrases})


def _gregorian(lex: TimeLexicon) -> list[str]:
    """"25 أكتوبر 2016", "الخميس 01 أكتوبر 2020 - 23:00", "الرابع من أيار/مايو", "فبراير/ شباط" ..."""
    month, qualifier = alternation(lex.months), alternation(lex.qualifiers)
    # "يوليو/تموز", "يوليو (تموز)", "يوليو تموز"; "2016", "عام 2016", "من العام الماضي", "من هذا العام"
    rest = (
        f"(?:\\s*[/\\\\-]\\s*(?P<mon2>{month})|\\s*\\(\\s*(?P<mon3>{month})\\s*\\)|\\s+(?P<mon4>{month}))?"
        f"(?:\\s*[،,]?\\s*(?:(?:عام|العام|سنه)\\s+)?(?P<year>{YEAR})(?:\\s*م(?![{LETTER}]))?"
        f"|\\s+من\\s+(?:(?P<ythis>هذا)\\s+(?:العام|السنه)|(?:العام|السنه)\\s+(?P<yqual>{qualifier})"
        f"|(?:العام|السنه)\\s+(?P<ysame>{SAME})|(?P<ysame2>نفس)\\s+(?:العام|السنه)"
        f"|(?:عام|العام|سنه)\\s+(?P<yearof>{YEAR})))?"
        f"(?:\\s+(?P<qual>{qualifier}))?"
        f"(?:\\s+(?:من\\s+)?(?P<every>كل)\\s+(?:عام|سنه))?"  # "17 أفريل من كل عام": every year
        f"(?:\\s*[-–،,]?\\s*(?:الساعه\\s+)?(?P<time>\\d\\d?:\\d\\d))?){END}"
    )
    tail = f"(?P<mon>{month}){rest}"
    of = "\\s+(?:من\\s+)?(?:شهر\\s+)?"
    # A month that is also a word (آب "father") leads a match only with its cue right after it.
    cue_led = (f"(?P<mon>{alternation(lex.cue_months)})(?=\\s*[/\\\\(-]|\\s+(?:{YEAR}|{qualifier}){END}"
               f"|\\s+(?:عام\\s+{YEAR}|من\\s+(?:هذا\\s+)?(?:العام|السنه)))")
    weekday_led = (f"(?P<wd>{alternation(lex.weekdays)})\\s*[،,]?\\s+(?:(?P<shahr>شهر)\\s+)?"
                   f"(?:(?:(?P<day>\\d\\d?)|(?P<ord>{alternation(lex.ordinals)})){of})?{tail}")
    return [
        f"(?P<x>{weekday_led}",
        f"(?P<x>(?P<today>اليوم)\\s+{weekday_led}",  # "اليوم الأحد 27 مارس 2016"
        f"(?P<x>(?P<today>اليوم)\\s+(?P<day>\\d\\d?){of}{tail}",  # "اليوم 15 تموز/يوليو 2018": one date
        f"(?P<x>(?P<shahr>شهر)\\s+{tail}",
        f"(?P<x>(?P<day>\\d\\d?){of}{tail}",
        f"(?P<x>(?P<ord>{alternation(lex.ordinals)}){of}{tail}",
        f"(?P<x>(?P<mon>{alternation(set(lex.months) - lex.cue_months)}){rest}",
        f"(?P<x>{cue_led}{rest}",
        # "في مارس، إن تركيا": after a preposition of time a month that is also a word is the month
        f"(?P<lead>{MONTH_LEADS})\\s+(?P<x>(?P<mon>{alternation(lex.cue_months)}){rest}",
    ]


def _numeric() -> list[str]:
    """"01/10/2020" (day first), "2020-10-01" and "2018/5/28"."""
    clock = "(?:\\s*[-–،,]?\\s*(?P<time>\\d\\d?:\\d\\d))?"
    return [
        f"(?P<x>(?P<day>\\d\\d?)(?P<sep>[/.-])(?P<mon>\\d\\d?)(?P=sep)(?P<year>{YEAR}){clock})(?![\\d/.:])",
        f"(?P<x>(?P<year>{YEAR})(?P<sep>[-/])(?P<mon>\\d\\d?)(?P=sep)(?P<day>\\d\\d?){clock})(?![\\d/.:])",
    ]


def _hijri(lex: TimeLexicon) -> list[str]:
    """"5 رمضان 1439 هـ", "شهر رمضان", "رمضان 1439"."""
    tail = (f"(?P<mon>{alternation(lex.hijri_months)})(?:\\s+(?P<year>\\d\\d\\d\\d?))?"
            f"(?:\\s*(?P<mark>{HIJRI_MARK}))?(?:\\s+(?P<epithet>{EPITHETS}))?"
            f"(?:\\s+(?P<qual>{alternation(lex.qualifiers)}))?){END}")
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
        f"(?P<x>(?P<pod>{PART_OF_DAY})\\s+(?:(?P<today>اليوم)\\s+|(?P<rel>امس|الامس|البارحه|غد|الغد)\\s+)?"
        f"(?:(?P<yawm>يوم)\\s+)?{tail}",  # "مساء أمس السبت"
        f"(?P<x>(?P<today>اليوم)\\s+{tail}",
        f"(?P<x>(?P<rel>{WEEKDAY_RELATIVES})\\s+{tail}",
        f"(?P<x>(?P<yawm>يوم)\\s+{tail}",
        f"(?P<x>{EARLIER}(?:(?P<yawm>يوم)\\s+)?{tail}",
    ]


def _relative(lex: TimeLexicon) -> list[str]:
    """"أمس", "الآن", "يوميا", "صباح اليوم"; "الأسبوع الماضي", "هذا العام", "مطلع العام الجاري"."""
    word = f"(?P<word>{alternation(lex.relative)})){END}"
    unit = (f"(?:ال|ل)(?P<unit>اسبوع|شهر|عام|سنه|عقد)(?:\\s+(?:(?P<qual>{alternation(lex.qualifiers)})"
            f"|(?P<new>الجديد|الجديده)))?){END}")
    return [
        f"(?P<x>{word}",
        f"(?P<x>(?P<pod>{PART_OF_DAY})\\s+{word}",
        f"(?P<x>{unit}",
        f"(?P<x>(?P<this>هذا|هذه)\\s+{unit}",
        f"(?P<x>(?P<mod>{MODIFIER})\\s+(?:(?P<this>هذا|هذه)\\s+)?{unit}",
        f"(?P<x>{EARLIER}(?:(?P<this>هذا|هذه)\\s+)?{unit}",
        f"(?P<x>{EARLIER}{word}",
    ]


def _number(lex: TimeLexicon, *, digits: bool = True) -> str:
    """Digits, or a number in words with its teens and tens: "ثلاثة", "ثلاثة عشر", "خمسة وعشرين"."""
    word = alternation(lex.numbers)
    words = f"{word}(?:\\s+عشره?)?(?:\\s+و\\s*{word})?"
    return f"(?:\\d+|{words})" if digits else f"(?:{words})"


def _ranges(lex: TimeLexicon) -> list[str]:
    """The first day of a range whose month follows the second: "بين 21 و27 يونيو", "21-27 يونيو 2018"."""
    month = alternation(lex.months)
    # "بين 21 و27 يونيو", "في 26، 27 و28 تموز": each day before the one the month follows
    second = (f"(?:\\s*(?:[،,]|{RANGE_JOIN})\\s*\\d\\d?)+\\s+(?:من\\s+)?(?:شهر\\s+)?(?P<mon>{month})"
              f"(?:\\s*[/\\\\-]\\s*(?P<mon2>{month})|\\s*\\(\\s*(?P<mon3>{month})\\s*\\))?"
              f"(?:\\s*[،,]?\\s*(?P<year>{YEAR}))?{END}")
    return [f"(?P<x>(?P<day>\\d\\d?))(?={second})"]


def _durations(lex: TimeLexicon) -> list[Source]:
    """"ثلاثة أيام", "19 عاما", "يومين", "أزيد من ساعة", "العشرة أعوام الأخيرة", "السنوات الخمس الماضية"."""
    unit, number, qualifier = alternation(lex.units), _number(lex, digits=False), alternation(lex.qualifiers)
    duals = [form for form, u in lex.units.items() if u.count == "2"]
    single = [form for form, u in lex.units.items() if u.count in ("1", "2")]
    plural = [form for form, u in lex.units.items() if u.count == "X"]
    units, numbers = with_clitics(_words(lex.units)), with_clitics(_words(lex.numbers))
    definite = with_clitics("ال" + n for n in _words(lex.numbers))
    return [
        # "(25) عاما", "«68» عاما", "27/ عاما": a number set off by a bracket or a slash still counts, and
        # "منذ 17عاما" with the space left out
        ("duration", f"(?P<x>(?P<num>\\d+)(?:\\s*[)»\"/]\\s*|\\s*)(?P<unit>{unit}){HALF}){END}", (DIGITS, units), DIGITS),
        ("duration", f"(?P<x>(?P<num>{number})\\s+(?P<unit>{unit}){HALF}){END}(?!\\s*\\d)", (numbers, units), _firsts(lex.numbers)),
        ("duration", f"(?P<x>(?P<dual>(?P<unit>{alternation(duals)})){HALF}){END}", (with_clitics(duals),), _firsts(duals)),
        # "سنة ونصف", "عام ونصف العام": one unit and a half
        ("duration", f"(?P<x>(?P<unit>{alternation(single)}){HALF_OF}){END}", (frozenset(("نصف", "ونصف")),),
         frozenset(c + form for c in ("", "و", "ل", "ب", "ف") for form in single)),
        ("duration", f"(?:{APPROXIMATELY})\\s+(?P<x>(?P<unit>{alternation(single)}){HALF}){END}(?!\\s*\\d)",
         (with_clitics(single), with_clitics(APPROXIMATE_WORDS)), _firsts(APPROXIMATELY)),
        # not "1.9 بالمائة سنة 2015": a unit before a number is a date's
        ("duration", f"(?P<x>ال(?P<num>{number})\\s+(?P<unit>{unit})(?:\\s+(?P<qual>{qualifier}))?){END}(?!\\s*\\d)",
         (definite, units), with_clitics("ال" + n for n in _firsts(lex.numbers))),
        ("duration", f"(?P<x>ال(?P<unit>{alternation(plural)})\\s+ال(?P<num>{number})"
                     f"(?:\\s+(?P<qual>{qualifier}))?){END}", (definite, with_clitics(plural)),
         with_clitics("ال" + p for p in _firsts(plural))),
        # "العامين الماضيين", "الأسبوعين المقبلين", "الساعتين الماضيتين": a dual with its qualifier in the dual
        ("duration", f"(?P<x>ال(?P<dual>(?P<unit>{alternation(duals)}))\\s+ال(?:{DUAL_QUALIFIERS})(?:ت)?(?:ين|ان)){END}",
         (with_clitics(duals),), with_clitics("ال" + d for d in duals)),
        ("duration", f"(?P<x>(?P<unit>{alternation(single)})\\s+(?:واحد|كامل)[اه]?){END}",
         (with_clitics(["واحد", "واحده", "واحدا", "كامل", "كامله", "كاملا"]), units), _firsts(single)),
        # "بعد قتال دام لساعة", "استمر شهرا", "تستغرق ساعة": a verb of lasting before a unit
        ("duration", f"(?:{LASTING_VERBS})\\s+(?:ل)?(?P<x>(?P<unit>{alternation(single)})){END}(?!\\s*\\d)",
         (with_clitics(LASTING_VERBS.split("|")), units), _firsts(LASTING_VERBS)),
        # "بعد ذلك بأسبوع", "بعدها بيومين": a stretch after an event
        ("duration", f"(?:ذلك|بعدها|قبلها|بعده|قبله)\\s+ب(?P<x>(?P<unit>{alternation(single)})){END}",
         (with_clitics(["ذلك", "بعدها", "قبلها", "بعده", "قبله"]), units), with_clitics(["ذلك", "بعدها", "قبلها", "بعده", "قبله"])),
        # "أبعده عن الأنظار لأعوام", "لسنوات طويلة": for years
        ("duration", f"ل(?P<x>(?P<unit>{alternation(plural)})(?:\\s+(?:طويله|عديده|قليله))?){END}",
         (with_clitics(["ل" + p for p in plural]),), with_clitics("ل" + p for p in _firsts(plural))),
        ("fraction", f"(?P<x>(?P<frac>نصف|ربع)\\s+(?P<unit>ساعه|يوم|قرن|عقد)){END}", (with_clitics(("نصف", "ربع")),), with_clitics(("نصف", "ربع"))),
    ]


def _vague(lex: TimeLexicon) -> list[Source]:
    """"الموسم الماضي", "المرحلة المقبلة", "المحترف الحالي", "سيعود يوما", "نهاية الأسبوع الماضي"."""
    qualifier = alternation(lex.qualifiers)
    return [
        ("period", f"(?P<x>(?:ال|ل)(?P<noun>{alternation(lex.periods)})\\s+(?P<qual>{qualifier})){END}",
         (with_clitics(lex.periods),), _firsts(lex.periods)),
        ("present", f"(?P<x>{alternation(PRESENT_ADJECTIVES)}){END}", (with_clitics(PRESENT_ADJECTIVES),), with_clitics(PRESENT_ADJECTIVES)),
        ("someday", f"(?P<x>يوما(?:\\s+(?P<ma>ما))?){END}", (with_clitics(["يوما"]),), with_clitics(["يوما"])),
    ]


def _calendar_words(lex: TimeLexicon) -> list[Source]:
    """"الثاني من الشهر الحالي", "صيف 2015", "الصيف الماضي", "السنة المالية الجديدة"."""
    qualifier, ordinal = alternation(lex.qualifiers), alternation(lex.ordinals)
    season = alternation(lex.seasons)
    after_season = (f"(?:\\s+(?:(?P<year>{YEAR})|(?:عام|العام|سنه)\\s+(?P<year2>{YEAR})|(?P<qual>{qualifier})"
                    f"|(?:ال)?(?:عام|سنه)\\s+(?P<unitqual>{qualifier})))?")
    seasons = with_clitics(_words(lex.seasons))
    century = f"القرن\\s+(?:(?P<cqual>{qualifier})|(?P<cord>{ordinal})|(?:ال)?\\s*(?P<cnum>\\d\\d)(?!\\d))"
    return [
        ("day_of_month", f"(?P<x>(?:(?P<day>\\d\\d?)|(?P<ord>{ordinal}))\\s+(?:من\\s+)?(?:(?P<this>هذا)\\s+)?"
                         f"(?:ال)?شهر(?:\\s+(?P<qual>{qualifier}))?){END}", (with_clitics(["شهر"]),), DIGITS | _firsts(lex.ordinals)),
        ("season", f"(?P<x>(?:فصل\\s+)?(?P<season>{season}){after_season}){END}", (seasons,), with_clitics(["فصل"]) | _firsts(lex.seasons)),
        ("season", f"(?P<x>(?P<this>هذا|هذه)\\s+(?P<season>{season})){END}", (seasons,), with_clitics(("هذا", "هذه"))),
        ("decade", f"(?P<x>(?:ال)?(?P<decade>{DECADES})(?:ي)?ات(?:\\s+(?:من\\s+)?{century})?){END}",
         (with_clitics(DECADE_WORDS),), with_clitics(DECADE_WORDS)),
        ("century", f"(?P<x>{century}){END}", (with_clitics(["القرن"]),), with_clitics(["القرن"])),
        ("quarter", f"(?P<x>(?P<part>الربع|النصف)\\s+(?P<which>الاول|الثاني|الثالث|الرابع|الاخير)\\s+"
                    f"(?:(?:من|ل)\\s*)?(?:(?:(?:عام|العام|سنه|السنه)\\s+)?(?P<year>{YEAR})|(?P<this>هذا\\s+)?"
                    f"(?:العام|السنه)(?:\\s+(?P<qual>{qualifier}))?)){END}", (with_clitics(["الربع", "النصف"]),), with_clitics(["الربع", "النصف"])),
        ("fiscal", f"(?P<x>(?:ال)?(?:عام|سنه)\\s+(?:ال)?(?:{STUDY_OR_MONEY})"
                   f"(?:\\s+(?P<year>{YEAR})|\\s+(?P<qual>{qualifier}|الجديد|الجديده))){END}",
         (with_clitics(STUDY_OR_MONEY.split("|")),), with_clitics(("عام", "سنه"))),
    ]


def _calendar_sources(lex: TimeLexicon) -> list[Source]:
    """Dates of the calendar: numeric, Gregorian (and the first day of a range), Hijri, years, weekdays."""
    months, hijri = with_clitics(_words(lex.months)), with_clitics(_words(lex.hijri_months))
    weekdays, part_of_day = with_clitics(_words(lex.weekdays)), with_clitics(PART_OF_DAY_WORDS)
    gregorian, weekday = _gregorian(lex), _weekday(lex)
    today, year_words, month_word = with_clitics(["اليوم"]), with_clitics(("عام", "سنه")), with_clitics(["شهر"])
    gregorian_leads = (_firsts(lex.weekdays), today, today, month_word, DIGITS, _firsts(lex.ordinals),
                       _firsts(set(lex.months) - lex.cue_months), _firsts(lex.cue_months), _firsts(MONTH_LEADS))
    led = list(zip(gregorian, gregorian_leads, strict=True))
    return [
        *(("numeric", p, (DIGITS,), DIGITS) for p in _numeric()),
        *(("gregorian", p, (months,), lead) for p, lead in led[:-2]),
        ("gregorian", led[-2][0], (with_clitics(lex.cue_months),), led[-2][1]),
        ("gregorian", led[-1][0], (with_clitics(lex.cue_months), with_clitics(MONTH_LEADS.split("|"))), led[-1][1]),
        *(("gregorian", p, (DIGITS, months), DIGITS) for p in _ranges(lex)),
        *(("hijri", p, (hijri,), lead) for p, lead in zip(_hijri(lex), (DIGITS, month_word, _firsts(lex.hijri_months)),
                                                          strict=True)),
        ("hijri_year", f"(?P<x>(?:عام|سنه)\\s+(?P<year>\\d\\d\\d\\d?)\\s*(?P<mark>{HIJRI_MARK})){END}",
         (DIGITS, HIJRI_MARKS), year_words),
        ("hijri_year", f"(?P<x>(?P<year>\\d\\d\\d\\d?)\\s*(?P<mark>{HIJRI_MARK})){END}", (DIGITS, HIJRI_MARKS), DIGITS),
        ("year", f"(?P<x>(?:عام|العام|سنه|السنه)\\s+(?P<year>{YEAR}))(?!\\d|\\s*(?:{HIJRI_MARK}){END})",
         (DIGITS, year_words), year_words),
        # "2016-2017" and "2016/2017" are two years; "2020-10-01" is a numeric date, "2016.5" no year
        ("bare_year", f"(?P<x>(?P<year>{YEAR}))(?!\\d|[/:-](?!{YEAR}(?!\\d))|\\.\\d|\\s*(?:{HIJRI_MARK}){END})", (DIGITS,),
         DIGITS),
        ("weekday", weekday[0], (weekdays,), _firsts(lex.weekdays)),
        ("weekday", weekday[1], (weekdays, part_of_day), _firsts(PART_OF_DAY)),
        ("weekday", weekday[2], (weekdays, today), today),
        ("weekday", weekday[3], (weekdays, with_clitics(["امس", "غدا", "غد"])), with_clitics(["امس", "غدا", "غد", "يوم", "اول", "بعد"])),
        ("weekday", weekday[4], (weekdays, with_clitics(["يوم"])), with_clitics(["يوم"])),
        ("weekday", weekday[5], (weekdays, with_clitics(["وقت"])), with_clitics(["وقت"])),
    ]


def _relative_sources(lex: TimeLexicon) -> list[Source]:
    """Relative words and units (a weekend before its week), offsets, sets and clock times."""
    unit, number, qualifier = alternation(lex.units), _number(lex), alternation(lex.qualifiers)
    units, part_of_day = with_clitics(_words(lex.units)), with_clitics(PART_OF_DAY_WORDS)
    relative, words = _relative(lex), with_clitics(_words(lex.relative))
    this, at_time = with_clitics(("هذا", "هذه")), with_clitics(["وقت"])
    bare_weekdays = [w[2:] for w in lex.weekdays if w.startswith("ال")]
    return [
        ("relative", relative[0], (words,), _firsts(lex.relative)),
        ("relative", relative[1], (words, part_of_day), _firsts(PART_OF_DAY)),
        # "ذلك العام", "العام نفسه", "في نفس العام": the year the text named last (the reader finds it)
        ("same_year", f"(?P<x>(?:(?:ذلك|تلك)\\s+(?:العام|السنه)|(?:العام|السنه)\\s+(?:{SAME})|نفس\\s+(?:العام|السنه))){END}",
         (with_clitics(["ذلك", "تلك", "نفس", *SAME.split("|")]), with_clitics(["عام", "سنه"])),
         with_clitics(["ذلك", "تلك", "نفس", "عام", "سنه"])),
        ("weekend", f"(?P<x>(?:عطله\\s+)?نهايه\\s+(?:(?P<this>هذا)\\s+)?الاسبوع(?:\\s+(?P<qual>{qualifier}))?){END}",
         (with_clitics(["نهايه"]), with_clitics(["اسبوع"])), with_clitics(["عطله", "نهايه"])),
        ("unit_relative", relative[2], (with_clitics(UNIT_WORDS),), with_clitics(UNIT_WORDS)),
        ("unit_relative", relative[3], (with_clitics(UNIT_WORDS), this), this),
        ("unit_relative", relative[4], (with_clitics(UNIT_WORDS), with_clitics(MODIFIER.split("|"))), _firsts(MODIFIER)),
        ("unit_relative", relative[5], (with_clitics(UNIT_WORDS), at_time), at_time),
        ("relative", relative[6], (words, at_time), at_time),
        # "في اليوم التالي", "صباح اليوم التالي": the day after the day named last (see ranges.follow_days)
        ("next_day", f"(?P<x>(?:(?P<pod>{PART_OF_DAY})\\s+)?اليوم\\s+(?P<which>التالي|الموالي|السابق)){END}",
         (with_clitics(["التالي", "الموالي", "السابق"]),), _firsts(PART_OF_DAY) | with_clitics(["اليوم"])),
        ("plural_relative", f"(?P<x>(?:ال|ل)(?P<unit>{alternation(PLURAL_UNIT_WORDS)})"
                            f"\\s+(?:القليله\\s+)?(?P<qual>{qualifier})){END}", (with_clitics(PLURAL_UNIT_WORDS),),
         with_clitics(PLURAL_UNIT_WORDS)),
        ("offset", f"(?P<prep>{OFFSET_PREPOSITIONS})\\s+(?:(?:{APPROXIMATELY})\\s+)?"
                   f"(?P<x>(?:(?P<num>{number})(?:\\s+|(?<=\\d))(?:ال(?={alternation(PLURAL_UNIT_WORDS)}))?)?(?P<unit>{unit})(?:\\s+واحد[اه]?)?{HALF}){END}(?!\\s*\\d)",
         (units,), _firsts(OFFSET_PREPOSITIONS)),
        ("set", f"(?P<x>كل\\s+(?:(?P<num>{number})\\s+)?(?P<unit>{unit})){END}", (with_clitics(["كل"]), units), with_clitics(["كل"])),
        # "كل يوم جمعة", "كل اثنين": every Friday, every Monday
        ("weekly", f"(?P<x>كل\\s+(?:(?P<yawm>يوم)\\s+)?(?P<wd>{alternation(bare_weekdays)})){END}",
         (with_clitics(["كل"]), with_clitics(bare_weekdays)), with_clitics(["كل"])),
        ("set_per", f"(?P<x>في\\s+ال(?P<unit>يوم|اسبوع|شهر|عام|سنه|ساعه)){END}",
         (with_clitics(UNIT_WORDS + ("يوم", "ساعه")),), with_clitics(["في"])),
        # "الساعة 16:20", and AFP's "الساعة 16,20"
        ("clock", f"(?P<x>الساعه\\s+(?P<hour>\\d\\d?)(?:[:,](?P<minute>[0-5]\\d))?{AM_PM})(?!\\d)",
         (DIGITS, with_clitics(["ساعه"])), with_clitics(["ساعه"])),
        # a bare "18:00" after "عند/في/حوالي" or before "بتوقيت", "صباحا", "مساء", "GMT" (the reader checks)
        # AFP writes "16,00" and "(13,00 ت غ)": a comma only before a time zone (the reader checks)
        ("bare_clock", f"(?P<x>(?P<hour>[01]?\\d|2[0-4])(?P<sep>[:,])(?P<minute>[0-5]\\d){AM_PM})(?![\\d:,])", (CLOCKS,), DIGITS),
        ("clock", f"(?P<x>الساعه\\s+(?P<hourword>{alternation(lex.hours)})(?:\\s+و\\s*(?P<fraction>النصف|نصف|الربع|ربع|الثلث|ثلث))?"
                  f"{AM_PM}){END}", (with_clitics(["ساعه"]), with_clitics(_words(lex.hours))), with_clitics(["ساعه"])),
    ]


def build_grammar(lex: TimeLexicon) -> Grammar:
    """Compile every pattern from the lexicons.

    No pattern starts with a look-behind or an optional part, so the regex engine skips straight to the
    characters a match can start with (three times faster than testing a look-behind everywhere); the
    tagger checks the left edge (a word start, or a proclitic before it) of what they find. Kinds with
    optional leading parts come as several patterns, one per lead.
    """
    sources = [*_calendar_sources(lex), *_relative_sources(lex), *_durations(lex), *_vague(lex), *_calendar_words(lex)]
    bit_of: dict[frozenset[str], int] = {}
    for _kind, _source, needs, _lead in sources:
        for need in needs:
            bit_of.setdefault(need, 1 << len(bit_of))
    word_bits: dict[str, int] = {}
    for need, bit in bit_of.items():
        for word in need:
            word_bits[word] = word_bits.get(word, 0) | bit
    lead_of: dict[frozenset[str], int] = {}
    for _kind, _source, _needs, lead in sources:
        lead_of.setdefault(lead, len(lead_of))
    opens: dict[str, list[int]] = {}
    for lead, index in lead_of.items():
        for word in lead:
            opens.setdefault(word, []).append(index)
    # ~36,000 word forms share ~200 distinct (lead indices, proclitic offsets) values: one object each
    shared: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[tuple[int, ...], tuple[int, ...]]] = {}
    leads = {word: _one_of(shared, (tuple(indices), proclitic_offsets(word))) for word, indices in opens.items()}
    patterns = tuple(Pattern(kind, re.compile(source), tuple(bit_of[n] for n in needs), lead_of[lead])
                     for kind, source, needs, lead in sources)
    return Grammar(patterns, word_bits, leads, len(lead_of))


def _one_of(shared: dict[_T, _T], value: _T) -> _T:
    """``value``, or the equal one already in ``shared`` (so that equal values are one object in memory)."""
    return shared.setdefault(value, value)
