"""The fast (CRF) trainer on a tiny synthetic corpus: both passes, the manifest (kind crf), the tagger reading it back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.stages.entities.features import FeatureExtractor, Lexicon
from khabar.stages.entities.tagger import ModelNotFound, NerTagger
from khabar.training.conll import Sentence
from khabar.training.ner_crf import CrfSettings, fold_bounds, train_passes, write_manifest
from khabar.training.ner_data import split_tail

PEOPLE = ["محمد", "أحمد", "سمير", "خالد"]
PLACES = ["بغداد", "القاهرة", "دمشق", "عمان"]


def corpus() -> list[Sentence]:
    """Sentences like 'قال X في Y .' with X a person and Y a place."""
    sentences: list[Sentence] = []
    for person in PEOPLE:
        for place in PLACES:
            sentences.append([("قال", "O"), (person, "B-PER"), ("في", "O"), (place, "B-LOC"), (".", "O")])
    return sentences


def test_fold_bounds_cover_everything_once() -> None:
    bounds = fold_bounds(11, 3)
    assert bounds[0][0] == 0 and bounds[-1][1] == 11
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))


def test_split_tail_takes_last_share_of_tokens() -> None:
    sentences = [[("w", "O")] * 10 for _ in range(6)]
    head, tail = split_tail(sentences, 1 / 6)
    assert len(head) == 5 and len(tail) == 1


@pytest.mark.parametrize("passes", [1, 2])
def test_train_and_tag(tmp_path: Path, passes: int) -> None:
    settings = CrfSettings(max_iterations=30, passes=passes, folds=2)
    train_passes({"toy": corpus()}, FeatureExtractor(Lexicon()), settings, tmp_path, jobs=1)
    write_manifest(tmp_path, {"passes": passes, "window": settings.window, "options": []})
    assert (tmp_path / "ner2.npz").exists() == (passes == 2)
    assert not list(tmp_path.glob("*.crfsuite"))  # crfsuite's own files are exported, not shipped
    tagger = NerTagger.load(tmp_path, cached=False)
    assert tagger.tag(["قال", "خالد", "في", "دمشق", "."]) == ["O", "B-PER", "O", "B-LOC", "O"]
    assert json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))["passes"] == passes


def test_two_pass_manifest_without_second_model_is_reported(tmp_path: Path) -> None:
    settings = CrfSettings(max_iterations=5, passes=1)
    train_passes({"toy": corpus()}, FeatureExtractor(Lexicon()), settings, tmp_path, jobs=1)
    write_manifest(tmp_path, {"passes": 2, "window": 10, "options": []})
    with pytest.raises(ModelNotFound, match="ner2.npz"):
        NerTagger.load(tmp_path, cached=False)


def test_the_manifest_names_the_crf_kind(tmp_path: Path) -> None:
    write_manifest(tmp_path, {"passes": 1, "window": 10, "options": []})
    assert json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))["kind"] == "crf"


def test_each_trainer_writes_its_shipped_model_by_default() -> None:
    from khabar.stages.entities.tagger import shipped_model_dir
    from khabar.training import ner, ner_crf

    assert ner_crf.DEFAULT_OUT.resolve() == shipped_model_dir("fast").resolve()
    assert ner.DEFAULT_OUT.resolve() == shipped_model_dir("accurate").resolve()
