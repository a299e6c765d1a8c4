"""Which occurrence a relative expression means: tense and direction, "منذ/بعد + duration", the anchor.

Sentences are from the ANT corpus (Apache-2.0; outlet and date in each comment) unless they pin a rule.
"""

from __future__ import annotations

import pytest

from khabar.model import Document
from khabar.stages.times.tagger import GUESSED_ANCHOR


def found(doc: Document) -> list[tuple[str, str, str]]:
    return [(doc.text_of(t.span), t.type, t.value) for t in doc.times]


# ---------------------------------------------------------------- منذ / بعد / قبل + a duration


@pytest.mark.parametrize(("text", "expected"), [
    # Sky News Arabia 2018-04-27: "منذ شهر" dates the start of the protests
    ("من موجة الاحتجاجات التي بدأها الفلسطينيون منذ شهر.", ("منذ شهر", "DATE", "2018-03")),
    # BBC 2018-03-30
    ("ومنذ أسبوع، قتل رجل موال للتنظيم ثلاثة أشخاص", ("منذ أسبوع", "DATE", "2018-W12")),
    # France 24 2018-06-13: a strike that lasts is measured
    ("دعت النقابات إلى مواصلة الإضراب المستمر منذ شهر.", ("شهر", "DURATION", "P1M")),
    # France 24 2018-03-05: a truce in force, in the imperfect
    ("أعلنت روسيا هدنة يومية في الغوطة الشرقية تسري منذ أسبوع", ("أسبوع", "DURATION", "P1W")),
    ("وهو أدنى مستوى منذ خمس سنوات", ("خمس سنوات", "DURATION", "P5Y")),  # a superlative: in five years
    ("رفع الحظر الذي فرضته على دور السينما منذ 35 عاماً", ("منذ 35 عاماً", "DATE", "1983")),
    ("حملت منذ شهور", ("شهور", "DURATION", "PXM")),  # a vague count stays a duration
])
def test_since_dates_an_event_or_measures_a_state(analyse, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse(text, "2018-04-01")) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال إن الوفد سيصل بعد يومين إلى القاهرة", ("بعد يومين", "DATE", "2018-04-03")),  # the future: a date
    ("يصل الوزير بعد يومين إلى القاهرة", ("بعد يومين", "DATE", "2018-04-03")),  # the imperfect of a schedule
    ("وأسلم الروح بعد أسبوعين", ("أسبوعين", "DURATION", "P2W")),  # a story's stretch
    # France 24 2018-07-15: after an event
    ("أعلن رئيس الوزراء استقالته بعد أسبوع من الاحتجاجات", ("أسبوع", "DURATION", "P1W")),
    ("قبل ثلاثة أيام", ("قبل ثلاثة أيام", "DATE", "2018-03-29")),
])
def test_after_dates_a_coming_event(analyse, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse(text, "2018-04-01")) == [expected]


def test_a_named_day_after_since_is_the_date(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("اتصالات يجريها الرئيس منذ يوم الأمس مع الأردن", "2018-05-20")
    assert found(doc) == [("الأمس", "DATE", "2018-05-19")]


# ---------------------------------------------------------------- months and days without a year


@pytest.mark.parametrize(("text", "value"), [
    ("الانتخابات البلدية المقررة في أكتوبر", "2016-10"),  # a marker in the feminine
    ("في أكتوبر ستجرى الانتخابات", "2016-10"),  # a future verb after it in its clause
    ("تنطلق الدورة يوم 30 أكتوبر", "2016-10-30"),  # the imperfect of a schedule: the nearer one
    ("وقع الحادث في أكتوبر", "2015-10"),  # no cue: the past counts nearer
    ("وكانت قد أعلنت في أكتوبر", "2015-10"),  # a verb in the past
    ("وقال الوزير في أكتوبر إنه سيزور تونس", "2015-10"),  # the future after إنه is another clause
    ("منذ 25 مايو", "2015-05-25"),  # منذ: before, though the next one is nearer
    ("في أولى حفلاتها منذ إنجابها توأميها في حزيران/يونيو.", "2015-06"),  # Al Arabiya 2018-04-15
    # a future marker earlier in the sentence gives way to "منذ" and to a past right before the month
    ("وستصل المساعدات بعد اتفاق عقب محادثات منذ أكتوبر", "2015-10"),
    ("وستنقل رفات الوزيرة التي توفيت في 30 يونيو إلى المقبرة", "2015-06-30"),
    ("وسترفع الحظر الذي كانت فرضته في أكتوبر", "2015-10"),
    ("وستعود الأموال ما لم يتم صرفها بحلول 30 يونيو", "2016-06-30"),  # "ما لم": unless, no past
    # a comparison with a forecast is no future marker
    ("وأظهرت البيانات أن المبيعات زادت أكثر من المتوقع في أكتوبر", "2015-10"),
    ("ومن المتوقع أن تعلن النتائج في أكتوبر", "2016-10"),
])
def test_the_year_of_an_undated_month_follows_the_text(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [t.value for t in analyse(text, "2016-05-10").times] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("في مايو/آيار من العام الماضي", "2017-05"),
    ("في أبريل (نيسان) عام 2013", "2013-04"),
    ("منذ محاولة الانقلاب في يوليو تموز 2016.", "2016-07"),  # Reuters' pair, no slash
    ("في مارس من هذا العام", "2018-03"),
    ("بعقد يمتد حتى يونيو/حزيران من عام 2021.", "2021-06"),  # Sky News Arabia 2018-10-15
    ("تم الاتصال بنا الساعة 16,20 بشأن", "2018-05-20T16:20"),  # AFP's clock, via Sky News Arabia
])
def test_months_with_their_year_in_words(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [t.value for t in analyse(text, "2018-05-20").times] == [value]


# ---------------------------------------------------------------- weekdays and the seed


def test_seed_tuesday_stays_the_day_before(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("قال وزير الدفاع الفرنسي، جان إيف لو دريان، الثلاثاء، في أعقاب هجوم عسكري", "2016-10-26")
    assert found(doc) == [("الثلاثاء", "DATE", "2016-10-25")]


def test_a_weekday_with_its_day_and_month_fixes_the_year(analyse) -> None:  # type: ignore[no-untyped-def]
    # Jawhara FM 2015-05-26: "كان مقررا" is past, but 27 May is a Wednesday in 2015, not in 2014
    doc = analyse("إضراب المساحات التجارية الكبرى الذي كان مقررا غدا الاربعاء 27 ماي", "2015-05-26")
    assert [t.value for t in doc.times] == ["2015-05-27", "2015-05-27"]


@pytest.mark.parametrize(("text", "value"), [
    ("وقال لي إنه سيعود الثلاثاء إلى فريقه", "2016-11-01"),  # the coming Tuesday
    ("والتقى الوزير الثلاثاء نظيره", "2016-10-25"),
    ("أمس الخميس", "2016-10-25"),  # the relative word fixes the day
    ("غدا الجمعة", "2016-10-27"),
    ("وكان التنظيم قد تبنى الاثنين الاعتداء", "2016-10-24"),  # تبنى after قد: past, not the imperfect
    # France 24 2018-03-19 (here a Wednesday): an imperfect after "أن" has no tense of its own
    ("تعرضت لهجوم في نوتنغهام، قبل أن تتوفى الاثنين .", "2016-10-24"),
    # Sky News Arabia 2018-06-24: "لن" after the day is the main clause's future, not the day's
    ("الفوز الذي حققته ألمانيا على السويد يوم الثلاثاء لن يغير من طريقة", "2016-10-25"),
    # Jawhara FM 2017-03-13 (a Monday; here a Wednesday): a match in the imperfect is the nearer Wednesday
    ("احتجاجا على تعيين الحكم لإدارة المقابلة التي تجمع ناديهم يوم الجمعة", "2016-10-28"),
    # a fixture in a sentence that speaks of the future lies ahead; one seen lies behind
    ("والفريق في حاجة إلى نقطة من مباراة الأحد ضد الضيوف، فيما ستحسم الصدارة لاحقا", "2016-10-30"),
    ("وقال: شاهدنا مباراة الأحد سويا، وسنكون سعداء", "2016-10-23"),
    ("وقال إن مباراة الأحد كانت صعبة", "2016-10-23"),
    # a past three words before the day outweighs a future marker earlier in the sentence
    ('"لا نظن أن خطوة كهذه ستمر دون رد" هكذا قالت الخارجية الروسية يوم الاثنين', "2016-10-24"),
])
def test_weekdays_follow_the_tense(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [t.value for t in analyse(text, "2016-10-26").times] == [value]


def test_a_future_marker_reaches_the_days_listed_after_it(analyse) -> None:  # type: ignore[no-untyped-def]
    # Sky News Arabia 2018-04-09 (a Monday)
    text = ("ومن المقرر أن يمثل زوكربرغ أمام جلسة استماع مشتركة للجنتي القضاء والتجارة في مجلس الشيوخ، الثلاثاء، "
            "ولجنة الطاقة والتجارة بمجلس النواب، الأربعاء.")
    assert [t.value for t in analyse(text, "2018-04-09").times] == ["2018-04-10", "2018-04-11"]
    text = "ومن المتوقع أن تستمر بعد ظهر الاثنين، وتشمل بعض المشرعين"
    assert found(analyse(text, "2018-04-09")) == [("بعد ظهر الاثنين", "DATE", "2018-04-09TAF")]


def test_a_future_marker_stops_at_a_new_clause(analyse) -> None:  # type: ignore[no-untyped-def]
    # BBC 2018-04-05: "ستغادر" is the fat's future; "كتبه في منتصف شهر مارس" is past, after "بينما"
    text = ("فإن 8.4 كيلوغراما منها ستغادر جسمك عبر الرئتين بينما يغادر 1.6 كيلوغراما على شكل ماء، هذا ما كتبه "
            "ميرمان في منتصف شهر مارس/آذار على موقع")
    assert [t.value for t in analyse(text, "2018-04-05").times] == ["2018-03"]
    assert [t.value for t in analyse("يتوقع الخبراء أن يعلن القرار الخميس", "2018-04-05").times] == ["2018-04-05"]


# ---------------------------------------------------------------- the anchor: never invented


def test_a_date_line_anchors_with_a_diagnostic(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("الخميس 01 أكتوبر 2020 - 23:00\nقال الوزير أمس إن الوضع مستقر")
    assert [t.value for t in doc.times] == ["2020-10-01T23:00", "2020-09-30"]
    notes = [d for d in doc.diagnostics if d.code == GUESSED_ANCHOR]
    assert len(notes) == 1 and notes[0].stage == "times" and "2020-10-01" in notes[0].message
    assert notes[0].span is not None and doc.text_of(notes[0].span) == "الخميس 01 أكتوبر 2020 - 23:00"


def test_the_publication_date_wins_without_a_diagnostic(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("الخميس 01 أكتوبر 2020 - 23:00\nقال الوزير أمس إن الوضع مستقر", "2020-10-02")
    assert [t.value for t in doc.times] == ["2020-10-01T23:00", "2020-10-01"]
    assert not [d for d in doc.diagnostics if d.code == GUESSED_ANCHOR]


@pytest.mark.parametrize(("text", "value"), [
    ("قال الوزير أمس", "REF-P1D"), ("سيصل بعد يومين", "REF+P2D"), ("منذ شهر", "REF-P1M"),
    ("نهاية الأسبوع الماضي", "REF-P1W-WE"), ("هذا العام", "REF+P0Y"), ("وقع في أكتوبر", "XXXX-10"),
    ("في رمضان", "HXXXX-09"), ("الثاني من الشهر الحالي", "XXXX-XX-02"),
])
def test_without_an_anchor_relative_times_stay_unresolved(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(text)
    assert [(t.value, t.resolved) for t in doc.times] == [(value, False)]
    assert not doc.diagnostics


def test_day_first_publication_dates(analyse) -> None:  # type: ignore[no-untyped-def]
    assert [t.value for t in analyse("قال الوزير أمس", "04/10/2015").times] == ["2015-10-03"]


@pytest.mark.parametrize(("text", "expected"), [
    # BBC 2018-06-26: "بعد أيام فقط من" counts from an event
    ("تأتي تلك الحادثة بعد أيام فقط من تعرض الوزيرة للاستهزاء", ("أيام", "DURATION", "PXD")),
    # Al Arabiya 2018-03-08
    ("تعرض للإقالة بعد ستة أشهر فقط من تدريب الفريق لأول مرة", ("ستة أشهر", "DURATION", "P6M")),
])
def test_after_a_stretch_from_an_event(analyse, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse(text, "2018-04-01")) == [expected]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Sky News Arabia 2018-02-25: "منذ" after a present measures a state
    ("وتتعرض لقصف القوات الحكومية منذ 7 أيام.", "2018-02-25", ("7 أيام", "DURATION", "P7D")),
    # Jawhara FM 2016-11-29: tens of years
    ("ويشتغل البروفيسور وفريقه منذ عشرات السنين على نوع من الباكتيريا", "2016-11-29", ("عشرات السنين", "DURATION", "PXY")),
    # Jawhara FM 2015-06-14: "منذ يوم أمس" is since yesterday
    ("من بين تونسيين مختطفين منذ يوم أمس في ليبيا", "2015-06-14", ("أمس", "DATE", "2015-06-13")),
    # a state one is held in, going on, waiting, a superlative with the article
    ("وكان الشاب محتجزا منذ أربعة أيام قيد التحقيق", "2018-05-18", ("أربعة أيام", "DURATION", "P4D")),
    ("والصحافي المسجون منذ 434 يوما", "2018-03-09", ("434 يوما", "DURATION", "P434D")),
    ("وتذمروا من تواصل قطع الكهرباء عنهم منذ 3 أيام", "2018-03-09", ("3 أيام", "DURATION", "P3D")),
    ("وهي من بين الأسوأ منذ 25 عاما", "2018-03-09", ("25 عاما", "DURATION", "P25Y")),
    # an aside set off by commas between a sentence-opening imperfect and "منذ"
    ("وتشن القوات، وهي ائتلاف من الفصائل، منذ شهر هجوما على الجيب", "2018-10-13", ("شهر", "DURATION", "P1M")),
    ("وأعلنت الوزارة، في بيان، منذ شهر أنها ستغلق المعبر", "2018-10-13", ("منذ شهر", "DATE", "2018-09")),
])
def test_since_a_state_that_lasts(analyse, text: str, published: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse(text, published)) == [expected]


# ---------------------------------------------------------------- the day after the day named last


@pytest.mark.parametrize("text", [
    "يقترب اليوم الموعود لقيامة الدولة",  # the promised day
    "أضرموا فيها النيران في اليوم الخامس للاحتجاجات",  # the fifth day of
    "باع 20 مليون قطعة في العام الذي سبقه",  # a count before "في العام" that is no rate
])
def test_a_day_with_its_adjective_is_no_date(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-16") == []


@pytest.mark.parametrize(("text", "expected"), [
    ('وذكرت المصادر لموقع "روسيا اليوم" أن المشتبه به دخل الأراضي', []),
    ("ونقلت قناة روسيا اليوم عن مصادر، وذكرت صحيفة المصري اليوم أن الوزير وصل", []),
    # a quoted verb, a quote after "today", a site that is no outlet: today
    ('وقال الوزير "سنلتقي اليوم" في القاهرة', [("اليوم", "2018-05-16")]),
    ('وأن قناة "الجزيرة" أصبحت اليوم "أقذر" من غيرها', [("اليوم", "PRESENT_REF")]),  # and nowadays
    ("وقتلت مقاتلا عند موقع عسكري اليوم", [("اليوم", "2018-05-16")]),
])
def test_today_that_ends_an_outlets_name_is_no_date(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-16") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("أن يوضحا ما الذي جرى هذا المساء", [("هذا المساء", "2018-07-04TEV")]),
    ("وعززت السلطات منذ الصباح تواجد القوات الأمنية", [("منذ الصباح", "2018-07-04TMO")]),
    ("حتى اللحظة التي تذهب فيها إلى النوم", []),  # a moment of its own, not now
    ("ولم تعلن أي جهة حتى اللحظة مسؤوليتها", [("حتى اللحظة", "PRESENT_REF")]),
    ("لم يبلغ الحضور التطلعات في مباراة اليوم التي تعتبر مهمة", [("اليوم", "2018-07-04")]),
])
def test_parts_of_this_day_and_until_now(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال الوزير أمس الأول إن الوفد وصل", [("أمس الأول", "2018-07-02")]),
    ("فقد ألهمتني حين كنت في أمس الحاجة إلى إلهام", []),  # most in need
])
def test_the_day_before_yesterday_and_most_in_need(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("واستمرت العلاقات إلى اليوم عبر مراحل", [("إلى اليوم", "PRESENT_REF")]),
    ("لأنها ما زالت قائمة حتى يومنا هذا", [("حتى يومنا هذا", "PRESENT_REF")]),
    ("وقال آلان إنه وصل", []),  # Alan, not now
])
def test_until_our_day_is_now(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("أن إمكانية تحقيق ذلك باتت اليوم أقرب من أي وقت مضى", [("اليوم", "PRESENT_REF")]),
    ("الملهم أصبح اليوم أيقونة رياضية", [("اليوم", "PRESENT_REF")]),
    ("والأحد، وهو اليوم المتوقع لوصول ترامب", [("الأحد", "2018-07-01")]),
    ("وقال الوزير اليوم إن الوفد وصل", [("اليوم", "2018-07-04")]),
    ("كان عدد السكان مليونا. أما اليوم فعددهم ثلاثة ملايين", [("اليوم", "PRESENT_REF")]),
    ("وأكد أنه يوجد اليوم عدد كبير من المدربين", [("اليوم", "PRESENT_REF")]),
    ("وقال إن القطاع يضم اليوم أكثر من ألف شركة", [("اليوم", "PRESENT_REF")]),
    ("ولا تزال آثارهم قائمة حتى هذا اليوم", [("اليوم", "PRESENT_REF")]),
    ("ويمثل اليوم أمام المحكمة", [("اليوم", "2018-07-04")]),  # appears in court today
    ("وقال إن الهجرة تمثّل اليوم إشكالا خطيرا", [("اليوم", "PRESENT_REF")]),  # stands for, nowadays
])
def test_today_after_become_is_nowadays(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("تخرج مظاهرات ضد الفساد كل يوم جمعة في العاصمة", [("كل يوم جمعة", "XXXX-WXX-5")]),
    ("وتعقد اللجنة اجتماعها كل اثنين", [("كل اثنين", "XXXX-WXX-1")]),
    ("ولا يخفى ذلك على كل أحد", []),  # everyone
])
def test_every_weekday_is_a_set(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-04") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # in a quote, the editor's weekday in brackets says which day the speaker's "أمس"/"اليوم"/"غدا" was
    ('وأضاف "أمس(الأربعاء)، أرسل لي رسالة"', [("أمس", "2018-07-18"), ("الأربعاء", "2018-07-18")]),
    ('وقال "غدا (الجمعة) سنذهب إلى المطار"', [("غدا", "2018-07-20"), ("الجمعة", "2018-07-20")]),  # said on Thursday
    ("وقالت الوكالة أمس (الخميس) إن التصنيف", [("أمس", "2018-07-19"), ("الخميس", "2018-07-19")]),
])
def test_a_weekday_in_brackets_fixes_the_relative_day(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-20") == expected
