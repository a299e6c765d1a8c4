"""Implied speakers (resolve.py): a participle goes on with the named subject of the verb opening its sentence.

Invented sentences; entities are given the way the entity stage would find them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

QuotesOf = Callable[..., list[Any]]


def test_a_participle_takes_the_subject_of_any_opening_verb_not_the_nearest_person(quotes_of: QuotesOf) -> None:
    text = ("(CNN)-- ألقى سامي العلوي، نائب الرئيس كمال الدين، خطابا طويلا حول الاقتصاد، "
            "مشيرا إلى أن النمو تباطأ.")
    [quote] = quotes_of(text, ("PER", "سامي العلوي"), ("PER", "كمال الدين"), ("ORG", "CNN"))
    assert quote.cue == "مشيرا" and quote.speaker == "سامي العلوي"


def test_an_unnamed_source_opening_the_sentence_goes_on(quotes_of: QuotesOf) -> None:
    text = "كشف مصدر مطلع تفاصيل اللقاء الذي جمع الوزير سامي العلوي بنظيره كمال الدين، قائلا إنه كان متوترا."
    [quote] = quotes_of(text, ("PER", "سامي العلوي"), ("PER", "كمال الدين"))
    assert quote.speaker == "مصدر مطلع"


def test_a_definite_body_opening_the_sentence_yields_to_the_person_it_speaks_through(quotes_of: QuotesOf) -> None:
    text = "ونفت السلطات، على لسان وزير الطاقة سامي العلوي، إلغاء المشروع، مؤكدا أن الحكومة ملتزمة به."
    quotes = quotes_of(text, ("PER", "سامي العلوي"))
    assert [q.speaker for q in quotes if q.cue == "مؤكدا"] == ["سامي العلوي"]


def test_in_it_after_a_verb_outside_a_relative_clause_is_no_subject_marker(quotes_of: QuotesOf) -> None:
    text = "وانتشرت تغريدة من والد الطالبة اتهم فيها الجامعة بالإهمال."
    assert all(q.speaker != "الجامعة" for q in quotes_of(text))


def test_a_verb_opening_its_sentence_goes_on_with_the_body_named_in_the_sentence_before(quotes_of: QuotesOf) -> None:
    text = ("وأعلن سامي العلوي أن المفتشين وصلوا إلى المدينة. وأبدت وزارة الخارجية الفرنسية الثلاثاء تخوفها. "
            "وقالت إن الأدلة قد تختفي.")
    quotes = quotes_of(text, ("PER", "سامي العلوي"), ("ORG", "وزارة الخارجية الفرنسية"))
    assert [q.speaker for q in quotes if q.cue == "قالت"] == ["وزارة الخارجية الفرنسية"]


def test_a_body_that_disagrees_with_the_verb_is_not_the_one_who_goes_on(quotes_of: QuotesOf) -> None:
    text = "وقال سامي العلوي إن المفتشين وصلوا. وأبدت وزارة الخارجية تخوفها. وقال إن الأدلة قد تختفي."
    quotes = quotes_of(text, ("PER", "سامي العلوي"), ("ORG", "وزارة الخارجية"))
    assert [q.speaker for q in quotes if q.content.startswith("إن الأدلة")] == ["سامي العلوي"]


def test_a_titled_subject_after_a_particle_opens_the_sentence_before(quotes_of: QuotesOf) -> None:
    text = ("فقد ندد رئيس المجلس سامي العلوي علنا بقرار الحكومة. "
            'وقال في بيان "أخالف القرار وأخشى عواقبه".')
    quotes = quotes_of(text, ("PER", "سامي العلوي"))
    assert [q.speaker for q in quotes if q.cue == "قال"] == ["سامي العلوي"]


def test_a_participle_after_a_titled_subject_who_attacks_someone(quotes_of: QuotesOf) -> None:
    text = "هاجم البرلماني سامي العلوي الرئيس السابق كمال الدين، قائلا إنه خذل البلاد."
    [quote] = quotes_of(text, ("PER", "سامي العلوي"), ("PER", "كمال الدين"))
    assert quote.speaker == "سامي العلوي"
