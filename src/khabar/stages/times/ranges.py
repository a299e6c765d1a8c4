"""The two ends of a range agree: "بين 5 يناير و1 فبراير 2019" puts 5 January in 2019 too, and in "من 27 ديسمبر
إلى 3 يناير" the second end comes after the first.

Each end is read on its own (a year the text gives, else the year nearest the publication date); a
range then makes its ends cohere: an end without a year of its own takes the other end's, the first
end never after the second.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date, timedelta

from khabar.stages.times.context import Reading

# Between the two ends: "و", "-", "إلى", "حتى", "لغاية" (a list joined by "و" only after "بين").
JOIN = re.compile(r"^\s*(?:-|–|الي|حتي|لغايه|الي\s+غايه|و\s*(?:حتي|الي|لغايه))\s*$")
AND = re.compile(r"^\s*و\s*$")
OPENS = re.compile(r"(?:بين|من|منذ)\s+(?:(?:يوم|يومي|شهر|شهري)\s+)?$")
YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
YEAR_WORD = re.compile(r"(?<![\u0621-\u064a])(?:عام|العام|سنه|السنه)(?![\u0621-\u064a])")
WEEKDAY = re.compile("(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?![\u0621-\u064a])")
DAY = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?$")
LOOK_BACK = 20  # characters before the first end for "بين"/"من"
DAY_STEP = "@D"  # the value a reader gives "اليوم التالي" ("@D+1", "@D+1TMO") until follow_days resolves it
FUTURE_DAY_STEP = "@F"  # ... in a sentence that points ahead ("ستعود في اليوم التالي")
DAY_REACH = 300  # characters from the day named last to "اليوم التالي"
FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
RELATIVE_DAY = re.compile("(?:امس|اليوم|غدا|غد)(?![\u0621-\u064a])")
OPEN_BRACKET = re.compile(r"^\s*\(\s*$")
CLOCK_GAP = 12  # characters between a day and the clock time that follows it ("يوم 02 حزيران الساعة 22,45")


def cohere(readings: list[Reading], view: str, qualifiers: Iterable[str] = ()) -> list[Reading]:
    """``readings`` (in text order) with the ends of each range made to agree; an end with one of
    ``qualifiers`` ("3 يناير المقبل") is placed in time as an end with its year is."""
    out = list(readings)
    qualified = frozenset(qualifiers)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (first.type != "DATE" or second.type != "DATE" or not _joined(view, first, second)
                or any(WEEKDAY.search(view, r.start, r.end) for r in (first, second))):
            continue  # "من الأحد إلى الخميس" is a week's days, no dates to move by a year
        first_year, second_year = _given_year(view, first, qualified), _given_year(view, second, qualified)
        if second_year and not first_year:
            out[i] = _in_year_before(first, second)
        elif not second_year:
            out[i + 1] = _after(second, out[i])
    return out


def _joined(view: str, first: Reading, second: Reading) -> bool:
    between = view[first.end : second.start]
    opened = OPENS.search(view, max(0, first.start - LOOK_BACK), first.start) is not None
    return (JOIN.match(between) is not None and opened) or (AND.match(between) is not None
                                                           and view[max(0, first.start - LOOK_BACK) : first.start].rstrip().endswith("بين"))


def _given_year(view: str, reading: Reading, qualifiers: frozenset[str] = frozenset()) -> bool:
    """Whether the text gives the end's year: "2019", "من العام الماضي", "يناير المقبل"."""
    return YEAR_IN_TEXT.search(view, reading.start, reading.end) is not None or YEAR_WORD.search(
        view, reading.start, reading.end) is not None or not qualifiers.isdisjoint(view[reading.start : reading.end].split())


def _in_year_before(first: Reading, second: Reading) -> Reading:
    """``first`` moved into the year of ``second``, or the year before when it would come after it."""
    one, two = DAY.match(first.value), DAY.match(second.value)
    if one is None or two is None:
        return first
    year = int(two[1])
    if (one[2], one[3] or "00") > (two[2], two[3] or "99"):
        year -= 1
    return dataclasses.replace(first, value=_with_year(first.value, year))


def _after(second: Reading, first: Reading) -> Reading:
    """``second`` in the year of ``first``, or the year after when it would come before it: the first end
    stands nearer the verb that placed it in time ("وقعت المعارك بين 21 و27 يونيو": both last June)."""
    one, two = DAY.match(first.value), DAY.match(second.value)
    if one is None or two is None:
        return second
    start, end = (int(one[2]), int(one[3] or 1)), (int(two[2]), int(two[3] or 31))
    value = _with_year(second.value, int(one[1]) + (1 if end < start else 0))
    return dataclasses.replace(second, value=value)


def _with_year(value: str, year: int) -> str:
    moved = f"{year:04d}{value[4:]}"
    day = DAY.match(moved)
    if day is not None and day[3]:
        try:
            date(year, int(day[2]), int(day[3]))
        except ValueError:
            return value  # 29 February of a year without one
    return moved


def follow_days(readings: list[Reading], anchor: date | None, reach: int = DAY_REACH) -> list[Reading]:
    """``readings`` (in text order) with "اليوم التالي" put on the day after the day named last, within
    ``reach`` characters ("أعلن الخميس إلغاء القمة لكنه عاد في اليوم التالي": Friday), or left out. A day
    after ``anchor`` counts only for a sentence that points ahead: "أعلن الخميس إلغاء القمة المقررة في 12
    يونيو، لكنه عاد في اليوم التالي" is the Friday."""
    out: list[Reading] = []
    past: tuple[int, date] | None = None  # (where it ends, the day) of the last day named on or before the anchor
    any_day: tuple[int, date] | None = None
    for found in readings:
        if found.value.startswith((DAY_STEP, FUTURE_DAY_STEP)):
            last = any_day if found.value.startswith(FUTURE_DAY_STEP) else past
            if last is None or found.start - last[0] > reach:
                continue
            step, _, part = found.value[len(DAY_STEP) :].partition("T")
            day = last[1] + timedelta(days=int(step))
            out.append(dataclasses.replace(found, value=day.isoformat() + (f"T{part}" if part else ""), resolved=True))
            past = any_day = (found.end, day)
            continue
        full = FULL_DAY.match(found.value)
        if full is not None:
            any_day = (found.end, date.fromisoformat(full[0]))
            if anchor is None or any_day[1] <= anchor:
                past = any_day
        out.append(found)
    return out


def clocks_on_their_day(readings: list[Reading], anchor: date | None) -> list[Reading]:
    """``readings`` (in text order) with a clock time read on the anchor's day moved to the day just before
    it: "يوم 02 حزيران/يونيو الساعة 22,45 (21,45 ت غ)" is 2 June at 22:45 and 21:45."""
    if anchor is None:
        return readings
    out: list[Reading] = []
    on_anchor = anchor.isoformat() + "T"
    for found in readings:
        before = out[-1] if out else None
        if (found.type == "TIME" and found.value.startswith(on_anchor) and before is not None
                and found.start - before.end <= CLOCK_GAP and FULL_DAY.match(before.value)
                and not before.value.startswith(on_anchor[:-1])):
            found = dataclasses.replace(found, value=before.value[:10] + found.value[10:])
        out.append(found)
    return out


def bracketed_weekdays(readings: list[Reading], view: str) -> list[Reading]:
    """``readings`` (in text order) with a relative day followed by its weekday in brackets put on that
    weekday: in a quote the editor's "(الأربعاء)" says which day "أمس"/"اليوم"/"غدا" was when it was said
    ("وقال "أمس(الأربعاء) أرسل لي رسالة"" in an article of Friday is Wednesday, not Thursday)."""
    out = list(readings)
    for i in range(len(out) - 1):
        relative, weekday = out[i], out[i + 1]
        if (view[weekday.end : weekday.end + 1] != ")" or not OPEN_BRACKET.match(view[relative.end : weekday.start])
                or not RELATIVE_DAY.search(view, relative.start, relative.end) or not WEEKDAY.search(view, weekday.start, weekday.end)
                or not FULL_DAY.match(relative.value) or not FULL_DAY.match(weekday.value)):
            continue
        said = date.fromisoformat(relative.value[:10])
        shift = (date.fromisoformat(weekday.value[:10]).isoweekday() - said.isoweekday() + 3) % 7 - 3
        day = (said + timedelta(days=shift)).isoformat()
        out[i] = dataclasses.replace(relative, value=day + relative.value[10:])
        out[i + 1] = dataclasses.replace(weekday, value=day + weekday.value[10:])
    return out
