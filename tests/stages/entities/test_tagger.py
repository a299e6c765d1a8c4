"""The NER tagger: loading errors, and the shipped model on a few news sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.stages.entities.tagger import ModelNotFound, NerTagger, default_model_dir

SHIPPED = default_model_dir()
HAS_MODEL = (SHIPPED / "model.json").is_file()
needs_model = pytest.mark.skipif(not HAS_MODEL, reason=f"no trained NER weights in {SHIPPED}")
VALID = {"O"} | {f"{prefix}-{kind}" for prefix in "BI" for kind in ("PER", "ORG", "LOC", "MISC")}


def test_missing_directory_raises_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="model.json"):
        NerTagger.load(tmp_path / "nowhere")


def test_missing_weights_raise_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text('{"kind": "crf"}', encoding="utf-8")
    with pytest.raises(ModelNotFound, match="ner.npz"):
        NerTagger.load(tmp_path)


def test_unknown_kind_raises_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text('{"kind": "magic"}', encoding="utf-8")
    with pytest.raises(ModelNotFound, match="unknown kind"):
        NerTagger.load(tmp_path)


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
def test_finds_person_in_minister_sentence() -> None:
    tokens = "قال وزير الدفاع الفرنسي جان إيف لو دريان إن القوات ستبقى في مالي .".split()
    tags = NerTagger.load().tag(tokens)
    assert len(tags) == len(tokens) and set(tags) <= VALID
    people = [text for text, kind in entities(tokens, tags).items() if kind == "PER"]
    assert any("دريان" in text for text in people), list(zip(tokens, tags, strict=True))


@pytest.mark.slow
@needs_model
def test_finds_location_with_attached_clitic() -> None:
    # The CRF alone misses "الموصل" here (ANERcorp labels it O three times in four); the entity stage's
    # list of well-known places makes the stage find it, with or without a clitic.
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
def test_diacritics_and_tatweel_do_not_change_labels() -> None:
    plain = "وصل الرئيس إلى بغداد .".split()
    decorated = "وَصَلَ الرَّئيس إلى بغـــداد .".split()
    tagger = NerTagger.load()
    assert tagger.tag(plain) == tagger.tag(decorated)


@needs_model
def test_empty_input_and_batching() -> None:
    tagger = NerTagger.load()
    assert tagger.tag([]) == []
    sentences = [["زار", "أوباما", "القاهرة"], [], ["."]]
    assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]


@needs_model
def test_load_is_cached() -> None:
    assert NerTagger.load() is NerTagger.load()
