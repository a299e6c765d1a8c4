"""Fixtures shared by every test: where the shared data lives, the sample article, a pipeline."""

from __future__ import annotations

import gc
import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "seed.txt"


def shared_data_dir() -> Path:
    """The shared corpora: ``$KHABAR_DATA`` or ``<repo>/../shared/data``."""
    return Path(os.environ.get("KHABAR_DATA", REPO.parent / "shared" / "data"))


def shared_eval_dir() -> Path:
    """The shared dev gold: ``$KHABAR_EVAL`` or ``<repo>/../shared/eval``."""
    return Path(os.environ.get("KHABAR_EVAL", REPO.parent / "shared" / "eval"))


@pytest.fixture(autouse=True)
def _collector_as_it_was() -> Iterator[None]:
    """Commands run in-process (``khabar analyze``) settle the garbage collector; undo it after each test."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*/expected.json; read the diff")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set KHABAR_DATA to run corpus-backed tests)")
    return path


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    path = shared_eval_dir()
    if not (path / "dev" / "gold.jsonl").is_file():
        pytest.skip(f"dev gold not found under {path} (set KHABAR_EVAL to run gold-backed tests)")
    return path


@pytest.fixture(scope="session")
def dev_gold(eval_dir: Path) -> dict[str, dict]:
    """The dev gold articles by id."""
    lines = (eval_dir / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {g["id"]: g for g in map(json.loads, filter(None, lines))}


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """khabar's default pipeline, built once per test session (models load once)."""
    from khabar.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture()
def runner():  # type: ignore[no-untyped-def]
    """A Typer CliRunner for the commands (tests/interfaces, tests/batch)."""
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="session")
def sample_builders() -> ModuleType:
    """tests/store/samples.py, hand-built Documents with every layer (the seed) and small oddities, for the
    store, API, CLI, web and batch tests (test folders are not packages: the module is loaded by path)."""
    spec = importlib.util.spec_from_file_location("khabar_archive_samples", REPO / "tests" / "store" / "samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
