"""RecentCache: bounded, and what is in use survives the turn-over of generations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.segment.cache import RecentCache


def test_a_key_in_use_survives_many_turn_overs() -> None:
    cache: RecentCache[str, int] = RecentCache(limit=3)
    cache.put("the", 1)
    for number in range(100):
        cache.put(f"rare{number}", number)
        assert cache.get("the") == 1  # used all along: moved back into the current generation
    assert cache.get("rare0") is None  # not used since: forgotten


@given(st.lists(st.tuples(st.integers(0, 30), st.booleans()), max_size=300), st.integers(1, 8))
def test_bounded_and_never_wrong(operations: list[tuple[int, bool]], limit: int) -> None:
    cache: RecentCache[int, int] = RecentCache(limit)
    for key, write in operations:
        if write:
            cache.put(key, key * 7)
        else:
            assert cache.get(key) in (None, key * 7)
        assert len(cache) <= 2 * limit


def test_a_cache_needs_room() -> None:
    with pytest.raises(ValueError, match="at least one entry"):
        RecentCache(0)
