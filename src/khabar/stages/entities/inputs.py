"""What the neural NER model reads of a token: the one definition, shared by training and tagging.

A token becomes three things, all computed from its *form* (``word_form``: khabar's normal form, digits
as ``0``):

* a subword embedding: the fastText vector of the form (``Embeddings``: a vocabulary-limited matrix plus
  hashed character n-gram buckets for the forms outside it, as fastText composes them);
* its characters (``char_ids``), for the model's character CNN;
* nothing else: clitics, affixes and shape are left to the characters.

``training/ner_model.py`` builds its tensors with ``encode`` below and ``tagger.NeuralTagger`` its ONNX
inputs with the same function, so the two cannot drift.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from khabar.stages.normalise import normalise_query
from khabar.stages.segment.cache import RecentCache

MAX_CHARS = 20  # characters of a form the character CNN reads (longer forms: the first 20)
PAD = 0
UNKNOWN_CHAR = 1
_DIGITS = str.maketrans("0123456789", "0000000000")
# the characters a form can hold, after normalisation (alef, ya and ta marbuta unified, Latin lowercased)
ALPHABET = (
    "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
    "پچژگڤ"
    "abcdefghijklmnopqrstuvwxyz0"
    ".,،;؛:!?؟()[]{}«»\"'-–—/\\%$&@#*+=_|…"
)
_CHAR_IDS = {char: index for index, char in enumerate(ALPHABET, 2)}
CHAR_VOCAB = len(ALPHABET) + 2  # with PAD and UNKNOWN_CHAR
VECTOR_CACHE = 50_000  # composed vectors of forms outside the vocabulary kept, per generation
EMBEDDINGS_FILE = "embeddings.npz"
FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


@functools.lru_cache(maxsize=1 << 14)
def word_form(token: str) -> str:
    """The form every input of the model is computed from: the normal form, every digit as ``0``.

    >>> word_form("بالأمم"), word_form("٢٠١٨"), word_form("CNN")
    ('بالامم', '0000', 'cnn')
    """
    return normalise_query(token).translate(_DIGITS)


def char_ids(form: str) -> tuple[int, ...]:
    """The ids of a form's first ``MAX_CHARS`` characters (``UNKNOWN_CHAR`` outside ``ALPHABET``).

    >>> char_ids("ab?")
    (43, 44, 77)
    """
    return tuple(_CHAR_IDS.get(char, UNKNOWN_CHAR) for char in form[:MAX_CHARS])


def ngrams(form: str, min_n: int, max_n: int) -> list[bytes]:
    """fastText's character n-grams of a form (UTF-8 bytes of ``<form>``'s substrings), as gensim lists them.
    A lone surrogate (broken text) is encoded as its code point would be, so that any text has n-grams.

    >>> ngrams("ab", 3, 3)
    [b'<ab', b'ab>']
    """
    wrapped = f"<{form}>"
    return [wrapped[i : i + n].encode("utf-8", "surrogatepass") for n in range(min_n, max_n + 1)
            for i in range(len(wrapped) - n + 1)]


def ngram_hashes(grams: Sequence[bytes], buckets: int) -> np.ndarray:
    """fastText's bucket of each n-gram: FNV-1a over bytes read as *signed* chars, modulo ``buckets``.

    Vectorised over the n-grams (one numpy step per byte position), as a new form brings ~30 of them.
    """
    if not grams:
        return np.zeros(0, dtype=np.int64)
    width = max(len(gram) for gram in grams)
    table = np.zeros((len(grams), width), dtype=np.uint8)
    lengths = np.fromiter(map(len, grams), dtype=np.int64, count=len(grams))
    table[np.arange(width) < lengths[:, None]] = np.frombuffer(b"".join(grams), dtype=np.uint8)
    signed = table.astype(np.int8).astype(np.int64) & 0xFFFFFFFF  # C fastText: uint32_t(int8_t(byte))
    hashes = np.full(len(grams), FNV_OFFSET, dtype=np.uint64)
    for position in range(width):
        live = lengths > position
        mixed = (hashes[live] ^ signed[live, position].astype(np.uint64)) * np.uint64(FNV_PRIME)
        hashes[live] = mixed & np.uint64(0xFFFFFFFF)
    return (hashes % np.uint64(buckets)).astype(np.int64)


QUANTUM = 127  # int8 rows: each value a multiple of its row's largest magnitude / 127


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``matrix`` as int8 rows and a float16 scale per row (row ~ int8 row * scale)."""
    values = matrix.astype(np.float32)
    scales = np.abs(values).max(axis=1, keepdims=True) / QUANTUM if len(values) else np.zeros((0, 1), np.float32)
    scales = scales.astype(np.float16).astype(np.float32)
    safe = np.where(scales > 0, scales, 1.0)
    return np.clip(np.rint(values / safe), -QUANTUM, QUANTUM).astype(np.int8), scales.astype(np.float16)


def dequantise(rows: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """The float16 matrix ``quantise`` stood for."""
    return (rows.astype(np.float32) * scales.astype(np.float32)).astype(np.float16)


def _matrix(arrays: Any, name: str) -> np.ndarray:
    """A matrix of an ``.npz``: quantised (``name_q`` and ``name_scale``) or as it was saved."""
    if f"{name}_q" in arrays.files:
        return dequantise(arrays[f"{name}_q"], arrays[f"{name}_scale"])
    return np.asarray(arrays[name])


@dataclass
class Embeddings:
    """fastText vectors of forms: the vocabulary's own rows, or the mean of a form's n-gram buckets."""

    words: dict[str, int]
    vectors: np.ndarray  # [words, dim] float16
    buckets: np.ndarray  # [buckets, dim] float16 (may be empty: unknown forms get zeros)
    min_n: int
    max_n: int
    cache_limit: int = VECTOR_CACHE  # composed vectors remembered (a caller that keeps its own: 1)

    def __post_init__(self) -> None:
        self._cache: RecentCache[str, np.ndarray] = RecentCache(self.cache_limit)
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    @classmethod
    def load(cls, path: Path, cache_limit: int = VECTOR_CACHE) -> Embeddings:
        """Read what ``save`` wrote (int8 rows and their scales; float matrices as older files hold them)."""
        with np.load(path) as arrays:
            words = arrays["words"].tobytes().decode("utf-8").split("\n") if len(arrays["words"]) else []
            vectors, buckets = (_matrix(arrays, name) for name in ("vectors", "buckets"))
            min_n, max_n = (int(n) for n in arrays["ngram_sizes"])
        return cls({word: row for row, word in enumerate(words)}, vectors, buckets, min_n, max_n, cache_limit)

    def save(self, path: Path) -> None:
        """Write the vocabulary (UTF-8, one form a line), both matrices and the n-gram sizes to one ``.npz``;
        each matrix as int8 rows with a float16 scale per row (``quantise``: half the size of float16)."""
        words = np.frombuffer("\n".join(self.words).encode("utf-8"), dtype=np.uint8)
        (vectors, vector_scales), (buckets, bucket_scales) = quantise(self.vectors), quantise(self.buckets)
        np.savez(path, words=words, vectors_q=vectors, vectors_scale=vector_scales, buckets_q=buckets,
                 buckets_scale=bucket_scales, ngram_sizes=np.array([self.min_n, self.max_n]))

    def composed(self, forms: Sequence[str]) -> np.ndarray:
        """Forms outside the vocabulary: each the mean of its n-grams' bucket rows (zeros without any), all
        the forms' n-grams hashed in one go."""
        out = np.zeros((len(forms), self.dim), dtype=np.float32)
        grams = [ngrams(form, self.min_n, self.max_n) if len(self.buckets) else [] for form in forms]
        counts = np.array([len(g) for g in grams], dtype=np.int64)
        if not counts.sum():
            return out
        rows = self.buckets[ngram_hashes([gram for g in grams for gram in g], len(self.buckets))].astype(np.float32)
        having = np.flatnonzero(counts)
        firsts = np.concatenate([[0], np.cumsum(counts[having])[:-1]])
        out[having] = np.add.reduceat(rows, firsts, axis=0) / counts[having, None]
        return out

    def lookup(self, forms: Sequence[str]) -> np.ndarray:
        """The vectors of ``forms`` as a float32 ``[len(forms), dim]`` matrix."""
        out = np.empty((len(forms), self.dim), dtype=np.float32)
        rows = [self.words.get(form, -1) for form in forms]
        known = [i for i, row in enumerate(rows) if row >= 0]
        if known:
            out[known] = self.vectors[[rows[i] for i in known]]
        with self._lock:
            missing = []
            for i, row in enumerate(rows):
                if row < 0:
                    vector = self._cache.get(forms[i])
                    if vector is None:
                        missing.append(i)
                    else:
                        out[i] = vector
            if missing:
                fresh = self.composed([forms[i] for i in missing])
                out[missing] = fresh
                for i, vector in zip(missing, fresh, strict=True):
                    self._cache.put(forms[i], vector)
        return out


@dataclass(frozen=True)
class Batch:
    """The model's inputs for sentences padded to one length: ``words`` [B, T, dim] float32, ``chars``
    [B, T, W] int64 (W: the longest form's characters, at most ``MAX_CHARS``), ``mask`` [B, T] bool (True
    on real tokens)."""

    words: np.ndarray
    chars: np.ndarray
    mask: np.ndarray

    @property
    def lengths(self) -> np.ndarray:
        return self.mask.sum(axis=1)


def char_matrix(forms: Sequence[str]) -> np.ndarray:
    """The ``char_ids`` of forms as one [forms, W] matrix, padded with ``PAD`` (W: the longest, at least 1)."""
    letters = [char_ids(form) for form in forms]
    chars = np.zeros((len(forms), max((len(ids) for ids in letters), default=0) or 1), dtype=np.int64)
    for index, ids in enumerate(letters):
        chars[index, : len(ids)] = ids
    return chars


def sentence_mask(sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """[sentences, longest] booleans, True on real tokens."""
    mask = np.zeros((len(sentences), max((len(s) for s in sentences), default=0)), dtype=bool)
    for row, sentence in enumerate(sentences):
        mask[row, : len(sentence)] = True
    return mask


def encode(sentences: Sequence[Sequence[str]], embeddings: Embeddings) -> Batch:
    """The model inputs of tokenised sentences (the one definition of its features)."""
    forms = [word_form(token) for sentence in sentences for token in sentence]
    mask = sentence_mask(sentences)
    words = np.zeros((*mask.shape, embeddings.dim), dtype=np.float32)
    words[mask] = embeddings.lookup(forms)
    chars = char_matrix(forms)
    padded = np.zeros((*mask.shape, chars.shape[1]), dtype=np.int64)
    padded[mask] = chars
    return Batch(words, padded, mask)
