"""TIMEX3 values said in Arabic words (``describe_time``): the one implementation the API, khabar render and
the web page show."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.times import describe_time
from khabar.stages.times.words import UNREAD

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = (REPO / "examples" / "seed.txt", REPO / "src" / "khabar" / "resources" / "examples" / "ant_sample.jsonl")


@pytest.mark.parametrize(("value", "kind", "words"), [
    ("2016-10-25", "DATE", "الثلاثاء 25 أكتوبر 2016"),
    ("2016-10-25TMO", "DATE", "صباح الثلاثاء 25 أكتوبر 2016"),
    ("2016-10-25TDT", "DATE", "نهار الثلاثاء 25 أكتوبر 2016"),
    ("2016-10-25T10:00", "TIME", "الساعة 10:00، الثلاثاء 25 أكتوبر 2016"),
    ("2016-10", "DATE", "أكتوبر 2016"),
    ("2016", "DATE", "عام 2016"),
    ("785", "DATE", "عام 785"),
    ("201X", "DATE", "عقد 2010"),
    ("19XX", "DATE", "القرن 20"),
    ("15", "DATE", "القرن 16"),
    ("2016-W43", "DATE", "أسبوع 24 أكتوبر 2016"),
    ("2016-W42-WE", "DATE", "نهاية الأسبوع من 17 أكتوبر 2016"),
    ("2015-SU", "DATE", "صيف 2015"),
    ("2018-Q1", "DATE", "الربع الأول من عام 2018"),
    ("2019-H2", "DATE", "النصف الثاني من عام 2019"),
    ("H1437-09", "DATE", "شهر رمضان 1437 هـ"),
    ("H1437-09-05", "DATE", "5 رمضان 1437 هـ"),
    ("H1437", "DATE", "عام 1437 هـ"),
    # no anchor: what is missing is said
    ("XXXX-WXX-2", "DATE", "يوم الثلاثاء (لم يُحدَّد تاريخه)"),
    ("XXXX-WXX-5TEV", "DATE", "مساء الجمعة (لم يُحدَّد تاريخه)"),
    ("XXXX-XX-XXT21:00", "TIME", "الساعة 21:00 (لم يُحدَّد تاريخه)"),
    ("XXXX-10-25", "DATE", "25 أكتوبر (لم تُحدَّد السنة)"),
    ("XXXX-10", "DATE", "شهر أكتوبر (لم تُحدَّد السنة)"),
    ("XXXX-SU", "DATE", "صيف (لم تُحدَّد السنة)"),
    ("XXXX-Q4", "DATE", "الربع الرابع (لم تُحدَّد السنة)"),
    ("XXXX-XX-22", "DATE", "يوم 22 (لم يُحدَّد الشهر)"),
    ("HXXXX-09", "DATE", "شهر رمضان (لم تُحدَّد السنة)"),
    ("HXXXX-09-05", "DATE", "5 رمضان (لم تُحدَّد السنة)"),
    # relative: counted from the publication, whose date is unknown
    ("REF", "DATE", "يوم النشر"),
    ("REF-P1D", "DATE", "قبل يوم من تاريخ النشر"),
    ("REF+P2D", "DATE", "بعد يومين من تاريخ النشر"),
    ("REF-P1W", "DATE", "قبل أسبوع من تاريخ النشر"),
    ("REF-P3D", "DATE", "قبل 3 أيام من تاريخ النشر"),
    ("REF-P12Y", "DATE", "قبل 12 عاما من تاريخ النشر"),
    ("REF+P0Y", "DATE", "عام النشر"),
    ("REF+P0W", "DATE", "أسبوع النشر"),
    ("REF-PT2H", "DATE", "قبل ساعتين من وقت النشر"),
    ("REF-P1W-WE", "DATE", "نهاية الأسبوع السابق لأسبوع النشر"),
    ("REF+P0W-WE", "DATE", "نهاية أسبوع النشر"),
    ("REF-P3W-WE", "DATE", "نهاية الأسبوع قبل 3 أسابيع من تاريخ النشر"),
    ("REF+P1M-15", "DATE", "يوم 15 من الشهر التالي لشهر النشر"),
    ("PRESENT_REF", "DATE", "الآن"),
    ("PAST_REF", "DATE", "في الماضي"),
    ("FUTURE_REF", "DATE", "في المستقبل"),
    # durations and sets
    ("P1Y", "DURATION", "مدة عام"),
    ("P2W", "DURATION", "مدة أسبوعين"),
    ("P5D", "DURATION", "مدة 5 أيام"),
    ("P19Y", "DURATION", "مدة 19 عاما"),
    ("P100Y", "DURATION", "مدة 100 عام"),
    ("P103Y", "DURATION", "مدة 103 أعوام"),
    ("PXW", "DURATION", "مدة أسابيع"),
    ("PT2H", "DURATION", "مدة ساعتين"),
    ("PT30M", "DURATION", "مدة 30 دقيقة"),
    ("PT150S", "DURATION", "مدة 150 ثانية"),
    ("P1Y6M", "DURATION", "مدة عام و6 أشهر"),
    ("P2DE", "DURATION", "مدة عقدين"),
    ("P1D", "SET", "يوميا"),
    ("PT1H", "SET", "كل ساعة"),
    ("P2D", "SET", "كل يومين"),
    ("P3M", "SET", "كل 3 أشهر"),
    ("XXXX-WXX-5", "SET", "كل يوم جمعة"),
    ("XXXX-04-17", "SET", "17 أبريل من كل عام"),
    ("HXXXX-09", "SET", "شهر رمضان من كل عام"),
])
def test_values_in_words(value: str, kind: str, words: str) -> None:
    assert describe_time(value, kind) == words


@pytest.mark.parametrize("value", ["garbage", "2016-13", "2016-02-30", "XXXX-13", "2016-W60", "HXXXX-13", "REF-WE", "P"])
def test_what_it_cannot_read_is_said_so_never_shown_as_a_code(value: str) -> None:
    assert describe_time(value) == UNREAD


def test_no_value_is_a_time_expression() -> None:
    assert describe_time("") == "تعبير زمني"


@given(st.text(alphabet="0123456789XWTPREF+-_:MOENIAHDYSUWCQe.", max_size=20), st.sampled_from(["DATE", "TIME", "DURATION", "SET"]))
def test_no_code_ever_comes_back(value: str, kind: str) -> None:
    words = describe_time(value, kind)
    assert words and not re.search(r"[A-Za-z]", words), words


@pytest.mark.parametrize("anchored", [True, False], ids=["dated", "undated"])
def test_every_value_the_times_stage_writes_is_read(pipeline, anchored: bool) -> None:  # type: ignore[no-untyped-def]
    """The shipped examples, with their dates and without (relative values then stay relative)."""
    from khabar.stages.read import read_path

    docs = [doc for path in EXAMPLES for doc in read_path(path) if not isinstance(doc, Exception)]
    published = "2016-10-26" if anchored else None
    docs = [dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, published=published)) for doc in docs]
    times = [t for doc in docs for t in pipeline(doc).times]
    assert len(times) >= 30
    assert any(t.resolved for t in times) if anchored else any(t.value.startswith(("REF", "XXXX")) for t in times)
    unread = sorted({(t.value, t.type) for t in times if describe_time(t.value, t.type) == UNREAD})
    assert unread == []
