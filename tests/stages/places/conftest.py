"""The geocoder shared by the places tests (its gazetteer is loaded once a session)."""

from __future__ import annotations

import pytest

from khabar.stages.places import Geocoder


@pytest.fixture(scope="session")
def geocoder() -> Geocoder:
    return Geocoder()
