"""Fixtures for the API, CLI and web tests: an archive of hand-built Documents and a client for it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from khabar.pipeline import Pipeline, core_stages
from khabar.store import ingest, open_store


def load_samples() -> ModuleType:
    """The sample builders shared with tests/store (test folders are not packages: load by path)."""
    path = Path(__file__).resolve().parents[1] / "store" / "samples.py"
    spec = importlib.util.spec_from_file_location("khabar_archive_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


samples = load_samples()


@pytest.fixture(scope="session")
def sample_builders() -> ModuleType:
    """tests/store/samples.py: the seed with every layer, and small oddities."""
    return samples


def core_pipeline() -> Pipeline:
    return Pipeline(core_stages())


def sample_archive(path: Path) -> Path:
    """An archive at ``path`` holding the sample Documents."""
    with open_store(path, create=True) as store:
        ingest(store, samples.all_samples())
    return path


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive shared by the tests that only read it."""
    return sample_archive(tmp_path_factory.mktemp("archive") / "khabar.db")


@pytest.fixture()
def annotated_db(tmp_path: Path) -> Path:
    """A sample archive of this test's own, for the tests that change it (merges, splits, ingests)."""
    return sample_archive(tmp_path / "annotated.db")


@pytest.fixture(scope="session")
def client(archive_path: Path):  # type: ignore[no-untyped-def]
    """A TestClient over the sample archive (skipped without the api extra)."""
    pytest.importorskip("fastapi", reason="the api extra (fastapi) is not installed")
    from fastapi.testclient import TestClient

    from khabar.interfaces.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=archive_path, max_body_bytes=20_000), pipeline_factory=core_pipeline)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
