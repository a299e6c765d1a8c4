"""The time lexicons under ``resources/times``, normalised and loaded once.

``months.tsv`` and ``weekdays.tsv`` are built from CLDR by ``khabar build times``; the other files are
hand-kept. Every entry is normalised (``normalise_query``) because the tagger matches on the view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.errors import ResourceError
from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource, resource_rows

RESOURCE_DIR = "times"
VAGUE = "X"  # an unspecified count ("أسابيع", "بضعة أيام")


@dataclass(frozen=True, slots=True)
class Unit:
    """A time unit form: its TIMEX3 letter and the count it carries (1, 2 or ``VAGUE``)."""

    letter: str  # D W M Y H MIN DE CE
    count: str


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """Normalised names and words for dates and times."""

    months: dict[str, int]  # Gregorian month name -> 1..12
    cue_months: frozenset[str]  # month names that are also common words
    hijri_months: dict[str, int]
    year_cue_hijri_months: frozenset[str]  # months that need a year, the هـ marker or "شهر" (صفر)
    weekdays: dict[str, int]  # -> ISO weekday 1..7
    relative: dict[str, tuple[str, str]]  # phrase -> (TIMEX3 type, value rule)
    units: dict[str, Unit]
    numbers: dict[str, str]  # number word -> digits or VAGUE
    qualifiers: dict[str, int]  # الماضي -> -1, المقبل -> +1, الجاري -> 0
    ordinals: dict[str, int]  # الرابع -> 4, الحادي والعشرين -> 21
    future_markers: frozenset[str]
    counted: frozenset[str] = frozenset()  # nouns after a count: "2000 شخص" is no year
    periods: frozenset[str] = frozenset()  # "الموسم الماضي", "المرحلة المقبلة": vague references
    seasons: dict[str, str] = field(default_factory=dict)  # صيف -> SU
    hours: dict[str, int] = field(default_factory=dict)  # العاشره -> 10

    def count(self, words: str) -> str:
        """The value of a number in words (normalised): "ثلاثه" 3, "ثلاثه عشر" 13, "خمسه وعشرين" 25; X for "بضعه".

        >>> load_time_lexicon().count("خمسه وعشرين")
        '25'
        """
        total = 0
        for part in re.split(r"\s+و\s*", words.strip()):
            part = " ".join(part.split())
            teen = part.endswith((" عشر", " عشره")) and part not in self.numbers
            value = self.numbers.get(part.rsplit(" ", 1)[0] if teen else part, VAGUE)
            if value == VAGUE:
                return VAGUE
            total += int(value) + (10 if teen else 0)
        return str(total)


def _rows(name: str) -> list[list[str]]:
    return resource_rows(resource(RESOURCE_DIR, name), header=True, hint="run `khabar build times`")


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise ResourceError(f"{RESOURCE_DIR}/{name}: expected a number, got {value!r}") from exc


def load_time_lexicon() -> TimeLexicon:
    """Read and normalise every time lexicon."""
    months = {normalise_query(r[1]): _int(r[0], "months.tsv") for r in _rows("months.tsv")}
    cue: set[str] = set()
    for row in _rows("month_variants.tsv"):
        months[normalise_query(row[1])] = _int(row[0], "month_variants.tsv")
        if len(row) > 2 and row[2].strip() == "cue":
            cue.add(normalise_query(row[1]))
    units = {normalise_query(r[0]): Unit(r[1], r[2]) for r in _rows("units.tsv")}
    return TimeLexicon(
        months=months,
        cue_months=frozenset(cue),
        hijri_months={normalise_query(r[1]): _int(r[0], "hijri_months.tsv") for r in _rows("hijri_months.tsv")},
        year_cue_hijri_months=frozenset(normalise_query(r[1]) for r in _rows("hijri_months.tsv")
                                        if len(r) > 2 and r[2].strip() == "year"),
        weekdays={normalise_query(r[1]): _int(r[0], "weekdays.tsv") for r in _rows("weekdays.tsv")},
        relative={normalise_query(r[0]): (r[1], r[2]) for r in _rows("relative.tsv")},
        units=units,
        numbers={normalise_query(r[0]): r[1] for r in _rows("numbers.tsv")},
        qualifiers={normalise_query(r[0]): _int(r[1], "qualifiers.tsv") for r in _rows("qualifiers.tsv")},
        ordinals={normalise_query(r[0]): _int(r[1], "ordinals.tsv") for r in _rows("ordinals.tsv")},
        future_markers=frozenset(normalise_query(r[0]) for r in _rows("markers.tsv")),
        counted=frozenset(normalise_query(r[0]) for r in _rows("counted.tsv")),
        periods=frozenset(normalise_query(r[0]) for r in _rows("periods.tsv")),
        seasons={normalise_query(r[0]): r[1] for r in _rows("seasons.tsv")},
        hours={normalise_query(r[0]): _int(r[1], "hours.tsv") for r in _rows("hours.tsv")},
    )
