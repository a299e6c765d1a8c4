"""Helpers for the quote stage's tests: run it on a text with the entities a test names."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple

import pytest

from khabar.evaluation.quotes import gold_entities
from khabar.model import Document
from khabar.pipeline import Pipeline
from khabar.stages.entities.descriptions import DescriptionLinker
from khabar.stages.normalise import Normaliser
from khabar.stages.quotes import QuoteFinder, QuoteLexicon
from khabar.stages.segment import Segmenter


class NamedEntities:
    """An entity stage for tests: the given ``(label, name, alias...)`` rows, located in the text."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.rows = [{"type": row[0], "name": row[1], "aliases": list(row[2:])} for row in rows]

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, entities=gold_entities(doc.text, self.rows))


class Said(NamedTuple):
    """One quote as a test reads it: kind, speaker (entity name, else phrase), cue and content."""

    kind: str
    speaker: str | None
    cue: str | None
    content: str


def said(doc: Document) -> list[Said]:
    """The quotes of an analysed Document in readable form."""
    names = {e.id: doc.text_of(e.canonical) for e in doc.entities}
    out = []
    for quote in doc.quotes:
        speaker = names.get(quote.speaker_id or "") or (doc.text_of(quote.speaker) if quote.speaker else None)
        out.append(Said(quote.kind.value, speaker, doc.text_of(quote.cue) if quote.cue else None,
                        doc.text_of(quote.content)))
    return out


@pytest.fixture(scope="session")
def lexicon() -> QuoteLexicon:
    return QuoteLexicon.load()


@pytest.fixture(scope="session")
def finder(lexicon: QuoteLexicon) -> QuoteFinder:
    return QuoteFinder(lexicon)


Analyse = Callable[..., Document]


@pytest.fixture(scope="session")
def analyse(finder: QuoteFinder) -> Analyse:
    """``analyse(text, ("PER", "جان إيف لو دريان", "لو دريان"), ...)`` -> the Document with its quotes."""
    normaliser, segmenter, descriptions = Normaliser(), Segmenter(), DescriptionLinker()

    def run(text: str, *entities: tuple[str, ...]) -> Document:
        pipeline = Pipeline([normaliser, segmenter, NamedEntities(entities), descriptions, finder])
        return pipeline(Document(id="test", text=text))

    return run


@pytest.fixture(scope="session")
def quotes_of(analyse: Analyse) -> Callable[..., list[Said]]:
    """``quotes_of(text, *entities)`` -> the quotes as ``Said(kind, speaker, cue, content)`` tuples."""

    def run(text: str, *entities: tuple[str, ...]) -> list[Said]:
        return said(analyse(text, *entities))

    return run
