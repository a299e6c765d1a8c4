"""The contract every stage keeps: a name, the Document fields it reads and the ones it fills."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from khabar.model import Document

#: Fields a freshly read Document already has.
READ_FIELDS = frozenset({"id", "text", "meta"})


@runtime_checkable
class Stage(Protocol):
    """A step of the pipeline. Stages are pure: they return a new Document and keep no per-document state."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]  # Document fields read
    provides: ClassVar[frozenset[str]]  # Document fields filled

    def __call__(self, doc: Document) -> Document: ...
