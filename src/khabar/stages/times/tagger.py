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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from typing import ClassVar

from khabar.model import Diagnostic, Document, Normalised, Span, TimeExpression
from khabar.stages.normalise import normalise
from khabar.stages.times.context import Context, Reading, Tense
from khabar.stages.times.lexicon import TimeLexicon, load_time_lexicon
from khabar.stages.times.patterns import build_grammar
from khabar.stages.times.ranges import bracketed_weekdays, clocks_on_their_day, cohere, follow_days
from khabar.stages.times.readers import READERS
from khabar.stages.times.tense import TenseMap, at_word_start, future_pattern, tense_map
from khabar.stages.times.verbs import Clauses

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
CLOCK = re.compile(r"\d:\d|\d,\d\d\s*(?:ت\s*غ|ب?(?:ال)?توقيت)")  # "18:00", "(13,00 ت غ)"
GUESSED_ANCHOR = "anchor_guessed"
DAY_FIRST = re.compile(r"(?P<day>\d\d?)[/.-](?P<month>\d\d?)[/.-](?P<year>\d{4})(?!\d)")


@dataclass(frozen=True, slots=True)
class TimeTaggerOptions:
    """Where to look for a dateline date, and how much of its line it must fill."""

    dateline_lines: int = 3
    dateline_share: float = 0.6


def publication_date(published: str | None) -> date | None:
    """The day of an ISO 8601, RFC 2822 or day-first numeric publication date, or None.

    The day comes first in a numeric date, as in the Arab world ("03/01/2017" is 3 January).

    >>> publication_date("2016-10-26T09:00:00Z"), publication_date("Sun, 18 Feb 2018 21:35:43 +0400")
    (datetime.date(2016, 10, 26), datetime.date(2018, 2, 18))
    >>> publication_date("03/01/2017")
    datetime.date(2017, 1, 3)
    """
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        pass
    day_first = DAY_FIRST.match(published.strip())
    if day_first is not None:
        try:
            return date(int(day_first["year"]), int(day_first["month"]), int(day_first["day"]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(published).date()
    except (TypeError, ValueError, IndexError):
        return None


class TimeTagger:
    """Fill ``times`` with the article's dates, times, durations and sets."""

    name: ClassVar[str] = "times"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "normalised", "tokens", "sentences", "byline"})
    provides: ClassVar[frozenset[str]] = frozenset({"times", "diagnostics"})

    def __init__(self, lexicon: TimeLexicon | None = None, options: TimeTaggerOptions | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_time_lexicon()
        self.grammar = build_grammar(self.lexicon)
        self.options = options or TimeTaggerOptions()
        self.future_marker = future_pattern(self.lexicon)
        self.masks = tuple((pattern, pattern.need_mask) for pattern in self.grammar.patterns)

    def __call__(self, doc: Document) -> Document:
        times, notes = self.tag_with_notes(doc)
        return dataclasses.replace(doc, times=times, diagnostics=doc.diagnostics + notes)

    def tag(self, doc: Document) -> tuple[TimeExpression, ...]:
        """The time expressions of ``doc``, in text order.

        >>> from khabar.model import Meta
        >>> doc = Document(id="d", text="قال الوزير الثلاثاء", meta=Meta(published="2016-10-26"))
        >>> [(t.value, t.resolved) for t in TimeTagger().tag(doc)]
        [('2016-10-25', True)]
        """
        return self.tag_with_notes(doc)[0]

    def tag_with_notes(self, doc: Document) -> tuple[tuple[TimeExpression, ...], tuple[Diagnostic, ...]]:
        """The time expressions of ``doc`` and a diagnostic when the anchor was guessed from the text.

        The anchor is ``meta.published``. Without it, a full date standing alone on one of the first
        lines (a date line) is taken, and a diagnostic says so: such a date is a guess, never silent.
        Without either, relative expressions stay unresolved ("REF-P1D", ``resolved`` false).
        """
        view = doc.normalised if doc.normalised is not None else normalise(doc.text)
        anchor = publication_date(doc.meta.published)
        notes: tuple[Diagnostic, ...] = ()
        if anchor is None:
            guessed = self.dateline_date(view.text)
            if guessed is not None:
                anchor, span = guessed
                notes = (Diagnostic(self.name, GUESSED_ANCHOR, f"no publication date; relative times resolved "
                                    f"against {anchor.isoformat()}, read from the text", Span(*view.original_span(*span))),)
        tenses = tense_map(doc, view, self.future_marker)
        clauses = Clauses(view.text, view.starts, doc.tokens, doc.text) if doc.tokens else None
        readings = self._read(view.text, anchor, tenses, doc.text, view.starts, clauses)
        blocked = self._blocked(doc, view)
        times = []
        ordered = cohere(sorted(_longest_first(readings), key=lambda r: r.start), view.text, self.lexicon.qualifiers)
        for found in clocks_on_their_day(bracketed_weekdays(follow_days(ordered, anchor), view.text), anchor):
            if any(found.start < end and start < found.end for start, end in blocked):
                continue
            start, end = view.original_span(found.start, found.end)
            times.append(TimeExpression(Span(start, end), found.type, found.value, found.resolved))
        return tuple(sorted(times, key=lambda t: (t.span.start, t.span.end))), notes

    def dateline_date(self, view: str) -> tuple[date, tuple[int, int]] | None:
        """A full date standing (almost) alone on one of the first lines, such as a date line, and its span."""
        offset = 0
        lines = []
        for line in view.split("\n"):
            if line.strip():
                lines.append((offset, line))
            offset += len(line) + 1
        for line_start, line in lines[: self.options.dateline_lines]:
            letters = len(line.replace(" ", ""))
            for found in self._read(line, None, TenseMap([], [len(line)], line), line, range(len(line))):
                size = len(line[found.start : found.end].replace(" ", ""))
                if FULL_DATE.match(found.value) and size >= self.options.dateline_share * letters:
                    return date.fromisoformat(found.value[:10]), (line_start + found.start, line_start + found.end)
        return None

    def _read(self, view: str, anchor: date | None, tenses: TenseMap, raw: str, starts: Sequence[int],
              clauses: Clauses | None = None) -> list[Reading]:
        """Every reading of every pattern that can match ``view``."""
        contexts: dict[Tense, Context] = {}
        scan = self.grammar.scan(view, CLOCK.search(view) is not None)
        present, opens = scan.present, scan.starts
        readings = []
        for pattern, mask in self.masks:
            candidates = opens.get(pattern.lead)
            if candidates is None or present & mask != mask:
                continue
            reader = READERS[pattern.kind]
            for match in _matches(pattern.regex, view, candidates):
                if not at_word_start(view, match.start()):
                    continue
                tense = tenses.at(match.start("x"), match.end("x"))
                ctx = contexts.get(tense)
                if ctx is None:
                    ctx = contexts[tense] = Context(self.lexicon, view, anchor, tense, raw, starts, clauses)
                found = reader(match, ctx)
                if found is not None:
                    readings.append(found)
        return readings

    def _blocked(self, doc: Document, view: Normalised) -> list[tuple[int, int]]:
        """The outlet and author of the byline: "المغرب اليوم" names a newspaper, not today."""
        if doc.byline is None:
            return []
        parts = (doc.byline.outlet, doc.byline.author)
        return [view.view_span(p.start, p.end) for p in parts if p is not None]


def _matches(regex: re.Pattern[str], view: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches of ``regex`` starting at ``starts`` (in order), none overlapping the one before: what
    ``finditer`` gives at those offsets, without scanning the text between them."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = regex.match(view, start)
        if match is not None:
            end = max(match.end(), start + 1)
            yield match


def _longest_first(readings: list[Reading]) -> list[Reading]:
    """Of overlapping readings keep the longest (the earlier pattern on a tie)."""
    order = sorted(range(len(readings)), key=lambda i: (-(readings[i].end - readings[i].start), i))
    kept: list[Reading] = []
    for i in order:
        reading = readings[i]
        if all(reading.end <= k.start or k.end <= reading.start for k in kept):
            kept.append(reading)
    return kept
