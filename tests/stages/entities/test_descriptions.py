"""Titles and descriptions linked to the person they stand for (``DescriptionLinker``): appositions give
the titles, a later description with the same head word in the same gender is linked, and a description
the article gives nobody stays unlinked. Constructed sentences in the style of Moroccan and Gulf outlets.
"""

from __future__ import annotations

import dataclasses

import pytest

from khabar.evaluation.quotes import gold_entities
from khabar.model import Document
from khabar.stages.entities.descriptions import DescriptionLinker
from khabar.stages.normalise import Normaliser
from khabar.stages.segment import Segmenter


@pytest.fixture(scope="module")
def roles_of():  # type: ignore[no-untyped-def]
    normaliser, segmenter, linker = Normaliser(), Segmenter(), DescriptionLinker()

    def run(text: str, *people: str) -> dict[str, list[str]]:
        doc = segmenter(normaliser(Document(id="t", text=text)))
        rows = [{"type": "PER", "name": name, "aliases": []} for name in people]
        doc = linker(dataclasses.replace(doc, entities=gold_entities(text, rows)))
        return {doc.text_of(e.canonical): [doc.text_of(r) for r in e.roles] for e in doc.entities}

    return run


def test_title_after_the_name_links_a_later_title(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = "استبعد سعد الدين العثماني، رئيس الحكومة، العودة إلى الحجر. وقال رئيس الحكومة إن الوضع مقلق."
    assert roles_of(text, "سعد الدين العثماني") == {"سعد الدين العثماني": ["رئيس الحكومة", "رئيس الحكومة"]}


def test_title_before_the_name_and_a_bare_head(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = "اعتبر الملك محمد السادس أن الوقت قد حان. وأكد الملك أن المشروع يتطلب إصلاحا."
    assert roles_of(text, "محمد السادس") == {"محمد السادس": ["الملك", "الملك"]}


def test_a_feminine_title_is_no_masculine_one(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = ("وقالت وزيرة العمل أندريا نالس إن الأعداد مقلقة، فيما قال وزير الاقتصاد زيغمار غابرييل إن النمو قوي. "
            "وأشادت الوزيرة الألمانية بالمبادرة.")
    roles = roles_of(text, "أندريا نالس", "زيغمار غابرييل")
    assert roles["أندريا نالس"] == ["وزيرة العمل", "الوزيرة الألمانية"]
    assert roles["زيغمار غابرييل"] == ["وزير الاقتصاد"]


def test_a_nationality_the_titles_lack_rules_a_person_out(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال سعد الدين العثماني، رئيس الحكومة المغربية، إن العلاقات جيدة. وأكد رئيس الحكومة الإسباني أن "
            "بلاده تدعم الحل السياسي، فيما قال رئيس الحكومة المغربية إن الزيارة ناجحة.")
    assert roles_of(text, "سعد الدين العثماني") == {"سعد الدين العثماني": ["رئيس الحكومة المغربية"] * 2}


def test_title_without_a_comma_belongs_to_the_name_it_runs_into(roles_of) -> None:  # type: ignore[no-untyped-def]
    # Gulf style: no commas around appositions
    text = ("استقبل وزير خارجية الإمارات الشيخ عبدالله بن زايد آل نهيان المبعوث الأممي إلى اليمن إسماعيل ولد "
            "الشيخ أحمد. من جانبه، قال المبعوث الأممي إن لدى الإمارات سمعة طيبة.")
    roles = roles_of(text, "عبدالله بن زايد آل نهيان", "إسماعيل ولد الشيخ أحمد")
    assert "المبعوث الأممي" not in roles["عبدالله بن زايد آل نهيان"]
    assert roles["إسماعيل ولد الشيخ أحمد"] == ["المبعوث الأممي إلى اليمن", "المبعوث الأممي"]


def test_office_given_by_a_relative_clause(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = "وقال محمد أمكراز، الذي يشغل منصب وزير الشغل، إن الدعم سيستمر. وأوضح وزير الشغل أن المراقبة ستتم."
    assert roles_of(text, "محمد أمكراز")["محمد أمكراز"] == ["وزير الشغل", "وزير الشغل"]


def test_a_title_no_one_holds_stays_unlinked(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = "وقال نزار بركة إن الحكومة أخطأت. وقال وزير الصحة إن الوضع تحت السيطرة."
    assert roles_of(text, "نزار بركة") == {"نزار بركة": []}


def test_verb_between_title_and_name_is_no_apposition(roles_of) -> None:  # type: ignore[no-untyped-def]
    text = "وأضاف أن وزير الخارجية الجزائري ذهب لزيارة حفتر في بنغازي."
    assert roles_of(text, "حفتر") == {"حفتر": []}
