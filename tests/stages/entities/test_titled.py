"""People the tagger missed, named after their title (``titled.py`` through ``DescriptionLinker``): a name
right after a title when it reads as one, a name in apposition between commas, and no name where the
title is followed by the verb's object. Sentences from unlabeled ANT articles (France 24, Sky News, Al
Arabiya, JawharaFM), the entities the tagger found given by hand.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from khabar.evaluation.quotes import gold_entities
from khabar.model import Document
from khabar.stages.entities.descriptions import DescriptionLinker
from khabar.stages.entities.titled import _occurrences
from khabar.stages.normalise import Normaliser
from khabar.stages.segment import Segmenter


@pytest.fixture(scope="module")
def people_of():  # type: ignore[no-untyped-def]
    normaliser, segmenter, linker = Normaliser(), Segmenter(), DescriptionLinker()

    def run(text: str, *known: tuple[str, str]) -> dict[str, list[str]]:
        """The people after the linker: canonical name -> the texts of its mentions."""
        doc = segmenter(normaliser(Document(id="t", text=text)))
        rows = [{"type": label, "name": name, "aliases": []} for label, name in known]
        doc = linker(dataclasses.replace(doc, entities=gold_entities(text, rows)))
        return {doc.text_of(e.canonical): [doc.text_of(m) for m in e.mentions] for e in doc.entities if e.label == "PER"}

    return run


def test_a_rare_name_after_a_title_and_its_surname_later(people_of) -> None:  # type: ignore[no-untyped-def]
    text = ("قالت وزيرة الاقتصاد الألمانية بريجيته تسيبريز اليوم الجمعة إن الرسوم ستمثل عبئا على الشركات. "
            "وقالت تسيبريز في بيان إن القرار لا يتفق مع القواعد.")
    assert people_of(text) == {"بريجيته تسيبريز": ["بريجيته تسيبريز", "تسيبريز"]}


def test_a_name_in_apposition_whatever_its_words(people_of) -> None:  # type: ignore[no-untyped-def]
    text = "وأعرب المدير الفني للأسيوطي، علي ماهر، عن سعادته بالفوز على الأهلي."
    assert people_of(text, ("ORG", "الأسيوطي"), ("ORG", "الأهلي")) == {"علي ماهر": ["علي ماهر"]}


def test_an_apposition_closed_by_the_complementiser(people_of) -> None:  # type: ignore[no-untyped-def]
    text = "من جهتها، قالت المندوبة الجهوية للتربية، سميرة خضر إن المندوبية لم تتلق أي وثيقة رسمية."
    assert people_of(text) == {"سميرة خضر": ["سميرة خضر"]}


def test_a_title_holding_a_body_and_a_place(people_of) -> None:  # type: ignore[no-untyped-def]
    text = ("وأعلن متحدث باسم هيئة الطيران المدنى فى إيران رضا جعفر زادة عن تشكيل لجنة أزمات. "
            "وقال جعفر زادة إن اللجنة تتابع الحادث.")
    found = people_of(text, ("ORG", "هيئة الطيران المدنى"), ("LOC", "إيران"))
    assert found == {"رضا جعفر زادة": ["رضا جعفر زادة", "زادة"]}


def test_a_later_title_points_to_the_person_found(people_of) -> None:  # type: ignore[no-untyped-def]
    text = ("قالت مفوضة التجارة في الاتحاد الأوروبي سيسيليا مالمستروم إن الاتحاد لا يمثل تهديدا. "
            "وأضافت المفوضة أن الرسوم غير مبررة.")
    doc = Segmenter()(Normaliser()(Document(id="t", text=text)))
    doc = dataclasses.replace(doc, entities=gold_entities(text, [{"type": "ORG", "name": "الاتحاد الأوروبي", "aliases": []}]))
    doc = DescriptionLinker()(doc)
    person = next(e for e in doc.entities if e.label == "PER")
    assert doc.text_of(person.canonical) == "سيسيليا مالمستروم"
    assert "المفوضة" in [doc.text_of(r) for r in person.roles]


def test_the_surname_the_tagger_found_alone_gets_the_full_name(people_of) -> None:  # type: ignore[no-untyped-def]
    text = ("وقالت وزيرة الاقتصاد الألمانية بريجيته تسيبريز إن الرسوم عبء. وأضافت تسيبريز أن بلادها سترد.")
    assert people_of(text, ("PER", "تسيبريز")) == {"بريجيته تسيبريز": ["بريجيته تسيبريز", "تسيبريز"]}


@pytest.mark.parametrize("text, known", [
    # the verb's object after an unnamed title
    ("أعلن وزير الصحة ارتفاع عدد الإصابات إلى 300 حالة.", ()),
    ("مدير عام منظمة الهجرة الدولية يزور مراكز احتجاز المهاجرين في ليبيا.", (("ORG", "منظمة الهجرة الدولية"),)),
    # a title in apposition to a named person, then the verb's object
    ("انتقد نزار بركة، الأمين العام لحزب الاستقلال، طريقة عمل الحكومة في التصدي للجائحة.",
     (("PER", "نزار بركة"), ("ORG", "حزب الاستقلال"))),
    # a verb, a pronoun or a common word in apposition
    ("وقال الأمناء إن العقد الممضى مع مستشار وزير البيئة، اتخذ جميع الإجراءات القانونية، كما أكد الوزير ذلك.", ()),
    ("إن حزب العدالة والتنمية الذي ينتمي إليه الرئيس، حصل على 48 بالمئة.", (("ORG", "حزب العدالة والتنمية"),)),
    ("وأكد رئيس الحكومة بالمناسبة أن الوضع مستقر.", ()),
])
def test_no_name_where_the_title_is_followed_by_something_else(people_of, text, known) -> None:  # type: ignore[no-untyped-def]
    found = people_of(text, *known)
    assert found == {name: mentions for name, mentions in found.items() if (("PER", name) in known)}


def test_a_person_named_in_full_gets_the_surname_alone(people_of) -> None:  # type: ignore[no-untyped-def]
    # France 24 (ANT), 2018; a surname that is also a month stays a date next to a number
    text = ("دعت رئيسة الوزراء البريطانية تيريزا ماي إلى اتفاق تجارة. إلا أن ماي أشارت إلى أن الاتفاقيات مختلفة. "
            "وتنتهي المهلة في 6 ماي 2019.")
    found = people_of(text, ("PER", "تيريزا ماي"))
    assert found == {"تيريزا ماي": ["تيريزا ماي", "ماي"]}


def test_a_chain_of_genitives_is_no_name(people_of) -> None:  # type: ignore[no-untyped-def]
    # Al Arabiya (ANT), 2018: "رئيس جمعية وكلاء الغاز في صنعاء محمد السعيدي"
    text = "واتهم رئيس جمعية وكلاء الغاز في صنعاء محمد السعيدي، من سمّاهم مافيا الغاز بتوريد الكميات."
    assert "وكلاء الغاز" not in people_of(text, ("PER", "محمد السعيدي"), ("LOC", "صنعاء"))


def test_no_name_from_a_noun_and_its_agreeing_adjective(people_of) -> None:  # type: ignore[no-untyped-def]
    # Sky News / Al Arabiya / France 24 (ANT), 2018: after a title, the verb's object with its adjective
    text = "وقال رئيس الوزراء العراقي إن تعطيل الموازنة سيلحق ضررا فادحا بمصالح الشعب."
    assert people_of(text) == {}
    text = "عمد رئيس تيار المستقبل إلى إقالة اسمين كبيرين في التيار."
    assert people_of(text, ("ORG", "تيار المستقبل")) == {}
    text = "وفي وقت لاحق، توجه الأمير مرتديا ثيابا غير رسمية إلى الشاطئ."
    assert people_of(text) == {}


def test_a_name_ending_like_a_plural_stays_a_name(people_of) -> None:  # type: ignore[no-untyped-def]
    text = "طلب الرئيس الإسرائيلي رؤوفين ريفلين، من الأمير الزائر أن ينقل رسالة سلام. وقال ريفلين إن الوقت حان."
    assert people_of(text) == {"رؤوفين ريفلين": ["رؤوفين ريفلين", "ريفلين"]}



def test_occurrences_find_what_the_whole_word_pattern_finds():
    """The search without a compiled pattern agrees with the pattern it replaces, on texts made of the
    letters that matter (proclitics, a name's letters, a non-letter) in every arrangement a seed gives."""
    rng = random.Random(7)
    for _ in range(3000):
        name = "".join(rng.choice("وبشل") for _ in range(rng.randint(1, 3)))
        text = "".join(rng.choice("وبشلف .x") for _ in range(rng.randint(0, 14)))
        pattern = re.compile(f"(?<![\u0621-\u064a])[وفبل]?({re.escape(name)})(?![\u0621-\u064a])")
        assert _occurrences(text, name) == [m.start(1) for m in pattern.finditer(text)], (text, name)


def test_a_name_the_news_repeats_daily_after_its_title(people_of) -> None:  # type: ignore[no-untyped-def]
    # "دونالد" and "ترامب" are too common in news to read as rare; the name gazetteer lists both
    text = "وتتواصل الجهود لعقد القمة مع الرئيس الأمريكي دونالد ترامب. وقال ترامب إنه متفائل."
    assert people_of(text) == {"دونالد ترامب": ["دونالد ترامب", "ترامب"]}
