"""The shipped gazetteer: loads fast, holds what the Geocoder needs, and expands demonyms."""

from __future__ import annotations

import time

from khabar.stages.normalise import normalise_query
from khabar.stages.places import load_gazetteer
from khabar.stages.places.gazetteer import name_key, nisba_forms, with_proclitics

MAX_LOAD_S = 0.3


def test_loads_fast_and_is_not_empty() -> None:
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    elapsed = time.perf_counter() - started
    assert len(gazetteer.places) > 10_000
    assert elapsed < MAX_LOAD_S * 3  # the target is 0.3 s; a busy shared machine gets some slack


def test_countries_cities_regions_and_extras() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.country("FR").key == "3017382"
    assert {c.key for c in gazetteer.lookup(name_key("الموصل"))} == {"99072"}
    assert any(c.feature == "region" and c.key == "6255148" for c in gazetteer.lookup(name_key("أوروبا")))
    assert gazetteer.lookup(name_key("نينوى"))[0].country == "IQ"
    assert gazetteer.lookup(name_key("السعودية"))[0].country == "SA"


def test_every_demonym_form_names_its_country() -> None:
    demonyms = load_gazetteer().demonyms
    for form, country in [("الفرنسي", "FR"), ("الأمريكية", "US"), ("العراقيين", "IQ"), ("الأميركيون", "US"),
                          ("وللعراقيين", "IQ"), ("الكورية الشمالية", "KP"), ("الروس", "RU"), ("السوريات", "SY")]:
        assert demonyms.get(normalise_query(form)) == country, form
    assert normalise_query("المالية") not in demonyms  # "financial", not Malian


def test_form_generation() -> None:
    assert {"فرنسي", "فرنسيه", "الفرنسيين", "الفرنسيات"} <= set(nisba_forms("فرنسي"))
    assert "للفرنسي" in set(with_proclitics("الفرنسي"))
