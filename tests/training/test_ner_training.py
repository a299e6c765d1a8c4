"""Training the neural NER model: batches, tuned vectors, a few updates, the export the tagger loads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from khabar.stages.entities.inputs import Embeddings, word_form
from khabar.training import ner

SENTENCES = [
    [("قال", "O"), ("الرئيس", "O"), ("محمود", "B-PER"), ("عباس", "I-PER"), ("في", "O"), ("رام", "B-LOC"), ("الله", "I-LOC")],
    [("وأكدت", "O"), ("الأمم", "B-ORG"), ("المتحدة", "I-ORG"), ("ذلك", "O")],
    [("زار", "O"), ("عباس", "B-PER"), ("باريس", "B-LOC")],
] * 4


def small_embeddings() -> Embeddings:
    rng = np.random.default_rng(0)
    return Embeddings({"قال": 0, "في": 1, "عباس": 2}, rng.normal(size=(3, 8)).astype(np.float16),
                      rng.normal(size=(101, 8)).astype(np.float16), 3, 5)


def test_batches_cover_every_sentence_once_in_similar_lengths() -> None:
    sizes = [5, 50, 6, 48, 7, 49] * 10
    chosen = ner.batches(sizes, 4, np.random.default_rng(0))
    assert sorted(int(i) for batch in chosen for i in batch) == list(range(len(sizes)))
    assert all(len(batch) <= 4 for batch in chosen)
    again = ner.batches(sizes, 4, np.random.default_rng(0))  # seeded
    assert all(np.array_equal(a, b) for a, b in zip(chosen, again, strict=True))


def test_frequent_forms_are_the_forms_seen_twice_most_frequent_first() -> None:
    forms = ner.frequent_forms(SENTENCES[:3] + SENTENCES[:1], limit=3)
    assert forms[0] == word_form("عباس") and len(forms) == 3
    assert ner.frequent_forms(SENTENCES[:1], limit=10) == []  # each seen once


def test_training_lowers_the_loss_and_tunes_the_frequent_forms(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="torch (the train extra) trains the model")
    pytest.importorskip("onnx", reason="onnx (the train extra) exports it")
    from khabar.stages.entities.tagger import load_tagger

    settings = ner.TrainSettings(epochs=6, hidden=8, char_filters=6, tuned_words=5, consistency=2.0, quantise=False)
    trainer = ner.Trainer(settings, small_embeddings(), ner.frequent_forms(SENTENCES, settings.tuned_words))
    losses = [trainer.epoch(SENTENCES, number) for number in range(1, settings.epochs + 1)]
    assert losses[-1] < losses[0]
    tuned = trainer.tuned_embeddings()
    form = word_form("الرئيس")  # not in the fastText vocabulary: tuned, it gets a row of its own
    assert form in tuned.words and form not in trainer.embeddings.words
    trainer.save(tmp_path)
    ner.write_manifest(tmp_path, settings, trainer)
    tagger = load_tagger(tmp_path, cached=False)
    assert tagger.consistency.bonus == 2.0
    tokens = [[token for token, _ in s] for s in SENTENCES]
    assert tagger.tag_many(tokens) == trainer.tag_many(tokens)


def test_training_is_seeded() -> None:
    pytest.importorskip("torch", reason="torch (the train extra) trains the model")
    settings = ner.TrainSettings(epochs=2, hidden=6, char_filters=5, tuned_words=4)
    runs = []
    for _ in range(2):
        trainer = ner.Trainer(settings, small_embeddings(), ner.frequent_forms(SENTENCES, settings.tuned_words))
        losses = [trainer.epoch(SENTENCES, number) for number in (1, 2)]
        runs.append((losses, trainer.tuned_embeddings().vectors.tobytes()))
    assert runs[0] == runs[1]
