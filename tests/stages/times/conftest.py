"""The times stage after the stages it needs (normaliser, byline, segmenter), shared by the times tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.model import Document, Meta
from khabar.stages.byline import BylineFinder
from khabar.stages.normalise import Normaliser
from khabar.stages.segment import Segmenter
from khabar.stages.times import TimeTagger

Analyse = Callable[..., Document]


@pytest.fixture(scope="session")
def analyse() -> Analyse:
    """``analyse(text, published=None)``: the Document with its times, published on ``published`` (ISO)."""
    stages = (Normaliser(), BylineFinder(), Segmenter(), TimeTagger())

    def run(text: str, published: str | None = None) -> Document:
        doc = Document(id="t", text=text, meta=Meta(published=published))
        for stage in stages:
            doc = stage(doc)
        return doc

    return run


@pytest.fixture(scope="session")
def found(analyse: Analyse) -> Callable[..., list[tuple[str, str]]]:
    """``found(text, published=None)``: each time expression's text and value, in order."""

    def run(text: str, published: str | None = None) -> list[tuple[str, str]]:
        doc = analyse(text, published)
        return [(doc.text_of(t.span), t.value) for t in doc.times]

    return run
