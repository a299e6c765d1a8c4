"""Measure the quote stage on gold articles: quote F1 and attributed-quote F1, as ``score.py`` counts them.

A predicted quote matches a gold quote when their overlap covers at least half of each span; it is
attributed when its speaker entity's surfaces, or its speaker phrase, name the gold speaker (same name
after normalisation, one proclitic allowed, or a whole-word part of it). This mirrors
``shared/eval/score.py`` (the official scorer) and adds the list of misses and false alarms.

``--gold-entities`` builds the Document's entities from the gold entity lists (each name and alias
located in the text), so attribution is measured apart from the NER stage.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

from khabar.evaluation.names import same_name
from khabar.model import Document, Entity, Span, to_dict
from khabar.pipeline import Pipeline, default_pipeline
from khabar.stages.read import document_from_text

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_PROCLITIC_LETTERS = "وبلفك"


# ---------------------------------------------------------------- gold entities as a stage


def _word_start_ok(text: str, start: int) -> bool:
    if start == 0 or not _ARABIC_LETTER.match(text[start - 1]):
        return True
    return text[start - 1] in _PROCLITIC_LETTERS and (start < 2 or not _ARABIC_LETTER.match(text[start - 2]))


def locate(text: str, surface: str) -> Iterator[tuple[int, int]]:
    """Every whole-word occurrence of ``surface`` in ``text`` (one proclitic before it allowed; a name
    with the article also after the preposition لـ, which writes لل: "للمندوبية السامية للتخطيط")."""
    yield from _occurrences(text, surface)
    if surface.startswith("ال") and len(surface) > 3:
        yield from _occurrences(text, "لل" + surface[2:])


def _occurrences(text: str, surface: str) -> Iterator[tuple[int, int]]:
    start = text.find(surface)
    while start >= 0:
        end = start + len(surface)
        if _word_start_ok(text, start) and (end == len(text) or not _ARABIC_LETTER.match(text[end])):
            yield start, end
        start = text.find(surface, start + 1)


def gold_entities(text: str, rows: Sequence[dict[str, Any]]) -> tuple[Entity, ...]:
    """Entities with mentions located in ``text`` from gold rows ``{type, name, aliases}``; longest first."""
    taken: list[tuple[int, int]] = []
    found: dict[int, list[Span]] = {}
    surfaces = sorted(((s, i) for i, row in enumerate(rows) for s in [row["name"], *row.get("aliases", [])]),
                      key=lambda pair: -len(pair[0]))
    for surface, index in surfaces:
        for start, end in locate(text, surface):
            if not any(start < e and s < end for s, e in taken):
                taken.append((start, end))
                found.setdefault(index, []).append(Span(start, end))
    entities = []
    for index, row in enumerate(rows):
        mentions = tuple(sorted(found.get(index, ())))
        if mentions:
            canonical = next((m for m in mentions if text[m.start : m.end] == row["name"]), mentions[0])
            entities.append(Entity(f"e{index + 1}", row["type"], mentions, canonical))
    return tuple(entities)


@dataclass(frozen=True)
class GoldEntityTagger:
    """A stand-in for the entity stage: the gold entities of each article, located in its text."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __call__(self, doc: Document) -> Document:
        return replace(doc, entities=gold_entities(doc.text, self.rows.get(doc.id, [])))

    @classmethod
    def from_gold(cls, gold: Iterable[dict[str, Any]]) -> GoldEntityTagger:
        """The stand-in for the articles of a gold file, by id."""
        return cls({article["id"]: [{"type": e["type"], "name": e["name"], "aliases": e.get("aliases", [])}
                                    for e in article["entities"]] for article in gold})


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    """True positives, predictions and gold items of one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp,
                "pred": self.predicted, "gold": self.gold}


@dataclass
class QuoteReport:
    """Quote and attribution counts over a gold set, with what went wrong, article by article."""

    quotes: Counts = field(default_factory=Counts)
    attributed: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)  # gold quotes no prediction matched
    false_alarms: list[str] = field(default_factory=list)  # predictions that matched no gold quote
    misattributed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"quotes": self.quotes.as_dict(), "attributed_quotes": self.attributed.as_dict()}


def _surfaces(pred: dict[str, Any], quote: dict[str, Any]) -> list[str]:
    text = pred["text"]
    entities = {e["id"]: e for e in pred.get("entities", [])}
    out = []
    entity = entities.get(quote.get("speaker"))
    if entity is not None:
        out.append(entity.get("name", ""))
        out += [text[m["start"] : m["end"]] for m in entity.get("mentions", [])]
    if quote.get("speaker_text"):
        out.append(quote["speaker_text"])
    return [s for s in out if s]


def _best_match(gold_quote: dict[str, Any], predicted: list[dict[str, Any]], used: set[int]) -> int | None:
    gs, ge = gold_quote["start"], gold_quote["end"]
    best, best_overlap = None, 0
    for i, quote in enumerate(predicted):
        if i in used:
            continue
        overlap = max(0, min(ge, quote["end"]) - max(gs, quote["start"]))
        if overlap >= 0.5 * (ge - gs) and overlap >= 0.5 * (quote["end"] - quote["start"]) and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def score_article(gold: dict[str, Any], pred: dict[str, Any], report: QuoteReport) -> None:
    """Add one article's quote and attribution counts (and errors) to ``report``."""
    aliases = {g["name"]: [g["name"], *g["aliases"]] for g in gold["entities"]}
    predicted = pred.get("quotes", [])
    text = gold["text"]
    used: set[int] = set()
    for g in gold["quotes"]:
        best = _best_match(g, predicted, used)
        if best is None:
            report.misses.append(f"{gold['id']} [{g['kind']}] {g['speaker']} | {g['content'][:90]}")
            continue
        used.add(best)
        report.quotes.tp += 1
        surfaces = _surfaces(pred, predicted[best])
        if surfaces and same_name(aliases.get(g["speaker"], [g["speaker"]]), surfaces):
            report.attributed.tp += 1
        else:
            report.misattributed.append(f"{gold['id']} gold {g['speaker']} | predicted {surfaces[:2]} | {g['content'][:60]}")
    for i, quote in enumerate(predicted):
        if i not in used:
            report.false_alarms.append(f"{gold['id']} {quote.get('speaker_text')} | {text[quote['start']:quote['end']][:90]}")
    for counts in (report.quotes, report.attributed):
        counts.predicted += len(predicted)
        counts.gold += len(gold["quotes"])


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold articles of a ``gold.jsonl`` file."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def gold_documents(gold: Iterable[dict[str, Any]]) -> Iterator[Document]:
    """A Document for each gold article, with the gold text and id (published date in meta)."""
    for article in gold:
        doc = document_from_text(article["text"], article["id"])
        yield doc


def evaluate(gold: list[dict[str, Any]], predictions: Iterable[Document]) -> QuoteReport:
    """Score predicted Documents (same ids as the gold articles) against the gold quotes."""
    report = QuoteReport()
    by_id = {doc.id: to_dict(doc, tokens=False) for doc in predictions}
    for article in gold:
        pred = by_id.get(article["id"], {"text": article["text"], "quotes": []})
        score_article(article, pred, report)
    return report


def quote_pipeline(entities: Any = None) -> Pipeline:
    """khabar's default pipeline up to the quote stage; ``entities`` replaces the entity stage."""
    stages = default_pipeline(entities).stages
    return Pipeline(stages[: [s.name for s in stages].index("quotes") + 1])


def evaluate_gold(gold_path: Path, use_gold_entities: bool) -> tuple[QuoteReport, list[Document]]:
    """Run the quote pipeline over a gold file's texts and score it; also return the Documents."""
    gold = read_gold(gold_path)
    pipeline = quote_pipeline(GoldEntityTagger.from_gold(gold) if use_gold_entities else None)
    documents = [pipeline(doc) for doc in gold_documents(gold)]
    return evaluate(gold, documents), documents


def report_lines(report: QuoteReport, errors: bool) -> list[str]:
    """The scores in score.py's layout, then (optionally) the misses, false alarms and wrong speakers."""
    lines = []
    for name, counts in (("quotes", report.quotes), ("attributed_quotes", report.attributed)):
        r = counts.as_dict()
        lines.append(f"{name:18s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  "
                     f"({r['tp']} of {r['pred']} predicted, {r['gold']} gold)")
    if errors:
        for title, items in (("missed", report.misses), ("false alarms", report.false_alarms),
                             ("wrong speaker", report.misattributed)):
            lines += [f"{title} ({len(items)}):", *(f"  {item}" for item in items)]
    return lines


def write_predictions(documents: Iterable[Document], path: Path) -> None:
    """Write the Documents as JSON Lines (what ``khabar analyze --format jsonl`` prints) for score.py."""
    with open(path, "w", encoding="utf-8") as out:
        for doc in documents:
            out.write(json.dumps(to_dict(doc, tokens=False), ensure_ascii=False) + "\n")
