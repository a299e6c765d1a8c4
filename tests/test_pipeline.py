"""The pipeline refuses impossible orders and names the stage that breaks an invariant."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import pytest

from khabar.errors import InputError, PipelineError, StageError
from khabar.model import Document, Span
from khabar.pipeline import Pipeline, analyze_sources, core_stages
from khabar.stages.normalise import Normaliser
from khabar.stages.segment import Segmenter


class NeedsEntities:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"entities", "sentences"})
    provides: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __call__(self, doc: Document) -> Document:
        return doc


class BreaksOffsets:
    name: ClassVar[str] = "breaker"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, sentences=(Span(0, len(doc.text) + 5),))


class SneaksAField:
    name: ClassVar[str] = "sneaky"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, text=doc.text + "!")


class Crashes:
    name: ClassVar[str] = "crasher"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, doc: Document) -> Document:
        return {}["boom"]  # type: ignore[no-any-return]


DOC = Document(id="d1", text="قال الوزير إن الوضع مستقر.")


def test_order_is_checked_at_construction() -> None:
    with pytest.raises(PipelineError, match=r"quotes requires \['entities'\]; provided so far: \[.*'sentences'"):
        Pipeline([Normaliser(), Segmenter(), NeedsEntities()])


def test_a_non_stage_is_refused() -> None:
    with pytest.raises(PipelineError, match="is not a stage"):
        Pipeline([object()])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("stage", "message"),
    [
        (BreaksOffsets(), r"stage 'breaker' failed on document 'd1': sentences: .* beyond"),
        (SneaksAField(), r"stage 'sneaky' .* changed \['text'\], which it does not declare"),
        (Crashes(), r"stage 'crasher' .* KeyError"),
    ],
)
def test_the_faulty_stage_is_named(stage, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StageError, match=message):
        Pipeline([stage])(DOC)


def test_core_stages_fill_their_fields() -> None:
    doc = Pipeline(core_stages())(DOC)
    assert len(doc.sentences) == 1 and len(doc.tokens) == 6 and doc.normalised is not None


def test_run_many_passes_errors_through(tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(DOC.text, encoding="utf-8")
    results = list(analyze_sources([str(good), str(tmp_path / "missing.txt")], Pipeline(core_stages())))
    assert isinstance(results[0], Document) and isinstance(results[1], InputError)
