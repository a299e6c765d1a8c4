"""The TimeTagger: each kind of time expression, anchored and not, and its offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.model import Document, check_offsets


def found(doc: Document) -> list[tuple[str, str, str]]:
    return [(doc.text_of(t.span), t.type, t.value) for t in doc.times]


def values(doc: Document) -> list[str]:
    return [t.value for t in doc.times]


# ---------------------------------------------------------------- weekdays and the seed


def test_seed_tuesday_is_the_day_before_publication(analyse) -> None:  # type: ignore[no-untyped-def]
    # seed article (المغرب اليوم, 2016): the meeting in Paris was on Tuesday 25 October 2016
    doc = analyse("قال وزير الدفاع الفرنسي، جان إيف لو دريان، الثلاثاء، في أعقاب هجوم عسكري", "2016-10-26")
    assert found(doc) == [("الثلاثاء", "DATE", "2016-10-25")]
    assert doc.times[0].resolved


def test_weekday_rules(analyse) -> None:  # type: ignore[no-untyped-def]
    wednesday = "2016-10-26"
    assert values(analyse("وصل الوزير الأربعاء", wednesday)) == ["2016-10-26"]  # the same day counts
    assert values(analyse("وصل الوزير الخميس", wednesday)) == ["2016-10-20"]  # past by default
    assert values(analyse("يصل الوزير الخميس المقبل", wednesday)) == ["2016-10-27"]
    assert values(analyse("وصل الوزير الأربعاء الماضي", wednesday)) == ["2016-10-19"]  # strictly before
    assert values(analyse("ومن المقرر أن يصل الوزير الخميس", wednesday)) == ["2016-10-27"]  # future marker
    assert values(analyse("قال اليوم الأربعاء", wednesday)) == ["2016-10-26"]
    assert values(analyse("وقع الانفجار مساء الجمعة", wednesday)) == ["2016-10-21TEV"]


def test_weekday_without_anchor_is_left_relative(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("قال الوزير الثلاثاء إن الوضع مستقر")
    assert found(doc) == [("الثلاثاء", "DATE", "XXXX-WXX-2")]
    assert not doc.times[0].resolved


# ---------------------------------------------------------------- Gregorian months, three styles


@pytest.mark.parametrize("text", ["في 25 أكتوبر 2016", "في 25 تشرين الأول 2016", "في 25 أكتوبر/تشرين الأول 2016",
                                  "في ٢٥ أكتوبر ٢٠١٦", "في 25 من أكتوبر 2016", "في الخامس والعشرين من أكتوبر 2016"])
def test_full_dates_in_every_style(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse(text)) == ["2016-10-25"]


@pytest.mark.parametrize(("text", "value"), [
    ("وفي جانفي 2019 أعلنت الحكومة", "2019-01"), ("منذ يناير 2017", "2017-01"), ("في كانون الثاني 2017", "2017-01"),
    ("في يوليوز 2018", "2018-07"), ("في غشت 2018", "2018-08"), ("في شتنبر 2018", "2018-09"), ("في أوت 2018", "2018-08"),
])
def test_month_names_of_each_region(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse(text)) == [value]


def test_undated_day_and_month_take_the_nearest_year(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("قتلت في 15 مارس في قصف", "2018-03-21")) == ["2018-03-15"]
    assert values(analyse("تبدأ في 24 يونيو المقبل", "2018-05-21")) == ["2018-06-24"]
    assert values(analyse("اتصلت في سبتمبر/ أيلول", "2018-05-24")) == ["2017-09"]
    assert values(analyse("قد يسحب بلاده في 12 أيار/مايو", "2018-04-29")) == ["2018-05-12"]  # two weeks ahead
    assert values(analyse("في الرابع من أيار/مايو", "2018-05-22")) == ["2018-05-04"]
    assert values(analyse("في 24 يونيو")) == ["XXXX-06-24"]


def test_ambiguous_month_names_need_a_cue(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("مارس الضغط على الحكومة")) == []  # "practised", not March
    assert values(analyse("زار الأب آب ابنه")) == []
    assert values(analyse("في 4 مارس/آذار", "2018-04-03")) == ["2018-03-04"]
    assert values(analyse("في شهر مارس", "2018-04-03")) == ["2018-03"]


def test_dateline_date_anchors_relative_expressions(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "الخميس 01 أكتوبر 2020 - 23:00\nقال الوزير أمس إن الوضع مستقر"
    doc = analyse(text)
    assert found(doc) == [("الخميس 01 أكتوبر 2020 - 23:00", "DATE", "2020-10-01T23:00"), ("أمس", "DATE", "2020-09-30")]


def test_numeric_dates(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("صدر القرار بتاريخ 01/10/2020")) == ["2020-10-01"]
    assert values(analyse("صدر القرار بتاريخ 2020-10-01")) == ["2020-10-01"]
    assert values(analyse("بتاريخ 31/02/2020")) == []  # no such day


# ---------------------------------------------------------------- Hijri dates


def test_hijri_dates_are_converted(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("الموافق 5 رمضان 1439 هـ")) == ["2018-05-20"]  # Umm al-Qura: 2018-05-21 (±1 day)
    assert values(analyse("في عام 1439هـ")) == ["2018"]
    assert values(analyse("خلال شهر رمضان", "2018-06-01")) == ["2018-05"]
    assert values(analyse("خلال شهر رمضان")) == ["HXXXX-09"]


def test_hijri_month_names_alone_are_not_dates(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("قال رمضان عبد الله إن صفر المونديال")) == []


# ---------------------------------------------------------------- relative expressions


@pytest.mark.parametrize(("text", "value"), [
    ("قال أمس", "2016-10-25"), ("قال أول أمس", "2016-10-24"), ("يصل غدا", "2016-10-27"), ("قال اليوم", "2016-10-26"),
    ("الأسبوع الماضي", "2016-W42"), ("الأسبوع المقبل", "2016-W44"), ("الشهر الماضي", "2016-09"),
    ("الشهر المقبل", "2016-11"), ("العام الماضي", "2015"), ("هذا العام", "2016"), ("مطلع العام الجاري", "2016"),
    ("قبل ثلاثة أيام", "2016-10-23"), ("قبل أسبوعين", "2016-W41"), ("قبل عامين", "2014"), ("منذ عام 2014", "2014"),
    ("صباح اليوم", "2016-10-26TMO"), ("مساء أمس", "2016-10-25TEV"),
])
def test_relative_expressions_resolve_against_publication(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(text, "2016-10-26")
    assert values(doc) == [value]
    assert doc.times[0].resolved


@pytest.mark.parametrize(("text", "value"), [
    ("قال أمس", "REF-P1D"), ("يصل غدا", "REF+P1D"), ("قال اليوم", "REF"), ("الأسبوع الماضي", "REF-P1W"),
    ("الشهر المقبل", "REF+P1M"), ("قبل ثلاثة أيام", "REF-P3D"), ("العام الماضي", "REF-P1Y"),
])
def test_relative_expressions_without_anchor_stay_relative(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(text)
    assert values(doc) == [value]
    assert not doc.times[0].resolved


@pytest.mark.parametrize(("text", "value"), [
    ("يجري حالياً مراقبة", "PRESENT_REF"), ("حتى الآن", "PRESENT_REF"), ("أجري مؤخرا", "PAST_REF"),
    ("سيطلق قريبا", "FUTURE_REF"), ("خلال الشهور الأخيرة", "PAST_REF"), ("في الأيام القليلة المقبلة", "PXD"),
])
def test_vague_references(analyse, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse(text, "2016-10-26")) == [value]


def test_names_and_named_days_are_not_today_or_now(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("احتفل العالم باليوم العالمي للمرأة")) == []
    assert values(analyse("وذكر، آلان تدغ، وزير البناء")) == []  # Alan, not الآن


def test_outlet_in_the_byline_is_not_a_date(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("باريس ـ المغرب اليوم\nقال الوزير الثلاثاء إن الوضع مستقر", "2016-10-26")
    assert found(doc) == [("الثلاثاء", "DATE", "2016-10-25")]


# ---------------------------------------------------------------- durations, sets, times


@pytest.mark.parametrize(("text", "span", "value"), [
    ("حكم عليه بالسجن 19 عاما", "19 عاما", "P19Y"), ("زيارة تستمر ثلاثة أيام", "ثلاثة أيام", "P3D"),
    ("بعد أسبوع من زيارة", "أسبوع", "P1W"), ("حملت منذ شهور", "شهور", "PXM"), ("لمدة يومين", "يومين", "P2D"),
    ("قبل أسابيع من بدء تنفيذ", "أسابيع", "PXW"), ("بعد نحو 9 سنوات", "9 سنوات", "P9Y"), ("منذ عقدين", "عقدين", "P20Y"),
])
def test_durations(analyse, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse(text, "2018-05-24")) == [(span, "DURATION", value)]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("تناول بيضة يوميا", "يوميا", "P1D"), ("يأكلون البيض كل يوم", "كل يوم", "P1D"),
    ("بيضة واحدة في اليوم", "في اليوم", "P1D"), ("يتناولون 5 بيضات في الأسبوع", "في الأسبوع", "P1W"),
])
def test_sets(analyse, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse(text)) == [(span, "SET", value)]


def test_clock_times(analyse) -> None:  # type: ignore[no-untyped-def]
    assert found(analyse("يبدأ الاجتماع الساعة 10 صباحا", "2016-10-26")) == [
        ("الساعة 10 صباحا", "TIME", "2016-10-26T10:00")]
    assert values(analyse("الساعة 9 مساء")) == ["XXXX-XX-XXT21:00"]


def test_publication_date_in_rfc_2822_form(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("قال أمس", "Sun, 18 Feb 2018 21:35:43 +0400")) == ["2018-02-17"]


# ---------------------------------------------------------------- offsets, whatever the text

ARABIC = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىةـًٌٍَُِّْ «»،؛؟.!\n0123456789٠١٢٣/:-"), max_size=200)
WORDS = st.lists(st.sampled_from("أمس اليوم الثلاثاء الأسبوع الماضي 25 أكتوبر 2016 رمضان 1439 هـ قبل ثلاثة أيام منذ عام "
                                 "مارس/آذار في كل يوم ـ ، \n".split(" ")), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(ARABIC, WORDS), published=st.sampled_from([None, "2016-10-26"]))
def test_offsets_hold_on_any_text(analyse, text: str, published: str | None) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(text, published)
    check_offsets(doc)
    assert all(0 <= t.span.start < t.span.end <= len(text) for t in doc.times)
    assert [t.span.start for t in doc.times] == sorted(t.span.start for t in doc.times)
    assert all(t.value for t in doc.times)


def test_years_need_a_cue(analyse) -> None:  # type: ignore[no-untyped-def]
    assert values(analyse("وفي 2017 قال", "2018-01-01")) == ["2017"]
    assert values(analyse("حتى 2020")) == ["2020"]
    assert values(analyse("بلغ عدد القتلى 2017 شخصا")) == []  # a count, not a year


def test_future_markers_before_the_expression(analyse) -> None:  # type: ignore[no-untyped-def]
    sunday = "2018-05-13"  # Al Arabiya (ANT corpus, 2018): the US embassy moved to Jerusalem on Monday 14 May
    assert values(analyse("يتوقع أن يصل هذا التحرك ذروته الاثنين", sunday)) == ["2018-05-14"]
    assert values(analyse("سيزور الوزير باريس الاثنين", sunday)) == ["2018-05-14"]
    assert values(analyse("قال الوزير الاثنين إنه سيزور باريس", sunday)) == ["2018-05-07"]  # the future comes after
    assert values(analyse("سيزور الوزير باريس. وقال الاثنين إن", sunday)) == ["2018-05-07"]  # another sentence


def test_football_scores_are_not_hijri_dates(analyse) -> None:  # type: ignore[no-untyped-def]
    # France 24 (ANT corpus, 2018): "بعد فوزه على برشلونة 3 صفر"
    assert values(analyse("بعد فوزه على برشلونة 3 صفر", "2018-04-11")) == []
    assert values(analyse("في 10 صفر 1440 هـ")) == ["2018-10-21"]


def test_current_month_qualifier(analyse) -> None:  # type: ignore[no-untyped-def]
    # Al Arabiya (ANT corpus, 2018-07-11): "قبل العاشر من شهر يوليو الجاري"
    assert values(analyse("سيتم إيداعها قبل العاشر من شهر يوليو الجاري", "2018-07-11")) == ["2018-07-10"]
    assert values(analyse("في 19 فبراير/ شباط الجاري", "2018-02-26")) == ["2018-02-19"]
