"""The command line: output formats, exit codes, one-line reasons for rejected inputs, help everywhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from typer.main import get_command
from typer.testing import CliRunner

from khabar.interfaces.cli import app

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"


def test_analyze_jsonl(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "--format", "jsonl", str(SEED)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    doc = json.loads(line)
    assert doc["id"] == "seed" and doc["text"] == SEED.read_text(encoding="utf-8")
    assert {"entities", "quotes", "sentences", "tokens", "byline"} <= doc.keys()


def test_analyze_json_is_one_array(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-f", "json", "--no-tokens", str(SEED), str(SEED)])
    docs = json.loads(result.stdout)
    assert result.exit_code == 0 and len(docs) == 2 and "tokens" not in docs[0]


def test_analyze_pretty_is_for_people(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", str(SEED)])
    assert result.exit_code == 0
    assert "المغرب اليوم" in result.stdout and "sentences" in result.stdout and "{" not in result.stdout[:50]


def test_analyze_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-f", "jsonl", "--id", "piped", "-"], input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "piped"


def test_rejected_inputs_give_one_line_each_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "english.txt").write_text("Hello world, nothing Arabic here.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    args = [str(tmp_path / n) for n in ("empty.txt", "english.txt", "image.png", "missing.txt")]
    result = runner.invoke(app, ["analyze", "-f", "jsonl", *args, str(tmp_path), str(SEED)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # the seed still came out
    errors = result.stderr.splitlines()
    assert len(errors) == 5
    for reason, line in zip(("empty", "not_arabic", "binary", "not_found", "is_directory"), errors, strict=True):
        assert line.startswith("khabar: rejected ") and f": {reason}" in line
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["analyze", "--id", "x", str(SEED), str(SEED)]).exit_code == 2
    assert runner.invoke(app, ["analyze", "--format", "xml", str(SEED)]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


def _commands(command: Any, prefix: str = "khabar") -> list[tuple[str, Any]]:
    found = [(prefix, command)]
    if hasattr(command, "commands"):  # typer may bring its own click; duck-type the group
        for name, sub in command.commands.items():
            found += _commands(sub, f"{prefix} {name}")
    return found


def test_every_command_has_help_and_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    docs = readme + "".join(p.read_text(encoding="utf-8") for p in (REPO / "docs").glob("*.md")) if (REPO / "docs").is_dir() else readme
    for name, command in _commands(get_command(app)):
        assert (command.help or "").strip(), f"{name} has no help text"
        if name != "khabar":
            assert f"`{name}" in docs, f"{name} is not documented in README.md or docs/"


def test_the_console_script_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "khabar", "analyze", "-f", "jsonl", str(SEED)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_independent_scorer_accepts_the_output(runner: CliRunner, eval_dir: Path, tmp_path: Path) -> None:
    texts = sorted((eval_dir / "dev" / "texts").glob("*.txt"))
    result = runner.invoke(app, ["analyze", "-f", "jsonl", "--no-tokens", *map(str, texts)])
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(eval_dir / "dev" / "gold.jsonl"), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    report = json.loads(scored.stdout)
    assert report["documents"] == 7 and report["missing"] == []


def test_published_date_resolves_relative_dates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-f", "jsonl", "--no-tokens", "--published", "2016-10-26", str(SEED)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["meta"]["published"] == "2016-10-26"
    assert {t["text"]: t["value"] for t in doc["times"]}["الثلاثاء"] == "2016-10-25"


def test_a_bad_published_date_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "--published", "26/10/2016", str(SEED)])
    assert result.exit_code == 2 and "not a date" in result.output
