"""TIMEX3 values said in Arabic words, for people: khabar's one implementation of them.

The API's and ``khabar render``'s time entries carry these words (``words``, declared in
``model/layers.py``) and the web page shows them, so a reader never has to decode "XXXX-WXX-2" or "REF-P1W".
A value without an anchor says what is missing: "يوم الثلاثاء (لم يُحدَّد تاريخه)", "25 أكتوبر (لم تُحدَّد
السنة)", and a relative one says what it is relative to: "قبل أسبوع من تاريخ النشر". ``describe_time`` is
pure (no lexicon to load) and never gives a code back: a value it cannot read is "تعبير زمني لم تُحدَّد قيمته".
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
                "شوال", "ذو القعدة", "ذو الحجة")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # ISO 1..7
DEFINITE = "ال"
PARTS_OF_DAY = {"MO": "صباح", "MI": "ظهر", "AF": "بعد ظهر", "EV": "مساء", "NI": "ليلة", "DT": "نهار"}
SEASONS = {"SU": "صيف", "WI": "شتاء", "FA": "خريف", "SP": "ربيع"}
QUARTERS = {"Q1": "الربع الأول", "Q2": "الربع الثاني", "Q3": "الربع الثالث", "Q4": "الربع الرابع",
            "H1": "النصف الأول", "H2": "النصف الثاني"}
VAGUE_WORDS = {"PRESENT_REF": "الآن", "PAST_REF": "في الماضي", "FUTURE_REF": "في المستقبل"}
# unit -> (one, two, three to ten, eleven to ninety-nine, some, two after a preposition)
UNIT_WORDS = {
    "Y": ("عام", "عامان", "أعوام", "عاما", "أعوام", "عامين"), "M": ("شهر", "شهران", "أشهر", "شهرا", "أشهر", "شهرين"),
    "W": ("أسبوع", "أسبوعان", "أسابيع", "أسبوعا", "أسابيع", "أسبوعين"),
    "D": ("يوم", "يومان", "أيام", "يوما", "أيام", "يومين"),
    "H": ("ساعة", "ساعتان", "ساعات", "ساعة", "ساعات", "ساعتين"),
    "MIN": ("دقيقة", "دقيقتان", "دقائق", "دقيقة", "دقائق", "دقيقتين"),
    "S": ("ثانية", "ثانيتان", "ثوان", "ثانية", "ثوان", "ثانيتين"),
    "DE": ("عقد", "عقدان", "عقود", "عقدا", "عقود", "عقدين"), "CE": ("قرن", "قرنان", "قرون", "قرنا", "قرون", "قرنين"),
}
CLOCK_UNITS = frozenset({"H", "MIN", "S"})
DUAL = 2
FEW = range(3, 11)  # Arabic counts three to ten with a plural,
MANY = range(11, 100)  # eleven to ninety-nine with an accusative singular, a hundred with a genitive one
EVERY_ONE = {"D": "يوميا", "W": "أسبوعيا", "M": "شهريا", "Y": "سنويا", "H": "كل ساعة"}
# What an unanchored value leaves unknown, said after its words
NO_DATE = "(لم يُحدَّد تاريخه)"
NO_YEAR = "(لم تُحدَّد السنة)"
NO_MONTH = "(لم يُحدَّد الشهر)"
# A relative value (REF...) counts from the publication, whose date the article does not give
FROM_PUBLICATION = "من تاريخ النشر"
FROM_PUBLICATION_TIME = "من وقت النشر"
OF_PUBLICATION = {"D": "يوم النشر", "W": "أسبوع النشر", "M": "شهر النشر", "Y": "عام النشر"}
NO_VALUE = "تعبير زمني"
UNREAD = "تعبير زمني لم تُحدَّد قيمته"
HIJRI_ERA = "هـ"

_TIME = r"(?:T(?:(\d\d:\d\d)(?::\d\d)?|(MO|MI|AF|EV|NI|DT)))?"
_DAY = re.compile(rf"^(\d{{4}})-(\d\d)-(\d\d){_TIME}$")
_UNDATED = re.compile(rf"^XXXX-(?:(\d\d)-(\d\d)|(\d\d)|WXX-([1-7])|XX-(\d\d)|XX-XX){_TIME}$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_PART_OF_YEAR = re.compile(r"^(\d{4}|XXXX)-(\d\d|SU|WI|FA|SP|Q[1-4]|H[12])$")
_HIJRI = re.compile(r"^H(\d{4}|XXXX)(?:-(\d\d)(?:-(\d\d))?)?$")
_REF = re.compile(r"^REF(?:([+-])(P[^-]+))?(?:-(WE|\d\d))?$")
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_PERIOD = re.compile(rf"^P((?:{_AMOUNT}(?:DE|CE|[YMWD]))*)(?:T((?:{_AMOUNT}[HMS])+))?$")
_PERIOD_PART = re.compile(rf"({_AMOUNT})(DE|CE|[YMWDHS])")

Said = tuple[str, str]  # the words of a point in time, and what it leaves unknown ("" when nothing)


def describe_time(value: str, kind: str = "DATE") -> str:
    """Say a TIMEX3 value in Arabic words (``kind`` tells a duration from a set: "P1D" is "مدة يوم" or "يوميا").

    >>> describe_time("2016-10-25"), describe_time("XXXX-WXX-2"), describe_time("REF-P1W")
    ('الثلاثاء 25 أكتوبر 2016', 'يوم الثلاثاء (لم يُحدَّد تاريخه)', 'قبل أسبوع من تاريخ النشر')
    >>> describe_time("PRESENT_REF"), describe_time("P3Y", "DURATION"), describe_time("P1D", "SET")
    ('الآن', 'مدة 3 أعوام', 'يوميا')
    """
    if not value:
        return NO_VALUE
    if value in VAGUE_WORDS:
        return VAGUE_WORDS[value]
    if kind == "SET":
        every = _every(value)
        if every is not None:
            return every
    point = _point(value)
    if point is not None:
        words, missing = point
        return f"{words} {missing}".strip()
    return _relative(value) or _duration(value) or UNREAD


def _point(value: str) -> Said | None:
    """A point or stretch of the calendar: a day, a week, a month, a season, a year, a decade."""
    for reader in (_day, _undated, _week, _part_of_year, _year, _hijri):
        said = reader(value)
        if said is not None:
            return said
    return None


def _day(value: str) -> Said | None:
    found = _DAY.match(value)
    if found is None:
        return None
    try:
        day = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
    words = f"{WEEKDAYS[day.isoweekday() - 1]} {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _with_time(words, found[4], found[5]), ""


def _with_time(words: str, clock: str | None, part: str | None) -> str:
    if clock:
        return f"الساعة {clock}، {words}" if words else f"الساعة {clock}"
    if part:
        return f"{PARTS_OF_DAY[part]} {words}".strip()
    return words


def _undated(value: str) -> Said | None:
    found = _UNDATED.match(value)
    if found is None:
        return None
    month, day, only_month, weekday, only_day, clock, part = found.groups()
    month = month or only_month
    if month is not None and not 1 <= int(month) <= 12:
        return None
    if weekday:
        name = WEEKDAYS[int(weekday) - 1]
        return _with_time(name if part else f"يوم {name}", clock, part), NO_DATE
    if month:
        words = f"{int(day)} {MONTHS[int(month) - 1]}" if day else f"شهر {MONTHS[int(month) - 1]}"
        return _with_time(words, clock, part), NO_YEAR
    if only_day:
        return _with_time(f"يوم {int(only_day)}", clock, part), NO_MONTH
    return _with_time("", clock, part) or "يوم", NO_DATE


def _week(value: str) -> Said | None:
    found = _WEEK.match(value)
    if found is None:
        return None
    try:
        monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        return None
    start = f"{monday.day} {MONTHS[monday.month - 1]} {monday.year}"
    return (f"نهاية الأسبوع من {start}" if found[3] else f"أسبوع {start}"), ""


def _part_of_year(value: str) -> Said | None:
    """A month, a season, a quarter or a half of a year, the year known or not ("XXXX")."""
    found = _PART_OF_YEAR.match(value)
    if found is None:
        return None
    year, part = found.groups()
    if part in SEASONS:
        words = SEASONS[part]
    elif part in QUARTERS:
        words = QUARTERS[part] + ("" if year == "XXXX" else " من عام")
    elif 1 <= int(part) <= 12:
        words = MONTHS[int(part) - 1]
    else:
        return None
    return (words, NO_YEAR) if year == "XXXX" else (f"{words} {year}", "")


def _year(value: str) -> Said | None:
    """A year ("2016", "785"), a decade ("201X") or a century ("20" or "20XX", the 21st)."""
    if re.fullmatch(r"\d{3,4}", value):
        return f"عام {int(value)}", ""
    if re.fullmatch(r"\d{3}X", value):
        return f"عقد {value[:3]}0", ""
    if re.fullmatch(r"\d{2}(?:XX)?", value):  # TIMEX3 "15": the 16th century
        return f"القرن {int(value[:2]) + 1}", ""
    return None


def _hijri(value: str) -> Said | None:
    found = _HIJRI.match(value)
    if found is None:
        return None
    year, month, day = found.groups()
    if month is None:
        return None if year == "XXXX" else (f"عام {int(year)} {HIJRI_ERA}", "")
    if not 1 <= int(month) <= 12:
        return None
    name = HIJRI_MONTHS[int(month) - 1]
    words = f"{int(day)} {name}" if day else f"شهر {name}"
    return (words, NO_YEAR) if year == "XXXX" else (f"{words} {int(year)} {HIJRI_ERA}", "")


def _relative(value: str) -> str | None:
    """A value counted from the publication ("REF-P1W", "REF+P1M-15", "REF-P1W-WE"), whose date is unknown."""
    found = _REF.match(value)
    if found is None:
        return None
    sign, period, tail = found.groups()
    if period is None:
        return OF_PUBLICATION["D"] if tail is None else None
    parts = _period_parts(period)
    if parts is None:
        return None
    if all(count == "0" for count, _ in parts):
        return _of_publication(parts[-1][1], tail)
    if (parts, tail == "WE") in (([("1", "W")], True), ([("1", "M")], False)) and tail is not None:
        return _next_to_publication(sign, tail)  # the week or month next to the publication's
    amount = " و".join(_count(count, unit, oblique=True) for count, unit in parts)
    since = FROM_PUBLICATION_TIME if parts[-1][1] in CLOCK_UNITS else FROM_PUBLICATION
    said = f"{'قبل' if sign == '-' else 'بعد'} {amount} {since}"
    if tail == "WE":
        return f"نهاية الأسبوع {said}"
    return said if tail is None else f"يوم {int(tail)}، {said}"


def _next_to_publication(sign: str, tail: str) -> str:
    """"REF-P1W-WE" is the weekend of the week before the publication's, "REF+P1M-15" the 15th of the next month."""
    side = "السابق" if sign == "-" else "التالي"
    if tail == "WE":
        return f"نهاية الأسبوع {side} ل{OF_PUBLICATION['W']}"
    return f"يوم {int(tail)} من الشهر {side} ل{OF_PUBLICATION['M']}"


def _of_publication(unit: str, tail: str | None) -> str | None:
    """"REF+P0W" is the publication's week; "REF+P0W-WE" its weekend, "REF+P0M-15" the 15th of its month."""
    if tail == "WE":
        return "نهاية أسبوع النشر"
    if tail is not None:
        return f"يوم {int(tail)} من {OF_PUBLICATION['M']}"
    return OF_PUBLICATION.get(unit, "وقت النشر")


def _period_parts(text: str) -> list[tuple[str, str]] | None:
    """The (count, unit) parts of an ISO 8601 period: "P1Y6M" [("1", "Y"), ("6", "M")], "PT90M" [("90", "MIN")]."""
    found = _PERIOD.match(text)
    if found is None:
        return None
    days, clock = found[1], found[2] or ""
    parts = _PERIOD_PART.findall(days) + [(c, "MIN" if u == "M" else u) for c, u in _PERIOD_PART.findall(clock)]
    return parts or None


def _duration(value: str) -> str | None:
    parts = _period_parts(value)
    if parts is None:
        return None
    return "مدة " + " و".join(_count(count, unit, oblique=True) for count, unit in parts)


def _every(value: str) -> str | None:
    """A set: "P1D" every day, "P3M" every three months, "XXXX-WXX-5" every Friday, "XXXX-04-17" every year."""
    weekday = re.fullmatch(r"XXXX-WXX-([1-7])", value)
    if weekday:
        return f"كل يوم {WEEKDAYS[int(weekday[1]) - 1].removeprefix(DEFINITE)}"
    parts = _period_parts(value)
    if parts is not None and len(parts) == 1:
        count, unit = parts[0]
        return EVERY_ONE[unit] if count == "1" and unit in EVERY_ONE else f"كل {_count(count, unit, oblique=True)}"
    point = _point(value)
    if point is not None and point[1] == NO_YEAR:
        return f"{point[0]} من كل عام"
    return None


def _count(count: str, unit: str, *, oblique: bool = False) -> str:
    """"عام" (1), "عامان" (2; "عامين" after a preposition), "3 أعوام" (3 to 10), "19 عاما" (11 to 99), "100 عام"."""
    one, two, few, many, some, two_oblique = UNIT_WORDS[unit]
    if count == "X":
        return some
    if not count.isdigit():  # "1.5"
        return f"{count} {one}"
    number = int(count)
    if number == 1:
        return one
    if number == DUAL:
        return two_oblique if oblique else two
    if number % 100 in FEW:
        return f"{number} {few}"
    return f"{number} {many if number % 100 in MANY else one}"
