"""The tabular Islamic calendar: Hijri dates to Gregorian dates and back, by arithmetic alone.

The tabular (arithmetic) calendar gives months of 30 and 29 days in turn, with 11 leap years (Dhu
al-Hijjah of 30 days) in every 30: years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of the cycle, and
its epoch is 1 Muharram 1 AH = 16 July 622 (Julian). Real Hijri months start when the new crescent is
seen (or, in Saudi Arabia, by the Umm al-Qura tables), so a tabular date may differ from the date an
article means by one day, rarely two. Good enough for a date in the news; not for prayer times.
"""

from __future__ import annotations

import math
from datetime import date

EPOCH_JDN = 1948440  # Julian Day Number of 1 Muharram 1 AH (16 July 622, Julian)
ORDINAL_TO_JDN = 1721425  # date(1, 1, 1).toordinal() == 1 is JDN 1721426
CYCLE_DAYS = 10631  # days in a 30-year cycle
MONTHS = 12


def hijri_to_jdn(year: int, month: int, day: int) -> int:
    """The Julian Day Number of a tabular Hijri date."""
    return (day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
            + EPOCH_JDN - 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Hijri date (tabular calendar; may be a day off the observed one).

    Umm al-Qura began Ramadan 1439 on 2018-05-17 and Muharram 1440 on 2018-09-11:

    >>> hijri_to_gregorian(1439, 9, 1), hijri_to_gregorian(1440, 1, 1)
    (datetime.date(2018, 5, 16), datetime.date(2018, 9, 12))
    """
    if not (1 <= month <= MONTHS and 1 <= day <= 30 and year >= 1):
        raise ValueError(f"not a Hijri date: {year}-{month}-{day}")
    return date.fromordinal(hijri_to_jdn(year, month, day) - ORDINAL_TO_JDN)


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """The tabular Hijri (year, month, day) of a Gregorian date.

    >>> gregorian_to_hijri(date(2018, 5, 16))
    (1439, 9, 1)
    """
    jdn = day.toordinal() + ORDINAL_TO_JDN
    year = (30 * (jdn - EPOCH_JDN) + 10646) // CYCLE_DAYS
    month = min(MONTHS, math.ceil((jdn - 29 - hijri_to_jdn(year, 1, 1)) / 29.5) + 1)
    return year, month, jdn - hijri_to_jdn(year, month, 1) + 1
