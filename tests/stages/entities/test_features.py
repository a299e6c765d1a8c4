"""Normalisation, clitic stripping and CRF features."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.stages.entities.features import FeatureExtractor, Lexicon, shape
from khabar.stages.normalise import normalise_cased as normalise
from khabar.stages.segment.clitics import stem_candidates, strip_clitics


def test_normalise_strips_diacritics_tatweel_and_unifies_letters() -> None:
    assert normalise("أَعْلَـــنَ") == "اعلن"
    assert normalise("إيران") == normalise("ايران")
    assert normalise("مصطفى") == "مصطفي"
    assert normalise("الجامعة") == "الجامعه"
    assert normalise("٢٠٠٣") == "2003"


def test_strip_clitics() -> None:
    assert strip_clitics("بالموصل") == ("بال", "موصل")
    assert strip_clitics("وبالموصل") == ("وبال", "موصل")
    assert strip_clitics("للحكومه") == ("لل", "حكومه")
    assert strip_clitics("في") == ("", "في")


def test_stem_candidates_keep_every_split() -> None:
    assert stem_candidates("ولبنان") == ("ولبنان", "لبنان", "بنان")
    assert stem_candidates("بالموصل")[-1] == "موصل"


def test_shape() -> None:
    assert [shape(t) for t in ("بغداد", "CNN", "2003", "،", "F16")] == ["arabic", "latin", "digit", "punct", "mixed"]


def lexicon() -> Lexicon:
    return Lexicon(clusters={"موصل": "3\t17\t200", "قال": "1\t2\t3"},
                   gazetteer={"موصل": frozenset({"LOCB"})}, ranks={"قال": 10, "موصل": 20_000})


def test_static_features_use_stem_for_clusters_and_gazetteer() -> None:
    features = FeatureExtractor(lexicon()).static("بالموصل")
    assert "w=بالموصل" in features and "st=موصل" in features and "pre=بال" in features
    assert "sc1=3" in features and "g=LOCB" in features
    assert "fb=oov" in features


def test_sentence_features_have_window_and_boundaries() -> None:
    rows = FeatureExtractor(lexicon()).sentence(["قال", "بالموصل"])
    assert len(rows) == 2
    assert "-1:<s>" in rows[0] and "1:</s>" in rows[1]
    assert "1:w=بالموصل" in rows[0] and "-1:w=قال" in rows[1]
    assert "fb=1000" in rows[0]


def test_features_ignore_diacritics() -> None:
    extractor = FeatureExtractor(lexicon())
    assert extractor.sentence(["قَالَ"]) == extractor.sentence(["قال"])


def test_empty_sentence() -> None:
    assert FeatureExtractor(Lexicon()).sentence([]) == []


def test_second_pass_adds_first_pass_labels_and_document_context() -> None:
    from khabar.stages.entities.features import second_pass

    extractor = FeatureExtractor(Lexicon())
    sentences = [["قال", "أوباما", "إن"], ["وصل", "أوباما", "إلى", "القاهرة"], ["لأوباما"]]
    first = [["O", "B-PER", "O"], ["O", "O", "O", "B-LOC"], ["O"]]
    rows = second_pass([extractor.sentence(s) for s in sentences], sentences, first)
    second_mention = rows[1][1]
    assert "s1=O" in second_mention and "s1+1=O" in second_mention
    assert "dt=PER" in second_mention and "dmaj=O" in second_mention
    assert "dt=PER" in rows[2][0]  # clitic-stripped stem matches
    assert "dn=0" in rows[1][3]  # القاهرة occurs once


def test_second_pass_respects_the_window() -> None:
    from khabar.stages.entities.features import second_pass

    extractor = FeatureExtractor(Lexicon())
    sentences = [["أوباما"]] + [["و"]] * 5 + [["أوباما"]]
    first = [["B-PER"]] + [["O"]] * 5 + [["O"]]
    rows = second_pass([extractor.sentence(s) for s in sentences], sentences, first, window=2)
    assert "dn=0" in rows[-1][0]


def _shape_by_definition(token: str) -> str:
    kinds = {"arabic" if 0x0621 <= ord(c) <= 0x064A else "digit" if c.isdigit() else "latin" if c.isalpha() else "punct"
             for c in token}
    return kinds.pop() if len(kinds) == 1 else "mixed"


@given(st.text(st.one_of(st.characters(), st.sampled_from("قالبـً٣3aZ²،"))))
def test_shape_fast_path_agrees_with_the_definition(token: str) -> None:
    assert shape(token) == _shape_by_definition(token)


def _second_pass_by_definition(sentences: list[list[str]], labels: list[list[str]], window: int) -> list[list[list[str]]]:
    """Every token's second-pass attributes, straight from their definition (no memo, no fast path)."""
    from khabar.stages.entities.features import MIN_CONTEXT_STEM, entity_type, token_stem

    out = []
    for row, (tokens, tags) in enumerate(zip(sentences, labels, strict=True)):
        around = ["<s>", *tags, "</s>"]
        rows = []
        for column, token in enumerate(tokens):
            extra = ["s1=" + around[column + 1], "s1-1=" + around[column], "s1+1=" + around[column + 2]]
            stem = token_stem(token)
            everywhere = [(r, c) for r, other in enumerate(sentences) for c, t in enumerate(other) if token_stem(t) == stem]
            if len(stem) >= MIN_CONTEXT_STEM and len(everywhere) == 1:
                extra.append("dn=0")
            elif len(stem) >= MIN_CONTEXT_STEM:
                kinds = [entity_type(labels[r][c]) for r, c in everywhere if abs(r - row) <= window and (r, c) != (row, column)]
                if not kinds:
                    extra.append("dn=0")
                else:
                    counts = {kind: kinds.count(kind) for kind in sorted(set(kinds))}
                    extra += ["dmaj=" + max(counts, key=counts.__getitem__),
                              *("dt=" + kind for kind in counts if kind != "O")]
            rows.append(extra)
        out.append(rows)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["أوباما", "لأوباما", "في", "و", "القاهرة", "قال", "وزارة"]),
                                   st.sampled_from(["O", "O", "B-PER", "I-PER", "B-LOC", "B-ORG"])), max_size=6), max_size=12),
       st.integers(0, 4))
def test_second_pass_attributes_match_their_definition(document: list[list[tuple[str, str]]], window: int) -> None:
    from khabar.stages.entities.features import second_pass_attributes

    sentences = [[token for token, _ in sentence] for sentence in document]
    labels = [[label for _, label in sentence] for sentence in document]
    found = [[list(extra) for extra in sentence] for sentence in second_pass_attributes(sentences, labels, window)]
    assert found == _second_pass_by_definition(sentences, labels, window)


@given(st.text(st.sampled_from("أإآٱاىيةهکیبلوفكسالموصل٣3ًٌـ"), min_size=1, max_size=9))
def test_static_features_depend_on_the_normal_form_only(token: str) -> None:
    """The CRF scorer keeps a token's summed rows per normal form: that is only right if this holds."""
    extractor = FeatureExtractor(Lexicon(clusters={"الموصل": "3\t17"}, gazetteer={"موصل": frozenset({"LOC"})},
                                         ranks={"الموصل": 5}, silver={"موصل": "LOC"}), frozenset({"ngrams"}))
    assert extractor.word_features(token) == extractor.word_features(normalise(token))


def _word_features_by_definition(lexicon: Lexicon, token: str) -> list[str]:
    """A token's static features written out plainly (no shared strings, no memo)."""
    from khabar.stages.entities.features import token_stem

    word = normalise(token)
    prefix, stem = strip_clitics(word)
    affixes = [name for size in (1, 2, 3) if len(stem) > size for name in (f"p{size}={stem[:size]}", f"s{size}={stem[-size:]}")]
    features = ["bias", f"w={word}", f"st={stem}", f"pre={prefix}", f"sh={shape(word)}", *affixes, *(["long"] if len(stem) > 7 else [])]
    features += [f"ng={stem[i : i + 3]}" for i in range(1, len(stem) - 3)]
    ids = lexicon.clusters.get(word)
    features += [f"c{level}={cluster}" for level, cluster in enumerate(ids.split("\t"), 1)] if ids else []
    for form in stem_candidates(word)[1:] or (stem,):
        if ids := lexicon.clusters.get(form):
            features += [f"sc{level}={cluster}" for level, cluster in enumerate(ids.split("\t"), 1)]
            break
    features += ["g=" + tag for tag in sorted({tag for form in stem_candidates(word) for tag in lexicon.gazetteer.get(form, ())})]
    if (kind := lexicon.silver.get(token_stem(token))) is not None:
        features.append("sv=" + kind)
    rank = lexicon.ranks.get(word)
    band = "oov" if rank is None else next((str(b) for b in (1_000, 10_000, 50_000) if rank < b), "rare")
    return [*features, "fb=" + band]


_LETTERS = st.text(st.sampled_from("أإآٱاىيةهبلوفكسالموصلنتم٣3aـ،َ"), max_size=6)
_TOKENS = st.one_of(  # random letters, or known words behind proclitics and before more letters
    _LETTERS.filter(bool),
    st.tuples(st.sampled_from(["", "و", "ب", "ال", "وبال", "لل", "ف", "وال"]),
              st.sampled_from(["الموصل", "موصل", "لبنان", "قال", "مصطفى", "بنان"]), _LETTERS).map("".join))


@settings(max_examples=300)
@given(_TOKENS)
def test_static_features_match_their_definition(token: str) -> None:
    """The shared strings and memos of ``word_features`` give exactly the plainly written features."""
    words = Lexicon(clusters={"الموصل": "3\t17\t200", "موصل": "5\t9\t11", "لبنان": "3\t17\t201", "قال": "1\t2\t3"},
                    gazetteer={"موصل": frozenset({"LOC", "LOCB"}), "الموصل": frozenset({"LOC", "ORG"}), "بنان": frozenset({"PER"})},
                    ranks={"الموصل": 5, "قال": 2_000, "لبنان": 20_000, "موصل": 60_000}, silver={"موصل": "LOC"})
    extractor = FeatureExtractor(words, frozenset({"ngrams"}))
    assert extractor.word_features(token) == _word_features_by_definition(words, token)
