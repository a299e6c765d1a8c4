"""Readers of clock times: "الساعة 10 صباحا", "الساعة العاشرة والنصف مساء", "18:00 بتوقيت غرينتش", AFP's "(13,00 ت غ)".

A clock time is on the anchor's day; ``ranges.clocks_on_their_day`` moves one that follows a day onto it.
"""

from __future__ import annotations

import re

from khabar.stages.times.context import Context, Reader, Reading, must, part, reading, without_proclitic

CLOCK_BEFORE = frozenset("عند في حوالي نحو قرابه منذ حتي بعد قبل".split())
CLOCK_AFTER = re.compile(r"\s*(?:ب?(?:ال)?توقيت|ت\s*غ|GMT)")
NOON, DAY_HOURS, EARLY_AFTERNOON = 12, 24, 6
MINUTES = {"النصف": 30, "الربع": 15, "الثلث": 20, "نصف": 30, "ربع": 15, "ثلث": 20}


def read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الساعة 10 صباحا", "الساعة 23:00", "الساعة العاشرة والنصف مساء": a time on the anchor's day."""
    word = part(m, "hourword")
    hour = ctx.lexicon.hours[" ".join(word.split())] if word else int(must(m, "hour"))
    ampm = " ".join((part(m, "ampm") or part(m, "ampm_of") or "").split())
    afternoon = (ampm in ("مساء", "ليلا", "عصرا", "من ليله", "من مساء", "من عشيه") or ampm.startswith("بعد")
                 or ampm == "ظهرا" and hour < EARLY_AFTERNOON)  # "الثانية ظهرا" 14:00, "12 ظهرا" noon
    if afternoon and hour < NOON:
        hour += NOON
    if hour > DAY_HOURS:
        return None
    minute = part(m, "minute") or f"{MINUTES.get(part(m, 'fraction') or '', 0):02d}"
    clock = f"T{hour:02d}:{minute}"
    if ctx.anchor is None:
        return reading(m, "TIME", "XXXX-XX-XX" + clock, False)
    return reading(m, "TIME", ctx.anchor.isoformat() + clock, True)


def read_bare_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    """"عند 18:00", "18:00 بتوقيت غرينتش", "7:30 صباحا": a clock time without "الساعة", only with its cue."""
    after = ctx.view[m.end("x") : m.end("x") + 12]
    if must(m, "sep") == ",":
        return read_clock(m, ctx) if CLOCK_AFTER.match(after) else None  # "2,50 مليون" is no clock
    cued = (part(m, "ampm") or CLOCK_AFTER.match(after)
            or without_proclitic(ctx.word_before(m.start("x"))) in CLOCK_BEFORE)
    return read_clock(m, ctx) if cued else None


CLOCK_READERS: dict[str, Reader] = {"clock": read_clock, "bare_clock": read_bare_clock}
