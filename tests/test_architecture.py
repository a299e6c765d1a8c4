"""The tree is the architecture: imports only point down the layers (import-linter contract in pyproject)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def lint_imports() -> str | None:
    """The ``lint-imports`` of this interpreter's environment (its scripts sit beside ``sys.executable``,
    also when that environment is not activated), else the one on PATH."""
    beside = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    return beside or shutil.which("lint-imports")


def test_import_layers_are_kept() -> None:
    lint = lint_imports()
    if lint is None:
        pytest.skip("import-linter is not installed (it is in the dev dependency group)")
    result = subprocess.run([lint, "--config", str(REPO / "pyproject.toml")], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_model_imports_nothing_above_it() -> None:
    for path in (REPO / "src" / "khabar" / "model").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for layer in ("stages", "pipeline", "store", "interfaces", "training", "evaluation", "batch"):
            assert f"from khabar.{layer}" not in source and f"import khabar.{layer}" not in source, f"{path.name} imports {layer}"


def test_lint_imports_is_found_beside_the_interpreter_without_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A venv's python run by its full path, not activated (as CI may), still checks the layers."""
    beside = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if beside is None:
        pytest.skip("import-linter is not installed in this interpreter's environment")
    monkeypatch.setenv("PATH", "")
    assert lint_imports() == beside
