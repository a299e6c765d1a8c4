"""Readers of relative expressions, durations, sets, clock times and vague references.

"منذ/بعد/قبل" + a duration: "قبل" dates an event before the anchor ("قبل ثلاثة أيام"); "بعد" dates one
after it when the sentence speaks of the future ("سيصل بعد يومين"), and measures a stretch otherwise ("بعد
أسبوع من زيارة", "بعد عامين في النادي"); "منذ" dates a past event ("اعتقل منذ شهر") unless the clause
speaks of a state that lasts ("الحرب المستمرة منذ عامين", "لم يتقاضوا أجورهم منذ أربعة أشهر", "أدنى مستوى
منذ خمس سنوات"), where it measures one. Vague references get TIMEX3's PRESENT_REF, PAST_REF, FUTURE_REF
or an unspecified duration (PXW for "الأسابيع الماضية").
"""

from __future__ import annotations

import re

from khabar.stages.times.context import (
    ARTICLE,
    BARE_ALEF,
    IMPERFECT,
    Context,
    Reader,
    Reading,
    must,
    part,
    qualifier,
    reading,
    without_proclitic,
)
from khabar.stages.times.lexicon import VAGUE
from khabar.stages.times.values import PART_OF_DAY, duration_value, offset_value
from khabar.stages.times.verbs import FUTURE, NEAR, PRESENT

# "اليوم" followed by these is a named or narrative day ("اليوم العالمي", "اليوم التالي"), not today.
NOT_TODAY_BEFORE = frozenset("العالمي الوطني الدولي التالي السابق نفسه ذاته الاول الثاني الثالث الاخير الذي الذين الواحد "
                             "الموالي الرابع الخامس السادس السابع الثامن العاشر الموعود المشهود المحدد الختامي الافتتاحي".split())
# «روسيا اليوم», "المصري اليوم"; not a quoted verb ("سنلتقي اليوم")
QUOTED_NAME_BEFORE = re.compile("(?:^|(?<=[\\s(]))[\"«“](?:ال|[^يتنس\\s])[\u0621-\u064a]+\\s+$")
QUOTE_AFTER = re.compile("\\s?[\"»”](?![\u0621-\u064a])")
LOOK_FOR_NAME = 20
BECOME = frozenset("بات باتت اصبح اصبحت يصبح تصبح ليصبح لتصبح صار صارت اضحي اضحت".split())  # + "اليوم": nowadays
# "أما اليوم" sets now against a past; a verb or adjective of being or holding ("يوجد اليوم", "تمثل اليوم 5
# بالمائة", "موجودة اليوم") speaks of nowadays.
NOWADAYS_BEFORE = BECOME | frozenset("اما يوجد توجد موجود موجوده يضم تضم يشكل تشكل يعيش تعيش نعيش".split())
RELATIVE_PRONOUNS = frozenset("التي الذي".split())
OUTLET_NOUNS = frozenset("صحيفه جريده قناه موقع مجله شبكه اذاعه تلفزيون وكاله".split())
NOT_TODAY_AFTER = frozenset("ذلك تلك نفس ذات".split())  # "ذلك اليوم" is that day, not today
DECADE_FOLLOWERS = frozenset("من علي تقريبا كامل واحد مضي".split())
HALVES = {"CE": ("P{}Y", 50), "DE": ("P{}Y", 5), "Y": ("P{}M", 6), "M": ("P{}D", 15), "D": ("PT{}H", 12), "H": ("PT{}M", 30), "MIN": ("PT{}S", 30)}
APPROXIMATE = frozenset("نحو حوالي قرابه زهاء".split())
UNIT_ACCUSATIVES = frozenset("يوما يوم عاما عام شهرا شهر اسبوعا ساعه سنه".split())
HEDGES = frozenset("فقط قليله قلائل معدوده تقريبا نحو حوالي".split())  # words between a unit and "من"
PER_COUNT_WORDS = frozenset("مره مرات مرتين واحده واحد".split())
UNIT_LETTERS = {"يوم": "D", "اسبوع": "W", "شهر": "M", "عام": "Y", "سنه": "Y", "ساعه": "H", "عقد": "DE"}
_OFFSET = re.compile(r"^([DWMY])([+-]\d+)(T[\w:]+)?$")
_DIGIT = re.compile(r"\d")
# An imperfect verb in the plural ("يخشون", "يواجهون") before "اليوم" speaks of nowadays, not of today.
PLURAL_IMPERFECT = re.compile("^[وف]?[يت][\u0621-\u064a]{2,}ون$")
# Before "منذ": a lasting state, a negation or a superlative make it measure a stretch, not date an event;
# so do the participles of a state one is held in ("محتجزا منذ أربعة أيام", "العالقين", "المسجون منذ 434
# يوما") and the verbs of going on and waiting ("تواصل قطع التيار منذ 3 أيام", "تنتظر منذ يومين").
LASTING = re.compile("^(?:[وف]?(?:ال)?(?:مستمر|متواصل|دائر|قائم)|[وف]?(?:لا|ما)?[يت]?زال|مازال|لازال|ظل|بقي|لم|عدم|"
                     "متزوج|رهن|[وف]?ي[\u0621-\u064a]{3,}|اول|لاول|الاول|الاولي|للمره|(?:ال)?(?:اعلي|ادني|اكبر|اصغر|اسوا|"
                     "افضل|اقوي|اضعف|اطول|اكثر|اقل|اسرع|ابطا|اخطر|اعنف)|"
                     "[وف]?(?:ال)?(?:محتجز|معتقل|مسجون|موقوف|عالق|محاصر|مضرب|معتصم|مختطف|مخطوف|مفقود)|"
                     "[وف]?[تي]?(?:تواصل|نتظر)|[وف]?دا?ب)")
LASTING_WINDOW = 6  # words before "منذ" in its clause
SENTENCE_LOOK = 300
CLAUSE_MARK = re.compile("[،,.;؛:!؟?]")
# Years ago or years long? "منذ عامين" dates a past event only after a verb in the past ("فرضته منذ 35 عاما",
# "توقفت منذ عام"); days, weeks and months date one unless the clause says the state lasts.
PAST_VERB = re.compile("^(?:قد|تم)$|^[\u0621-\u064a]{2,}(?<!ا)(?:ت|وا|ته|تها|تهم)$")
LONG_UNITS = frozenset({"Y", "DE", "CE"})
PAST_WINDOW = 5
HALF_YEAR = 6
# Titles that take "العام" as "general": "الأمين العام السابق" is no year.
TITLES = frozenset("الامين امين المدير مدير النائب نائب المفتش مفتش المدعي مدعي المراقب مراقب المنسق منسق القائد قائد "
                   "المستشار مستشار المحامي الكاتب كاتب المقرر مقرر المشرف مشرف الوكيل وكيل".split())
AGE_WORDS = frozenset("ابلغ بلغ بلغت العمر عمر عمره عمرها عمرهم عمرهما عمري عمرك بعمر اعمار اعمارهم اعمارهن اعمارهما الاعمار البالغ "
                      "البالغه البالغين "
                      "البالغات يبلغ تبلغ يبلغون ناهز يناهز سن بسن عمرا".split())
AGE_WINDOW = 4  # words before the count
DEATH_WORDS = frozenset("توفي توفيت وفاته وفاتها رحل رحلت مات ماتت يرحل".split())
SON_OF = re.compile("(?<![\u0621-\u064a])(?:ابن|ابنه|صاحب|صاحبه)\\s+ال\\s*$")  # "ابن الـ 23 عاما" (the view drops ـ)
LOOK_BACK_FOR_SON = 12
BRACKETED_COUNT = re.compile(r"\d+\s*[)/»\"]")  # "(23) عاما", "33/ عاما /", "«68» عاما"
MIN_NOUN_LETTERS = 4
NEW_YEAR_FROM = 10  # from October on, "العام الجديد" is the coming year
SUNDAY = 7
DECIMAL_TAIL = re.compile(r"\d[.,]$")
WORKING_DAYS_END = 5  # a weekend counts as reached from Friday on (the Arab weekend is Friday and Saturday)


def read_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"أمس", "غدا", "الآن", "مؤخرا", "يوميا", "صباح اليوم", "الليلة الماضية" (from relative.tsv)."""
    word = " ".join(must(m, "word").split())
    kind, rule = ctx.lexicon.relative[word]
    if word in ("اليوم", "الليله"):
        if ctx.word_after(m.end("x")) in NOT_TODAY_BEFORE or ctx.word_before(m.start("x")) in NOT_TODAY_AFTER:
            return None
        if word == "اليوم" and _ends_a_name(ctx, m.start("x"), m.end("x")):
            return None
        if word == "اليوم" and not part(m, "pod"):
            before = without_proclitic(ctx.word_before(m.start("x")))
            stands = before in ("يمثل", "تمثل") and ctx.word_after(m.end("x")) != "امام"  # not "يمثل أمام المحكمة"
            if PLURAL_IMPERFECT.match(before) or before in NOWADAYS_BEFORE or stands or _until_this_day(ctx, m.start("x")):
                return reading(m, "DATE", "PRESENT_REF", False)  # "باتت اليوم أقرب": nowadays
            if before in ("هو", "هي") and ctx.definite_after(m.end("x")):
                return None  # "الأحد، وهو اليوم المتوقع لوصوله": the day named, no date of its own
    if word.split()[0] in ("حتي", "الي") and ctx.view[m.end("x") : m.end("x") + 5].split()[:1] in (["التي"], ["الذي"]):
        return None  # "حتى اللحظة التي تنام فيها", "حتى اليوم الذي": a moment of its own, not now
    if word.startswith(ARTICLE) and word.split()[0] != "الي" and ctx.raw_char(m.start("word")) != BARE_ALEF:
        return None  # "آلان" (Alan) is not "الآن" (now), though both normalise to "الان"
    if word == "سابقا" and _after_role_noun(ctx.word_before(m.start("x"))):
        return None  # "نائبا ووزيرا سابقا": a former minister, an adjective and no time
    if word == "امس" and ctx.view[max(0, m.start("x") - 1) : m.start("x")] == "ل":
        return None  # "لامس الخام 72 دولارا": the verb "touched", not ل + أمس
    if word == "امس" and ctx.word_after(m.end("x")) == "الحاجه":
        return None  # "في أمسّ الحاجة": most in need, not yesterday
    if word.startswith("قبل") and _after_event(ctx, m.end("x")):
        return None  # "قبل فترة طويلة من ورود المشروع": before an event, not long ago
    offset = _OFFSET.match(rule)
    if offset is None:
        return reading(m, kind, rule, False)
    value, resolved = offset_value(ctx.anchor, offset.group(1), int(offset.group(2)))
    pod = PART_OF_DAY.get(" ".join((part(m, "pod") or "").split()))
    clock = offset.group(3) or (f"T{pod}" if pod else "")
    return reading(m, kind, value + (clock if resolved else ""), resolved)


def _until_this_day(ctx: Context, start: int) -> bool:
    """Whether "اليوم" ends "حتى هذا اليوم" / "إلى هذا اليوم": to this day, now."""
    before = ctx.words_before(start, 2)
    return len(before) == 2 and before[1] == "هذا" and without_proclitic(before[0]) in ("حتي", "الي")


def _ends_a_name(ctx: Context, start: int, end: int) -> bool:
    """Whether "اليوم" ends the name of an outlet: quoted with the word before it ("روسيا اليوم" in quotes),
    or after an outlet noun and one word ("صحيفة المصري اليوم", "قناة روسيا اليوم")."""
    if QUOTED_NAME_BEFORE.search(ctx.view, max(0, start - LOOK_FOR_NAME), start) and QUOTE_AFTER.match(ctx.view, end):
        return True
    before = [without_proclitic(w) for w in ctx.words_before(start, 2)]
    adjective = before[-1:] and before[-1].endswith("ي") and not before[-1].startswith(ARTICLE)  # "موقع عسكري"
    return len(before) == 2 and before[0] in OUTLET_NOUNS and not adjective


def _after_role_noun(word: str) -> bool:
    """Whether ``word`` is an indefinite noun in the accusative ("وزيرا", "نائبا"), which "سابقا" qualifies."""
    word = without_proclitic(word)
    return len(word) >= MIN_NOUN_LETTERS and word.endswith("ا") and not word.endswith(("وا", "ايضا"))


def read_unit_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الأسبوع الماضي", "الشهر المقبل", "هذا العام", "مطلع العام الجاري", "منذ بداية العام"."""
    offset = qualifier(m, ctx)
    if part(m, "new"):  # "العام الجديد": this year, or the next one late in the year
        if must(m, "unit") not in ("عام", "سنه") or ctx.anchor is None:
            return None
        offset = 1 if ctx.anchor.month >= NEW_YEAR_FROM else 0
    if offset is None and not part(m, "this") and not part(m, "mod"):
        return None  # "منذ بداية العام", "بحلول نهاية الشهر": the current one
    if must(m, "unit") == "عام" and ctx.word_before(m.start("x")) in TITLES:
        return None  # "الأمين العام السابق": the former secretary-general
    unit = UNIT_LETTERS[must(m, "unit")]
    if unit == "DE":  # "العقد الماضي": the decade before the anchor's, 200X; "هذا العقد" is a contract
        if offset is None or ctx.anchor is None:
            return None
        return reading(m, "DATE", f"{ctx.anchor.year // 10 + (offset or 0)}X", True)
    value, resolved = offset_value(ctx.anchor, unit, offset or 0)
    return reading(m, "DATE", value, resolved)


def read_same_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"ذلك العام", "العام نفسه", "نفس السنة": the year the text named last, if it named one."""
    year = ctx.year_named_before(m.start("x"))
    return None if year is None else reading(m, "DATE", year, True)


def read_weekend(m: re.Match[str], ctx: Context) -> Reading | None:
    """"نهاية الأسبوع الماضي" 2016-W42-WE; "نهاية الأسبوع" the last one (the coming one in the future)."""
    offset = qualifier(m, ctx)
    if offset is None and not part(m, "this") and ctx.anchor is not None:
        weekday = ctx.anchor.isoweekday()  # ahead: the coming weekend, next week's on a Sunday (its ISO week's last day)
        offset = int(weekday == SUNDAY) if ctx.future else 0 if weekday >= WORKING_DAYS_END else -1
    value, resolved = offset_value(ctx.anchor, "W", offset or 0)
    return reading(m, "DATE", f"{value}-WE", resolved)


def read_plural_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الأسابيع الماضية" PXW, "السنوات المقبلة" PXY; "الشهور الأخيرة" (recent months) PAST_REF."""
    offset = qualifier(m, ctx)
    if offset is None or offset == 0:
        return None
    if must(m, "qual").startswith("الاخير"):
        return reading(m, "DATE", "PAST_REF", False)
    letter = ctx.lexicon.units[must(m, "unit")].letter
    return reading(m, "DURATION", duration_value(letter, VAGUE), False)


def read_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الموسم الماضي" PAST_REF, "المرحلة المقبلة" FUTURE_REF, "الفترة الحالية" PRESENT_REF."""
    offset = qualifier(m, ctx)
    if offset is None:
        return None
    return reading(m, "DATE", ("PRESENT_REF", "FUTURE_REF", "PAST_REF")[max(-1, min(1, offset))], False)


def read_present_adjective(m: re.Match[str], ctx: Context) -> Reading | None:
    """"الحالي" and "الراهنة" after a noun ("المحترف الحالي", "الظروف الراهنة"): PRESENT_REF."""
    if not ctx.word_before(m.start("x")):
        return None
    return reading(m, "DATE", "PRESENT_REF", False)


def read_someday(m: re.Match[str], ctx: Context) -> Reading | None:
    """"سيعود يوما", "يوما ما": FUTURE_REF (PAST_REF for "يوما ما" in the past)."""
    if ctx.word_after(m.end("x")) == "بعد":  # "يوما بعد يوم"
        return None
    before = without_proclitic(ctx.word_before(m.start("x")))
    if part(m, "ma"):
        return reading(m, "DATE", "FUTURE_REF" if ctx.tense.sentence_future else "PAST_REF", False)
    if ctx.future and before[:1] == "س" and len(before) > 3:
        return reading(m, "DATE", "FUTURE_REF", False)
    return None


def count_of(m: re.Match[str], ctx: Context) -> tuple[str, str]:
    """(unit letter, count) of a number-and-unit group; count is digits or VAGUE."""
    unit = ctx.lexicon.units[must(m, "unit")]
    number = part(m, "num")
    if number is None:
        return unit.letter, unit.count
    return unit.letter, number if number.isdigit() else ctx.lexicon.count(number)


def read_offset(m: re.Match[str], ctx: Context) -> Reading | None:
    """"قبل ثلاثة أيام" and "منذ شهر" (dates), "بعد أسبوع من زيارة" and "منذ شهور" (durations)."""
    letter, count = count_of(m, ctx)
    prep = part(m, "prep")
    if part(m, "num") is None and (ctx.definite_after(m.end("x")) or ctx.word_after(m.end("x")) in ("امس", "غد")):
        return None  # "منذ يوم الأمس", "منذ يوم أمس", "منذ أيام السينما الصامتة": a day or days of what follows
    if prep == "بعد" and part(m, "num") is None and without_proclitic(ctx.word_before(m.start("prep"))) in UNIT_ACCUSATIVES:
        return None  # "يوما بعد يوم", "عاما بعد عام": day after day, no stretch nor date
    if must(m, "unit") == "عقد" and not _decade_follows(ctx, m.end("x")):
        return None  # "بعد عقد هيئة إدارية": after holding a meeting, not after a decade
    if part(m, "half"):
        return _with_half(m, letter, count)
    relative_to_event = _after_event(ctx, m.end("x"))
    dates = (prep == "قبل" or (prep == "منذ" and count != VAGUE and _dates_event(m, ctx, letter))
             or (prep == "بعد" and (ctx.tense.sentence_future or ctx.verb_before(m.start("prep"), NEAR) in (PRESENT, FUTURE))))
    if not dates or relative_to_event or letter in ("H", "MIN") and prep != "قبل":
        return reading(m, "DURATION", duration_value(letter, count), False)
    if count == VAGUE:
        return Reading(m.start("prep"), m.end("x"), "DATE", "PAST_REF" if prep == "قبل" else "FUTURE_REF", False)
    value, resolved = offset_value(ctx.anchor, letter, int(count) * (1 if prep == "بعد" else -1))
    return Reading(m.start("prep"), m.end("x"), "DATE", value, resolved)


def _decade_follows(ctx: Context, end: int) -> bool:
    """Whether "عقد" after قبل/بعد/منذ is a decade: at a clause's end or before "من", "على", "تقريبا" ...,
    not before the noun it holds or signs ("بعد عقد اجتماع", "قبل عقد قمة")."""
    rest = ctx.view[end : end + 2].strip()
    if not rest or rest[0] in "،,.;؛:!؟?)\"»":
        return True
    word = ctx.word_after(end)
    return word in DECADE_FOLLOWERS or word[:1] == "و"


def _with_half(m: re.Match[str], letter: str, count: str) -> Reading | None:
    """"ساعة ونصف" PT90M, "دقيقتين ونصف" PT150S, "عامين ونصف" P30M: the next smaller unit."""
    if count == VAGUE or letter not in HALVES:
        return reading(m, "DURATION", duration_value(letter, count), False)
    smaller, per_half = HALVES[letter]
    return reading(m, "DURATION", smaller.format((2 * int(count) + 1) * per_half), False)


def _after_event(ctx: Context, end: int) -> bool:
    """Whether "من"/"على" follows the unit, maybe after "فقط" or "قليلة": "بعد أيام فقط من تعرضها" counts from
    an event, not from the publication date."""
    for word in ctx.words_after(end, 3):
        if word in ("من", "علي"):
            return True
        if word not in HEDGES:
            return False
    return False


def _dates_event(m: re.Match[str], ctx: Context, letter: str) -> bool:
    """Whether "منذ" + a count dates a past event rather than measuring a state that lasts (see the docstring)."""
    before = ctx.view[max(0, m.start("prep") - 80) : m.start("prep")]
    clause_start = max((mark.end() for mark in CLAUSE_MARK.finditer(before)), default=0)
    words = before[clause_start:].split()[-LASTING_WINDOW:]
    if any(LASTING.match(word) for word in words) or ctx.verb_before(m.start("prep")) == PRESENT:
        return False  # "وتسيطر على القاعدة منذ ثلاث سنوات": a state that lasts
    if not words and _opens_with_imperfect(ctx, m.start("prep")):
        return False  # "وتشن قوات "قسد"، وهي ائتلاف ...، منذ شهر هجوما": an aside between the verb and "منذ"
    return letter not in LONG_UNITS or any(PAST_VERB.match(word) for word in words[-PAST_WINDOW:])


def _opens_with_imperfect(ctx: Context, index: int) -> bool:
    """Whether the sentence around ``index`` opens with a verb in the imperfect ("وتشن", "يواصل")."""
    start = max(ctx.view.rfind(mark, max(0, index - SENTENCE_LOOK), index) for mark in ".\n!?؟") + 1
    first = ctx.view[start:index].split()[:1]
    return bool(first) and IMPERFECT.match(first[0]) is not None


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """"ثلاثة أيام", "خمسة وعشرين عاما", "يومين", "أزيد من ساعة", "العشرة أعوام الأخيرة"; not an age."""
    letter, count = count_of(m, ctx)
    if count == VAGUE and part(m, "num") is None and ctx.view[m.start() : m.start() + 1] != "ل":
        return None  # "أيام" alone; "لأيام" (for days) is a stretch
    if letter == "Y" and is_age(m, ctx) or DECIMAL_TAIL.search(ctx.view, max(0, m.start("x") - 2), m.start("x")):
        return None  # an age; "(29.4 عام)": the tail of a decimal, no count of its own
    if part(m, "dual") and without_proclitic(ctx.word_before(m.start("x"))).endswith(("اء", "ين")):
        return None  # "مدراء عامين": general managers, not two years
    if part(m, "half"):
        return _with_half(m, letter, count)
    return reading(m, "DURATION", duration_value(letter, count), False)


def is_age(m: re.Match[str], ctx: Context) -> bool:
    """Whether a count of years is someone's age, which is no time (TIMES_GUIDELINES: "26 عاما" as an age).

    "البالغة من العمر 19 عاما", "عن عمر ناهز 68 عاما", "تتراوح أعمارهم بين 30 و79 سنة", "26 عاما من
    العمر", "توفي عن 31 عاما", and a count in brackets or commas after a name: "بوفون (40 عاما)", "المولد (23) عاما", "تشيك
    33/ عاما /", "أوزيل، 29 عاما، اعتزل".
    """
    start, end = m.start("x"), m.end("x")
    before_words = ctx.words_before(start, AGE_WINDOW)
    if "بين" in before_words:  # "تتراوح أعمارهم بين 22 سنة و 31 سنة": the second end of a range of ages
        before_words = ctx.words_before(start, 2 * AGE_WINDOW)
    if any(without_proclitic(word) in AGE_WORDS for word in before_words):  # "وعمره 39 سنة"
        return True
    if before_words[-1:] == ["عن"] and any(without_proclitic(w) in DEATH_WORDS for w in before_words[:-1]):
        return True  # "توفي عن 31 عاما"
    if before_words[-1:] == ["تحت"]:
        return True  # "منتخب الشباب تحت 20 سنة": an age group
    if SON_OF.search(ctx.view, max(0, start - LOOK_BACK_FOR_SON), start):
        return True  # "ابن الـ 23 عاما": 23 years old
    after = ctx.words_after(end, 2)
    if len(after) == 2 and after[0] == "من" and after[1].lstrip("ل") in AGE_WORDS:
        return True
    before = ctx.view[max(0, start - 2) : start].strip()
    rest = ctx.view[end : end + 2].strip()
    bracketed = before.endswith("(") and rest[:1] in (")", "(", "و", "،", ",")  # "(44عاما(": a bracket typed twice
    apposed = before.endswith(("،", ",")) and rest[:1] in ("،", ",")  # "أوزيل، 29 عاما، اعتزل"
    return bracketed or apposed or BRACKETED_COUNT.match(ctx.view, start) is not None


def read_fraction(m: re.Match[str], ctx: Context) -> Reading | None:
    """"نصف ساعة" PT30M, "ربع ساعة" PT15M, "نصف قرن" P50Y."""
    share = {"نصف": 2, "ربع": 4}[must(m, "frac")]
    minutes = {"H": 60, "D": 24 * 60}
    letter = ctx.lexicon.units[must(m, "unit")].letter
    if letter in minutes:
        value = minutes[letter] // share
        return reading(m, "DURATION", f"PT{value}M" if letter == "H" else f"PT{value // 60}H", False)
    years = {"CE": 100, "DE": 10}.get(letter)
    if years is None or years % share:
        return None
    before = [w for w in ctx.words_before(m.start("x"), 3) if w not in APPROXIMATE]
    if before and without_proclitic(before[-1]) == "قبل" and ctx.anchor is not None:
        return reading(m, "DATE", str(ctx.anchor.year - years // share), True)  # "قبل نحو نصف قرن": ago
    return reading(m, "DURATION", f"P{years // share}Y", False)


def read_set(m: re.Match[str], ctx: Context) -> Reading | None:
    """"كل يوم", "كل ثلاثة أشهر"."""
    letter, count = count_of(m, ctx)
    return reading(m, "SET", duration_value(letter, "1" if count == VAGUE else count), False)


def read_set_per(m: re.Match[str], ctx: Context) -> Reading | None:
    """"بيضة واحدة في اليوم", "5 بيضات في الأسبوع": a rate, only after a count."""
    before = ctx.words_before(m.start("x"), 3)
    if not any(_DIGIT.search(w) or w in PER_COUNT_WORDS or w in ctx.lexicon.numbers for w in before):
        return None
    if ctx.word_after(m.end("x")) in NOT_TODAY_BEFORE - {"الواحد"}:
        return None  # "في 12 مايو، وفي اليوم التالي": the day after, no rate
    return reading(m, "SET", duration_value(UNIT_LETTERS[must(m, "unit")], "1"), False)


def read_fiscal_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"السنة المالية الجديدة", "العام الدراسي المقبل": the year it starts in (a year given wins)."""
    if part(m, "year"):
        return reading(m, "DATE", must(m, "year"), True)
    word = part(m, "qual") or ""
    offset = ctx.lexicon.qualifiers.get(word, 0)
    if word.startswith("الجديد") and ctx.anchor is not None:
        offset = 1 if ctx.anchor.month > HALF_YEAR else 0  # the one that starts next
    value, resolved = offset_value(ctx.anchor, "Y", offset)
    return reading(m, "DATE", value, resolved)


RELATIVE_READERS: dict[str, Reader] = {
    "relative": read_relative, "unit_relative": read_unit_relative, "same_year": read_same_year, "weekend": read_weekend,
    "plural_relative": read_plural_relative, "period": read_period, "present": read_present_adjective,
    "someday": read_someday, "offset": read_offset, "duration": read_duration, "fraction": read_fraction,
    "set": read_set, "set_per": read_set_per,
    "fiscal": read_fiscal_year,
}
