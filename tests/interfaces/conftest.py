"""Fixtures for the API, CLI and web tests: an archive of hand-built Documents and a client for it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from khabar.pipeline import Pipeline, core_stages
from khabar.store import ingest, open_store


def core_pipeline() -> Pipeline:
    return Pipeline(core_stages())


def sample_archive(path: Path, samples: ModuleType) -> Path:
    """An archive at ``path`` holding the sample Documents (``sample_builders``)."""
    with open_store(path, create=True) as store:
        ingest(store, samples.all_samples())
    return path


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory: pytest.TempPathFactory, sample_builders: ModuleType) -> Path:
    """The sample archive shared by the tests that only read it."""
    return sample_archive(tmp_path_factory.mktemp("archive") / "khabar.db", sample_builders)


@pytest.fixture()
def annotated_db(tmp_path: Path, sample_builders: ModuleType) -> Path:
    """A sample archive of this test's own, for the tests that change it (merges, splits, ingests)."""
    return sample_archive(tmp_path / "annotated.db", sample_builders)


@pytest.fixture(scope="session")
def client(archive_path: Path):  # type: ignore[no-untyped-def]
    """A TestClient over the sample archive (skipped without the api extra)."""
    pytest.importorskip("fastapi", reason="the api extra (fastapi) is not installed")
    from fastapi.testclient import TestClient

    from khabar.interfaces.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=archive_path, max_body_bytes=20_000), pipeline_factory=core_pipeline)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server() -> Callable[[Any], AbstractContextManager[int]]:
    """``with live_server(app) as port``: ``app`` served by uvicorn on a free local port in a thread, for what
    TestClient cannot do (a false Content-Length, a browser). Skipped without the api extra."""
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn (the api extra) is not installed")

    @contextmanager
    def serve(app: Any) -> Iterator[int]:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the test server did not start"
        try:
            yield port
        finally:
            server.should_exit = True
            thread.join(timeout=10)

    return serve
