"""The place mention finder: gazetteer names in place-like contexts become LOC mentions; common words do not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.model import Document
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.entities.mentions import Mention
from khabar.stages.entities.rules import token_stems
from khabar.stages.entities.stage import tokens_by_sentence
from khabar.stages.places.gazetteer import load_common_names, load_gazetteer
from khabar.stages.places.mentions import PlaceMentionFinder, finder_common_names

PREPARE = Pipeline(core_stages())


@pytest.fixture(scope="module")
def finder() -> PlaceMentionFinder:
    return PlaceMentionFinder.load()


def found(finder: PlaceMentionFinder, text: str, taken: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The texts of the finder's mentions; ``taken``: (name, label) mentions other sources already made."""
    doc = PREPARE(Document(id="t", text=text))
    sentences = tokens_by_sentence(doc.sentences, doc.tokens)
    others = [Mention(text.index(name), text.index(name) + len(name), label) for name, label in taken]
    mentions = finder.find(text, sentences, token_stems(text, sentences), others)
    return [text[m.start : m.end] for m in mentions]


def test_a_designator_makes_any_name_a_place(finder: PlaceMentionFinder) -> None:
    assert found(finder, "افتتحت قنصليات عامة بمدينتي العيون والداخلة") == ["العيون", "الداخلة"]
    assert "الجديدة" in found(finder, "وصل الوفد إلى مدينة الجديدة صباحا")


def test_a_locative_makes_a_name_that_is_no_common_word_a_place(finder: PlaceMentionFinder) -> None:
    assert found(finder, "وأقيم اللقاء في سلا مساء الجمعة") == ["سلا"]
    assert found(finder, "انتقل اللاجئون إلى تندوف") == ["تندوف"]
    assert found(finder, "أول منتج للسيارات في القارة الإفريقية") == ["القارة الإفريقية"]


def test_common_words_need_a_designator(finder: PlaceMentionFinder) -> None:
    assert found(finder, "وصادقت الحكومة الجديدة على القانون") == []
    assert found(finder, "رأيت الدموع في العيون") == []
    assert found(finder, "قال إنه بقي خارج النشاط من دون أن يتحرك") == []


def test_a_coordination_with_a_place(finder: PlaceMentionFinder) -> None:
    text = "لمنافسة الأندية في قطر والسعودية والإمارات"
    assert found(finder, text, (("قطر", "LOC"),)) == ["السعودية", "الإمارات"]


def test_a_nationality_adjective_is_no_country(finder: PlaceMentionFinder) -> None:
    assert found(finder, "أكد الأمين العام للجنة الرقابة على المنشطات السعودية أن الفحوص ثلاثة") == []


def test_a_town_without_any_cue_only_in_a_country_the_article_names(finder: PlaceMentionFinder) -> None:
    assert found(finder, "وجرت مفاوضات سلا بين الطرفين") == []
    assert found(finder, "وجرت في المغرب مفاوضات سلا بين الطرفين", (("المغرب", "LOC"),)) == ["سلا"]
    assert found(finder, "وقال الوزير في المغرب إن الجديدة تنتظر", (("المغرب", "LOC"),)) == []  # a common word


def test_the_head_of_a_longer_name_is_left_alone(finder: PlaceMentionFinder) -> None:
    assert found(finder, "قال مدير الشركة في وادي السيليكون إن المشروع انطلق") == []


def test_a_name_joined_by_a_hyphen_is_one_name(finder: PlaceMentionFinder) -> None:
    assert found(finder, "وزار الوزير جهة سوس-ماسة أمس") == ["سوس-ماسة"]
    assert found(finder, "قال رئيس جهة وادي الذهب إن المشروع انطلق") == ["وادي الذهب"]


def test_what_others_found_is_left_to_them(finder: PlaceMentionFinder) -> None:
    text = "وزار الوفد جامعة القاهرة في الصباح"
    assert found(finder, text, (("جامعة القاهرة", "ORG"),)) == []


def test_a_building_word_and_the_name_after_it_make_a_venue(finder: PlaceMentionFinder) -> None:
    text = "وأقيم الحفل على خشبة مسرح محمد الخامس بالرباط"
    assert "مسرح محمد الخامس" in found(finder, text, (("محمد الخامس", "PER"), ("الرباط", "LOC")))


def test_a_district_or_airport_named_after_a_person_or_thing_is_a_place(finder: PlaceMentionFinder) -> None:
    text = "واندلعت مواجهات في حي الحسن الثاني بمدينة فاس"
    assert "حي الحسن الثاني" in found(finder, text, (("الحسن الثاني", "PER"),))
    text = "وهبطت الطائرة في مطار شيريميتيفو قرب موسكو"
    assert "مطار شيريميتيفو" in found(finder, text, (("شيريميتيفو", "MISC"),))
    text = "ووصلت السفينة إلى ميناء الحديدة أمس"  # a town after a feature word stays the town
    assert found(finder, text, (("الحديدة", "LOC"),)) == []


def test_a_short_name_is_a_place_where_the_article_says_which(finder: PlaceMentionFinder) -> None:
    assert found(finder, "وقالت جبهة البوليساريو إن الوضع في الصحراء يتدهور") == ["الصحراء"]
    assert found(finder, "وأكد الوزير موقف بلاده من قضية الصحراء") == ["الصحراء"]
    assert found(finder, "وضل الرحالة طريقه في الصحراء ليلة كاملة") == []
    assert "الصحراء" not in found(finder, "وقالت البوليساريو إن المهاجرين من إفريقيا جنوب الصحراء يعبرون")
    assert found(finder, "وقالت البوليساريو إن الرحالة عبروا الصحراء الجزائرية") == []


def test_a_country_spelt_another_way_after_a_country_s_designator(finder: PlaceMentionFinder) -> None:
    assert found(finder, "واعترفت دولة الأوروغواي بالقرار") == ["الأوروغواي"]
    assert found(finder, "وهي دولة ليست عضوا في الاتحاد") == []


def test_the_whole_stage_tags_the_names(finder: PlaceMentionFinder) -> None:
    from khabar.pipeline import default_pipeline

    doc = default_pipeline()(Document(id="t", text="افتتحت المملكة قنصليات بمدينتي العيون والداخلة"))
    names = {(e.label, doc.text_of(e.canonical)) for e in doc.entities}
    assert {("LOC", "العيون"), ("LOC", "الداخلة")} <= names
    assert {p.name for p in doc.places} >= {"Laayoune", "Dakhla"}


def test_names_of_several_words_of_a_region_are_never_common() -> None:
    gazetteer = load_gazetteer()
    common = finder_common_names(gazetteer, {"القاره الافريقيه": 0.0, "الجديده": 0.0, "المملكه": 0.03})
    assert common == {"الجديده", "المملكه"}
    assert "الجديده" in load_common_names()


@settings(max_examples=40, deadline=None)
@given(st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىة«»،.\n"), max_size=120))
def test_mentions_are_whole_words_inside_the_text(finder: PlaceMentionFinder, text: str) -> None:
    doc = PREPARE(Document(id="t", text=text)) if text.strip() else None
    if doc is None:
        return
    sentences = tokens_by_sentence(doc.sentences, doc.tokens)
    for mention in finder.find(text, sentences, token_stems(text, sentences), []):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.label == "LOC"
