"""Readers of the parts and stretches of years: seasons, decades, centuries, quarters and halves;
and of the day after (or before) a day the text named, and of a weekday every week.

One reader per pattern kind of ``patterns.py`` (``season``, ``decade``, ``century``, ``quarter``, ``next_day``,
``weekly``);
``PERIOD_READERS`` maps each kind to its reader.
"""

from __future__ import annotations

import re

from khabar.stages.times.context import (
    Context,
    Reader,
    Reading,
    must,
    part,
    qualifier,
    reading,
    without_proclitic,
)
from khabar.stages.times.ranges import DAY_STEP, FUTURE_DAY_STEP
from khabar.stages.times.values import PART_OF_DAY, offset_value, season_year

QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}
HALVES = {"الاول": 1, "الثاني": 2, "الاخير": 2}
TWENTIETH = 19  # a decade named without its century is of the 1900s ("التسعينيات")
NEXT_DAY = {"التالي": 1, "الموالي": 1, "السابق": -1}
# Words that place something in a century ("في القرن", "منذ مطلع القرن", "النصف الأول من القرن"), and words
# after it that make it no century of the Common Era ("الهجري", "قبل الميلاد", "القرن الأول من عمر المونديال").
CENTURY_BEFORE = frozenset("في منذ الي حتي خلال طوال من مطلع بدايه بدايات اوائل اواخر اواسط منتصف نهايه اول اخر".split())
CENTURY_NOT_AFTER = frozenset("الهجري هجري للهجره قبل من".split())
MAX_CENTURY = 21
FROM_EVENT = ("لل", "من", "علي")  # "اليوم التالي للانتخابات", "اليوم السابق من": counted from an event


def read_season(m: re.Match[str], ctx: Context) -> Reading | None:
    """"صيف 2015" 2015-SU, "الصيف الماضي", "هذا الشتاء", "خريف العام الماضي"."""
    code = ctx.lexicon.seasons[must(m, "season")]
    year_text, offset = part(m, "year"), qualifier(m, ctx)
    if year_text:
        return reading(m, "DATE", f"{year_text}-{code}", True)
    if part(m, "unitqual") is not None:  # "صيف العام الماضي"
        offset = ctx.lexicon.qualifiers[must(m, "unitqual")]
        year_value, resolved = offset_value(ctx.anchor, "Y", offset)
        return reading(m, "DATE", f"{year_value}-{code}" if resolved else f"XXXX-{code}", resolved)
    if offset is None and not part(m, "this"):
        return None
    if ctx.anchor is None:
        return reading(m, "DATE", f"XXXX-{code}", False)
    return reading(m, "DATE", f"{season_year(ctx.anchor, code, offset or 0)}-{code}", True)


def read_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """"التسعينيات" 199X, "ستينيات القرن الماضي" 196X, "خمسينيات القرن التاسع عشر" 185X.

    A century named alone is left out: news names it in generic phrases and names ("أعظم شخصيات القرن
    العشرين", "صفقة القرن", "فوكس القرن الحادي والعشرين") more than as a time.
    """
    decade = ctx.lexicon.numbers.get(must(m, "decade"), "")
    if not decade.isdigit():
        return None
    century = _century(m, ctx)
    return reading(m, "DATE", f"{century if century is not None else TWENTIETH}{int(decade) // 10}X", True)


def read_century(m: re.Match[str], ctx: Context) -> Reading | None:
    """"في القرن السادس عشر" 15, "منذ مطلع القرن الماضي" 19, "إلى القرن الـ 16" 15 (TIMEX3: a century is the
    two first digits of its years). Only after a word that places something in time (في، منذ، إلى، مطلع ...):
    news names centuries in names and epithets ("فوكس القرن الحادي والعشرين", "تحديات القرن العشرين"), and
    not a Hijri century, one before Christ, nor a century "of" something ("القرن الأول من عمر المونديال")."""
    before = without_proclitic(ctx.word_before(m.start("x")))
    if before not in CENTURY_BEFORE or ctx.word_after(m.end("x")) in CENTURY_NOT_AFTER:
        return None
    century = _century(m, ctx)
    if century is None or not 0 <= century < MAX_CENTURY:
        return None
    return reading(m, "DATE", f"{century:02d}", True)


def _century(m: re.Match[str], ctx: Context) -> int | None:
    """The two first digits of the years of the century the match names, if it names one."""
    ordinal, number, word = part(m, "cord"), part(m, "cnum"), part(m, "cqual")
    offset = ctx.lexicon.qualifiers.get(word) if word else None
    if ordinal:
        return ctx.lexicon.ordinals[" ".join(ordinal.split())] - 1
    if number:
        return int(number) - 1
    if offset is not None:
        return (ctx.anchor.year // 100 if ctx.anchor else TWENTIETH + 1) + offset
    return None


def read_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الربع الأول من 2018" 2018-Q1, "النصف الأول من العام المقبل" 2019-H1, "الربع الأخير من العام" Q4."""
    quarters = must(m, "part") == "الربع"
    which = QUARTERS.get(must(m, "which"), 0) if quarters else HALVES.get(must(m, "which"), 0)
    if not which:
        return None
    code = f"Q{which}" if quarters else f"H{which}"
    year_text = part(m, "year")
    if year_text:
        return reading(m, "DATE", f"{year_text}-{code}", True)
    year, resolved = offset_value(ctx.anchor, "Y", qualifier(m, ctx) or 0)
    return reading(m, "DATE", f"{year}-{code}" if resolved else f"XXXX-{code}", resolved)


def read_next_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """"في اليوم التالي", "صباح اليوم التالي", "اليوم السابق": a day from the day the text named last, which
    ``ranges.follow_days`` puts in (the reading is dropped when none stands close before it)."""
    after = ctx.word_after(m.end("x"))
    if after.startswith(FROM_EVENT[0]) or after in FROM_EVENT[1:]:
        return None
    pod = PART_OF_DAY.get(" ".join((part(m, "pod") or "").split()))
    step = f"{FUTURE_DAY_STEP if ctx.future else DAY_STEP}{NEXT_DAY[must(m, 'which')]:+d}"
    return reading(m, "DATE", step + (f"T{pod}" if pod else ""), False)


def read_weekly(m: re.Match[str], ctx: Context) -> Reading | None:
    """"كل يوم جمعة" XXXX-WXX-5, "كل اثنين" XXXX-WXX-1; not "كل أحد" (everyone) without "يوم"."""
    day = must(m, "wd")
    if day == "احد" and not part(m, "yawm"):
        return None
    return reading(m, "SET", f"XXXX-WXX-{ctx.lexicon.weekdays['ال' + day]}", False)


PERIOD_READERS: dict[str, Reader] = {"season": read_season, "decade": read_decade, "century": read_century,
                                     "quarter": read_quarter,
                                     "next_day": read_next_day, "weekly": read_weekly}
