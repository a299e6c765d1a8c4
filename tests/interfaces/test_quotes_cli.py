"""``khabar quotes FILE...`` (who said what, for people) and ``khabar eval quotes``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from khabar.interfaces.cli import app

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"


def test_who_said_what_table() -> None:
    result = CliRunner().invoke(app, ["quotes", str(SEED)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Who said what" in result.stdout
    for name in ("لو دريان", "كارتر", "هولاند"):
        assert name in result.stdout
    assert "من أن داعش أثناء التقهقر" in result.stdout


def test_a_missing_file_is_reported_and_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["quotes", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1 and "not_found" in result.stderr and "Traceback" not in result.output


def test_commands_have_help() -> None:
    runner = CliRunner()
    assert "Who said what" in runner.invoke(app, ["quotes", "--help"]).stdout
    assert "precision" in runner.invoke(app, ["eval", "quotes", "--help"]).stdout


def test_eval_quotes_prints_scores(eval_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    gold = eval_dir / "dev" / "gold.jsonl"
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(gold), "--gold-entities", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("quotes ") and "attributed_quotes" in result.stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7


def test_eval_quotes_without_gold_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "needs the gold articles" in result.stderr and "--gold PATH" in result.stderr
