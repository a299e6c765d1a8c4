"""The quote evaluation: the dev harness with gold entities, score.py's matching, and the dev targets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from khabar.evaluation.quotes import (
    QuoteReport,
    evaluate_gold,
    gold_entities,
    locate,
    quote_pipeline,
    report_lines,
    same_name,
    score_article,
    write_predictions,
)


def test_same_name_as_score_py() -> None:
    assert same_name(["لو دريان"], ["وزير الدفاع الفرنسي، جان إيف لو دريان"])
    assert same_name(["المغرب"], ["بالمغرب"])
    assert not same_name(["كارتر"], ["هولاند"])


def test_locate_whole_words_with_one_proclitic() -> None:
    text = "قال لو دريان ولو دريان وبلو دريانه"
    assert list(locate(text, "لو دريان")) == [(4, 12), (14, 22)]


def test_gold_entities_take_the_longest_name_first() -> None:
    text = "قالت آنا كامبل إن ديريك كامبل ... وأضافت كامبل"
    rows = [{"type": "PER", "name": "آنا كامبل", "aliases": ["كامبل"]}, {"type": "PER", "name": "ديريك كامبل", "aliases": []}]
    anna, derek = gold_entities(text, rows)
    assert [text[m.start:m.end] for m in anna.mentions] == ["آنا كامبل", "كامبل"]
    assert [text[m.start:m.end] for m in derek.mentions] == ["ديريك كامبل"]


def test_matching_needs_half_of_each_span_and_the_speaker_name() -> None:
    text = "قال كارتر إن التحالف سيركز على الرقة"
    gold = {"id": "g", "text": text, "entities": [{"type": "PER", "name": "أشتون كارتر", "aliases": ["كارتر"]}],
            "quotes": [{"speaker": "أشتون كارتر", "kind": "indirect", "start": 10, "end": 37, "content": text[10:37]}]}
    pred = {"text": text, "entities": [], "quotes": [
        {"start": 10, "end": 20, "speaker": None, "speaker_text": "كارتر"},  # too short: under half of the gold
        {"start": 13, "end": 37, "speaker": None, "speaker_text": "كارتر"}]}
    report = QuoteReport()
    score_article(gold, pred, report)
    assert (report.quotes.tp, report.attributed.tp, report.quotes.predicted) == (1, 1, 2)
    assert len(report.false_alarms) == 1


def test_the_quote_pipeline_ends_with_quotes() -> None:
    assert quote_pipeline().names[-1] == "quotes"
    assert "entities" in quote_pipeline().names


def test_dev_targets_with_gold_entities(eval_dir: Path, tmp_path: Path) -> None:
    report, documents = evaluate_gold(eval_dir / "dev" / "gold.jsonl", use_gold_entities=True)
    quotes, attributed = report.quotes.as_dict(), report.attributed.as_dict()
    assert quotes["f1"] >= 0.90 and attributed["f1"] >= 0.85, report_lines(report, errors=True)
    _agrees_with_score_py(eval_dir, documents, report, tmp_path)


def _agrees_with_score_py(eval_dir: Path, documents: list, report: QuoteReport, tmp_path: Path) -> None:
    """The shared scorer, run on the same predictions, counts the same."""
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        pytest.skip("score.py not found")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    out = tmp_path / "pred.jsonl"
    write_predictions(documents, out)
    preds = {p["id"]: p for p in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    counts = {"ent": [0, 0, 0], "quote": [0, 0, 0], "attr": [0, 0, 0]}
    for line in (eval_dir / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        score.score_doc(gold, preds[gold["id"]], counts)
    assert counts["quote"] == [report.quotes.tp, report.quotes.predicted, report.quotes.gold]
    assert counts["attr"] == [report.attributed.tp, report.attributed.predicted, report.attributed.gold]


def test_a_name_with_the_article_is_found_after_lam() -> None:
    from khabar.evaluation.quotes import locate

    text = "أكد بحث للمندوبية السامية للتخطيط أن المندوبية السامية للتخطيط تتابع."
    found = [text[s:e] for s, e in locate(text, "المندوبية السامية للتخطيط")]
    assert found == ["المندوبية السامية للتخطيط", "للمندوبية السامية للتخطيط"]
