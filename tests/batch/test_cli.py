"""``khabar batch``: exit codes, messages, the archive, and a run killed with SIGKILL then resumed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from khabar.interfaces.cli import app
from khabar.store.sqlite import open_store

KILL_AFTER_PARTITIONS = 3


def test_batch_writes_tables_and_exits_1_when_inputs_were_rejected(runner: CliRunner, corpus: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", *corpus, "--out", str(out), "--workers", "1", "--chunk-size", "10"])
    assert result.exit_code == 1, result.output
    assert "24 articles analysed" in result.stderr and "4 inputs rejected" in result.stderr
    assert sorted(p.name for p in (out / "documents").iterdir()) == sorted(p.name for p in (out / "quotes").iterdir())


def test_batch_usage_errors_exit_2(runner: CliRunner, corpus: list[str], tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    both = runner.invoke(app, ["batch", *corpus, "--out", str(tmp_path), "--workers", "2", "--scheduler", "tcp://x:8786"])
    assert both.exit_code == 2 and "not both" in both.stderr
    monkeypatch.setattr("khabar.interfaces.cli.batch.missing_modules", lambda: ["distributed"])
    missing = runner.invoke(app, ["batch", *corpus, "--out", str(tmp_path)])
    assert missing.exit_code == 2 and "pip install 'khabar[batch]'" in missing.stderr


def test_batch_loads_the_archive_once(runner: CliRunner, corpus: list[str], tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "khabar.db"
    args = ["batch", *corpus, "--out", str(out), "--workers", "1", "--db", str(db)]
    first = runner.invoke(app, args)
    assert "24 articles added" in first.stderr, first.output
    again = runner.invoke(app, args)
    assert "0 articles added" in again.stderr and "2 of 2 were done before" in again.stderr, again.output
    with open_store(db) as store:
        assert store.document_count() == 24


def _manifest_lines(out: Path) -> int:
    path = out / "manifest.jsonl"
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def test_a_run_killed_with_sigkill_resumes_to_the_same_output(corpus: list[str], tmp_path: Path, jsonl_writer, output) -> None:  # type: ignore[no-untyped-def]
    big = jsonl_writer(tmp_path / "big.jsonl", 80)
    sources = [*corpus, str(big)]
    command = [sys.executable, "-c", "from khabar.interfaces.cli import main; main()", "batch", *sources,
               "--out", str(tmp_path / "killed"), "--workers", "1", "--chunk-size", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while _manifest_lines(tmp_path / "killed") < KILL_AFTER_PARTITIONS and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the driver and its Dask workers, mid-run
    process.wait()
    done_at_kill = _manifest_lines(tmp_path / "killed")
    runner = CliRunner()
    clean = runner.invoke(app, ["batch", *sources, "--out", str(tmp_path / "clean"), "--workers", "2", "--chunk-size", "2"])
    resumed = runner.invoke(app, ["batch", *sources, "--out", str(tmp_path / "killed"), "--workers", "2", "--chunk-size", "2"])
    assert clean.exit_code == resumed.exit_code == 1, resumed.output
    assert KILL_AFTER_PARTITIONS <= done_at_kill < _manifest_lines(tmp_path / "clean"), "the run ended before it was killed: the test proves nothing"
    assert output.hashes(tmp_path / "killed") == output.hashes(tmp_path / "clean")
    ids = [row["doc_id"] for row in output.tables(tmp_path / "killed")["documents"]]
    assert len(ids) == len(set(ids)) == 104
