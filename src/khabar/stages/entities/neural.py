"""The neural NER model at run time: onnxruntime for the label scores, a CRF's Viterbi path for the labels.

A model directory (``model.json`` kind ``bilstm-crf``, trained by ``khabar.training.ner``) holds
``chars.onnx`` (a form's characters -> its character-CNN vector), ``ner.onnx`` (token vectors -> BiLSTM ->
a score per BILOU label), ``crf.npz`` (transition, start and end scores) and ``embeddings.npz``
(``inputs.Embeddings``). A token's vector is its form's fastText vector beside its character vector; both
depend on the form alone, so the tagger keeps them per form (news repeats its words: most forms of an
article were seen before). The inputs are ``inputs``' definitions, which training uses too. One
onnxruntime thread per session: workers scale by processes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from khabar.stages.entities.inputs import EMBEDDINGS_FILE, Embeddings, char_matrix, sentence_mask, word_form
from khabar.stages.entities.viterbi import viterbi_flat
from khabar.stages.segment.cache import RecentCache

KIND = "bilstm-crf"
CHARACTERS_FILE = "chars.onnx"
NETWORK_FILE = "ner.onnx"
CRF_FILE = "crf.npz"
OUTSIDE = "O"
MAX_BATCH = 64  # sentences per onnxruntime call
FORM_CACHE = 10_000  # token vectors kept per generation (~0.7 KB each with their key; most of an article's forms)
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

    def decode(self, emissions: Sequence[np.ndarray]) -> list[list[int]]:
        """The best label index path of each sentence from its label scores ([tokens, labels] each)."""
        lengths = np.array([len(e) for e in emissions], dtype=np.int64)
        if not lengths.sum():
            return [[] for _ in emissions]
        flat = np.concatenate([e for e in emissions if len(e)]).astype(np.float32)  # sentence after sentence
        firsts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        real = lengths > 0
        flat[firsts[real]] += self.start
        flat[(firsts + lengths - 1)[real]] += self.end
        path = viterbi_flat(flat, lengths, self.transitions).tolist()
        return [path[a : a + n] for a, n in zip(firsts.tolist(), lengths.tolist(), strict=True)]


@dataclass(frozen=True)
class Consistency:
    """Document consistency (model.json ``consistency``): a form the first decoding tagged as a name of type T
    elsewhere within ``window`` sentences gets ``bonus`` times the share of those other occurrences tagged T
    added to T's labels, and the document is decoded again (0: one decoding)."""

    bonus: float = 0.0
    window: int = 10
    min_chars: int = 3  # shorter forms (في، من) are left alone

    def extras(self, forms: Sequence[Sequence[str]], paths: Sequence[Sequence[int]], labels: Sequence[str]) -> list[np.ndarray] | None:
        """Per sentence, the scores to add to its tokens' labels; None when nothing is added."""
        kinds = [label[2:] for label in labels]  # "" for O
        columns = {kind: [i for i, k in enumerate(kinds) if k == kind] for kind in set(kinds) - {""}}
        tagged = {form for words, path in zip(forms, paths, strict=True) for form, label in zip(words, path, strict=True)
                  if kinds[label] and len(form) >= self.min_chars}
        if not tagged:
            return None
        seen: dict[str, list[tuple[int, int, str]]] = {}
        for row, (words, path) in enumerate(zip(forms, paths, strict=True)):
            for column, form in enumerate(words):
                if form in tagged:
                    seen.setdefault(form, []).append((row, column, kinds[path[column]]))
        out = [np.zeros((len(words), len(labels)), dtype=np.float32) for words in forms]
        added = False
        for items in seen.values():
            named = {kind for _, _, kind in items} - {""}
            if len(items) < 2:
                continue
            rows = np.array([row for row, _, _ in items])  # in reading order
            low = np.searchsorted(rows, rows - self.window, side="left")
            high = np.searchsorted(rows, rows + self.window, side="right")
            others = high - low - 1  # the other occurrences within the window
            for kind in named:
                own = np.array([k == kind for _, _, k in items], dtype=np.int64)
                counts = np.concatenate([[0], np.cumsum(own)])
                shares = (counts[high] - counts[low] - own) / np.maximum(others, 1)
                for (row, column, _), share in zip(items, shares.tolist(), strict=True):
                    if share:
                        out[row][column, columns[kind]] += self.bonus * share
                        added = True
        return out if added else None


def decode_document(crf: CrfWeights, emissions: Sequence[np.ndarray], forms: Sequence[Sequence[str]],
                    labels: Sequence[str], consistency: Consistency) -> list[list[str]]:
    """The BIO labels of a document's sentences from their label scores (and ``forms``, for consistency)."""
    paths = crf.decode(emissions)
    if consistency.bonus:
        extras = consistency.extras(forms, paths, labels)
        if extras is not None:
            paths = crf.decode([e + x for e, x in zip(emissions, extras, strict=True)])
    return [to_bio([labels[label] for label in path]) for path in paths]


class NeuralTagger:
    """Tags tokenised sentences with BIO labels (``B-PER``, ``I-LOC``, ... ``O``) with the neural model."""

    def __init__(self, directory: Path, manifest: dict[str, Any]) -> None:
        import onnxruntime

        self.directory = directory
        self.manifest = manifest
        self.labels: list[str] = list(manifest["tags"])
        self.embeddings = Embeddings.load(directory / EMBEDDINGS_FILE, cache_limit=1)  # the tagger keeps its own
        self.crf = CrfWeights.load(directory / CRF_FILE)
        self.consistency = Consistency(**manifest.get("consistency", {}))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # each batch has a shape of its own: no arena that keeps the largest one's memory, no plan kept per shape
        options.enable_cpu_mem_arena = False
        options.enable_mem_pattern = False
        providers = ["CPUExecutionProvider"]
        self.characters = onnxruntime.InferenceSession(str(directory / CHARACTERS_FILE), options, providers=providers)
        self.session = onnxruntime.InferenceSession(str(directory / NETWORK_FILE), options, providers=providers)
        self._forms: RecentCache[str, np.ndarray] = RecentCache(FORM_CACHE)
        architecture = manifest.get("architecture", {})
        self.width = int(architecture.get("word_dim", self.embeddings.dim)) + int(architecture.get("char_filters", 0))
        self._lock = threading.Lock()  # the cache grows as text is tagged: one thread at a time (API, Dask threads)

    def vectors(self, forms: Sequence[str]) -> np.ndarray:
        """The token vectors of forms [len(forms), width]: fastText vector, then character vector (one
        onnxruntime call for the forms not seen lately)."""
        if not forms:
            return np.zeros((0, self.width), dtype=np.float32)
        with self._lock:
            unique = list(dict.fromkeys(forms))
            cached = [self._forms.get(form) for form in unique]
            new = [form for form, vector in zip(unique, cached, strict=True) if vector is None]
            fresh = iter(())
            if new:
                letters = self.characters.run(["vectors"], {"chars": char_matrix(new)})[0]
                fresh = iter(np.concatenate([self.embeddings.lookup(new), letters], axis=1))
            found = [vector if vector is not None else next(fresh) for vector in cached]
            for form, vector, known in zip(unique, found, cached, strict=True):
                if known is None:
                    self._forms.put(form, vector)
        table = np.stack(found)
        position = {form: row for row, form in enumerate(unique)}
        return table[[position[form] for form in forms]]

    def scores(self, sentences: Sequence[Sequence[str]], vectors: np.ndarray | None = None) -> np.ndarray:
        """The network's label scores of sentences (padded to the longest), [B, T, labels]; ``vectors``: their
        tokens' vectors, one row per token in order (default: ``vectors`` of their forms)."""
        mask = sentence_mask(sentences)
        if vectors is None:
            vectors = self.vectors([word_form(token) for sentence in sentences for token in sentence])
        padded = np.zeros((*mask.shape, self.width), dtype=np.float32)
        padded[mask] = vectors
        return self.session.run(["scores"], {"vectors": padded, "lengths": mask.sum(axis=1).astype(np.int64)})[0]

    def tag(self, sentence: Sequence[str]) -> list[str]:
        """BIO labels for one sentence of tokens (empty sentence -> empty list)."""
        return self.tag_many([sentence])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for the sentences of one document (consistency looks across its sentences)."""
        forms = [[word_form(token) for token in sentence] for sentence in sentences]
        vectors = self.vectors([form for words in forms for form in words])
        starts = np.concatenate([[0], np.cumsum([len(s) for s in sentences])]).astype(np.int64)
        emissions: list[np.ndarray] = [np.zeros((0, len(self.labels)), dtype=np.float32) for _ in sentences]
        for group in groups([len(s) for s in sentences]):
            rows = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in group])
            scores = self.scores([sentences[i] for i in group], vectors[rows])
            for row, index in enumerate(group):
                emissions[index] = scores[row, : len(sentences[index])]
        return decode_document(self.crf, emissions, forms, self.labels, self.consistency)
