"""Train the event filter (``stages/events/classifier.py``) on the GSR sample, choosing its model by
cross-validation.

``python -m khabar.training.event_filter --eval ../shared/eval`` reads ``events/assault_gsr.csv`` and
``events/protest_gsr.csv`` (openeventdata/arabic_event_gsr, MIT; "ambiguous" rows left out) and runs khabar's
pipeline without the filter over every sentence. A sentence can only be detected where the events stage finds
an occurred event of the type; the model decides among those. For each type it then

1. chooses the feature groups and the L2 strength by stratified 5-fold cross-validation over the training
   part of the seeded 70/30 split (``stages/events/gsr.py``; seeded; each fold's threshold chosen by an inner
   cross-validation of its training folds, so no figure is measured on data its threshold saw; within ``TIE``
   of the best F1 the model with fewer feature groups is taken) and prints every candidate's cross-validated F1;
2. fits the chosen model on that training part, chooses its threshold by cross-validation there, prints its
   F1 on the held-out 30% (which neither step saw) and writes it to ``resources/events/filter.json``.

Logistic regression, class-balanced, L2, fitted by full-batch Adam on sparse rows (numpy only).
Deterministic: same data, same seed, same file.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.model import EventMode
from khabar.pipeline import Pipeline, core_stages
from khabar.stages.entities import EntityTagger
from khabar.stages.entities.descriptions import DescriptionLinker
from khabar.stages.events import EventFinder, EventLexicon
from khabar.stages.events.classifier import FILTER_FILE, EventFilter, FeatureSet, sentence_features
from khabar.stages.events.context import EventContext
from khabar.stages.events.gsr import KINDS, gsr_rows, held_out
from khabar.stages.places import Geocoder
from khabar.stages.quotes import QuoteFinder
from khabar.stages.read import document_from_text
from khabar.stages.times import TimeTagger

SEED = "khabar-event-filter-cv-1"
FOLDS = 5
STEPS = 300
LEARNING_RATE = 0.05
MIN_COUNT = 2  # a feature seen in fewer training sentences gets no weight
ALL = FeatureSet(words=True, pairs=True, chars=True, events=True)
PREFIXES = {"words": ("w=",), "pairs": ("p=",), "chars": ("c=",), "events": ("ev:", "<num>")}
CANDIDATES = (
    FeatureSet(words=True, pairs=False, chars=False, events=True),
    FeatureSet(words=True, pairs=True, chars=False, events=True),
    FeatureSet(words=True, pairs=False, chars=True, events=True),
    FeatureSet(words=True, pairs=True, chars=True, events=True),
)
L2_GRID = (3.0, 10.0, 30.0, 100.0)
TIE = 0.01  # a model within this F1 of the best and with fewer feature groups is preferred
THRESHOLDS = tuple(t / 100 for t in range(10, 91, 2))


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    kind: str
    yes: bool
    candidates: tuple[str, ...]  # every feature (all groups) of its sentence; () when no occurred event of the kind

    def features(self, groups: FeatureSet) -> list[str]:
        wanted = tuple(p for name, on in groups.to_dict().items() if on for p in PREFIXES[name])
        return [f for f in self.candidates if f.startswith(wanted)]


def unfiltered_pipeline() -> Pipeline:
    return Pipeline([*core_stages(), EntityTagger.load(), DescriptionLinker(), TimeTagger(), Geocoder(),
                     QuoteFinder(), EventFinder(event_filter=False)])


def casualty_words(lexicon: EventLexicon) -> frozenset[str]:
    return lexicon.words.get("casualty", frozenset())


def read_sentences(eval_dir: Path, pipeline: Pipeline, casualties: frozenset[str]) -> list[Sentence]:
    out = []
    for kind in KINDS:
        for sentence_id, text, yes in gsr_rows(eval_dir, kind):
            doc = pipeline(document_from_text(text, sentence_id))
            ctx = EventContext(doc)
            by_sentence: dict[int, list] = {}
            for event in doc.events:
                by_sentence.setdefault(ctx.sentence_of[ctx.token_index(event.trigger.start)], []).append(event)
            names: set[str] = set()
            for found in by_sentence.values():
                if any(e.type == kind and e.mode is EventMode.OCCURRED for e in found):
                    names |= set(sentence_features(ctx, found, kind, ALL, casualties))
            out.append(Sentence(sentence_id, kind, yes, tuple(sorted(names))))
    return out


# ------------------------------------------------------------------ the model


@dataclass(frozen=True, slots=True)
class Fitted:
    weights: dict[str, float]
    bias: float

    def probability(self, names: list[str]) -> float:
        score = self.bias + sum(self.weights.get(n, 0.0) for n in names)
        return float(1 / (1 + np.exp(-max(-30.0, min(30.0, score)))))


def fit(rows: list[Sentence], groups: FeatureSet, l2: float) -> Fitted:
    """Class-balanced L2 logistic regression over the rows that have candidates (sparse, full-batch Adam)."""
    rows = [r for r in rows if r.candidates]
    counts: dict[str, int] = {}
    for r in rows:
        for f in r.features(groups):
            counts[f] = counts.get(f, 0) + 1
    vocabulary = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    cols = [np.array([index[f] for f in r.features(groups) if f in index], dtype=np.int64) for r in rows]
    row_of = np.concatenate([np.full(len(c), i) for i, c in enumerate(cols)]) if rows else np.zeros(0, np.int64)
    flat = np.concatenate(cols) if rows else np.zeros(0, np.int64)
    y = np.array([r.yes for r in rows], dtype=float)
    positives = max(1.0, y.sum())
    sample = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1.0, len(y) - positives)))
    w, b = np.zeros(len(vocabulary)), 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    for step in range(1, STEPS + 1):
        score = np.bincount(row_of, weights=w[flat], minlength=len(rows)) + b
        g = sample * (1 / (1 + np.exp(-score)) - y) / len(y)
        gw = np.bincount(flat, weights=g[row_of], minlength=len(w)) + l2 * w / len(y)
        gb = g.sum()
        m, v = 0.9 * m + 0.1 * gw, 0.999 * v + 0.001 * gw**2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb**2
        correction = np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        w -= LEARNING_RATE * correction * m / (np.sqrt(v) + 1e-8)
        b -= LEARNING_RATE * correction * mb / (np.sqrt(vb) + 1e-8)
    return Fitted({f: float(w[i]) for f, i in index.items()}, float(b))


# ------------------------------------------------------------------ cross-validation


def folds_of(rows: list[Sentence], folds: int, seed: str) -> list[int]:
    """A stratified fold number per row: within each label, rows in seeded hash order, dealt round-robin."""
    out = [0] * len(rows)
    for label in (True, False):
        chosen = [i for i, r in enumerate(rows) if r.yes is label]
        chosen.sort(key=lambda i: hashlib.sha256(f"{seed}:{rows[i].id}".encode()).hexdigest())
        for n, i in enumerate(chosen):
            out[i] = n % folds
    return out


def f1(yes: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and y for p, y in zip(predicted, yes, strict=True))
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(yes))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def out_of_fold(rows: list[Sentence], groups: FeatureSet, l2: float, folds: int, seed: str) -> list[float]:
    """Every row's probability from a model fitted on the other folds (0 for rows without candidates)."""
    fold = folds_of(rows, folds, seed)
    scored = [0.0] * len(rows)
    for k in range(folds):
        model = fit([r for i, r in enumerate(rows) if fold[i] != k], groups, l2)
        for i, r in enumerate(rows):
            if fold[i] == k and r.candidates:
                scored[i] = model.probability(r.features(groups))
    return scored


def choose_threshold(rows: list[Sentence], groups: FeatureSet, l2: float) -> float:
    """The threshold with the best F1 over the rows' cross-validated probabilities."""
    scored = out_of_fold(rows, groups, l2, FOLDS - 1, SEED + ":inner")
    yes = [r.yes for r in rows]
    return max(THRESHOLDS, key=lambda t: (f1(yes, [bool(r.candidates) and p >= t for p, r in zip(scored, rows, strict=True)])[2], -t))


def cross_validate(rows: list[Sentence], groups: FeatureSet, l2: float) -> tuple[float, float, float]:
    """Stratified 5-fold F1 over ``rows`` (the training part); each fold's threshold chosen inside its training folds."""
    fold = folds_of(rows, FOLDS, SEED)
    predicted = [False] * len(rows)
    for k in range(FOLDS):
        training = [r for i, r in enumerate(rows) if fold[i] != k]
        model = fit(training, groups, l2)
        threshold = choose_threshold(training, groups, l2)
        for i, r in enumerate(rows):
            if fold[i] == k:
                predicted[i] = bool(r.candidates) and model.probability(r.features(groups)) >= threshold
    return f1([r.yes for r in rows], predicted)


# ------------------------------------------------------------------ training


def train(eval_dir: Path) -> tuple[EventFilter, list[str]]:
    lexicon = EventLexicon.load()
    casualties = casualty_words(lexicon)
    sentences = read_sentences(eval_dir, unfiltered_pipeline(), casualties)
    weights, bias, threshold, lines = {}, {}, {}, []
    chosen: dict[str, FeatureSet] = {}
    for kind in KINDS:
        rows = [s for s in sentences if s.kind == kind]
        lines.append(f"{kind}: {sum(r.yes for r in rows)} yes of {len(rows)}; "
                     f"an occurred {kind} found in {sum(bool(r.candidates) for r in rows)}")
        training = [s for s in rows if not held_out(s.id)]
        testing = [s for s in rows if held_out(s.id)]
        best = None
        for groups in CANDIDATES:
            for l2 in L2_GRID:
                p, r, f = cross_validate(training, groups, l2)
                lines.append(f"  CV {_name(groups):28s} L2 {l2:<5} P {p:.3f} R {r:.3f} F1 {f:.3f}")
                size = sum(groups.to_dict().values())
                if best is None or f > best[0] + TIE or f > best[0] - TIE and size < best[3]:
                    best = (f, groups, l2, size)
        assert best is not None
        _, groups, l2, _ = best
        chosen[kind] = groups
        model = fit(training, groups, l2)
        weights[kind], bias[kind] = model.weights, model.bias
        threshold[kind] = choose_threshold(training, groups, l2)
        p, r, f = f1([s.yes for s in testing], [bool(s.candidates) and model.probability(s.features(groups)) >= threshold[kind]
                                                 for s in testing])
        p0, r0, f0 = f1([s.yes for s in testing], [bool(s.candidates) for s in testing])
        lines.append(f"  chosen {_name(groups)} L2 {l2}; held-out 30%: P {p:.3f} R {r:.3f} F1 {f:.3f} "
                     f"(no filter: P {p0:.3f} R {r0:.3f} F1 {f0:.3f}); threshold {threshold[kind]}")
    groups = chosen[KINDS[0]]
    if any(g != groups for g in chosen.values()):  # one feature definition for the shipped file: the union
        groups = FeatureSet(**{k: any(g.to_dict()[k] for g in chosen.values()) for k in groups.to_dict()})
    return EventFilter(weights, bias, threshold, groups, casualties), lines


def _name(groups: FeatureSet) -> str:
    return "+".join(name for name, on in groups.to_dict().items() if on)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"), help="the shared eval folder")
    parser.add_argument("--out", type=Path, default=FILTER_FILE)
    args = parser.parse_args(argv)
    model, lines = train(args.eval)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"wrote {args.out} ({sum(len(w) for w in model.weights.values()):,} weights; thresholds {model.threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
