"""Issue 24's constructions, found and valued: years, durations, Hijri months, ranges, weekends, vague references.

Sentences are from the ANT corpus (Apache-2.0; the outlet and date in each comment), shortened around the
expression; a few minimal ones pin a boundary (what must not be found).
"""

from __future__ import annotations

import pytest

# ---------------------------------------------------------------- years


@pytest.mark.parametrize(("text", "published", "expected"), [
    # BBC 2018-07-13: a span of years, both ends
    ("الجنرال ضياء الحق، الذي حكم البلاد من 1977 إلى 1988.", "2018-07-13", [("1977", "1977"), ("1988", "1988")]),
    # Jawhara FM 2017-03-31: "بين 2012 و2015"
    ("تشخيص اللجنة الوطنية للإصلاح الجامعي بين 2012 و2015.", "2017-03-31", [("2012", "2012"), ("2015", "2015")]),
    # Sky News Arabia 2018-10-10: "اعتبارا من 2013"
    ("ويتهم الصيني بأنه سعى، اعتبارا من 2013 وحتى توقيفه", "2018-10-10", [("2013", "2013")]),
    # CNN 2018-05-24: "للعام 2014" (ل and the article)
    ("في الحادثة التي تعود للعام 2014، لافتة", "2018-05-24", [("عام 2014", "2014")]),
])
def test_years_after_a_word_that_takes_one(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


@pytest.mark.parametrize("text", [
    "تنظيم أكثر من 2000 فعالية ونشاط احتفالي",  # a count after "أكثر من"
    "ما بين 1500 و2000 حبة من جوز الهند",  # a count range
    "وأوقعت قرعة تصفيات مونديال 2018 المنتخب",  # a name holding a year
    "وبلغت عائدات موسم 2016-2017 بحسب الرابطة",  # a season's name, and the year joined to it
    "بلغ عدد القتلى 2017 شخصا",
])
def test_numbers_and_names_are_not_years(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-20") == []


def test_a_per_cent_before_a_year_is_no_century(found) -> None:  # type: ignore[no-untyped-def]
    # Jawhara FM 2015-07-03: "بالمائة سنة 2015" is a rate in 2015, not a hundred years
    assert found("توقعت تراجع النمو فى تونس الى 1.9 بالمائة سنة 2015، وذلك", "2015-07-03") == [("سنة 2015", "2015")]


# ---------------------------------------------------------------- durations


@pytest.mark.parametrize(("text", "span", "value"), [
    ("بعد اجتماعه الدوري الذي استمر يومين", "يومين", "P2D"),  # a dual alone
    ("أمكن لزوار المعرض على امتداد أكثر من أسبوع مشاهدتها", "أسبوع", "P1W"),
    ("بعد أن انتظروا أزيد من ساعة", "ساعة", "PT1H"),
    ("وهي مدة التقادم خلال العشرة أعوام الأخيرة", "العشرة أعوام الأخيرة", "P10Y"),
    # Al Arabiya 2018-06-05: a plural with its number after it
    ("فرصة عمل للمواطنين على مدى السنوات الخمس القادمة", "السنوات الخمس القادمة", "P5Y"),
    ("حكم عليه بالسجن خمسة وعشرين عاما", "خمسة وعشرين عاما", "P25Y"),
    ("ثم يبدأ مشوار الدفاع عن اللقب بعد ذلك بأسبوع", "أسبوع", "P1W"),
    ("أنجبت مرتين خلال أسبوع واحد", "أسبوع واحد", "P1W"),
    ("أوقفت الهجوم بعد قتال دام لساعة مع عناصر الجماعة", "ساعة", "PT1H"),  # CNN 2018-04-02
    ("واستمر الاجتماع ساعة كاملة", "ساعة كاملة", "PT1H"),
    ("لكن وضعه الصحي أبعده عن الأنظار لأعوام.", "أعوام", "PXY"),  # Sky News Arabia 2018-08-16
    ("مدة اشتراك لا تقل عن (12) شهرا", "12) شهرا", "P12M"),  # a bracketed count of months: no age
    ("استمر الاجتماع نصف ساعة", "نصف ساعة", "PT30M"),
])
def test_durations_in_words(found, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-20") == [(span, value)]


@pytest.mark.parametrize("text", [
    # Italian press via ANT (France 24 2018-05-24) and Al Arabiya 2018-07-06: ages are no times
    "وكانت فرح، البالغة من العمر 19 عاما، تدرس في مدينة فيرونا",
    "وكان بوفون (40 عاما و176 مباراة دولية)، الذي انتهى عقده",
    "وتتراوح أعمارهم بين 30 و 79 سنة",
    "وفاة الفنان عن عمر ناهز «68» عاما",
    "تعاقد مع نادر المولد (23) عاماً كلاعب محترف",
    "واعتزل أوزيل، 29 عاما، اللعب الدولي",  # BBC 2018-09-26
    "قمصانا تحمل رقم 13، الخاص باللاعب الذي توفي عن 31 عاما",  # Sky News Arabia 2018-03-11
])
def test_ages_are_not_durations(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-24") == []


def test_general_managers_are_not_two_years(found) -> None:  # type: ignore[no-untyped-def]
    assert found("إبعاد الوكلاء والمستشارين ومدراء عامين عن المحاصصة", "2015-08-01") == []


# ---------------------------------------------------------------- Hijri months


@pytest.mark.parametrize(("text", "published", "value"), [
    # France 24 2018-05-17 (Ramadan 1439 began on 16 May): the one around the publication date
    ("عودة كافة الأسرى والمعتقلين إلى منازلهم خلال رمضان.", "2018-05-17", "2018-05"),
    ("ستعرض في رمضان المقبل", "2018-05-20", "2019-05"),
    ("كما حدث في رمضان الماضي", "2018-05-20", "2017-06"),
    ("وعرضت مجموعة ثياب في رمضان 2018", "2018-09-01", "2018-05"),  # a Gregorian year: that year's Ramadan
    ("وصل في شوال", "2018-05-20", "2018-06"),  # the nearest: 26 days ahead, not 11 months back
])
def test_hijri_months_without_a_year(found, text: str, published: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [v for _t, v in found(text, published)] == [value]


def test_a_count_after_a_hijri_month_is_no_year(found) -> None:  # type: ignore[no-untyped-def]
    # a number no Hijri year near ours can be, without "هـ": the count of what follows
    assert found("وأدت الفرق منذ انطلاق شهر رمضان 1587 زيارة", "2017-06-02") == [("شهر رمضان", "2017-06")]
    assert found("في شهر رمضان 1438 هـ", "2017-06-02") == [("شهر رمضان 1438 هـ", "2017-06")]


def test_ramadan_as_a_name_is_no_date(found) -> None:  # type: ignore[no-untyped-def]
    assert found("ودفع المدير الفني بآخر تغييراته بنزول رمضان صبحي بدلا من محمد رزق", "2018-05-20") == []


# ---------------------------------------------------------------- ranges, days of relative months, weekends


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Sky News Arabia 2018-10-07
    ("اجتماعها المقرر في دبي في الفترة بين 18 و21 نوفمبر، حسب", "2018-10-07",
     [("18", "2018-11-18"), ("21 نوفمبر", "2018-11-21")]),
    # BBC 2018-06-08: the month's second name after the range
    ("كان الخلل نشطًا في الفترة بين 18 و 22 مايو/آيار، بحسب", "2018-06-08",
     [("18", "2018-05-18"), ("22 مايو/آيار", "2018-05-22")]),
    ("عبر الهاتف بين 22 و26 يونيو 2018 على عينة", "2018-09-11", [("22", "2018-06-22"), ("26 يونيو 2018", "2018-06-26")]),
])
def test_both_ends_of_a_day_range(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


def test_a_list_of_days_before_their_month(found) -> None:  # type: ignore[no-untyped-def]
    # France 24 2018-07-30
    assert found("غارات جوية طاولت في 26، 27 و28 تموز/يوليو مركزا طبيا", "2018-07-30") == [
        ("26", "2018-07-26"), ("27", "2018-07-27"), ("28 تموز/يوليو", "2018-07-28")]


def test_today_and_its_full_date_are_one(found) -> None:  # type: ignore[no-untyped-def]
    # Jawhara FM 2016-03-27
    assert found("أعلن المجلس الوطني للحزب اليوم الأحد 27 مارس 2016 خلال دورة", "2016-03-27") == [
        ("اليوم الأحد 27 مارس 2016", "2016-03-27")]


def test_a_secretary_general_is_no_year(found) -> None:  # type: ignore[no-untyped-def]
    # Jawhara FM 2016-03-27: "الأمين العام السابق" is the former secretary-general
    assert found("سحب الثقة من الأمين العام السابق عماد الدايمي", "2016-03-27") == []
    assert found("ارتفعت الصادرات العام الماضي", "2016-03-27") == [("العام الماضي", "2015")]


@pytest.mark.parametrize(("text", "published", "value"), [
    # France 24 2018-07-06
    ("إثر انتهاء ولاية البرلمان في الأول من الشهر الجاري", "2018-07-06", "2018-07-01"),
    ("الانتخابات التي ستجرى في 12 من الشهر الجاري", "2018-05-04", "2018-05-12"),
    ("وصل في الثاني من الشهر الماضي", "2018-05-04", "2018-04-02"),
])
def test_a_day_of_a_month_named_by_its_distance(found, text: str, published: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [v for _t, v in found(text, published)] == [value]


@pytest.mark.parametrize(("text", "published", "value"), [
    # Jawhara FM 2017-02-08 (a Wednesday): the weekend of the week before
    ("تمكّن أعوان مركز الأمن الوطني نهاية الأسبوع الماضي من إيقاف ثلاثة أشقاء", "2017-02-08", "2017-W05-WE"),
    ("أوقفت الشرطة خلال عطلة نهاية الأسبوع عشرة أشخاص", "2017-02-08", "2017-W05-WE"),  # the last one
    ("ستقام المباراة نهاية الأسبوع", "2017-02-08", "2017-W06-WE"),  # the coming one
    ("ومن المرتقب أن يبدأ بيعه في نهاية الأسبوع", "2018-07-01", "2018-W27-WE"),  # a Sunday: next week's
])
def test_weekends(found, text: str, published: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [v for _t, v in found(text, published)] == [value]


# ---------------------------------------------------------------- parts of day, seasons, fiscal years


@pytest.mark.parametrize(("text", "published", "value"), [
    # Sky News Arabia 2018-03-23
    ("تمرير مجلس الشيوخ القانون بعد منتصف الليل جاء نتيجة", "2018-03-23", "2018-03-23T00:00"),
    ("وقع الانفجار الليلة الماضية", "2018-03-23", "2018-03-22TNI"),
    # Sky News Arabia 2018-04-12
    ("عقد جناحه الفرنسي سنة إضافية حتى صيف 2019، بحسب", "2018-04-12", "2019-SU"),
    ("تعاقد معه الصيف الماضي", "2018-04-12", "2017-SU"),
    ("يبدأ تطبيقه في السنة المالية المقبلة", "2018-04-12", "2019"),
])
def test_parts_of_day_seasons_and_fiscal_years(found, text: str, published: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [v for _t, v in found(text, published)] == [value]


@pytest.mark.parametrize(("text", "span", "value"), [
    # Al Arabiya 2018-06-02
    ("تم استدعاؤنا في حوالي الساعة الخامسة مساءً إلى طريق لندن", "الساعة الخامسة مساءً", "2018-06-02T17:00"),
    ("باشر موظفون تنفيذ إضراب منذ الساعة التاسعة صباحا", "الساعة التاسعة صباحا", "2018-06-02T09:00"),
    ("الساعة الحادية عشرة والنصف ليلا", "الساعة الحادية عشرة والنصف ليلا", "2018-06-02T23:30"),
    # Jawhara FM 2017-01-18
    ("وعلى متنه 5 شبان في حدود الساعة الثامنة ونصف ليلا في محاولة", "الساعة الثامنة ونصف ليلا", "2018-06-02T20:30"),
])
def test_clock_times_in_words(found, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-06-02") == [(span, value)]


def test_the_night_after_a_clock_time_is_its_own(found) -> None:  # type: ignore[no-untyped-def]
    # Jawhara FM 2016-12-29: nine at night, and the night is yesterday's
    assert found("وفي حدود الساعة التاسعة من ليلة البارحة تقدم مواطن", "2016-12-29") == [
        ("الساعة التاسعة", "2016-12-29T21:00"), ("ليلة البارحة", "2016-12-28TNI")]
    # Jawhara FM 2017-02-08: "الغد" names the day
    assert found("وخلال يوم الغد الخميس ملائما لنزول أمطار", "2017-02-08") == [("الغد الخميس", "2017-02-09")]


@pytest.mark.parametrize(("text", "span", "value"), [
    # Sky News Arabia 2018-07-14: "earlier this month" is the month
    ("وكانت الحكومة في هايتي قد أعلنت في وقت سابق من الشهر الجاري خفض دعم الوقود", "وقت سابق من الشهر الجاري",
     "2018-07"),
    ("وفي وقت سابق الثلاثاء، أعلن وزير الخارجية", "وقت سابق الثلاثاء", "2018-07-10"),
    ("رفض في وقت سابق العرض", "في وقت سابق", "PAST_REF"),
])
def test_earlier_names_the_time_after_it(found, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-14") == [(span, value)]


@pytest.mark.parametrize(("text", "span", "value"), [
    # Al Arabiya 2018-07-08, BBC 2018-04-21
    ("وخاض البلدان حربا في أواخر التسعينيات قتل فيها", "التسعينيات", "199X"),
    ("كانت هناك العديد من صالات السينما خلال سبعينيات القرن الماضي، لكن", "سبعينيات القرن الماضي", "197X"),
    # a century is the two first digits of its years (TIMEX3), when a word places something in it
    ("وهو أحد أعظم الشخصيات في القرن العشرين", "القرن العشرين", "19"),
    ("وصل البرتغاليون في القرن السادس عشر", "القرن السادس عشر", "15"),
    ("تعود الكنيسة إلى القرن الـ 16", "القرن الـ 16", "15"),
    ("يعيشون هنا منذ منتصف القرن الماضي", "القرن الماضي", "19"),
    ("وقد يتحقق ذلك بحلول منتصف القرن الحالي", "القرن الحالي", "20"),
    ("وتطرح حلولا تتماشى مع تحديات القرن الحادي والعشرين", None, None),  # an epithet
    ("واستحوذت على شركة فوكس القرن الحادي والعشرين", None, None),  # a name
    ("كان الكتاب معروفا في القرن الرابع الهجري", None, None),  # a Hijri century
    ("وفاز باللقب مع نهاية القرن الأول من عمر البطولة", None, None),  # a century of something
    # Al Arabiya 2018-04-15
    ("وفي مطلع العقد الماضي، أفسحت الفرقة في المجال", "مطلع العقد الماضي", "200X"),
])
def test_decades(found, text: str, span: str | None, value: str | None) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-08") == ([] if span is None else [(span, value)])


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    # Jawhara FM 2015-05-20: digits glued to their preposition
    ("وهي ظواهر خطيرة تفاقمت بعد2011.", "2015-05-20", "2011", "2011"),
    # Jawhara FM 2017-03-13: Tunisian "الفارط" (the last) and "عشية" (the afternoon)
    ("ناديهم يعاني منذ الموسم الفارط من المظالم", "2017-03-13", "الموسم الفارط", "PAST_REF"),
    ("قامت عشية اليوم جماهير مستقبل المرسى بمسيرة", "2017-03-13", "عشية اليوم", "2017-03-13TAF"),
    ("تم ذلك خلال الأسبوع الفارط", "2017-03-13", "الأسبوع الفارط", "2017-W10"),
    ("التي من المتوقع ان تدخل طور الاستغلال في هذه الصائفة", "2017-02-22", "هذه الصائفة", "2017-SU"),
])
def test_maghreb_words(found, text: str, published: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == [(span, value)]


@pytest.mark.parametrize(("text", "span", "value"), [
    # France 24 2018-04-26, Sky News Arabia 2018-10-16, BBC 2018-09-11
    ("ارتفعت أرباح فيس بوك بنسبة 63 بالمئة في الربع الأول من 2018، بحسب", "الربع الأول من 2018", "2018-Q1"),
    ("خلال الربع الأخير من العام الماضي، لكن", "الربع الأخير من العام الماضي", "2017-Q4"),
    ("بعد انتخابات البرلمان الأوروبي في النصف الأول من العام المقبل.", "النصف الأول من العام المقبل", "2019-H1"),
    ("سجل 6 نقاط متتالية في بداية الربع الأخير ليساعد", None, None),  # a game's quarter
    # Sky News Arabia 2018-03-29: "since the start of the year" is this year
    ("واندلعت احتجاجات في إيران منذ بداية العام بسبب الماء", "بداية العام", "2018"),
    ("على أن تنطلق المباراة عند 18:00 بتوقيت غرينتش", "18:00", "2018-08-01T18:00"),
    ("صدر القرار في 2018/5/28 بحسب", "2018/5/28", "2018-05-28"),
])
def test_quarters_parts_of_the_year_and_clocks(found, text: str, span: str | None, value: str | None) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-08-01") == ([] if span is None else [(span, value)])


# ---------------------------------------------------------------- vague references


@pytest.mark.parametrize(("text", "span", "value"), [
    # France 24 2018-06-02
    ("وقد عزز الجيش السوري في الأسابيع الماضية قواته في الجنوب", "الأسابيع الماضية", "PXW"),
    # Sky News Arabia 2018-09-03
    ("يجب أن نركز في المرحلة المقبلة على إعادة الإعمار", "المرحلة المقبلة", "FUTURE_REF"),
    # Sky News Arabia 2018-04-23
    ("فذكرى الخسارة القاسية أمام الريال الموسم الماضي في الدور", "الموسم الماضي", "PAST_REF"),
    # France 24 2018-05-15: "اليوم" after a verb of the present in the plural is nowadays
    ("لكن الإسرائيليين يواجهون اليوم أسئلة صعبة", "اليوم", "PRESENT_REF"),
    ("التي يتوقع أن يفوز بها الرئيس الحالي فلاديمير بوتين", "الحالي", "PRESENT_REF"),
    ("وبما أن التصريح جاء في هذا التوقيت كان لابد", "هذا التوقيت", "PRESENT_REF"),
    ("وقال لي إنه سيعود يوما للعب مع الفريق", "يوما", "FUTURE_REF"),
    ("ما زال الوضع على حاله حتى اليوم", "حتى اليوم", "PRESENT_REF"),
])
def test_vague_references_as_timex3_gives_them(found, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-20") == [(span, value)]


@pytest.mark.parametrize("text", [
    "قبل أن يرتفع العدد في اليوم التالي، بحسب مسؤولين.",  # the next day of the story, not today
    "يحل #اليوم_العالمي_للمرأة، الذي يصادف",  # a hashtag (Al Arabiya 2018-03-07)
    "لامس الخام الأمريكي 72.83 دولار للبرميل",  # "touched", not ل + أمس (Sky News Arabia 2018-05-22)
    "كان يوما تاريخيا للبلاد",  # "a day", not "someday"
    "بدأ تصويره منذ أيام السينما الصامتة",  # the days of something
])
def test_days_that_are_not_times(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-20") == []


# ---------------------------------------------------------------- round two: what the silver set showed


@pytest.mark.parametrize(("text", "published", "expected"), [
    # France 24 2018-05-15: "من العام نفسه" is the year named before
    ("بث التنظيم في 15 شباط/فبراير 2015 شريطا لرجال خطفوا في كانون الثاني/يناير من العام نفسه في غرب ليبيا.",
     "2018-05-15", [("15 شباط/فبراير 2015", "2015-02-15"), ("كانون الثاني/يناير من العام نفسه", "2015-01")]),
    # BBC 2018-02-06: "ذلك العام"
    ("قاد ليستر سيتي للحصول على اللقب عام 2016، وحصل على لقب أفضل لاعب في ذلك العام.",
     "2018-02-06", [("عام 2016", "2016"), ("ذلك العام", "2016")]),
    # BBC 2018-03-29: "لعامي" is a year's cue with its ل
    ("قرار برلين التنافس على مقعد غير دائم في مجلس الأمن لعامي 2019 و 2020.",
     "2018-03-29", [("2019", "2019"), ("2020", "2020")]),
    # Al Arabiya 2018-03-08: "منذ بدء العام الجديد" early in the year is this year
    ("حقق فوزين فقط في خمس مباريات منذ بدء العام الجديد.", "2018-03-08", [("العام الجديد", "2018")]),
    # Al Arabiya 2018-06-01: half a century ago
    ("حزبها الجبهة الوطنية الذي أسسه والدها قبل نحو نصف قرن.", "2018-06-01", [("نصف قرن", "1968")]),
    # Sky News Arabia 2018-06-04 and CNN Arabic 2018-10-03: the coming and the past hours
    ("إن من المتوقع سقوط أمطار غزيرة خلال الساعات المقبلة.", "2018-06-04", [("الساعات المقبلة", "PTXH")]),
    ("أثارت القضية جدلا واسعا خلال الساعات الماضية", "2018-10-03", [("الساعات الماضية", "PTXH")]),
    # Al Arabiya 2018-05-14: a half after the unit
    ("المقطع المصور الذي استمر دقيقتين ونصف", "2018-05-14", [("دقيقتين ونصف", "PT150S")]),
    # one unit and a half, the unit said again after the half
    ("وظل في السجن لنحو عام ونصف العام، قبل أن يفرج عنه", "2018-05-14", [("عام ونصف العام", "P18M")]),
    ("أكمل دراسته في سنة ونصف فقط", "2018-05-14", [("سنة ونصف", "P18M")]),
    ("تأجل الإقلاع قرابة ساعة ونصف", "2018-05-14", [("ساعة ونصف", "PT90M")]),
    ("في أكبر خسارة أسبوعية في شهرين ونصف", "2018-05-14", [("شهرين ونصف", "P75D")]),
    ("منذ إنشائه قبل نحو قرن ونصف القرن", "2018-05-14", [("قرن ونصف القرن", "P150Y")]),
    ("حكم عليه بالسجن 7 أعوام ونصف العام", "2018-05-14", [("7 أعوام ونصف العام", "P90M")]),
    ("وقال الأمين العام ونصف الأعضاء", "2018-05-14", []),
    # Jawhara FM 2016-04-17: a day of every year
    ("ليوم الأسير الفلسطيني الموافق 17 من أفريل من كل عام", "2016-04-17", [("17 من أفريل من كل عام", "XXXX-04-17")]),
    # Jawhara FM 2017-03-05: the evening of yesterday, a Saturday
    ("أشرف الوزير مساء أمس السبت على افتتاح الدورة", "2017-03-05", [("مساء أمس السبت", "2017-03-04TEV")]),
    # Al Arabiya 2018-02-13: a recurring day
    ("لكنه لا يصور بشكل يومي", "2018-02-13", [("بشكل يومي", "P1D")]),
    ("ألمانيا أعلنت نيتها قبل فترة طويلة", "2018-03-29", [("قبل فترة طويلة", "PAST_REF")]),  # BBC 2018-03-29
])
def test_round_two_constructions(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


@pytest.mark.parametrize("text", [
    "لأنهم كانوا سعداء بتوقيع هذا العقد.",  # a contract, not this decade (BBC 2018-02-06)
    "لوحت الهيئة بتعليق الدروس بعد عقد هيئة إدارية ثانية",  # holding a meeting (Jawhara FM 2017-02-04)
    "وأكثر من 65 نائبا ووزيرا سابقا",  # a former minister (Jawhara FM 2016-04-17)
    "كانت مقررة قبل وقت طويل من ورود مشروع القمة",  # before an event, not long ago (Sky News Arabia 2018-05-15)
])
def test_round_two_words_that_are_no_times(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-20") == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Sky News Arabia 2018-04-29: a span of years in brackets
    ("العلاقات التي نسجت بعد الحرب الكورية (1950-1953) شهدت فتورا", "2018-04-29", [("1950", "1950"), ("1953", "1953")]),
    # Sky News Arabia 2018-06-15: years listed after "أعوام"
    ("وأوسيه سيلر (9 أهداف أعوام 1958 و1962 و1966).", "2018-06-15", [("1958", "1958"), ("1962", "1962"), ("1966", "1966")]),
    # Jawhara FM 2016-08-07: "ما بين" after "الفترة"
    ("بعد أن تكثف في الفترة ما بين2011 و2015.", "2016-08-07", [("2011", "2011"), ("2015", "2015")]),
    ("بلغ عدد المشاركين ما بين 1500 و2000 شخص", "2016-08-07", []),  # a count
])
def test_more_years(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Sky News Arabia 2018-04-12: the first end takes the year of the second
    ("ويشارك في النهائيات 24 منتخبا، بين 5 يناير و1 فبراير 2019.", "2018-04-12",
     [("5 يناير", "2019-01-05"), ("1 فبراير 2019", "2019-02-01")]),
    # BBC 2018-05-02: a range of months, the first in the year before the second
    ("خلال الفترة بين أكتوبر/تشرين الأول وفبراير/شباط 2008.", "2018-05-02",
     [("أكتوبر/تشرين الأول", "2007-10"), ("فبراير/شباط 2008", "2008-02")]),
    # Jawhara FM 2017-05-09
    ("يتم بيع التذاكر خلال الفترة الممتدة من 11 ماي الى 30 جوان 2017.", "2017-05-09",
     [("11 ماي", "2017-05-11"), ("30 جوان 2017", "2017-06-30")]),
    # Jawhara FM 2016-12-29
    ("تحسن عدد الوافدين في الفترة الممتدة بين جانفي الى ديسمبر 2016", "2016-12-29",
     [("جانفي", "2016-01"), ("ديسمبر 2016", "2016-12")]),
    ("تقام البطولة من 27 ديسمبر إلى 3 يناير في الدوحة", "2018-12-01",  # the second end after the first
     [("27 ديسمبر", "2018-12-27"), ("3 يناير", "2019-01-03")]),
    # Al Arabiya 2018-03-21: the year of the event named right before the days
    ("للمشاركة في مونديال 2018 من 14 يونيو الى 15 يوليو في روسيا.", "2018-03-21",
     [("14 يونيو", "2018-06-14"), ("15 يوليو", "2018-07-15")]),
])
def test_the_ends_of_a_range_agree(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


@pytest.mark.parametrize("text", [
    "وقال اللاعب ابن الـ 23 عاما، الذي يتوقع أن يشارك أساسيا",  # Sky News Arabia 2018-09-12
    "وشغل منصب مساعد مدرب منتخب الشباب تحت 20 سنة",  # an age group (Sky News Arabia 2018-08-15)
    "يدعى محمد تونسي الجنسية وعمره 39 سنة.",  # Jawhara FM 2017-03-24
    "وقال المدرب: أبلغ الخمسين عاما ورأيت بلدي يخسر",
    "تليهما المكسيك (29.4 عام).",  # the tail of a decimal
])
def test_more_ages(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-20") == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Sky News Arabia 2018-05-29: after "في" a month that is also a word (مارس "practised") is the month
    ("وقال مكتب حقوق الإنسان التابع للأمم المتحدة في مارس، إن تركيا ألقت القبض", "2018-05-29", [("مارس", "2018-03")]),
    # Al Arabiya 2018-05-05: Reuters' pair without a slash
    ("وتراجعت القراءة النهائية إلى 53.0 نقطة من 53.9 في مارس آذار، في انخفاض", "2018-05-05", [("مارس آذار", "2018-03")]),
    ("كان يمارس الرياضة في آب الأسرة", "2018-05-05", []),  # a father, not August
])
def test_months_that_are_also_words(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


def test_the_second_end_of_a_range_of_ages_is_an_age(found) -> None:  # type: ignore[no-untyped-def]
    # Jawhara FM 2017-01-13
    assert found("كما اتهمت 3 آخرين تتراوح أعمارهم بين 27 سنة و64 سنة بالتواطؤ", "2017-01-13") == []


# ---------------------------------------------------------------- duals with their qualifier, range ends


@pytest.mark.parametrize(("text", "expected"), [
    ("بزيادة على مدار العامين القادمين", [("العامين القادمين", "P2Y")]),
    ("وقتل عشرة خلال اليومين الماضيين", [("اليومين الماضيين", "P2D")]),
    ("أقل من السنتين الماضيتين", [("السنتين الماضيتين", "P2Y")]),
    ("خلال الأسبوعين المقبلين", [("الأسبوعين المقبلين", "P2W")]),
])
def test_a_definite_dual_with_a_dual_qualifier_is_a_duration(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-16") == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("دعا المستشار في الفاتح من أيار/مايو إلى الكشف", "2018-05-07", [("الفاتح من أيار/مايو", "2018-05-01")]),
    ("سيتم اعتماده بداية من غرة جانفي 2016", "2015-08-30", [("غرة جانفي 2016", "2016-01-01")]),
    ("أكملت انسحابها اليوم 15 تموز/يوليو 2018، بعد أن أنهت مهمتها", "2018-07-16", [("اليوم 15 تموز/يوليو 2018", "2018-07-15")]),
])
def test_the_first_of_a_month_and_today_with_its_date(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("استأنف بيع السيارات للمرة الأولى منذ 17عاما", [("17عاما", "P17Y")]),
    ("وستشمل الرسوم بعد 15يوما قائمة جديدة", [("بعد 15يوما", "2018-08-23")]),
    ("فتاتان لا تتجاوز أعمارهما 18عاما", []),  # an age
    ("ويضع توخل (44عاما( نصب عينيه اللقب", []),  # an age, its bracket typed twice
])
def test_a_count_glued_to_its_unit(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-08-08") == expected
