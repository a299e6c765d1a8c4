"""Train the event filter (``stages/events/classifier.py``) on a seeded part of the GSR sample.

``python -m khabar.training.event_filter --eval ../shared/eval`` reads ``events/assault_gsr.csv`` and
``events/protest_gsr.csv`` (openeventdata/arabic_event_gsr, MIT; "ambiguous" rows left out), runs khabar's
pipeline without the filter over every sentence, holds out a seeded 30% of the sentences, fits one
logistic model per type on the rest (numpy, class-balanced, L2), chooses each type's threshold by 5-fold
cross-validation on the training part, and writes ``resources/events/filter.json``. It prints the sentence
detection figures (an occurred event of the type, "yes" against both "no"s) on the held-out part: those are
the figures to report, never the training ones. Deterministic: same data, same seed, same file.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.model import EventMode
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.entities import EntityTagger
from khabar.stages.events import EventFinder
from khabar.stages.events.classifier import FILTER_FILE, EventFilter, features
from khabar.stages.events.context import EventContext
from khabar.stages.events.gsr import KINDS, gsr_rows, held_out
from khabar.stages.places import Geocoder
from khabar.stages.quotes import QuoteFinder
from khabar.stages.read import document_from_text
from khabar.stages.times import TimeTagger

L2 = 4.0
STEPS = 400


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    kind: str
    yes: bool
    candidates: tuple[str, ...]  # features of its occurred events of the kind; () when it has none


def unfiltered_pipeline() -> Pipeline:
    return Pipeline([*core_stages(), EntityTagger.load(), TimeTagger(), Geocoder(), QuoteFinder(),
                     EventFinder(event_filter=False)])


def read_sentences(eval_dir: Path, pipeline: Pipeline) -> list[Sentence]:
    out = []
    for kind in KINDS:
        for sentence_id, text, yes in gsr_rows(eval_dir, kind):
            doc = pipeline(document_from_text(text, sentence_id))
            ctx = EventContext(doc)
            names = sorted({f for e in doc.events if e.type == kind and e.mode is EventMode.OCCURRED
                            for f in features(ctx, e)})
            out.append(Sentence(sentence_id, kind, yes, tuple(names)))
    return out


def fit(rows: list[Sentence]) -> tuple[dict[str, float], float]:
    """Class-balanced L2 logistic regression by gradient descent: feature weights and bias."""
    vocabulary = sorted({f for r in rows for f in r.candidates})
    index = {f: i for i, f in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary)))
    for i, r in enumerate(rows):
        x[i, [index[f] for f in r.candidates]] = 1.0
    y = np.array([r.yes for r in rows], dtype=float)
    positives = max(1.0, y.sum())
    weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1.0, len(y) - positives)))
    w, b = np.zeros(len(vocabulary)), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = weight * (p - y)
        w -= 0.5 * (x.T @ g / len(y) + L2 * w / len(y))
        b -= 0.5 * g.mean()
    return {f: float(w[i]) for f, i in index.items()}, b


def probability(weights: dict[str, float], bias: float, row: Sentence) -> float:
    score = bias + sum(weights.get(f, 0.0) for f in row.candidates)
    return float(1 / (1 + np.exp(-score)))


def detect(weights: dict[str, float], bias: float, threshold: float, row: Sentence) -> bool:
    return bool(row.candidates) and probability(weights, bias, row) >= threshold


def f1(rows: list[Sentence], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and r.yes for p, r in zip(predicted, rows, strict=True))
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(r.yes for r in rows))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def choose_threshold(rows: list[Sentence], folds: int = 5) -> float:
    """The threshold with the best F1 over cross-validated probabilities of the training rows."""
    scored: list[tuple[float, Sentence]] = []
    for k in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != k]
        weights, bias = fit([r for r in train if r.candidates])
        scored += [(probability(weights, bias, r), r) for i, r in enumerate(rows) if i % folds == k]
    grid = [t / 100 for t in range(10, 91, 2)]
    best = max(grid, key=lambda t: f1([r for _, r in scored], [bool(r.candidates) and p >= t for p, r in scored])[2])
    return best


def train(eval_dir: Path) -> tuple[EventFilter, dict[str, tuple[float, float, float]]]:
    sentences = read_sentences(eval_dir, unfiltered_pipeline())
    weights: dict[str, float] = {}
    bias: dict[str, float] = {}
    threshold: dict[str, float] = {}
    report = {}
    for kind in KINDS:
        rows = [s for s in sentences if s.kind == kind]
        training = [s for s in rows if not held_out(s.id)]
        testing = [s for s in rows if held_out(s.id)]
        kind_weights, bias[kind] = fit([r for r in training if r.candidates])
        weights.update(kind_weights)
        threshold[kind] = choose_threshold(training)
        report[kind] = f1(testing, [detect(kind_weights, bias[kind], threshold[kind], r) for r in testing])
        report[kind + " (no filter)"] = f1(testing, [bool(r.candidates) for r in testing])
    return EventFilter(weights, bias, threshold), report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"), help="the shared eval folder")
    parser.add_argument("--out", type=Path, default=FILTER_FILE)
    args = parser.parse_args(argv)
    model, report = train(args.eval)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    for name, (p, r, f) in report.items():
        print(f"held-out {name:22s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"wrote {args.out} ({len(model.weights):,} weights; thresholds {model.threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
