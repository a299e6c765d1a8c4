"""The numpy CRF: it tags exactly as python-crfsuite does with the same weights, in batches or alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.entities.crf import CrfWeights, Scorer, viterbi, viterbi_batch
from khabar.stages.entities.features import FeatureExtractor, Lexicon

pycrfsuite = pytest.importorskip("pycrfsuite", reason="python-crfsuite trains the models compared here")

WORDS = ["قال", "محمد", "أحمد", "في", "بغداد", "القاهرة", "إن", "الوزير", "وزارة", "الخارجية", "."]
LABELS = {"محمد": "B-PER", "أحمد": "B-PER", "بغداد": "B-LOC", "القاهرة": "B-LOC", "وزارة": "B-ORG", "الخارجية": "I-ORG"}


def _sentences(seed: int, count: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    return [[WORDS[i] for i in rng.integers(0, len(WORDS), rng.integers(1, 12))] for _ in range(count)]


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FeatureExtractor]:
    extractor = FeatureExtractor(Lexicon())
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in _sentences(0, 300):
        tags = [LABELS.get(w, "O") for w in sentence]
        trainer.append(extractor.sentence(sentence), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    path = tmp_path_factory.mktemp("crf") / "toy.crfsuite"
    trainer.train(str(path))
    return path, extractor


def test_numpy_tags_like_crfsuite(model: tuple[Path, FeatureExtractor], tmp_path: Path) -> None:
    path, extractor = model
    weights = CrfWeights.from_crfsuite(path)
    weights.save(tmp_path / "toy")
    scorer = Scorer(CrfWeights.load(tmp_path / "toy"), extractor)
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    sentences = _sentences(1, 200) + [["كلمة", "جديدة", "تماما"]]
    expected = [list(reference.tag(extractor.sentence(s))) for s in sentences]
    assert scorer.tag_many(sentences) == expected
    assert [scorer.tag(s) for s in sentences[:20]] == expected[:20]


def test_saved_weights_round_trip(model: tuple[Path, FeatureExtractor], tmp_path: Path) -> None:
    weights = CrfWeights.from_crfsuite(model[0])
    weights.save(tmp_path / "w")
    again = CrfWeights.load(tmp_path / "w")
    assert again.labels == weights.labels and again.attributes == weights.attributes
    assert np.array_equal(again.state, weights.state) and np.array_equal(again.transitions, weights.transitions)


def test_empty_sentences_get_empty_labels(model: tuple[Path, FeatureExtractor]) -> None:
    scorer = Scorer(CrfWeights.from_crfsuite(model[0]), model[1])
    assert scorer.tag_many([[], ["قال"], []])[0::2] == [[], []]


def _brute_force(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    import itertools

    best, best_path = -np.inf, []
    for path in itertools.product(range(emissions.shape[1]), repeat=len(emissions)):
        score = emissions[0, path[0]] + sum(transitions[a, b] + emissions[i + 1, b] for i, (a, b) in enumerate(zip(path, path[1:], strict=False)))
        if score > best:
            best, best_path = score, list(path)
    return best_path


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5), st.integers(0, 2**31 - 1))
def test_viterbi_finds_the_best_path(length: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    emissions, transitions = rng.normal(size=(length, 3)), rng.normal(size=(3, 3))
    assert viterbi(emissions, transitions) == _brute_force(emissions, transitions)


def test_batched_viterbi_equals_one_at_a_time() -> None:
    rng = np.random.default_rng(7)
    transitions = rng.normal(size=(4, 4))
    lengths = np.array([5, 1, 3])
    emissions = rng.normal(size=(3, 5, 4))
    batched = viterbi_batch(emissions, lengths, transitions)
    assert batched == [viterbi(emissions[i, : lengths[i]], transitions) for i in range(3)]


def test_threads_sharing_a_scorer_get_the_same_labels(model: tuple[Path, FeatureExtractor]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    path, extractor = model
    sentences = [_sentences(seed, 30) for seed in range(2, 10)]
    expected = [Scorer(CrfWeights.from_crfsuite(path), FeatureExtractor(Lexicon())).tag_many(batch) for batch in sentences]
    shared = Scorer(CrfWeights.from_crfsuite(path), extractor)
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(shared.tag_many, sentences * 3)) == expected * 3


def test_a_cascade_shares_its_table_and_tags_like_separate_scorers(model: tuple[Path, FeatureExtractor], tmp_path: Path) -> None:
    """Two passes in one Scorer (one cached table, columns side by side) label as two Scorers would."""
    path, extractor = model
    first = CrfWeights.from_crfsuite(path)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in _sentences(11, 300):
        tags = [LABELS.get(w, "O") for w in sentence]
        rows = extractor.sentence(sentence)
        trainer.append([row + ["s1=" + tag] for row, tag in zip(rows, first_pass_guess(sentence), strict=True)], tags)
    trainer.set_params({"c1": 0.2, "c2": 0.05, "max_iterations": 30, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "second.crfsuite"))
    second = CrfWeights.from_crfsuite(tmp_path / "second.crfsuite")
    sentences = _sentences(12, 150) + [[], ["كلمة", "جديدة"]]

    def extras(index: int, previous: list[list[str]] | None) -> list[list[list[str]]] | None:
        return [[["s1=" + tag] for tag in tags] for tags in previous] if index and previous is not None else None

    expected_first = Scorer(first, FeatureExtractor(Lexicon())).tag_many(sentences)
    expected_second = Scorer(second, FeatureExtractor(Lexicon())).tag_many(sentences, extras(1, expected_first))
    assert Scorer([first, second], extractor).cascade(sentences, extras) == [expected_first, expected_second]


def first_pass_guess(sentence: list[str]) -> list[str]:
    """A noisy stand-in for a first pass's labels: every other name missed."""
    return [LABELS.get(w, "O") if i % 2 else "O" for i, w in enumerate(sentence)]


def test_a_full_table_turns_over_keeping_frequent_tokens_and_the_labels(model: tuple[Path, FeatureExtractor],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.stages.entities import crf

    path, extractor = model
    weights = CrfWeights.from_crfsuite(path)
    batches = [_sentences(seed, 5) + [[f"نادر{seed}{i}" for i in range(12)]] for seed in range(30, 60)]  # rare words
    expected = [Scorer(weights, FeatureExtractor(Lexicon())).tag_many(batch) for batch in batches]
    monkeypatch.setattr(crf, "TABLE_LIMIT", len(Scorer(weights, extractor)._state) + 40)  # room for ~10 words
    small = Scorer(weights, extractor)
    turn_overs = 0
    for batch, labels in zip(batches, expected, strict=True):
        used = small._used
        assert small.tag_many(batch) == labels
        turn_overs += small._used < used
    assert turn_overs > 3
    most_used = max(small._rows, key=lambda token: small._uses[small._rows[token]])
    small._turn_over()
    assert most_used in small._rows  # an everyday word keeps its rows
    assert list(small._rows.values()) == list(range(len(small._rows)))  # serials: the rows of _ids and _uses, in order
    assert sum(f"نادر59{i}" in small._rows for i in range(12)) < 12  # words seen once: only while room is left
    assert small.tag_many(batches[-1]) == expected[-1]


def test_bigram_rows_are_the_rows_of_the_bigram_attribute_names() -> None:
    """Nested word-by-word look-ups give the row of "bi-=a|b" / "bi+=a|b", words holding "|" included."""
    names = ["bias", "bi-=<s>|قال", "bi+=قال|محمد", "bi-=قال|محمد", "bi+=محمد|</s>", "bi-=|||", "bi+=|||", "bi-=قال||", "bi+=||</s>"]
    attributes = {name: row for row, name in enumerate(names, 1)}
    weights = CrfWeights(("O", "B-PER"), attributes, np.zeros((len(names) + 1, 2), np.float32), np.zeros((2, 2), np.float32))
    scorer = Scorer(weights, FeatureExtractor(Lexicon()))
    for sentence in (["قال", "محمد"], ["قال", "|"], ["|", "|"], ["محمد", "قال", "جديد"]):
        words = ["<s>", *sentence, "</s>"]
        expected = [(attributes.get(f"bi-={words[i - 1]}|{words[i]}", 0), attributes.get(f"bi+={words[i]}|{words[i + 1]}", 0))
                    for i in range(1, len(words) - 1)]
        assert scorer._bigram_rows([sentence]).tolist() == [list(pair) for pair in expected]
