"""The verb an undated weekday or month hangs on, read from the segmenter's tokens (``verbs.py``).

Sentences are from the ANT corpus (Apache-2.0; outlet and publication date in each comment), shortened.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "published", "expected"), [
    # Al Arabiya 2018-05-16 (Wednesday): a sentence opened by an imperfect is a schedule, the nearer Thursday
    ("يعقد مجلس جامعة الدول العربية اجتماعاً طارئاً الخميس على مستوى وزراء الخارجية", "2018-05-16",
     [("الخميس", "2018-05-17")]),
    # Sky News Arabia 2018-03-22 (Thursday): the verb after "عندما" opens its clause
    ("عندما يقود النجم الأرجنتيني ليونيل ميسي منتخب بلاده أمام إيطاليا مساء الجمعة", "2018-03-22",
     [("مساء الجمعة", "2018-03-23TEV")]),
    # Sky News Arabia 2018-04-16 (Monday): "يواجه" ends in a root ه, not a ة
    ("في نصف نهائي كأس ألمانيا عندما يواجه باير ليفركوزن الثلاثاء", "2018-04-16", [("الثلاثاء", "2018-04-17")]),
    # Al Arabiya 2018-04-28 (Saturday): the verb of a relative clause
    ("ووسع يوفنتوس الفارق مع نابولي الذي يحل ضيفا على فيورنتينا الأحد", "2018-04-28", [("الأحد", "2018-04-29")]),
    # Sky News Arabia 2018-05-12: a past verb right before the day outweighs the future earlier in the sentence
    ("وسيعقد كيم اجتماعاً تاريخيا مع ترامب في سنغافورة، بحسب تأكيدات وردت الخميس.", "2018-05-12",
     [("الخميس", "2018-05-10")]),
    # Sky News Arabia 2018-07-23 (Monday): "فيها" is no ف + imperfect
    ("محافظة القنيطرة المحاذية التي تم التوصل فيها الخميس، إثر قصف عنيف، إلى اتفاق تسوية", "2018-07-23",
     [("الخميس", "2018-07-19")]),
    # Sky News Arabia 2018-10-20 (Saturday): "تسلمتها" is a past with its suffix, no imperfect
    ("وتنص الموازنة التي تسلمتها بروكسل الإثنين على عجز بنسبة 2,4%", "2018-10-20", [("الإثنين", "2018-10-15")]),
    # France 24 2018-08-10 (Friday): "كان مقررا" is a plan, its day on either side
    ("تأجل أداء الرئيس لليمين، وفق ما أفاد وزير العدل، بعد أن كان مقررا الأحد.", "2018-08-10",
     [("الأحد", "2018-08-12")]),
    # Sky News Arabia 2018-08-14 (Tuesday): a name with ت is no verb ("لتشلسي", "توتنهام")
    ("وكان المدرب الجديد لتشلسي صرح الجمعة، قبل افتتاح الموسم", "2018-08-14", [("الجمعة", "2018-08-10")]),
    # France 24 2018-04-15 (Sunday): an imperfect after "أن" points ahead
    ("ومن المفترض أن تبدأ الاثنين المفاوضات حول نص مشروع القرار", "2018-04-15", [("الاثنين", "2018-04-16")]),
    # France 24 2018-05-03: a past far off is the announcement's; the date lies ahead
    ("وأعلنت الشركة عن إضراب جديد في 8 أيار/مايو", "2018-05-03", [("8 أيار/مايو", "2018-05-08")]),
    # Sky News Arabia 2018-04-25: the verb of a relative clause is the month's ("الذي أعلن")
    ("ويمنع الحظر الحالي الذي أعلن في سبتمبر، دخول معظم الأشخاص", "2018-04-25",
     [("الحالي", "PRESENT_REF"), ("سبتمبر", "2017-09")]),
    # Reuters via Sky News Arabia 2018-07-25: a future contract
    ("وزادت أسعار الذهب في العقود الأميركية الآجلة تسليم أغسطس 0.1 بالمئة", "2018-07-25", [("أغسطس", "2018-08")]),
    # Jawhara FM 2017-05-05: "يوم غد السبت" is tomorrow
    ("ويتحول الملعب القابسي يوم غد السبت الى القيروان", "2017-05-05", [("يوم غد السبت", "2017-05-06")]),
    # Sky News Arabia 2018-08-10 (Friday): a purpose lies after its verb ("لعقد محادثات ... يوم الاثنين")
    ("تخطط الكوريتان الشمالية والجنوبية لعقد محادثات رفيعة المستوى يوم الاثنين للتحضير لقمة ثالثة", "2018-08-10",
     [("يوم الاثنين", "2018-08-13")]),
    # France 24 2018-05-21 (Monday)
    ("ودعا الرئيس سيرجو ماتاريلا رئيسي مجلسي النواب والشيوخ لإجراء مشاورات جديدة الثلاثاء للوصول لاتفاق.",
     "2018-05-21", [("الثلاثاء", "2018-05-22")]),
    # Al Arabiya 2018-05-10 (Thursday): after a past, the nearer day
    ("بعد أن سافر إلى إيطاليا لحضور نهائي الكأس بين يوفنتوس وميلان يوم الأربعاء.", "2018-05-10",
     [("يوم الأربعاء", "2018-05-09")]),
    # Sky News Arabia 2018-06-05: a range ending "من العام الماضي" puts its first end in that year too
    ("وشنت قوات سوريا الديمقراطية، حملة استعادة الرقة من يونيو إلى أكتوبر من العام الماضي", "2018-06-05",
     [("يونيو", "2017-06"), ("أكتوبر من العام الماضي", "2017-10")]),
    # BBC 2018-06-10: "تعريفات" is a plural, no past verb; the tariffs come on 1 July
    ("تعهد ترودو بالمضي قدما في فرض تعريفات مقابلة في الأول من يوليو/تموز.", "2018-06-10",
     [("الأول من يوليو/تموز", "2018-07-01")]),
])
def test_the_verb_of_the_clause_points(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected


def test_days_of_the_week_make_no_range_of_dates(found) -> None:  # type: ignore[no-untyped-def]
    # Al Arabiya 2018-02-27: "من الأحد إلى الخميس" is the days of a week, not moved a year on
    times = found("في برنامج مرايا الذي يبث على شاشة العربية من الأحد إلى الخميس", "2018-02-27")
    assert [span for span, _value in times] == ["الأحد", "الخميس"]
    assert all(value.startswith("2018-0") for _span, value in times)


@pytest.mark.parametrize("text", [
    "وكانت العلاقة بين الاثنين سرية",  # the two, not Monday (BBC 2018-04-24)
    "أنه لم يثبت في شأن الإثنين الآخرين سوى أنهما كانا يقيمان في ألمانيا",  # Jawhara FM 2017-03-10
    "وتصبح هذه الموهبة أكثر ندرة يوماً بعد يوم.",  # day after day (Al Arabiya 2018-05-15)
])
def test_no_day_in(found, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-04-24") == []
