"""The entity evaluation: score.py's document-level matching, conlleval on CoNLL files, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.evaluation.entities import EntityReport, score_article, score_conll
from khabar.evaluation.names import same_name, variants

TEXT = "قال وزير الدفاع الفرنسي جان إيف لو دريان في باريس إن لو دريان ..."


def _gold(*entities: tuple[str, str, list[str]]) -> dict:
    return {"id": "g", "text": TEXT, "entities": [{"type": t, "name": n, "aliases": a} for t, n, a in entities]}


def _pred(*entities: tuple[str, str, list[tuple[int, int]]]) -> dict:
    return {"text": TEXT, "entities": [{"label": label, "name": name, "mentions": [{"start": s, "end": e} for s, e in spans]}
                                       for label, name, spans in entities]}


def test_names_match_as_score_py_decides() -> None:
    assert same_name(["لو دريان"], ["جان إيف لو دريان"])
    assert same_name(["الموصل"], ["بالموصل"])
    assert not same_name(["دريان"], ["باريس"])
    assert variants("بالموصل") == {"بالموصل", "الموصل"}


def test_a_gold_entity_is_found_once_by_a_predicted_entity_of_its_label() -> None:
    report = EntityReport()
    gold = _gold(("PER", "جان إيف لو دريان", ["لو دريان"]), ("LOC", "باريس", []))
    pred = _pred(("PER", "جان إيف لو دريان", [(24, 40)]), ("ORG", "باريس", [(44, 49)]), ("PER", "لو دريان", [(53, 61)]))
    score_article(gold, pred, report)
    assert (report.labels["PER"].tp, report.labels["PER"].predicted, report.labels["PER"].gold) == (1, 2, 1)
    assert report.labels["LOC"].tp == 0 and report.labels["ORG"].predicted == 1
    assert report.missed == ["g LOC باريس"]
    assert len(report.spurious) == 2  # the split-off "لو دريان" and the ORG
    assert report.total.prf()[0] == pytest.approx(1 / 3)


def test_misc_predictions_do_not_count() -> None:
    report = EntityReport()
    score_article(_gold(), _pred(("MISC", "الفرنسي", [(16, 23)])), report)
    assert report.total.predicted == 0 and report.lines()[0].startswith("label")


class _Echo:
    """A tagger that answers a fixed tag sequence per sentence."""

    def __init__(self, answers: list[list[str]]) -> None:
        self.answers = answers

    def tag_many(self, sentences):  # type: ignore[no-untyped-def]
        return self.answers[: len(sentences)]


def test_conll_scores_are_exact_span() -> None:
    sentences = [[("جان", "B-PER"), ("إيف", "I-PER"), ("في", "O"), ("باريس", "B-LOC")]]
    scores = score_conll(_Echo([["B-PER", "O", "O", "B-LOC"]]), sentences)
    assert scores["LOC"].f1 == 100.0 and scores["PER"].f1 == 0.0 and scores["micro"].precision == 50.0


def test_eval_ner_reports_a_missing_file_in_one_line(tmp_path: Path) -> None:
    from khabar.interfaces.cli import app

    result = CliRunner().invoke(app, ["eval", "ner", str(tmp_path / "nope.txt"), "--gold", str(tmp_path / "none.jsonl")])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
