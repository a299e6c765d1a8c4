"""The CRF scorer's C routines give the very bits of its numpy paths: ``_features.summed_rows`` the table and ids
of ``crf.Scorer._summed_ids`` (both adding each group's rows left to right in float32), ``normal_serials`` and
``static_sums`` the scores and uses of ``_static_scores``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.entities import features
from khabar.stages.entities.crf import SLOT_BITS, CrfWeights, Scorer
from khabar.stages.entities.features import FeatureExtractor, Lexicon
from khabar.stages.entities.tagger import FIRST_PASS, SECOND_PASS, NerTagger, default_model_dir

pytestmark = pytest.mark.skipif(not features.COMPILED, reason="khabar was installed without its C feature extractor")

LEXICON = Lexicon(clusters={"الموصل": "3\t17\t200", "موصل": "5\t9\t11", "لبنان": "3\t17\t201", "قال": "1\t2\t3"},
                  gazetteer={"موصل": frozenset({"LOC"}), "الموصل": frozenset({"LOC", "ORG"})},
                  ranks={"الموصل": 5, "قال": 2_000, "لبنان": 20_000}, silver={"موصل": "LOC"})
SEEDS = ["الموصل", "وبالموصل", "لبنان", "قال", "للموصل", "موصل", "x", "٢٠١٤"]


def both_ways(scorer: Scorer, batches: list[list[str]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """The table's used rows and the ids after adding ``batches`` of new tokens, with the C routine and without."""
    summer = scorer._row_summer
    assert summer is not None
    results = []
    for way in (summer, None):
        scorer._reset()
        scorer._row_summer = way
        for batch in batches:
            scorer._add_rows(batch)
        results.append((scorer._table[: scorer._used].copy(), scorer._ids[: len(scorer._rows)].copy()))
    scorer._row_summer = summer
    return results


def toy_scorer(seed: int, options: frozenset[str] = frozenset()) -> Scorer:
    """A two-pass scorer whose attributes are the features of SEEDS, own and as neighbours, with weights of
    very different sizes (so that the order of the additions shows in the sums' last bits)."""
    extractor = FeatureExtractor(LEXICON, options)
    names = sorted({feature for word in SEEDS for feature in extractor.word_features(word)})
    names += [f"bi-={a}|{b}" for a in ("<s>", *SEEDS[:4], "|", "ا|ب") for b in (*SEEDS[:4], "|", "ا|ب")]
    names += [f"bi+={a}|{b}" for a in (*SEEDS[:4], "|", "ا|ب") for b in ("</s>", *SEEDS[:4], "|", "ا|ب")]
    names += [f"{offset}:{edge}" for offset, edge in ((-1, "<s>"), (1, "</s>"))]
    names += [f"{offset}:{name}" for offset in extractor.window for name in names[::2]]
    rng = np.random.default_rng(seed)
    models = []
    for labels in (("O", "B-LOC", "I-LOC"), ("O", "B-LOC")):
        state = (rng.standard_normal((len(names) + 1, len(labels))) * 10.0 ** rng.integers(-3, 4, (len(names) + 1, 1)))
        state[0] = 0
        models.append(CrfWeights(labels, {name: row for row, name in enumerate(names, 1)}, state.astype(np.float32),
                                 np.zeros((len(labels), len(labels)), np.float32)))
    return Scorer(models, extractor)


def test_the_shipped_model_sums_its_lexicon_words_alike() -> None:
    """The shipped two-pass weights over lexicon words and their clitic forms, in article-sized batches."""
    directory = default_model_dir()
    tagger = NerTagger.load()
    scorer = Scorer([CrfWeights.load(directory / FIRST_PASS), CrfWeights.load(directory / SECOND_PASS)], tagger.extractor)
    lexicon = tagger.extractor.lexicon
    words = sorted({*lexicon.clusters, *lexicon.gazetteer})[::9]
    forms = list(dict.fromkeys([*words, *(p + w for w in words[::5] for p in ("و", "ب", "لل", "وال")), "٢٠١٤", "F-16", "ـ"]))
    assert len(forms) > 15_000
    (c_table, c_ids), (np_table, np_ids) = both_ways(scorer, [forms[i : i + 40] for i in range(0, len(forms), 40)])
    assert c_table.tobytes() == np_table.tobytes() and np.array_equal(c_ids, np_ids)
    assert len(c_table) > len(scorer._state) + len(forms)  # most forms have sums of their own


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**16), st.lists(st.lists(st.one_of(
    st.sampled_from(SEEDS),
    st.tuples(st.sampled_from(["", "و", "ب", "ال", "لل"]), st.sampled_from(SEEDS), st.sampled_from(["", "ه", "ها"])).map("".join),
    st.text(st.sampled_from("الموصلبنقx٢ـ"), max_size=6)), max_size=12), max_size=4))
def test_any_tokens_get_the_same_bits_both_ways(seed: int, batches: list[list[str]]) -> None:
    scorer = toy_scorer(seed)
    (c_table, c_ids), (np_table, np_ids) = both_ways(scorer, batches)
    assert c_table.tobytes() == np_table.tobytes() and np.array_equal(c_ids, np_ids)


def test_a_sum_is_its_rows_added_left_to_right_in_float32() -> None:
    scorer = toy_scorer(7)
    scorer._add_rows(["وبالموصل"])
    own = [pair >> SLOT_BITS for feature in scorer.extractor.word_features("وبالموصل")
           for pair in scorer._slots.get(feature, ()) if pair & ((1 << SLOT_BITS) - 1) == 0]
    assert len(own) > 5
    expected = scorer._state[own[0]].copy()
    for row in own[1:]:
        expected = (expected + scorer._state[row]).astype(np.float32)
    assert scorer._table[scorer._ids[scorer._rows["وبالموصل"], 0]].tobytes() == expected.tobytes()


def summer_call(scorer: Scorer, tokens: list[Any], slots: Any = None, table: Any = None, used: int | None = None,
                ids: Any = None) -> int:
    """Call the C routine with the scorer's own arguments but those given."""
    summer = scorer._row_summer
    assert summer is not None
    width = 1 + len(scorer.extractor.window)
    return summer(tokens, scorer._slots if slots is None else slots, scorer._table if table is None else table,
                  scorer._used if used is None else used, np.zeros((len(tokens), width), np.int64) if ids is None else ids)


def test_bad_arguments_are_refused_with_reasons() -> None:
    scorer = toy_scorer(1)
    with pytest.raises(TypeError, match="tokens must be str"):
        summer_call(scorer, ["قال", 5])
    with pytest.raises(ValueError, match="table must be float32"):
        summer_call(scorer, ["قال"], table=scorer._table.astype(np.float64))
    with pytest.raises(ValueError, match="ids must be int64"):
        summer_call(scorer, ["قال"], ids=np.zeros((2, 5), np.int64))
    with pytest.raises(ValueError, match="used must be within"):
        summer_call(scorer, ["قال"], used=len(scorer._table) + 1)
    with pytest.raises(ValueError, match="names slot"):
        summer_call(scorer, ["قال"], slots={"w=قال": (len(scorer._state) << SLOT_BITS,)})
    with pytest.raises(ValueError, match="names slot"):
        summer_call(scorer, ["قال"], slots={"w=قال": (7,)})  # slot 7 of a window of 4
    with pytest.raises(TypeError, match="tuples of ints"):
        summer_call(scorer, ["قال"], slots={"w=قال": [8]})
    full = np.zeros((len(scorer._state), scorer._state.shape[1]), np.float32)
    full[:] = scorer._state
    with pytest.raises(ValueError, match="rows are full"):
        summer_call(scorer, ["الموصل"], table=full)
    with pytest.raises(TypeError, match="table must be a C-contiguous writable buffer"):
        summer_call(scorer, ["قال"], table=b"read-only bytes")
    with pytest.raises(TypeError, match="ids must be a C-contiguous writable buffer"):
        summer_call(scorer, ["قال"], ids=np.zeros((1, 10), np.int64)[:, ::2])


def test_the_scorer_grows_its_table_rather_than_overflow_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.stages.entities import crf

    monkeypatch.setattr(crf, "TABLE_GROWTH", 4)
    monkeypatch.setattr(crf, "TABLE_LIMIT", 1)
    scorer = toy_scorer(3)
    expected = toy_scorer(3)
    expected._row_summer = None
    tokens = [p + w for p in ("", "و", "ب", "لل") for w in SEEDS]
    scorer._add_rows(tokens)
    expected._add_rows(tokens)
    assert scorer._used > len(scorer._state) + 4
    assert scorer._table[: scorer._used].tobytes() == expected._table[: expected._used].tobytes()


def scores_both_ways(scorer: Scorer, batches: list[list[list[str]]]) -> list[tuple[list[bytes], np.ndarray]]:
    """Each batch's static scores (as bytes) and the uses after them, gathered in C and by numpy (from an empty cache)."""
    results = []
    for compiled in (True, False):
        scorer._reset()
        scorer._compiled_gather = compiled
        scores = [scorer._static_scores(batch).tobytes() for batch in batches]
        results.append((scores, scorer._uses[: len(scorer._rows)].copy()))
    scorer._compiled_gather = True
    return results


def test_the_shipped_model_scores_real_sentences_alike(pipeline: Any) -> None:
    """The golden articles' sentences (segmented by the pipeline), article by article as the stage sends them."""
    from khabar.model import Document
    from khabar.stages.entities.stage import tokens_by_sentence
    from khabar.stages.read import read_path

    tagger = NerTagger.load()
    scorer = Scorer([CrfWeights.load(default_model_dir() / FIRST_PASS), CrfWeights.load(default_model_dir() / SECOND_PASS)],
                    tagger.extractor)
    assert scorer._compiled_gather
    batches = []
    for article in sorted((Path(__file__).parents[2] / "golden").glob("*/article.*")):
        (read,) = read_path(article)
        assert isinstance(read, Document)
        doc = pipeline(read)
        sentences = [[doc.text[t.start : t.end] for t in tokens] for tokens in tokens_by_sentence(doc.sentences, doc.tokens)]
        batches.append([sentence for sentence in sentences if sentence])
    assert sum(map(len, batches)) > 50
    (c_scores, c_uses), (np_scores, np_uses) = scores_both_ways(scorer, batches + batches[:2])
    assert c_scores == np_scores and np.array_equal(c_uses, np_uses)


SENTENCE_WORDS = st.one_of(st.sampled_from([*SEEDS, "|", "ا|ب", "أحمد", "الموصلَ"]), st.text(st.sampled_from("الموصلبن|ـx٢"), min_size=1, max_size=5))


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**16), st.booleans(),
       st.lists(st.lists(st.lists(SENTENCE_WORDS, min_size=1, max_size=9), min_size=1, max_size=4), min_size=1, max_size=3))
def test_any_sentences_get_the_same_scores_both_ways(seed: int, wide: bool, batches: list[list[list[str]]]) -> None:
    """Words that hold "|" (their bigrams are looked up by full name), one-word sentences (both edges), a
    window of +-3 (offsets past the sentence that have no edge attribute) and forms that normalise."""
    scorer = toy_scorer(seed, frozenset({"wide"}) if wide else frozenset())
    (c_scores, c_uses), (np_scores, np_uses) = scores_both_ways(scorer, batches)
    assert c_scores == np_scores and np.array_equal(c_uses, np_uses)


def test_the_gathering_routines_refuse_bad_arguments() -> None:
    from khabar.stages.entities._features import normal_serials, static_sums

    scorer = toy_scorer(2)
    serials = np.zeros(2, np.int64)
    with pytest.raises(TypeError, match="tokens must be str"):
        normal_serials([["قال", 3]], {}, serials)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="more tokens than serials"):
        normal_serials([["قال", "في", "بغداد"]], {}, serials)
    with pytest.raises(ValueError, match="fewer tokens than serials"):
        normal_serials([["قال"]], {}, serials)
    with pytest.raises(ValueError, match="serials must be int64"):
        normal_serials([["قال"]], {}, np.zeros(1, np.float64))
    assert normal_serials([["قال", "أحمد"]], {"قال": 4}, serials) == (["قال", "احمد"], ["احمد"]) and serials.tolist() == [4, -1]

    scorer._add_rows(["قال", "الموصل"])
    forms = ["قال", "الموصل"]

    def call(**change: Any) -> None:
        arguments: dict[str, Any] = dict(forms=forms, lengths=np.array([2], np.int64), serials=np.array([0, 1], np.int64), ids=scorer._ids,
                         uses=scorer._uses, table=scorer._table, window=scorer._window, edges=scorer._edges,
                         before=scorer._bigrams[0], after=scorer._bigrams[1], attributes=scorer.attributes,
                         out=np.zeros((2, scorer._table.shape[1]), np.float32))
        arguments.update(change)
        static_sums(*arguments.values())

    call()
    with pytest.raises(ValueError, match="lengths must be positive"):
        call(lengths=np.array([1, 0, 1], np.int64))
    with pytest.raises(ValueError, match="lengths must be positive"):
        call(lengths=np.array([1], np.int64))
    with pytest.raises(ValueError, match="serial 99999999 is outside"):
        call(serials=np.array([0, 99_999_999], np.int64))
    with pytest.raises(ValueError, match="out must be"):
        call(out=np.zeros((3, scorer._table.shape[1]), np.float32))
    with pytest.raises(ValueError, match="table and out must be float32"):
        call(table=scorer._table.astype(np.float64))
    with pytest.raises(ValueError, match="edges must have a row per window offset"):
        call(edges=np.zeros(1, np.int64))
    with pytest.raises(TypeError, match="out must be a C-contiguous writable buffer"):
        call(out=np.zeros((2, scorer._table.shape[1]), np.float32)[:, ::-1])
    with pytest.raises(TypeError, match="forms must be str"):
        call(forms=["قال", 5])
    with pytest.raises(ValueError, match="row 10000000 is outside the table"):
        call(before={"<s>": {"قال": 10_000_000}})
    with pytest.raises(TypeError, match="map words to dicts"):
        call(before={"<s>": 3})


EXTRA_NAMES = ["s1=O", "s1=B-LOC", "s1-1=<s>", "s1+1=</s>", "dn=0", "dmaj=LOC", "dt=LOC", "unknown", "s1=I-LOC"]


def extras_scorer(seed: int) -> Scorer:
    """A toy two-pass scorer whose second pass knows the extra attributes (weights of very different sizes, some
    -0.0, so that the order of the additions and the sign of a zero both show in the bits)."""
    scorer = toy_scorer(seed)
    names = [name for name in EXTRA_NAMES if name != "unknown"]
    rng = np.random.default_rng(seed)
    state = np.zeros((len(scorer._state) + len(names), scorer._state.shape[1]), np.float32)
    state[: len(scorer._state)] = scorer._state
    extra = rng.standard_normal((len(names), state.shape[1])) * 10.0 ** rng.integers(-3, 4, (len(names), 1))
    extra[0] = -0.0
    state[len(scorer._state) :] = extra
    scorer._state = state
    scorer.attributes = {**scorer.attributes, **{name: row for row, name in enumerate(names, len(scorer.attributes) + 1)}}
    return scorer


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**16), st.lists(st.lists(st.lists(st.sampled_from(EXTRA_NAMES), max_size=9).map(tuple), min_size=1, max_size=6),
                                       min_size=1, max_size=4), st.sampled_from([slice(0, 3), slice(3, 5)]))
def test_extra_scores_are_added_alike(seed: int, extras: list[list[tuple[str, ...]]], columns: slice) -> None:
    """Tokens with no extras, unknown names (the zero row), -0.0 weights and fewer names than the longest (numpy's
    zero padding): the C emissions have the numpy path's very bits."""
    scorer = extras_scorer(seed)
    tokens = sum(map(len, extras))
    static = np.random.default_rng(seed).standard_normal((tokens, scorer._state.shape[1])).astype(np.float32)
    static[0] = -0.0
    compiled = scorer._emissions(static, columns, extras)
    scorer._compiled_gather = False
    assert compiled.tobytes() == scorer._emissions(static, columns, extras).tobytes()
    assert scorer._emissions(static, columns, None).tobytes() == static[:, columns].tobytes()


def test_extra_emissions_refuse_bad_arguments() -> None:
    from khabar.stages.entities._features import extra_emissions

    scorer = extras_scorer(1)
    static = np.zeros((2, scorer._state.shape[1]), np.float32)

    def call(extras: Any = None, start: int = 0, stop: int = 3, out: Any = None, state: Any = None) -> None:
        extra_emissions([[("s1=O",), ("dn=0",)]] if extras is None else extras, scorer.attributes,
                        scorer._state if state is None else state, start, stop, static,
                        np.zeros((2, stop - start), np.float32) if out is None else out)

    call()
    with pytest.raises(TypeError, match="tuple or list of str"):
        call(extras=[["s1=O", "dn=0"]])
    with pytest.raises(TypeError, match="attribute names must be str"):
        call(extras=[[(5,), ("dn=0",)]])
    with pytest.raises(ValueError, match="static must be"):
        call(extras=[[("s1=O",)]])
    with pytest.raises(ValueError, match="columns must lie within"):
        call(start=3, stop=99)
    with pytest.raises(ValueError, match="float32 matrices"):
        call(state=scorer._state.astype(np.float64))
    with pytest.raises(TypeError, match="out must be a C-contiguous writable buffer"):
        call(out=np.zeros((2, 6), np.float32)[:, ::2])
    with pytest.raises(ValueError, match="outside the weights"):
        extra_emissions([[("s1=O",), ("x",)]], {"s1=O": 10**6}, scorer._state, 0, 3, static, np.zeros((2, 3), np.float32))
