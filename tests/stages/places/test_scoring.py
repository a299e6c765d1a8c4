"""Candidate scoring: evidence scaled for places dwarfed by namesakes abroad, an entity's own evidence."""

from __future__ import annotations

from khabar.stages.places.gazetteer import Candidate
from khabar.stages.places.lookup import EXACT, LOOSE, Match
from khabar.stages.places.scoring import biggest_abroad, dwarfing_share, own_evidence, without_own


def town(key: str, country: str, population: int, feature: str = "city") -> Match:
    return Match(Candidate(key, feature, country, population, 0.0, 0.0, key), EXACT)


def test_a_place_far_smaller_than_a_namesake_abroad_gets_less_of_the_articles_countries() -> None:
    assert dwarfing_share(50_000, 400_000) == 1.0
    assert 0.09 < dwarfing_share(100_000, 10_000_000) < 0.11
    assert dwarfing_share(0, 0) == 1.0


def test_namesakes_in_the_same_country_do_not_dwarf() -> None:
    city, country = town("1", "KW", 60_000), town("2", "KW", 2_700_000, "country")
    assert biggest_abroad(city.candidate, [city, country]) == 0
    moscow, mesquite = town("3", "RU", 10_000_000), town("4", "US", 140_000)
    assert biggest_abroad(mesquite.candidate, [moscow, mesquite]) == 10_000_000


def test_an_entity_does_not_count_as_evidence_for_itself() -> None:
    kenitra, quneitra = town("5", "MA", 470_000), town("6", "SY", 36_000)
    assert own_evidence([kenitra, quneitra]) == ("MA", 1.0)
    assert without_own({"MA": 1.0, "SY": 1.0}, own_evidence([kenitra, quneitra])) == {"MA": 0.0, "SY": 1.0}
    loose = Match(kenitra.candidate, LOOSE)
    assert own_evidence([loose]) is None


def test_western_sahara_counts_as_morocco_for_moroccan_evidence() -> None:
    from khabar.stages.places.scoring import country_evidence
    assert country_evidence("EH", {"MA": 2.0, "EH": 0.5}) == 2.0
    assert country_evidence("MA", {"EH": 1.0}) == 0.0
