"""The tree is the architecture: imports only point down the layers (import-linter contract in pyproject)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_import_layers_are_kept() -> None:
    lint = shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (it is in the dev dependency group)")
    result = subprocess.run([lint, "--config", str(REPO / "pyproject.toml")], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_model_imports_nothing_above_it() -> None:
    for path in (REPO / "src" / "khabar" / "model").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for layer in ("stages", "pipeline", "store", "interfaces", "training", "evaluation", "batch"):
            assert f"from khabar.{layer}" not in source and f"import khabar.{layer}" not in source, f"{path.name} imports {layer}"
