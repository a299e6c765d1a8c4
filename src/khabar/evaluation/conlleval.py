"""Exact-span NER scoring with conlleval semantics, and a command line to score a model on a file.

An entity counts as correct only if its type and both boundaries match a gold entity. Chunks are read
from BIO tags the way conlleval reads them: a chunk starts at ``B-X``, at an ``I-X`` that follows a tag
of another type or ``O`` (a stray ``I-`` is a ``B-``), and ends before anything that does not continue it.

    python -m khabar.evaluation.conlleval --data /work/shared/data/ner/anercorp/ANERCorp_CamelLab_test.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Chunk = tuple[int, int, str]  # start, end (exclusive), type

OUTSIDE = "O"
MICRO = "micro"


def chunks(tags: Sequence[str]) -> set[Chunk]:
    """The entity chunks in one BIO tag sequence.

    >>> sorted(chunks(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]))
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    found: set[Chunk] = set()
    start, kind = -1, ""
    for index, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, tag_kind = tag.partition("-")
        continues = prefix == "I" and tag_kind == kind and start >= 0
        if start >= 0 and not continues:
            found.add((start, index, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = index, tag_kind
    return found


@dataclass(frozen=True)
class Score:
    """Counts and the derived precision, recall and F1 (in percent) for one type or the micro average."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Correct chunks over predicted chunks, in percent."""
        return 100.0 * self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Correct chunks over gold chunks, in percent."""
        return 100.0 * self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, in percent."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def evaluate(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Per-type scores and the ``micro`` average over aligned gold and predicted tag sequences."""
    hits: Counter[str] = Counter()
    guesses: Counter[str] = Counter()
    truths: Counter[str] = Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        if len(gold_tags) != len(predicted_tags):
            raise ValueError(f"length mismatch: {len(gold_tags)} gold tags, {len(predicted_tags)} predicted")
        gold_chunks, predicted_chunks = chunks(gold_tags), chunks(predicted_tags)
        truths.update(kind for _, _, kind in gold_chunks)
        guesses.update(kind for _, _, kind in predicted_chunks)
        hits.update(kind for _, _, kind in gold_chunks & predicted_chunks)
    kinds = sorted(set(truths) | set(guesses))
    scores = {kind: Score(hits[kind], guesses[kind], truths[kind]) for kind in kinds}
    scores[MICRO] = Score(sum(hits.values()), sum(guesses.values()), sum(truths.values()))
    return scores


def token_accuracy(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> float:
    """Share of tokens whose predicted tag equals the gold tag, in percent."""
    pairs = [(g, p) for gs, ps in zip(gold, predicted, strict=True) for g, p in zip(gs, ps, strict=True)]
    return 100.0 * sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def format_table(scores: dict[str, Score], title: str = "") -> str:
    """A conlleval-style table: one line per type and the micro average."""
    lines = [title] if title else []
    lines.append(f"{'type':<8}{'precision':>10}{'recall':>9}{'F1':>8}{'gold':>7}{'pred':>7}{'correct':>9}")
    for kind in [k for k in scores if k != MICRO] + [MICRO]:
        score = scores[kind]
        lines.append(
            f"{kind:<8}{score.precision:>10.2f}{score.recall:>9.2f}{score.f1:>8.2f}"
            f"{score.gold:>7}{score.predicted:>7}{score.true_positives:>9}"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m khabar.evaluation.conlleval", description=__doc__)
    parser.add_argument("--data", type=Path, action="append", required=True, help="CoNLL-style file (repeatable)")
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: shipped weights)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Tag each file with the model and print its conlleval table."""
    from khabar.stages.entities.tagger import load_tagger
    from khabar.training.conll import guess_parser, read_file

    args = parse_args(argv)
    tagger = load_tagger(args.model)
    for path in args.data:
        sentences = read_file(path, guess_parser(path))
        gold = [[tag for _, tag in sentence] for sentence in sentences]
        predicted = tagger.tag_many([[token for token, _ in sentence] for sentence in sentences])
        tokens = sum(len(tags) for tags in gold)
        title = f"{path} ({len(sentences)} sentences, {tokens} tokens)"
        print(format_table(evaluate(gold, predicted), title))
        print(f"token accuracy {token_accuracy(gold, predicted):.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
