"""Turn one pattern match into a TIMEX3 type and value, given the anchor and the sentence's tense.

One reader per pattern kind of ``grammar.py``. A reader returns None when the match is not a time
expression after all (a month name that is also a word, without a cue; "اليوم" in "اليوم العالمي").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from khabar.stages.times.grammar import YEAR_PREPOSITIONS
from khabar.stages.times.hijri import gregorian_to_hijri, hijri_to_gregorian
from khabar.stages.times.lexicon import VAGUE, TimeLexicon
from khabar.stages.times.values import (
    PART_OF_DAY,
    day_month_date,
    day_value,
    duration_value,
    month_value,
    offset_value,
    pick_direction,
    weekday_date,
)

# "اليوم" followed by these is a named or narrative day ("اليوم العالمي", "اليوم التالي"), not today.
NOT_TODAY_BEFORE = frozenset("العالمي الوطني الدولي التالي السابق نفسه ذاته الاول الثاني الثالث الاخير الذي الذين الواحد".split())
BARE_ALEF = "\u0627"
ARTICLE = "\u0627\u0644"  # ال: the article is written with a bare alef, never آ or أ
PER_COUNT_WORDS = frozenset("مره مرات مرتين واحده واحد".split())
HIJRI_MID_MONTH = 15
HIJRI_MID_YEAR = (6, 15)
_OFFSET = re.compile(r"^([DWMY])([+-]\d+)$")
_DIGIT = re.compile(r"\d")
YEAR_PREPOSITION_WORDS = frozenset(YEAR_PREPOSITIONS.split("|"))


@dataclass(frozen=True, slots=True)
class Reading:
    """A time expression found in the view: where, its TIMEX3 type and value, and whether anchored."""

    start: int
    end: int
    type: str
    value: str
    resolved: bool


@dataclass(frozen=True, slots=True)
class Context:
    """What a reader needs beyond the match."""

    lexicon: TimeLexicon
    view: str
    anchor: date | None
    future: bool  # the sentence speaks of the future ("من المقرر", "سوف")
    raw: str  # the text the view was made from, and where each view character starts in it
    starts: Sequence[int]

    def raw_char(self, view_index: int) -> str:
        return self.raw[self.starts[view_index]]


Reader = Callable[[re.Match[str], Context], Reading | None]


def _part(m: re.Match[str], name: str) -> str | None:
    """A named part of the match, None when absent or when this variant of the pattern has no such part."""
    return m.group(name) if name in m.re.groupindex else None


def _must(m: re.Match[str], name: str) -> str:
    """A part every variant of the pattern has and every match fills."""
    return str(m.group(name))


def _reading(m: re.Match[str], kind: str, value: str, resolved: bool) -> Reading:
    return Reading(m.start("x"), m.end("x"), kind, value, resolved)


def _qualifier(m: re.Match[str], ctx: Context) -> int | None:
    word = _part(m, "qual")
    return None if word is None else ctx.lexicon.qualifiers.get(word)


def _with_time(value: str, m: re.Match[str]) -> str:
    clock = _part(m, "time")
    return value if clock is None else f"{value}T{int(clock.split(':')[0]):02d}:{clock.split(':')[1]}"


def read_gregorian(m: re.Match[str], ctx: Context) -> Reading | None:
    """"24 يونيو المقبل", "فبراير/ شباط", "الخميس 01 أكتوبر 2020 - 23:00", "مايو 2017"."""
    lex, year_text = ctx.lexicon, _part(m, "year")
    ordinal = _part(m, "ord")
    day_text = _part(m, "day") or (str(lex.ordinals[ordinal]) if ordinal else None)
    month = lex.months[_must(m, "mon")]
    cued = day_text or year_text or _part(m, "shahr") or _part(m, "mon2") or _part(m, "mon3") or _part(m, "qual")
    if _part(m, "mon") in lex.cue_months and not cued:
        return None
    direction = pick_direction(_qualifier(m, ctx), ctx.future, nearest=True)
    if day_text and year_text:
        try:
            return _reading(m, "DATE", _with_time(date(int(year_text), month, int(day_text)).isoformat(), m), True)
        except ValueError:
            return None
    if year_text:
        return _reading(m, "DATE", f"{year_text}-{month:02d}", True)
    if day_text:
        if ctx.anchor is None:
            return _reading(m, "DATE", f"XXXX-{month:02d}-{int(day_text):02d}", False)
        found = day_month_date(ctx.anchor, month, int(day_text), direction)
        return None if found is None else _reading(m, "DATE", _with_time(found.isoformat(), m), True)
    if ctx.anchor is None:
        return _reading(m, "DATE", f"XXXX-{month:02d}", False)
    return _reading(m, "DATE", month_value(ctx.anchor, month, direction), True)


def read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    """"01/10/2020" (day first, as in the Arab world) and "2020-10-01"."""
    try:
        day = date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
        return _reading(m, "DATE", _with_time(day.isoformat(), m), True)
    except ValueError:
        return None


def read_hijri(m: re.Match[str], ctx: Context) -> Reading | None:
    """"5 رمضان 1439 هـ", "شهر رمضان", "رمضان 1439"; converted with the tabular calendar."""
    day_text, year_text = _part(m, "day"), _part(m, "year")
    if not (day_text or year_text or _part(m, "shahr") or _part(m, "mark")):
        return None
    if m.group("mon") in ctx.lexicon.year_cue_hijri_months and not (year_text or _part(m, "shahr") or _part(m, "mark")):
        return None
    month = ctx.lexicon.hijri_months[_must(m, "mon")]
    day = int(day_text) if day_text else HIJRI_MID_MONTH
    if year_text:
        year = int(year_text)
    elif ctx.anchor is not None:
        year = _nearest_hijri_year(ctx.anchor, month, day, pick_direction(None, ctx.future))
    else:
        return _reading(m, "DATE", f"HXXXX-{month:02d}" + (f"-{day:02d}" if day_text else ""), False)
    try:
        gregorian = hijri_to_gregorian(year, month, day)
    except ValueError:
        return None
    value = gregorian.isoformat() if day_text else f"{gregorian.year}-{gregorian.month:02d}"
    return _reading(m, "DATE", value, True)


def _nearest_hijri_year(anchor: date, month: int, day: int, direction: int) -> int:
    this_year = gregorian_to_hijri(anchor)[0]
    options = [(hijri_to_gregorian(y, month, min(day, 29)), y) for y in (this_year - 1, this_year, this_year + 1)]
    before = [o for o in options if o[0] <= anchor]
    after = [o for o in options if o[0] >= anchor]
    if direction > 0 and after:
        return min(after)[1]
    return max(before)[1] if before else this_year


def read_hijri_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"1439 هـ": the Gregorian year holding the middle of that Hijri year."""
    year = int(_must(m, "year"))
    if year < 1:
        return None
    return _reading(m, "DATE", str(hijri_to_gregorian(year, *HIJRI_MID_YEAR).year), True)


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"عام 2014"."""
    return _reading(m, "DATE", _must(m, "year"), True)


def read_bare_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"في 2017", "منذ 2014": a four-digit year only after a preposition that takes one."""
    before = ctx.view[max(0, m.start("x") - 12) : m.start("x")].split()
    if not before or _without_proclitic(before[-1]) not in YEAR_PREPOSITION_WORDS:
        return None
    return _reading(m, "DATE", _must(m, "year"), True)


def _without_proclitic(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الثلاثاء", "اليوم الثلاثاء", "يوم الأحد المقبل", "مساء الجمعة"."""
    weekday = ctx.lexicon.weekdays[_must(m, "wd")]
    pod = PART_OF_DAY.get(_part(m, "pod") or "")
    if ctx.anchor is None:
        return _reading(m, "DATE", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""), False)
    if _part(m, "today") and ctx.anchor.isoweekday() == weekday:
        found = ctx.anchor
    else:
        found = weekday_date(ctx.anchor, weekday, pick_direction(_qualifier(m, ctx), ctx.future))
    return _reading(m, "DATE", day_value(found) + (f"T{pod}" if pod else ""), True)


def read_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"أمس", "غدا", "الآن", "مؤخرا", "يوميا", "صباح اليوم" (from relative.tsv)."""
    word = " ".join(_must(m, "word").split())
    kind, rule = ctx.lexicon.relative[word]
    if word == "اليوم" and _next_word(ctx.view, m.end("x")) in NOT_TODAY_BEFORE:
        return None
    if word.startswith(ARTICLE) and ctx.raw_char(m.start("word")) != BARE_ALEF:
        return None  # "آلان" (Alan) is not "الآن" (now), though both normalise to "الان"
    offset = _OFFSET.match(rule)
    if offset is None:
        return _reading(m, kind, rule, False)
    value, resolved = offset_value(ctx.anchor, offset.group(1), int(offset.group(2)))
    pod = PART_OF_DAY.get(_part(m, "pod") or "")
    return _reading(m, kind, value + (f"T{pod}" if pod and resolved else ""), resolved)


def _next_word(view: str, end: int) -> str:
    rest = view[end : end + 20].split()
    return rest[0] if rest else ""


def read_unit_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الأسبوع الماضي", "الشهر المقبل", "هذا العام", "مطلع العام الجاري"."""
    qualifier = _qualifier(m, ctx)
    if qualifier is None and not _part(m, "this"):
        return None
    unit = {"اسبوع": "W", "شهر": "M", "عام": "Y", "سنه": "Y"}[_must(m, "unit")]
    value, resolved = offset_value(ctx.anchor, unit, qualifier or 0)
    return _reading(m, "DATE", value, resolved)


def read_plural_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الشهور الأخيرة", "الأيام القليلة المقبلة": PAST_REF or FUTURE_REF."""
    qualifier = _qualifier(m, ctx)
    if qualifier is None or qualifier == 0:
        return None
    return _reading(m, "DATE", "PAST_REF" if qualifier < 0 else "FUTURE_REF", False)


def _count(m: re.Match[str], ctx: Context) -> tuple[str, str]:
    """(unit letter, count) of a number-and-unit group; count is digits or VAGUE."""
    unit = ctx.lexicon.units[_must(m, "unit")]
    number = _part(m, "num")
    if number is None:
        return unit.letter, unit.count
    return unit.letter, number if number.isdigit() else ctx.lexicon.numbers.get(number, VAGUE)


def read_offset(m: re.Match[str], ctx: Context) -> Reading | None:
    """"قبل ثلاثة أيام" (a date), "بعد أسبوع من زيارة" and "منذ شهور" (durations)."""
    letter, count = _count(m, ctx)
    relative_to_event = ctx.view[m.end("x") :].lstrip().startswith("من ")
    if _part(m, "prep") == "قبل" and not relative_to_event:
        if count == VAGUE:
            return Reading(m.start("prep"), m.end("x"), "DATE", "PAST_REF", False)
        value, resolved = offset_value(ctx.anchor, letter, -int(count))
        return Reading(m.start("prep"), m.end("x"), "DATE", value, resolved)
    return _reading(m, "DURATION", duration_value(letter, count), False)


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """"ثلاثة أيام", "19 عاما"."""
    letter, count = _count(m, ctx)
    return _reading(m, "DURATION", duration_value(letter, count), False)


def read_set(m: re.Match[str], ctx: Context) -> Reading | None:
    """"كل يوم", "كل ثلاثة أشهر"."""
    letter, count = _count(m, ctx)
    return _reading(m, "SET", duration_value(letter, "1" if count == VAGUE else count), False)


def read_set_per(m: re.Match[str], ctx: Context) -> Reading | None:
    """"بيضة واحدة في اليوم", "5 بيضات في الأسبوع": a rate, only after a count."""
    before = ctx.view[max(0, m.start("x") - 30) : m.start("x")].split()[-3:]
    if not any(_DIGIT.search(w) or w in PER_COUNT_WORDS or w in ctx.lexicon.numbers for w in before):
        return None
    unit = {"يوم": "D", "اسبوع": "W", "شهر": "M", "عام": "Y", "سنه": "Y", "ساعه": "H"}[_must(m, "unit")]
    return _reading(m, "SET", duration_value(unit, "1"), False)


def read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الساعة 10 صباحا", "الساعة 23:00": a time on the anchor's day."""
    hour = int(_must(m, "hour"))
    if _part(m, "ampm") in ("مساء", "ليلا", "عصرا") and hour < 12:
        hour += 12
    if hour > 24:
        return None
    clock = f"T{hour:02d}:{m.group('minute') or '00'}"
    if ctx.anchor is None:
        return _reading(m, "TIME", "XXXX-XX-XX" + clock, False)
    return _reading(m, "TIME", ctx.anchor.isoformat() + clock, True)


READERS: dict[str, Reader] = {
    "numeric": read_numeric, "gregorian": read_gregorian, "hijri": read_hijri, "hijri_year": read_hijri_year,
    "year": read_year, "bare_year": read_bare_year, "weekday": read_weekday, "relative": read_relative,
    "unit_relative": read_unit_relative, "plural_relative": read_plural_relative, "offset": read_offset,
    "duration": read_duration, "set": read_set, "set_per": read_set_per, "clock": read_clock,
}
