"""TIMEX3 values said in Arabic words, for people: "XXXX-WXX-2" is "يوم ثلاثاء", "REF-P1W" "الأسبوع الماضي".

``describe_time`` is pure (no lexicon to load) so the web page and the API can call it on any value the
TimeTagger writes, resolved or not. A value it cannot read is given back as it is.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
                "شوال", "ذو القعدة", "ذو الحجة")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # ISO 1..7
PARTS_OF_DAY = {"MO": "صباح", "MI": "ظهر", "AF": "بعد ظهر", "EV": "مساء", "NI": "ليلة"}
SEASONS = {"SU": "صيف", "WI": "شتاء", "FA": "خريف", "SP": "ربيع"}
VAGUE_WORDS = {"PRESENT_REF": "الآن", "PAST_REF": "في الماضي", "FUTURE_REF": "في المستقبل"}
# unit -> (one, two, three to ten, eleven and more, some, two after a preposition)
UNIT_WORDS = {
    "Y": ("عام", "عامان", "أعوام", "عاما", "أعوام", "عامين"), "M": ("شهر", "شهران", "أشهر", "شهرا", "أشهر", "شهرين"),
    "W": ("أسبوع", "أسبوعان", "أسابيع", "أسبوعا", "أسابيع", "أسبوعين"),
    "D": ("يوم", "يومان", "أيام", "يوما", "أيام", "يومين"),
    "H": ("ساعة", "ساعتان", "ساعات", "ساعة", "ساعات", "ساعتين"),
    "MIN": ("دقيقة", "دقيقتان", "دقائق", "دقيقة", "دقائق", "دقيقتين"),
}
DUAL = 2
LAST_PLURAL_COUNT = 10  # Arabic counts three to ten with a plural, eleven and more with a singular
# REF±P1<unit>: the words news uses for them
NEIGHBOURS = {
    ("D", -1): "أمس", ("D", 1): "غدا", ("D", -2): "أول أمس", ("D", 2): "بعد غد", ("D", 0): "اليوم",
    ("W", -1): "الأسبوع الماضي", ("W", 1): "الأسبوع المقبل", ("W", 0): "هذا الأسبوع",
    ("M", -1): "الشهر الماضي", ("M", 1): "الشهر المقبل", ("M", 0): "هذا الشهر",
    ("Y", -1): "العام الماضي", ("Y", 1): "العام المقبل", ("Y", 0): "هذا العام",
}
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T(?:(\d\d:\d\d)|(MO|MI|AF|EV|NI)))?$")
_UNDATED = re.compile(r"^XXXX-(?:(\d\d)(?:-(\d\d))?|WXX-(\d)|XX-XX)(?:T(?:(\d\d:\d\d)|(MO|MI|AF|EV|NI)))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_REF = re.compile(r"^REF(?:([+-])P(\d+)(D|W|M|Y))?(-WE)?$")
_DURATION = re.compile(r"^P(?:T(\d+|X)(H|M)|(\d+|X)(Y|M|W|D))$")


def describe_time(value: str, kind: str = "DATE") -> str:
    """Say a TIMEX3 value in Arabic words (``kind`` tells a duration from a set: "P1D" is "يوم" or "يوميا").

    >>> describe_time("XXXX-WXX-2"), describe_time("REF-P1W"), describe_time("PRESENT_REF")
    ('يوم ثلاثاء', 'الأسبوع الماضي', 'الآن')
    >>> describe_time("2016-10-25"), describe_time("P3Y", "DURATION"), describe_time("2016-W43-WE")
    ('الثلاثاء 25 أكتوبر 2016', '3 أعوام', 'نهاية الأسبوع من 24 أكتوبر 2016')
    """
    if value in VAGUE_WORDS:
        return VAGUE_WORDS[value]
    for reader in (_day, _undated, _week, _ref, _month_or_year, _hijri):
        words = reader(value)
        if words is not None:
            return words
    duration = _duration(value)
    if duration is not None:
        return _set(value, duration) if kind == "SET" else duration
    return value


def _day(value: str) -> str | None:
    found = _DAY.match(value)
    if found is None:
        return None
    try:
        day = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
    words = f"{WEEKDAYS[day.isoweekday() - 1]} {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _with_time(words, found[4], found[5])


def _with_time(words: str, clock: str | None, part: str | None) -> str:
    if clock:
        return f"الساعة {clock}، {words}" if words else f"الساعة {clock}"
    if part:
        return f"{PARTS_OF_DAY[part]} {words}".strip()
    return words


def _undated(value: str) -> str | None:
    found = _UNDATED.match(value)
    if found is None:
        return None
    month, day, weekday, clock, part = found.groups()
    if weekday:
        words = f"يوم {WEEKDAYS[int(weekday) - 1][2:]}" if not part else WEEKDAYS[int(weekday) - 1]
    elif month and 1 <= int(month) <= 12:
        words = f"{int(day)} {MONTHS[int(month) - 1]}" if day else f"شهر {MONTHS[int(month) - 1]}"
    elif value.startswith("XXXX-XX-XX"):
        words = ""
    else:
        return None
    return _with_time(words, clock, part)


def _week(value: str) -> str | None:
    found = _WEEK.match(value)
    if found is None:
        return None
    try:
        monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        return None
    start = f"{monday.day} {MONTHS[monday.month - 1]} {monday.year}"
    if found[3]:
        return f"نهاية الأسبوع من {start}"
    return f"أسبوع {start}"


def _ref(value: str) -> str | None:
    found = _REF.match(value)
    if found is None:
        return None
    sign, count, unit, weekend = found.groups()
    if sign is None:
        return "اليوم"
    offset = int(count) * (1 if sign == "+" else -1)
    if weekend:
        return "نهاية " + NEIGHBOURS.get(("W", offset), f"الأسبوع {'بعد' if offset > 0 else 'قبل'} {abs(offset)} أسابيع")
    if (unit, offset) in NEIGHBOURS:
        return NEIGHBOURS[(unit, offset)]
    return f"{'بعد' if offset > 0 else 'قبل'} {_count(abs(offset), unit, oblique=True)}"


def _month_or_year(value: str) -> str | None:
    if re.fullmatch(r"\d{4}", value):
        return f"عام {value}"
    if re.fullmatch(r"\d{3}X", value):
        return f"عقد {value[:3]}0"
    found = re.fullmatch(r"(\d{4}|XXXX)-(\d\d|SU|WI|FA|SP)", value)
    if found is None:
        return None
    year = "" if found[1] == "XXXX" else f" {found[1]}"
    if found[2] in SEASONS:
        return SEASONS[found[2]] + year
    month = int(found[2])
    return f"{MONTHS[month - 1]}{year}" if 1 <= month <= 12 else None


def _hijri(value: str) -> str | None:
    found = re.fullmatch(r"HXXXX-(\d\d)(?:-(\d\d))?", value)
    if found is None or not 1 <= int(found[1]) <= 12:
        return None
    month = HIJRI_MONTHS[int(found[1]) - 1]
    return f"{int(found[2])} {month}" if found[2] else f"شهر {month}"


def _duration(value: str) -> str | None:
    found = _DURATION.match(value)
    if found is None:
        return None
    count, unit = (found[1], "H" if found[2] == "H" else "MIN") if found[1] else (found[3], found[4])
    if count == "X":
        return UNIT_WORDS[unit][4]
    return _count(int(count), unit)


def _count(count: int, unit: str, *, oblique: bool = False) -> str:
    """"عام" (1), "عامان" (2; "عامين" after a preposition), "3 أعوام" (3 to 10), "19 عاما" (11 and more)."""
    one, two, few, many, _some, two_oblique = UNIT_WORDS[unit]
    if count == 1:
        return one
    if count == DUAL:
        return two_oblique if oblique else two
    return f"{count} {few if count <= LAST_PLURAL_COUNT else many}"


def _set(value: str, duration: str) -> str:
    daily = {"P1D": "يوميا", "P1W": "أسبوعيا", "P1M": "شهريا", "P1Y": "سنويا"}
    return daily.get(value, f"كل {duration}")
