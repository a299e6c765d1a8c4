"""Look a mention's surface up in the gazetteer, from the exact name to looser forms.

Tiers, the first that finds anything wins: the exact name; the name without a leading designator
("مدينة الموصل") or a trailing nationality adjective ("الموصل العراقية"); the name without an attached
proclitic ("بالموصل"); the name with the article added or removed ("خرطوم" ~ "الخرطوم"); a part of a place
("جنوب فرنسا" is placed at France). A last resort,
used only for places in countries the article names, is a name one letter away ("بريتشيا" ~ "بريشيا").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from khabar.stages.places.context import strip_proclitic
from khabar.stages.places.gazetteer import ARTICLE, Candidate, Gazetteer, name_key

EXACT = 1.0
STRIPPED = 0.95
ARTICLE_TOGGLED = 0.85
MIN_TOGGLED_LETTERS = 4  # "الغرب" (the West) is no Maltese "غرب", "سان" no Korean "السان" (Ulsan)
PREFIX = 0.82  # the name is the mention's first words
MIN_PREFIX_WORDS = 2  # one word is too often a village's name that is also a word ("الحكومة الجديدة")
LOOSE = 0.8
PART_OF = 0.7  # "جنوب فرنسا": placed at France
# Words naming a part of the place after them ("جنوب فرنسا", "شمال سوريا", "ريف الرقة": the countryside)
PARTS = frozenset(name_key(w) for w in ("جنوب", "شمال", "شرق", "غرب", "وسط", "جنوبي", "شمالي", "شرقي", "غربي", "ريف",
                                         "محيط", "ضواحي", "أطراف"))
# A direction after a part's place ("ريف السويداء الشرقي", "ريف حلب الشمالي")
DIRECTIONS = frozenset(name_key(w) for w in ("الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية",
                                             "الشمالية", "الجنوبية"))
ONE_LETTER_OFF = 0.6
MIN_FUZZY_LETTERS = 5  # the article not counted
MIN_LOOSE_LETTERS = 3
CAPITAL = "العاصمه"  # "الجزائر العاصمة", "تونس العاصمة": the capital city of that name
CAPITAL_FEATURE = "city"
# Letters that foreign names are written with or without ("السينغال" ~ "السنغال", "أميركا" ~ "أمريكا"):
# the long vowels and the hamza seats. A loose key drops them after the first letter of each word.
LOOSE_LETTERS = frozenset("اويءئؤ")
_LOOSE_DELETIONS = str.maketrans("", "", "".join(sorted(LOOSE_LETTERS)))
# A foreign g is written غ or ج ("يكاترينبورغ" ~ "يكاترينبرج", "هامبورغ" ~ "هامبورج"): one letter in loose keys
_LOOSE_SAME = str.maketrans("غ", "ج")
# Letters of Maghrebi and Persian spelling that Arabic news also writes with a standard letter: Tunisian
# and Algerian ڤ/ڨ are a g (ڤابس = قابس, Gabès), elsewhere ڤ is a v (ڤيينا = فيينا); گ is a g, پ a p.
FOREIGN_LETTERS = {"ڤ": "قف", "ڨ": "ق", "گ": "غجك", "پ": "ب"}
BIG_PLACE = 1_000_000  # a city this big, or a country, spelt with other long vowels, beats a village spelt alike
VILLAGE = 50_000  # ... when every place of the exact name is smaller than this,
MIN_VILLAGE_LETTERS = 6  # ... its name is this long ("بيرت" is not Beirut, nor "لوزان" Louisiana),
MAX_EXTRA_LETTERS = 2  # ... and the two spellings differ by this many letters at most
# The tagger ran past a one-word name at a conjunction or a preposition ("توزر وباجة وبن عروس", "سياتل
# بالولايات المتحدة"): the first word is a name when the next one opens with one of these
JOINING_PREFIXES = ("و", "ب", "في")
# Linking words of European compound place names ("سانت إتيان دو روفريه", Saint-Étienne-du-Rouvray; "سان
# خوسيه دي لاس لاخاس"): a name with one of them after its first word is one place, none of its first words
NAME_LINKERS = frozenset(name_key(w) for w in ("دو", "دي", "ديل", "دا", "دوس", "ديس", "لا", "لي", "لو", "سور", "فون", "فان"))


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer candidate for a surface, how exactly it matched, and what the surface said."""

    candidate: Candidate
    quality: float
    designator: str | None = None  # the feature announced by a leading "مدينة"/"محافظة"
    demonym_country: str | None = None  # the country of a trailing "العراقية"


def _matches(gazetteer: Gazetteer, key: str, quality: float, designator: str | None = None,
             country: str | None = None) -> list[Match]:
    return [Match(c, quality, designator, country) for c in gazetteer.lookup(key)]


def _without_affixes(gazetteer: Gazetteer, key: str, quality: float) -> list[Match]:
    """Matches of the name without a leading designator and/or a trailing nationality adjective, or
    "العاصمة" after it ("تونس العاصمة" is the city). After a country's designator ("جمهورية جزر القمر
    المتحدة") the name may also lose its last words, for countries only."""
    words = key.split()
    designator = gazetteer.designators.get(words[0]) if len(words) > 1 else None
    country = None
    for size in (2, 1):
        if len(words) > size and (country := gazetteer.demonyms.get(" ".join(words[-size:]))):
            break
    else:
        size = 0
    lead = 1 if designator else 0
    if not size and not designator and len(words) > 1 and words[-1] == CAPITAL:
        designator, size, lead = CAPITAL_FEATURE, 1, 0
    core = words[lead : len(words) - size]
    if not (designator or country) or not core:
        return []
    found = _matches(gazetteer, " ".join(core), quality, designator, country)
    if not found and designator == "country":
        for stop in range(len(core) - 1, 0, -1):
            found = [m for m in _matches(gazetteer, " ".join(core[:stop]), quality, designator) if m.candidate.feature == "country"]
            if found:
                break
    return found


def loose_key(key: str) -> str:
    """A name key without the letters transliterations add or drop (see ``LOOSE_LETTERS``) and without
    spaces ("كوستا ريكا" ~ "كوستاريكا"), a g one letter (``_LOOSE_SAME``).

    >>> loose_key("السينغال") == loose_key("السنغال"), loose_key("اميركا") == loose_key("امريكا")
    (True, True)
    >>> loose_key("كوستا ريكا") == loose_key("كوستاريكا"), loose_key("يكاترينبورغ") == loose_key("يكاترينبرج")
    (True, True)
    """
    return "".join(word[:1] + word[1:].translate(_LOOSE_DELETIONS).translate(_LOOSE_SAME) for word in key.split())


def vowel_variant(a: str, b: str) -> bool:
    """Whether one of ``a`` and ``b`` is the other with long vowels or hamza seats added (``LOOSE_LETTERS``):
    "السينغال" of "السنغال", but not "الامين" of "اليمن", whose loose keys are the same.

    >>> vowel_variant("السينغال", "السنغال"), vowel_variant("الامين", "اليمن"), vowel_variant("كوستا ريكا", "كوستاريكا")
    (True, False, True)
    """
    a, b = a.replace(" ", "").translate(_LOOSE_SAME), b.replace(" ", "").translate(_LOOSE_SAME)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    at = 0
    for letter in long_:
        if at < len(short) and short[at] == letter:
            at += 1
        elif letter not in LOOSE_LETTERS:
            return False
    return at == len(short)


def loose_names(form: str, loose: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The gazetteer names that are ``form`` with other long vowels, with or without the article."""
    names = loose.get(loose_key(form), ())
    found = []
    for n in names:
        pairs = [(form, n)]
        if len(n) >= MIN_TOGGLED_LETTERS:
            pairs.append((form, ARTICLE + n))
        if len(form) >= MIN_TOGGLED_LETTERS:
            pairs.append((ARTICLE + form, n))
        if any(_few_extra(a, b) and vowel_variant(a, b) for a, b in pairs):
            found.append(n)
    return found


def _few_extra(a: str, b: str) -> bool:
    """Whether two spellings differ in length by one letter, or by a third of the shorter one's letters at most
    ("السينغال" ~ "السنغال", "مونتيفيديو" ~ "مونتفيدو"; not the word "الجزر" ~ "الجزائر").

    >>> _few_extra("السينغال", "السنغال"), _few_extra("الجزر", "الجزائر"), _few_extra("كوستا ريكا", "كوستاريكا")
    (True, False, True)
    """
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if min(len(a), len(b)) < MIN_TOGGLED_LETTERS:
        return a == b
    return abs(len(a) - len(b)) <= max(1, min(len(a), len(b)) // 3)


def loose_index(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Loose key -> the name keys that have it (only keys with at least ``MIN_LOOSE_LETTERS`` letters left)."""
    index: dict[str, list[str]] = {}
    for name in names:
        # with and without the article: "المالاوي" is "ملاوي" (Malawi) written the Moroccan way
        forms = (name, ARTICLE + name) if not name.startswith(ARTICLE) else (name,)
        for loose in dict.fromkeys(loose_key(form) for form in forms):
            if len(loose) >= MIN_LOOSE_LETTERS:
                index.setdefault(loose, []).append(name)
    return {k: tuple(v) for k, v in index.items()}


class HasLooseIndex(Protocol):
    """Anything holding the ``loose_index`` of a gazetteer's names (the Geocoder builds it when first asked)."""

    @property
    def loose(self) -> Mapping[str, tuple[str, ...]]: ...


def match_surface(surface: str, gazetteer: Gazetteer, loose: HasLooseIndex | None = None) -> list[Match]:
    """The gazetteer matches of a mention's (normalised) surface, loosest tiers only if needed; ``loose``
    (its ``loose`` is the ``loose_index`` of the gazetteer's names) allows names that differ in their long
    vowels.

    >>> from khabar.stages.places.gazetteer import load_gazetteer
    >>> [m.candidate.name for m in match_surface("بالموصل", load_gazetteer())]
    ['Mosul']
    """
    key = name_key(surface)
    if not key:
        return []
    if not FOREIGN_LETTERS.keys().isdisjoint(key):
        return next((found for form in _standard_spellings(key) if (found := match_surface(form, gazetteer, loose))), [])
    found = _matches(gazetteer, key, EXACT) or _without_affixes(gazetteer, key, EXACT)
    if found:
        return found + _bigger_loose(key, found, gazetteer, loose)
    stripped = strip_proclitic(key)
    if stripped:
        found = _matches(gazetteer, stripped, STRIPPED) or _without_affixes(gazetteer, stripped, STRIPPED)
        if found:
            return found
    base = stripped or key
    toggled = base[len(ARTICLE):] if base.startswith(ARTICLE) else ARTICLE + base
    bare = toggled if base.startswith(ARTICLE) else base
    found = _matches(gazetteer, toggled, ARTICLE_TOGGLED) if len(bare) >= MIN_TOGGLED_LETTERS else []
    for words in (key.split(), base.split()):  # "لاس فيغاس بولاية": the tagger ran past the name
        if not NAME_LINKERS.isdisjoint(words[1:]):
            continue
        for size in range(len(words) - 1, 0, -1):
            if size >= MIN_PREFIX_WORDS or words[size].startswith(JOINING_PREFIXES):
                found = found or _matches(gazetteer, " ".join(words[:size]), PREFIX)
        if not found and len(words) > 1:  # "السودان عمر البشير": the tagger ran a country into a name
            found = [m for m in _matches(gazetteer, words[0], PREFIX) if m.candidate.feature == "country"]
    found = found or _part_of(gazetteer, key)
    if found or loose is None:
        return found
    forms = (base, toggled) if len(bare) >= MIN_TOGGLED_LETTERS else (base,)
    found = [m for form in forms for name in loose_names(form, loose.loose) for m in _matches(gazetteer, name, LOOSE)]
    if stripped:  # a proclitic-looking first letter may be the name's own ("كوستا ريكا"): countries, big cities
        found += [m for name in loose_names(key, loose.loose) for m in _matches(gazetteer, name, LOOSE) if _big(m.candidate)]
    return found


def _big(candidate: Candidate) -> bool:
    """Whether a place is known well enough to be meant by any spelling: a country, a region, a big city."""
    return candidate.feature in ("country", "region") or candidate.population >= BIG_PLACE


def _standard_spellings(key: str) -> list[str]:
    """``key`` with its Maghrebi or Persian letters written each standard way (``FOREIGN_LETTERS``).

    >>> _standard_spellings("ڤابس")
    ['قابس', 'فابس']
    """
    forms = [key]
    for letter, standard in FOREIGN_LETTERS.items():
        if letter in key:
            forms = [form.replace(letter, s) for form in forms for s in standard]
    return forms


def _bigger_loose(key: str, found: list[Match], gazetteer: Gazetteer, loose: HasLooseIndex | None) -> list[Match]:
    """Countries and big cities spelt like ``key`` with other long vowels, far bigger than every place of the
    exact name: "مونتيفيديو" is Montevideo (GeoNames: "مونتفيدو"), not the village of Minnesota named so."""
    if (loose is None or len(key) < MIN_VILLAGE_LETTERS or key.startswith(ARTICLE)  # "السويدا" is no Sweden
            or max(m.candidate.population for m in found) >= VILLAGE):
        return []
    exact = {m.candidate.key for m in found}
    names = [name for name in loose_names(key, loose.loose) if abs(len(name) - len(key)) <= MAX_EXTRA_LETTERS]
    return [m for name in names for m in _matches(gazetteer, name, LOOSE) if m.candidate.key not in exact and _big(m.candidate)]


def _part_of(gazetteer: Gazetteer, key: str) -> list[Match]:
    """The place a part of it is named after: "جنوب فرنسا" is in France, "ريف الرقة" around Raqqa, "ريف
    السويداء الشرقي" and "محيط دمشق" around their cities."""
    words = key.split()
    if len(words) < 2 or words[0] not in PARTS:
        return []
    if len(words) > 2 and words[-1] in DIRECTIONS:
        words = words[:-1]
    return _matches(gazetteer, " ".join(words[1:]), PART_OF)


def one_letter_off(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted or replaced letter.

    >>> one_letter_off("بريتشيا", "بريشيا"), one_letter_off("باريس", "باريس"), one_letter_off("روما", "موسكو")
    (True, False, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    first = 0  # the first difference: what follows it must be the same
    while first < len(a) and first < len(b) and a[first] == b[first]:
        first += 1
    if len(a) == len(b):
        return a[first + 1 :] == b[first + 1 :]
    return a[first + 1 :] == b[first:] if len(a) > len(b) else a[first:] == b[first + 1 :]


def one_letter_variants(key: str, alphabet: Iterable[str]) -> set[str]:
    """Every string one inserted, deleted or replaced letter (from ``alphabet``) away from ``key``.

    >>> sorted(one_letter_variants("ab", "b"))
    ['a', 'abb', 'b', 'bab', 'bb']
    """
    letters = tuple(alphabet)
    variants = {key[:i] + key[i + 1 :] for i in range(len(key))}
    for i in range(len(key) + 1):
        head, tail = key[:i], key[i:]
        variants.update(head + letter + tail for letter in letters)
        if tail:
            variants.update(head + letter + tail[1:] for letter in letters)
    variants.discard(key)
    return variants


@dataclass(frozen=True)
class NameIndex:
    """The gazetteer's name keys sorted as written and backwards, to find the names one letter away from a key.

    A name one edit away from a key of n letters shares its first n // 2 letters (the edit comes after them)
    or its last n - n // 2 (the edit comes before): two ranges of sorted names, found by binary search, whose
    names are then checked. Where the halves are common ("ال" of a short key) and the ranges wide, trying
    every one-letter variant of the key is cheaper, and gives the same names.
    """

    names: Mapping[str, object]
    forward: list[str]
    backward: list[str]  # every name written backwards, sorted
    letters: str  # every letter of the names: all a variant may insert or put in

    @classmethod
    def of(cls, names: Mapping[str, object]) -> NameIndex:
        """The index of a gazetteer's ``names`` (name key -> its places)."""
        return cls(names, sorted(names), sorted(name[::-1] for name in names), "".join(sorted(set().union(*names))))

    def near(self, key: str) -> set[str]:
        """The names one inserted, deleted or replaced letter away from ``key`` (never ``key`` itself)."""
        half = len(key) // 2
        heads = _with_prefix(self.forward, key[:half])
        tails = _with_prefix(self.backward, key[half:][::-1])
        if len(heads) + len(tails) > (2 * len(key) + 1) * len(self.letters):
            return {name for name in one_letter_variants(key, self.letters) if name in self.names}
        found = {name for name in heads if one_letter_off(key, name)}
        return found | {name[::-1] for name in tails if one_letter_off(key, name[::-1])}


def _with_prefix(ordered: list[str], prefix: str) -> list[str]:
    """The strings of the sorted ``ordered`` that start with ``prefix``."""
    first = bisect.bisect_left(ordered, prefix)
    return ordered[first : bisect.bisect_left(ordered, prefix + _LAST, first)]


_LAST = chr(0x10FFFF)  # sorts after any letter a name holds


def fuzzy_matches(surface: str, gazetteer: Gazetteer, index: NameIndex, countries: set[str]) -> list[Match]:
    """Places one letter away from ``surface`` (same first letter: transliterations rarely change it), kept
    only in ``countries``; ``index``: the gazetteer's names (``NameIndex.of(gazetteer.names)``). In gazetteer order."""
    key = name_key(surface)
    if len(key.removeprefix(ARTICLE).replace(" ", "")) < MIN_FUZZY_LETTERS or not countries:  # "الجزر" ~ "الجفر"
        return []
    names = sorted((name for name in index.near(key) if name[:1] == key[:1]), key=lambda name: gazetteer.names[name][0])
    return [Match(c, ONE_LETTER_OFF) for name in names for c in gazetteer.lookup(name) if c.country in countries]
