"""Score time expressions against the hand-made gold of ``tests/data/times_gold.jsonl``.

Each gold line names a dev article, the anchor to resolve against (its publication date; for the seed,
which has none, the day after the meeting it reports) and its expressions: offsets, TIMEX3 type and value.
A gold expression is found when a predicted one overlaps it, and right when that one also has the same
value. Precision counts the predictions that overlap a gold expression.

What the gold annotates (and so what the tagger aims at): dates (absolute, relative, weekdays, months,
years, Hijri), times of day, durations with a number or a vague plural ("أسابيع"), sets ("يوميا", "كل
يوم", "في اليوم" after a count), and PRESENT_REF/PAST_REF words ("الآن", "حاليا", "سابقا"). Ages ("19
عاما" as an age) are no times, as ``TIMES_GUIDELINES.md`` of the shared gold says (they were annotated as
durations until issue 24).
Spans leave out prepositions (في، منذ) except قبل in "قبل ثلاثة أيام", and keep "عام" in "عام 2014".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.evaluation.places import read_jsonl
from khabar.model import Document, Meta, Span, TimeExpression
from khabar.stages.byline import BylineFinder
from khabar.stages.normalise import Normaliser
from khabar.stages.segment import Segmenter
from khabar.stages.times import TimeTagger

Analyse = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class GoldTime:
    span: Span
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimesReport:
    """Counts and the expressions that went wrong, for printing."""

    total: int = 0
    found: int = 0
    right: int = 0
    predicted: int = 0
    matched_predictions: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.matched_predictions / self.predicted if self.predicted else 0.0

    def lines(self) -> list[str]:
        """The report for people."""
        head = (f"dates: {self.right}/{self.total} found with the right value ({self.accuracy:.1%}); "
                f"{self.found}/{self.total} found; precision {self.matched_predictions}/{self.predicted} "
                f"({self.precision:.1%})")
        return [head, *("  " + e for e in self.errors)]


def read_gold(path: Path) -> dict[str, tuple[str | None, list[GoldTime]]]:
    """Each article's anchor and gold expressions."""
    gold = {}
    for row in read_jsonl(path):
        times = [GoldTime(Span(t["start"], t["end"]), t["text"], t["type"], t["value"]) for t in row["times"]]
        gold[row["id"]] = (row.get("anchor"), times)
    return gold


def time_tagging_only() -> Analyse:
    """The stages the TimeTagger needs, then the TimeTagger."""
    stages = (Normaliser(), BylineFinder(), Segmenter(), TimeTagger())

    def analyse(doc: Document) -> Document:
        for stage in stages:
            doc = stage(doc)
        return doc

    return analyse


def _match(gold: GoldTime, predicted: tuple[TimeExpression, ...], used: set[int]) -> int | None:
    overlapping = [i for i, t in enumerate(predicted) if i not in used and t.span.overlaps(gold.span)]
    same = [i for i in overlapping if predicted[i].value == gold.value]
    if same:
        return same[0]
    return overlapping[0] if overlapping else None


def evaluate_times(gold: dict[str, tuple[str | None, list[GoldTime]]], articles: dict[str, dict[str, Any]],
                   analyse: Analyse) -> TimesReport:
    """Tag every gold article with ``analyse`` (anchored as the gold says) and score the expressions."""
    report = TimesReport()
    for doc_id, (anchor, times) in gold.items():
        if doc_id not in articles:
            raise ResourceError(f"gold article {doc_id!r} is not in the dev articles")
        text = articles[doc_id]["text"]
        doc = analyse(Document(id=doc_id, text=text, meta=Meta(source=doc_id, published=anchor)))
        used: set[int] = set()
        for gold_time in times:
            report.total += 1
            if text[gold_time.span.start : gold_time.span.end] != gold_time.text:
                raise ResourceError(f"{doc_id}: gold text {gold_time.text!r} is not at {gold_time.span}")
            index = _match(gold_time, doc.times, used)
            if index is None:
                report.errors.append(f"{doc_id} {gold_time.text!r}: missed (want {gold_time.value})")
                continue
            used.add(index)
            report.found += 1
            if doc.times[index].value == gold_time.value:
                report.right += 1
            else:
                report.errors.append(f"{doc_id} {gold_time.text!r}: got {doc.times[index].value}, want {gold_time.value}")
        report.predicted += len(doc.times)
        report.matched_predictions += sum(
            1 for t in doc.times if any(t.span.overlaps(g.span) for g in times))
        report.errors += [f"{doc_id} {text[t.span.start:t.span.end]!r}: extra ({t.value})" for t in doc.times
                          if not any(t.span.overlaps(g.span) for g in times)]
    return report


def unanchored(doc: Document) -> Document:
    """``doc`` without a publication date (to see the relative values)."""
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, published=None))
