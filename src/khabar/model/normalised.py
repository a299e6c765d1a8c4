"""A normalised view of a text with a map back to the raw offsets.

Matching (lexicons, gazetteers, search) happens on the view; results map back to ``Document.text``
through ``starts``/``ends``, so normalisation never changes the offsets the rest of khabar relies on.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.errors import InvalidSpan


@dataclass(frozen=True, slots=True)
class Normalised:
    """``text[i]`` came from ``original[starts[i]:ends[i]]``.

    A deleted character (haraka, tatweel, zero-width mark) extends the end of the character before
    it; one original character that expands to several (``"\\ufdfd"``) gives each of them the same
    range. ``starts`` and ``ends`` are non-decreasing.
    """

    text: str
    starts: Sequence[int]  # read-only by contract (the normaliser hands out compact ``array("q")``s)
    ends: Sequence[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the view range ``[start, end)`` back to a raw range ``(start, end)``."""
        if not 0 <= start < end <= len(self.text):
            raise InvalidSpan(start, end, f"outside the normalised view of length {len(self.text)}")
        return self.starts[start], self.ends[end - 1]

    def view_offset(self, original: int) -> int:
        """The index of the first view character that starts at or after raw offset ``original``."""
        return bisect_left(self.starts, original)

    def view_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a raw range to the smallest view range covering the characters that start inside it."""
        return self.view_offset(start), self.view_offset(end)
