"""khabar's C extensions are built: CI fails here, not in a parity test that skips itself, when one is missing."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SETUP = (REPO / "setup.py").read_text(encoding="utf-8")
EXTENSIONS = re.findall(r'Extension\("([\w.]+)"', SETUP)


def test_setup_builds_every_c_file_of_the_package() -> None:
    sources = {p.relative_to(REPO / "src").with_suffix("").as_posix().replace("/", ".") for p in (REPO / "src").rglob("*.c")}
    assert sources == set(EXTENSIONS)
    assert "optional=True" not in SETUP


@pytest.mark.parametrize("name", EXTENSIONS)
def test_the_extension_is_built_and_imports(name: str) -> None:
    try:
        importlib.import_module(name)
    except ImportError as error:
        pytest.fail(f"{name} is not built ({error}): run pip install -e . with a C compiler")
