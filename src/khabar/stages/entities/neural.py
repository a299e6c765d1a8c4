"""The neural NER model at run time: onnxruntime for the label scores, a CRF's Viterbi path for the labels.

A model directory (``model.json`` kind ``bilstm-crf``) holds ``ner.onnx`` (character CNN + fastText vectors
-> BiLSTM -> a score per BILOU label, trained by ``khabar.training.ner``), ``crf.npz`` (transition, start
and end scores) and ``embeddings.npz`` (``inputs.Embeddings``). The inputs come from ``inputs.encode``,
the definition training uses too. One onnxruntime thread per session: workers scale by processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from khabar.stages.entities.inputs import EMBEDDINGS_FILE, Batch, Embeddings, encode
from khabar.stages.entities.viterbi import viterbi_flat

KIND = "bilstm-crf"
NETWORK_FILE = "ner.onnx"
CRF_FILE = "crf.npz"
OUTSIDE = "O"
MAX_BATCH = 64  # sentences per onnxruntime call
PADDING_SHARE = 0.6  # a sentence shorter than this share of its group's longest starts a new group


def to_bio(tags: Sequence[str]) -> list[str]:
    """BILOU tags as BIO.

    >>> to_bio(["U-PER", "B-ORG", "I-ORG", "L-ORG", "O"])
    ['B-PER', 'B-ORG', 'I-ORG', 'I-ORG', 'O']
    """
    return [tag if tag == OUTSIDE else ("B-" if tag[0] in "BU" else "I-") + tag[2:] for tag in tags]


def groups(lengths: Sequence[int]) -> list[list[int]]:
    """Sentence indices in groups of similar length (longest first), so that little of a batch is padding.

    >>> groups([3, 30, 28, 4, 0])
    [[1, 2], [3, 0]]
    """
    order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i])
    out: list[list[int]] = []
    for index in order:
        if out and len(out[-1]) < MAX_BATCH and lengths[index] >= PADDING_SHARE * lengths[out[-1][0]]:
            out[-1].append(index)
        else:
            out.append([index])
    return out


class CrfWeights:
    """A linear-chain CRF's transition, start and end scores (float32)."""

    def __init__(self, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        self.transitions = np.ascontiguousarray(transitions, dtype=np.float32)
        self.start = start.astype(np.float32)
        self.end = end.astype(np.float32)

    @classmethod
    def load(cls, path: Path) -> CrfWeights:
        with np.load(path) as arrays:
            return cls(arrays["transitions"], arrays["start"], arrays["end"])

    def decode(self, scores: np.ndarray, mask: np.ndarray) -> list[list[int]]:
        """The best label index path of each sentence: ``scores`` [B, T, L], ``mask`` [B, T]."""
        lengths = mask.sum(axis=1)
        flat = np.ascontiguousarray(scores[mask], dtype=np.float32)  # real tokens, sentence after sentence
        firsts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        real = lengths > 0
        flat[firsts[real]] += self.start
        flat[(firsts + lengths - 1)[real]] += self.end
        path = viterbi_flat(flat, lengths, self.transitions).tolist()
        return [path[a : a + n] for a, n in zip(firsts.tolist(), lengths.tolist(), strict=True)]


class NeuralTagger:
    """Tags tokenised sentences with BIO labels (``B-PER``, ``I-LOC``, ... ``O``) with the neural model."""

    def __init__(self, directory: Path, manifest: dict[str, Any]) -> None:
        import onnxruntime

        self.directory = directory
        self.manifest = manifest
        self.labels: list[str] = list(manifest["tags"])
        self.embeddings = Embeddings.load(directory / EMBEDDINGS_FILE)
        self.crf = CrfWeights.load(directory / CRF_FILE)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(directory / NETWORK_FILE), options,
                                                    providers=["CPUExecutionProvider"])

    def scores(self, batch: Batch) -> np.ndarray:
        """The network's label scores of a batch, [B, T, labels]."""
        feeds = {"words": batch.words, "chars": batch.chars, "lengths": batch.lengths.astype(np.int64)}
        return self.session.run(["scores"], feeds)[0]

    def tag(self, sentence: Sequence[str]) -> list[str]:
        """BIO labels for one sentence of tokens (empty sentence -> empty list)."""
        return self.tag_many([sentence])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for the sentences of one document."""
        out: list[list[str]] = [[] for _ in sentences]
        for group in groups([len(s) for s in sentences]):
            batch = encode([sentences[i] for i in group], self.embeddings)
            for index, path in zip(group, self.crf.decode(self.scores(batch), batch.mask), strict=True):
                out[index] = to_bio([self.labels[label] for label in path])
        return out
