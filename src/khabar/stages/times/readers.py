"""Readers of calendar dates: Gregorian and Hijri days, months and years, weekdays, seasons.

One reader per pattern kind of ``grammar.py`` and ``patterns.py``; the relative expressions, durations and
vague references are read in ``relative.py``. ``READERS`` maps each kind to its reader.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from khabar.stages.times.clocks import CLOCK_READERS
from khabar.stages.times.context import PAST as PAST_SHAPE
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
from khabar.stages.times.grammar import YEAR, YEAR_PREPOSITIONS
from khabar.stages.times.hijri import gregorian_to_hijri, hijri_to_gregorian
from khabar.stages.times.periods import PERIOD_READERS
from khabar.stages.times.relative import RELATIVE_READERS
from khabar.stages.times.values import (
    EVEN,
    FUTURE_WEIGHT,
    PART_OF_DAY,
    choose,
    day_month_date,
    day_value,
    month_value,
    offset_value,
    pick_direction,
    weekday_date,
)
from khabar.stages.times.verbs import FUTURE, PAST

HIJRI_MID_MONTH = 15
LOOK_BACK_CHARS = 40
# a year, then only "من/في/بين/يوم" before a day: "مونديال 2018 من 14 يونيو", "دورة 2017 يوم 3 مارس"
YEAR_THEN_DAY = re.compile(f"(?:(?P<lead>[\u0621-\u064a]+)\\s+)?(?P<year>{YEAR})(?:\\s+(?:من|في|بين|ما|يوم|يومي|الفتره))*\\s+$")
NOT_THE_DAYS_YEAR = frozenset("منذ حتي قبل بعد الي عام العام سنه".split())  # "منذ 2015 في 12 مارس": two times
HIJRI_MID_YEAR = (6, 15)
HIJRI_MONTH_DAYS = 30
MONDAY = 1
FIXTURE_NOUNS = frozenset("مباراه مباراتي لقاء مواجهه قمه مباريات".split())  # + a weekday: a fixture
FIXTURE_LOOK = 30
WE_DID = re.compile("^[وف]?[\u0621-\u064a]{3,}نا$")  # "شاهدنا مباراة الخميس": a match seen
PAST_OVER_FUTURE = 3  # words: a past verb this near a weekday outweighs a marker earlier in the sentence
MONTH_PAST_OVER_FUTURE = 3  # words: a past verb this near an undated month outweighs a future marker before
NOT_THIS_ONE = 2  # the direction of "الماضي"/"المقبل": strictly before or after
YEAR_PREPOSITION_WORDS = frozenset(YEAR_PREPOSITIONS.split("|"))
# Before a bare year "من" and "بين" may open a count ("أكثر من 2000 مواطن"), which these words give away.
SPAN_OF_YEARS = re.compile(f"\\((?:{YEAR})\\s*[-–]\\s*(?:{YEAR})\\)")  # "(1950-1953)": a span of years in brackets
SPAN_NOUNS = frozenset("الفتره فتره الاعوام السنوات".split())
COUNT_LEADS = frozenset("اكثر اقل ازيد نحو حوالي قرابه زهاء ما يقارب".split())
# A Hijri month named alone ("في رمضان") is a date after these words or before the epithets after it.
HIJRI_LEADS = frozenset("في خلال قبل بعد قبيل بعيد منذ حتي طوال طيله مطلع بدايه اوائل منتصف اواسط اواخر نهايه موفي "
                        "حلول قدوم اقتراب دخول انتهاء انقضاء نهار ليالي ايام اول".split())
HIJRI_EPITHETS = frozenset("المبارك الكريم المعظم الفضيل".split())
SINCE_WINDOW = 4  # words between "منذ" and the month it puts behind
MIN_YEAR, MAX_YEAR = 1900, 2099  # bare four-digit numbers read as years
MAX_HIJRI_YEAR = 1500  # 2077: a larger number after a Hijri month without "هـ" is a count
# A year joined to a year before it: "2014 و2015", "2016-2017", "من 2009 إلى 2011".
MAX_JOINED = 4
JOINED_TO_YEAR = re.compile(f"(?<!\\d)(?:{YEAR})\\s*(?:[-–/]|و|الي|حتي|و\\s*حتي|و\\s*الي)\\s*[وف]?$")


def read_gregorian(m: re.Match[str], ctx: Context) -> Reading | None:
    """"24 يونيو المقبل", "فبراير/ شباط", "الخميس 01 أكتوبر 2020 - 23:00", "مايو 2017"."""
    lex, year_text = ctx.lexicon, part(m, "year")
    ordinal = part(m, "ord")
    day_text = part(m, "day") or (str(lex.ordinals[ordinal]) if ordinal else None)
    month = lex.months[must(m, "mon")]
    paired = part(m, "mon2") or part(m, "mon3") or part(m, "mon4")
    if part(m, "mon4") and lex.months[must(m, "mon4")] != month:
        return None  # two months side by side are one month in two names ("يوليو تموز"), or no date
    year_text = year_text or part(m, "yearof") or _year_of(m, ctx) or (day_text and _year_just_before(m, ctx))
    cued = (day_text or year_text or part(m, "shahr") or paired or part(m, "qual") or part(m, "ythis")
            or part(m, "lead") and not ctx.definite_after(m.end("x")))  # "في آب الأسرة": a father
    if part(m, "mon") in lex.cue_months and not cued:
        return None
    if part(m, "every"):  # "17 أفريل من كل عام": every year on that day
        return reading(m, "SET", f"XXXX-{month:02d}" + (f"-{int(day_text):02d}" if day_text else ""), False)
    direction = _direction(m, ctx)
    if day_text and year_text:
        try:
            return reading(m, "DATE", _with_time(date(int(year_text), month, int(day_text)).isoformat(), m), True)
        except ValueError:
            return None
    if year_text:
        return reading(m, "DATE", f"{year_text}-{month:02d}", True)
    if day_text:
        if ctx.anchor is None:
            return reading(m, "DATE", f"XXXX-{month:02d}-{int(day_text):02d}", False)
        found = _on_its_weekday(ctx, m, month, int(day_text)) or day_month_date(ctx.anchor, month, int(day_text), direction)
        return None if found is None else reading(m, "DATE", _with_time(found.isoformat(), m), True)
    if ctx.anchor is None:
        return reading(m, "DATE", f"XXXX-{month:02d}", False)
    return reading(m, "DATE", month_value(ctx.anchor, month, direction), True)


def _on_its_weekday(ctx: Context, m: re.Match[str], month: int, day: int) -> date | None:
    """"الأربعاء 27 ماي" without a year: the nearest year in which 27 May is a Wednesday, if one is near."""
    weekday, anchor = part(m, "wd"), ctx.anchor
    if weekday is None or anchor is None:
        return None
    fits = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.isoweekday() == ctx.lexicon.weekdays[weekday]:
            fits.append(candidate)
    return min(fits, key=lambda d: abs((d - anchor).days), default=None)


def _year_of(m: re.Match[str], ctx: Context) -> str | None:
    """The year of "مايو من العام الماضي" or "من هذا العام", when there is an anchor."""
    if part(m, "ysame") or part(m, "ysame2"):
        return ctx.year_named_before(m.start("x"))
    offset = ctx.lexicon.qualifiers.get(part(m, "yqual") or "") if part(m, "yqual") else (0 if part(m, "ythis") else None)
    if offset is None or ctx.anchor is None:
        return None
    return str(ctx.anchor.year + offset)


def _year_just_before(m: re.Match[str], ctx: Context) -> str | None:
    """The year of "مونديال 2018 من 14 يونيو الى 15 يوليو": a year named right before the day, in its phrase."""
    before = ctx.view[max(0, m.start("x") - LOOK_BACK_CHARS) : m.start("x")]
    found = YEAR_THEN_DAY.search(before)
    if found is None or without_proclitic(found["lead"] or "") in NOT_THE_DAYS_YEAR:
        return None
    return found["year"]


def _with_time(value: str, m: re.Match[str]) -> str:
    clock = part(m, "time")
    return value if clock is None else f"{value}T{int(clock.split(':')[0]):02d}:{clock.split(':')[1]}"


def read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    """"01/10/2020" (day first, as in the Arab world) and "2020-10-01"."""
    try:
        day = date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
        return reading(m, "DATE", _with_time(day.isoformat(), m), True)
    except ValueError:
        return None


def read_day_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الثاني من الشهر الحالي", "15 الشهر الماضي": a day of a month named by its distance."""
    ordinal = part(m, "ord")
    day = int(part(m, "day") or ctx.lexicon.ordinals.get(ordinal or "", 0))
    offset = qualifier(m, ctx)
    if not day or (offset is None and not part(m, "this")):
        return None
    month_text, resolved = offset_value(ctx.anchor, "M", offset or 0)
    if not resolved:
        return reading(m, "DATE", f"{month_text}-{day:02d}" if offset else f"XXXX-XX-{day:02d}", False)
    try:
        return reading(m, "DATE", date(int(month_text[:4]), int(month_text[5:7]), day).isoformat(), True)
    except ValueError:
        return None


def read_hijri(m: re.Match[str], ctx: Context) -> Reading | None:
    """"5 رمضان 1439 هـ", "شهر رمضان", "في رمضان", "رمضان 2018"; converted with the tabular calendar."""
    day_text, year_text = part(m, "day"), part(m, "year")
    if not (day_text or year_text or part(m, "shahr") or part(m, "mark") or _hijri_cued(m, ctx)):
        return None
    if m.group("mon") in ctx.lexicon.year_cue_hijri_months and not (year_text or part(m, "shahr") or part(m, "mark")):
        return None
    month = ctx.lexicon.hijri_months[must(m, "mon")]
    day = int(day_text) if day_text else HIJRI_MID_MONTH
    end = m.end("x")
    if year_text and not part(m, "mark") and MAX_HIJRI_YEAR < int(year_text) < MIN_YEAR:
        year_text, end = None, m.end("mon")  # "منذ انطلاق شهر رمضان 1587 زيارة": a count, not the year
    try:
        if year_text and (int(year_text) < MIN_YEAR or part(m, "mark")):
            gregorian = hijri_to_gregorian(int(year_text), month, day)
        elif year_text:  # "رمضان 2018": the Ramadan of that Gregorian year
            gregorian = _hijri_in_year(int(year_text), month, day)
        elif ctx.anchor is None:
            return Reading(m.start("x"), end, "DATE", f"HXXXX-{month:02d}" + (f"-{day:02d}" if day_text else ""), False)
        elif day_text:
            gregorian = _hijri_day_near(ctx, m, month, day)
        else:
            year = nearest_hijri_year(ctx.anchor, month, _direction(m, ctx, even=True))
            gregorian = hijri_to_gregorian(year, month, day)
    except ValueError:
        return None
    value = gregorian.isoformat() if day_text else f"{gregorian.year}-{gregorian.month:02d}"
    return Reading(m.start("x"), end, "DATE", value, True)


def _direction(m: re.Match[str], ctx: Context, *, even: bool = False) -> int:
    """Where an undated day or month lies: its qualifier, the future, "منذ" or a verb before it, else the
    nearest (``even``: the future counted as near as the past, as for Ramadan, which news awaits as
    much as it recalls)."""
    if part(m, "qual") is None:
        if ctx.word_before(m.start("x")) == "تسليم":
            return 1  # "العقود الآجلة تسليم أغسطس": a future contract
        verb = ctx.verb_before(m.start("x"))
        if "منذ" in (without_proclitic(w) for w in ctx.words_before(m.start("x"), SINCE_WINDOW)):
            return -1  # "منذ إنجابها توأميها في حزيران", "وستصل ... بعد محادثات منذ مايو": since, so before
        if not ctx.future:
            if verb is not None:
                return -1 if verb == PAST else EVEN
            if even:
                return EVEN
        elif verb == PAST and ctx.verb_before(m.start("x"), MONTH_PAST_OVER_FUTURE) == PAST:
            return -1  # "وسيتضمن النص الاتفاق الذي تم التوصل إليه في ديسمبر": its own past outweighs the future
    return pick_direction(qualifier(m, ctx), ctx.future, nearest=True)


def _hijri_in_year(year: int, month: int, day: int) -> date:
    """The Hijri month and day that falls in the Gregorian ``year`` (the first, when it falls twice)."""
    first = gregorian_to_hijri(date(year, 1, 1))[0]
    for hijri_year in (first, first + 1):
        found = hijri_to_gregorian(hijri_year, month, day)
        if found.year == year:
            return found
    raise ValueError(f"no {month}/{day} in {year}")


def _hijri_day_near(ctx: Context, m: re.Match[str], month: int, day: int) -> date:
    """An undated Hijri day ("20 رمضان") nearest the anchor, as an undated Gregorian day is chosen."""
    anchor = ctx.anchor
    if anchor is None:
        raise ValueError("no anchor")
    this_year = gregorian_to_hijri(anchor)[0]
    candidates = [hijri_to_gregorian(y, month, day) for y in (this_year - 1, this_year, this_year + 1)]
    found = choose(candidates, anchor, _direction(m, ctx))
    if found is None:
        raise ValueError("no such day")
    return found


def _hijri_cued(m: re.Match[str], ctx: Context) -> bool:
    """A Hijri month without day or year is a date after a time word or with an epithet or qualifier."""
    if part(m, "qual") or part(m, "epithet"):
        return True
    return without_proclitic(ctx.word_before(m.start("x"))) in HIJRI_LEADS


def nearest_hijri_year(anchor: date, month: int, direction: int) -> int:
    """The Hijri year of the month nearest the anchor in the direction (see ``values.pick_direction``).

    The month holding the anchor is the one meant ("رمضان" in an article of Ramadan), unless the
    qualifier says "the last" or "the next" one; otherwise the nearest, the future counted farther.

    >>> nearest_hijri_year(date(2018, 5, 28), 9, 0), nearest_hijri_year(date(2018, 5, 28), 9, -2)
    (1439, 1438)
    """
    this_year = gregorian_to_hijri(anchor)[0]
    spans = []
    for year in (this_year - 1, this_year, this_year + 1):
        first = hijri_to_gregorian(year, month, 1)
        spans.append((first, first + timedelta(days=HIJRI_MONTH_DAYS), year))
    holding = [year for first, end, year in spans if first <= anchor < end]
    if holding and abs(direction) != NOT_THIS_ONE:
        return holding[0]
    if direction in (-1, -NOT_THIS_ONE):
        return max(year for _first, end, year in spans if end <= anchor)
    if direction in (1, NOT_THIS_ONE):
        return min(year for first, _end, year in spans if first > anchor)
    weight = 1 if direction == EVEN else FUTURE_WEIGHT
    return min(spans, key=lambda s: (anchor - s[1]).days if s[1] <= anchor else weight * (s[0] - anchor).days)[2]


def read_hijri_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"1439 هـ": the Gregorian year holding the middle of that Hijri year."""
    year = int(must(m, "year"))
    if year < 1:
        return None
    return reading(m, "DATE", str(hijri_to_gregorian(year, *HIJRI_MID_YEAR).year), True)


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"عام 2014"."""
    return reading(m, "DATE", must(m, "year"), True)


def read_bare_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"في 2017", "منذ 2014", "من 2013", "بين 2011 و2013", "2016-2017": a year after a word that takes one.

    Not a count ("أكثر من 2000 مواطن", "بين 1500 و2000 حبة") nor the year of a name ("مونديال 2030",
    "موسم 2016-2017").
    """
    year = int(must(m, "year"))
    if not MIN_YEAR <= year <= MAX_YEAR or _counted_after(ctx, m.end("x")) or not _year_cued(ctx, m.start("x")):
        return None
    return reading(m, "DATE", str(year), True)


def _year_cued(ctx: Context, start: int, depth: int = 0) -> bool:
    """Whether the year at ``start`` follows a word that takes a year, or is joined to such a year."""
    joined = JOINED_TO_YEAR.search(ctx.view, max(0, start - 16), start)
    if joined is not None:
        return depth < MAX_JOINED and _year_cued(ctx, joined.start(), depth + 1)
    if SPAN_OF_YEARS.match(ctx.view, max(0, start - 1)):
        return True  # "الحرب الكورية (1950-1953)"
    before = ctx.words_before(start, 3)
    lead = without_proclitic(before[-1]) if before else ""
    if lead[:1] in ("ل", "ب") and lead[1:] in YEAR_PREPOSITION_WORDS:
        lead = lead[1:]  # "لعامي 2019 و2020", "بمنتصف 2018"
    if lead in ("عام", "العام", "سنه", "السنه", "اعوام", "الاعوام", "سنوات", "السنوات"):
        return True  # "أعوام 1958 و1962 و1966"
    if lead == "بين" and before[:-1][-1:] == ["ما"] and without_proclitic(before[0]) in SPAN_NOUNS:
        return True  # "في الفترة ما بين 2011 و2015"
    if lead not in YEAR_PREPOSITION_WORDS:
        return False
    return not (lead in ("من", "بين", "الي", "حتي") and len(before) > 1 and without_proclitic(before[-2]) in COUNT_LEADS)


def _counted_after(ctx: Context, end: int) -> bool:
    after = ctx.word_after(end)
    return after.lstrip("وب") in ctx.lexicon.counted or after in ctx.lexicon.counted


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الثلاثاء", "اليوم الثلاثاء", "يوم الأحد المقبل", "مساء الجمعة"."""
    weekday = ctx.lexicon.weekdays[must(m, "wd")]
    if weekday == MONDAY and _the_two(m, ctx):
        return None  # "بين الاثنين", "الاثنين الآخرين": the two, not Monday
    pod = PART_OF_DAY.get(" ".join((part(m, "pod") or "").split()))
    if ctx.anchor is None:
        return reading(m, "DATE", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""), False)
    relative = part(m, "rel")
    if relative is not None:  # "أمس الخميس", "غدا الجمعة": the relative word fixes the day
        word = " ".join(relative.split()).removeprefix("يوم ")  # "يوم غد السبت"
        found = ctx.anchor + timedelta(days=int(ctx.lexicon.relative["ال" + word if word == "غد" else word][1][1:]))
    elif part(m, "today") and ctx.anchor.isoweekday() == weekday:
        found = ctx.anchor
    elif part(m, "qual") is None and (verb := ctx.verb_before(m.start("x"))) is not None and (
            not ctx.future or verb == PAST and ctx.verb_before(m.start("x"), PAST_OVER_FUTURE) == PAST):
        # its own verb: past ("وفقما ذكرته الصحيفة، الأحد" after "يعتزم ترامب"), a schedule ("المقابلة التي
        # تجمع ناديهم يوم الأربعاء"), a lede's present ("يلتقي الرئيس الاثنين") or ahead ("سيلتقي")
        found = (weekday_date(ctx.anchor, weekday, -1) if verb == PAST else weekday_date(ctx.anchor, weekday, 1)
                 if verb == FUTURE else _nearest_weekday(ctx.anchor, weekday))
    elif part(m, "qual") is None and _fixture(m, ctx):
        found = weekday_date(ctx.anchor, weekday, 1)  # "نحتاج نقطة من مباراة الأربعاء ... فيما ستحسم الصدارة"
    else:
        found = weekday_date(ctx.anchor, weekday, pick_direction(qualifier(m, ctx), ctx.future))
    return reading(m, "DATE", day_value(found) + (f"T{pod}" if pod else ""), True)


def _fixture(m: re.Match[str], ctx: Context) -> bool:
    """Whether the weekday names a match or meeting ("مباراة الأحد", "لقاء يوم السبت") in a sentence that
    speaks of the future anywhere: the fixture lies ahead (no verb of its own stands before it)."""
    if not ctx.tense.sentence_future:
        return False
    before = ctx.view[max(0, m.start("x") - FIXTURE_LOOK) : m.start("x")].split()
    if before and before[-1] == "يوم" and not part(m, "yawm"):
        before = before[:-1]
    if not before or without_proclitic(before[-1]).removeprefix("ل") not in FIXTURE_NOUNS:
        return False
    seen = len(before) > 1 and (PAST_SHAPE.match(before[-2]) or WE_DID.match(before[-2]))
    return not seen


def _the_two(m: re.Match[str], ctx: Context) -> bool:
    """Whether a bare "الاثنين" is "the two": after "بين" or before "الآخرين"/"معا"."""
    if part(m, "yawm") or part(m, "pod") or part(m, "today") or part(m, "rel") or part(m, "qual"):
        return False
    return (without_proclitic(ctx.word_before(m.start("x"))) == "بين"
            or ctx.word_after(m.end("x")) in ("الاخرين", "الاخريين", "معا", "كليهما"))


def _nearest_weekday(anchor: date, weekday: int) -> date:
    """The nearer of the last such day (on or before the anchor) and the next one; the last on a tie."""
    last, coming = weekday_date(anchor, weekday, -1), weekday_date(anchor, weekday, 2)
    return coming if (coming - anchor) < (anchor - last) else last


READERS: dict[str, Reader] = {
    "numeric": read_numeric, "gregorian": read_gregorian, "hijri": read_hijri, "hijri_year": read_hijri_year,
    "year": read_year, "bare_year": read_bare_year, "weekday": read_weekday, "day_of_month": read_day_of_month,
    **PERIOD_READERS, **RELATIVE_READERS, **CLOCK_READERS,
}
