"""The command line's conventions (issue 22, after sqlite-utils and Datasette): the archive named first
everywhere (the old --db still works, with a note), --limit everywhere (--top kept with a note), no option
accepted and ignored, one row shape for a quote, CSV for the tabular commands, errors that say what to do."""

from __future__ import annotations

import csv
import io
import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.interfaces.cli import app
from khabar.interfaces.cli.archive_output import QUOTE_COLUMNS

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"
EXAMPLES = REPO / "src" / "khabar" / "resources" / "examples"


def test_the_archive_comes_first_and_the_old_db_option_still_works(runner: CliRunner, tmp_path: Path) -> None:
    first = runner.invoke(app, ["ingest", str(tmp_path / "k.db"), str(SEED)])
    assert first.exit_code == 0, first.output
    assert "1 new articles" in first.stderr and "deprecated" not in first.stderr
    old = runner.invoke(app, ["ingest", str(SEED), "--db", str(tmp_path / "k.db")])
    assert old.exit_code == 0 and "0 new articles, 1 already" in old.stderr
    assert "--db is deprecated" in old.stderr and f"khabar ingest {tmp_path / 'k.db'} SOURCES" in old.stderr
    fresh = runner.invoke(app, ["ingest", str(tmp_path / "archive"), str(SEED)])  # no suffix: still the archive
    assert fresh.exit_code == 0 and (tmp_path / "archive").is_file()
    entities = runner.invoke(app, ["entities", str(tmp_path / "k.db"), "--limit", "2", "-f", "jsonl"])
    assert entities.exit_code == 0 and len(entities.stdout.splitlines()) == 2 and not entities.stderr
    old = runner.invoke(app, ["entities", "--db", str(tmp_path / "k.db"), "--top", "3", "-f", "jsonl"])
    assert old.exit_code == 0 and len(old.stdout.splitlines()) == 3
    assert "--db is deprecated" in old.stderr and "--top is deprecated" in old.stderr and "--limit 3" in old.stderr
    assert runner.invoke(app, ["entities", str(tmp_path / "k.db"), "--db", str(tmp_path / "k.db")]).exit_code == 2


def test_ingest_without_sources_after_the_archive_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "k.db")])
    assert result.exit_code == 2 and "give the sources after the archive" in result.stderr


def test_serve_names_the_archive_first(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "none.db" in result.stderr and "Traceback" not in result.output


def test_quotes_of_an_archive_named_first_with_a_speaker(runner: CliRunner, annotated_db: Path) -> None:
    result = runner.invoke(app, ["quotes", str(annotated_db), "--speaker", "كارتر"])
    assert result.exit_code == 0, result.output
    assert "1 quotes" in result.stdout and "نحن كأعضاء" in result.stdout


def test_quotes_of_files_filter_by_speaker(runner: CliRunner) -> None:
    """Issue 22: `khabar quotes FILE --speaker X` printed every quote."""
    every = [json.loads(line) for line in runner.invoke(app, ["quotes", str(SEED), "-f", "jsonl"]).stdout.splitlines()]
    result = runner.invoke(app, ["quotes", str(SEED), "--speaker", "لو دريان", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and len(rows) < len(every)
    assert all("لو دريان" in row["speaker"] for row in rows)
    by_id = runner.invoke(app, ["quotes", str(SEED), "--speaker", rows[0]["speaker_id"], "-f", "jsonl"])
    assert [json.loads(line)["id"] for line in by_id.stdout.splitlines()] == [row["id"] for row in rows]
    assert runner.invoke(app, ["quotes", str(SEED), "--about", "الرقة"]).exit_code == 2  # an archive option: refused


def test_one_row_shape_for_a_quote_from_files_and_from_the_archive(runner: CliRunner, annotated_db: Path) -> None:
    files = runner.invoke(app, ["quotes", str(SEED), "-f", "jsonl"]).stdout.splitlines()
    stored = runner.invoke(app, ["quotes", str(annotated_db), "-f", "jsonl"]).stdout.splitlines()
    assert files and stored
    assert {tuple(sorted(json.loads(line))) for line in files + stored} == {tuple(sorted(QUOTE_COLUMNS))}
    said = {json.loads(line)["said"] for line in stored}
    assert any("نحن كأعضاء" in text for text in said)


@pytest.mark.parametrize(
    ("args", "header"),
    [(["search", "{db}", "الموصل"], "id,title,outlet,published,url,score,snippet"),
     (["entities", "{db}"], "id,name,label,documents,mentions,quotes"),
     (["quotes", "{db}"], ",".join(QUOTE_COLUMNS)), (["quotes", str(SEED)], ",".join(QUOTE_COLUMNS))],
)
def test_tabular_commands_write_csv(runner: CliRunner, annotated_db: Path, args: list[str], header: str) -> None:
    result = runner.invoke(app, [a.replace("{db}", str(annotated_db)) for a in args] + ["--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == header
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(len(row) == len(header.split(",")) for row in rows)


def test_eval_ner_uses_its_files_or_refuses_them(tmp_path: Path) -> None:
    """Issue 22: `khabar eval ner FILE --no-conll` ignored FILE."""
    from khabar.interfaces.cli.ner import _what_to_score

    conll = tmp_path / "a.conll"
    conll.write_text("قال O\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    none = tmp_path / "none"
    assert _what_to_score([conll], none, none / "g.jsonl", True) == ({"a.conll": conll}, none / "g.jsonl")
    assert _what_to_score([gold], none, none / "g.jsonl", True) == ({}, gold)
    result = CliRunner().invoke(app, ["eval", "ner", str(conll), "--no-conll"])
    assert result.exit_code == 2 and "--no-conll" in result.stderr
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(none), "--gold", str(none / "g.jsonl")])
    assert result.exit_code == 2 and "--data" in result.stderr and "--gold" in result.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [(["eval", "places", "--dev", "{x}"], "--dev"), (["eval", "dates", "--dev", "{x}"], "--dev"),
     (["eval", "quotes", "--gold", "{x}"], "--gold"), (["train", "ner", "--data", "{x}"], "--data"),
     (["build", "vocab", "--data", "{x}"], "--data")],
)
def test_eval_and_train_without_the_shared_data_say_what_they_need(tmp_path: Path, args: list[str], option: str) -> None:
    result = CliRunner().invoke(app, [a.replace("{x}", str(tmp_path / "fresh-clone")) for a in args])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "needs" in result.stderr and "shared data" in result.stderr and f"{option} PATH" in result.stderr


@pytest.mark.parametrize(("command", "module", "extra"), [("embeddings", "gensim", "build"), ("ner", "torch", "train")])
def test_training_without_its_library_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      command: str, module: str, extra: str) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    result = CliRunner().invoke(app, ["train", command, "--data", str(tmp_path)])
    assert result.exit_code == 2 and f"pip install 'khabar[{extra}]'" in result.stderr and module in result.stderr


def test_demo_no_serve_keeps_the_archive_it_printed(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    printed = result.stderr.split("khabar serve ")[1].split()[0]
    assert Path(printed).is_file()
    assert runner.invoke(app, ["search", printed, "الموصل", "-f", "jsonl"]).stdout.strip()
    chosen = runner.invoke(app, ["demo", str(tmp_path / "demo.db"), "--no-serve"])
    assert chosen.exit_code == 0 and (tmp_path / "demo.db").is_file()


def test_a_busy_port_is_a_clear_error_before_serving(runner: CliRunner, annotated_db: Path) -> None:
    pytest.importorskip("uvicorn", reason="the api extra is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for args in (["serve", str(annotated_db)], ["demo"]):
            result = runner.invoke(app, [*args, "--port", str(port)])
            assert result.exit_code == 1 and "serving" not in result.stderr and "new articles" not in result.stderr
            assert f"127.0.0.1:{port} is in use" in result.stderr and "--port" in result.stderr


def test_without_the_api_extra_serve_and_demo_say_so_first(monkeypatch: pytest.MonkeyPatch, runner: CliRunner,
                                                          annotated_db: Path) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    for args in (["demo"], ["serve", str(annotated_db)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and "pip install 'khabar[api]'" in result.stderr
        assert "new articles" not in result.stderr and "Open the page" not in result.stderr


def test_a_progress_line_only_when_a_person_watches_stderr_and_the_documents_go_elsewhere() -> None:
    from khabar.interfaces.cli.analyze import progress_wanted

    class Stream(io.StringIO):
        def __init__(self, tty: bool) -> None:
            super().__init__()
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    assert progress_wanted(Stream(False), Stream(True))
    assert not progress_wanted(Stream(True), Stream(True))  # it would draw between Documents on the terminal
    assert not progress_wanted(Stream(False), Stream(False))
    assert not progress_wanted(Stream(False), None)


def test_analyze_shows_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from khabar.interfaces.cli import analyze

    monkeypatch.setattr(analyze, "progress_wanted", lambda out, err: True)
    monkeypatch.setattr(analyze, "PROGRESS_EVERY", 1, raising=False)
    lines = tmp_path / "many.jsonl"
    lines.write_text("".join(json.dumps({"text": f"قال الوزير إن الوضع صعب {n}"}) + "\n" for n in range(30)), encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", "-f", "jsonl", "--no-tokens", str(lines)])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 30
    assert "30 articles" in result.stderr


def test_places_have_one_spelling_and_keep_the_old_one() -> None:
    from khabar.model import Document, Entity, Place, Span, from_dict, to_dict

    doc = Document(id="d", text="في الموصل", entities=(Entity("e1", "LOC", (Span(3, 9),), Span(3, 9)),),
                   places=(Place("e1", "Mosul", 36.335, 43.119, "IQ", "city", 0.9, 99072, True),))
    place = to_dict(doc)["places"][0]
    assert (place["latitude"], place["longitude"]) == (place["lat"], place["lon"]) == (36.335, 43.119)
    old = to_dict(doc)
    del old["places"][0]["latitude"], old["places"][0]["longitude"]
    assert from_dict(old) == doc  # a file written before still reads


def test_every_command_but_serve_and_demo_works_without_the_api_extra(tmp_path: Path) -> None:
    """FastAPI and uvicorn are an extra: the command line must not import them to analyse, render or search."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['fastapi'] = None; sys.modules['uvicorn'] = None; "
            "from khabar.interfaces.cli import main; sys.argv = ['khabar', *sys.argv[1:]]; main()")
    for args in (["render", str(SEED)], ["analyze", "-f", "jsonl", str(SEED)], ["demo", "--no-serve", str(tmp_path / "d.db")],
                 ["serve", str(tmp_path / "d.db")]):
        result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == (1 if args[0] == "serve" else 0), result.stderr
    assert "pip install 'khabar[api]'" in result.stderr
