"""Word lists as trie regexes (``khabar.stages.trie``): exactly the words, the longest first."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.trie import trie_pattern

letters = st.text(st.sampled_from("قالتبن ."), min_size=1, max_size=6)


@given(words=st.lists(letters, min_size=1, max_size=8), text=st.text(st.sampled_from("قالتبن ."), max_size=8))
def test_the_pattern_matches_the_longest_word_a_text_starts_with(words: list[str], text: str) -> None:
    pattern = re.compile(trie_pattern(words))
    assert all(pattern.fullmatch(word) for word in words)
    starts = [word for word in words if text.startswith(word)]
    found = pattern.match(text)
    assert (found.group() if found else None) == (max(starts, key=len) if starts else None)


def test_a_space_can_stand_for_any_run_of_white_space() -> None:
    pattern = re.compile(trie_pattern(["اول امس", "امس"], spaces=r"\s+"))
    assert pattern.fullmatch("اول  \nامس") and pattern.fullmatch("امس")
    assert not re.compile(trie_pattern(["اول امس"])).fullmatch("اول  امس")  # literal without ``spaces``
