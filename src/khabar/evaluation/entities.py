"""Measure the entity stage: token-level NER on CoNLL files, and document-level entities on gold articles.

Two views of the same model:

* ``score_conll``: exact-span precision, recall and F1 per type (conlleval semantics) of the tagger on
  CoNLL-style files such as the ANERcorp CAMeL test split and AQMAR test. The tagger sees each file as
  one document (its second pass looks across neighbouring sentences, as it does in an article).
* ``score_documents``: the official scorer's entity measure on ``gold.jsonl`` articles: a gold entity is
  found when a predicted PER/ORG/LOC entity of the same label names it (``khabar.evaluation.names``);
  precision counts every predicted PER/ORG/LOC entity, so an entity split in two costs precision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from khabar.evaluation.conlleval import Score, evaluate
from khabar.evaluation.names import same_name
from khabar.model import Document, to_dict

SCORED_LABELS = ("PER", "ORG", "LOC")


class Tagger(Protocol):
    """Anything that labels the tokenised sentences of one document with BIO tags."""

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


class SystemTagger:
    """The whole entity stage (tagger, rules, coreference) seen as a tagger of CoNLL sentences.

    Sentences are joined into documents of ``document_size`` sentences (one per line), segmented by
    khabar and passed through the entity stage; each entity mention is mapped back onto the CoNLL tokens
    it overlaps, with its entity's label. This measures what a user gets, not the CRF alone.
    """

    def __init__(self, stage: Any, document_size: int = 40) -> None:
        from khabar.stages.normalise import Normaliser
        from khabar.stages.segment import Segmenter

        self.stage = stage
        self.prepare: list[Any] = [Normaliser(), Segmenter()]
        self.document_size = document_size

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        tags: list[list[str]] = []
        for start in range(0, len(sentences), self.document_size):
            tags += self._tag_document(sentences[start : start + self.document_size])
        return tags

    def _tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        spans: list[list[tuple[int, int]]] = []
        lines, offset = [], 0
        for sentence in sentences:
            row = []
            for token in sentence:
                row.append((offset, offset + len(token)))
                offset += len(token) + 1
            spans.append(row)
            lines.append(" ".join(sentence))
        text = "\n".join(lines)
        tags = [["O"] * len(sentence) for sentence in sentences]
        if not text.strip():
            return tags
        doc = Document(id="conll", text=text)
        for stage in self.prepare:
            doc = stage(doc)
        for entity in self.stage.find(doc):
            for mention in entity.mentions:
                self._mark(spans, tags, mention.start, mention.end, entity.label)
        return tags

    @staticmethod
    def _mark(spans: list[list[tuple[int, int]]], tags: list[list[str]], start: int, end: int, label: str) -> None:
        first = True
        for row, sentence in enumerate(spans):
            for column, (a, b) in enumerate(sentence):
                if a < end and start < b:
                    tags[row][column] = ("B-" if first else "I-") + label
                    first = False


def score_conll(tagger: Tagger, sentences: Sequence[Sequence[tuple[str, str]]]) -> dict[str, Score]:
    """conlleval scores of ``tagger`` on labelled sentences (``(token, tag)`` pairs)."""
    predicted = tagger.tag_many([[token for token, _ in sentence] for sentence in sentences])
    return evaluate([[tag for _, tag in sentence] for sentence in sentences], predicted)


@dataclass
class LabelCounts:
    """Found, predicted and gold entities of one label."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EntityReport:
    """Document-level entity counts per label, and what went wrong article by article."""

    labels: dict[str, LabelCounts] = field(default_factory=lambda: {label: LabelCounts() for label in SCORED_LABELS})
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def total(self) -> LabelCounts:
        counts = self.labels.values()
        return LabelCounts(sum(c.tp for c in counts), sum(c.predicted for c in counts), sum(c.gold for c in counts))

    def lines(self, errors: bool = False) -> list[str]:
        """A table per label and overall, then (optionally) the misses and false alarms."""
        out = [f"{'label':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'found':>6s} {'pred':>6s} {'gold':>6s}"]
        for name, counts in [*self.labels.items(), ("all", self.total)]:
            p, r, f = counts.prf()
            out.append(f"{name:8s} {p:6.3f} {r:6.3f} {f:6.3f} {counts.tp:6d} {counts.predicted:6d} {counts.gold:6d}")
        if errors:
            for title, items in (("missed", self.missed), ("spurious", self.spurious)):
                out += [f"{title} ({len(items)}):", *(f"  {item}" for item in items)]
        return out


def _predicted(doc: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    """(label, surfaces) of each predicted PER/ORG/LOC entity: its name and every mention's text."""
    text = doc["text"]
    out = []
    for entity in doc.get("entities", []):
        if entity.get("label") in SCORED_LABELS:
            surfaces = [entity.get("name", ""), *(text[m["start"] : m["end"]] for m in entity.get("mentions", []))]
            out.append((entity["label"], [s for s in surfaces if s]))
    return out


def score_article(gold: Mapping[str, Any], pred: Mapping[str, Any], report: EntityReport) -> None:
    """Add one article's counts to ``report`` (greedy matching in gold order, as score.py does)."""
    predicted = _predicted(pred)
    used: set[int] = set()
    for entity in gold["entities"]:
        label = entity["type"]
        surfaces = [entity["name"], *entity.get("aliases", [])]
        if label not in report.labels:
            continue
        report.labels[label].gold += 1
        match = next((i for i, (kind, names) in enumerate(predicted)
                      if i not in used and kind == label and same_name(surfaces, names)), None)
        if match is None:
            report.missed.append(f"{gold['id']} {label} {entity['name']}")
        else:
            used.add(match)
            report.labels[label].tp += 1
    for index, (label, names) in enumerate(predicted):
        report.labels[label].predicted += 1
        if index not in used:
            report.spurious.append(f"{gold['id']} {label} {names[0]}")


def score_documents(gold: Iterable[Mapping[str, Any]], predictions: Iterable[Document]) -> EntityReport:
    """Score predicted Documents (same ids as the gold articles) against the gold entity lists."""
    report = EntityReport()
    by_id = {doc.id: to_dict(doc, tokens=False) for doc in predictions}
    for article in gold:
        score_article(article, by_id.get(article["id"], {"text": article["text"], "entities": []}), report)
    return report


def dev_corpora(data: Path) -> dict[str, Path]:
    """The report-only CoNLL files under a data root that exist: ANERcorp CAMeL test and AQMAR test."""
    from khabar.training import conll

    candidates = {"anercorp_test": data / conll.ANERCORP_TEST, "aqmar_test": data / conll.AQMAR_SPLIT.format(split="test")}
    return {name: path for name, path in candidates.items() if path.is_file()}
