"""Subjects written before the verb (preverbal.py). Invented sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

QuotesOf = Callable[..., list[Any]]


def test_kana_subject_qad_verb(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("وكان سامي العلوي قد أشار إلى أن المفاوضات متعثرة.", ("PER", "سامي العلوي"))
    assert quote.speaker == "سامي العلوي"


def test_amma_topic_fa_verb(quotes_of: QuotesOf) -> None:
    [quote] = quotes_of("أما الوزير سامي العلوي فقال إن الميزانية جاهزة.", ("PER", "سامي العلوي"))
    assert quote.speaker == "سامي العلوي"


def test_the_noun_before_a_relative_pronoun_speaks(quotes_of: QuotesOf) -> None:
    text = "والتقى الوفد بسلمى حداد التي أوضحت أن الحوار سيستأنف."
    [quote] = quotes_of(text, ("PER", "سلمى حداد"))
    assert quote.speaker == "سلمى حداد"


def test_one_of_a_group_before_the_verb_is_its_subject(quotes_of: QuotesOf) -> None:
    text = "وقال مدير المصنع إنها خسارة كبيرة. أحد عمال المصنع أخبر الشبكة بأن الآلات كانت قديمة."
    assert [q.speaker for q in quotes_of(text)] == ["مدير المصنع", "أحد عمال المصنع"]
