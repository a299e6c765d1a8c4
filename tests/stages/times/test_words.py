"""TIMEX3 values said in Arabic words, for the web page and the API (``describe_time``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.times import describe_time


@pytest.mark.parametrize(("value", "kind", "words"), [
    ("XXXX-WXX-2", "DATE", "يوم ثلاثاء"),
    ("XXXX-WXX-5TEV", "DATE", "مساء الجمعة"),
    ("REF", "DATE", "اليوم"),
    ("REF-P1D", "DATE", "أمس"),
    ("REF+P1D", "DATE", "غدا"),
    ("REF-P1W", "DATE", "الأسبوع الماضي"),
    ("REF+P1M", "DATE", "الشهر المقبل"),
    ("REF+P0Y", "DATE", "هذا العام"),
    ("REF-P3D", "DATE", "قبل 3 أيام"),
    ("REF+P2W", "DATE", "بعد أسبوعين"),
    ("REF-P12Y", "DATE", "قبل 12 عاما"),
    ("REF-P1W-WE", "DATE", "نهاية الأسبوع الماضي"),
    ("PRESENT_REF", "DATE", "الآن"),
    ("PAST_REF", "DATE", "في الماضي"),
    ("FUTURE_REF", "DATE", "في المستقبل"),
    ("2016-10-25", "DATE", "الثلاثاء 25 أكتوبر 2016"),
    ("2016-10-25TMO", "DATE", "صباح الثلاثاء 25 أكتوبر 2016"),
    ("2016-10-25T10:00", "TIME", "الساعة 10:00، الثلاثاء 25 أكتوبر 2016"),
    ("2016-10", "DATE", "أكتوبر 2016"),
    ("2016", "DATE", "عام 2016"),
    ("201X", "DATE", "عقد 2010"),
    ("2016-W43", "DATE", "أسبوع 24 أكتوبر 2016"),
    ("2016-W42-WE", "DATE", "نهاية الأسبوع من 17 أكتوبر 2016"),
    ("2015-SU", "DATE", "صيف 2015"),
    ("XXXX-10-25", "DATE", "25 أكتوبر"),
    ("XXXX-10", "DATE", "شهر أكتوبر"),
    ("XXXX-XX-XXT21:00", "TIME", "الساعة 21:00"),
    ("HXXXX-09", "DATE", "شهر رمضان"),
    ("HXXXX-09-05", "DATE", "5 رمضان"),
    ("P1Y", "DURATION", "عام"),
    ("P2W", "DURATION", "أسبوعان"),
    ("P5D", "DURATION", "5 أيام"),
    ("P19Y", "DURATION", "19 عاما"),
    ("PXW", "DURATION", "أسابيع"),
    ("PT2H", "DURATION", "ساعتان"),
    ("PT30M", "DURATION", "30 دقيقة"),
    ("P1D", "SET", "يوميا"),
    ("P3M", "SET", "كل 3 أشهر"),
])
def test_values_in_words(value: str, kind: str, words: str) -> None:
    assert describe_time(value, kind) == words


@pytest.mark.parametrize("value", ["", "garbage", "2016-13", "2016-02-30", "XXXX-13", "2016-W60", "HXXXX-13"])
def test_what_it_cannot_read_comes_back_as_it_is(value: str) -> None:
    assert describe_time(value) == value


@given(st.text(alphabet="0123456789XWTPREF+-_:MOENIAHDYSUWCe", max_size=20), st.sampled_from(["DATE", "TIME", "DURATION", "SET"]))
def test_any_string_gives_a_string(value: str, kind: str) -> None:
    assert isinstance(describe_time(value, kind), str)
