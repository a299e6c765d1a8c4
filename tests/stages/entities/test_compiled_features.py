"""The C version of a word's static features (``_features.c``) gives the very lists of the Python one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.entities import features
from khabar.stages.entities.features import FeatureExtractor, Lexicon
from khabar.stages.entities.tagger import NerTagger

pytestmark = pytest.mark.skipif(not features.COMPILED, reason="khabar was installed without its C feature extractor")


def pair(lexicon: Lexicon) -> tuple[FeatureExtractor, FeatureExtractor]:
    compiled, python = FeatureExtractor(lexicon, compiled=True), FeatureExtractor(lexicon, compiled=False)
    assert compiled._compiled and not python._compiled
    return compiled, python


def test_every_word_of_the_shipped_lexicon_and_its_clitic_forms_gets_the_same_features() -> None:
    """The shipped clusters, gazetteer and ranks (their every word, behind proclitics, with a diacritic or
    a tatweel, in Arabic-Indic digits): each branch of the features meets real entries here."""
    compiled, python = pair(NerTagger.load().extractor.lexicon)
    lexicon = compiled.lexicon
    words = sorted({*lexicon.clusters, *lexicon.gazetteer, *lexicon.ranks})
    assert len(words) > 50_000
    forms = [*words, *(p + w for w in words[::7] for p in ("و", "ب", "ل", "لل", "وب", "فال", "ول")),
             *(w[:1] + "\u064e" + w[1:] + "\u0640" for w in words[::11]), "٢٠١٤", "۲۰۱۶", "F-16", "CNN", "x²", "²", "", "ـ", "أإآٱىةکی",
             "\x00", "ال\x00موصل", "\x00\u064e"]
    assert [compiled.word_features(f) for f in forms] == [python.word_features(f) for f in forms]


LEXICON = Lexicon(clusters={"الموصل": "3\t17\t200", "موصل": "5\t9\t11", "لبنان": "3\t17\t201", "قال": "1\t2\t3", "بنان": ""},
                  gazetteer={"موصل": frozenset({"LOC", "LOCB"}), "الموصل": frozenset({"LOC", "ORG"}), "بنان": frozenset({"PER"})},
                  ranks={"الموصل": 5, "قال": 2_000, "لبنان": 20_000, "موصل": 60_000, "بنان": 999}, silver={"موصل": "LOC"})


@settings(max_examples=400)
@given(st.one_of(
    st.text(st.sampled_from("أإآٱاىيةهبلوفكسالموصلنتم٣3aZـ،َ\u0670-😀\x00"), max_size=8),
    st.tuples(st.sampled_from(["", "و", "ب", "ال", "وبال", "لل", "ف", "وال", "ولل"]),
              st.sampled_from(["الموصل", "موصل", "لبنان", "قال", "مصطفى", "بنان"]),
              st.text(st.sampled_from("اهنم٣ـ"), max_size=2)).map("".join)))
def test_any_token_gets_the_same_features(token: str) -> None:
    compiled, python = pair(LEXICON)
    assert compiled.word_features(token) == python.word_features(token)


def test_without_silver_kinds_the_lists_agree_too() -> None:
    compiled, python = pair(Lexicon(clusters=LEXICON.clusters, gazetteer=LEXICON.gazetteer, ranks=LEXICON.ranks))
    for token in ("وبالموصل", "لبنان", "قال", "x"):
        assert compiled.word_features(token) == python.word_features(token)


def test_ngram_models_and_other_mappings_use_the_python_features() -> None:
    assert not FeatureExtractor(LEXICON, frozenset({"ngrams"}), compiled=True)._compiled
    from types import MappingProxyType

    proxy = Lexicon(clusters=MappingProxyType(dict(LEXICON.clusters)))
    assert not FeatureExtractor(proxy, compiled=True)._compiled


STEM_WORDS = ["محمد", "ومحمد", "بغداد", "لبغداد", "قال", "في", "و", "أحمد", "احمد", "الموصل", "للموصل", "x", "٢٠"]
TAGS = ["O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG", "B-MISC", "X", "B-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(STEM_WORDS), st.sampled_from(TAGS)), max_size=8), max_size=14),
       st.integers(0, 4))
def test_second_pass_attributes_are_the_same_in_c(sentences: list[list[tuple[str, str]]], window: int) -> None:
    """Stems that recur within and beyond the window, of one type, of none and of several, tags of any shape."""
    words = [[word for word, _ in sentence] for sentence in sentences]
    labels = [[tag for _, tag in sentence] for sentence in sentences]
    compiled = features.second_pass_attributes(words, labels, window, compiled=True)
    assert compiled == features.second_pass_attributes(words, labels, window, compiled=False)
    assert features.second_pass_attributes(tuple(map(tuple, words)), tuple(map(tuple, labels)), window, compiled=True) == compiled


def test_second_pass_attributes_refuse_mismatched_input() -> None:
    with pytest.raises(ValueError, match="one label per token"):
        features.second_pass_attributes([["محمد", "قال"]], [["O"]], 10, compiled=True)
    with pytest.raises(ValueError, match="one label list per sentence"):
        features.second_pass_attributes([["محمد"]], [], 10, compiled=True)
    with pytest.raises(TypeError, match="tokens and labels must be str"):
        features.second_pass_attributes([["محمد", 5]], [["O", "O"]], 10, compiled=True)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="sentences must be sequences of str"):
        features.second_pass_attributes([5], [["O"]], 10, compiled=True)  # type: ignore[list-item]
    assert features.second_pass_attributes([], [], 10, compiled=True) == []
