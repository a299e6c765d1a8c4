"""The event finder's reading of words (``stages/events/context.py``)."""

from __future__ import annotations

import pytest

from khabar.stages.events.context import is_adjective


@pytest.mark.parametrize("word", ["الفرنسيه", "الاقتصاديه", "الجزائري", "الاوروبيين", "الدوليه"])
def test_relative_adjectives(word: str) -> None:
    assert is_adjective(word)


@pytest.mark.parametrize("word", ["المسؤوليه", "القضيه", "الولايه", "حمايه", "العمليات", "الاتفاقيات", "الحكومه"])
def test_nouns_in_iya_are_no_adjectives(word: str) -> None:
    assert not is_adjective(word)
