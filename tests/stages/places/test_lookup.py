"""Gazetteer look-up tiers, and the one-letter-off neighbourhood the fuzzy tier searches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.places.gazetteer import load_gazetteer
from khabar.stages.places.lookup import (
    ONE_LETTER_OFF,
    fuzzy_matches,
    match_surface,
    one_letter_off,
    one_letter_variants,
)

LETTERS = "ابتسمن "


@given(st.text(LETTERS, max_size=7), st.text(LETTERS, max_size=8))
def test_variants_are_exactly_the_strings_one_letter_off(key: str, other: str) -> None:
    assert (other in one_letter_variants(key, LETTERS)) == one_letter_off(key, other)


def test_clitics_and_designators_are_looked_through() -> None:
    gazetteer = load_gazetteer()
    assert {m.candidate.name for m in match_surface("بالموصل", gazetteer)} == {"Mosul"}
    assert {m.candidate.name for m in match_surface("مدينة الموصل", gazetteer)} == {"Mosul"}


def test_a_misspelt_name_is_found_only_in_the_countries_named() -> None:
    gazetteer = load_gazetteer()
    alphabet = "".join(sorted(set().union(*gazetteer.names)))
    found = fuzzy_matches("بريتشيا", gazetteer, alphabet, {"IT"})
    assert "Brescia" in {m.candidate.name for m in found}
    assert {m.candidate.country for m in found} == {"IT"} and {m.quality for m in found} == {ONE_LETTER_OFF}
    # the same matches, in the same order, as a scan of every name would give
    scanned = [c for name in gazetteer.names if name[0] == "ب" and one_letter_off("بريتشيا", name)
               for c in gazetteer.lookup(name) if c.country == "IT"]
    assert [m.candidate for m in found] == scanned
    assert fuzzy_matches("بريتشيا", gazetteer, alphabet, {"FR"}) == []
