"""List words of the news that share their contexts with the event lexicon's triggers, per PLOVER type, for a
person to review.

``python -m khabar.training.event_contexts --data ../shared/data`` counts, over the ANT corpus (Apache-2.0),
the words one and two places either side of every frequent word form (its prepositions, objects, subjects:
"على", "ضد", "مع", numbers, "الشرطة"), weights them by positive pointwise mutual information, and ranks the
frequent forms the lexicon (``triggers.tsv``) does not hold by their cosine to each type's centroid (the sum
of its known one-word forms' vectors). What a person accepts goes into ``verbs.tsv`` or ``nouns.tsv``; nothing
is written by this script. Deterministic: same corpus, same list.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from khabar.stages.events.lexicon import EventLexicon
from khabar.stages.normalise import normalise_query
from khabar.training.vocab import ant_texts

OFFSETS = (-2, -1, 1, 2)
MIN_COUNT = 40  # a form seen fewer times is not ranked
CONTEXT_WORDS = 3000  # the most frequent forms are the context features
_WORDS = re.compile(r"[\u0621-\u064a]+|\d+")


def tokens(text: str) -> list[str]:
    """Normalised word forms; numbers become <num>."""
    return ["<num>" if w[0].isdigit() else w for w in _WORDS.findall(normalise_query(text))]


def count(texts: Iterable[str]) -> tuple[Counter[str], dict[str, dict[tuple[int, str], float]]]:
    """Form counts, and for every frequent form its PPMI-weighted context vector (unit length)."""
    documents = [tokens(t) for t in texts]
    counts = Counter(w for d in documents for w in d)
    frequent = [w for w, c in counts.most_common() if c >= MIN_COUNT]
    ids = {w: i for i, w in enumerate(frequent)}
    contexts = len(frequent[:CONTEXT_WORDS])
    stream = np.array([ids.get(w, -1) for d in documents for w in [*d, ""]], dtype=np.int64)  # "" ends a document
    keys = []
    for n, offset in enumerate(OFFSETS):
        word = stream[max(0, -offset) : len(stream) - max(0, offset)]
        context = stream[max(0, offset) : len(stream) - max(0, -offset)]
        keep = (word >= 0) & (context >= 0) & (context < contexts)
        keys.append((word[keep] * len(OFFSETS) + n) * contexts + context[keep])
    pairs, seen = np.unique(np.concatenate(keys), return_counts=True)
    word_of, rest = np.divmod(pairs, len(OFFSETS) * contexts)
    offset_of, context_of = np.divmod(rest, contexts)
    column = offset_of * contexts + context_of
    pmi = np.log(seen * seen.sum() / (np.bincount(word_of, weights=seen)[word_of]
                                     * np.bincount(column, weights=seen)[column]))
    vectors: dict[str, dict[tuple[int, str], float]] = {}
    positive = pmi > 0
    for w, o, c, v in zip(word_of[positive], offset_of[positive], context_of[positive], pmi[positive], strict=True):
        vectors.setdefault(frequent[w], {})[(OFFSETS[o], frequent[c])] = float(v)
    for vector in vectors.values():
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        for key in vector:
            vector[key] /= norm
    return counts, vectors


def rank(vectors: dict[str, dict[tuple[int, str], float]], lexicon: EventLexicon, top: int) -> dict[str, list[tuple[str, float]]]:
    """For each type, the unknown forms nearest its centroid."""
    known: dict[str, list[str]] = {}
    for first, triggers in lexicon.by_first.items():
        for trigger in triggers:
            if len(trigger.words) == 1 and first in vectors:
                known.setdefault(trigger.type, []).append(first)
    everything = set(lexicon.by_first)
    out = {}
    for kind, forms in sorted(known.items()):
        centroid: Counter[tuple[int, str]] = Counter()
        for form in forms:
            centroid.update(vectors[form])
        norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
        scored = [(w, sum(v * centroid.get(c, 0.0) for c, v in vec.items()) / norm)
                  for w, vec in vectors.items() if w not in everything and w != "<num>" and len(w) > 2]
        out[kind] = sorted(scored, key=lambda x: (-x[1], x[0]))[:top]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--top", type=int, default=40, help="candidates listed per type")
    args = parser.parse_args(argv)
    counts, vectors = count(ant_texts(args.data))
    for kind, ranked in rank(vectors, EventLexicon.load(), args.top).items():
        print(f"# {kind}")
        print("\n".join(f"{kind}\t{word}\t{score:.3f}\t{counts[word]}" for word, score in ranked))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
