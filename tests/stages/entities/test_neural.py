"""The neural NER model at run time: batching, BILOU decoding, and onnxruntime against torch."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from khabar.stages.entities.inputs import Embeddings, encode
from khabar.stages.entities.neural import Consistency, CrfWeights, NeuralTagger, groups, to_bio
from khabar.stages.entities.tagger import load_tagger

SENTENCES = [["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس", "."], ["وأكدت", "الأمم", "المتحدة"], ["نعم"], []]


def test_bilou_becomes_bio() -> None:
    assert to_bio(["U-PER", "B-ORG", "I-ORG", "L-ORG", "O", "U-LOC"]) == ["B-PER", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]


def test_sentences_are_grouped_by_length_without_empty_ones() -> None:
    assert groups([3, 30, 28, 4, 0]) == [[1, 2], [3, 0]]
    assert sorted(i for group in groups([5] * 200) for i in group) == list(range(200))
    assert max(len(group) for group in groups([5] * 200)) == 64


def _path_score(scores: np.ndarray, path: tuple[int, ...], crf: CrfWeights) -> float:
    total = crf.start[path[0]] + crf.end[path[-1]] + sum(scores[t, label] for t, label in enumerate(path))
    return float(total + sum(crf.transitions[a, b] for a, b in itertools.pairwise(path)))


def test_consistency_adds_the_share_of_other_occurrences_tagged_as_a_name() -> None:
    labels = ["O", "U-PER", "U-LOC"]
    forms = [["قال", "عباس"], ["وصل", "عباس"], ["عباس", "في", "عباس"]]
    paths = [[0, 1], [0, 0], [0, 0, 2]]
    extras = Consistency(bonus=2.0, window=10).extras(forms, paths, labels)
    assert extras is not None
    assert np.allclose(extras[1][1], [0.0, 2.0 / 3, 2.0 / 3])  # of the 3 others: one PER, one LOC, one O
    assert np.allclose(extras[0][1], [0.0, 0.0, 2.0 / 3])
    assert not extras[0][0].any() and not extras[2][1].any()  # "في" is too short
    assert Consistency(bonus=2.0, window=0).extras(forms, paths, labels) is not None  # same sentence
    assert Consistency(bonus=2.0).extras([["قال"]], [[0]], labels) is None


def test_decoding_finds_the_best_path_with_start_and_end_scores() -> None:
    rng = np.random.default_rng(3)
    crf = CrfWeights(rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3))
    scores = rng.normal(size=(2, 4, 3)).astype(np.float32)
    lengths = [4, 2]
    for row, path in enumerate(crf.decode([scores[0], scores[1, :2]])):
        length = lengths[row]
        best = max(itertools.product(range(3), repeat=length), key=lambda p: _path_score(scores[row], p, crf))
        assert tuple(path) == best


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """An untrained model exported as ``khabar train ner`` exports one (needs torch)."""
    pytest.importorskip("torch", reason="torch (the train extra) builds the model the ONNX path is checked against")
    pytest.importorskip("onnx", reason="onnx (the train extra) exports the model")
    from khabar.training import ner

    directory = tmp_path_factory.mktemp("model")
    rng = np.random.default_rng(0)
    embeddings = Embeddings({"قال": 0, "في": 1}, rng.normal(size=(2, 8)).astype(np.float16),
                            rng.normal(size=(97, 8)).astype(np.float16), 3, 5)
    embeddings.save(directory / "embeddings.npz")
    trainer = ner.Trainer(ner.TrainSettings(hidden=6, char_filters=5, quantise=False), embeddings)
    for parameter in trainer.model.parameters():  # away from zero, so that labels differ
        parameter.data.normal_(0, 0.5)
    trainer.model.encoder.chars.weight.data[0] = 0  # the padding character, as nn.Embedding keeps it
    trainer.save(directory)
    ner.write_manifest(directory, trainer.settings, trainer)
    return directory, trainer


def test_onnxruntime_gives_torch_s_scores_and_labels(tiny_model: tuple[Path, object]) -> None:
    import torch

    directory, trainer = tiny_model
    tagger = load_tagger(directory, cached=False)
    assert isinstance(tagger, NeuralTagger)
    batch = encode(SENTENCES[:3], tagger.embeddings)
    with torch.no_grad():
        expected = trainer.model.encoder(torch.from_numpy(batch.words), torch.from_numpy(batch.chars),  # type: ignore[attr-defined]
                                         torch.from_numpy(batch.lengths.astype(np.int64))).numpy()
    for _ in range(2):  # the forms' vectors computed, then remembered
        got = tagger.scores(SENTENCES[:3])
        assert np.allclose(got[batch.mask], expected[batch.mask], atol=1e-4)
    assert tagger.tag_many(SENTENCES) == trainer.tag_many(SENTENCES)  # type: ignore[attr-defined]
    assert len({tag for sentence in tagger.tag_many(SENTENCES) for tag in sentence}) > 1


def test_the_int8_network_keeps_the_scores_close(tiny_model: tuple[Path, object], tmp_path: Path) -> None:
    import shutil

    from khabar.training.ner_model import quantise

    exact = load_tagger(tiny_model[0], cached=False)
    for path in tiny_model[0].iterdir():
        shutil.copy(path, tmp_path / path.name)
    quantise(tmp_path / "ner.onnx")
    small = load_tagger(tmp_path, cached=False)
    import onnx

    assert "DynamicQuantizeLSTM" in {node.op_type for node in onnx.load(str(tmp_path / "ner.onnx")).graph.node}
    a, b = exact.scores(SENTENCES[:3]), small.scores(SENTENCES[:3])
    assert np.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.98


def test_padding_never_changes_a_sentence_s_scores(tiny_model: tuple[Path, object]) -> None:
    tagger = load_tagger(tiny_model[0], cached=False)
    scores = tagger.scores(SENTENCES[:3])
    for row, sentence in enumerate(SENTENCES[:3]):
        alone = tagger.scores([sentence])[0]
        assert np.allclose(scores[row, : len(sentence)], alone, atol=1e-5)


def test_the_stage_takes_the_model_its_manifest_names(tiny_model: tuple[Path, object]) -> None:
    from khabar.model import Document
    from khabar.pipeline import Pipeline, core_stages
    from khabar.stages.entities import EntityTagger

    stage = EntityTagger.load(tiny_model[0])
    assert isinstance(stage.tagger, NeuralTagger)
    doc = Pipeline([*core_stages(), stage])(Document(id="t", text="قال الرئيس الفرنسي إيمانويل ماكرون في باريس."))
    assert all(0 <= m.start < m.end <= len(doc.text) for e in doc.entities for m in e.mentions)


def test_a_manifest_of_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    from khabar.stages.entities.tagger import ModelNotFound

    (tmp_path / "model.json").write_text(json.dumps({"kind": "transformer"}), encoding="utf-8")
    with pytest.raises(ModelNotFound, match="unknown kind"):
        load_tagger(tmp_path, cached=False)
