"""Load khabar's offline Arabic NER model: BIO labels over PER, ORG, LOC and MISC for khabar's tokens.

The shipped model lives in ``khabar/resources/ner``; its ``model.json`` names its kind, and the kind picks
the code that runs it. One kind exists: ``bilstm-crf`` (``neural.NeuralTagger``: character CNN and
fastText vectors, a BiLSTM and a CRF, run with onnxruntime and numpy), trained by ``khabar train ner``.
The entity stage takes any ``SequenceTagger``; changing the model changes no stage code.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from khabar.errors import ResourceError
from khabar.stages.entities import neural

RESOURCE_PACKAGE = "khabar.resources"
RESOURCE_DIR = "ner"
MANIFEST = "model.json"
# each kind of model: the files it needs and the class that loads it
KINDS = {neural.KIND: ((neural.CHARACTERS_FILE, neural.NETWORK_FILE, neural.CRF_FILE, neural.EMBEDDINGS_FILE), neural.NeuralTagger)}

_LOADED: dict[Path, neural.NeuralTagger] = {}


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


def load_tagger(path: Path | None = None, cached: bool = True) -> neural.NeuralTagger:
    """The model in ``path`` (default: the shipped one), of the kind its ``model.json`` names; an earlier
    load is reused unless ``cached=False``."""
    directory = Path(path) if path is not None else default_model_dir()
    tagger = _LOADED.get(directory) if cached else None
    if tagger is not None:
        return tagger
    manifest = json.loads(_require(directory, MANIFEST).read_text(encoding="utf-8"))
    kind = KINDS.get(manifest.get("kind"))
    if kind is None:
        raise ModelNotFound(directory, f"{MANIFEST} (unknown kind {manifest.get('kind')!r})")
    files, loader = kind
    for name in files:
        _require(directory, name)
    tagger = loader(directory, manifest)
    if cached:
        _LOADED[directory] = tagger
    return tagger
