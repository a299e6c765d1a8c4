"""The compiled Viterbi decoder (``_viterbi.c``) finds the very paths of the numpy one, ties included."""

from __future__ import annotations

import shutil
import sysconfig

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.entities import viterbi as decoder
from khabar.stages.entities.viterbi import viterbi, viterbi_flat

compiled = pytest.mark.skipif(not decoder.COMPILED, reason="khabar was installed without its C decoder (no C compiler)")


def _compiler() -> str | None:
    command = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(command)


@pytest.mark.skipif(_compiler() is None, reason="no C compiler here: the optional C decoder cannot have been built")
def test_the_c_decoder_is_built_where_a_compiler_exists() -> None:
    assert decoder.COMPILED, "setup.py's optional extension failed to build: run `pip install -e . -v` to see why"


def _problem(draw: st.DrawFn) -> tuple[np.ndarray, list[int], np.ndarray]:
    labels = draw(st.integers(1, 6))
    lengths = draw(st.lists(st.integers(0, 9), min_size=1, max_size=6))
    seed = draw(st.integers(0, 2**31 - 1))
    rng = np.random.default_rng(seed)
    if draw(st.booleans()):  # small integers: many exact ties, where the first maximum must win in both
        emissions = rng.integers(-2, 3, size=(sum(lengths), labels)).astype(np.float32)
        transitions = rng.integers(-2, 3, size=(labels, labels)).astype(np.float32)
    else:
        emissions = rng.normal(size=(sum(lengths), labels)).astype(np.float32)
        transitions = rng.normal(size=(labels, labels)).astype(np.float32)
    return emissions, lengths, transitions


problems = st.composite(_problem)


@compiled
@settings(max_examples=300, deadline=None)
@given(problems())
def test_c_paths_equal_numpy_paths(problem: tuple[np.ndarray, list[int], np.ndarray]) -> None:
    emissions, lengths, transitions = problem
    assert viterbi_flat(emissions, lengths, transitions, compiled=True).tolist() == \
        viterbi_flat(emissions, lengths, transitions, compiled=False).tolist()


@settings(max_examples=100, deadline=None)
@given(problems())
def test_flat_paths_are_each_sentence_decoded_alone(problem: tuple[np.ndarray, list[int], np.ndarray]) -> None:
    emissions, lengths, transitions = problem
    flat = viterbi_flat(emissions, lengths, transitions)
    ends = np.cumsum(lengths)
    for size, end in zip(lengths, ends, strict=True):
        alone = viterbi(emissions[end - size : end], transitions) if size else []
        assert flat[end - size : end].tolist() == alone


def test_other_float_types_use_numpy() -> None:
    emissions, transitions = np.array([[0.0, 1.0], [2.0, 0.0]]), np.zeros((2, 2))  # float64
    assert viterbi_flat(emissions, [2], transitions).tolist() == [1, 0]


@compiled
@pytest.mark.parametrize(("change", "message"), [
    (lambda e, n, t, o: (e.astype(np.float64), n, t, o), "emissions must be float32"),
    (lambda e, n, t, o: (e, n, t[:1], o), "transitions must be \\[labels, labels\\]"),
    (lambda e, n, t, o: (e, n.astype(np.int32), t, o), "lengths must be int64"),
    (lambda e, n, t, o: (e, n + 1, t, o), "lengths must sum"),
    (lambda e, n, t, o: (e, -n, t, o), "must not be negative"),
    (lambda e, n, t, o: (e, n, t, o[:1]), "one entry per emission row"),
])
def test_c_decoder_rejects_mismatched_buffers(change, message: str) -> None:  # type: ignore[no-untyped-def]
    from khabar.stages.entities._viterbi import viterbi as c_viterbi

    arguments = change(np.zeros((3, 2), np.float32), np.array([3], np.int64), np.zeros((2, 2), np.float32), np.zeros(3, np.int64))
    with pytest.raises(ValueError, match=message):
        c_viterbi(*arguments)


@compiled
def test_c_decoder_needs_a_writable_output() -> None:
    from khabar.stages.entities._viterbi import viterbi as c_viterbi

    out = np.zeros(1, np.int64)
    out.flags.writeable = False
    with pytest.raises(TypeError, match="writable"):
        c_viterbi(np.zeros((1, 2), np.float32), np.array([1], np.int64), np.zeros((2, 2), np.float32), out)
