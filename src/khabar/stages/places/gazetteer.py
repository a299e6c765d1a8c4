"""The shipped gazetteer, demonyms and designators, loaded once and indexed by normalised name.

The files under ``resources/places`` are built by ``khabar build gazetteer`` (gazetteer.tsv.gz) or kept
by hand (demonyms.tsv, designators.tsv); the run time reads only these files.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, overload

from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource, resource_rows
from khabar.stages.segment.clitics import ARTICLE  # the article, defined once with the clitic splitter

RESOURCE_DIR = "places"
GAZETTEER_FILE = "gazetteer.tsv.gz"
DEMONYM_FILE = "demonyms.tsv"
DESIGNATOR_FILE = "designators.tsv"
COMMON_NAMES_FILE = "common_names.tsv"
LATIN_TOWNS_FILE = "latin_towns.tsv.gz"
SHORT_NAMES_FILE = "short_names.tsv"
OUTLETS_FILE = "outlets.tsv"  # resources/outlets.tsv, the byline stage's list too
# A name is a common word when the news use it at least this often and the tagger calls it a place in
# under this share of its uses (counts by `khabar build place-words`).
COMMON_MIN_USES = 20
COMMON_MAX_PLACE_SHARE = 0.3
# The gender/number endings of a nisba adjective: فرنسي، فرنسية، فرنسيون، فرنسيين، فرنسيان، فرنسيتان، فرنسيات
NISBA_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")
# Proclitics that attach to a demonym or a place name in running text (و ف ب ل ك and their pairs).
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
# The Arabic-speaking countries: the Arab League's members and Western Sahara
ARAB_COUNTRIES = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())


class Candidate(NamedTuple):
    """One place of the gazetteer."""

    key: str  # GeoNames id, or "x:slug" for a place whose GeoNames record is not in the packages
    feature: str  # country | admin | city | region | feature
    country: str  # ISO 3166-1 alpha-2, "" for places beyond one country
    population: int
    latitude: float
    longitude: float
    name: str  # English name

    @property
    def geonames_id(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None


class ShortName(NamedTuple):
    """A short name ("الصحراء") that stands for a place of the gazetteer where the article says so."""

    full: str  # name key of the place
    cues: frozenset[str]  # normalised words; one of them anywhere in the article makes the short name that place
    before: frozenset[str]  # normalised words that make it that place right before it ("قضية الصحراء")

    def licensed(self, words: frozenset[str] | set[str]) -> bool:
        """Whether an article with these (normalised) words means the place by the short name."""
        return not self.cues.isdisjoint(words)


def name_key(name: str) -> str:
    """The lookup key of a place name: normalised, hyphens as spaces, single-spaced.

    >>> name_key("إسلام  آباد")
    'اسلام اباد'
    """
    return " ".join(normalise_query(name).replace("-", " ").split())


def with_proclitics(form: str) -> Iterator[str]:
    """``form`` and the forms it takes after each proclitic (ل + ال → لل).

    >>> sorted(with_proclitics("الفرنسي"))[:3]
    ['الفرنسي', 'بالفرنسي', 'فالفرنسي']
    """
    yield form
    for clitic in PROCLITICS:
        if clitic.endswith("ل") and form.startswith(ARTICLE):
            yield clitic + form[1:]
        else:
            yield clitic + form


def _rows(name: str, header: str) -> list[list[str]]:
    """The rows of a places resource, its header (``header``, the first column's name) skipped."""
    return resource_rows(resource(RESOURCE_DIR, name), header=header, hint="build it with `khabar build gazetteer`")


def nisba_forms(nisba: str) -> Iterator[str]:
    """Every gender/number form of a (possibly two-word) normalised nisba, with and without the article.

    >>> "العراقيين" in set(nisba_forms("عراقي")), "الكوريه الشماليه" in set(nisba_forms("كوري شمالي"))
    (True, True)
    """
    words = nisba.split()
    for ending in NISBA_ENDINGS:
        bare = " ".join(word + ending for word in words)
        yield bare
        yield " ".join(ARTICLE + word + ending for word in words)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Places indexed by normalised name, demonyms by normalised form, designators by word."""

    places: Sequence[Candidate]
    names: dict[str, tuple[int, ...]]  # name key -> indexes into places
    countries: dict[str, int]  # ISO code -> index of the country's row
    demonyms: dict[str, str]  # normalised demonym form (with proclitics) -> ISO code
    designators: dict[str, str]  # normalised word -> feature
    country_names: dict[str, str]  # name key of a country (with proclitics) -> ISO code

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """The places with this name key."""
        return tuple(self.places[i] for i in self.names.get(key, ()))

    def country(self, code: str) -> Candidate | None:
        """The country row of an ISO code."""
        index = self.countries.get(code)
        return None if index is None else self.places[index]


class _Places(Sequence[Candidate]):
    """The gazetteer's places, each made a Candidate when first read: an article reads a few dozen of 30,000.
    Each row is kept as its one tab-separated line (a list of eight strings a row would hold ~14 MB more in
    every worker)."""

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: list[list[str]]) -> None:
        self._rows = ["\t".join(row) for row in rows]
        self._made: list[Candidate | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Candidate]: ...

    def __getitem__(self, index: int | slice) -> Candidate | Sequence[Candidate]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        made = self._made[index]
        if made is None:
            key, feature, country, population, latitude, longitude, name, _ = self._rows[index].split("\t")
            made = self._made[index] = Candidate(key, feature, country, int(population), float(latitude),
                                                 float(longitude), name)
        return made


def _load_places() -> tuple[_Places, dict[str, tuple[int, ...]], dict[str, int], dict[str, str]]:
    """The places, their name index, the row of each country and each country name's ISO code."""
    rows = list(_rows(GAZETTEER_FILE, "key"))
    # All the Arabic names normalised in one call (a character table: names and separators map alone),
    # then cut back into names: 4x faster than a call per name.
    cells = normalise_query("\n".join(row[7] for row in rows)).replace("-", " ").split("\n")
    index: dict[str, list[int]] = {}
    country_names: dict[str, str] = {}
    for position, cell in enumerate(cells):
        for arabic_name in cell.split("|"):
            key = " ".join(arabic_name.split())
            index.setdefault(key, []).append(position)
            if rows[position][1] == "country":
                country_names[key] = rows[position][2]  # the last country of a shared name, as before
    countries = {row[2]: i for i, row in enumerate(rows) if row[1] == "country"}
    return _Places(rows), {k: tuple(v) for k, v in index.items()}, countries, country_names


def load_demonyms() -> dict[str, str]:
    """Every form of every demonym (gender, number, article, proclitics), normalised -> ISO country code."""
    demonyms: dict[str, str] = {}
    for cells in _rows(DEMONYM_FILE, "country"):
        code, nisbas, others = cells[0], cells[1], cells[2] if len(cells) > 2 else ""
        forms = [f for n in nisbas.split("|") if n for f in nisba_forms(normalise_query(n))]
        forms += [f for o in others.split("|") if o for f in (normalise_query(o), ARTICLE + normalise_query(o))]
        for form in forms:
            for variant in with_proclitics(form):
                demonyms.setdefault(variant, code)
    return demonyms


def outlet_key(name: str) -> str:
    """How an outlet's name is compared: normalised, lower case, without spaces, dots and hyphens.

    >>> outlet_key("Jawhara FM") == outlet_key("JawharaFM")
    True
    """
    return "".join(c for c in normalise_query(name).lower() if c not in " .-_")


def load_outlet_countries() -> dict[str, str]:
    """``outlet_key`` of each national outlet in ``resources/outlets.tsv`` -> its country (ISO code)."""
    countries = {}
    for cells in resource_rows(resource(OUTLETS_FILE), header="name"):
        if len(cells) > 2 and cells[2].strip():
            countries[outlet_key(cells[0])] = cells[2].strip()
    return countries


@functools.cache
def load_latin_towns() -> dict[str, tuple[Candidate, ...]]:
    """Consonant skeleton -> the Latin-named Arab towns with it (``latin_towns.tsv.gz``; ``transliteration``)."""
    towns: dict[str, list[Candidate]] = {}
    for key, country, population, latitude, longitude, name, skeletons in _rows(LATIN_TOWNS_FILE, "key"):
        town = Candidate(key, "city", country, int(population), float(latitude), float(longitude), name)
        for skeleton in skeletons.split("|"):
            towns.setdefault(skeleton, []).append(town)
    return {k: tuple(v) for k, v in towns.items()}


@functools.cache
def load_short_names() -> dict[str, ShortName]:
    """Short name key -> what it stands for (``short_names.tsv``)."""
    table = {}
    for cells in _rows(SHORT_NAMES_FILE, "short"):
        short, full, cues, before = (cells + ["", ""])[:4]
        table[name_key(short)] = ShortName(name_key(full), frozenset(normalise_query(cues).split()),
                                           frozenset(normalise_query(before).split()))
    return table


def load_unplaced_names() -> frozenset[str]:
    """The names of ``common_names.tsv`` used a few times (under ``COMMON_MIN_USES``) and never tagged a place:
    too few uses to call them common words, enough to want a cue before them ("التبني", "سامر")."""
    return frozenset(cells[0] for cells in _rows(COMMON_NAMES_FILE, "name")
                     if int(cells[1]) < COMMON_MIN_USES and int(cells[2]) == 0)


def load_common_names() -> dict[str, float]:
    """The names of ``common_names.tsv`` that are mostly common words -> the share of their uses the tagger
    calls a place (used at least ``COMMON_MIN_USES`` times, a place in under ``COMMON_MAX_PLACE_SHARE``)."""
    common = {}
    for cells in _rows(COMMON_NAMES_FILE, "name"):
        key, uses, places = cells[0], int(cells[1]), int(cells[2])
        if uses >= COMMON_MIN_USES and places < COMMON_MAX_PLACE_SHARE * uses:
            common[key] = places / uses
    return common


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read the shipped gazetteer files (about 0.1 s; once per process: the stages share it)."""
    places, names, countries, country_keys = _load_places()
    designators = {normalise_query(c[0]): c[1] for c in _rows(DESIGNATOR_FILE, "word")}
    country_names = {form: code for key, code in country_keys.items() for form in with_proclitics(key)}
    return Gazetteer(places, names, countries, load_demonyms(), designators, country_names)
