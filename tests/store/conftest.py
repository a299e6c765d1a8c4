"""Fixtures for archive tests: hand-built Documents with every layer, and an archive holding them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from khabar.store import Store, ingest, open_store


def load_samples() -> ModuleType:
    """The sample builders (test folders are not packages, so the module is loaded by path)."""
    spec = importlib.util.spec_from_file_location("khabar_archive_samples", Path(__file__).with_name("samples.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


samples = load_samples()


@pytest.fixture(scope="session")
def sample_documents() -> list:
    return samples.all_samples()


@pytest.fixture()
def archive(tmp_path: Path, sample_documents: list) -> Store:
    store = open_store(tmp_path / "archive.db", create=True)
    summary = ingest(store, sample_documents)
    assert summary.added == len(sample_documents)
    yield store
    store.close()
