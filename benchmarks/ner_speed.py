"""NER tagging speed on one core with the model loaded, and the model's load time and size on disk.

    python benchmarks/ner_speed.py [--data PATH] [--model DIR] [--repeat 3]

Tokens come from the ANERcorp test split (any CoNLL-style file works). Each measurement is done in a
fresh process pinned to one core where the OS allows it (``os.sched_setaffinity``). The first pass over
the data is timed separately (cold: per-word feature caches empty); the steady-state figure is the best
of ``--repeat`` further passes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path("/work/shared/data/ner/anercorp/ANERCorp_CamelLab_test.txt")


def pin_to_one_core() -> str:
    """Restrict this process (and onnxruntime's threads) to a single CPU."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity)"


def main(argv: list[str] | None = None) -> int:
    """Print load time, weight size and tokens per second."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(pin_to_one_core())
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    started = time.perf_counter()
    from khabar.stages.entities import features, viterbi
    from khabar.stages.entities.tagger import default_model_dir, load_tagger

    tagger = load_tagger(args.model)
    load_seconds = time.perf_counter() - started
    directory = args.model or default_model_dir()
    size = sum(p.stat().st_size for p in Path(directory).iterdir() if p.is_file())
    print(f"model: {directory} kind={tagger.manifest.get('kind')} size on disk {size / 1e6:.1f} MB")
    print(f"load time (imports + weights): {load_seconds:.3f} s")
    print(f"Viterbi decoder: {'C (compiled extension)' if viterbi.COMPILED else 'numpy (the C extension was not built)'}; "
          f"the fast model's features, scores, second pass and rule stems: {'C' if features.COMPILED else 'Python/numpy'}")
    if not args.data.exists():
        print(f"no data at {args.data}: speed not measured")
        return 0
    from khabar.training.conll import guess_parser, read_file

    sentences = [[token for token, _ in s] for s in read_file(args.data, guess_parser(args.data))]
    tokens = sum(len(s) for s in sentences)
    started = time.perf_counter()
    tagger.tag_many(sentences)
    cold = time.perf_counter() - started
    print(f"cold pass: {tokens} tokens in {cold:.2f} s = {tokens / cold:,.0f} tokens/s")
    cpu = time.process_time()
    best = min(_timed(tagger, sentences) for _ in range(args.repeat))
    cpu = (time.process_time() - cpu) / args.repeat
    print(f"warm, tag_many: {tokens / best:,.0f} tokens/s (best of {args.repeat}); {tokens / cpu:,.0f} tokens per CPU second")
    one_by_one = _timed(tagger, sentences, batched=False)
    print(f"warm, tag() one sentence at a time: {tokens / one_by_one:,.0f} tokens/s")
    return 0


def _timed(tagger: object, sentences: list[list[str]], batched: bool = True) -> float:
    """Seconds to tag all sentences once."""
    started = time.perf_counter()
    if batched:
        tagger.tag_many(sentences)  # type: ignore[attr-defined]
    else:
        for sentence in sentences:
            tagger.tag(sentence)  # type: ignore[attr-defined]
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
