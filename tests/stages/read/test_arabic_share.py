"""The Arabic share of a text's letters: the numpy count agrees with the plain definition on any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.read.decode import arabic_share

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
LETTER = re.compile(r"[^\W\d_]")


def by_definition(text: str) -> float:
    letters = len(LETTER.findall(text))
    return len(ARABIC_LETTER.findall(text)) / letters if letters else 0.0


MIXED = st.text(st.one_of(st.characters(), st.sampled_from("قالـًٌ٣،؟ abcXYZ_9ﻻ\u06d4\u0670𝐀")))


@given(MIXED)
def test_share_matches_the_definition(text: str) -> None:
    assert arabic_share(text) == by_definition(text)


def test_edges() -> None:
    assert arabic_share("") == 0.0 and arabic_share("123 ،") == 0.0
    assert arabic_share("قال Trump") == 0.375 and arabic_share("ـــ") == 1.0
