"""Country centres and world regions for the gazetteer build (``khabar.training.places``).

* countryinfo (MIT): each country's geographic centre ("latlng") and its UN M49 region, sub-region and
  intermediate region;
* babel (CLDR, Unicode licence): the Arabic names of the UN M49 regions ("شمال أفريقيا", "غرب آسيا" ...);
* ``resources/places/regions.tsv`` (hand-kept, each row with its source): regions that are defined by a list
  of countries rather than by M49 ("العالم العربي" = the Arab League's members, "الشرق الأوسط" ...).

A region's point is the mean of its member countries' centres, its population their sum: a representative
point, not a centroid of the area (a region's gold point is good within 500 km).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from khabar.errors import ResourceError
from khabar.stages.resources import numbered_lines

# UN M49 code -> which countryinfo field holds the region's English name, and the name(s) it takes there.
M49_MEMBERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "002": ("region", ("Africa",)),
    "015": ("subregion", ("Northern Africa",)),
    "202": ("subregion", ("Sub-Saharan Africa",)),
    "011": ("intermediateregion", ("Western Africa",)),
    "014": ("intermediateregion", ("Eastern Africa",)),
    "017": ("intermediateregion", ("Middle Africa",)),
    "018": ("intermediateregion", ("Southern Africa",)),
    "419": ("subregion", ("Latin America and the Caribbean",)),
    "029": ("intermediateregion", ("Caribbean",)),
    "013": ("intermediateregion", ("Central America",)),
    "005": ("intermediateregion", ("South America",)),
    "021": ("subregion", ("Northern America",)),
    "142": ("region", ("Asia",)),
    "143": ("subregion", ("Central Asia",)),
    "030": ("subregion", ("Eastern Asia",)),
    "035": ("subregion", ("South-eastern Asia",)),
    "034": ("subregion", ("Southern Asia",)),
    "145": ("subregion", ("Western Asia",)),
    "150": ("region", ("Europe",)),
    "151": ("subregion", ("Eastern Europe",)),
    "154": ("subregion", ("Northern Europe",)),
    "039": ("subregion", ("Southern Europe",)),
    "155": ("subregion", ("Western Europe",)),
    "009": ("region", ("Oceania",)),
    "053": ("subregion", ("Australia and New Zealand",)),
}
# The M49 regions that are GeoNames continents: their CLDR names go to the continent's row.
M49_CONTINENTS = {"002": "Africa", "142": "Asia", "150": "Europe", "009": "Oceania", "005": "South America",
                  "003": "North America"}
REGION_COLUMNS = ("key", "arabic", "members", "source")


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What countryinfo says about one country."""

    latitude: float | None
    longitude: float | None
    groups: tuple[tuple[str, str], ...]  # (field, English name): ("subregion", "Northern Africa") ...


def country_facts() -> dict[str, CountryFacts]:
    """ISO alpha-2 code -> centre and M49 groups, from countryinfo's data files (the first file of a code wins)."""
    try:
        import countryinfo
    except ImportError as exc:
        raise ResourceError("building the gazetteer needs countryinfo: pip install 'khabar[build]'") from exc
    facts: dict[str, CountryFacts] = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        with open(path, encoding="utf-8") as handle:
            info = json.load(handle)
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or code in facts:
            continue
        point = info.get("latlng") or [None, None]
        groups = tuple((f, info[f]) for f in ("region", "subregion", "intermediateregion") if info.get(f))
        latitude, longitude = (float(point[0]), float(point[1])) if len(point) == 2 and None not in point else (None, None)
        facts[code] = CountryFacts(latitude, longitude, groups)
    return facts


def m49_members(facts: dict[str, CountryFacts]) -> dict[str, list[str]]:
    """UN M49 region code -> its member countries (sorted), by countryinfo's region fields."""
    members: dict[str, list[str]] = {}
    for m49, (field, names) in M49_MEMBERS.items():
        members[m49] = sorted(code for code, fact in facts.items() if any((field, n) in fact.groups for n in names))
    members["003"] = sorted(set(members["021"]) | set(members["013"]) | set(members["029"]))  # North America
    return members


def mean_point(codes: list[str], facts: dict[str, CountryFacts]) -> tuple[float, float] | None:
    """The mean of the member countries' centres (those countryinfo places), or None."""
    points = [(f.latitude, f.longitude) for c in codes if (f := facts.get(c)) and f.latitude is not None]
    if not points:
        return None
    return sum(p[0] for p in points if p[0] is not None) / len(points), sum(p[1] for p in points if p[1] is not None) / len(points)


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """The rows of a hand-kept table (``regions.tsv``, ``extra.tsv``) as dicts by ``columns``, each with its
    ``line`` ("extra.tsv:12") for messages; blank lines, comments and the header (a first cell "key") skipped.

    Raises:
        ResourceError: a row without exactly one cell per column, named by its file and line.
    """
    for number, line in numbered_lines(path, header="key"):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise ResourceError(f"{path}:{number}: expected {len(columns)} columns, got {len(cells)}")
        yield {"line": f"{path.name}:{number}", **dict(zip(columns, cells, strict=True))}


def read_regions(path: Path) -> list[dict[str, str]]:
    """The rows of ``regions.tsv``."""
    return list(read_table(path, REGION_COLUMNS))


def expand_members(spec: str, members: dict[str, list[str]], where: str) -> list[str]:
    """ISO codes and M49 codes ("015") separated by commas -> the ISO codes, sorted."""
    codes: set[str] = set()
    for item in (s.strip() for s in spec.split(",") if s.strip()):
        if item.isdigit():
            if item not in members:
                raise ResourceError(f"{where}: unknown UN M49 region {item!r}")
            codes.update(members[item])
        elif len(item) == 2 and item.isupper():
            codes.add(item)
        else:
            raise ResourceError(f"{where}: {item!r} is neither an ISO country code nor an M49 region")
    return sorted(codes)
