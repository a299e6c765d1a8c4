"""Subword embeddings for the neural NER model: fastText (gensim) trained on the ANT news.

    python -m khabar.training.embeddings --data ../shared/data [--eval ../shared/eval]

Built from the ANT corpus alone (Apache-2.0), so the vectors may ship; SaudiNewsNet (non-commercial) is
never read. ANT articles that share a paragraph with an evaluation article (``--eval``: dev and dev2, whose
``ant`` articles come from ANT) are left out, so that the check half stays unseen text. Tokens are
khabar's own (``stages.segment.tokens``) turned into the model's forms (``stages.entities.inputs``).
Seeded and single-threaded by default, so two runs write the same file.

Writes ``--out`` (default ``build/ner/fasttext.npz``, which ``khabar train ner`` reads): the ``--vocab`` most
frequent forms' vectors and the ``--buckets`` hashed n-gram rows, float16 (``inputs.Embeddings``). What ships
is the NER training's copy of it, with the vectors of frequent training forms tuned (``embeddings.npz``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from khabar.stages.entities.inputs import Embeddings, word_form
from khabar.stages.normalise import normalise_query
from khabar.stages.segment.tokens import iter_token_matches
from khabar.training.ant import ANT_FILES, ant_records

EVAL_GOLD = ("dev/gold.jsonl", "dev2/gold.jsonl")
DEFAULT_OUT = Path("build") / "ner" / "fasttext.npz"
SEED = 13
MIN_SHARED_PARAGRAPH = 40  # characters: shorter paragraphs (datelines, "المصدر: ...") are too common to match


def tokens(text: str) -> list[str]:
    """khabar's tokens of a paragraph, as the model's forms."""
    return [word_form(text[start:end]) for start, end, _ in iter_token_matches(text)]


def paragraphs(text: str) -> list[str]:
    """The normalised, single-spaced paragraphs of a text long enough to identify it."""
    out = (" ".join(normalise_query(line).split()) for line in text.split("\n"))
    return [line for line in out if len(line) >= MIN_SHARED_PARAGRAPH]


def eval_paragraphs(eval_dir: Path | None) -> set[str]:
    """Every identifying paragraph of the evaluation articles (none when ``eval_dir`` is None)."""
    found: set[str] = set()
    if eval_dir is None:
        return found
    for name in EVAL_GOLD:
        path = eval_dir / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    found.update(paragraphs(json.loads(line)["text"]))
    return found


def ant_articles(data: Path, excluded: set[str]) -> Iterator[str]:
    """Title and body of each ANT article that shares no paragraph with ``excluded`` (the files in name order,
    the order the shipped vectors were trained in)."""
    for _, _, article in ant_records(data, sorted(ANT_FILES)):
        text = (article.get("title") or "") + "\n" + (article.get("text") or "")
        if not excluded.intersection(paragraphs(text)):
            yield text


def write_corpus(data: Path, eval_dir: Path | None, target: Path) -> tuple[int, int, int]:
    """Write the token forms one paragraph a line; return (articles kept, articles left out, tokens)."""
    excluded = eval_paragraphs(eval_dir)
    kept = total = count = 0
    with target.open("w", encoding="utf-8") as out:
        for text in ant_articles(data, excluded):
            kept += 1
            for paragraph in text.split("\n"):
                forms = tokens(paragraph)
                if forms:
                    out.write(" ".join(forms) + "\n")
                    count += len(forms)
    total = sum(1 for _ in ant_records(data))
    return kept, total - kept, count


def stable_hash(text: str) -> int:
    """A hash that does not change between runs (gensim seeds each vector with it)."""
    return zlib.crc32(text.encode("utf-8"))


def train_fasttext(corpus: Path, args: argparse.Namespace) -> Any:
    """Skip-gram fastText over the corpus file."""
    from gensim.models import FastText

    return FastText(corpus_file=str(corpus), vector_size=args.dim, window=5, min_count=args.min_count, sg=1,
                    negative=10, min_n=args.min_n, max_n=args.max_n, bucket=args.buckets, epochs=args.epochs,
                    workers=args.workers, seed=SEED, hashfxn=stable_hash)


def export(model: Any, vocab: int) -> Embeddings:
    """The ``vocab`` most frequent forms' vectors and every n-gram bucket, float16."""
    words = list(model.wv.index_to_key[:vocab])
    vectors = np.asarray(model.wv.vectors[: len(words)], dtype=np.float16)
    buckets = np.asarray(model.wv.vectors_ngrams, dtype=np.float16)
    return Embeddings({word: row for row, word in enumerate(words)}, vectors, buckets, model.wv.min_n, model.wv.max_n)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m khabar.training.embeddings", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="data root (has news/ant)")
    parser.add_argument("--eval", type=Path, default=None, help="evaluation folder whose articles are left out")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the .npz to write")
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-n", type=int, default=3)
    parser.add_argument("--max-n", type=int, default=5)
    parser.add_argument("--buckets", type=int, default=100_000, help="hashed n-gram rows")
    parser.add_argument("--vocab", type=int, default=100_000, help="most frequent forms shipped with their own row")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help=">1 is faster but not bit-reproducible")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, train fastText, write ``embeddings.npz``."""
    args = parse_args(argv)
    print(f"settings: {vars(args)} seed={SEED}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.txt"
        kept, left_out, count = write_corpus(args.data, args.eval, corpus)
        print(f"corpus: {kept} ANT articles ({left_out} left out: they share text with an evaluation article), "
              f"{count} tokens ({time.perf_counter() - started:.0f}s)", flush=True)
        model = train_fasttext(corpus, args)
    embeddings = export(model, args.vocab)
    embeddings.save(args.out)
    size = args.out.stat().st_size / 1e6
    print(f"fastText: {len(model.wv.index_to_key)} forms seen, {len(embeddings.words)} kept, "
          f"{len(embeddings.buckets)} buckets, {size:.1f} MB; done in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
