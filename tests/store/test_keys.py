"""The archive's match keys."""

from __future__ import annotations

from khabar.store.keys import content_hash


def test_content_hash_takes_any_string() -> None:
    """A Document built by a caller may hold a lone surrogate (the reader replaces them): no UnicodeEncodeError."""
    assert content_hash("قال \ud800") != content_hash("قال \ufffd")
