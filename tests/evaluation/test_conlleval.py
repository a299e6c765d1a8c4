"""Exact-span scoring with conlleval semantics."""

from __future__ import annotations

import pytest

from khabar.evaluation.conlleval import MICRO, Score, chunks, evaluate, format_table, token_accuracy


def test_chunks_reads_bio() -> None:
    assert chunks(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}


def test_stray_inside_tag_starts_a_chunk() -> None:
    assert chunks(["O", "I-ORG", "I-ORG"]) == {(1, 3, "ORG")}


def test_type_change_inside_ends_the_chunk() -> None:
    assert chunks(["B-PER", "I-LOC", "I-LOC"]) == {(0, 1, "PER"), (1, 3, "LOC")}


def test_begin_after_begin_of_same_type_is_two_chunks() -> None:
    assert chunks(["B-LOC", "B-LOC"]) == {(0, 1, "LOC"), (1, 2, "LOC")}


def test_chunk_at_end_is_closed() -> None:
    assert chunks(["O", "B-MISC", "I-MISC"]) == {(1, 3, "MISC")}


def test_empty_and_all_outside() -> None:
    assert chunks([]) == set()
    assert chunks(["O", "O"]) == set()


def test_perfect_prediction() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    scores = evaluate(gold, gold)
    assert scores[MICRO].f1 == pytest.approx(100.0)
    assert scores["PER"].true_positives == 1


def test_boundary_error_counts_as_miss_and_false_alarm() -> None:
    gold = [["B-PER", "I-PER", "O"]]
    predicted = [["B-PER", "O", "O"]]
    micro = evaluate(gold, predicted)[MICRO]
    assert (micro.true_positives, micro.predicted, micro.gold) == (0, 1, 1)
    assert micro.f1 == 0.0


def test_type_error_is_wrong_even_with_exact_boundaries() -> None:
    scores = evaluate([["B-ORG", "I-ORG"]], [["B-LOC", "I-LOC"]])
    assert scores["ORG"].recall == 0.0
    assert scores["LOC"].precision == 0.0


def test_micro_average_pools_counts() -> None:
    gold = [["B-PER", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    predicted = [["B-PER", "O", "O"], ["B-ORG", "I-ORG"]]
    micro = evaluate(gold, predicted)[MICRO]
    assert micro.precision == pytest.approx(100.0)
    assert micro.recall == pytest.approx(200 / 3)
    assert micro.f1 == pytest.approx(80.0)


def test_stray_inside_prediction_matches_begin_gold() -> None:
    assert evaluate([["B-PER", "I-PER"]], [["I-PER", "I-PER"]])[MICRO].f1 == pytest.approx(100.0)


def test_length_mismatch_is_rejected() -> None:
    with pytest.raises(ValueError, match="length mismatch"):
        evaluate([["O", "O"]], [["O"]])


def test_score_with_no_predictions_is_zero_not_an_error() -> None:
    assert Score(0, 0, 3).f1 == 0.0
    assert Score(0, 0, 0).precision == 0.0


def test_token_accuracy() -> None:
    assert token_accuracy([["O", "B-PER"]], [["O", "O"]]) == pytest.approx(50.0)


def test_table_lists_types_and_micro() -> None:
    table = format_table(evaluate([["B-PER"]], [["B-PER"]]), "title")
    assert table.splitlines()[0] == "title"
    assert "PER" in table and table.splitlines()[-1].startswith(MICRO)
