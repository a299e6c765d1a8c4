"""``--ner fast|accurate|PATH``: the NER model of the commands that run the pipeline, chosen as spaCy's models are."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khabar.interfaces.cli import app, common
from khabar.pipeline import default_pipeline, pipeline_factory
from khabar.stages.entities import neural
from khabar.stages.entities.tagger import NerTagger, shipped_model_dir

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"


@pytest.fixture()
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The taggers the commands' pipelines were built with (the real pipeline is built)."""
    seen: list[dict[str, Any]] = []

    def recording(**options: Any) -> Any:
        pipeline = default_pipeline(**options)
        tagger = next(stage.tagger for stage in pipeline.stages if hasattr(stage, "tagger"))
        seen.append({"ner_model": options.get("ner_model"), "tagger": tagger})
        return pipeline

    monkeypatch.setattr(common, "default_pipeline", recording)
    return seen


def _analyze(runner: CliRunner, *options: str) -> Any:
    return runner.invoke(app, ["analyze", "-f", "jsonl", "--no-tokens", *options, str(SEED)])


def test_the_default_is_the_fast_crf(runner: CliRunner, chosen: list[dict[str, Any]]) -> None:
    result = _analyze(runner)
    assert result.exit_code == 0, result.output
    assert isinstance(chosen[-1]["tagger"], NerTagger) and json.loads(result.stdout)["entities"]
    assert _analyze(runner, "--ner", "fast").stdout == result.stdout


def test_accurate_is_the_neural_tagger(runner: CliRunner, chosen: list[dict[str, Any]]) -> None:
    result = _analyze(runner, "--ner", "accurate")
    assert result.exit_code == 0, result.output
    assert chosen[-1]["ner_model"] == "accurate" and isinstance(chosen[-1]["tagger"], neural.NeuralTagger)
    assert json.loads(result.stdout)["entities"]


def test_a_model_folder_is_loaded_from_its_path(runner: CliRunner, chosen: list[dict[str, Any]]) -> None:
    folder = shipped_model_dir("accurate")
    result = _analyze(runner, "--ner", str(folder))
    assert result.exit_code == 0, result.output
    assert chosen[-1]["ner_model"] == folder and isinstance(chosen[-1]["tagger"], neural.NeuralTagger)


@pytest.mark.parametrize("command", [["analyze", "-f", "jsonl"], ["render"], ["ingest", "new.db"],
                                     ["batch", "--out", "out"]])
def test_an_unknown_name_is_a_usage_error_in_one_line(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*command, "--ner", "large", str(SEED)])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("khabar: --ner: unknown NER model 'large'") and "fast, accurate" in line
    assert "Traceback" not in result.output and not result.stdout
    assert not (tmp_path / "new.db").exists()  # nothing created before the model was checked


def test_a_folder_without_a_model_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = _analyze(runner, "--ner", str(tmp_path))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("khabar: --ner: NER model not found") and "model.json" in line


def test_serve_checks_the_model_before_serving(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", str(tmp_path / "a.db"), "--ner", "large"])
    assert result.exit_code == 2 and "unknown NER model 'large'" in result.stderr


def test_the_batch_factory_goes_to_workers() -> None:
    assert pipeline_factory("fast") is default_pipeline
    factory = pickle.loads(pickle.dumps(pipeline_factory("accurate")))
    assert factory.keywords == {"ner_model": "accurate"}


def test_train_ner_names_the_kinds_and_where_each_goes(runner: CliRunner, tmp_path: Path) -> None:
    help_text = runner.invoke(app, ["train", "ner", "--help"]).stdout
    assert "ner_accurate" in help_text and "--kind" in help_text
    bad = runner.invoke(app, ["train", "ner", "--kind", "magic", "--data", str(tmp_path)])
    assert bad.exit_code == 2 and "--kind 'magic'" in bad.stderr and "Traceback" not in bad.output


def test_train_clusters_asks_for_its_data_before_its_library(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "clusters", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "the ANT news corpus" in result.stderr and "--data" in result.stderr


def test_the_api_analyses_with_the_model_serve_was_given() -> None:
    pytest.importorskip("fastapi", reason="the api extra (fastapi) is not installed")
    from fastapi.testclient import TestClient

    from khabar.interfaces.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=None), pipeline_factory=pipeline_factory("accurate"))
    with TestClient(app) as api:
        answer = api.post("/analyze", content=SEED.read_bytes(), headers={"Content-Type": "text/plain; charset=utf-8"})
        tagger = next(stage.tagger for stage in app.state.pipelines.get().stages if hasattr(stage, "tagger"))
    assert answer.status_code == 200 and answer.json()["entities"]
    assert isinstance(tagger, neural.NeuralTagger)
