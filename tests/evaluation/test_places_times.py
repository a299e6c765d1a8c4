"""The places and dates gold of the dev articles: the targets hold (≥ 95% places, ≥ 90% dates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.evaluation import places, times

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def articles(eval_dir: Path):  # type: ignore[no-untyped-def]
    return places.read_articles(eval_dir / "dev")


def test_places_target(articles) -> None:  # type: ignore[no-untyped-def]
    report = places.evaluate_places(places.read_gold(DATA / "places_gold.jsonl"), articles, places.geocoding_only())
    assert report.total == 41
    assert report.accuracy >= 0.95, report.lines()


def test_dates_target(articles) -> None:  # type: ignore[no-untyped-def]
    report = times.evaluate_times(times.read_gold(DATA / "times_gold.jsonl"), articles, times.time_tagging_only())
    assert report.total == 41
    assert report.accuracy >= 0.90, report.lines()


def test_gold_offsets_point_at_their_text(articles) -> None:  # type: ignore[no-untyped-def]
    for doc_id, (_anchor, gold) in times.read_gold(DATA / "times_gold.jsonl").items():
        text = articles[doc_id]["text"]
        assert all(text[g.span.start : g.span.end] == g.text for g in gold)
    for doc_id, gold_places in places.read_gold(DATA / "places_gold.jsonl").items():
        text = articles[doc_id]["text"]
        for place in gold_places:  # the first mention is the name; the others may be aliases
            assert text[place.mentions[0].start : place.mentions[0].end] in (place.name, *place.aliases)


def test_scoring_rules() -> None:
    from khabar.model import Place

    country = places.GoldPlace("فرنسا", (), "country", 3017382, "FR")
    assert places.is_right(country, Place("e", "France", 48.85, 2.35, "FR", "country", 1.0, 3017382))
    assert not places.is_right(country, Place("e", "Paris", 48.85, 2.35, "FR", "city", 1.0, 2988507))
    region = places.GoldPlace("الشرق الأوسط", (), "region", None, None, 29.0, 41.0, 1500)
    assert places.is_right(region, Place("e", "Middle East", 29.0, 41.0, None, "region", 1.0))
    assert not places.is_right(region, Place("e", "Paris", 48.85, 2.35, "FR", "city", 1.0, 2988507))


def test_eval_commands(eval_dir: Path) -> None:
    from typer.testing import CliRunner

    from khabar.interfaces.cli import app

    runner = CliRunner()
    dev = str(eval_dir / "dev")
    result = runner.invoke(app, ["eval", "places", "--gold", str(DATA / "places_gold.jsonl"), "--dev", dev])
    assert result.exit_code == 0 and result.stdout.startswith("places: "), result.output
    result = runner.invoke(app, ["eval", "dates", "--gold", str(DATA / "times_gold.jsonl"), "--dev", dev])
    assert result.exit_code == 0 and result.stdout.startswith("dates: "), result.output
    result = runner.invoke(app, ["eval", "dates", "--dev", "/nonexistent"])
    assert result.exit_code == 2 and "needs the dev articles" in result.output and "--dev PATH" in result.output
