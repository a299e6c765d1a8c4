"""Build the month and weekday names the TimeTagger reads: ``src/khabar/resources/times/``.

``khabar build times`` (or ``python -m khabar.training.times``) asks babel (CLDR, Unicode licence) for
the Gregorian month names of ``ar`` and every ``ar_*`` locale, which cover the three Arabic naming
styles (يناير in Egypt and the Gulf, كانون الثاني in the Levant and Iraq, جانفي in Algeria and Tunisia,
يوليوز/غشت in Morocco), and for the weekday names. It writes ``months.tsv`` (month, name) and
``weekdays.tsv`` (ISO weekday 1-7, name). Spellings CLDR lacks and the Hijri months are hand-kept in
``month_variants.tsv`` and ``hijri_months.tsv``. Deterministic: sorted rows, no timestamps.
"""

from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "resources" / "times"
MONTHS_FILE = "months.tsv"
WEEKDAYS_FILE = "weekdays.tsv"


def _babel() -> tuple[Any, list[str]]:
    try:
        from babel import Locale, localedata
    except ImportError as exc:
        raise ResourceError("building the month names needs babel: pip install 'khabar[build]'") from exc
    locales = ["ar"] + sorted(i for i in localedata.locale_identifiers() if i.startswith("ar_"))
    return Locale, locales


def month_names() -> set[tuple[int, str]]:
    """(month, name) for every Arabic locale's wide month names.

    Which locale uses a name is not kept: babel resolves inherited month names differently depending on
    what it has loaded before, so only the set of names is reproducible.
    """
    locale_class, locales = _babel()
    names: set[tuple[int, str]] = set()
    for identifier in locales:
        months = locale_class.parse(identifier).months
        for context in ("format", "stand-alone"):
            names.update((int(month), name) for month, name in months[context]["wide"].items())
    return names


def weekday_names() -> dict[tuple[int, str], None]:
    """(ISO weekday, name) for the Arabic weekday names of every Arabic locale."""
    locale_class, locales = _babel()
    names: dict[tuple[int, str], None] = {}
    for identifier in locales:
        days = locale_class.parse(identifier).days
        for context in ("format", "stand-alone"):
            for day, name in days[context]["wide"].items():
                names[(int(day) + 1, name)] = None  # babel counts Monday as 0
    return names


def _header(what: str) -> str:
    return (f"# {what}, built by khabar.training.times from CLDR via babel {metadata.version('babel')} "
            "(Unicode licence); do not edit.\n")


def write_lexicons(out_dir: Path) -> tuple[int, int]:
    """Write months.tsv and weekdays.tsv under ``out_dir``; return how many rows each has."""
    months = sorted(month_names())
    weekdays = sorted(weekday_names())
    out_dir.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{m}\t{name}\n" for m, name in months)
    (out_dir / MONTHS_FILE).write_text(_header("Gregorian month names") + "month\tname\n" + body,
                                       encoding="utf-8")
    body = "".join(f"{d}\t{name}\n" for d, name in weekdays)
    (out_dir / WEEKDAYS_FILE).write_text(_header("Weekday names") + "weekday\tname\n" + body, encoding="utf-8")
    return len(months), len(weekdays)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="the folder to write into")
    args = parser.parse_args(argv)
    try:
        months, weekdays = write_lexicons(args.out)
    except ResourceError as exc:
        print(f"khabar: {exc}")
        return 1
    print(f"wrote {months} month names and {weekdays} weekday names to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
