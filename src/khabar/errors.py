"""Every error khabar raises on purpose.

This module is the lowest layer: it imports nothing from khabar, so the model, the stages and the
interfaces can all raise and catch the same narrow types. Adapters translate them: the CLI prints one
line on stderr, the HTTP API answers ``422 {"error": reason, "detail": ...}``.
"""

from __future__ import annotations

from enum import StrEnum

# json.loads raises RecursionError on arrays or objects nested some thousand deep: every parser of user
# JSON (reader, batch, API, Document JSON) refuses them with this message
JSON_TOO_DEEP = "not valid JSON for khabar: nested too deeply"


class KhabarError(Exception):
    """Base for every error khabar raises on purpose."""


class Reason(StrEnum):
    """Why an input was rejected; the value is the machine-readable code."""

    EMPTY = "empty"
    NOT_FOUND = "not_found"
    IS_DIRECTORY = "is_directory"
    UNREADABLE = "unreadable"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NOT_ARABIC = "not_arabic"
    TOO_LARGE = "too_large"
    MALFORMED = "malformed"
    NO_TEXT = "no_text"
    UNSUPPORTED = "unsupported"


class InputError(KhabarError, ValueError):
    """An input that khabar cannot turn into a Document, with the reason and where it came from."""

    def __init__(self, reason: Reason, source: str, detail: str = "") -> None:
        self.reason = reason
        self.source = source
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line for people: ``source: reason: detail``."""
        tail = f": {self.detail}" if self.detail else ""
        return f"{self.source}: {self.reason.value}{tail}"

    def to_dict(self) -> dict[str, str]:
        """The JSON form written to ``rejected.jsonl`` and returned by the API."""
        return {"source": self.source, "error": self.reason.value, "detail": self.detail}


class InvalidSpan(KhabarError, ValueError):
    """A span whose offsets are impossible (negative, empty or reversed)."""

    def __init__(self, start: int, end: int, why: str = "need 0 <= start < end") -> None:
        self.start = start
        self.end = end
        super().__init__(f"invalid span [{start}, {end}): {why}")


class SchemaError(KhabarError, ValueError):
    """A JSON document that does not follow khabar's schema (unknown version, bad field, bad offset)."""


class OffsetError(KhabarError):
    """An annotation layer breaks an offset invariant (out of bounds, unsorted, overlapping)."""


class PipelineError(KhabarError):
    """A pipeline whose stages cannot run in the given order."""


class StageError(KhabarError):
    """A stage failed on one document; the cause is chained with ``raise ... from``."""

    def __init__(self, stage: str, doc_id: str, detail: str = "") -> None:
        self.stage = stage
        self.doc_id = doc_id
        tail = f": {detail}" if detail else ""
        super().__init__(f"stage {stage!r} failed on document {doc_id!r}{tail}")


class ResourceError(KhabarError):
    """A shipped resource (model weights, lexicon, gazetteer) is missing or damaged."""
