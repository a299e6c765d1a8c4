"""Tokens: ANERcorp-like (clitics attached, punctuation apart), each with its clitic-free stem."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.model import Token, TokenKind
from khabar.stages.segment import segmenter, tokenise
from khabar.stages.segment.cache import RecentCache
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


CHUNK_CHARS = "قالموصبنـًٌّ\u200c@a.w:/،3٣-!«»\"()؟"


@given(st.lists(st.text(CHUNK_CHARS, min_size=1, max_size=12), min_size=1, max_size=8))
def test_the_chunk_memo_and_fast_path_tokenise_as_the_pattern_does(splitter: CliticSplitter, chunks: list[str]) -> None:
    """Whatever the chunks, tokenise (memo, one-word fast path) gives TOKEN's tokens over the whole text."""
    text = " ".join(chunks + chunks)  # the second half from the memo
    tokens = tokenise(text, splitter)
    assert [(t.start, t.end, t.kind) for t in tokens] == list(iter_token_matches(text))


VOCAB = load_vocab()
WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(CHUNK_CHARS + "😀\u200b", max_size=10), st.text(WHITESPACE, max_size=3)), max_size=12),
       st.integers(1, 6))
def test_the_c_loop_lays_out_the_python_loops_tokens(pieces: list[tuple[str, str]], limit: int) -> None:
    """Any text, any whitespace (Unicode's too), a memo small enough to turn over mid-text: same tokens,
    of the same type, and the same memo afterwards."""
    text = "".join(chunk + space for chunk, space in pieces) * 2
    fast, slow = CliticSplitter(VOCAB), CliticSplitter(VOCAB)
    fast.chunks, slow.chunks = RecentCache(limit), RecentCache(limit)
    tokens = segmenter.tokenise(text, fast, compiled=True)
    assert tokens == segmenter.tokenise(text, slow, compiled=False)
    assert all(type(token) is Token for token in tokens)
    assert fast.chunks.recent == slow.chunks.recent


def test_the_chunks_are_the_runs_of_non_whitespace() -> None:
    text = "\u3000أ\u2003ب\x85ج\u1680د\u200b،  "
    tokens = segmenter.tokenise(text, CliticSplitter(VOCAB))
    chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    assert [(t.start, t.end) for t in tokens[:3]] == chunks[:3]  # Unicode's spaces cut chunks
    assert (tokens[3].start, tokens[-1].end) == chunks[3]  # a zero-width space does not


@given(st.text(CHUNK_CHARS, min_size=1, max_size=12))
def test_a_chunks_tokens_are_the_patterns_with_each_words_split(splitter: CliticSplitter, chunk: str) -> None:
    """Every path of the chunk tokeniser (one word, a word with marks glued on, the general loop) gives TOKEN's
    tokens, and each word's stem is where the splitter puts it."""
    expected = []
    for start, end, kind in iter_token_matches(chunk):
        stem_start, stem_end = splitter.split(chunk[start:end]) if kind is TokenKind.WORD else (0, end - start)
        expected.append((start, end, kind, start + stem_start, start + stem_end))
    assert list(segmenter._tokenise_chunk(chunk, splitter)) == expected
