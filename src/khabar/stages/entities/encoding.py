"""Integer encoding of sentences for the neural NER tagger (numpy only; shared by training and run time).

Each token becomes a word id and a stem id (into the word-embedding vocabulary), ``MAX_CHARS`` character
ids of its normal form, and up to ``MAX_FEATURES`` ids of its static CRF features (clitics, shape,
affixes, word clusters, gazetteer tags, frequency band) that the model embeds and sums. Id 0 is padding,
id 1 unknown, everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.stages.entities.features import CACHE_LIMIT, FeatureExtractor
from khabar.stages.entities.normalise import normalise, stem_candidates, strip_clitics

PAD = 0
UNKNOWN = 1
RESERVED = ("<pad>", "<unk>")
MAX_CHARS = 16
MAX_FEATURES = 28
WORD_VOCAB_FILE = "embeddings_vocab.txt"
CHAR_VOCAB_FILE = "chars.txt"
FEATURE_VOCAB_FILE = "feature_vocab.txt"
SKIPPED_FEATURES = ("bias", "w=", "st=")


def read_vocab(path: Path, reserved: bool = True) -> dict[str, int]:
    """Entry -> id for a one-entry-per-line file; ids 0 and 1 are pad/unknown when ``reserved``."""
    entries = path.read_text(encoding="utf-8").split("\n")
    start = len(RESERVED) if reserved else 0
    return {entry: index for index, entry in enumerate((e for e in entries if e), start)}


def write_vocab(entries: Iterable[str], path: Path) -> None:
    """Write one entry per line (the reserved ids are implicit)."""
    path.write_text("\n".join(entries) + "\n", encoding="utf-8")


@dataclass
class Batch:
    """Padded integer arrays for a list of sentences (all int64, batch-major)."""

    words: np.ndarray  # [B, T]
    stems: np.ndarray  # [B, T]
    chars: np.ndarray  # [B, T, MAX_CHARS]
    features: np.ndarray  # [B, T, MAX_FEATURES]
    lengths: np.ndarray  # [B]


class Encoder:
    """Maps tokens to the integer inputs of the neural tagger; per-token rows are cached."""

    def __init__(self, words: dict[str, int], chars: dict[str, int], features: dict[str, int],
                 extractor: FeatureExtractor) -> None:
        self.words, self.chars, self.features = words, chars, features
        self.extractor = extractor
        self._cache: dict[str, tuple[int, int, np.ndarray, np.ndarray]] = {}

    def word_id(self, word: str) -> int:
        """Id of a normalised word, else of its longest known clitic-stripped form, else unknown."""
        for form in stem_candidates(word):
            index = self.words.get(form)
            if index is not None:
                return index
        return UNKNOWN

    def token(self, token: str) -> tuple[int, int, np.ndarray, np.ndarray]:
        """(word id, stem id, char ids, feature ids) of one token (cached)."""
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            cached = self._cache[token] = self._encode(token)
        return cached

    def _encode(self, token: str) -> tuple[int, int, np.ndarray, np.ndarray]:
        """Compute one token's encoding."""
        word = normalise(token)
        stem = strip_clitics(word)[1]
        chars = np.zeros(MAX_CHARS, dtype=np.int64)
        for index, char in enumerate(word[:MAX_CHARS]):
            chars[index] = self.chars.get(char, UNKNOWN)
        ids = [self.features[f] for f in self.extractor.static(token) if f in self.features]
        features = np.zeros(MAX_FEATURES, dtype=np.int64)
        features[: len(ids[:MAX_FEATURES])] = ids[:MAX_FEATURES]
        return self.word_id(word), self.words.get(stem, UNKNOWN), chars, features

    def batch(self, sentences: Sequence[Sequence[str]]) -> Batch:
        """Encode and pad a list of non-empty sentences."""
        size, longest = len(sentences), max(len(sentence) for sentence in sentences)
        words = np.zeros((size, longest), dtype=np.int64)
        stems = np.zeros((size, longest), dtype=np.int64)
        chars = np.zeros((size, longest, MAX_CHARS), dtype=np.int64)
        features = np.zeros((size, longest, MAX_FEATURES), dtype=np.int64)
        for row, sentence in enumerate(sentences):
            for column, token in enumerate(sentence):
                words[row, column], stems[row, column], chars[row, column], features[row, column] = self.token(token)
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.int64)
        return Batch(words, stems, chars, features, lengths)


def viterbi(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label path for one sentence: emissions [T, L], transitions [L, L] (from, to)."""
    score = start + emissions[0]
    back = np.zeros(emissions.shape, dtype=np.int64)
    for step in range(1, len(emissions)):
        candidates = score[:, None] + transitions
        back[step] = np.argmax(candidates, axis=0)
        score = candidates[back[step], np.arange(len(score))] + emissions[step]
    best = [int(np.argmax(score + end))]
    for step in range(len(emissions) - 1, 0, -1):
        best.append(int(back[step, best[-1]]))
    return best[::-1]
