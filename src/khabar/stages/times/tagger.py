"""The TimeTagger stage: time expressions as spans with TIMEX3 types and values.

The anchor for relative expressions is the publication date: ``meta.published`` when the reader found
one, else a date standing on one of the article's first lines ("الخميس 01 أكتوبر 2020 - 23:00"). With
an anchor, "أمس", "الثلاثاء", "الأسبوع الماضي" or "قبل ثلاثة أيام" get absolute values and
``resolved=True``; without one they keep relative values (``values.py`` documents the scheme).
Matching happens on the normalised view (Arabic-Indic digits are ASCII there); spans map back to the text.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from typing import ClassVar

from khabar.model import Document, Normalised, Span, TimeExpression, Token
from khabar.stages.normalise import normalise
from khabar.stages.times.grammar import PROCLITICS, Grammar, alternation, build_grammar
from khabar.stages.times.lexicon import TimeLexicon, load_time_lexicon
from khabar.stages.times.readers import READERS, Context, Reading

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
WORD = re.compile("[\u0621-\u064a]+")
DIGIT = re.compile(r"\d")
FUTURE_PROCLITIC = "س"
# Words that may carry it (the segmenter tells س + يزور from سياسة): [و|ف] س then an imperfect prefix.
FUTURE_VERB = re.compile("(?:[وف]س|س)[يتنا][\u0621-\u064a]{2,}")
FUTURE_REACH = 100  # characters: "من المقرر أن تعيد إريتريا فتح سفارتها في أديس أبابا الاثنين"
MAX_PROCLITIC_LETTERS = 2
SENTENCE_END = re.compile(r"[.!?؟\n]+")


@dataclass(frozen=True, slots=True)
class TimeTaggerOptions:
    """Where to look for a dateline date, and how much of its line it must fill."""

    dateline_lines: int = 3
    dateline_share: float = 0.6


def publication_date(published: str | None) -> date | None:
    """The day of an ISO 8601 or RFC 2822 publication date, or None.

    >>> publication_date("2016-10-26T09:00:00Z"), publication_date("Sun, 18 Feb 2018 21:35:43 +0400")
    (datetime.date(2016, 10, 26), datetime.date(2018, 2, 18))
    """
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(published).date()
    except (TypeError, ValueError, IndexError):
        return None


class TimeTagger:
    """Fill ``times`` with the article's dates, times, durations and sets."""

    name: ClassVar[str] = "times"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "normalised", "tokens", "sentences", "byline"})
    provides: ClassVar[frozenset[str]] = frozenset({"times"})

    def __init__(self, lexicon: TimeLexicon | None = None, options: TimeTaggerOptions | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_time_lexicon()
        self.grammar: Grammar = build_grammar(self.lexicon)
        self.options = options or TimeTaggerOptions()
        markers = alternation({w for m in self.lexicon.future_markers for w in (m, "ال" + m)})
        self.future_marker = re.compile(f"(?:{markers})(?![\u0621-\u064a])")  # no look-behind: see grammar.py

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, times=self.tag(doc))

    def tag(self, doc: Document) -> tuple[TimeExpression, ...]:
        """The time expressions of ``doc``, in text order.

        >>> from khabar.model import Meta
        >>> doc = Document(id="d", text="قال الوزير الثلاثاء", meta=Meta(published="2016-10-26"))
        >>> [(t.value, t.resolved) for t in TimeTagger().tag(doc)]
        [('2016-10-25', True)]
        """
        view = doc.normalised if doc.normalised is not None else normalise(doc.text)
        anchor = publication_date(doc.meta.published) or self.dateline_date(view.text)
        readings = self._read(view.text, anchor, self._future_reaches(doc, view), doc.text, view.starts)
        blocked = self._blocked(doc, view)
        times = []
        for reading in _longest_first(readings):
            if any(reading.start < end and start < reading.end for start, end in blocked):
                continue
            start, end = view.original_span(reading.start, reading.end)
            times.append(TimeExpression(Span(start, end), reading.type, reading.value, reading.resolved))
        return tuple(sorted(times, key=lambda t: (t.span.start, t.span.end)))

    def dateline_date(self, view: str) -> date | None:
        """A full date standing (almost) alone on one of the first lines, such as a date line."""
        lines = [line for line in view.split("\n") if line.strip()]
        for line in lines[: self.options.dateline_lines]:
            letters = len(line.replace(" ", ""))
            for reading in self._read(line, None, [], line, range(len(line))):
                size = len(line[reading.start : reading.end].replace(" ", ""))
                if FULL_DATE.match(reading.value) and size >= self.options.dateline_share * letters:
                    return date.fromisoformat(reading.value[:10])
        return None

    def _read(self, view: str, anchor: date | None, future: list[tuple[int, int]], raw: str,
              starts: Sequence[int]) -> list[Reading]:
        """Every reading of every pattern that can match ``view``."""
        contexts = {flag: Context(self.lexicon, view, anchor, flag, raw, starts) for flag in (False, True)}
        future_starts = [start for start, _end in future]
        present = self.grammar.present(WORD.findall(view), DIGIT.search(view) is not None)
        readings = []
        for pattern in self.grammar.patterns:
            if not all(present & bit for bit in pattern.need_bits):
                continue
            reader = READERS[pattern.kind]
            for match in pattern.regex.finditer(view):
                if not _at_word_start(view, match.start()):
                    continue
                index = bisect_right(future_starts, match.start()) - 1
                is_future = index >= 0 and match.start() < future[index][1]
                reading = reader(match, contexts[is_future])
                if reading is not None:
                    readings.append(reading)
        return readings

    def _future_reaches(self, doc: Document, view: Normalised) -> list[tuple[int, int]]:
        """The view ranges that follow a future marker in its sentence ("من المقرر أن ...", "سيزور ...").

        A marker reaches ``FUTURE_REACH`` characters on, never past its sentence: in "قال الوزير
        الثلاثاء إنه سيزور باريس" the future comes after the day, which stays in the past.
        """
        markers = [m.start() for m in self.future_marker.finditer(view.text) if _at_word_start(view.text, m.start())]
        for candidate in FUTURE_VERB.finditer(view.text):  # the future proclitic: سيزور، وستبدأ
            if not _at_word_start(view.text, candidate.start()):
                continue
            index = bisect_right(doc.tokens, view.starts[candidate.start()], key=_token_start) - 1
            token = doc.tokens[index] if index >= 0 else None
            if token is not None and token.stem_start > token.start and doc.text[token.stem_start - 1] == FUTURE_PROCLITIC:
                markers.append(candidate.start())
        sentence_ends = [end for _start, end in _sentences(doc, view)]
        reaches = []
        for marker in sorted(markers):
            end = sentence_ends[min(bisect_right(sentence_ends, marker), len(sentence_ends) - 1)]
            reaches.append((marker, min(end, marker + FUTURE_REACH)))
        return reaches

    def _blocked(self, doc: Document, view: Normalised) -> list[tuple[int, int]]:
        """The outlet and author of the byline: "المغرب اليوم" names a newspaper, not today."""
        if doc.byline is None:
            return []
        parts = (doc.byline.outlet, doc.byline.author)
        return [view.view_span(p.start, p.end) for p in parts if p is not None]


def _at_word_start(view: str, index: int) -> bool:
    """Whether ``index`` starts a word, or follows only a proclitic (و ف ب ل ك, وب ...) at a word start.

    >>> _at_word_start("قال أمس", 4), _at_word_start("وأمس", 1), _at_word_start("تمارس", 1)
    (True, True, False)
    """
    start = index
    while start > 0 and (view[start - 1].isdigit() or "\u0621" <= view[start - 1] <= "\u064a"):
        start -= 1
        if index - start > MAX_PROCLITIC_LETTERS:
            return False
    return view[start:index] in PROCLITICS


def _token_start(token: Token) -> int:
    return token.start


def _sentences(doc: Document, view: Normalised) -> Iterator[tuple[int, int]]:
    if doc.sentences:
        for sentence in doc.sentences:
            yield view.view_span(sentence.start, sentence.end)
        return
    start = 0
    for end_mark in SENTENCE_END.finditer(view.text):
        yield start, end_mark.end()
        start = end_mark.end()
    yield start, len(view.text)


def _longest_first(readings: list[Reading]) -> list[Reading]:
    """Of overlapping readings keep the longest (the earlier pattern on a tie)."""
    order = sorted(range(len(readings)), key=lambda i: (-(readings[i].end - readings[i].start), i))
    kept: list[Reading] = []
    for i in order:
        reading = readings[i]
        if all(reading.end <= k.start or k.end <= reading.start for k in kept):
            kept.append(reading)
    return kept
