"""Asides between a cue and its content (asides.py). Invented sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

QuotesOf = Callable[..., list[Any]]


def test_the_source_of_another_verb_in_an_aside(quotes_of: QuotesOf) -> None:
    text = "واعتبر سامي العلوي، يضيف البلاغ، أن الإصلاح ضروري."
    [quote] = quotes_of(text, ("PER", "سامي العلوي"))
    assert (quote.cue, quote.speaker, quote.content) == ("اعتبر", "سامي العلوي", "أن الإصلاح ضروري")


def test_asides_the_opener_steps_over(quotes_of: QuotesOf) -> None:
    text = "وأضاف المسؤول، الذي طلب عدم نشر اسمه، أن الطائرات ستنطلق من القاعدة."
    assert [(q.cue, q.content) for q in quotes_of(text)] == [("أضاف", "أن الطائرات ستنطلق من القاعدة")]
