"""Normalisation, clitic stripping and CRF features."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from khabar.stages.entities.features import FeatureExtractor, Lexicon, shape
from khabar.stages.entities.normalise import normalise, stem_candidates, strip_clitics


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
