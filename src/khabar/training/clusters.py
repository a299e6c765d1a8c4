"""Unlabeled-text features for the NER model: word2vec embeddings and k-means word clusters.

Built only from the ANT news corpus (Apache-2.0) plus the *text* of the NER training splits (no test
split), so everything it writes may ship. Tokens are split like ANERcorp (punctuation off, clitics on)
and normalised with the same function the tagger uses. Seeded and single-threaded by default so that
two runs write the same files.

    python -m khabar.training.clusters --data /work/shared/data

Writes into ``--out`` (default ``src/khabar/resources/ner``):

* ``clusters.tsv``: ``word TAB c1 TAB c2 ...`` (one k-means cluster id per granularity in ``--ks``);
* with ``--keep N``: ``embeddings.npy`` + ``embeddings_vocab.txt``, the top N words' vectors (float16, unit
  length), for experiments; nothing khabar ships reads them.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from khabar.stages.normalise import normalise_cased as normalise
from khabar.training import conll
from khabar.training.ant import ANT_DIR, ant_records

DIACRITIC_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u0640"
TOKEN_PATTERN = re.compile(rf"[\w{DIACRITIC_CLASS}]+|[^\w\s{DIACRITIC_CLASS}]")
DEFAULT_KS = (64, 256, 1024)
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "ner"
SEED = 13
KMEANS_ROUNDS = 15
KMEANS_CHUNK = 8192
CLUSTER_FILE = "clusters.tsv"
EMBEDDING_FILE = "embeddings.npy"
EMBEDDING_VOCAB = "embeddings_vocab.txt"


def tokenise(text: str) -> list[str]:
    """ANERcorp-like tokens: runs of word characters (clitics kept), each other symbol alone."""
    return TOKEN_PATTERN.findall(text)


def ant_texts(data: Path) -> Iterator[str]:
    """Titles and bodies of every ANT article, one paragraph at a time."""
    files = sorted(path.name for path in (data / ANT_DIR).glob("*.jsonl.gz"))  # the order the clusters were built in
    for _name, _number, article in ant_records(data, files):
        yield article.get("title") or ""
        yield from (article.get("text") or "").split("\n")


def ner_train_texts(data: Path) -> Iterator[list[str]]:
    """Token lists of the NER training splits (never a test split)."""
    for sentences in (conll.load_anercorp(data, "train"), conll.load_aqmar(data, "train")):
        for sentence in sentences:
            yield [token for token, _ in sentence]


def write_corpus(data: Path, target: Path) -> tuple[int, int]:
    """Write the normalised, tokenised corpus one line per paragraph; return (lines, tokens)."""
    lines = tokens = 0
    with target.open("w", encoding="utf-8") as out:
        token_lists = (tokenise(text) for text in ant_texts(data))
        for words in [*token_lists, *ner_train_texts(data)]:
            if not words:
                continue
            out.write(" ".join(normalise(word) for word in words) + "\n")
            lines += 1
            tokens += len(words)
    return lines, tokens


def stable_hash(text: str) -> int:
    """A hash that does not change between runs (gensim seeds each vector with it)."""
    return zlib.crc32(text.encode("utf-8"))


def train_word2vec(corpus: Path, dim: int, min_count: int, epochs: int, workers: int) -> Any:
    """Skip-gram word2vec over the corpus file."""
    from gensim.models import Word2Vec

    return Word2Vec(
        corpus_file=str(corpus), vector_size=dim, window=5, min_count=min_count, sg=1, negative=10,
        epochs=epochs, workers=workers, seed=SEED, hashfxn=stable_hash,
    )


def kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means (cosine) with k-means++-free random init; returns a cluster id per row."""
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int32)
    for _ in range(KMEANS_ROUNDS):
        for start in range(0, len(vectors), KMEANS_CHUNK):
            block = vectors[start : start + KMEANS_CHUNK]
            labels[start : start + KMEANS_CHUNK] = np.argmax(block @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = vectors[rng.choice(len(vectors), size=int(empty.sum()), replace=False)]
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    return labels


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length."""
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def write_clusters(words: list[str], vectors: np.ndarray, ks: Sequence[int], out: Path) -> None:
    """Cluster the vectors at each granularity and write ``clusters.tsv``."""
    rng = np.random.default_rng(SEED)
    columns = [kmeans(vectors, k, rng) for k in ks]
    with (out / CLUSTER_FILE).open("w", encoding="utf-8") as handle:
        handle.write("#word\t" + "\t".join(f"k{k}" for k in ks) + "\n")
        for index, word in enumerate(words):
            handle.write(word + "\t" + "\t".join(str(column[index]) for column in columns) + "\n")


def write_embeddings(words: list[str], vectors: np.ndarray, keep: int, out: Path) -> None:
    """Write the ``keep`` most frequent words' unit vectors as float16."""
    np.save(out / EMBEDDING_FILE, vectors[:keep].astype(np.float16))
    (out / EMBEDDING_VOCAB).write_text("\n".join(words[:keep]) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m khabar.training.clusters", description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="data root (has news/ant, ner/...)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help=">1 is faster but not bit-reproducible")
    parser.add_argument("--ks", type=int, nargs="+", default=list(DEFAULT_KS))
    parser.add_argument("--cluster-vocab", type=int, default=200_000, help="most frequent words clustered")
    parser.add_argument("--keep", type=int, default=0,
                        help="also write the vectors of the N most frequent words (experiments; the CRF does not use them)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, train word2vec, write clusters and embeddings."""
    args = parse_args(argv)
    print(f"settings: {vars(args)} seed={SEED}")
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.txt"
        lines, tokens = write_corpus(args.data, corpus)
        print(f"corpus: ANT + NER train text: {lines} paragraphs, {tokens} tokens")
        model = train_word2vec(corpus, args.dim, args.min_count, args.epochs, args.workers)
    words = list(model.wv.index_to_key)
    print(f"word2vec: vocabulary {len(words)} words ({time.perf_counter() - started:.0f}s)")
    vectors = unit_rows(np.asarray(model.wv.vectors, dtype=np.float32))
    limit = min(args.cluster_vocab, len(words))
    write_clusters(words[:limit], vectors[:limit], args.ks, args.out)
    if args.keep:
        write_embeddings(words, vectors, args.keep, args.out)
    print(f"wrote {args.out / CLUSTER_FILE} ({limit} words); embeddings of {min(args.keep, len(words))} words")
    print(f"done in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
