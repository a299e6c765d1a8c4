"""Fixtures of the event stage's tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.model import Document
from khabar.stages.read import document_from_text

Found = list[tuple[str, str | None, str | None]]


@pytest.fixture(scope="session")
def events_of(pipeline) -> Callable[[str], Found]:  # type: ignore[no-untyped-def]
    """The events the default pipeline finds in a text: (type, actor, target), each participant as the
    entity's canonical name or the phrase."""

    def found(text: str) -> Found:
        doc: Document = pipeline(document_from_text(text, "t"))

        def who(entity_id: str | None, span) -> str | None:  # type: ignore[no-untyped-def]
            if entity_id:
                return doc.text_of(doc.entity(entity_id).canonical)
            return doc.text_of(span) if span else None

        return [(e.type, who(e.actor_id, e.actor), who(e.target_id, e.target)) for e in doc.events]

    return found
