"""The NER model loader: names and errors, and both shipped models (fast, accurate) on a few news sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.stages.entities import neural
from khabar.stages.entities.tagger import (
    MODELS,
    ModelNotFound,
    NerTagger,
    UnknownModel,
    default_model_dir,
    load_tagger,
    model_dir,
    shipped_model_dir,
)

SHIPPED = default_model_dir()
HAS_MODEL = all((shipped_model_dir(name) / "model.json").is_file() for name in MODELS)
needs_model = pytest.mark.skipif(not HAS_MODEL, reason=f"no trained NER weights in {SHIPPED.parent}")
VALID = {"O"} | {f"{prefix}-{kind}" for prefix in "BI" for kind in ("PER", "ORG", "LOC", "MISC")}


def test_missing_directory_raises_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="model.json"):
        load_tagger(tmp_path / "nowhere")


def test_missing_weights_raise_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text(json.dumps({"kind": "bilstm-crf"}), encoding="utf-8")
    with pytest.raises(ModelNotFound, match="chars.onnx"):
        load_tagger(tmp_path)


def test_missing_crf_weights_raise_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text(json.dumps({"kind": "crf", "passes": 2}), encoding="utf-8")
    with pytest.raises(ModelNotFound, match="ner.npz"):
        load_tagger(tmp_path)


def test_unknown_kind_raises_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text('{"kind": "magic"}', encoding="utf-8")
    with pytest.raises(ModelNotFound, match="unknown kind"):
        load_tagger(tmp_path)


def test_models_are_chosen_by_name_or_path(tmp_path: Path) -> None:
    assert model_dir() == model_dir("fast") == default_model_dir() and default_model_dir().name == "ner"
    assert model_dir("accurate").name == "ner_accurate"
    assert model_dir(str(tmp_path)) == tmp_path and model_dir(tmp_path) == tmp_path


def test_an_unknown_name_is_no_model() -> None:
    with pytest.raises(UnknownModel, match="'large'.*fast, accurate"):
        model_dir("large")


@needs_model
def test_fast_is_the_crf_and_accurate_the_neural_tagger() -> None:
    assert isinstance(load_tagger(), NerTagger) and isinstance(load_tagger("fast"), NerTagger)
    assert isinstance(load_tagger("accurate"), neural.NeuralTagger)
    assert json.loads((default_model_dir() / "model.json").read_text(encoding="utf-8"))["kind"] == "crf"


def test_model_not_found_is_a_file_not_found_error() -> None:
    assert issubclass(ModelNotFound, FileNotFoundError)


def entities(tokens: list[str], tags: list[str]) -> dict[str, str]:
    """Entity text -> type from BIO tags."""
    found: dict[str, str] = {}
    words: list[str] = []
    kind = ""
    for token, tag in [*zip(tokens, tags, strict=True), ("", "O")]:
        if words and not (tag.startswith("I-") and tag[2:] == kind):
            found[" ".join(words)] = kind
            words = []
        if tag != "O" and not (tag.startswith("I-") and words):
            words, kind = [token], tag[2:]
        elif tag.startswith("I-"):
            words.append(token)
    return found


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize("name", MODELS)
def test_finds_people_places_and_organisations(name: str) -> None:
    tokens = "قال وزير الدفاع الفرنسي جان إيف لو دريان في باريس إن الأمم المتحدة ستبقى في مالي .".split()
    tags = load_tagger(name).tag(tokens)
    assert len(tags) == len(tokens) and set(tags) <= VALID
    found = entities(tokens, tags)
    people = [text for text, kind in found.items() if kind == "PER"]
    assert any(text.startswith("جان إيف") for text in people), list(zip(tokens, tags, strict=True))
    assert found.get("باريس") == "LOC" and found.get("مالي") == "LOC"
    assert found.get("الأمم المتحدة") == "ORG"


@pytest.mark.slow
@needs_model
def test_finds_location_with_attached_clitic() -> None:
    from khabar.model import Document
    from khabar.pipeline import Pipeline, core_stages
    from khabar.stages.entities import EntityTagger

    pipeline = Pipeline([*core_stages(), EntityTagger.load()])
    for text in ("وقعت اشتباكات عنيفة بين القوات العراقية ومسلحين في الموصل أمس .",
                 "قتل ثلاثة أشخاص في انفجار بالموصل شمال العراق ."):
        doc = pipeline(Document(id="d", text=text))
        places = {doc.text_of(m) for e in doc.entities if e.label == "LOC" for m in e.mentions}
        assert "الموصل" in places, [(doc.text_of(e.canonical), e.label) for e in doc.entities]


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize("name", MODELS)
def test_diacritics_and_tatweel_do_not_change_labels(name: str) -> None:
    plain = "وصل الرئيس إلى بغداد .".split()
    decorated = "وَصَلَ الرَّئيس إلى بغـــداد .".split()
    tagger = load_tagger(name)
    assert tagger.tag(plain) == tagger.tag(decorated)


@needs_model
@pytest.mark.parametrize("name", MODELS)
def test_empty_input_and_batching(name: str) -> None:
    tagger = load_tagger(name)
    assert tagger.tag([]) == []
    sentences = [["زار", "أوباما", "القاهرة"], [], ["."]]
    assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]


@needs_model
def test_load_is_cached() -> None:
    assert load_tagger() is load_tagger() is load_tagger("fast")
    assert load_tagger("accurate") is load_tagger("accurate") is not load_tagger()
