"""The ANT silver event set: drawn reproducibly, away from dev and dev2, and read back only as annotated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.evaluation import events_silver
from khabar.evaluation.events import evaluate_silver
from khabar.evaluation.times_silver import ANT_FILES


def test_the_gold_file_holds_halves_of_every_outlet_and_events_with_offsets() -> None:
    gold = events_silver.read_gold()
    assert len(gold) == len(events_silver.SOURCES) * events_silver.PER_SOURCE
    for source in events_silver.SOURCES:
        held = [g["held_out"] for g in gold if g["source"] == source]
        assert sorted(held) == [False, False, True, True], source
    for article in gold:
        for event in article["events"]:
            assert 0 <= event["trigger"]["start"] < event["trigger"]["end"]
            assert len(event["trigger_text"]) == event["trigger"]["end"] - event["trigger"]["start"]


@pytest.mark.parametrize(
    ("stamp", "day"),
    [("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18"), ("2017-01-20T21:43:00+01:00", "2017-01-20"), ("", None)],
)
def test_publication_days_are_read_from_both_ant_stamps(stamp: str, day: str | None) -> None:
    assert events_silver.publication_day(stamp) == day


def test_a_changed_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "news" / "ant").mkdir(parents=True)
    import gzip

    for name in ANT_FILES:
        with gzip.open(tmp_path / name, "wt", encoding="utf-8") as out:
            out.write(json.dumps({"docno": "X-1", "src": "BBC", "text": "نص آخر", "time": ""}) + "\n")
    with pytest.raises(ResourceError, match="X-1"):
        events_silver.silver_articles(tmp_path, [{"docno": "X-1", "sha256": "0" * 64, "events": []}])


@pytest.mark.slow
def test_the_draw_is_reproducible_and_avoids_the_eval_articles(data_dir: Path, eval_dir: Path) -> None:
    drawn = events_silver.draw(data_dir, eval_dir)
    assert [a["docno"] for a in drawn] == [g["docno"] for g in events_silver.read_gold()]
    taken = events_silver.eval_shingles(eval_dir)
    assert not any(events_silver.shingles(a["text"]) & taken for a in drawn)


@pytest.mark.slow
def test_the_silver_halves_are_scored(data_dir: Path) -> None:
    report = evaluate_silver(data_dir)
    assert set(report) == {"silver-dev", "silver-held-out"}
    assert report["silver-held-out"].events.gold == sum(
        len(g["events"]) for g in events_silver.read_gold() if g["held_out"])
