"""Tokens: ANERcorp-like (clitics attached, punctuation apart), each with its clitic-free stem."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import TokenKind
from khabar.stages.segment import tokenise
from khabar.stages.segment.clitics import CliticSplitter, load_vocab
from khabar.stages.segment.tokens import iter_token_matches


@pytest.fixture(scope="module")
def splitter() -> CliticSplitter:
    return CliticSplitter(load_vocab())


def kinds(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], k.value) for s, e, k in iter_token_matches(text)]


def test_words_numbers_and_punctuation() -> None:
    assert kinds("بالموصل، منذ عام ٢٠١٤.") == [
        ("بالموصل", "word"), ("،", "punct"), ("منذ", "word"), ("عام", "word"), ("٢٠١٤", "number"), (".", "punct"),
    ]


def test_scraped_and_mixed_text() -> None:
    assert kinds("انتخابياً.وسيكون لـCNN 3.5% كوفيد-19") == [
        ("انتخابياً", "word"), (".", "punct"), ("وسيكون", "word"), ("لـ", "word"), ("CNN", "latin"),
        ("3.5", "number"), ("%", "symbol"), ("كوفيد", "word"), ("-", "punct"), ("19", "number"),
    ]


def test_a_free_standing_tatweel_is_a_dash() -> None:
    assert kinds("باريس ـ المغرب")[1] == ("ـ", "punct")


def test_urls_ellipses_and_question_marks_stay_whole() -> None:
    assert kinds("انظر https://example.com/a?b=1 ... حقا؟!") == [
        ("انظر", "word"), ("https://example.com/a?b=1", "symbol"), ("...", "punct"), ("حقا", "word"), ("؟!", "punct"),
    ]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("بالموصل", "الموصل"),
        ("ولبنان", "لبنان"),
        ("لفرنسا", "فرنسا"),
        ("والرقة", "الرقة"),
        ("وَقَالَ", "قَالَ"),
        ("باريس", "باريس"),
        ("وزير", "وزير"),
        ("والد", "والد"),
        ("لبنان", "لبنان"),
        ("الموصل", "الموصل"),
        ("كان", "كان"),
        ("ولي", "ولي"),
    ],
)
def test_stems_keep_raw_offsets(splitter: CliticSplitter, word: str, stem: str) -> None:
    text = f"في {word} اليوم"
    token = tokenise(text, splitter)[1]
    assert text[token.start : token.end] == word
    assert text[token.stem_start : token.stem_end] == stem


def test_only_words_have_stems_different_from_the_token(splitter: CliticSplitter) -> None:
    for token in tokenise("قال: «نعم» 2014 CNN", splitter):
        if token.kind is not TokenKind.WORD:
            assert (token.stem_start, token.stem_end) == (token.start, token.end)


CHUNK_CHARS = "قالموصبنـًٌّ\u200c@a.w:/،3٣-!"


@given(st.lists(st.text(CHUNK_CHARS, min_size=1, max_size=12), min_size=1, max_size=8))
def test_the_chunk_memo_and_fast_path_tokenise_as_the_pattern_does(splitter: CliticSplitter, chunks: list[str]) -> None:
    """Whatever the chunks, tokenise (memo, one-word fast path) gives TOKEN's tokens over the whole text."""
    text = " ".join(chunks + chunks)  # the second half from the memo
    tokens = tokenise(text, splitter)
    assert [(t.start, t.end, t.kind) for t in tokens] == list(iter_token_matches(text))
