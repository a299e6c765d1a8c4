"""khabar's offline Arabic NER tagger: BIO labels over PER, ORG, LOC and MISC for ANERcorp-like tokens.

The shipped model lives in ``khabar/resources/ner``; ``model.json`` there says which kind it is:

* ``crf``: a python-crfsuite model (``ner.crfsuite``) over the features of ``features.py``;
* ``neural``: an ONNX network (``ner.onnx``, run with onnxruntime) giving emission scores, and a
  linear-chain CRF (``crf.npz``) decoded with Viterbi in numpy.

Neither needs torch at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from khabar.stages.entities.features import FeatureExtractor, Lexicon

RESOURCE_PACKAGE = "khabar.resources"
RESOURCE_DIR = "ner"
MANIFEST = "model.json"
CRF_FILE = "ner.crfsuite"
ONNX_FILE = "ner.onnx"
TRANSITIONS_FILE = "crf.npz"
OUTSIDE = "O"
ONNX_THREADS = 1
MAX_BATCH = 256

_LOADED: dict[Path, NerTagger] = {}


class ModelNotFound(FileNotFoundError):
    """The NER weights are not where the tagger looked for them."""

    def __init__(self, path: Path, missing: str) -> None:
        self.path = path
        super().__init__(f"NER model not found: {path / missing} is missing "
                         "(train one with `python -m khabar.training.ner --data PATH`)")


def default_model_dir() -> Path:
    """The directory of the weights shipped inside the package."""
    return Path(str(resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_DIR)))


def _require(directory: Path, name: str) -> Path:
    """The path of a model file, or ModelNotFound."""
    path = directory / name
    if not path.is_file():
        raise ModelNotFound(directory, name)
    return path


class _CrfBackend:
    """python-crfsuite over the hand-written features."""

    def __init__(self, directory: Path, extractor: FeatureExtractor) -> None:
        import pycrfsuite

        self.extractor = extractor
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(_require(directory, CRF_FILE)))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag each sentence."""
        return [list(self.tagger.tag(self.extractor.sentence(sentence))) for sentence in sentences]


class _NeuralBackend:
    """onnxruntime emissions + numpy Viterbi."""

    def __init__(self, directory: Path, extractor: FeatureExtractor) -> None:
        import onnxruntime

        from khabar.stages.entities.encoding import (
            CHAR_VOCAB_FILE,
            FEATURE_VOCAB_FILE,
            WORD_VOCAB_FILE,
            Encoder,
            read_vocab,
        )

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = ONNX_THREADS
        options.inter_op_num_threads = ONNX_THREADS
        self.session = onnxruntime.InferenceSession(str(_require(directory, ONNX_FILE)), options,
                                                    providers=["CPUExecutionProvider"])
        crf = np.load(_require(directory, TRANSITIONS_FILE))
        self.transitions, self.start, self.end = crf["transitions"], crf["start"], crf["end"]
        self.labels = [str(label) for label in crf["labels"]]
        vocabularies = [read_vocab(_require(directory, name)) for name in (WORD_VOCAB_FILE, CHAR_VOCAB_FILE, FEATURE_VOCAB_FILE)]
        self.encoder = Encoder(*vocabularies, extractor)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Emission scores [B, T, L] for sentences of one length."""
        batch = self.encoder.batch(sentences)
        feeds = {"words": batch.words, "stems": batch.stems, "chars": batch.chars, "features": batch.features}
        return self.session.run(None, feeds)[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag sentences in groups of equal length (the network sees no padding)."""
        from khabar.stages.entities.encoding import viterbi

        results: list[list[str]] = [[] for _ in sentences]
        by_length: dict[int, list[int]] = {}
        for index, sentence in enumerate(sentences):
            if sentence:
                by_length.setdefault(len(sentence), []).append(index)
        for group in by_length.values():
            for start in range(0, len(group), MAX_BATCH):
                chunk = group[start : start + MAX_BATCH]
                scores = self.emissions([sentences[i] for i in chunk])
                for row, index in enumerate(chunk):
                    path = viterbi(scores[row], self.transitions, self.start, self.end)
                    results[index] = [self.labels[label] for label in path]
        return results


BACKENDS = {"crf": _CrfBackend, "neural": _NeuralBackend}


class NerTagger:
    """Tags tokenised sentences with BIO labels (``B-PER``, ``I-LOC``, ... ``O``)."""

    def __init__(self, directory: Path, manifest: dict[str, Any], backend: _CrfBackend | _NeuralBackend) -> None:
        self.directory = directory
        self.manifest = manifest
        self._backend = backend

    @classmethod
    def load(cls, path: Path | None = None, cached: bool = True) -> NerTagger:
        """Load the model in ``path`` (default: the shipped one); reuse an earlier load unless ``cached=False``."""
        directory = Path(path) if path is not None else default_model_dir()
        tagger = _LOADED.get(directory) if cached else None
        if tagger is None:
            manifest = json.loads(_require(directory, MANIFEST).read_text(encoding="utf-8"))
            kind = manifest.get("kind", "crf")
            if kind not in BACKENDS:
                raise ModelNotFound(directory, f"{MANIFEST} (unknown kind {kind!r})")
            extractor = FeatureExtractor(Lexicon.read(directory))
            tagger = _LOADED[directory] = cls(directory, manifest, BACKENDS[kind](directory, extractor))
        return tagger

    def tag(self, sentence: Sequence[str]) -> list[str]:
        """BIO labels for one sentence of tokens (empty sentence -> empty list)."""
        return self.tag_many([sentence])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for many sentences (faster than one at a time for the neural model)."""
        return self._backend.tag_many([list(sentence) for sentence in sentences])
