"""Place names the tagger missed, found by the gazetteer where the text around them says "a place".

The entity stage asks ``PlaceMentionFinder`` for LOC mentions beside its own (``EntityTagger._candidates``);
they are the weakest source there, so a mention the tagger or the rules made over the same words wins.
A gazetteer name becomes a mention when its context says it is a place:

* a designator before it: "مدينة الداخلة", "بمدينتي العيون", "ولاية ألاباما", "جهة الرباط";
* a locative preposition before it or attached to it: "في سلا", "إلى تندوف", "بالصخيرات";
* a coordination with a place: "قطر والسعودية والإمارات", "العيون والداخلة";
* nothing, when the name is no common word and names a country, a region, a province or a town of some size.

A name that is also a common word ("الجديدة" the new, "العيون" the eyes: ``common_names.tsv``, counted on a
news corpus by ``khabar build place-words``) needs a designator or a coordination with a place.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from khabar.model import Token, TokenKind
from khabar.stages.entities.mentions import Mention, name_start
from khabar.stages.normalise import normalise_query
from khabar.stages.places.context import strip_proclitic
from khabar.stages.places.gazetteer import (
    ARTICLE,
    Candidate,
    Gazetteer,
    ShortName,
    load_common_names,
    load_gazetteer,
    load_latin_towns,
    load_short_names,
    load_unplaced_names,
    name_key,
)
from khabar.stages.places.lookup import loose_index, loose_names
from khabar.stages.places.transliteration import MIN_SKELETON, arabic_skeleton

MAX_NAME_WORDS = 4
MIN_NAME_LETTERS = 3
MIN_LOOSE_COUNTRY_LETTERS = 5  # "دولة ليست": a short word has the letters of too many names ("ليسوتو")
BARE_MIN_POPULATION = 20_000  # a town this big, named without any cue, is still most likely the town
BROAD_FEATURES = frozenset({"country", "region", "admin", "building"})
BUILDING = "building"  # "جامعة القاهرة": a building word before a name makes no place of the name
SOURCE = "gazetteer"
VENUE_SOURCE = "venue"  # the entity stage ranks it above the tagger: "مسرح" + PER "محمد الخامس" is a theatre
# Building words that make a venue of the name after them, whatever the tagger called that name
# ("ملعب محمد الخامس", "قصر بعبدا"); institutions (جامعة، مستشفى) stay the tagger's ORGs.
VENUE_HEADS = frozenset(normalise_query(w) for w in (
    "مسرح", "ملعب", "ستاد", "قصر", "ساحة", "ميدان", "شارع", "قاعة", "برج", "جسر", "قلعة", "متحف"))
# Feature words that make a place of a person's or a thing's name after them ("حي الحسن الثاني", "مطار الملك
# خالد", "مطار مالبينسا" tagged MISC); a town's name after them stays the town ("ميناء الحديدة"). Not سجن:
# "سجن مبارك" is his imprisonment.
FEATURE_HEADS = frozenset(normalise_query(w) for w in ("حي", "مطار", "ميناء", "مخيم"))
FEATURE_LABELS = frozenset({"PER", "MISC"})
# (Not مسجد: "مسجد الحسن الثاني" keeps the tagger's person, as news corpora annotate it.)
VENUE_LABELS = frozenset({"PER", "LOC"})
# The kinds of place each designator may announce (a "feature" designator, جبل or مطار, any).
DESIGNATED_KINDS = {
    "city": frozenset({"city", "admin"}), "admin": frozenset({"admin", "city", "region"}),
    "country": frozenset({"country"}), "region": frozenset({"region", "admin", "city", "country"}),
}
LOCATIVES = frozenset(normalise_query(w) for w in (
    "في", "إلى", "الى", "من", "نحو", "قرب", "عبر", "داخل", "خارج", "حتى", "بين", "صوب", "غرب", "شرق", "شمال",
    "جنوب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "أنحاء", "ضواحي", "مشارف", "أطراف", "تجاه", "قبالة"))
DIRECTIONS = frozenset(normalise_query(w) for w in ("جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي"))
SHORT_NAME_EPITHETS = frozenset({normalise_query("المحتلة")})  # "الضفة المحتلة" is still the West Bank
LOCATIVE_CLITICS = ("ب", "وب", "فب", "ل", "ول", "فل")  # "بالصخيرات", "لليمن"
AND_CLITICS = ("و",)
LIST_MARKS = frozenset({"،", ",", "و"})
WORD_KINDS = frozenset({TokenKind.WORD})
# Words that open many place names ("وادي الذهب", "عين العرب", "سيدي بوزيد") and are a place of their own in
# GeoNames too: alone before another word they are the head of a longer name the gazetteer lacks.
NAME_HEADS = frozenset(normalise_query(w) for w in (
    "وادي", "جبل", "نهر", "بحر", "سهل", "عين", "بئر", "رأس", "تل", "خليج", "جزيرة", "جزر", "بحيرة", "سد", "مرج",
    "كفر", "دير", "بيت", "أم", "أبو", "بني", "سيدي", "حاسي", "سوق", "حي", "قصر", "برج", "باب", "ساحل", "شط"))


@dataclass(frozen=True, slots=True)
class _Found:
    """A gazetteer name over ``tokens[first:stop]`` of a sentence, with what its context says."""

    first: int
    stop: int
    mention: Mention
    key: str  # the name's key in the gazetteer
    cue: str  # designator | locative | adjective | bare (coordinations are decided after)
    designated: str = ""  # the kind of place a designator before the name announces


@dataclass(frozen=True)
class PlaceMentionFinder:
    """Find LOC mentions of gazetteer names in place-like contexts (see the module's docstring)."""

    gazetteer: Gazetteer
    common: frozenset[str]  # name keys that are mostly common words in the news
    first_words: Mapping[str, tuple[int, ...]]  # first word of a name -> the word counts of the names it opens, longest first
    latin_towns: Mapping[str, tuple[Candidate, ...]] = field(default_factory=dict)  # skeleton -> Latin-named towns
    unplaced: frozenset[str] = frozenset()  # names used a few times in the news and never tagged a place
    short_names: Mapping[str, ShortName] = field(default_factory=dict)  # "الصحراء" where the article says so
    loose_countries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # loose key -> country names

    @classmethod
    def load(cls) -> PlaceMentionFinder:
        """The finder over the shipped gazetteer and common-word list."""
        return _shipped_finder()

    @classmethod
    def of(cls, gazetteer: Gazetteer, common: frozenset[str], unplaced: frozenset[str] = frozenset()) -> PlaceMentionFinder:
        """A finder over ``gazetteer``'s names."""
        sizes: dict[str, set[int]] = {}
        for key in gazetteer.names:
            words = key.split()
            if len(words) <= MAX_NAME_WORDS and len(key) - len(words) + 1 >= MIN_NAME_LETTERS:
                sizes.setdefault(words[0], set()).add(len(words))
        first_words = {word: tuple(sorted(counts, reverse=True)) for word, counts in sizes.items()}
        rows = frozenset(gazetteer.countries.values())  # the country rows' indexes
        countries = [k for k, indexes in gazetteer.names.items() if not rows.isdisjoint(indexes)]
        return cls(gazetteer, common, first_words, load_latin_towns(), unplaced, load_short_names(), loose_index(countries))

    def find(self, text: str, sentences: Sequence[Sequence[Token]], stems: Sequence[Sequence[str]],
             taken: Sequence[Mention]) -> list[Mention]:
        """LOC mentions of gazetteer names not covered by ``taken`` (the other sources' mentions).

        ``stems``: each token's normalised form without proclitics ("" for non-words), as ``token_stems`` gives.
        """
        places = {(m.start, m.end) for m in taken if m.label == "LOC"}
        spans = sorted((m.start, m.end) for m in taken)
        countries = self._countries(text, places)
        named = {m.start: m for m in taken if m.label in VENUE_LABELS | FEATURE_LABELS}
        short = self._licensed(stems)
        out: list[Mention] = []
        for tokens, words in zip(sentences, stems, strict=True):
            every = self._names_in(text, tokens, words)
            found = [f for f in every if not _overlaps(f.mention, spans)]
            out.extend(accepted := self._accepted(text, tokens, found, places, countries))
            out.extend(_venues(text, tokens, words, named))
            covered = spans + sorted((m.start, m.end) for m in accepted)
            out.extend(m for m in self._latin_named(text, tokens, words, countries) if not _overlaps(m, covered))
            taken_here = covered + sorted((f.mention.start, f.mention.end) for f in every)
            out.extend(m for m in self._short_named(text, tokens, words, short) if not _overlaps(m, taken_here))
            out.extend(m for m in self._loose_country(text, tokens, words) if not _overlaps(m, taken_here))
        return out

    def _loose_country(self, text: str, tokens: Sequence[Token], words: Sequence[str]) -> list[Mention]:
        """A country spelt with other long vowels or the article after a country's designator ("بدولتي المالاوي")."""
        out = []
        designators = self.gazetteer.designators
        for index in [i for i, word in enumerate(words[: len(tokens) - 1], 1) if designators.get(word) == "country"]:
            word = words[index]
            if (tokens[index].kind in WORD_KINDS
                    and len(word) >= MIN_LOOSE_COUNTRY_LETTERS and word not in self.gazetteer.names
                    and loose_names(word, self.loose_countries)):
                out.append(Mention(name_start(text, tokens[index]), tokens[index].end, "LOC", SOURCE))
        return out

    def _licensed(self, stems: Sequence[Sequence[str]]) -> dict[str, tuple[ShortName, bool]]:
        """The short names of this article, each with whether its cue words are in it (else only a word right
        before it makes it a place)."""
        if not self.short_names:
            return {}
        words = {w for sentence in stems for w in sentence}
        return {k: (s, s.licensed(words)) for k, s in self.short_names.items() if k in words and (s.before or s.licensed(words))}

    def _short_named(self, text: str, tokens: Sequence[Token], words: Sequence[str],
                     short: Mapping[str, tuple[ShortName, bool]]) -> list[Mention]:
        """Short names standing for a place ("قضية الصحراء", "الصحراء" in an article on the Polisario), unless a
        direction comes before ("جنوب الصحراء") or a definite word after ("الصحراء الجزائرية", "الضفة الأخرى")."""
        out: list[Mention] = []
        if not short:
            return out
        for index in [i for i, word in enumerate(words) if word in short]:  # a few tokens of a few articles
            word = words[index]
            entry, anywhere = short[word] if word and tokens[index].kind in WORD_KINDS else (None, False)
            after = words[index + 1] if index + 1 < len(words) else ""
            if entry is None or (index > 0 and words[index - 1] in DIRECTIONS) or (
                    after.startswith(ARTICLE) and after not in SHORT_NAME_EPITHETS):
                continue  # "جنوب الصحراء" (sub-Saharan), "الصحراء الجزائرية", "الضفة الأخرى": another place
            if anywhere or (index > 0 and words[index - 1] in entry.before):
                out.append(Mention(name_start(text, tokens[index]), tokens[index].end, "LOC", SOURCE))
        return out

    def _latin_named(self, text: str, tokens: Sequence[Token], words: Sequence[str], countries: frozenset[str]) -> list[Mention]:
        """Towns the gazetteer knows by their Latin name only ("مدينة بن قردان" ~ Ben Gardane), after a designator,
        in a country the article names. (After a mere locative, common words match towns too often: "في المؤتمر"
        has the consonants of Maatmeur, Tunisia.)"""
        out = []
        designators = self.gazetteer.designators
        for index in [i for i, word in enumerate(words[: len(tokens) - 1], 1) if word in designators]:
            if (tokens[index].kind not in WORD_KINDS or words[index] in self.common
                    or self._cue(text, tokens, words, index) != "designator"):
                continue
            for stop in (index + 2, index + 1):
                if stop > len(tokens) or any(t.kind not in WORD_KINDS for t in tokens[index:stop]):
                    continue
                key = " ".join([words[index], *(normalise_query(text[t.start : t.end]) for t in tokens[index + 1 : stop])])
                skeleton = arabic_skeleton(key)
                if len(skeleton) >= MIN_SKELETON and any(t.country in countries for t in self.latin_towns.get(skeleton, ())):
                    out.append(Mention(name_start(text, tokens[index]), tokens[stop - 1].end, "LOC", SOURCE))
                    break
        return out

    def _countries(self, text: str, places: set[tuple[int, int]]) -> frozenset[str]:
        """The countries of the other sources' LOC mentions (their most populous place of that name)."""
        codes = set()
        for start, end in places:
            key = name_key(text[start:end])
            found = self.gazetteer.lookup(key) or self.gazetteer.lookup(strip_proclitic(key) or "")
            if found:
                codes.add(max(found, key=lambda c: c.population).country)
        return frozenset(codes)

    def every_name(self, text: str, sentences: Sequence[Sequence[Token]], stems: Sequence[Sequence[str]]) -> list[_Found]:
        """Every longest gazetteer name of the text, whatever its context (for counting: ``place_words``)."""
        return [f for tokens, words in zip(sentences, stems, strict=True)
                for f in self._names_in(text, tokens, words, skip_common=False)]

    def _names_in(self, text: str, tokens: Sequence[Token], words: Sequence[str], skip_common: bool = True) -> list[_Found]:
        """Every longest gazetteer name in a sentence, left to right, with its cue (``skip_common``: but the
        common words without a designator before them, which could never be taken)."""
        found: list[_Found] = []
        free = 0  # the first token not inside a name found already
        first_words = self.first_words
        for index in [i for i, word in enumerate(words) if word in first_words]:  # a few tokens of each sentence
            if index < free:
                continue
            size = self._name_at(text, tokens, words, index)
            if size == 1 and (words[index] in self.gazetteer.designators or (
                    words[index] in NAME_HEADS and index + 1 < len(tokens) and tokens[index + 1].kind in WORD_KINDS)
                    or (skip_common and words[index] in self.common
                        and (index == 0 or words[index - 1] not in self.gazetteer.designators))):
                size = 0  # "دولتي المالاوي": a designator; "وادي الذهب": the head of a name the gazetteer lacks;
                # a common word without a designator is never taken (checked here: most names found are such words)
            if size:
                found.append(self._found(text, tokens, words, index, index + size))
                free = index + size
        return found

    def _name_at(self, text: str, tokens: Sequence[Token], words: Sequence[str], index: int) -> int:
        """The number of tokens of the longest gazetteer name at ``index`` (0: none)."""
        sizes = self.first_words.get(words[index]) if tokens[index].kind in WORD_KINDS else None
        if not sizes:
            return 0
        if sizes == (1,):
            return 1  # most names: one word, found by its first word alone
        at = [index]  # the tokens of the words that may belong to a name: no proclitic, no punctuation but
        stop = index + 1  # a hyphen joining two words ("الداخلة-وادي الذهب")
        while len(at) < sizes[0] and stop < len(tokens):
            if _joining_hyphen(text, tokens, stop):
                stop += 1
            elif tokens[stop].kind in WORD_KINDS and tokens[stop].stem_start == tokens[stop].start:
                at.append(stop)
                stop += 1
            else:
                break
        for size in sizes:
            if size == 1 or (size <= len(at) and " ".join(words[i] for i in at[:size]) in self.gazetteer.names):
                return at[size - 1] - index + 1
        return 0

    def _found(self, text: str, tokens: Sequence[Token], words: Sequence[str], first: int, stop: int) -> _Found:
        if stop - first > 1 and words[first] in self.gazetteer.designators and _key(words[first + 1 : stop]) in self.gazetteer.names:
            return self._found(text, tokens, words, first + 1, stop)  # "محافظة ديالى": the name is "ديالى"
        key = _key(words[first:stop])  # _name_at took only words without a proclitic after the first
        mention = Mention(name_start(text, tokens[first]), tokens[stop - 1].end, "LOC", SOURCE)
        cue = self._cue(text, tokens, words, first)
        designated = self._designator(text, tokens, words, first) if cue == "designator" else ""
        if cue == "designator" and not self._fits(key, designated):
            cue = "bare"  # "دولة إسلامية": no country of that name, only a village somewhere
        return _Found(first, stop, mention, key, cue, designated)

    def _designator(self, text: str, tokens: Sequence[Token], words: Sequence[str], first: int) -> str:
        before = words[first - 1]
        return self.gazetteer.designators.get(before) or self.gazetteer.designators.get(
            normalise_query(text[tokens[first - 1].start : tokens[first - 1].end]), "")

    def _fits(self, key: str, designated: str) -> bool:
        """Whether a place of this name is of the kind the designator announces ("ولاية" a province or town)."""
        kinds = DESIGNATED_KINDS.get(designated)
        return kinds is None or any(c.feature in kinds for c in self.gazetteer.lookup(key))

    def _cue(self, text: str, tokens: Sequence[Token], words: Sequence[str], first: int) -> str:
        clitic = normalise_query(text[tokens[first].start : tokens[first].stem_start])
        before = words[first - 1] if first > 0 and tokens[first - 1].kind in WORD_KINDS else ""
        whole_before = normalise_query(text[tokens[first - 1].start : tokens[first - 1].end]) if before else ""
        feature = self.gazetteer.designators.get(before) or self.gazetteer.designators.get(whole_before) if before else None
        if feature and feature != BUILDING:
            return "designator"
        if words[first] in self.gazetteer.demonyms and not clitic and before.startswith(ARTICLE):
            return "adjective"  # "المنشطات السعودية": the nationality adjective, not the country
        if clitic in LOCATIVE_CLITICS or before in LOCATIVES or whole_before in LOCATIVES or strip_proclitic(whole_before) in LOCATIVES:
            return "locative"
        return "bare"

    def _big(self, key: str, countries: frozenset[str]) -> bool:
        """Whether a name, said without any cue, is most likely its place: a country, region, province or a
        famous building, or a town of ``BARE_MIN_POPULATION`` people or more in a country the article names."""
        return any(c.feature in BROAD_FEATURES or (c.population >= BARE_MIN_POPULATION and c.country in countries)
                   for c in self.gazetteer.lookup(key))

    def _accepted(self, text: str, tokens: Sequence[Token], found: list[_Found], places: set[tuple[int, int]],
                  countries: frozenset[str]) -> list[Mention]:
        """The found names whose cue suffices; coordinations are decided once their neighbours are."""
        accepted = {f.first for f in found if self._enough(f, countries)}
        changed = True
        while changed:  # "X وY وZ": each accepted name lets its neighbour in
            changed = False
            ends = places | {(f.mention.start, f.mention.end) for f in found if f.first in accepted}
            for f in found:
                if (f.first not in accepted and f.key not in self.common and f.key not in self.unplaced and f.cue != "adjective"
                        and _coordinated(text, tokens, f, ends)):
                    accepted.add(f.first)
                    changed = True
        return [f.mention for f in found if f.first in accepted]

    def _enough(self, f: _Found, countries: frozenset[str]) -> bool:
        """Whether the cue alone makes the name a place (a designator always; a locative unless the name
        is a common word; no cue only for a big place whose name is no common word)."""
        if f.cue == "designator":  # "منطقة السد" is the dam's area: a common word wants a town's designator
            return f.key not in self.common or f.designated != "region"
        if f.key in self.common or f.cue == "adjective":
            return False
        return f.cue == "locative" or (f.key not in self.unplaced and self._big(f.key, countries))


def _venues(text: str, tokens: Sequence[Token], words: Sequence[str], named: Mapping[int, Mention]) -> list[Mention]:
    """A building word and the name after it as one LOC: "مسرح محمد الخامس", "بملعب الرباط"; a feature word and
    a name that is no place after it: "حي الحسن الثاني", "مطار مالبينسا"."""
    out = []
    for index in range(1, len(tokens)):
        head = words[index - 1]
        if head not in VENUE_HEADS and head not in FEATURE_HEADS:
            continue
        mention = named.get(name_start(text, tokens[index]))
        labels = VENUE_LABELS if head in VENUE_HEADS else FEATURE_LABELS
        if mention is not None and mention.label in labels and tokens[index].start == name_start(text, tokens[index]):
            out.append(Mention(name_start(text, tokens[index - 1]), mention.end, "LOC", VENUE_SOURCE))
    return out


def _key(words: Sequence[str]) -> str:
    """The gazetteer key of a name's words (a hyphen's empty stem left out)."""
    return " ".join(w for w in words if w)


def _joining_hyphen(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether ``tokens[index]`` is a hyphen touching a word on either side ("الداخلة-وادي")."""
    if not 0 < index < len(tokens) - 1 or text[tokens[index].start : tokens[index].end] != "-":
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    return before.end == tokens[index].start and tokens[index].end == after.start and after.kind in WORD_KINDS


def _overlaps(mention: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < mention.end and mention.start < end for start, end in spans)


def _coordinated(text: str, tokens: Sequence[Token], f: _Found, places: set[tuple[int, int]]) -> bool:
    """Whether the name is joined by و or a comma to a place right before or after it."""
    ends = {end for _, end in places}
    starts = {start for start, _ in places}
    token = tokens[f.first]
    if normalise_query(text[token.start : token.stem_start]) in AND_CLITICS and f.first > 0 and tokens[f.first - 1].end in ends:
        return True
    if f.first > 1 and text[tokens[f.first - 1].start : tokens[f.first - 1].end] in LIST_MARKS and tokens[f.first - 2].end in ends:
        return True
    if f.stop < len(tokens):
        after = tokens[f.stop]
        if normalise_query(text[after.start : after.stem_start]) in AND_CLITICS and name_start(text, after) in starts:
            return True
    return False


@functools.cache
def _shipped_finder() -> PlaceMentionFinder:
    gazetteer = load_gazetteer()
    unplaced = finder_common_names(gazetteer, dict.fromkeys(load_unplaced_names(), 0.0))
    return PlaceMentionFinder.of(gazetteer, finder_common_names(gazetteer, load_common_names()), unplaced)


def finder_common_names(gazetteer: Gazetteer, shares: Mapping[str, float]) -> frozenset[str]:
    """The common-word names the finder wants a designator before: all of ``shares`` (name -> share of uses
    the tagger calls a place) but the names of several words of a country, region or province
    ("القارة الإفريقية", "العالم العربي"), which are no common phrase whatever the tagger says."""
    return frozenset(key for key in shares if " " not in key or not any(
        c.feature in BROAD_FEATURES for c in gazetteer.lookup(key)))
