"""Venues and buildings: placed at the building the gazetteer knows, or in the city the text says."""

from __future__ import annotations

from khabar.model import Byline, Document, Entity, Meta, Span
from khabar.stages.normalise import Normaliser
from khabar.stages.places import Geocoder
from khabar.stages.segment import Segmenter


def placed(geocoder: Geocoder, text: str, names: dict[str, str], byline: Byline | None = None) -> dict[str, tuple]:
    entities = []
    for i, (name, label) in enumerate(names.items(), start=1):
        start = text.index(name)
        entities.append(Entity(f"e{i}", label, (Span(start, start + len(name)),), Span(start, start + len(name))))
    doc = Segmenter()(Normaliser()(Document(id="t", text=text, entities=tuple(entities), byline=byline, meta=Meta())))
    doc = geocoder(doc)
    by_id = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    return {by_id[p.entity_id]: (p.name, p.country_code, p.feature) for p in doc.places}


def test_a_building_the_gazetteer_knows_even_as_an_org(geocoder: Geocoder) -> None:
    got = placed(geocoder, "وقال متحدث باسم البيت الأبيض إن الرئيس سيسافر", {"البيت الأبيض": "ORG"})
    assert got["البيت الأبيض"] == ("White House", "US", "building")


def test_a_venue_named_after_a_city_is_in_that_city(geocoder: Geocoder) -> None:
    got = placed(geocoder, "وأقيمت المباراة على ملعب الرباط الكبير", {"ملعب الرباط": "LOC"})
    assert got["ملعب الرباط"] == ("Rabat", "MA", "building")


def test_an_institution_named_after_a_region_is_no_venue(geocoder: Geocoder) -> None:
    got = placed(geocoder, "وقال الأمين العام لجامعة الدول العربية إن القمة ستعقد", {"جامعة الدول العربية": "ORG"})
    assert got == {}


def test_a_venue_is_in_the_city_the_text_puts_it_in(geocoder: Geocoder) -> None:
    text = "وأقيم الحفل على خشبة مسرح محمد الخامس بالرباط بحضور الوزير"
    got = placed(geocoder, text, {"مسرح محمد الخامس": "LOC", "الرباط": "LOC"})
    assert got["مسرح محمد الخامس"] == ("Rabat", "MA", "building")


def test_a_venue_is_in_the_city_of_its_sentence(geocoder: Geocoder) -> None:
    text = "وصل الفريق إلى لندن أمس. وفي لندن سيلعب على ملعب كرافن كوتيج مساء السبت."
    got = placed(geocoder, text, {"لندن": "LOC", "ملعب كرافن كوتيج": "LOC"})
    assert got["ملعب كرافن كوتيج"] == ("London", "GB", "building")


def test_a_venue_is_in_the_dateline_city_when_the_text_names_none(geocoder: Geocoder) -> None:
    text = "باريس - أقيم العرض في مسرح تريانون أمس"
    byline = Byline(Span(0, 5), place=Span(0, 5))
    got = placed(geocoder, text, {"مسرح تريانون": "LOC"}, byline)
    assert got["مسرح تريانون"] == ("Paris", "FR", "building")


def test_a_venue_without_any_city_is_not_placed(geocoder: Geocoder) -> None:
    assert placed(geocoder, "أقيم العرض في مسرح تريانون أمس", {"مسرح تريانون": "LOC"}) == {}


def test_a_venue_is_not_in_a_city_named_as_a_reference_point(geocoder: Geocoder) -> None:
    text = "وتظاهر المئات في مدينة الناصرية جنوب بغداد، في ساحة الحبوبي وسط المدينة."
    got = placed(geocoder, text, {"الناصرية": "LOC", "بغداد": "LOC", "ساحة الحبوبي": "LOC"})
    assert got["ساحة الحبوبي"] == ("Nasiriyah", "IQ", "building")  # not Baghdad, nor Medina ("وسط المدينة")


def test_the_word_city_alone_is_medina_only_in_a_saudi_article(geocoder: Geocoder) -> None:
    got = placed(geocoder, "وصل الحجاج السعوديون إلى مكة ثم المدينة", {"مكة": "LOC", "المدينة": "LOC"})
    assert got["المدينة"][1] == "SA"
    got = placed(geocoder, "قال مسؤول عراقي في الموصل إن المدينة هادئة", {"الموصل": "LOC", "المدينة": "LOC"})
    assert "المدينة" not in got


def test_a_venue_named_after_a_state_is_in_that_state(geocoder: Geocoder) -> None:
    text = "وصل الوفد إلى إسطنبول. وقالت أستاذة في جامعة إنديانا إن الزيارة مهمة."
    got = placed(geocoder, text, {"إسطنبول": "LOC", "جامعة إنديانا": "ORG"})
    assert got["جامعة إنديانا"] == ("Indiana", "US", "building")
