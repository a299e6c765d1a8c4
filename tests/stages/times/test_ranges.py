"""Readings made to agree with their neighbours: the ends of a range, the day after the day named last."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # the first end stands next to the past verb: both ends last June
    ("وقعت المعارك بين 21 و27 يونيو", [("21", "2017-06-21"), ("27 يونيو", "2017-06-27")]),
    # a qualifier on the second end places the range as a year would
    ("من 27 ديسمبر إلى 3 يناير المقبل", [("27 ديسمبر", "2018-12-27"), ("3 يناير المقبل", "2019-01-03")]),
    ("وقعت بين 27 ديسمبر و3 يناير", [("27 ديسمبر", "2017-12-27"), ("3 يناير", "2018-01-03")]),
])
def test_the_second_end_of_a_range_follows_the_first(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-05-16") == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # BBC 2018-05-26, shortened: the summit's planned date lies ahead, the day after is Thursday's
    ("أعلن ترامب الخميس إلغاء القمة التي كانت مقررة في الثاني عشر من الشهر المقبل لكنه عاد في اليوم التالي ليفتح الطريق",
     "2018-05-26", [("الخميس", "2018-05-24"), ("الثاني عشر من الشهر المقبل", "2018-06-12"), ("اليوم التالي", "2018-05-25")]),
    ("وصل الوزير الأحد إلى بغداد، وفي صباح اليوم التالي التقى الرئيس", "2018-07-10",
     [("الأحد", "2018-07-08"), ("صباح اليوم التالي", "2018-07-09TMO")]),
    ("وتغادر الطائرة في 22 سبتمبر المقبل وستعود في اليوم التالي", "2018-05-16",
     [("22 سبتمبر المقبل", "2018-09-22"), ("اليوم التالي", "2018-09-23")]),
    ("أطلق الصاروخ يوم الأحد بعد محاولة فاشلة في اليوم السابق", "2018-08-12",
     [("يوم الأحد", "2018-08-12"), ("اليوم السابق", "2018-08-11")]),
    # no day named before it, or counted from an event: no time
    ("وفي اليوم التالي، سيتناول الرئيس الشاي مع الملكة", "2018-07-10", []),
    ("أجريت الانتخابات في 12 مايو، وفي اليوم التالي للانتخابات أعلنت النتائج", "2018-07-10", [("12 مايو", "2018-05-12")]),
])
def test_the_next_day_follows_the_day_named_last(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected
