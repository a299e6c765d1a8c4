"""How likely each gazetteer candidate is the place an entity means: the cues around its mentions, the
article's countries, the size of the place and of its namesakes abroad.

Scores are on a log-like scale, strongest cue first:

1. a nationality adjective or a country right after a mention ("الموصل العراقية", "لويس في جنوب بريطانيا");
2. a designator before a mention ("مدينة" favours cities over countries, "محافظة" provinces);
3. the countries the article names or implies (less what the entity's own name implies), scaled down for a
   place far smaller than a namesake abroad;
4. population (log scale), with a prior for countries when a country and a city share a name (تونس) and one
   for places of the Arab world, whose own name the Arabic is (بيت لحم).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from khabar.stages.places.gazetteer import ARAB_COUNTRIES, Candidate
from khabar.stages.places.lookup import EXACT, Match
from khabar.stages.places.venues import BUILDING

LOCAL_COUNTRY_BONUS = 8.0  # "الرقة السورية": the article says which country, right there
DESIGNATOR_BONUS = 4.0  # "مدينة الكويت" is the city, "محافظة نينوى" the province
ARTICLE_COUNTRY_BONUS = 4.0  # scaled by the country's share of the article's country evidence
DWARF_RATIO = 10  # a place ten times smaller than another of its name gets the bonus of the article's
# countries scaled down by how much smaller it is (ten times: all of it; a hundred times: a tenth): "موسكو" in
# an article on American sanctions is Moscow, not Mesquite, Texas; "اتفاقية باريس" Paris, not Paris, Texas
LOOSE_ANYWHERE_POPULATION = 1_000_000  # a city this big, spelt with other long vowels, is that city anywhere
COUNTRY_PRIOR = 3.0  # "تونس" alone is the country more often than the city
ADMIN_PRIOR = 1.0
# An Arabic name is the own name of a place in an Arabic-speaking country and a transliteration elsewhere, so
# Arabic news mean the Arab place more often than its size alone says: "بيت لحم" with no other cue is
# Bethlehem, Palestine, not Bethlehem, Pennsylvania (2.6 times bigger); worth a fivefold population
NATIVE_NAME_PRIOR = 0.7
COUNTRY_MENTION_EVIDENCE = 2.0
PLACE_EVIDENCE = 1.0  # "بنغازي" names no country but lies in one only
DOMINANT_POPULATION_RATIO = 10  # "صيدا" is Sidon, Lebanon, though a village in Palestine shares the name
KIND_WORD_PLACE = 100_000  # "المدينة" alone is Medina; "جبل" alone no village of Bulgaria
# Features and buildings named after a place are in a town of that name when a country shares it ("مطار تونس",
# "جامعة الكويت"); only a mention that opens with the word says so (an article naming "مطار تونس" once and
# "تونس" the country often is one entity)
INSIDE_A_COUNTRY = frozenset({"feature", BUILDING})
# Territories that the news of another country write about as part of it: Western Sahara, administered by
# Morocco, is "الصحراء المغربية" to Moroccan outlets (Dakhla, Western Sahara, not Dakhla by Agadir)
ADMINISTERED_BY = {"EH": "MA"}


@dataclass(slots=True)
class Cues:
    """What the text around an entity's mentions says about which place it is."""

    local_country: str | None = None
    designator: str | None = None
    named_in: str | None = None  # the designator opening a mention itself ("مطار تونس"), not one before it
    container: Candidate | None = None  # the town a feature is said to be in ("مطار X في ميلانو")


def country_evidence(country: str, evidence: Mapping[str, float]) -> float:
    """How strongly the article points at ``country``, or at the country that administers it.

    >>> country_evidence("EH", {"MA": 2.0}), country_evidence("MA", {"EH": 1.0})
    (2.0, 0.0)
    """
    held = ADMINISTERED_BY.get(country)
    return max(evidence.get(country, 0.0), evidence.get(held, 0.0) if held else 0.0)


def own_evidence(matches: list[Match]) -> tuple[str, float] | None:
    """The country an entity's name points at by itself, and how strongly: a country, or a place of one
    country only or far bigger than its namesakes abroad ("بنغازي" → LY)."""
    exact = sorted((m.candidate for m in matches if m.quality == EXACT), key=lambda c: -c.population)
    if not exact or not exact[0].country:
        return None
    rivals = [c for c in exact[1:] if c.country != exact[0].country]
    if rivals and exact[0].population < DOMINANT_POPULATION_RATIO * rivals[0].population:
        return None
    return exact[0].country, COUNTRY_MENTION_EVIDENCE if exact[0].feature == "country" else PLACE_EVIDENCE


def without_own(evidence: Mapping[str, float], own: tuple[str, float] | None) -> Mapping[str, float]:
    """The article's evidence less ``own``, what the entity's own name gave (``own_evidence``): "القنيطرة" beside
    "درعا" is Quneitra, Syria, though Kenitra, Morocco, is ten times bigger and its name alone would point at
    Morocco."""
    if own is None:
        return evidence
    rest = dict(evidence)
    rest[own[0]] = max(0.0, rest.get(own[0], 0.0) - own[1])
    return rest


def well_known(candidate: Candidate) -> bool:
    """Whether a place is big enough to be meant by a word that also names a kind of place ("المدينة")."""
    return candidate.feature in ("country", "admin", "region") or candidate.population >= KIND_WORD_PLACE


def loose_ok(candidate: Candidate, evidence: Mapping[str, float]) -> bool:
    """Whether a name matched with other long vowels may be this place: a country, a region or a city of a
    million people, or a place in a country the article names ("السينغال" is Senegal and "شنغهاي" Shanghai
    anywhere; "بريتشيا" no Uruguayan "بروتشا")."""
    return (candidate.feature in ("country", "region") or candidate.country in evidence
            or candidate.population >= LOOSE_ANYWHERE_POPULATION)


def population_score(candidate: Candidate) -> float:
    return math.log10(candidate.population + 10)


def biggest_abroad(candidate: Candidate, matches: list[Match]) -> int:
    """The population of the biggest place of the same name in another country (0 if none): "مدينة الكويت"
    is not dwarfed by the country Kuwait, whose evidence it shares."""
    return max((m.candidate.population for m in matches if m.candidate.country != candidate.country), default=0)


def dwarfing_share(population: int, biggest: int) -> float:
    """How much the article's countries count for a place ``biggest`` dwarfs: 1 up to ``DWARF_RATIO`` times
    smaller, then the inverse of how many ``DWARF_RATIO``-fold smaller it is.

    >>> dwarfing_share(500_000, 1_000_000), round(dwarfing_share(10_000, 1_000_000), 2)
    (1.0, 0.1)
    """
    return min(1.0, DWARF_RATIO * (population + 1) / (biggest + 1))


def score(match: Match, cues: Cues, evidence: Mapping[str, float], top: float, dwarfing: float = 1.0) -> float:
    """How likely this candidate is the place meant, on a log-like scale; ``dwarfing``: the share of the
    article's countries' bonus it gets when a place of that name is far bigger ("لندن" in an article on
    America is still London, not London, Ohio; see ``dwarfing_share``)."""
    candidate = match.candidate
    score = population_score(candidate) + 2.0 * match.quality
    if candidate.feature == "country":
        score += COUNTRY_PRIOR
    elif candidate.feature in ("admin", "region"):
        score += ADMIN_PRIOR
    if candidate.country in ARAB_COUNTRIES:
        score += NATIVE_NAME_PRIOR
    if cues.local_country and candidate.country == cues.local_country:
        score += LOCAL_COUNTRY_BONUS
    if cues.designator and cues.designator == candidate.feature:
        score += DESIGNATOR_BONUS
    elif candidate.feature == "country" and cues.designator in ("city", "admin"):
        score -= DESIGNATOR_BONUS
    elif candidate.feature == "country" and cues.named_in in INSIDE_A_COUNTRY:
        score -= DESIGNATOR_BONUS + COUNTRY_PRIOR  # "مطار تونس" is at Tunis, "جامعة الكويت" in Kuwait City
    if top and candidate.country:
        score += ARTICLE_COUNTRY_BONUS * country_evidence(candidate.country, evidence) / top * dwarfing
    return score
