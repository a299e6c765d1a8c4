"""Fixtures of the entity stage's tests."""

from __future__ import annotations

import pytest

from khabar.stages.entities.rules import EntityRules, load_rules


@pytest.fixture(scope="session")
def rules() -> EntityRules:
    """The shipped entity rules (names, heads, titles ...), loaded once."""
    return load_rules()
