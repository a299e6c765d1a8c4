"""Viterbi decoding of a linear-chain CRF's label scores: the best label path of each sentence.

The compiled decoder (``_viterbi.c``, optional) where built and the scores are float32; numpy's otherwise,
with the same float32 sums and the first maximum taken at ties, hence the same paths. Start and end scores,
where a model has them, are added to the first and last tokens' scores before decoding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

_compiled_viterbi: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], None] | None
try:  # the optional C decoder (setup.py); without it, numpy's (same paths, slower)
    from khabar.stages.entities._viterbi import viterbi as _compiled_viterbi
except ImportError:  # pragma: no cover - depends on how khabar was installed
    _compiled_viterbi = None

COMPILED = _compiled_viterbi is not None  # whether the C decoder is in use (the benchmarks print which)


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best label path of one sentence (crfsuite's scoring: no start or end weights)."""
    return viterbi_batch(emissions[None], np.array([len(emissions)]), transitions)[0]


def viterbi_batch(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> list[list[int]]:
    """Best paths of padded sentences at once: ``emissions`` [B, T, L], ``lengths`` [B].

    The sentences are visited longest first, so that at each step the ones still going are a prefix of
    the batch and every numpy call works on that prefix alone.
    """
    batch = len(lengths)
    if batch == 0 or emissions.shape[1] == 0:
        return [[] for _ in range(batch)]
    order = np.argsort(-lengths, kind="stable")
    lengths = lengths[order]
    by_step = np.ascontiguousarray(emissions[order].transpose(1, 0, 2))  # [T, B, L]: each step's rows contiguous
    steps = int(lengths[0])
    alive = [int(np.count_nonzero(lengths > step)) for step in range(steps)]  # sentences still going at each step
    labels = emissions.shape[2]
    back = np.zeros((steps, batch, labels), dtype=np.intp)
    score = by_step[0].copy()
    candidates = np.empty((batch, labels, labels), dtype=np.result_type(score, transitions))
    finals = np.zeros(batch, dtype=np.intp)
    for step in range(1, steps + 1):
        live = alive[step] if step < steps else 0
        if live < alive[step - 1]:  # sentences live..alive[step - 1] ended at step - 1
            finals[live : alive[step - 1]] = score[live : alive[step - 1]].argmax(axis=1)
        if step == steps:
            break
        now = candidates[:live]
        np.add(score[:live, :, None], transitions, out=now)
        now.argmax(axis=1, out=back[step, :live])
        now.max(axis=1, out=score[:live])
        score[:live] += by_step[step, :live]
    paths = np.zeros((batch, steps), dtype=np.intp)
    current = finals.copy()
    rows = np.arange(batch)
    for step in range(steps - 1, 0, -1):
        live = alive[step]
        paths[:live, step] = current[:live]
        current[:live] = back[step, rows[:live], current[:live]]
    paths[:, 0] = current
    result: list[list[int]] = [[] for _ in range(batch)]
    for row, (index, size) in enumerate(zip(order.tolist(), lengths.tolist(), strict=True)):
        result[index] = paths[row, :size].tolist()
    return result


def viterbi_flat(emissions: np.ndarray, lengths: Sequence[int] | np.ndarray, transitions: np.ndarray, compiled: bool = COMPILED) -> np.ndarray:
    """Best label indices of sentences stacked in ``emissions`` [sum(lengths), L], as one flat array.

    The C decoder when built (``compiled``) and the scores are float32 (as the shipped weights are), else the
    numpy one: the same float32 sums, the first maximum taken at ties, hence the same paths.
    """
    sizes = np.asarray(lengths, dtype=np.int64)
    if compiled and _compiled_viterbi is not None and emissions.dtype == transitions.dtype == np.float32:
        out = np.empty(len(emissions), dtype=np.int64)
        _compiled_viterbi(np.ascontiguousarray(emissions), sizes, np.ascontiguousarray(transitions), out)
        return out
    if not len(sizes) or not sizes.max():
        return np.zeros(0, dtype=np.int64)
    padded = np.zeros((len(sizes), int(sizes.max()), emissions.shape[1]), dtype=emissions.dtype)
    padded[np.arange(padded.shape[1]) < sizes[:, None]] = emissions
    return np.fromiter((label for path in viterbi_batch(padded, sizes, transitions) for label in path),
                       dtype=np.int64, count=len(emissions))
