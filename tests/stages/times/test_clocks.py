"""Clock times: their cues, their time zones, the afternoon, and the day they are on."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("قرابة الساعة 20:30 المحلي (18:30 توقيت غرينتش) أوقفت الشرطة سيارة",
     [("الساعة 20:30", "2018-07-04T20:30"), ("18:30", "2018-07-04T18:30")]),
    ("اعتبارا من الساعة 16,00 (13,00 ت غ) والتي تأتي", [("الساعة 16,00", "2018-07-04T16:00"), ("13,00", "2018-07-04T13:00")]),
    ("ارتفع السعر حوالي 2,50 دولار", []),  # a comma makes a clock only before a time zone
])
def test_a_clock_before_its_time_zone(found, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, "2018-07-04") == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a clock right after a day is on that day, and so is its time zone's
    ("تلقت طلب استغاثة يوم 02 حزيران/يونيو الساعة 22,45 (21,45 ت غ) بخصوص مركب", "2018-06-03",
     [("02 حزيران/يونيو", "2018-06-02"), ("الساعة 22,45", "2018-06-02T22:45"), ("21,45", "2018-06-02T21:45")]),
    ("يوم الأحد 26 فيفري 2017 من الساعة الثامنة صباحا إلى الساعة الواحدة بعد الزوال", "2017-02-24",
     [("الأحد 26 فيفري 2017", "2017-02-26"), ("الساعة الثامنة صباحا", "2017-02-26T08:00"),
      ("الساعة الواحدة بعد الزوال", "2017-02-26T13:00")]),
    ("قبل أن يعاد فتحه في الساعة الثانية ظهرا", "2018-06-29", [("الساعة الثانية ظهرا", "2018-06-29T14:00")]),
    # a future marker of another clause: the day of this month that has passed
    ("قال الوزير إن إسرائيل ستعيد الثلاثاء فتح المعبر، بعد إغلاقه في التاسع من تموز/يوليو", "2018-07-22",
     [("الثلاثاء", "2018-07-24"), ("التاسع من تموز/يوليو", "2018-07-09")]),
])
def test_clocks_take_their_day_and_afternoon(found, text: str, published: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert found(text, published) == expected
