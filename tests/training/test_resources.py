"""Gazetteer and unlabeled-text resource builders on small inputs."""

from __future__ import annotations

import numpy as np

from khabar.training import clusters, gazetteer


def test_gazetteer_marks_first_and_following_words() -> None:
    table = gazetteer.build([("جان إيف لو دريان", "PER"), ("بغداد", "LOC"), ("Paris", "LOC")])
    assert table["جان"] == {"PERB"}
    assert table["دريان"] == {"PERI"}
    assert table["بغداد"] == {"LOCB"}
    assert "Paris" not in table


def test_gazetteer_normalises_entries() -> None:
    assert "اسامه" in gazetteer.build([("أسامة", "PER")])


def test_tokenise_splits_punctuation_and_keeps_clitics() -> None:
    tokens = clusters.tokenise('قال لو دريان، إن "الحكومة" تعمل بالموصل.')
    assert tokens == ["قال", "لو", "دريان", "،", "إن", '"', "الحكومة", '"', "تعمل", "بالموصل", "."]


def test_tokenise_keeps_diacritics_inside_words() -> None:
    assert clusters.tokenise("أَعْلَنَ الرئيس") == ["أَعْلَنَ", "الرئيس"]


def test_kmeans_separates_two_obvious_groups() -> None:
    rng = np.random.default_rng(0)
    left = clusters.unit_rows(rng.normal([5, 0], 0.1, size=(20, 2)))
    right = clusters.unit_rows(rng.normal([0, 5], 0.1, size=(20, 2)))
    labels = clusters.kmeans(np.vstack([left, right]).astype(np.float32), 2, np.random.default_rng(1))
    assert len(set(labels[:20])) == 1 and len(set(labels[20:])) == 1 and labels[0] != labels[-1]
