"""The tabular Islamic calendar, against dates published by Umm al-Qura (within its ±1 day)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.times import gregorian_to_hijri, hijri_to_gregorian

# (Hijri year, month, day) -> the Gregorian day Saudi Arabia's Umm al-Qura calendar gives
UMM_AL_QURA = [
    ((1439, 9, 1), date(2018, 5, 17)),  # Ramadan 1439
    ((1440, 1, 1), date(2018, 9, 11)),  # Muharram 1440
    ((1438, 1, 1), date(2016, 10, 2)),  # Muharram 1438
    ((1445, 9, 1), date(2024, 3, 11)),  # Ramadan 1445
    ((1421, 1, 1), date(2000, 4, 6)),  # Muharram 1421
]


@pytest.mark.parametrize(("hijri", "gregorian"), UMM_AL_QURA)
def test_tabular_dates_are_within_a_day_of_umm_al_qura(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert abs((hijri_to_gregorian(*hijri) - gregorian).days) <= 1


@given(st.dates(min_value=date(700, 1, 1), max_value=date(2200, 12, 31)))
def test_round_trip(day: date) -> None:
    year, month, hijri_day = gregorian_to_hijri(day)
    assert 1 <= month <= 12 and 1 <= hijri_day <= 30
    assert hijri_to_gregorian(year, month, hijri_day) == day


def test_consecutive_days_follow_each_other() -> None:
    day = date(2018, 5, 20)  # 5 Ramadan 1439 (tabular)
    first = gregorian_to_hijri(day)
    assert gregorian_to_hijri(day + timedelta(days=1)) == (first[0], first[1], first[2] + 1)


def test_impossible_hijri_dates_are_refused() -> None:
    with pytest.raises(ValueError):
        hijri_to_gregorian(1439, 13, 1)
