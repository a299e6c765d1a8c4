"""khabar's offline Arabic NER tagger: BIO labels over PER, ORG, LOC and MISC for ANERcorp-like tokens.

The shipped model lives in ``khabar/resources/ner`` (``model.json`` says how it was built). It is a
two-pass linear-chain CRF, trained with python-crfsuite and run with numpy (``crf.py``):

1. ``ner`` tags each sentence from the features of ``features.py``;
2. ``ner2`` tags it again with the same features plus the first pass's labels and what the first pass
   said about the other occurrences of each word within ``window`` sentences of the same ``tag_many``
   call (document-level consistency). Pass a whole article to ``tag_many`` to profit.

A manifest with ``"passes": 1`` is a plain one-pass CRF.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.stages.entities.crf import ATTRIBUTES_SUFFIX, CrfWeights, Scorer
from khabar.stages.entities.features import DOCUMENT_WINDOW, FeatureExtractor, Lexicon, second_pass_attributes

RESOURCE_PACKAGE = "khabar.resources"
RESOURCE_DIR = "ner"
MANIFEST = "model.json"
FIRST_PASS = "ner"  # ner.npz + ner.attributes.txt
SECOND_PASS = "ner2"
KIND = "crf"

_LOADED: dict[Path, NerTagger] = {}
_NEURAL: dict[Path, Any] = {}


class ModelNotFound(ResourceError, FileNotFoundError):
    """The NER weights are not where the tagger looked for them."""

    def __init__(self, path: Path, missing: str) -> None:
        self.path = path
        super().__init__(f"NER model not found: {path / missing} is missing "
                         "(train one with `khabar train ner --data PATH`)")


def default_model_dir() -> Path:
    """The directory of the weights shipped inside the package."""
    return Path(str(resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_DIR)))


def _require(directory: Path, name: str) -> Path:
    """The path of a model file, or ModelNotFound."""
    path = directory / name
    if not path.is_file():
        raise ModelNotFound(directory, name)
    return path


def _weights(directory: Path, stem: str) -> CrfWeights:
    """One pass's weights, or ModelNotFound naming the missing file."""
    _require(directory, stem + ".npz")
    _require(directory, stem + ATTRIBUTES_SUFFIX)
    return CrfWeights.load(directory / stem)


class NerTagger:
    """Tags tokenised sentences with BIO labels (``B-PER``, ``I-LOC``, ... ``O``)."""

    def __init__(self, directory: Path, manifest: dict[str, Any]) -> None:
        self.directory = directory
        self.manifest = manifest
        options = frozenset(manifest.get("options", ()))
        self.extractor = FeatureExtractor(Lexicon.read(directory), options)
        self.window = int(manifest.get("window", DOCUMENT_WINDOW))
        passes = [FIRST_PASS, SECOND_PASS][: 2 if manifest.get("passes", 1) > 1 else 1]
        self._scorer = Scorer([_weights(directory, stem) for stem in passes], self.extractor)

    @classmethod
    def load(cls, path: Path | None = None, cached: bool = True) -> NerTagger:
        """Load the model in ``path`` (default: the shipped one); reuse an earlier load unless ``cached=False``."""
        directory = Path(path) if path is not None else default_model_dir()
        tagger = _LOADED.get(directory) if cached else None
        if tagger is None:
            manifest = json.loads(_require(directory, MANIFEST).read_text(encoding="utf-8"))
            if manifest.get("kind", KIND) != KIND:
                raise ModelNotFound(directory, f"{MANIFEST} (unknown kind {manifest.get('kind')!r})")
            tagger = _LOADED[directory] = cls(directory, manifest)
        return tagger

    def tag(self, sentence: Sequence[str]) -> list[str]:
        """BIO labels for one sentence of tokens (empty sentence -> empty list)."""
        return self.tag_many([sentence])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for the sentences of one document (later passes look across sentences)."""
        tokens = [list(sentence) for sentence in sentences]

        def extras(index: int, previous: list[list[str]] | None) -> list[list[tuple[str, ...]]] | None:
            return second_pass_attributes(tokens, previous, self.window) if index and previous is not None else None

        return self._scorer.cascade(tokens, extras)[-1]


def load_tagger(path: Path | None = None, cached: bool = True) -> Any:
    """The model in ``path`` (default: the shipped one), of the kind its ``model.json`` names."""
    from khabar.stages.entities import neural

    directory = Path(path) if path is not None else default_model_dir()
    manifest = json.loads(_require(directory, MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("kind") == neural.KIND:
        loaded = _NEURAL.get(directory) if cached else None
        if loaded is None:
            for name in (neural.NETWORK_FILE, neural.CRF_FILE, "embeddings.npz"):
                _require(directory, name)
            loaded = neural.NeuralTagger(directory, manifest)
            if cached:
                _NEURAL[directory] = loaded
        return loaded
    return NerTagger.load(directory, cached)
