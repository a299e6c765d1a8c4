"""Anchoring rules for weekdays, undated days and months, offsets and durations."""

from __future__ import annotations

from datetime import date

from khabar.stages.times.values import (
    day_month_date,
    duration_value,
    month_value,
    offset_value,
    pick_direction,
    week_value,
    weekday_date,
)

WEDNESDAY = date(2016, 10, 26)


def test_weekday_directions() -> None:
    assert weekday_date(WEDNESDAY, 3, -1) == WEDNESDAY  # on or before
    assert weekday_date(WEDNESDAY, 3, -2) == date(2016, 10, 19)  # strictly before
    assert weekday_date(WEDNESDAY, 3, 1) == WEDNESDAY  # on or after
    assert weekday_date(WEDNESDAY, 3, 2) == date(2016, 11, 2)  # strictly after
    assert weekday_date(WEDNESDAY, 2, -1) == date(2016, 10, 25)


def test_directions_from_qualifiers_and_tense() -> None:
    assert pick_direction(-1, False) == -2 and pick_direction(1, False) == 2
    assert pick_direction(None, True) == 1 and pick_direction(None, False) == -1
    assert pick_direction(None, False, nearest=True) == 0


def test_nearest_day_and_month_lean_to_the_past() -> None:
    assert day_month_date(date(2018, 4, 29), 5, 12, 0) == date(2018, 5, 12)  # 13 days ahead beats 352 back
    assert day_month_date(date(2018, 1, 10), 12, 20, 0) == date(2017, 12, 20)
    assert day_month_date(date(2018, 3, 1), 2, 29, 0) is None  # no 29 February near 2018
    assert month_value(date(2018, 5, 24), 9, 0) == "2017-09"
    assert month_value(date(2018, 3, 5), 5, 0) == "2018-05"  # an announced month two months ahead


def test_offsets_at_the_unit_precision() -> None:
    assert offset_value(WEDNESDAY, "D", -1) == ("2016-10-25", True)
    assert offset_value(WEDNESDAY, "W", 1) == ("2016-W44", True)
    assert offset_value(date(2016, 1, 15), "M", -1) == ("2015-12", True)
    assert offset_value(WEDNESDAY, "Y", 0) == ("2016", True)
    assert offset_value(None, "W", 1) == ("REF+P1W", False)
    assert offset_value(None, "D", 0) == ("REF", False)
    assert week_value(date(2021, 1, 1)) == "2020-W53"


def test_durations() -> None:
    assert duration_value("D", "3") == "P3D"
    assert duration_value("W", "X") == "PXW"
    assert duration_value("MIN", "5") == "PT5M"
    assert duration_value("CE", "1") == "P100Y"
