"""A linear-chain CRF evaluated with numpy: the weights python-crfsuite learned, without crfsuite at run time.

crfsuite scores a label sequence as the sum of the weights of (attribute, label) pairs present at each
position plus the weights of each (previous label, label) transition; tagging is the Viterbi path. Its
L1-regularised models are sparse (tens of thousands of attributes), so ``export`` writes them as a dense
``[attributes, labels]`` matrix (``NAME.npz``) and the attribute names (``NAME.attributes.txt``).

Speed comes from caching: a token's static features always add the same score vector, so
``Scorer`` sums it once per distinct token (and once per token and neighbour offset) and keeps it as a
row of a growing table; a sentence's emission scores are then one fancy-index sum over row ids.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.stages.entities.features import BEGIN, END, FeatureExtractor
from khabar.stages.entities.normalise import normalise

ZERO_ROW = 0  # row 0 of every table is zeros: "no feature"
ATTRIBUTES_SUFFIX = ".attributes.txt"
TABLE_LIMIT = 250_000  # cached rows (9 MB) kept before the caches are emptied
TABLE_GROWTH = 65_536  # rows added when the table is full
BATCH = 256  # sentences scored and decoded together (sorted by length, so little padding)


@dataclass(frozen=True)
class CrfWeights:
    """One CRF: labels, attribute -> row, the state weights (row 0 zeros) and the transitions (from, to)."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray  # [1 + attributes, labels] float32
    transitions: np.ndarray  # [labels, labels] float32

    @classmethod
    def from_crfsuite(cls, path: Path) -> CrfWeights:
        """Read a python-crfsuite model file (training time: needs python-crfsuite)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = tuple(sorted(info.labels, key=info.labels.__getitem__))
        column = {label: index for index, label in enumerate(labels)}
        attributes: dict[str, int] = {}
        for attribute, _ in info.state_features:
            attributes.setdefault(attribute, len(attributes) + 1)
        state = np.zeros((len(attributes) + 1, len(labels)), dtype=np.float32)
        for (attribute, label), weight in info.state_features.items():
            state[attributes[attribute], column[label]] = weight
        transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (before, after), weight in info.transitions.items():
            transitions[column[before], column[after]] = weight
        return cls(labels, attributes, state, transitions)

    def save(self, stem: Path) -> None:
        """Write ``stem.npz`` and ``stem.attributes.txt``."""
        np.savez_compressed(stem.with_suffix(".npz"), state=self.state, transitions=self.transitions,
                            labels=np.array(self.labels))
        names = sorted(self.attributes, key=self.attributes.__getitem__)
        stem.with_name(stem.name + ATTRIBUTES_SUFFIX).write_text("\n".join(names) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, stem: Path) -> CrfWeights:
        """Read what ``save`` wrote."""
        with np.load(stem.with_suffix(".npz")) as arrays:
            state, transitions, labels = arrays["state"], arrays["transitions"], arrays["labels"]
        names = stem.with_name(stem.name + ATTRIBUTES_SUFFIX).read_text(encoding="utf-8").split("\n")
        attributes = {name: row for row, name in enumerate(names[: len(state) - 1], 1)}
        return cls(tuple(str(label) for label in labels), attributes, state, transitions)


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best label path of one sentence (crfsuite's scoring: no start or end weights)."""
    return viterbi_batch(emissions[None], np.array([len(emissions)]), transitions)[0]


def viterbi_batch(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> list[list[int]]:
    """Best paths of padded sentences at once: ``emissions`` [B, T, L], ``lengths`` [B].

    The sentences are visited longest first, so that at each step the ones still going are a prefix of
    the batch and every numpy call works on that prefix alone.
    """
    batch = len(lengths)
    if batch == 0 or emissions.shape[1] == 0:
        return [[] for _ in range(batch)]
    order = np.argsort(-lengths, kind="stable")
    emissions, lengths = emissions[order], lengths[order]
    steps = int(lengths[0])
    alive = [int(np.count_nonzero(lengths > step)) for step in range(steps)]  # sentences still going at each step
    back = np.zeros((steps, batch, emissions.shape[2]), dtype=np.intp)
    score = emissions[:, 0].copy()
    finals = np.zeros(batch, dtype=np.intp)
    for step in range(1, steps + 1):
        ended = slice(alive[step] if step < steps else 0, alive[step - 1])  # sentences whose last step was step-1
        finals[ended] = score[ended].argmax(axis=1)
        if step == steps:
            break
        live = alive[step]
        candidates = score[:live, :, None] + transitions
        back[step, :live] = candidates.argmax(axis=1)
        score[:live] = candidates.max(axis=1) + emissions[:live, step]
    paths = np.zeros((batch, steps), dtype=np.intp)
    current = finals.copy()
    for step in range(steps - 1, 0, -1):
        live = alive[step]
        paths[:live, step] = current[:live]
        current[:live] = back[step, np.arange(live), current[:live]]
    paths[:, 0] = current
    result: list[list[int]] = [[] for _ in range(batch)]
    for row, (index, size) in enumerate(zip(order.tolist(), lengths.tolist(), strict=True)):
        result[index] = paths[row, :size].tolist()
    return result


class Scorer:
    """Emission scores of one CRF for sentences, mirroring ``FeatureExtractor.sentence`` (+ extra attributes)."""

    def __init__(self, weights: CrfWeights, extractor: FeatureExtractor) -> None:
        self.weights = weights
        self.extractor = extractor
        self._lock = threading.Lock()  # the caches grow as text is tagged: one thread at a time (API, Dask threads)
        self._prefixes = tuple(f"{offset}:" for offset in extractor.window)
        self._reset()

    def _reset(self) -> None:
        self._table = np.concatenate([self.weights.state, np.zeros((TABLE_GROWTH, self.weights.state.shape[1]), dtype=self.weights.state.dtype)])
        self._used = len(self.weights.state)
        self._rows: dict[str, tuple[int, ...]] = {}
        self._slots: dict[str, tuple[tuple[int, int], ...]] = {}  # feature -> (slot, row) pairs, filled as met
        attributes = self.weights.attributes
        self._boundary = {offset: attributes.get(f"{offset}:{BEGIN if offset < 0 else END}", ZERO_ROW) for offset in (-1, 1)}

    def _feature_slots(self, feature: str) -> tuple[tuple[int, int], ...]:
        """The (slot, row) pairs a static feature fires: slot 0 as the token's own feature, slot k as the
        feature of the neighbour at ``window[k - 1]`` ("-1:w=..."). A name the model lacks fires nothing."""
        names = (feature, *(prefix + feature for prefix in self._prefixes))
        return tuple((slot, row) for slot, name in enumerate(names) if (row := self.weights.attributes.get(name)) is not None)

    def _add_rows(self, tokens: Iterable[str]) -> None:
        """Cache the rows of tokens not seen before, summing all their feature weights in one numpy call.

        A token has ``1 + len(window)`` rows: its own features, then its features as a neighbour at each
        offset. A group of one attribute uses that attribute's row; an empty group, the zero row.
        """
        width = 1 + len(self.extractor.window)
        new = [token for token in dict.fromkeys(tokens) if token not in self._rows]
        if not new:
            return
        groups: list[list[int]] = []
        for token in new:
            token_groups: list[list[int]] = [[] for _ in range(width)]
            for feature in self.extractor.static(token):
                slots = self._slots.get(feature)
                if slots is None:
                    slots = self._slots[feature] = self._feature_slots(feature)
                for slot, row in slots:
                    token_groups[slot].append(row)
            groups += token_groups
        multi = [group for group in groups if len(group) > 1]
        first_new = self._used
        if multi:
            flat = np.fromiter((row for group in multi for row in group), dtype=np.intp)
            starts = np.cumsum([0] + [len(group) for group in multi[:-1]])
            sums = np.add.reduceat(self._table[flat], starts, axis=0)
            if self._used + len(sums) > len(self._table):
                extra = max(TABLE_GROWTH, self._used + len(sums) - len(self._table))
                self._table = np.concatenate([self._table, np.zeros((extra, self._table.shape[1]), dtype=self._table.dtype)])
            self._table[self._used : self._used + len(sums)] = sums
            self._used += len(sums)
        fresh = iter(range(first_new, self._used))
        ids = [group[0] if len(group) == 1 else ZERO_ROW if not group else next(fresh) for group in groups]
        for number, token in enumerate(new):
            self._rows[token] = tuple(ids[number * width : (number + 1) * width])

    def _emission_matrix(self, sentences: Sequence[Sequence[str]], extras: Sequence[Sequence[Sequence[str]]] | None) -> np.ndarray:
        """``[all tokens, labels]`` scores of non-empty sentences, in order (mirrors ``FeatureExtractor.sentence``).

        Each token's own and neighbour rows come from the cache; neighbours are gathered with numpy shifts
        inside each sentence, the sentence edges using crfsuite's ``-1:<s>``/``1:</s>`` attributes.
        """
        attributes = self.weights.attributes
        tokens = [token for sentence in sentences for token in sentence]
        self._add_rows(tokens)
        rows = np.array([self._rows[token] for token in tokens], dtype=np.intp)  # [N, 1 + window]
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.intp)
        position = np.arange(len(tokens)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        size = np.repeat(lengths, lengths)
        table = self._table
        scores = table[rows[:, 0]]
        for slot, offset in enumerate(self.extractor.window, 1):
            inside = (position + offset >= 0) & (position + offset < size)
            other = np.clip(np.arange(len(tokens)) + offset, 0, len(tokens) - 1)
            edge = self._boundary.get(offset, ZERO_ROW)
            scores = scores + table[np.where(inside, rows[other, slot], edge)]
        scores = scores + table[self._bigram_rows(sentences, attributes)].sum(axis=1)
        if extras is not None:
            flat = [[attributes.get(a, ZERO_ROW) for a in token_extras] for sentence in extras for token_extras in sentence]
            width = max(len(row) for row in flat)
            scores = scores + table[np.array([row + [ZERO_ROW] * (width - len(row)) for row in flat], dtype=np.intp)].sum(axis=1)
        return scores

    def _bigram_rows(self, sentences: Sequence[Sequence[str]], attributes: dict[str, int]) -> np.ndarray:
        """``[N, 2]`` rows of each token's ``bi-`` and ``bi+`` attributes."""
        out = []
        for sentence in sentences:
            words = [BEGIN, *(normalise(token) for token in sentence), END]
            for index in range(1, len(words) - 1):
                out.append((attributes.get("bi-=" + words[index - 1] + "|" + words[index], ZERO_ROW),
                            attributes.get("bi+=" + words[index] + "|" + words[index + 1], ZERO_ROW)))
        return np.array(out, dtype=np.intp).reshape(-1, 2)

    def tag(self, tokens: Sequence[str], extras: Sequence[Sequence[str]] | None = None) -> list[str]:
        """The best labels of one sentence."""
        return self.tag_many([tokens], None if extras is None else [extras])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], extras: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[str]]:
        """The best labels of each sentence, scored and decoded in batches of similar length."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        results: list[list[str]] = [[] for _ in sentences]
        with self._lock:
            for start in range(0, len(order), BATCH):
                chunk = [i for i in order[start : start + BATCH] if sentences[i]]
                if chunk:
                    paths = self._tag_batch([sentences[i] for i in chunk], None if extras is None else [extras[i] for i in chunk])
                    for i, path in zip(chunk, paths, strict=True):
                        results[i] = path
        return results

    def _tag_batch(self, sentences: list[Sequence[str]], extras: list[Sequence[Sequence[str]]] | None) -> list[list[str]]:
        if self._used >= TABLE_LIMIT:  # between batches only: rows handed out stay valid within one
            self._reset()
        scores = self._emission_matrix(sentences, extras)
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.intp)
        padded = np.zeros((len(sentences), int(lengths.max()), scores.shape[1]), dtype=scores.dtype)
        padded[np.arange(padded.shape[1]) < lengths[:, None]] = scores
        labels = self.weights.labels
        return [[labels[i] for i in path] for path in viterbi_batch(padded, lengths, self.weights.transitions)]
