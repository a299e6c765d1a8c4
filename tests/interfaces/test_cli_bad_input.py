"""Bad input through the commands (issue 22): no traceback, a reason per rejected input, good records kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.interfaces.cli import app
from khabar.interfaces.output import DocumentWriter, OutputFormat
from khabar.model import Document, Meta
from khabar.store import open_store, search_documents

ARTICLE = "قال وزير الدفاع الفرنسي إن الوضع في الموصل صعب."


def surrogate_lines(path: Path) -> Path:
    """Three records, the middle one with a lone surrogate in its text (as a JSON escape)."""
    texts = [ARTICLE, "قال \ud800 الرئيس إن المحادثات ستستأنف", "أكد الوزير أن الاجتماع انتهى"]
    path.write_text("".join(json.dumps({"id": f"r{n}", "text": t}) + "\n" for n, t in enumerate(texts)), encoding="utf-8")
    return path


def test_analyze_writes_every_record_when_one_holds_a_lone_surrogate(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", "-f", "jsonl", "--no-tokens", str(surrogate_lines(tmp_path / "s.jsonl"))])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["r0", "r1", "r2"]
    assert "lone_surrogate" in {d["code"] for d in docs[1]["diagnostics"]}


def test_the_writer_refuses_a_callers_unwritable_document_and_goes_on(tmp_path: Path) -> None:
    out = (tmp_path / "out.json").open("w", encoding="utf-8")
    writer = DocumentWriter(out, OutputFormat.JSON)
    bad = Document(id="bad", text="قال \ud800", meta=Meta(source="x"))
    with pytest.raises(ValueError, match="cannot be written"):
        writer.write(bad)
    writer.write(Document(id="good", text=ARTICLE, meta=Meta(source="y")))
    writer.close()
    out.close()
    assert [d["id"] for d in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))] == ["good"]


def test_ingest_stores_the_good_records_beside_a_lone_surrogate(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    result = CliRunner().invoke(app, ["ingest", str(surrogate_lines(tmp_path / "s.jsonl")), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db, readonly=True) as store:
        assert search_documents(store, "").total == 3


@pytest.mark.parametrize("args", [("analyze",), ("analyze", "-f", "jsonl", "-"), ("ingest", "-", "--db", "{db}")])
def test_closed_stdin_is_one_clear_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    """``khabar analyze <&-``: the shell closes file descriptor 0, as a user's would."""
    argv = [a.replace("{db}", str(tmp_path / "x.db")) for a in args]
    code = f"import sys; from khabar.interfaces.cli import main; sys.argv = ['khabar', *{argv!r}]; main()"
    result = subprocess.run(["bash", "-c", 'exec "$0" -c "$1" <&-', sys.executable, code],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "khabar: rejected <stdin>: unreadable: standard input is closed" in result.stderr


def test_ingest_and_batch_skip_a_folders_readme_and_say_so(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "README.md").write_text("# A corpus\nEnglish only.", encoding="utf-8")
    (folder / "LICENSE").write_text("Apache-2.0", encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 0, result.output
    assert "skipping 2 file(s) in the folders that are not articles: LICENSE, README.md" in result.stderr
    pytest.importorskip("distributed", reason="the batch extra is not installed")
    batch = CliRunner().invoke(app, ["batch", str(folder), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert batch.exit_code == 0, batch.output
    assert "skipping 2 file(s)" in batch.stderr and "1 articles analysed" in batch.stderr


def test_closed_stdout_is_a_clear_line_not_an_attribute_error(tmp_path: Path) -> None:
    """``khabar analyze a.txt >&-``: sys.stdout is None."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code = f"import sys; from khabar.interfaces.cli import main; sys.argv = ['khabar', 'analyze', {str(article)!r}]; main()"
    result = subprocess.run(["bash", "-c", 'exec "$0" -c "$1" >&-', sys.executable, code],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "standard output is closed" in result.stderr
