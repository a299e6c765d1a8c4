"""``khabar ingest``, ``search``, ``entities``, ``serve`` and ``demo`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.interfaces.cli import app
from khabar.interfaces.ingest import EXAMPLES

SAMPLES = 6  # seed.txt and the five ANT articles of ant_sample.jsonl


@pytest.fixture()
def db(runner: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "khabar.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_ingest_reports_counts_and_is_idempotent(runner: CliRunner, db: Path) -> None:
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert f"0 new articles, {SAMPLES} already in the archive, 0 rejected" in again.stderr


def test_rejected_inputs_are_listed_and_exit_1(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text("The minister said the talks would resume.", encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "قال الوزير إن المحادثات ستستأنف"}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(english), str(broken), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert "1 new articles" in result.stderr and "3 rejected" in result.stderr
    for reason in ("not_arabic", "malformed", "not_found"):
        assert f": {reason}" in result.stderr
    assert "Traceback" not in result.output


def test_search_prints_ranked_snippets(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["search", str(db), "الموصل", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "articles" in result.stdout and "الموصل" in result.stdout


def test_search_jsonl_and_filters(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["search", str(db), "الموصل", "--outlet", "المغرب اليوم", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [hit["id"] for hit in hits] == ["seed"]
    assert any(match for _, match in hits[0]["snippet"]["parts"])
    dated = runner.invoke(app, ["search", str(db), "--from", "2018-05-01", "--to", "2018-06-30", "-f", "jsonl"])
    assert len(dated.stdout.splitlines()) == 2


def test_a_bad_query_is_a_usage_error(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["search", str(db), '"الموصل'])
    assert result.exit_code == 2
    assert "unbalanced quotation mark" in result.stderr


def test_a_missing_archive_says_how_to_make_one(runner: CliRunner, tmp_path: Path) -> None:
    for args in (["search", str(tmp_path / "none.db"), "x"], ["entities", "--db", str(tmp_path / "none.db")],
                 ["serve", "--db", str(tmp_path / "none.db")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert "khabar ingest" in result.stderr


def test_entities_lists_the_most_named(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["entities", "--db", str(db), "--top", "5", "--type", "per"])
    assert result.exit_code == 0, result.output
    assert "entities" in result.stdout


def test_demo_ingests_the_bundled_samples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLES} new articles" in result.stderr


def test_quotes_from_the_archive_by_speaker_and_topic(runner: CliRunner, annotated_db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(annotated_db), "--speaker", "كارتر"])
    assert result.exit_code == 0, result.output
    assert "1 quotes" in result.stdout and "نحن كأعضاء" in result.stdout
    about = runner.invoke(app, ["quotes", "--db", str(annotated_db), "--about", "الرقة", "-f", "jsonl"])
    assert len(about.stdout.splitlines()) == 2
    assert runner.invoke(app, ["quotes", "--db", str(annotated_db), "--about", "(الرقة"]).exit_code == 2


def test_quotes_from_files(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quotes", str(EXAMPLES / "seed.txt"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["doc"] == "seed" for line in result.stdout.splitlines())


def test_quotes_needs_files_or_an_archive(runner: CliRunner, annotated_db: Path) -> None:
    assert runner.invoke(app, ["quotes"]).exit_code == 2
    assert runner.invoke(app, ["quotes", str(EXAMPLES / "seed.txt"), "--db", str(annotated_db)]).exit_code == 2


def test_ingest_published_dates_the_pages_that_state_none(runner: CliRunner, tmp_path: Path) -> None:
    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    path = tmp_path / "dated.db"
    result = runner.invoke(app, ["ingest", str(path), str(pages / "no-date.html"), str(pages / "metadata-date.html"),
                                 "--published", "2019-12-03"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["search", str(path), "", "--format", "jsonl"])
    dates = {json.loads(line)["id"]: json.loads(line)["published"] for line in listed.stdout.splitlines()}
    assert dates == {"no-date": "2019-12-03", "metadata-date": "2016-10-25T09:30:00+01:00"}
    bad = runner.invoke(app, ["ingest", str(path), str(pages / "no-date.html"), "--published", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.stderr


def test_merge_split_and_corrections(runner: CliRunner, db: Path) -> None:
    listed = runner.invoke(app, ["entities", str(db), "--type", "PER", "--format", "jsonl", "--limit", "50"])
    people = {json.loads(line)["name"]: json.loads(line)["id"] for line in listed.stdout.splitlines()}
    drian = next(i for name, i in people.items() if "دريان" in name)
    other = next(i for name, i in people.items() if "دريان" not in name)
    merged = runner.invoke(app, ["merge", str(db), str(drian), str(other)])
    assert merged.exit_code == 0 and f"id {drian}" in merged.stdout, merged.output
    listed = runner.invoke(app, ["corrections", str(db)])
    assert listed.exit_code == 0 and "merge" in listed.stdout
    undone = runner.invoke(app, ["corrections", str(db), "--undo", "1"])
    assert undone.exit_code == 0 and "0 corrections" in undone.stdout
    refused = runner.invoke(app, ["split", str(db), str(drian), "أوباما"])
    assert refused.exit_code == 1 and "no article calls" in refused.stderr
