"""A silver name list mined from unlabeled news: words a CRF tags as names, in context, across the ANT corpus.

A name the training data never shows ("رامسفيلد", "أفورقي") is hard for the tagger in a sentence with
little context, yet the ANT news mentions it many times, most of them in telling contexts ("وزير الدفاع
الأمريكي دونالد رامسفيلد"). Tagging the news with a first-pass CRF and keeping the words it tags as one
type most of the times they occur gives a list the final model reads as a feature (``sv=PER``).

Only words the tagging model did not see in its training data are listed: for seen words, the model's own
word features already say what the list would. To teach the final model how far to trust the list, the
training data is cut in two halves; each half gets the list mined by a model trained on the other half
(so the list fires there on words that model never saw, as the shipped list will on new text); the
shipped list is mined by a model trained on everything. Deterministic: contiguous halves, the first
``--tokens`` tokens of the ANT files in sorted order, L-BFGS.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from khabar.stages.entities.crf import Scorer
from khabar.stages.entities.features import token_stem
from khabar.training.clusters import ant_texts, tokenise

SENTENCE_END = frozenset(".!?؟")
MIN_COUNT = 3  # occurrences in the news before a word can be listed
MIN_SHARE = 0.6  # of its occurrences tagged with its majority type
MAX_SENTENCE = 80
TYPES = ("PER", "ORG", "LOC", "MISC")


def news_sentences(data: Path, tokens: int) -> list[list[str]]:
    """The first ``tokens`` tokens of the ANT corpus, ANERcorp-like, cut into sentences."""
    sentences: list[list[str]] = []
    total = 0
    for paragraph in ant_texts(data):
        current: list[str] = []
        for token in tokenise(paragraph):
            current.append(token)
            total += 1
            if token in SENTENCE_END or len(current) >= MAX_SENTENCE:
                sentences.append(current)
                current = []
        if current:
            sentences.append(current)
        if total >= tokens:
            break
    return sentences


def tag_counts(scorer: Scorer, sentences: Sequence[Sequence[str]], batch: int = 2000) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """(stem, type) counts of tokens tagged as names, and every stem's count."""
    tagged: Counter[tuple[str, str]] = Counter()
    seen: Counter[str] = Counter()
    for start in range(0, len(sentences), batch):
        chunk = sentences[start : start + batch]
        for tokens, labels in zip(chunk, scorer.tag_many(chunk), strict=True):
            for token, label in zip(tokens, labels, strict=True):
                stem = token_stem(token)
                seen[stem] += 1
                if label != "O":
                    tagged[(stem, label[2:])] += 1
    return tagged, seen


def silver_list(tagged: Counter[tuple[str, str]], seen: Counter[str], known: Iterable[str]) -> dict[str, str]:
    """Stem -> type for stems tagged as one type in at least ``MIN_SHARE`` of at least ``MIN_COUNT``
    occurrences, leaving out stems in ``known`` (the tagging model's training words)."""
    known_stems = {token_stem(word) for word in known}
    best: dict[str, tuple[int, str]] = {}
    for (stem, kind), count in tagged.items():
        if count > best.get(stem, (0, ""))[0]:
            best[stem] = (count, kind)
    return {stem: kind for stem, (count, kind) in sorted(best.items())
            if seen[stem] >= MIN_COUNT and count >= MIN_SHARE * seen[stem] and stem not in known_stems and len(stem) > 1}


def write_silver(table: dict[str, str], path: Path) -> None:
    """Write ``stem TAB type`` lines, sorted."""
    lines = ["# Silver name list mined from the ANT news by khabar.training.silver (Apache-2.0 source); do not edit."]
    lines += [f"{stem}\t{kind}" for stem, kind in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def halves(size: int) -> tuple[range, range]:
    """Two contiguous halves of ``size`` sentences."""
    return range(0, size // 2), range(size // 2, size)


def vocabulary(sentences: Iterable[Sequence[tuple[str, str]]]) -> Iterator[str]:
    """Every token of labelled sentences."""
    for sentence in sentences:
        for token, _ in sentence:
            yield token

