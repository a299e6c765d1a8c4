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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
import threading
from pathlib import Path

import numpy as np

from khabar.stages.entities.features import BEGIN, END, FeatureExtractor
from khabar.stages.entities.normalise import normalise

ZERO_ROW = 0  # row 0 of every table is zeros: "no feature"
ATTRIBUTES_SUFFIX = ".attributes.txt"
TABLE_LIMIT = 500_000  # cached rows (18 MB) kept before the caches are emptied
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
    """Best paths of padded sentences at once: ``emissions`` [B, T, L], ``lengths`` [B]."""
    batch, steps, labels = emissions.shape
    if steps == 0:
        return [[] for _ in range(batch)]
    back = np.empty((steps, batch, labels), dtype=np.intp)
    keep = np.broadcast_to(np.arange(labels), (batch, labels))  # a padded step points to itself
    score = emissions[:, 0]
    for step in range(1, steps):
        candidates = score[:, :, None] + transitions  # [B, from, to]
        best = candidates.argmax(axis=1)
        moved = candidates.max(axis=1) + emissions[:, step]
        live = (lengths > step)[:, None]
        score = np.where(live, moved, score)
        back[step] = np.where(live, best, keep)
    label = score.argmax(axis=1)
    path = [label]
    for step in range(steps - 1, 0, -1):
        label = back[step, np.arange(batch), label]
        path.append(label)
    columns = np.stack(path[::-1], axis=1)
    return [columns[row, :size].tolist() for row, size in enumerate(lengths.tolist())]


class Scorer:
    """Emission scores of one CRF for sentences, mirroring ``FeatureExtractor.sentence`` (+ extra attributes)."""

    def __init__(self, weights: CrfWeights, extractor: FeatureExtractor) -> None:
        self.weights = weights
        self.extractor = extractor
        self._lock = threading.Lock()  # the caches grow as text is tagged: one thread at a time (API, Dask threads)
        self._reset()

    def _reset(self) -> None:
        self._table = np.concatenate([self.weights.state, np.zeros_like(self.weights.state)])
        self._used = len(self.weights.state)
        self._rows: dict[str, tuple[int, ...]] = {}
        attributes = self.weights.attributes
        self._boundary = {offset: attributes.get(f"{offset}:{BEGIN if offset < 0 else END}", ZERO_ROW) for offset in (-1, 1)}

    def _add_rows(self, tokens: Iterable[str]) -> None:
        """Cache the rows of tokens not seen before, summing all their feature weights in one numpy call.

        A token has ``1 + len(window)`` rows: its own features, then its features as a neighbour at each
        offset. A group of one attribute uses that attribute's row; an empty group, the zero row.
        """
        attributes = self.weights.attributes
        window = self.extractor.window
        new = [token for token in dict.fromkeys(tokens) if token not in self._rows]
        if not new:
            return
        groups = [[row for row in map(attributes.get, features) if row is not None]
                  for token in new
                  for features in (self.extractor.static(token), *(self.extractor.neighbour(token, o) for o in window))]
        multi = [group for group in groups if len(group) > 1]
        first_new = self._used
        if multi:
            flat = np.fromiter((row for group in multi for row in group), dtype=np.intp)
            starts = np.cumsum([0] + [len(group) for group in multi[:-1]])
            sums = np.add.reduceat(self._table[flat], starts, axis=0)
            while self._used + len(sums) > len(self._table):
                self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._table[self._used : self._used + len(sums)] = sums
            self._used += len(sums)
        fresh = iter(range(first_new, self._used))
        ids = [group[0] if len(group) == 1 else ZERO_ROW if not group else next(fresh) for group in groups]
        width = 1 + len(window)
        for number, token in enumerate(new):
            self._rows[token] = tuple(ids[number * width : (number + 1) * width])

    def _position_ids(self, tokens: Sequence[str], extras: Sequence[Sequence[str]] | None) -> list[list[int]]:
        """Per token, the table rows whose sum is its emission score."""
        attributes = self.weights.attributes
        window = self.extractor.window
        self._add_rows(tokens)
        rows = [self._rows[token] for token in tokens]
        words = [normalise(token) for token in tokens]
        last = len(tokens) - 1
        ids: list[list[int]] = []
        for index in range(len(tokens)):
            row = [rows[index][0]]
            for slot, offset in enumerate(window, 1):
                other = index + offset
                if 0 <= other <= last:
                    row.append(rows[other][slot])
                elif offset in (-1, 1):
                    row.append(self._boundary[offset])
            previous = words[index - 1] if index else BEGIN
            following = words[index + 1] if index < last else END
            row.append(attributes.get("bi-=" + previous + "|" + words[index], ZERO_ROW))
            row.append(attributes.get("bi+=" + words[index] + "|" + following, ZERO_ROW))
            if extras is not None:
                row.extend(attributes.get(attribute, ZERO_ROW) for attribute in extras[index])
            ids.append(row)
        return ids

    def emissions(self, tokens: Sequence[str], extras: Sequence[Sequence[str]] | None = None) -> np.ndarray:
        """``[len(tokens), labels]`` scores; ``extras`` are further attributes per token (second pass)."""
        with self._lock:
            return self._scores(self._position_ids(tokens, extras))

    def _scores(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in ids)
        matrix = np.array([row + [ZERO_ROW] * (width - len(row)) for row in ids], dtype=np.intp)
        return self._table[matrix].sum(axis=1)

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
        ids: list[list[int]] = []
        for index, sentence in enumerate(sentences):
            ids += self._position_ids(sentence, None if extras is None else extras[index])
        scores = self._scores(ids)
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.intp)
        padded = np.zeros((len(sentences), int(lengths.max()), scores.shape[1]), dtype=scores.dtype)
        padded[np.arange(padded.shape[1]) < lengths[:, None]] = scores
        labels = self.weights.labels
        return [[labels[i] for i in path] for path in viterbi_batch(padded, lengths, self.weights.transitions)]
