"""The Geocoder stage: resolve each LOC entity to a place on the map, and mark where the news happens.

For each LOC entity the gazetteer gives candidates (every place with one of its names; a mention with an
attached clitic, a designator like "مدينة" or a trailing nationality adjective is looked up without it).
``scoring`` weighs them: a nationality adjective or a country right after a mention, a designator before it,
the countries the article names or implies (its other LOC entities, demonyms, dateline, a national outlet),
population. A LOC that is only a word for a kind of place ("جبل") or a name cut to its particle ("سان") is
not placed.

The confidence is the winner's share of the candidates' softmax, times how exactly the name matched.
A feature the gazetteer lacks ("مطار مالبينسا في ميلانو") is placed at the town the text puts it in.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from khabar.model import Document, Entity, Normalised, Place, Span
from khabar.stages.normalise import normalise
from khabar.stages.places.context import (
    WINDOW_WORDS,
    Surroundings,
    country_in_window,
    demonym_after,
    designator_before,
    place_after,
    strip_proclitic,
)
from khabar.stages.places.focus import mark_focus
from khabar.stages.places.gazetteer import (
    ARAB_COUNTRIES,
    ARTICLE,
    Candidate,
    Gazetteer,
    load_common_names,
    load_gazetteer,
    load_latin_towns,
    load_outlet_countries,
    load_short_names,
    name_key,
    outlet_key,
)
from khabar.stages.places.lookup import (
    EXACT,
    LOOSE,
    PART_OF,
    PARTS,
    PREFIX,
    STRIPPED,
    Match,
    NameIndex,
    fuzzy_matches,
    loose_index,
    match_surface,
)
from khabar.stages.places.scoring import (
    KIND_WORD_PLACE,
    Cues,
    biggest_abroad,
    country_evidence,
    dwarfing_share,
    loose_ok,
    own_evidence,
    population_score,
    score,
    well_known,
    without_own,
)
from khabar.stages.places.transliteration import MIN_SKELETON, arabic_skeleton
from khabar.stages.places.venues import BUILDING, is_venue, venue_city

DATELINE_BONUS = 1.0  # weak: Sky News files everything from Abu Dhabi
TRANSLITERATED = 0.5  # a Latin-named town with the same consonants, in a country the article names
WORD_SHARE = 0.02  # a town name the tagger calls a place in under 2% of its uses in the news is a word ...
WORD_TOWN = 20_000  # ... unless the tagger's LOC names a town this big in the country the article is about
OUTLET_EVIDENCE = 1.0  # a national outlet (Hespress, Sabq) writes mostly about its own country
DEMONYM_EVIDENCE = 1.0
CONFIDENCE_DIGITS = 3
# A one-word name whose towns all lie outside the Arab world, are smaller than this and in countries the article
# gives no sign of is no place: Arabic news transliterate a small foreign town's name in a story on its country
# ("أنيس العامري" names no Ennis, Ireland, in a Tunisian story; "جامعة خليفة" no Iranian village)
STRANGER_TOWN = 100_000
LONGER_NAME_RATIO = 10  # "ريو" is the "ريو دي جانيرو" the article names when that is ten times bigger
# The first word of a foreign or Maghrebi name, alone: the tagger cut the name ("سان" of "سان إتيان دو روفريه")
NAME_PARTICLES = frozenset(name_key(w) for w in (
    "سان", "سانت", "سانتا", "ساو", "دي", "دو", "دا", "لا", "لو", "لوس", "لاس", "نيو", "بورت", "فورت", "سيدي"))
FEATURE_CONFIDENCE = 0.3  # an airport or a camp the gazetteer lacks, placed at the town the text names
# "جامعة القاهرة" is in Cairo, "جامعة إنديانا" in Indiana; "جامعة الدول العربية" is no venue
VENUE_FEATURES = frozenset({BUILDING, "city", "admin"})


@dataclass(frozen=True, slots=True)
class GeocoderOptions:
    """What to geocode and how many focus places to mark."""

    labels: frozenset[str] = frozenset({"LOC"})
    max_focus: int = 3
    focus_share: float = 0.5  # a focus place has at least this share of the most salient place's weight




class Geocoder:
    """Fill ``places``: one Place per LOC entity the gazetteer can resolve."""

    name: ClassVar[str] = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "normalised", "entities", "byline"})
    provides: ClassVar[frozenset[str]] = frozenset({"places"})

    def __init__(self, gazetteer: Gazetteer | None = None, options: GeocoderOptions | None = None,
                 outlets: Mapping[str, str] | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.options = options or GeocoderOptions()
        self.outlets = outlets if outlets is not None else load_outlet_countries()  # outlet_key -> country
        self.latin_towns = load_latin_towns()  # consonant skeleton -> Latin-named Arab towns
        self.short_names = load_short_names()  # "الصحراء" -> Western Sahara, where the article says so
        self.words = frozenset(k for k, share in load_common_names().items() if share < WORD_SHARE and all(
            c.feature == "city" and c.geonames_id is not None for c in self.gazetteer.lookup(k)))

    @functools.cached_property
    def names(self) -> NameIndex:
        """The names sorted for the fuzzy look-up, built when first needed (0.1 s)."""
        return NameIndex.of(self.gazetteer.names)

    @functools.cached_property
    def loose(self) -> dict[str, tuple[str, ...]]:
        """The names by loose key, for names spelt with other long vowels, built when first needed (0.3 s)."""
        return loose_index(self.gazetteer.names)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, places=self.geocode(doc))

    def geocode(self, doc: Document) -> tuple[Place, ...]:
        """The places of ``doc``'s LOC entities, in entity order.

        >>> from khabar.model import Entity, Span
        >>> text = "باريس ـ قال الوزير الفرنسي إن الرقة السورية محاصرة"
        >>> doc = Document(id="d", text=text, entities=(
        ...     Entity("e1", "LOC", (Span(31, 36),), Span(31, 36)),))
        >>> place = Geocoder().geocode(doc)[0]
        >>> place.name, place.country_code, place.geonames_id
        ('Ar Raqqah', 'SY', 172955)
        """
        view = doc.normalised if doc.normalised is not None else normalise(doc.text)
        entities = [e for e in doc.entities if e.label in self.options.labels or is_venue(e, view, self.gazetteer)]
        if not entities:
            return ()
        around = Surroundings.of(view.text, self.gazetteer)
        found = {e.id: self._candidates(e, view, around) for e in entities}
        owns = {e.id: own_evidence(found[e.id][0]) for e in entities}  # what each name says by itself
        dateline = self._dateline_place(doc, view)
        evidence = self._evidence(owns.values(), around, dateline.country if dateline else None)
        if (home := self._outlet_country(doc)) is not None:
            evidence[home] += OUTLET_EVIDENCE
        keys = {e.id: name_key(e.canonical.text_in(doc.text)) for e in entities}
        places: list[Place] = []
        venues: list[Entity] = []
        features: list[Entity] = []  # a district or camp the gazetteer lacks, with no town right after it
        for entity in entities:
            matches, cues = found[entity.id]
            if is_venue(entity, view, self.gazetteer):
                venues.append(entity)  # placed after the others: its city may be one of them
                continue
            matches = [m for m in matches if m.quality != LOOSE or loose_ok(m.candidate, evidence)]
            if (cues.designator is None and keys[entity.id] in self.words
                    and not _town_of_the_article(matches, without_own(evidence, owns[entity.id]))):
                continue  # "دون", "الحكومة": a word the tagger took for a village of that name
            if self._kind_word_only(entity, keys[entity.id], view) and not _town_of_the_article(
                    [m for m in matches if m.candidate.population == max(n.candidate.population for n in matches)],
                    without_own(evidence, owns[entity.id]), KIND_WORD_PLACE):
                continue  # "جبل", "البلدة", "المدينة": a word for a kind of place ("المدينة" is Medina, its biggest
                # namesake, only in an article about Saudi Arabia)
            if keys[entity.id] in NAME_PARTICLES and len(entity.mentions) == 1:
                continue  # "سان": a name cut short
            matches = _longer_name(entity, matches, found, keys) or matches
            if cues.designator is None and cues.local_country is None and _stranger_town(
                    keys[entity.id], matches, without_own(evidence, owns[entity.id])):
                continue
            if not matches:
                matches = self._fuzzy(entity, doc.text, set(evidence)) or self._transliterated(entity, doc.text, evidence)
            if matches:
                places.append(self._resolve(entity, matches, cues, without_own(evidence, owns[entity.id])))
            elif cues.container is not None and self._is_feature(entity, view, around):
                places.append(_place(entity, cues.container, FEATURE_CONFIDENCE, feature="feature"))
            elif self._named_as_feature(entity, view):
                features.append(entity)  # "حي يعقوب المنصور بالعاصمة": placed with the venues, at the city around it
        places += self._venues(venues, found, places, entities, doc, dateline, evidence)
        places += self._features(features, places, entities, doc, dateline)
        order = {e.id: i for i, e in enumerate(entities)}
        places.sort(key=lambda p: order[p.entity_id])
        return mark_focus(places, entities, doc, self.options.max_focus, self.options.focus_share)

    def _venues(self, venues: list[Entity], found: Mapping[str, tuple[list[Match], Cues]], places: list[Place],
                entities: list[Entity], doc: Document, dateline: Candidate | None,
                evidence: Mapping[str, float]) -> list[Place]:
        """Each venue at the building the gazetteer knows, the city it is named after, or its city in the text."""
        placed = []
        at_dateline = None if dateline is None or dateline.feature != "city" else _place(entities[0], dateline, FEATURE_CONFIDENCE)
        for venue in venues:
            matches, cues = found[venue.id]
            matches = [m for m in matches if m.candidate.feature in VENUE_FEATURES]
            if (cues.container is not None and well_known(cues.container)
                    and not any(m.candidate.country == cues.container.country for m in matches)):
                matches = []  # "ساحة التحرير وسط القاهرة": the city the text names, not Baghdad's square
            if _stranger_town("", matches, without_own(evidence, own_evidence(found[venue.id][0]))):
                matches = []  # "جامعة خليفة" is in its city of the text, no Iranian village "خليفة"
            if matches:
                place = self._resolve(venue, matches, cues, without_own(evidence, own_evidence(found[venue.id][0])))
                placed.append(place if place.feature == BUILDING else dataclasses.replace(place, feature=BUILDING, geonames_id=None))
            elif cues.container is not None:
                placed.append(_place(venue, cues.container, FEATURE_CONFIDENCE, feature=BUILDING))
            elif (city := venue_city(venue, places, entities, doc, at_dateline)) is not None:
                placed.append(dataclasses.replace(city, entity_id=venue.id, feature=BUILDING, geonames_id=None,
                                                  confidence=FEATURE_CONFIDENCE, focus=False))
        return placed

    @staticmethod
    def _features(features: list[Entity], places: list[Place], entities: list[Entity], doc: Document,
                  dateline: Candidate | None) -> list[Place]:
        """Each feature without a town after it ("حي يعقوب المنصور بالعاصمة") at the city a venue would be in."""
        at_dateline = None if dateline is None or dateline.feature != "city" else _place(entities[0], dateline, FEATURE_CONFIDENCE)
        placed = []
        for feature in features:
            if (city := venue_city(feature, places, entities, doc, at_dateline)) is not None:
                placed.append(dataclasses.replace(city, entity_id=feature.id, feature="feature", geonames_id=None,
                                                  confidence=FEATURE_CONFIDENCE, focus=False))
        return placed

    def _candidates(self, entity: Entity, view: Normalised, around: Surroundings) -> tuple[list[Match], Cues]:
        """Every gazetteer match of the entity's mentions, and the cues around them."""
        matches: dict[str, Match] = {}
        cues = Cues()
        for mention in entity.mentions:
            start, end = view.view_span(mention.start, mention.end)
            if start >= end:
                continue
            surface = view.text[start:end]
            for match in match_surface(surface, self.gazetteer, self) or self._short(surface, around, start):
                kept = matches.get(match.candidate.key)
                if kept is None or match.quality > kept.quality:
                    matches[match.candidate.key] = match
                cues.designator = cues.designator or match.designator
                cues.named_in = cues.named_in or match.designator
                cues.local_country = cues.local_country or match.demonym_country
            after = around.words_after(end, WINDOW_WORDS)
            cues.container = cues.container or place_after(after, self.gazetteer)
            cues.local_country = (cues.local_country or demonym_after(after, self.gazetteer)
                                  or country_in_window(after, self.gazetteer))
            cues.designator = cues.designator or designator_before(around, start, self.gazetteer)
        return list(matches.values()), cues

    def _short(self, surface: str, around: Surroundings, start: int) -> list[Match]:
        """The place a short name stands for ("الصحراء" in an article on the Polisario; "قضية الصحراء")."""
        key = name_key(surface)
        entry = self.short_names.get(key) or self.short_names.get(strip_proclitic(key) or "")
        if entry is None or not (around.word_before(start) in entry.before or around.has_word(entry.cues)):
            return []
        return [Match(c, STRIPPED) for c in self.gazetteer.lookup(entry.full)]

    def _is_feature(self, entity: Entity, view: Normalised, around: Surroundings) -> bool:
        """Whether the entity is named as a feature (an airport, a camp): "مطار مالبينسا"."""
        start, _ = view.view_span(entity.canonical.start, entity.canonical.end)
        return self._named_as_feature(entity, view) or designator_before(around, start, self.gazetteer) == "feature"

    def _kind_word_only(self, entity: Entity, key: str, view: Normalised) -> bool:
        """Whether every mention of the entity is a designator or a part word alone ("جبل", "بالبلدة", "ريف")."""
        if " " in key or not self._kind_word(key):
            return False  # ``key``, the canonical name's, is one of the mentions': most entities stop here
        for mention in entity.mentions:
            start, end = view.view_span(mention.start, mention.end)
            if not self._kind_word(name_key(view.text[start:end])):
                return False
        return True

    def _kind_word(self, key: str) -> bool:
        """Whether a one-word key is a designator or a part word, with or without its article or a proclitic."""
        stripped = strip_proclitic(key) or ""
        forms = (key, key.removeprefix(ARTICLE), stripped, stripped.removeprefix(ARTICLE))
        return any(form in self.gazetteer.designators or form in PARTS for form in forms)

    def _named_as_feature(self, entity: Entity, view: Normalised) -> bool:
        """Whether the entity's own name opens with a feature word ("حي يعقوب المنصور"; not "شعبي" after "حي")."""
        start, end = view.view_span(entity.canonical.start, entity.canonical.end)
        words = view.text[start:end].split()
        return len(words) > 1 and self.gazetteer.designators.get(words[0]) == "feature"

    def _fuzzy(self, entity: Entity, text: str, countries: set[str]) -> list[Match]:
        """Places one letter away from the entity's name, in the countries the article names."""
        surface = name_key(entity.canonical.text_in(text))
        return fuzzy_matches(surface, self.gazetteer, self.names, countries)

    def _transliterated(self, entity: Entity, text: str, evidence: Mapping[str, float]) -> list[Match]:
        """Latin-named Arab towns with the entity's consonant skeleton ("الصخيرات" ~ "Skhirate"), in the
        countries the article names only."""
        key = name_key(entity.canonical.text_in(text))
        skeletons = {arabic_skeleton(form) for form in (key, strip_proclitic(key)) if form}
        return [Match(town, TRANSLITERATED) for s in sorted(skeletons) if len(s) >= MIN_SKELETON
                for town in self.latin_towns.get(s, ()) if evidence.get(town.country, 0.0) > 0]

    def _outlet_country(self, doc: Document) -> str | None:
        """The home country of a national outlet, named in the metadata or the byline."""
        names = [doc.meta.outlet] if doc.meta.outlet else []
        if doc.byline is not None and doc.byline.outlet is not None:
            names.append(doc.text_of(doc.byline.outlet))
        return next((self.outlets[k] for n in names if (k := outlet_key(n)) in self.outlets), None)

    def _dateline_place(self, doc: Document, view: Normalised) -> Candidate | None:
        """The place the dateline names (its most exact, then most populous, candidate)."""
        if doc.byline is None or doc.byline.place is None:
            return None
        start, end = view.view_span(doc.byline.place.start, doc.byline.place.end)
        matches = match_surface(view.text[start:end], self.gazetteer) if start < end else []
        best = max(matches, key=lambda m: (m.quality, population_score(m.candidate)), default=None)
        return best.candidate if best else None

    def _evidence(self, owns: Iterable[tuple[str, float] | None], around: Surroundings,
                  dateline: str | None) -> defaultdict[str, float]:
        """How strongly the article points at each country: demonyms, country names, dateline."""
        evidence: defaultdict[str, float] = defaultdict(float)
        for code, count in around.demonym_countries.items():
            evidence[code] += DEMONYM_EVIDENCE * count
        for own in owns:
            if own is not None:
                evidence[own[0]] += own[1]
        if dateline:
            evidence[dateline] += DEMONYM_EVIDENCE
        return evidence

    def _resolve(self, entity: Entity, matches: list[Match], cues: Cues, evidence: Mapping[str, float]) -> Place:
        """The best candidate; ``evidence``: the article's, less what the entity's own name gave (``without_own``)."""
        top = max(evidence.values(), default=0.0)
        scores = [score(m, cues, evidence, top, dwarfing_share(m.candidate.population, biggest_abroad(m.candidate, matches)))
                  for m in matches]
        best_index = max(range(len(matches)), key=lambda i: (scores[i], -i))
        best = matches[best_index]
        peak = scores[best_index]
        share = 1.0 / sum(math.exp(s - peak) for s in scores)
        part = "region" if best.quality == PART_OF else None  # "جنوب فرنسا": a region of France, at its point
        return _place(entity, best.candidate, round(share * best.quality, CONFIDENCE_DIGITS), feature=part)


def _town_of_the_article(matches: list[Match], evidence: Mapping[str, float], size: int = WORD_TOWN) -> bool:
    """Whether a name that is also a word ("القائم", "الزاوية", "حديثة") is a town of some size in the country the
    article is most about (``evidence``: its own name's left out): then the tagger's LOC is that town."""
    top = max(evidence.values(), default=0.0)
    if top <= 0:
        return False
    countries = {code for code, weight in evidence.items() if weight == top}
    return any(m.quality == EXACT and m.candidate.country in countries and m.candidate.population >= size
               for m in matches)


def _stranger_town(key: str, matches: list[Match], evidence: Mapping[str, float]) -> bool:
    """Whether a one-word name is only small towns outside the Arab world in countries the article gives no
    sign of (``evidence``: its own name's left out; see ``STRANGER_TOWN``)."""
    return " " not in key and bool(matches) and all(
        m.candidate.feature == "city" and m.candidate.country not in ARAB_COUNTRIES
        and m.candidate.population < STRANGER_TOWN and country_evidence(m.candidate.country, evidence) <= 0
        for m in matches)


def _longer_name(entity: Entity, matches: list[Match], found: Mapping[str, tuple[list[Match], Cues]],
                 keys: Mapping[str, str]) -> list[Match]:
    """The places of a longer name the article gives that the entity's name opens, when they are far bigger than
    the entity's own towns: "ريو" after "ريو دي جانيرو" is Rio, not Réo, Burkina Faso (a country or a province
    of the short name stays: "أمريكا" beside "أمريكا اللاتينية")."""
    if any(m.candidate.feature != "city" for m in matches):
        return []
    opening = keys[entity.id] + " "
    biggest = max((m.candidate.population for m in matches), default=0)
    for other, key in keys.items():
        if other == entity.id or not key.startswith(opening):
            continue
        longer = [m for m in found[other][0] if m.quality == EXACT]
        if longer and max(m.candidate.population for m in longer) >= LONGER_NAME_RATIO * max(biggest, 1):
            return [dataclasses.replace(m, quality=PREFIX) for m in longer]
    return []


def _place(entity: Entity, candidate: Candidate, confidence: float, feature: str | None = None) -> Place:
    """The Place of an entity; a ``feature`` placed at its town keeps the town's name but no GeoNames id."""
    return Place(
        entity_id=entity.id,
        name=candidate.name,
        latitude=candidate.latitude,
        longitude=candidate.longitude,
        country_code=candidate.country or None,
        feature=feature or candidate.feature,
        confidence=confidence,
        geonames_id=candidate.geonames_id if feature is None else None,
    )


def mention_spans(entity: Entity) -> tuple[Span, ...]:
    """The entity's mentions (its canonical span included), in text order."""
    return tuple(sorted(set(entity.mentions) | {entity.canonical}))
