"""TIMEX3 values: absolute dates, and relative ones resolved against an anchor (the publication date).

Without an anchor a relative expression keeps a relative value (see the README, "Places and dates in
the JSON"): ``REF`` (today), ``REF-P1D`` (yesterday), ``REF+P1W`` (next week), ``REF-P3D`` (three days
ago); ``XXXX-WXX-2`` (a Tuesday), ``XXXX-10-25`` (25 October, year unknown), ``XXXX-10`` (October).

News reports what has happened, so a weekday is the latest such day on or before the anchor
("الثلاثاء" in an article of Wednesday 2016-10-26 is 2016-10-25), and an undated day or month is the
nearest one with the future counted four times farther (``FUTURE_WEIGHT``). "المقبل"/"القادم" after
it picks the first one strictly after the anchor, a future marker in the sentence ("من المقرر",
"سوف") the first one on or after it, and "الماضي" the latest one strictly before.
"""

from __future__ import annotations

from datetime import date, timedelta

DURATION_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "H": "TH", "MIN": "TM", "DE": "DE", "CE": "CE"}
YEARS_IN = {"DE": 10, "CE": 100}
PART_OF_DAY = {"صباح": "MO", "صبيحه": "MO", "فجر": "MO", "ظهر": "MI", "ظهيره": "MI", "عصر": "AF",
               "مساء": "EV", "ليله": "NI", "ليل": "NI", "عشيه": "AF", "بعد ظهر": "AF", "بعد الظهر من": "AF"}
VAGUE = "X"
# An undated "12 May" or "September" is the nearest one, the future counting four times farther: news
# tells of the past, but "في 12 أيار/مايو" two weeks ahead is an announced date, not one eleven months ago.
FUTURE_WEIGHT = 4
# A day of the last month in a sentence that points ahead is that day, not the one eleven months on.
RECENT_DAYS = 31


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    """The ISO week of a day.

    >>> week_value(date(2016, 10, 19))
    '2016-W42'
    """
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_shift(anchor: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months from the anchor's month."""
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


CURRENT = 3  # "الجاري", "الحالي": the one of the anchor's year
EVEN = 4  # the nearest, the future counted as near as the past (a verb in the imperfect: "تنطلق في أكتوبر")


def pick_direction(qualifier: int | None, future: bool, *, nearest: bool = False, present: bool = False) -> int:
    """-1 for the latest on or before the anchor, -2 strictly before, +1 on or after, +2 strictly after,
    0 for the nearest with the future counted ``FUTURE_WEIGHT`` times farther (``nearest``), ``EVEN`` for
    the nearest either way (``nearest`` and ``present``), ``CURRENT``."""
    if qualifier == 0:
        return CURRENT
    if qualifier is not None and qualifier < 0:
        return -2
    if qualifier is not None and qualifier > 0:
        return 2
    if future:
        return 1
    if nearest:
        return EVEN if present else 0
    return -1


def weekday_date(anchor: date, weekday: int, direction: int) -> date:
    """The date of an ISO weekday near the anchor, in the given direction (see ``pick_direction``).

    >>> weekday_date(date(2016, 10, 26), 2, -1)
    datetime.date(2016, 10, 25)
    """
    today = anchor.isoweekday()
    if direction == -1:
        return anchor - timedelta(days=(today - weekday) % 7)
    if direction == -2:
        return anchor - timedelta(days=(today - weekday - 1) % 7 + 1)
    if direction == 1:
        return anchor + timedelta(days=(weekday - today) % 7)
    return anchor + timedelta(days=(weekday - today - 1) % 7 + 1)


def choose(candidates: list[date], anchor: date, direction: int) -> date | None:
    if direction == CURRENT:
        return next((d for d in candidates if d.year == anchor.year), None)
    if direction in (0, EVEN):
        weight = FUTURE_WEIGHT if direction == 0 else 1
        return min(candidates, default=None,
                   key=lambda d: (anchor - d).days if d <= anchor else weight * (d - anchor).days)
    if direction == -1:
        return max((d for d in candidates if d <= anchor), default=None)
    if direction == -2:
        return max((d for d in candidates if d < anchor), default=None)
    if direction == 1:
        return min((d for d in candidates if d >= anchor), default=None)
    return min((d for d in candidates if d > anchor), default=None)


def day_month_date(anchor: date, month: int, day: int, direction: int) -> date | None:
    """The date of an undated "25 October" near the anchor; None if no year has that day.

    >>> day_month_date(date(2018, 5, 21), 6, 24, 2)
    datetime.date(2018, 6, 24)
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    chosen = choose(candidates, anchor, direction)
    if direction == 1 and chosen is not None:  # a future marker of another clause may reach it
        recent = choose(candidates, anchor, -1)
        if recent is not None and (anchor - recent).days <= RECENT_DAYS:
            return recent  # "ستعيد الثلاثاء فتح المعبر بعد إغلاقه في التاسع من تموز" (22 July): this July
    return chosen


def month_value(anchor: date, month: int, direction: int) -> str:
    """The "YYYY-MM" of an undated month near the anchor (the month itself counts as "on").

    >>> month_value(date(2018, 5, 24), 9, -1)
    '2017-09'
    """
    firsts = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    chosen = choose(firsts, anchor.replace(day=1), direction) or firsts[1]
    return f"{chosen.year}-{chosen.month:02d}"


def offset_value(anchor: date | None, unit: str, count: int) -> tuple[str, bool]:
    """The value ``count`` units from the anchor (negative: before), at the unit's precision.

    >>> offset_value(date(2016, 10, 26), "W", -1), offset_value(None, "D", -3)
    (('2016-W42', True), ('REF-P3D', False))
    """
    if anchor is None:
        if count == 0:
            return ("REF" if unit == "D" else f"REF+P0{unit}"), False  # "هذا الأسبوع": REF+P0W
        return f"REF{'+' if count > 0 else '-'}{duration_value(unit, str(abs(count)))}", False
    if unit == "D" or unit in ("H", "MIN"):
        return day_value(anchor + timedelta(days=count if unit == "D" else 0)), True
    if unit == "W":
        return week_value(anchor + timedelta(weeks=count)), True
    if unit == "M":
        year, month = month_shift(anchor, count)
        return f"{year}-{month:02d}", True
    return str(anchor.year + count * YEARS_IN.get(unit, 1)), True


def duration_value(unit: str, count: str) -> str:
    """A TIMEX3 duration: P3D, P2W, PT5H, PXM (an unspecified number of months); decades as years.

    >>> duration_value("Y", "19"), duration_value("M", "X"), duration_value("H", "2"), duration_value("DE", "2")
    ('P19Y', 'PXM', 'PT2H', 'P20Y')
    """
    if unit in YEARS_IN:
        return f"P{VAGUE}Y" if count == VAGUE else f"P{int(count) * YEARS_IN[unit]}Y"
    letter = DURATION_UNITS[unit]
    if letter.startswith("T"):
        return f"PT{count}{letter[1:]}"
    return f"P{count}{letter}"


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # a season of year Y starts on the 1st of this month of Y
SEASON_MONTHS = 3


def season_year(anchor: date, code: str, offset: int) -> int:
    """The year of the season before (-1), holding or nearest (0) or after (+1) the anchor.

    >>> season_year(date(2015, 8, 6), "SU", -1), season_year(date(2016, 1, 10), "SU", 1), season_year(date(2016, 1, 10), "WI", 0)
    (2014, 2016, 2015)
    """
    def bounds(year: int) -> tuple[int, int]:  # month indexes [start, end)
        start = year * 12 + SEASON_START[code] - 1
        return start, start + SEASON_MONTHS

    here = anchor.year * 12 + anchor.month - 1
    years = range(anchor.year - 2, anchor.year + 2)
    if offset < 0:
        return max(y for y in years if bounds(y)[1] <= here)
    if offset > 0:
        return min(y for y in years if bounds(y)[0] > here)
    holding = [y for y in years if bounds(y)[0] <= here < bounds(y)[1]]
    return holding[0] if holding else anchor.year
