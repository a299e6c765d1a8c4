"""Gazetteer look-up tiers, and the one-letter-off neighbourhood the fuzzy tier searches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.places.gazetteer import load_gazetteer
from khabar.stages.places.lookup import (
    ONE_LETTER_OFF,
    PREFIX,
    NameIndex,
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
    index = NameIndex.of(gazetteer.names)
    found = fuzzy_matches("بريتشيا", gazetteer, index, {"IT"})
    assert "Brescia" in {m.candidate.name for m in found}
    assert {m.candidate.country for m in found} == {"IT"} and {m.quality for m in found} == {ONE_LETTER_OFF}
    # the same matches, in the same order, as a scan of every name would give
    scanned = [c for name in gazetteer.names if name[0] == "ب" and one_letter_off("بريتشيا", name)
               for c in gazetteer.lookup(name) if c.country == "IT"]
    assert [m.candidate for m in found] == scanned
    assert fuzzy_matches("بريتشيا", gazetteer, index, {"FR"}) == []


@settings(max_examples=300)
@given(st.lists(st.text("ابت ", min_size=1, max_size=6), max_size=40), st.text("ابتس ", max_size=7))
def test_the_index_finds_the_names_the_variants_find(names: list[str], key: str) -> None:
    """Few letters, so that the halves' ranges are wide (the variants' path) or narrow (the ranges' path)."""
    index = NameIndex.of(dict.fromkeys(names, 0))
    assert index.near(key) == {name for name in one_letter_variants(key, "ابتس ") if name in index.names}


def test_the_index_finds_the_gazetteers_names_one_letter_off_real_keys() -> None:
    gazetteer = load_gazetteer()
    index = NameIndex.of(gazetteer.names)
    keys = sorted(gazetteer.names)[::97]
    keys += [key[:3] + key[4:] for key in keys if len(key) > 5] + [key + "ه" for key in keys] + ["ال" + key[2:] for key in keys]
    for key in keys:
        assert index.near(key) == {name for name in one_letter_variants(key, index.letters) if name in gazetteer.names}, key


@given(st.text("ابتسمن ", max_size=7), st.text("ابتسمن ", max_size=8))
def test_one_letter_off_is_symmetric(a: str, b: str) -> None:
    assert one_letter_off(a, b) == one_letter_off(b, a)


def test_maghrebi_letters_and_a_name_run_past_by_the_tagger() -> None:
    gazetteer = load_gazetteer()
    assert {m.candidate.name for m in match_surface("وڤابس", gazetteer)} == {"Gabès"}  # Tunisian ڤ is a g
    assert {m.candidate.name for m in match_surface("توزر وباجة وبن عروس", gazetteer)} == {"Tozeur"}
    assert {m.candidate.country for m in match_surface("سياتل بالولايات المتحدة", gazetteer)} == {"US"}
    assert not match_surface("الحكومة الجديدة", gazetteer)  # one word before an adjective is no name


def test_a_short_word_with_the_article_is_not_looked_up_one_letter_off() -> None:
    gazetteer = load_gazetteer()
    index = NameIndex.of(gazetteer.names)
    assert not fuzzy_matches("الجزر", gazetteer, index, {"SA"})  # the islands, not Al Jafr
    assert {m.candidate.name for m in fuzzy_matches("بريتشيا", gazetteer, index, {"IT"})} >= {"Brescia"}


def test_a_name_that_runs_on_with_a_linking_word_is_no_prefix_match() -> None:
    gazetteer = load_gazetteer()
    assert not match_surface("سانت إتيان دو روفريه", gazetteer)
    assert [m.quality for m in match_surface("لاس فيغاس بولاية", gazetteer)][:1] == [PREFIX]


def test_a_country_run_into_a_name_is_found_but_no_town_is() -> None:
    gazetteer = load_gazetteer()
    assert [m.candidate.name for m in match_surface("السودان عمر البشير", gazetteer)] == ["Sudan"]
    assert all(m.candidate.feature == "country" for m in match_surface("السودان عمر البشير", gazetteer))
    assert not match_surface("حمص أحمد", gazetteer)  # a one-word town with a word after it stays unplaced
