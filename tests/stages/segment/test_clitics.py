"""One clitic splitter: the corpus-judged split and the rules-only one share their clitics and their rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.segment.clitics import (
    MIN_DEFINITE_STEM,
    MIN_STEM,
    CliticSplitter,
    article_length,
    load_vocab,
    proclitic_lengths,
    stem_candidates,
    strip_clitics,
)

SPLITTER = CliticSplitter(load_vocab())


@pytest.mark.parametrize(("word", "stem"), [("للرد", "لرد"), ("للحق", "لحق"), ("للحكومة", "لحكومة")])
def test_lam_and_the_article_leave_two_letters_in_both_modes(word: str, stem: str) -> None:
    """ل + ال (written لل) leaves MIN_DEFINITE_STEM letters, as the article does (the corpus split once asked three)."""
    start, end = SPLITTER.split(word)
    assert word[start:end] == stem
    assert strip_clitics(word) == ("لل", stem[1:])


@pytest.mark.parametrize(("word", "corpus", "rules"), [("سيكون", "يكون", "سيكون"), ("سيارة", "سيارة", "سيارة"), ("سنة", "سنة", "سنة")])
def test_the_future_prefix_needs_the_corpus(word: str, corpus: str, rules: str) -> None:
    start, end = SPLITTER.split(word)
    assert (word[start:end], strip_clitics(word)[1]) == (corpus, rules)


def test_the_rules_leave_a_minimum_stem() -> None:
    assert proclitic_lengths("وبين") == (1,)  # وب would leave two letters
    assert article_length("الحق", after_lam=False) == 2 and article_length("الح", after_lam=False) == 0
    assert strip_clitics("فالح") == ("ف", "الح")


@given(st.text("وفبلكسالحقمدنيةته", max_size=9))
def test_every_rules_only_form_keeps_its_minimum_stem(word: str) -> None:
    forms = stem_candidates(word)
    assert forms[0] == word and strip_clitics(word)[1] == forms[-1]
    assert all(len(form) >= min(len(word), MIN_DEFINITE_STEM) for form in forms)
    prefix, stem = strip_clitics(word)
    assert prefix + stem == word
    if prefix and "ال" not in prefix and not prefix.endswith("لل"):
        assert len(stem) >= MIN_STEM
