"""Fixtures for archive tests: hand-built Documents with every layer, and an archive holding them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from khabar.store import Store, ingest, open_store


@pytest.fixture(scope="session")
def sample_documents(sample_builders: ModuleType) -> list:
    return sample_builders.all_samples()


@pytest.fixture()
def archive(tmp_path: Path, sample_documents: list) -> Store:
    store = open_store(tmp_path / "archive.db", create=True)
    summary = ingest(store, sample_documents)
    assert summary.added == len(sample_documents)
    yield store
    store.close()
