"""The C loop splits new words itself (``_layout.c``): it must find the stems ``CliticSplitter.split`` finds,
word for word, and leave the memo as the Python loop does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.segment import segmenter
from khabar.stages.segment.cache import RecentCache
from khabar.stages.segment.clitics import (
    CLITIC_RULES,
    CONJUNCTIONS,
    NEVER_SPLIT,
    PARTICLES,
    SUFFIXES,
    CliticSplitter,
    load_vocab,
)

VOCAB = load_vocab()
PLAIN = "".join(map(chr, [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]))  # the C path's letters
CLITIC_LETTERS = "وفبلكساهمنتةيأ"  # the letters the rules look at: prefixes, ال, suffixes, ت/ة, imperfect prefixes


def compiled_split(splitter: CliticSplitter) -> Callable[[str], tuple[int, int]]:
    from khabar.stages.segment._layout import split_word

    rules = segmenter.split_rules(splitter)
    return lambda word: split_word(word, rules)


def plain_words() -> list[str]:
    return sorted(w for w in VOCAB if w and all(c in PLAIN for c in w))


def test_every_word_of_the_vocabulary_is_split_alike() -> None:
    splitter = CliticSplitter(VOCAB)
    split = compiled_split(splitter)
    words = plain_words()
    assert len(words) > 50_000
    assert [split(word) for word in words] == [splitter.split(word) for word in words]


def test_known_words_behind_every_prefix_and_before_every_suffix_are_split_alike() -> None:
    """Every 40th known word behind every prefix and before every suffix (ة written ت before one): the
    rules' every branch meets real counts here."""
    splitter = CliticSplitter(VOCAB)
    split = compiled_split(splitter)
    prefixes = [c + p for c in ("", *CONJUNCTIONS) for p in ("", *PARTICLES)]
    forms = []
    for word in plain_words()[::40]:
        stem = word[:-1] + "ت" if word.endswith("ة") else word
        forms += [p + w + s for p in prefixes for w, s in ((word, ""), *((stem, s) for s in SUFFIXES))]
    assert len(forms) > 200_000
    assert [split(form) for form in forms] == [splitter.split(form) for form in forms]


@settings(max_examples=400, deadline=None)
@given(st.text(CLITIC_LETTERS + "دعر", min_size=1, max_size=9), st.floats(0.0, 3.0), st.integers(0, 50))
def test_any_word_and_any_thresholds_split_alike(word: str, ratio: float, min_count: int) -> None:
    splitter = CliticSplitter(VOCAB, ratio=ratio, min_count=min_count)
    assert compiled_split(splitter)(word) == splitter.split(word)


def test_the_never_split_words_stay_whole() -> None:
    splitter = CliticSplitter(VOCAB)
    split = compiled_split(splitter)
    for word in NEVER_SPLIT:
        assert split(word) == (0, len(word)) == splitter.split(word)


@pytest.mark.parametrize("word", ["", "وَقال", "لـلبنان", "Paris", "ولبنان" * 20])
def test_words_beyond_plain_letters_are_refused(word: str) -> None:
    with pytest.raises(ValueError, match="plain Arabic letters"):
        compiled_split(CliticSplitter(VOCAB))(word)


GLUED = "،.:؛,!?؟()«»\"“”"


LONG_WORD = "بالموصل" * 10  # longer than the C path takes (64 letters): the Python path's


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", *GLUED]), st.sampled_from(plain_words()[:3000] + ["بالموصل", "وَقال", LONG_WORD]),
                          st.sampled_from(["", *GLUED, "..", "ـ"])), min_size=1, max_size=30),
       st.integers(1, 8))
def test_new_words_with_marks_glued_on_tokenise_as_in_python(pieces: list[tuple[str, str, str]], limit: int) -> None:
    """Real words, bare or with marks glued on (the chunks the C loop works out itself), repeated, through a
    memo small enough to turn over: the same tokens and the same memo as the Python loop."""
    text = " ".join(before + word + after for before, word, after in pieces) * 2
    fast, slow = CliticSplitter(VOCAB), CliticSplitter(VOCAB)
    fast.chunks, slow.chunks = RecentCache(limit), RecentCache(limit)
    assert segmenter.tokenise(text, fast, compiled=True) == segmenter.tokenise(text, slow, compiled=False)
    assert fast.chunks.recent == slow.chunks.recent
    assert fast.chunks._older == slow.chunks._older


def test_a_splitter_with_its_own_thresholds_is_followed() -> None:
    text = "ولبنان والرقة بالموصل وزير"
    for ratio, min_count in ((0.5, 5), (50.0, 5), (0.5, 10**9)):
        fast, slow = CliticSplitter(VOCAB, ratio, min_count), CliticSplitter(VOCAB, ratio, min_count)
        assert segmenter.tokenise(text, fast, compiled=True) == segmenter.tokenise(text, slow, compiled=False)


def test_the_c_splitter_reads_its_rules_as_data() -> None:
    """_layout.c holds no clitic, suffix or length of its own: change the data and the C follows it."""
    from khabar.stages.segment._layout import split_word

    rules = segmenter.split_rules(CliticSplitter(VOCAB))
    assert split_word("وحكومتها", rules) == (1, 6)  # و + حكومة written حكومت + ها

    def changed(**fields: object) -> tuple[object, ...]:
        names = ("conjunctions", "particles", "future", "imperfect", "article", "suffixes", "feminine",
                 "min_stem", "min_definite_stem", "dominance")
        clitics = tuple(fields.get(name, value) for name, value in zip(names, CLITIC_RULES, strict=True))
        return (*rules[:6], clitics, rules[7])

    assert split_word("وحكومتها", changed(suffixes=())) == (1, 8)
    assert split_word("وحكومتها", changed(feminine="دة")) == (1, 8)
    assert split_word("وحكومتها", changed(conjunctions="ف")) == (0, 6)
    assert split_word("وحكومتها", changed(min_stem=9)) == (0, 8)


@pytest.mark.parametrize("bad", [(), ("وف",), ("وف", "بلكس", "سس", "يتنأ", "ال", (), "تة", 3, 2, 5)])
def test_the_c_splitter_refuses_malformed_rules(bad: tuple[object, ...]) -> None:
    from khabar.stages.segment._layout import split_word

    rules = segmenter.split_rules(CliticSplitter(VOCAB))
    with pytest.raises(TypeError, match="rules"):
        split_word("وحكومتها", (*rules[:6], bad, rules[7]))
