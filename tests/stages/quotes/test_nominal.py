"""Headlines "X: ..." (nominal.py): who may speak before the colon. Invented headlines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

QuotesOf = Callable[..., list[Any]]


def test_a_place_that_speaks_as_we_is_a_headline_speaker(quotes_of: QuotesOf) -> None:
    text = "الأردن: أغلقنا الحدود لحماية أمننا\nقالت وزيرة الإعلام إن بلادها أغلقت الحدود."
    quotes = quotes_of(text, ("LOC", "الأردن"))
    assert [(q.cue, q.speaker) for q in quotes if q.cue == ":"] == [(":", "الأردن")]


def test_a_place_naming_the_topic_is_no_headline_speaker(quotes_of: QuotesOf) -> None:
    text = "العراق: مصرع متظاهر أمام مقر منظمة في الديوانية\nقال مصدر طبي إن متظاهرا قتل الجمعة."
    assert [q.cue for q in quotes_of(text, ("LOC", "العراق"))] == ["قال"]


def test_a_case_named_before_the_colon_is_a_topic(quotes_of: QuotesOf) -> None:
    text = "قضية سامي العلوي: ردود فعل غاضبة بعد وفاته\nقال محاميه إن التحقيق متواصل."
    assert [q.cue for q in quotes_of(text, ("PER", "سامي العلوي"))] == ["قال"]


def test_an_embassy_speaks_in_a_headline(quotes_of: QuotesOf) -> None:
    text = "السفارة السعودية في واشنطن: نقدر التريث في القضية\nقالت السفارة إنها تتابع التحقيق."
    quotes = quotes_of(text, ("LOC", "واشنطن"))
    assert [q.speaker for q in quotes if q.cue == ":"] == ["السفارة السعودية"]


def test_a_headline_title_is_the_person_the_body_names_with_it(quotes_of: QuotesOf) -> None:
    text = ("العاهل الأردني: مشروع القانون جدلي ونحن أمام مفترق طرق\n"
            "أكد العاهل الأردني، الملك سامي العلوي، أن الأردن أمام مفترق طرق.")
    quotes = quotes_of(text, ("PER", "سامي العلوي"))
    assert [(q.cue, q.speaker) for q in quotes] == [(":", "سامي العلوي"), ("أكد", "سامي العلوي")]


def test_kama_yuda_with_its_alif_maqsura_is_as_he_is_called(quotes_of: QuotesOf) -> None:
    assert quotes_of('وحضر "الساحر" كما يدعى مدربا للمنتخب في بطولة 2002.') == []


def test_kama_yaqul_names_who_said_the_clause(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("والوضع مستقر كما يقول الوزير.")
    assert quote.speaker == "الوزير" and quote.content == "الوضع مستقر"
