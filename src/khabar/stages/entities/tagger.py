"""Load khabar's offline Arabic NER models: BIO labels over PER, ORG, LOC and MISC for khabar's tokens.

Two models ship, as spaCy ships ``sm`` and ``trf``; each directory's ``model.json`` names its kind, and the
kind picks the code that runs it:

- ``fast`` (the default, ``khabar/resources/ner``), kind ``crf``: a two-pass linear-chain CRF (``crf.py``,
  features of ``features.py``/``_features.c``), trained by ``khabar train ner --kind crf``. Pass 1 (``ner``)
  tags each sentence; pass 2 (``ner2``) tags it again with pass 1's labels and what pass 1 said about the
  other occurrences of each word within ``window`` sentences of the same ``tag_many`` call. It holds the
  project's guard rail (>= 100 articles/s per core, <= 400 MB per worker).
- ``accurate`` (``khabar/resources/ner_accurate``), kind ``bilstm-crf`` (``neural.NeuralTagger``: character
  CNN and fastText vectors, a BiLSTM and a CRF, run with onnxruntime and numpy), trained by
  ``khabar train ner``: better on unseen outlets, slower and larger than the guard rail allows.

The entity stage takes any ``SequenceTagger``; changing the model changes no stage code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from khabar.errors import ResourceError
from khabar.stages.entities import neural
from khabar.stages.entities.crf import ATTRIBUTES_SUFFIX, CrfWeights, Scorer
from khabar.stages.entities.features import DOCUMENT_WINDOW, FeatureExtractor, Lexicon, second_pass_attributes

RESOURCE_PACKAGE = "khabar.resources"
MODELS = {"fast": "ner", "accurate": "ner_accurate"}  # the shipped models by name -> their resource folder
DEFAULT_MODEL = "fast"
RESOURCE_DIR = MODELS[DEFAULT_MODEL]
MANIFEST = "model.json"
FIRST_PASS = "ner"  # ner.npz + ner.attributes.txt
SECOND_PASS = "ner2"
CRF_KIND = "crf"


class Tagger(Protocol):
    def tag(self, sentence: Sequence[str]) -> list[str]: ...

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


class ModelNotFound(ResourceError, FileNotFoundError):
    """The NER weights are not where the tagger looked for them."""

    def __init__(self, path: Path, missing: str) -> None:
        self.path = path
        super().__init__(f"NER model not found: {path / missing} is missing "
                         "(train one with `khabar train ner --data PATH`)")


class UnknownModel(ResourceError, ValueError):
    """A model named by neither a shipped name nor an existing directory."""

    def __init__(self, choice: str) -> None:
        names = ", ".join(MODELS)
        super().__init__(f"unknown NER model {choice!r}: give one of {names}, or the directory of a trained "
                         "model (holding its model.json)")


def default_model_dir() -> Path:
    """The directory of the default (``fast``) weights shipped inside the package."""
    return shipped_model_dir(DEFAULT_MODEL)


def shipped_model_dir(name: str) -> Path:
    """The directory of a shipped model by name (``fast``, ``accurate``)."""
    return Path(str(resources.files(RESOURCE_PACKAGE).joinpath(MODELS[name])))


def model_dir(choice: str | Path | None = None) -> Path:
    """The directory of the model a user chose: a shipped name (default ``fast``) or a path (a missing model
    there is ``ModelNotFound`` when loaded); ``UnknownModel`` for a bare word that is neither."""
    if choice is None:
        return default_model_dir()
    if isinstance(choice, str) and choice in MODELS:
        return shipped_model_dir(choice)
    path = Path(choice)
    if isinstance(choice, str) and len(path.parts) == 1 and not path.exists():
        raise UnknownModel(choice)
    return path


def _require(directory: Path, name: str) -> Path:
    """The path of a model file, or ModelNotFound."""
    path = directory / name
    if not path.is_file():
        raise ModelNotFound(directory, name)
    return path


def _passes(manifest: dict[str, Any]) -> list[str]:
    """The CRF passes a manifest asks for: ``ner``, and ``ner2`` when ``passes`` > 1."""
    return [FIRST_PASS, SECOND_PASS][: 2 if manifest.get("passes", 1) > 1 else 1]


class NerTagger:
    """The ``crf`` kind: tags tokenised sentences with BIO labels (``B-PER``, ``I-LOC``, ... ``O``)."""

    def __init__(self, directory: Path, manifest: dict[str, Any]) -> None:
        self.directory = directory
        self.manifest = manifest
        options = frozenset(manifest.get("options", ()))
        self.extractor = FeatureExtractor(Lexicon.read(directory), options)
        self.window = int(manifest.get("window", DOCUMENT_WINDOW))
        self._scorer = Scorer([CrfWeights.load(directory / stem) for stem in _passes(manifest)], self.extractor)

    @classmethod
    def load(cls, path: Path | None = None, cached: bool = True) -> NerTagger:
        """Load the CRF in ``path`` (default: the shipped fast model); reuse an earlier load unless ``cached=False``."""
        tagger = load_tagger(path, cached)
        if not isinstance(tagger, NerTagger):
            raise ModelNotFound(Path(path or default_model_dir()), f"{MANIFEST} (kind {CRF_KIND!r} expected)")
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


def _crf_files(manifest: dict[str, Any]) -> tuple[str, ...]:
    return tuple(stem + suffix for stem in _passes(manifest) for suffix in (".npz", ATTRIBUTES_SUFFIX))


def _neural_files(manifest: dict[str, Any]) -> tuple[str, ...]:
    return (neural.CHARACTERS_FILE, neural.NETWORK_FILE, neural.CRF_FILE, neural.EMBEDDINGS_FILE)


# each kind of model: the files its manifest needs and the class that loads it
KINDS: dict[str, tuple[Callable[[dict[str, Any]], tuple[str, ...]], Callable[[Path, dict[str, Any]], Tagger]]] = {
    CRF_KIND: (_crf_files, NerTagger),
    neural.KIND: (_neural_files, neural.NeuralTagger),
}

_LOADED: dict[Path, Tagger] = {}


def load_tagger(path: str | Path | None = None, cached: bool = True) -> Tagger:
    """The model ``path`` names (a shipped name, ``fast`` by default, or a directory), of the kind its
    ``model.json`` names; an earlier load is reused unless ``cached=False``."""
    directory = model_dir(path)
    tagger = _LOADED.get(directory) if cached else None
    if tagger is not None:
        return tagger
    manifest = json.loads(_require(directory, MANIFEST).read_text(encoding="utf-8"))
    kind = KINDS.get(manifest.get("kind", CRF_KIND))
    if kind is None:
        raise ModelNotFound(directory, f"{MANIFEST} (unknown kind {manifest.get('kind')!r})")
    files, loader = kind
    for name in files(manifest):
        _require(directory, name)
    tagger = loader(directory, manifest)
    if cached:
        _LOADED[directory] = tagger
    return tagger
