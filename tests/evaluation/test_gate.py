"""The quality gate's comparison, its refusal to lower floors, the README table, and a deliberate regression."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import ClassVar

import pytest

from khabar.evaluation.gate import (
    Baseline,
    Collected,
    Corpora,
    Status,
    UpdateRefused,
    collect,
    command,
    compare,
    failed,
    figure_names,
    raised,
    sources_of,
)
from khabar.evaluation.gate.table import END, START, readme_table, render, write_readme
from khabar.model import Document
from khabar.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]
SHA = {key: "a" * 64 for name in figure_names() for key in sources_of(name)}


def baseline(**floors: float) -> Baseline:
    return Baseline({k.replace("__", "/"): v for k, v in floors.items()}, dict(SHA))


def collected(**figures: float) -> Collected:
    return Collected({k.replace("__", "/"): v for k, v in figures.items()}, {}, dict(SHA))


def status(verdicts, name: str) -> Status:  # type: ignore[no-untyped-def]
    return next(v.status for v in verdicts if v.name == name)


def test_a_lowered_figure_fails_and_a_raised_one_passes() -> None:
    floors = baseline(dev__entities_f1=0.9186, dev__quotes_f1=0.9589, dev__events_f1=0.0)
    verdicts = compare(collected(dev__entities_f1=0.9123, dev__quotes_f1=0.9700, dev__events_f1=0.0), floors)
    assert status(verdicts, "dev/entities_f1") is Status.BELOW
    assert status(verdicts, "dev/quotes_f1") is Status.ROSE
    assert status(verdicts, "dev/events_f1") is Status.OK
    assert [v.name for v in failed(verdicts)] == ["dev/entities_f1"]


def test_float_noise_within_epsilon_passes() -> None:
    verdicts = compare(collected(dev__entities_f1=0.9186 - 0.0009), baseline(dev__entities_f1=0.9186))
    assert not failed(verdicts)


def test_a_figure_without_a_floor_or_a_floor_without_a_figure_fails() -> None:
    verdicts = compare(collected(dev__entities_f1=0.9), baseline(dev__quotes_f1=0.9))
    assert status(verdicts, "dev/entities_f1") is Status.NO_FLOOR
    assert status(verdicts, "dev/quotes_f1") is Status.NOT_COMPUTED
    assert len(failed(verdicts)) == 2


def test_absent_gold_skips_with_its_reason() -> None:
    figures = Collected({}, {"aqmar-test/ner_f1": "no aqmar_test.txt"}, {})
    verdicts = compare(figures, baseline(**{"aqmar-test__ner_f1": 0.5886}))
    assert not failed(verdicts)
    assert verdicts[0].status is Status.SKIPPED and "aqmar_test.txt" in verdicts[0].line()


def test_a_changed_gold_file_fails_the_figures_computed_from_it() -> None:
    figures = collected(dev__entities_f1=0.9186, **{"aqmar-test__ner_f1": 0.5886})
    figures.sources["shared/eval/dev/gold.jsonl"] = "b" * 64
    verdicts = compare(figures, baseline(dev__entities_f1=0.9186, **{"aqmar-test__ner_f1": 0.5886}))
    assert status(verdicts, "dev/entities_f1") is Status.GOLD_CHANGED
    assert status(verdicts, "aqmar-test/ner_f1") is Status.OK


def test_update_raises_floors_and_refuses_to_lower_one() -> None:
    floors = baseline(dev__entities_f1=0.9186, dev__quotes_f1=0.9589)
    updated, moved = raised(collected(dev__entities_f1=0.95, dev__quotes_f1=0.9589), floors)
    assert updated.floors == {"dev/entities_f1": 0.95, "dev/quotes_f1": 0.9589}
    assert [v.name for v in moved] == ["dev/entities_f1"]
    with pytest.raises(UpdateRefused, match="dev/quotes_f1"):
        raised(collected(dev__entities_f1=0.95, dev__quotes_f1=0.90), floors)


def test_update_takes_a_changed_gold_only_when_accepted() -> None:
    figures = collected(dev__entities_f1=0.80)
    figures.sources["shared/eval/dev/gold.jsonl"] = "b" * 64
    with pytest.raises(UpdateRefused, match="GOLD CHANGED"):
        raised(figures, baseline(dev__entities_f1=0.9186))
    updated, _ = raised(figures, baseline(dev__entities_f1=0.9186), accept_gold=True)
    assert updated.floors["dev/entities_f1"] == 0.80
    assert updated.sources["shared/eval/dev/gold.jsonl"] == "b" * 64


def _checkout(tmp_path: Path, floors: Baseline) -> Path:
    (tmp_path / "tests").mkdir()
    floors.save(tmp_path / command.BASELINE)
    (tmp_path / "README.md").write_text(f"# khabar\n\n{START}\nold\n{END}\n\nmore\n", encoding="utf-8")
    return tmp_path


def test_the_command_fails_on_a_fall_and_its_update_writes_nothing(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    root = _checkout(tmp_path, baseline(dev__entities_f1=0.9186))
    before = (root / command.BASELINE).read_text(encoding="utf-8")
    monkeypatch.setattr(command, "collect", lambda corpora: collected(dev__entities_f1=0.90))
    assert command.main(["--root", str(root)]) == command.EXIT_FAILED
    assert "dev/entities_f1" in capsys.readouterr().out
    assert command.main(["--root", str(root), "--update"]) == command.EXIT_FAILED
    assert "refusing to lower" in capsys.readouterr().err
    assert (root / command.BASELINE).read_text(encoding="utf-8") == before


def test_the_command_update_raises_the_floor_and_rewrites_the_readme(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    root = _checkout(tmp_path, baseline(dev__entities_f1=0.9186))
    monkeypatch.setattr(command, "collect", lambda corpora: collected(dev__entities_f1=0.95))
    assert command.main(["--root", str(root), "--json"]) == command.EXIT_PASSED
    assert json.loads(capsys.readouterr().out)["figures"][0]["status"] == "rose"
    assert command.main(["--root", str(root), "--update"]) == command.EXIT_PASSED
    assert "dev/entities_f1: 0.9186 -> 0.9500" in capsys.readouterr().out
    assert Baseline.load(root / command.BASELINE).floors == {"dev/entities_f1": 0.95}
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "| 0.950 |" in readme and readme.endswith(f"{END}\n\nmore\n")


def test_the_readme_table_is_the_baselines() -> None:
    floors = Baseline.load(REPO / command.BASELINE).floors
    assert readme_table(REPO / "README.md") == render(floors), (
        "README's quality table differs from tests/eval_baseline.json: run python -m khabar.evaluation.gate --update")


def test_write_readme_needs_its_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no table here\n", encoding="utf-8")
    with pytest.raises(Exception, match="markers"):
        write_readme(readme, {})


def test_every_figure_the_gate_computes_has_a_committed_floor() -> None:
    assert set(Baseline.load(REPO / command.BASELINE).floors) == set(figure_names())


@dataclasses.dataclass
class _Crippled:
    """A stage that runs another and then loses part of what it found (a deliberate regression)."""

    stage: object
    layer: str
    name: ClassVar[str] = "crippled"

    def __post_init__(self) -> None:
        self.requires = self.stage.requires  # type: ignore[attr-defined]
        self.provides = self.stage.provides  # type: ignore[attr-defined]

    def __call__(self, doc: Document) -> Document:
        out = self.stage(doc)  # type: ignore[operator]
        return dataclasses.replace(out, **{self.layer: getattr(out, self.layer)[::2]})


@pytest.mark.slow
def test_a_pipeline_with_a_crippled_stage_fails_the_gate(pipeline) -> None:  # type: ignore[no-untyped-def]
    corpora = Corpora.beside(REPO)
    if not corpora.has_eval():
        pytest.skip(f"no shared gold and scorers under {corpora.eval_dir}")
    stages = [_Crippled(s, "quotes") if "quotes" in s.provides else s for s in pipeline.stages]
    verdicts = compare(collect(corpora, Pipeline(stages)), Baseline.load(REPO / command.BASELINE))
    below = {v.name for v in verdicts if v.status is Status.BELOW}
    assert {"dev/quotes_f1", "dev2-tune/quotes_f1", "dev2-check/quotes_f1"} <= below
    assert "dev/entities_f1" not in below


def test_the_accurate_configuration_has_its_own_figures_from_the_same_gold() -> None:
    accurate = [name for name in figure_names() if name.startswith("accurate:")]
    assert {"accurate:dev2-check/entities_f1", "accurate:dev2-tune/attributed_f1", "accurate:anercorp-test/ner_f1",
            "accurate:aqmar-test/ner_f1"} <= set(accurate)
    for name in accurate:
        assert sources_of(name) == sources_of(name.removeprefix("accurate:"))
    table = render({"accurate:dev2-check/entities_f1": 0.81, "dev2-check/entities_f1": 0.79})
    assert "accurate configuration" in table and "| 0.810 |" in table and "| 0.790 |" in table
