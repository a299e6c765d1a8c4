"""Consonant skeletons: an Arabic name and its Latin transliteration reduce to the same letters."""

from __future__ import annotations

import pytest

from khabar.stages.places.gazetteer import load_latin_towns
from khabar.stages.places.transliteration import MIN_SKELETON, arabic_skeleton, latin_skeleton


@pytest.mark.parametrize(("arabic", "latin"), [
    ("الصخيرات", "Skhirate"), ("الفقيه بنصالح", "Fquih Ben Salah"), ("الكركرات", "Guerguerat"),
    ("القنيطرة", "Kenitra"), ("بني ملال", "Beni Mellal"), ("خريبكة", "Khouribga"), ("شفشاون", "Chefchaouen"),
    ("بن قردان", "Ben Gardane"), ("المرناقية", "La Mornaghia"),
])
def test_same_skeleton(arabic: str, latin: str) -> None:
    from khabar.stages.places.gazetteer import name_key

    assert arabic_skeleton(name_key(arabic)) == latin_skeleton(latin)


@pytest.mark.parametrize(("arabic", "latin"), [("سبتة", "Ceuta"), ("الدار البيضاء", "Casablanca"), ("المؤتمر", "Tunis")])
def test_different_names_differ(arabic: str, latin: str) -> None:
    assert arabic_skeleton(arabic) != latin_skeleton(latin)


def test_articles_accents_and_doubled_letters_are_dropped() -> None:
    assert latin_skeleton("Al Fqih Ben Çalah") == latin_skeleton("Fkih Ben Salah") == "FKBNSL"
    assert latin_skeleton("As-Suwayda") == latin_skeleton("Suwayda")
    assert latin_skeleton("Mellal") == latin_skeleton("Melal")


def test_the_shipped_towns_are_indexed_by_long_skeletons() -> None:
    towns = load_latin_towns()
    assert towns and all(len(skeleton) >= MIN_SKELETON for skeleton in towns)
    assert "Skhirate" in {t.name for t in towns["SXRT"]}
