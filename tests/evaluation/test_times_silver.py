"""The times silver set: its annotations sit on the ANT texts, and the draw that chose its articles is reproducible."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from khabar.evaluation import times_silver

REPO = Path(__file__).resolve().parents[2]
SILVER = REPO / times_silver.SILVER
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def rows() -> list[dict]:
    return [json.loads(line) for line in SILVER.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_each_outlet_gives_six_random_articles_and_three_dense_ones() -> None:
    by_kind = Counter((row["outlet"], row["id"].split("-")[1]) for row in rows())
    assert set(by_kind.values()) == {3}
    assert {outlet for outlet, _kind in by_kind} == set(times_silver.OUTLETS)


def test_the_expressions_are_typed_sorted_and_apart() -> None:
    for row in rows():
        times = row["times"]
        assert all(t["type"] in TYPES and t["value"] for t in times), row["id"]
        assert all(a["end"] <= b["start"] for a, b in zip(times, times[1:], strict=False)), row["id"]


@pytest.mark.slow
def test_the_annotations_sit_on_the_ant_texts(data_dir: Path) -> None:
    gold = times_silver.read_silver(SILVER, data_dir)
    assert len(gold) == len(rows())
    for article in gold:
        for t in article["times"]:
            assert article["text"][t["start"] : t["end"]] == t["text"], (article["id"], t)


@pytest.mark.slow
def test_the_draw_gives_the_same_articles(data_dir: Path, eval_dir: Path) -> None:
    drawn = [(r["id"], r["docno"], r["half"]) for r in times_silver.draw(data_dir, eval_dir, REPO)]
    assert sorted(drawn) == sorted((r["id"], r["docno"], r["half"]) for r in rows())
