"""The neural NER model's input features: forms, characters, fastText vectors, batches."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.entities.inputs import (
    MAX_CHARS,
    UNKNOWN_CHAR,
    Embeddings,
    char_ids,
    dequantise,
    encode,
    ngram_hashes,
    ngrams,
    quantise,
    word_form,
)

WORDS = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةًٌٍَُِّْـabcXYZ019٣é中"), min_size=1, max_size=14)


def small_embeddings(buckets: int = 50) -> Embeddings:
    rng = np.random.default_rng(0)
    return Embeddings({"قال": 0, "في": 1}, rng.normal(size=(2, 4)).astype(np.float16),
                      rng.normal(size=(buckets, 4)).astype(np.float16), 3, 5)


def test_forms_are_the_normal_form_with_digits_as_zeros() -> None:
    assert word_form("بالأمم") == "بالامم"
    assert word_form("المتّحدة") == "المتحده"
    assert word_form("٢٠١٨") == word_form("2018") == "0000"
    assert word_form("CNN") == "cnn"


def test_characters_outside_the_alphabet_are_unknown_and_long_forms_cut() -> None:
    assert char_ids("中")[0] == UNKNOWN_CHAR
    assert len(char_ids("ا" * 40)) == MAX_CHARS
    assert 0 not in char_ids(word_form("بالأمم المتحدة"))


def test_ngrams_wrap_the_form() -> None:
    assert ngrams("قال", 3, 4) == [s.encode() for s in ("<قا", "قال", "ال>", "<قال", "قال>")]


@settings(deadline=None)  # the first example imports gensim
@given(WORDS)
def test_ngram_hashes_match_gensim(word: str) -> None:
    gensim = pytest.importorskip("gensim.models.fasttext", reason="gensim (the build extra) checks the hashing")
    assert sorted(ngram_hashes(ngrams(word, 3, 5), 2_000_003).tolist()) == sorted(
        int(h) for h in gensim.ft_ngram_hashes(word, 3, 5, 2_000_003))


def test_known_forms_have_their_row_and_others_the_mean_of_their_buckets() -> None:
    embeddings = small_embeddings()
    vectors = embeddings.lookup(["في", "غزة", "في"])
    assert np.array_equal(vectors[0], embeddings.vectors[1].astype(np.float32))
    hashes = ngram_hashes(ngrams("غزة", 3, 5), 50)
    assert np.allclose(vectors[1], embeddings.buckets[hashes].astype(np.float32).mean(axis=0))
    assert np.array_equal(embeddings.lookup(["غزة"])[0], vectors[1])  # cached, same vector
    together = embeddings.composed(["غزة", "", "بالموصل"])  # one hashing for all: each as alone
    assert np.allclose(together[0], vectors[1]) and np.allclose(together[2], embeddings.composed(["بالموصل"])[0])


def test_broken_text_has_vectors_too() -> None:
    assert np.isfinite(small_embeddings().lookup(["\ud800", "ق\udfffل"])).all()


def test_without_buckets_unknown_forms_are_zeros() -> None:
    embeddings = Embeddings({"في": 0}, np.ones((1, 3), dtype=np.float16), np.zeros((0, 3), dtype=np.float16), 3, 5)
    assert not embeddings.lookup(["غزة"]).any()


def test_embeddings_round_trip(tmp_path: Path) -> None:
    embeddings = small_embeddings()
    embeddings.save(tmp_path / "e.npz")
    loaded = Embeddings.load(tmp_path / "e.npz")
    assert loaded.words == embeddings.words and (loaded.min_n, loaded.max_n) == (3, 5)
    # int8 rows: each value within half a step (the row's largest magnitude / 127) of the float16 one
    step = np.abs(embeddings.vectors.astype(np.float32)).max() / 127
    assert np.allclose(loaded.lookup(["قال", "بغداد"]), embeddings.lookup(["قال", "بغداد"]), atol=step)
    assert loaded.lookup(["قال", "بغداد"]).any()


def test_quantised_rows_keep_their_shape_and_zero_rows(tmp_path: Path) -> None:
    matrix = np.array([[0.0, 0.0, 0.0], [1.0, -0.5, 0.25], [-3.0, 3.0, 1.5]], dtype=np.float16)
    rows, scales = quantise(matrix)
    assert rows.dtype == np.int8 and scales.dtype == np.float16 and rows.shape == matrix.shape
    assert np.abs(rows).max() == 127 and not dequantise(rows, scales)[0].any()
    assert np.allclose(dequantise(rows, scales), matrix, atol=3.0 / 127)


def test_float_embeddings_as_older_files_hold_them_still_load(tmp_path: Path) -> None:
    embeddings = small_embeddings()
    words = np.frombuffer("\n".join(embeddings.words).encode("utf-8"), dtype=np.uint8)
    np.savez(tmp_path / "old.npz", words=words, vectors=embeddings.vectors, buckets=embeddings.buckets,
             ngram_sizes=np.array([3, 5]))
    loaded = Embeddings.load(tmp_path / "old.npz")
    assert np.array_equal(loaded.vectors, embeddings.vectors) and np.array_equal(loaded.buckets, embeddings.buckets)


def test_a_batch_pads_sentences_and_forms() -> None:
    batch = encode([["قال", "الرئيس"], ["في"], []], small_embeddings())
    assert batch.words.shape == (3, 2, 4) and batch.chars.shape == (3, 2, len("الرئيس"))
    assert batch.lengths.tolist() == [2, 1, 0]
    assert not batch.words[1, 1].any() and not batch.chars[1, 1].any()
    assert tuple(batch.chars[0, 0].tolist()[:3]) == char_ids("قال")
