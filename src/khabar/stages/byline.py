"""Find the byline and dateline an article opens with, as spans (the text is not rewritten).

Recognised forms, on one of the first lines or at the start of the first paragraph:
  "باريس ـ المغرب اليوم"            place ـ outlet
  "هسبريس ـ عبد السلام الشامخ"      outlet ـ author
  "القاهرة - أحمد الريدي"           place - author
  "الرباط (رويترز) -" + text         place (agency) - : a dateline glued to the first sentence
  "دبي، الإمارات العربية المتحدة (CNN)-- قال ..."
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import ClassVar

from khabar.model import Byline, Document, Span
from khabar.stages.normalise import normalise_query
from khabar.stages.resources import resource, resource_rows

DASHES = re.escape("-–—\u0640")  # escaped for use inside [...]
_SEPARATOR = re.compile(rf"\s*(?:[{DASHES}]+|--)\s*")
# place [، country] (agency) [-–—]+ : the dateline of wire copy, glued to the first sentence
_WIRE_DATELINE = re.compile(
    rf"^(?P<place>[^\n(),،:{DASHES}]{{2,40}}?(?:\s*[،,]\s*[^\n(),،:{DASHES}]{{2,40}}?)?)\s*"
    rf"\((?P<outlet>[^()\n]{{1,40}})\)\s*(?:[{DASHES}]+|:)\s*"
)
_LINE_BYLINE = re.compile(
    rf"^(?P<left>(?:[^\n{DASHES}:؟?!.]|\.(?=\S)){{2,40}}?)\s*(?:[{DASHES}]+)\s*(?P<right>[^\n{DASHES}:؟?!]{{2,50}}?)\s*$"
)
_DATE_LIKE = re.compile(r"\d{3,}|\d[:/]\d")  # "الخميس 01 أكتوبر 2020 - 23:00" is a date line, not a byline
_PAREN_OUTLET = re.compile(r"^(?P<place>[^()]+?)\s*\((?P<outlet>[^()]+)\)$")
OUTLET_WORDS = frozenset(normalise_query(w) for w in "وكالة وكالات نيوز برس نت صحيفة قناة موقع تايمز بوست راديو إذاعة تلفزيون أونلاين".split())
PARTICLES = frozenset("في من على إلى الى عن مع بعد قبل لا لم لن قد هل أن إن التي الذي و".split())
MAX_LINE_CHARS = 70
MAX_PART_WORDS = 5


def load_outlets() -> frozenset[str]:
    """The normalised names in ``resources/outlets.tsv``."""
    return frozenset(normalise_query(row[0].strip()) for row in resource_rows(resource("outlets.tsv"), header="name"))


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int

    def span(self) -> Span | None:
        return Span(self.start, self.end) if self.end > self.start else None


def _strip(text: str, start: int, end: int) -> _Part:
    while start < end and text[start] in " \t،,":
        start += 1
    while end > start and text[end - 1] in " \t،,":
        end -= 1
    return _Part(start, end)


class BylineFinder:
    """Fill ``byline``: where the article was filed, by which outlet or agency, and by whom."""

    name: ClassVar[str] = "byline"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"byline"})

    def __init__(self, outlets: frozenset[str] | None = None) -> None:
        self.outlets = outlets if outlets is not None else load_outlets()

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, byline=self.find(doc.text))

    def find(self, text: str) -> Byline | None:
        """The byline of ``text``, looking at its first three non-empty lines.

        >>> finder = BylineFinder()
        >>> text = "باريس ـ المغرب اليوم\\nقال الوزير"
        >>> byline = finder.find(text)
        >>> text[byline.place.start:byline.place.end], text[byline.outlet.start:byline.outlet.end]
        ('باريس', 'المغرب اليوم')
        """
        offset = 0
        seen = 0
        for line in text.split("\n"):
            if line.strip():
                found = self._wire_dateline(text, offset, line) or self._line_byline(text, offset, line)
                if found is not None:
                    return found
                seen += 1
                if seen == 3:
                    break
            offset += len(line) + 1
        return None

    def _is_outlet(self, text: str, part: _Part) -> bool:
        name = normalise_query(text[part.start : part.end])
        return name in self.outlets or any(word in OUTLET_WORDS for word in name.split())

    def _wire_dateline(self, text: str, offset: int, line: str) -> Byline | None:
        match = _WIRE_DATELINE.match(line)
        if match is None or match.end() >= len(line.rstrip()):
            return None
        place = _strip(text, offset + match.start("place"), offset + match.end("place"))
        comma = min((i for i in (text.find("،", place.start, place.end), text.find(",", place.start, place.end)) if i >= 0), default=-1)
        if comma >= 0:  # "دبي، الإمارات العربية المتحدة": the city is the dateline place
            place = _strip(text, place.start, comma)
        outlet = _strip(text, offset + match.start("outlet"), offset + match.end("outlet"))
        if len(text[place.start : place.end].split()) > 2 * MAX_PART_WORDS:
            return None
        end = offset + len(line[: match.end()].rstrip())
        return Byline(span=Span(offset, end), place=place.span(), outlet=outlet.span())

    def _line_byline(self, text: str, offset: int, line: str) -> Byline | None:
        if len(line.strip()) > MAX_LINE_CHARS:
            return None
        match = _LINE_BYLINE.match(line.strip())
        if match is None:
            return None
        lead = offset + len(line) - len(line.lstrip())
        left = _strip(text, lead + match.start("left"), lead + match.end("left"))
        right = _strip(text, lead + match.start("right"), lead + match.end("right"))
        if not self._plausible(text, left) or not self._plausible(text, right):
            return None
        span = Span(left.start, right.end)
        return self._classify(text, span, left, right)

    def _plausible(self, text: str, part: _Part) -> bool:
        words = text[part.start : part.end].split()
        return 0 < len(words) <= MAX_PART_WORDS and not _DATE_LIKE.search(text[part.start : part.end])

    def _classify(self, text: str, span: Span, left: _Part, right: _Part) -> Byline | None:
        paren = _PAREN_OUTLET.match(text[left.start : left.end])
        if paren:  # "الرباط (رويترز) - أحمد"
            place = _Part(left.start + paren.start("place"), left.start + paren.end("place"))
            outlet = _Part(left.start + paren.start("outlet"), left.start + paren.end("outlet"))
            return Byline(span=span, place=place.span(), outlet=outlet.span(), author=right.span())
        if self._is_outlet(text, left):  # "هسبريس ـ عبد السلام الشامخ", "العربية.نت - وكالات"
            if self._is_outlet(text, right):
                return Byline(span=span, outlet=left.span())
            return Byline(span=span, outlet=left.span(), author=right.span())
        if self._is_outlet(text, right):  # "باريس ـ المغرب اليوم"
            return Byline(span=span, place=left.span(), outlet=right.span())
        if self._looks_like_place_and_name(text, left, right):  # "القاهرة - أحمد الريدي"
            return Byline(span=span, place=left.span(), author=right.span())
        return None

    def _looks_like_place_and_name(self, text: str, left: _Part, right: _Part) -> bool:
        """With no outlet named, accept only a short place and a 2–4 word name without particles."""
        place = text[left.start : left.end].split()
        name = text[right.start : right.end].split()
        return len(place) <= 2 and 2 <= len(name) <= 4 and not any(w in PARTICLES for w in place + name)
